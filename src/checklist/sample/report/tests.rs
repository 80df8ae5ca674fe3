//! The summary's exact words for each format, and what "Use these answers" says.

use super::*;
use crate::checklist::sample::{measured, read};

/// 2023-11-14 22:13:20 UTC.
const NOW: i64 = 1_700_000_000;

fn said(text: &str) -> Vec<String> {
    match read(text, NOW, 48) {
        Ok(s) => summary(&s),
        Err(e) => panic!("refused: {}", e.message()),
    }
}

/// Four events as an export writes them: an identity event, a custom event twice (its
/// uuid repeated, out of time order), a Segment-style `Identify` whose distinct_id is in
/// its properties, one of them recent.
const LINES: &str = r#"{"event": "$identify", "distinct_id": "u1", "timestamp": "2023-01-01T12:00:00Z", "uuid": "0188a0c4-5f3e-7c2b-9d1a-000000000001"}
{"event": "order completed", "distinct_id": "u1", "timestamp": "2023-01-02T12:00:00Z", "uuid": "0188a0c4-5f3e-7c2b-9d1a-000000000002", "properties": {"total": 12}}
{"event": "order completed", "distinct_id": "u2", "timestamp": "2023-01-01T18:00:00Z", "uuid": "0188a0c4-5f3e-7c2b-9d1a-000000000002"}
{"event": "Identify", "properties": {"distinct_id": "u3"}, "timestamp": "2023-11-14T12:00:00Z"}
"#;

#[test]
fn json_lines_are_said_measure_by_measure() {
    // Compact sizes 121, 153, 127 and 89 bytes (checked with another JSON writer).
    assert_eq!(
        said(LINES),
        [
            "Read 4 events as JSON lines (one event per line).",
            "No request bodies: these are events, so how they will be batched is still to ask.",
            "Event sizes as sent: 122 B on average, 153 B the largest (event 2, line 2).",
            "historical_migration: not in the sample (it is set per /batch request, and these are events).",
            "Event names: order completed (2), $identify (1, identity), Identify (1, stands for $identify).",
            "Timestamps 1 Jan 2023 → 14 Nov 2023, 1 out of order (first at event 3, line 3); 3 older than 48 hours; 1 within the last 48 hours (historical_migration does nothing for those); 0 in the future.",
            "uuids: 3 carried (of 4 events), 1 repeated (first at event 3, line 3): imports are not de-duplicated, so each is stored again.",
            "distinct_ids: 3; the busiest has 50.0 % of the events; 1 event has it only in properties.distinct_id.",
        ]
    );
}

/// Two `/batch` requests with the project key, the flag in both, a pretty-printed one.
/// Compact, the bodies are 285 and 186 bytes and the events 74, 74, 69 and 120.
const BATCH: &str = r#"{"api_key": "phc_secret123", "historical_migration": true, "batch": [{"event": "$pageview", "distinct_id": "a", "timestamp": "2023-01-01T00:00:00Z"}, {"event": "$pageview", "distinct_id": "b", "timestamp": "2023-01-01T00:00:01Z"}, {"event": "$set", "distinct_id": "a", "timestamp": "2023-01-01T00:00:02Z"}]}
{
  "api_key": "phc_secret123",
  "historical_migration": true,
  "batch": [
    {"event": "$pageview", "distinct_id": "a", "timestamp": "2023-01-01T00:00:03Z", "uuid": "0188a0c4-5f3e-7c2b-9d1a-000000000001"}
  ]
}
"#;

#[test]
fn batch_bodies_say_their_requests_the_flag_and_that_the_key_is_not_kept() {
    let lines = said(BATCH);
    assert_eq!(
        lines,
        [
            "Read 4 events as /batch request bodies.",
            "2 /batch requests, 2 events per request (at most 3 in one); the largest body 285 B (line 1).",
            "Event sizes as sent: 84 B on average, 120 B the largest (event 4, line 6).",
            "historical_migration: set in all 2 /batch requests.",
            "Event names: $pageview (3), $set (1, person properties).",
            "Timestamps all on 1 Jan 2023, in order; 4 older than 48 hours; 0 in the future.",
            "uuids: 1 carried (of 4 events), none repeated.",
            "distinct_ids: 2; the busiest has 75.0 % of the events.",
            "2 api_keys or tokens were in the sample: they are not kept or shown.",
        ]
    );
    for line in &lines {
        assert!(!line.contains("secret123"), "{line}");
    }
}

