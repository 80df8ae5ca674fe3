//! Each format as it is pasted, each measure, each refusal in the words the reader
//! sees, and reading in steps.

use super::*;
use crate::checklist::questions::events::NameKind;

/// 2023-11-14 22:13:20 UTC.
const NOW: i64 = 1_700_000_000;
const DAY: i64 = 86_400;

fn sample(text: &str) -> Sample {
    read(text, NOW, 48).unwrap_or_else(|e| panic!("refused: {}", e.message()))
}

fn refusal(text: &str) -> String {
    match read(text, NOW, 48) {
        Err(e) => e.message(),
        Ok(s) => panic!("read as {s:?}"),
    }
}

fn problems(s: &Sample) -> Vec<String> {
    s.problems.iter().map(Problem::message).collect()
}

fn names(s: &Sample) -> Vec<(&str, usize)> {
    s.names
        .counted
        .iter()
        .map(|n| (n.name.as_str(), n.events))
        .collect()
}

/// An ISO timestamp `days` before NOW (at NOW's time of day).
fn ago(days: i64) -> String {
    let t = NOW - days * DAY;
    let (date, _) = crate::checklist::schedule::time::split(t);
    format!("{date}T22:13:20Z")
}

const BATCH: &str = r#"{"api_key": "phc_abcdefghijklmnop", "historical_migration": true, "batch": [
  {"event": "$pageview", "distinct_id": "user-1", "timestamp": "2023-01-01T12:00:00Z", "properties": {"$current_url": "https://example.com"}},
  {"event": "$identify", "distinct_id": "user-1", "timestamp": "2023-01-01T12:00:01Z", "properties": {"$anon_distinct_id": "anon-1"}},
  {"event": "signed up", "properties": {"distinct_id": "user-2"}, "timestamp": "2023-01-01T12:00:02Z"}
]}"#;

#[test]
fn a_batch_body_is_one_request_with_its_events_flag_and_key() {
    let s = sample(BATCH);
    assert_eq!(s.format, SampleFormat::Batch);
    assert_eq!(s.events, 3);
    let r = s.requests;
    assert_eq!((r.count(), r.batch.count, r.single.count), (1, 1, 0));
    assert_eq!((r.batch.events, r.batch.most_events), (3, 3));
    assert_eq!(r.events_per_request(), 3.0);
    assert_eq!(r.historical.coverage(), Coverage::All);
    assert_eq!(r.batch.largest_line, 1);
    assert_eq!(s.keys.token_fields, 1);
    assert_eq!(s.keys.project_keys, 1);
    assert_eq!(s.distinct_ids.distinct, 2);
    assert_eq!(s.distinct_ids.from_properties, 1);
    assert!(s.problems.is_empty(), "{:?}", problems(&s));
}

// serde_json is a native dev-dependency only.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn sizes_are_as_sent_compactly_whatever_the_paste_s_layout() {
    let value: serde_json::Value = serde_json::from_str(BATCH).unwrap_or_default();
    let compact = serde_json::to_string(&value).unwrap_or_default();
    let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
    let events = value["batch"].as_array().cloned().unwrap_or_default();
    let sizes: Vec<usize> = events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap_or_default().len())
        .collect();
    for text in [BATCH, compact.as_str(), pretty.as_str()] {
        let s = sample(text);
        assert_eq!(s.requests.batch.largest_bytes, compact.len());
        assert_eq!(s.requests.batch.total_bytes, compact.len() as u64);
        assert_eq!(s.sizes.total_bytes, sizes.iter().sum::<usize>() as u64);
        assert_eq!(
            s.sizes.largest_bytes,
            sizes.iter().copied().max().unwrap_or(0)
        );
        assert_eq!(s.average_event_bytes(), s.sizes.total_bytes / 3);
    }
    // The first event is the largest: event 1, on line 2 of the paste as typed.
    let at = sample(BATCH).sizes.largest_at;
    assert_eq!(at, Some(Position { event: 1, line: 2 }));
    // Blanks inside texts count: they are sent.
    let spaced = sample(r#"{"event": "a b", "distinct_id": "x"}"#);
    assert_eq!(
        spaced.sizes.largest_bytes,
        r#"{"event":"a b","distinct_id":"x"}"#.len()
    );
}

#[test]
fn a_log_of_batch_bodies_counts_each_request_and_its_flag() {
    let text = [
        r#"{"api_key": "k", "historical_migration": true, "batch": [{"event": "a", "distinct_id": "1"}, {"event": "a", "distinct_id": "2"}]}"#,
        r#"{"api_key": "k", "batch": [{"event": "a", "distinct_id": "1"}]}"#,
        r#"{"batch": [{"event": "a", "distinct_id": "1"}], "historical_migration": false, "api_key": "k"}"#,
        r#"{"batch": [], "historical_migration": "true", "api_key": "k"}"#,
    ]
    .join("\n");
    let s = sample(&text);
    assert_eq!(s.format, SampleFormat::Batch);
    assert_eq!((s.events, s.requests.count()), (4, 4));
    assert_eq!(s.requests.batch.most_events, 2);
    assert_eq!(s.requests.events_per_request(), 1.0);
    let h = s.requests.historical;
    assert_eq!((h.on, h.off, h.absent, h.not_boolean), (1, 1, 1, 1));
    assert_eq!(h.coverage(), Coverage::Some);
    assert_eq!(s.keys.token_fields, 4);
    // Only the flag that comes after the batch array: still read.
    let after =
        sample(r#"{"batch": [{"event": "a", "distinct_id": "1"}], "historical_migration": true}"#);
    assert_eq!(after.requests.historical.coverage(), Coverage::All);
    let none = sample(r#"{"batch": [{"event": "a", "distinct_id": "1"}]}"#);
    assert_eq!(none.requests.historical.coverage(), Coverage::None);
    assert_eq!(
        sample(BATCH.replace("true", "null").as_str())
            .requests
            .historical
            .absent,
        1
    );
}

#[test]
fn a_single_event_body_is_one_request_of_one_event() {
    let keyed = r#"{"api_key": "phc_abcdefghijkl", "event": "$pageview", "distinct_id": "u", "properties": {"$browser": "Firefox"}}"#;
    let bare = r#"{"event": "$pageview", "distinct_id": "u", "timestamp": "2023-01-01"}"#;
    for text in [keyed, bare] {
        let s = sample(text);
        assert_eq!(s.format, SampleFormat::Capture, "{text}");
        assert_eq!((s.events, s.requests.count()), (1, 1));
        assert_eq!(s.requests.single.largest_bytes, s.sizes.largest_bytes);
        assert_eq!(s.requests.events_per_request(), 1.0);
        assert_eq!(s.requests.historical.coverage(), Coverage::NoBatch);
    }
    // Several bodies that each carry their key: a log of single-event requests.
    let s = sample(&format!("{keyed}\n{keyed}\n"));
    assert_eq!(
        (s.format, s.requests.single.count),
        (SampleFormat::Capture, 2)
    );
    // The flag on a single-event body does nothing: said.
    let flagged = sample(r#"{"event": "a", "distinct_id": "u", "historical_migration": true}"#);
    assert_eq!(flagged.requests.single_with_flag, 1);
    assert_eq!(flagged.requests.historical.on, 0);
}

#[test]
fn an_array_of_events_is_events_not_requests() {
    let s = sample(
        r#"[{"event": "a", "distinct_id": "1"}, {"event": "b", "distinct_id": "2"}, {"event": "a", "distinct_id": "1"}]"#,
    );
    assert_eq!(s.format, SampleFormat::Array);
    assert_eq!((s.events, s.requests.count()), (3, 0));
    assert_eq!(s.requests.events_per_request(), 0.0);
    assert_eq!(names(&s), vec![("a", 2), ("b", 1)]);
}

#[test]
fn json_lines_are_one_event_per_line_and_blank_lines_are_fine() {
    let text = "{\"event\": \"a\", \"distinct_id\": \"1\"}\n\n  \r\n{\"event\": \"b\", \"distinct_id\": \"2\"}\r\n{\"event\": \"c\", \"distinct_id\": \"2\"}\n";
    let s = sample(text);
    assert_eq!(s.format, SampleFormat::JsonLines);
    assert_eq!((s.events, s.requests.count()), (3, 0));
    assert_eq!(s.distinct_ids.distinct, 2);
    // A byte-order mark at the start is not a problem.
    assert_eq!(sample(&format!("\u{feff}{text}")).events, 3);
}

#[test]
fn names_are_counted_and_marked_by_what_they_do_to_identity() {
    let events = [
        "$pageview",
        "$identify",
        "Identify",
        "alias",
        "$set",
        "$pageview",
        "$groupidentify",
        "$Identify",
    ];
    let text: String = events
        .iter()
        .map(|e| format!("{{\"event\": \"{e}\", \"distinct_id\": \"u\"}}\n"))
        .collect();
    let s = sample(&text);
    assert_eq!(names(&s).first(), Some(&("$pageview", 2)));
    assert_eq!(s.names.identity_events, 4);
    assert_eq!(s.names.person_events, 1);
    let find = |name: &str| s.names.counted.iter().find(|n| n.name == name).cloned();
    let segment = find("Identify").map(|n| (n.kind, n.stands_for));
    assert_eq!(segment, Some((NameKind::Identity, Some("$identify"))));
    let alias = find("alias").map(|n| n.stands_for);
    assert_eq!(alias, Some(Some("$create_alias")));
    // PostHog matches its own names exactly: `$Identify` is a custom event.
    assert_eq!(find("$Identify").map(|n| n.kind), Some(NameKind::Other));
    assert_eq!(find("$identify").map(|n| n.stands_for), Some(None));
    // Escaped names are read as what they stand for.
    let escaped = sample(r#"{"event": "\u0024identify", "distinct_id": "u"}"#);
    assert_eq!(names(&escaped), vec![("$identify", 1)]);
}

#[test]
fn names_beyond_the_first_fifty_are_counted_and_long_names_clipped() {
    let text: String = (0..60)
        .map(|i| format!("{{\"event\": \"event {i}\", \"distinct_id\": \"u\"}}\n"))
        .collect();
    let s = sample(&text);
    assert_eq!(s.names.counted.len(), MAX_NAMES);
    assert_eq!(s.names.unlisted_events, 10);
    let long = "é".repeat(250);
    let s = sample(&format!(
        "{{\"event\": \"{long}\", \"distinct_id\": \"u\"}}"
    ));
    let n = &s.names.counted[0];
    assert_eq!((n.name.chars().count(), n.clipped), (MAX_NAME_CHARS, true));
    assert!(
        !sample(r#"{"event": "short", "distinct_id": "u"}"#)
            .names
            .counted[0]
            .clipped
    );
}

#[test]
fn timestamps_give_the_span_and_the_order_as_sent() {
    let text = [
        r#"{"event": "a", "distinct_id": "u", "timestamp": "2023-01-01T12:00:00Z"}"#,
        r#"{"event": "a", "distinct_id": "u", "timestamp": "2023-01-01T14:00:00.250+02:00"}"#,
        r#"{"event": "a", "distinct_id": "u", "timestamp": "2022-12-31"}"#,
        r#"{"event": "a", "distinct_id": "u", "timestamp": "2023-01-02T00:00:00-01:00"}"#,
        r#"{"event": "a", "distinct_id": "u", "timestamp": "2023-01-01T13:00:00Z"}"#,
    ]
    .join("\n");
    let t = sample(&text).timestamps;
    assert_eq!(t.readable, 5);
    let oldest = t.oldest.map(|s| (s.utc, s.date.to_string()));
    assert_eq!(oldest, Some((1_672_444_800, "2022-12-31".to_string())));
    let newest = t.newest.map(|s| (s.utc, s.date.to_string()));
    assert_eq!(newest, Some((1_672_621_200, "2023-01-02".to_string())));
    // 12:00 then 12:00 (the same instant in +02:00) is in order; the date only steps
    // back, and 13:00 after the next day's 01:00 UTC steps back again.
    assert!(!t.in_order());
    assert_eq!(t.steps_back, 2);
    assert_eq!(t.first_step_back, Some(Position { event: 3, line: 3 }));
    let in_order = sample(&text.lines().take(2).collect::<Vec<_>>().join("\n"));
    assert!(in_order.timestamps.in_order());
}

#[test]
fn timestamps_are_held_against_now_and_the_historical_window() {
    let text = [
        format!(
            r#"{{"event": "a", "distinct_id": "u", "timestamp": "{}"}}"#,
            ago(30)
        ),
        format!(
            r#"{{"event": "a", "distinct_id": "u", "timestamp": "{}"}}"#,
            ago(2)
        ),
        format!(
            r#"{{"event": "a", "distinct_id": "u", "timestamp": "{}"}}"#,
            ago(1)
        ),
        format!(
            r#"{{"event": "a", "distinct_id": "u", "timestamp": "{}"}}"#,
            ago(-1)
        ),
        r#"{"event": "a", "distinct_id": "u"}"#.to_string(),
        r#"{"event": "a", "distinct_id": "u", "timestamp": null}"#.to_string(),
        r#"{"event": "a", "distinct_id": "u", "timestamp": "last tuesday"}"#.to_string(),
        r#"{"event": "a", "distinct_id": "u", "timestamp": 1672574400}"#.to_string(),
    ]
    .join("\n");
    let t = sample(&text).timestamps;
    // Exactly 48 h old is old enough; a day old is not; tomorrow is in the future.
    assert_eq!((t.older_than_window, t.recent(), t.in_future), (2, 1, 1));
    assert_eq!((t.missing, t.unreadable), (2, 2));
    assert_eq!(t.first_unreadable, Some(Position { event: 7, line: 7 }));
    assert_eq!((t.now, t.window_hours), (NOW, 48));
    // A longer window makes the two-day-old event recent.
    let wide = read(&text, NOW, 72).map(|s| s.timestamps.older_than_window);
    assert_eq!(wide, Ok(1));
}

#[test]
fn repeated_uuids_are_counted_whatever_their_case_or_form() {
    let uuid = "0188a0c4-5f3e-7c2b-9d1a-3e4f5a6b7c8d";
    let text = [
        format!(r#"{{"event": "a", "distinct_id": "u", "uuid": "{uuid}"}}"#),
        format!(
            r#"{{"event": "a", "distinct_id": "u", "uuid": "{}"}}"#,
            uuid.to_uppercase()
        ),
        format!(
            r#"{{"event": "a", "distinct_id": "u", "uuid": "{}"}}"#,
            uuid.replace('-', "")
        ),
        r#"{"event": "a", "distinct_id": "u", "uuid": "0188a0c4-5f3e-7c2b-9d1a-000000000000"}"#
            .into(),
        r#"{"event": "a", "distinct_id": "u", "uuid": "not-a-uuid"}"#.into(),
        r#"{"event": "a", "distinct_id": "u", "uuid": ""}"#.into(),
        r#"{"event": "a", "distinct_id": "u"}"#.into(),
    ]
    .join("\n");
    let u = sample(&text).uuids;
    assert_eq!((u.carried, u.repeated, u.malformed), (5, 2, 1));
    assert_eq!(u.first_repeat, Some(Position { event: 2, line: 2 }));
}

#[test]
fn distinct_ids_are_counted_by_hash_and_the_busiest_share_is_given() {
    let long = "x".repeat(200);
    let text = [
        r#"{"event": "a", "distinct_id": "hot"}"#.to_string(),
        r#"{"event": "a", "$distinct_id": "hot"}"#.into(),
        r#"{"event": "a", "properties": {"distinct_id": "hot"}}"#.into(),
        r#"{"event": "a", "distinct_id": "hot", "properties": {"distinct_id": "other"}}"#.into(),
        r#"{"event": "a", "distinct_id": 42}"#.into(),
        r#"{"event": "a", "distinct_id": "42"}"#.into(),
        format!(r#"{{"event": "a", "distinct_id": "{long}1"}}"#),
        format!(r#"{{"event": "a", "distinct_id": "{long}2"}}"#),
        r#"{"event": "a", "distinct_id": ""}"#.into(),
        r#"{"event": "a", "distinct_id": null}"#.into(),
    ]
    .join("\n");
    let s = sample(&text);
    let d = s.distinct_ids;
    // "hot" ×4, 42 and "42" as one, the two long ids as one (capture keeps 200
    // characters); the empty and the null one are missing.
    assert_eq!((d.distinct, d.busiest_events), (3, 4));
    assert_eq!((d.from_properties, d.missing), (1, 2));
    assert_eq!(s.busiest_share_percent(), 40.0);
}

#[test]
fn events_without_a_name_or_a_distinct_id_are_problems_at_their_place() {
    let text = "{\"api_key\": \"k\", \"batch\": [\n{\"event\": \"a\", \"distinct_id\": \"u\"},\n{\"distinct_id\": \"u\"},\n{\"event\": 7},\n3,\n\"text\"\n]}";
    let s = sample(text);
    assert_eq!(s.events, 3);
    assert_eq!(s.names.unnamed, 2);
    assert_eq!(s.distinct_ids.missing, 1);
    assert_eq!(
        problems(&s),
        vec![
            "Event 2 (line 3) has no event name.",
            "Event 3 (line 4) has no event name.",
            "Event 3 (line 4) has no distinct_id.",
            "Event 4 (line 5) is a number, not an event object.",
            "Event 5 (line 6) is a text, not an event object.",
        ]
    );
    let lines = sample("{\"event\": \"a\", \"distinct_id\": \"u\"}\n{\"foo\": 1}\nnull\n");
    assert_eq!(
        problems(&lines),
        vec![
            "Line 2 holds an object that is not an event (no event, distinct_id, properties, timestamp or uuid).",
            "Line 3 is null, not an event object.",
        ]
    );
}

#[test]
fn keys_are_counted_and_never_kept() {
    let text = r#"{"token": "phc_SECRETSECRET1", "batch": [{"event": "a", "$token": "t", "distinct_id": "u", "properties": {"key": "phx_PERSONALKEY99", "note": "phc_short"}}]}"#;
    let s = sample(text);
    assert_eq!(s.keys.token_fields, 2);
    assert_eq!((s.keys.project_keys, s.keys.personal_keys), (1, 1));
    let shown = format!("{s:?}");
    for secret in ["SECRET", "PERSONAL", "phc_", "phx_"] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}

#[test]
fn empty_text_is_refused_in_words() {
    let empty = "Nothing to read yet: paste a /batch request body, one event, a JSON array of events, or one event per line.";
    for text in ["", "  \n\t\r\n", "\u{feff}"] {
        assert_eq!(refusal(text), empty);
    }
}

#[test]
fn text_that_is_not_json_is_refused_with_where_and_what_was_expected() {
    assert_eq!(
        refusal(r#"{"event": "a" "distinct_id": "u"}"#),
        "This is not JSON: line 1, column 15: a comma or a closing } was expected."
    );
    assert_eq!(
        refusal("{'event': 'a'}"),
        "This is not JSON: line 1, column 2: a name in double quotes was expected."
    );
    assert_eq!(
        refusal("event,distinct_id\n$pageview,u1"),
        "This is not JSON: line 1, column 1: a value (text in double quotes, a number, true, false, null, { or [) was expected."
    );
    assert_eq!(
        refusal("{\n  \"batch\": [\n    {\"event\": \"é\","),
        "This is not JSON: the text ends at line 3, column 19, where a name in double quotes was expected. Was the paste cut short?"
    );
    assert_eq!(
        refusal("{\"event\": \"a\tb\"}"),
        "This is not JSON: line 1, column 13: an escape such as \\t instead of a control character was expected."
    );
}

#[test]
fn json_without_events_is_refused() {
    let no_events = "This is JSON, but it holds no events: paste a /batch request body, one event, a JSON array of events, or one event per line.";
    for text in [
        r#"{"foo": 1}"#,
        "[]",
        "42",
        "[1, 2]",
        r#"{"batch": []}"#,
        "null\n\"x\"",
    ] {
        assert_eq!(refusal(text), no_events, "{text}");
    }
}

#[test]
fn nesting_deeper_than_any_event_is_refused() {
    assert_eq!(
        refusal(&"[".repeat(100_000)),
        "This JSON nests more than 32 levels deep (line 1, column 33); events are never that deep, so it was not read."
    );
    let deep = format!(
        r#"{{"event": "a", "distinct_id": "u", "properties": {{"p": {}1{}}}}}"#,
        "[".repeat(40),
        "]".repeat(40)
    );
    assert!(refusal(&deep).starts_with("This JSON nests more than 32 levels deep (line 1, column "));
}

#[test]
fn a_partly_readable_sample_is_read_with_its_problems_listed() {
    let good = r#"{"event": "a", "distinct_id": "u"}"#;
    let text = [
        good,
        "2024-01-01 12:00:00 INFO sent a batch",
        good,
        r#"{"event": "a", "distinct_id": "#,
        good,
        "not json",
        "{'single': 'quotes'}",
        good,
    ]
    .join("\n");
    let s = sample(&text);
    assert_eq!(s.events, 4);
    assert_eq!(s.format, SampleFormat::JsonLines);
    assert_eq!(
        problems(&s),
        vec![
            "Line 2 is not JSON (line 2, column 5: the end of the line after the value (one value per line) was expected); skipped.",
            "Line 4 is not JSON: its value does not close on its line; skipped.",
            "Lines 6–7 are not JSON (line 6, column 1: a value (text in double quotes, a number, true, false, null, { or [) was expected); skipped.",
        ]
    );
}

// serde_json is a native dev-dependency only.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_pretty_printed_body_cut_short_keeps_what_was_read() {
    let value: serde_json::Value = serde_json::from_str(BATCH).unwrap_or_default();
    let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
    // Cut inside the third event.
    let cut = pretty
        .get(..pretty.find("signed up").unwrap_or(0))
        .unwrap_or("");
    let s = sample(cut);
    assert_eq!((s.format, s.events), (SampleFormat::Batch, 2));
    assert_eq!((s.requests.batch.count, s.requests.batch.cut_short), (1, 1));
    // serde_json writes the members in name order: the flag was after the cut.
    assert_eq!(s.requests.historical.unknown, 1);
    assert_eq!(s.requests.historical.coverage(), Coverage::None);
    let said = problems(&s);
    assert_eq!(said.len(), 1);
    assert!(
        said[0].starts_with("The text ends at line ")
            && said[0].ends_with("was the paste cut short? What came before was read."),
        "{said:?}"
    );
    // A pretty-printed body broken in the middle is not read past the break.
    let broken = pretty.replacen("\"event\": \"$identify\",", "\"event\" \"$identify\",", 1);
    let s = sample(&broken);
    assert_eq!(s.events, 1);
    assert!(problems(&s)[0].starts_with("The text stops being JSON at line "));
    assert!(
        problems(&s)[0].ends_with(": a colon after the name was expected; the rest was not read.")
    );
}

/// Every shape above, and broken ones.
fn shapes() -> Vec<String> {
    let line = r#"{"event": "a", "distinct_id": "u", "timestamp": "2023-01-01", "uuid": "0188a0c4-5f3e-7c2b-9d1a-3e4f5a6b7c8d"}"#;
    vec![
        BATCH.to_string(),
        [BATCH, BATCH, BATCH].join("\n"),
        format!("[{line}, {line}, 3, {line}]"),
        [line, "", "junk", line, "{\"event\": ", line].join("\n"),
        format!("{{\"api_key\": \"k\", {}", &line[1..]),
        BATCH[..BATCH.len() - 40].to_string(),
        String::new(),
        "[[[[".repeat(20),
        r#"{"foo": 1}"#.to_string(),
    ]
}

#[test]
fn reading_in_steps_gives_the_same_as_reading_at_once_for_any_budget() {
    for text in shapes() {
        let whole = read(&text, NOW, 48);
        for budget in [0, 1, 2, 7, 64, 1_000, usize::MAX] {
            let mut r = Reading::new(&text, NOW, 48);
            let mut calls = 0;
            while !r.advance(budget) {
                calls += 1;
                assert!(calls <= text.len() + 1, "no progress with budget {budget}");
            }
            assert_eq!(r.read_bytes(), text.len());
            assert_eq!(r.finish(), whole, "budget {budget} on {text}");
        }
    }
    // A small budget returns between events.
    let text = [BATCH, BATCH].join("\n");
    let mut r = Reading::new(&text, NOW, 48);
    assert!(!r.advance(1));
    assert!(r.read_bytes() < text.len());
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn reading_is_linear() {
    let text = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{{\"event\": \"e{}\", \"distinct_id\": \"user_{i}\", \"timestamp\": \"2023-01-01T00:00:00Z\", \"uuid\": \"0188a0c4-5f3e-7c2b-9d1a-{i:012}\"}}\n", i % 70))
            .collect()
    };
    let (small, big) = (text(5_000), text(50_000));
    let time = |t: &str| {
        let start = std::time::Instant::now();
        assert!(read(t, NOW, 48).is_ok());
        start.elapsed()
    };
    time(&small);
    let (s, b) = (time(&small), time(&big));
    // Ten times the events: well under a hundred times the time (debug builds are noisy).
    assert!(
        b < s * 40 + std::time::Duration::from_millis(20),
        "{s:?} then {b:?}"
    );
}