#[test]
fn the_flag_is_said_for_one_request_some_requests_and_single_events() {
    let flag_line = |text: &str| {
        said(text)
            .into_iter()
            .find(|l| l.starts_with("historical_migration"))
            .unwrap_or_default()
    };
    let body = |flag: &str| {
        format!(r#"{{"api_key": "k", {flag}"batch": [{{"event": "a", "distinct_id": "u"}}]}}"#)
    };
    assert_eq!(
        flag_line(&body(r#""historical_migration": true, "#)),
        "historical_migration: set in the one /batch request."
    );
    assert_eq!(
        flag_line(&body("")),
        "historical_migration: not set in the one /batch request."
    );
    let mixed = [
        body(r#""historical_migration": true, "#),
        body(r#""historical_migration": "true", "#),
        body(""),
    ]
    .join("\n");
    assert_eq!(
        flag_line(&mixed),
        "historical_migration: set in 1 of 3 /batch requests only; in 1 request it is not a boolean (text such as \"true\" is not the flag)."
    );
    let single =
        r#"{"token": "k", "event": "a", "distinct_id": "u", "historical_migration": true}"#;
    assert_eq!(
        flag_line(single),
        "historical_migration: not read on single-event requests (capture reads it on /batch only); 1 carry it anyway, and their events take the live path."
    );
    assert_eq!(
        said(single)[1],
        "1 single-event request; the largest body 71 B (line 1)."
    );
}

#[test]
fn names_are_clipped_hidden_characters_named_and_key_like_names_not_shown() {
    let long = "x".repeat(60);
    let text = [
        format!(r#"{{"event": "{long}", "distinct_id": "u"}}"#),
        r#"{"event": "sign\u202eup\nnow", "distinct_id": "u"}"#.to_string(),
        r#"{"event": "phc_abcdefgh1234", "distinct_id": "u"}"#.to_string(),
        r#"{"distinct_id": "u"}"#.to_string(),
    ]
    .join("\n");
    let line = said(&text)
        .into_iter()
        .find(|l| l.starts_with("Event names"))
        .unwrap_or_default();
    assert_eq!(
        line,
        format!(
            "Event names: {}… (1), sign<U+202E>up now (1), a name that looks like a key, not shown (1); 1 event without a name.",
            "x".repeat(SHOWN_NAME_CHARS)
        )
    );
    // Nor is it kept for "Use these answers".
    let kept = read(&text, NOW, 48).map(|s| measured(&s).names);
    assert_eq!(kept.map(|n| n.len()), Ok(2));
}

#[test]
fn more_names_than_shown_are_counted_and_problems_listed_then_counted() {
    let text: String = (0..12)
        .map(|i| format!("{{\"event\": \"e{i}\", \"distinct_id\": \"u\"}}\n"))
        .chain((0..5).map(|_| "{\"event\": \"e0\"}\n".to_string()))
        .collect();
    let lines = said(&text);
    assert!(lines.contains(&"Event names: e0 (6), e1 (1), e2 (1), e3 (1), e4 (1), e5 (1), e6 (1), e7 (1), e8 (1), e9 (1), and 2 events under other names.".to_string()), "{lines:?}");
    assert_eq!(
        lines[lines.len() - 4..],
        [
            "Event 13 (line 13) has no distinct_id.",
            "Event 14 (line 14) has no distinct_id.",
            "Event 15 (line 15) has no distinct_id.",
            "And 2 more problems.",
        ]
    );
}

#[test]
fn a_personal_key_is_said_to_be_a_secret() {
    let lines =
        said(r#"{"event": "a", "distinct_id": "u", "properties": {"k": "phx_abcdefgh12345"}}"#);
    assert_eq!(lines.last().map(String::as_str), Some("A personal API key (phx_…) was in the sample: a secret that must never be sent with events (capture refuses it as a token). It is not kept or shown; ask the customer to take it out and to roll the key."));
    assert!(!lines.concat().contains("abcdefgh"));
}

#[test]
fn use_these_answers_says_what_it_filled() {
    let all = [
        Field::Transport,
        Field::EventsPerRequest,
        Field::AvgEventBytes,
        Field::MaxEventBytes,
        Field::HistoricalMigration,
        Field::EventTypes,
    ];
    assert_eq!(
        filled(&all, 500),
        "Filled how events are sent, events per request, event sizes, historical_migration and event names from 500 events."
    );
    assert_eq!(
        filled(&[Field::AvgEventBytes, Field::MaxEventBytes], 1),
        "Filled event sizes from 1 event."
    );
    assert_eq!(filled(&[], 3), "Nothing to fill from 3 events.");
    assert_eq!(kept(1_200), "Measured from a sample of 1,200 events.");
}

#[test]
fn a_key_looks_like_one_only_with_eight_letters_or_digits() {
    assert!(looks_like_key("phc_abcdefgh"));
    assert!(looks_like_key("phx_12345678xyz"));
    assert!(!looks_like_key("phc_short"));
    assert!(!looks_like_key("phc_abc-efgh"));
    assert!(!looks_like_key("my phc_abcdefgh"));
}
