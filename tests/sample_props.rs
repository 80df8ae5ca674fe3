//! The sample reader (issue #21), for any input: reading never panics, reading in
//! steps of any size gives what reading at once gives, and nothing of the sample but
//! event names comes out of it: no distinct_id, property name or value, or key.
//!
//! Default: 256 cases per property. Long run:
//! `PROPTEST_CASES=100000 cargo test --release --test sample_props`.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::sample::{read, Reading, Sample, SampleError};
use proptest::prelude::*;
use serde_json::{json, Value};

/// 2023-11-14 22:13:20 UTC.
const NOW: i64 = 1_700_000_000;

/// Reads `text` in steps of `budget` bytes.
fn stepped(text: &str, budget: usize) -> Result<Sample, SampleError> {
    let mut reading = Reading::new(text, NOW, 48);
    let mut calls = 0;
    while !reading.advance(budget) {
        calls += 1;
        assert!(calls <= text.len() + 1, "no progress");
    }
    reading.finish()
}

/// Text that must never come out: `zq`, six hex digits, `qz`. Event names are drawn
/// from an alphabet without digits, so they cannot hold one.
fn marker() -> impl Strategy<Value = String> {
    "[0-9a-f]{6}".prop_map(|hex| format!("zq{hex}qz"))
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$pageview".to_string()),
        Just("$identify".to_string()),
        Just("Identify".to_string()),
        Just("$set".to_string()),
        "[a-z$ ]{1,12}",
    ]
}

/// A property value made of markers.
fn secret_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        marker().prop_map(Value::from),
        marker().prop_map(|m| Value::from(format!("phc_{m}abcdefgh"))),
        marker().prop_map(|m| Value::from(format!("phx_{m}abcdefgh"))),
        (marker(), marker()).prop_map(|(a, b)| json!([a, {"nested": b}])),
    ]
}

#[derive(Clone, Debug)]
struct Event {
    name: String,
    id: String,
    /// The distinct_id in `properties` rather than at the top.
    id_in_properties: bool,
    properties: Vec<(String, Value)>,
    token: Option<String>,
    uuid: u64,
}

fn event() -> impl Strategy<Value = Event> {
    (
        name(),
        marker(),
        any::<bool>(),
        prop::collection::vec((marker(), secret_value()), 0..4),
        prop::option::of(marker()),
        any::<u64>(),
    )
        .prop_map(
            |(name, id, id_in_properties, properties, token, uuid)| Event {
                name,
                id,
                id_in_properties,
                properties,
                token,
                uuid,
            },
        )
}

fn to_json(e: &Event) -> Value {
    let mut properties: serde_json::Map<String, Value> = e.properties.iter().cloned().collect();
    let mut event = json!({
        "event": e.name,
        "timestamp": "2023-01-01T12:00:00Z",
        "uuid": format!("0188a0c4-5f3e-7c2b-9d1a-{:012x}", e.uuid % (1 << 48)),
    });
    if e.id_in_properties {
        properties.insert("distinct_id".into(), Value::from(e.id.clone()));
    } else {
        event["distinct_id"] = Value::from(e.id.clone());
    }
    event["properties"] = Value::Object(properties);
    if let Some(token) = &e.token {
        event["token"] = Value::from(token.clone());
    }
    event
}

/// Every marker in the events (ids, property names and values, tokens) and the key.
fn secrets(events: &[Event], key: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    for e in events {
        out.push(e.id.clone());
        out.extend(e.token.clone());
        for (name, value) in &e.properties {
            out.push(name.clone());
            let text = value.to_string();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("zq") {
                out.push(rest[at..].chars().take(10).collect());
                rest = &rest[at + 2..];
            }
        }
    }
    out
}

/// The events as one of the shapes the reader takes: a /batch body, several of them
/// one per line, one single-event body, an array, JSON lines; compact or pretty.
fn render(events: &[Event], key: &str, shape: usize, pretty: bool) -> String {
    let values: Vec<Value> = events.iter().map(to_json).collect();
    let write = |v: &Value| {
        if pretty {
            serde_json::to_string_pretty(v)
        } else {
            serde_json::to_string(v)
        }
        .unwrap_or_default()
    };
    let body =
        |batch: &[Value]| json!({"api_key": key, "historical_migration": true, "batch": batch});
    match shape {
        0 => write(&body(&values)),
        1 => values
            .chunks(2)
            .map(|c| serde_json::to_string(&body(c)).unwrap_or_default() + "\n")
            .collect(),
        2 => {
            let mut one = values.first().cloned().unwrap_or_default();
            one["api_key"] = Value::from(key);
            write(&one)
        }
        3 => write(&Value::from(values)),
        _ => values
            .iter()
            .map(|v| serde_json::to_string(v).unwrap_or_default() + "\n")
            .collect(),
    }
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,300}", budget in 0usize..100) {
        prop_assert_eq!(stepped(&text, budget), read(&text, NOW, 48));
    }

    #[test]
    fn json_like_text_reads_the_same_in_steps(
        text in "[\\[\\]{}\":, \n0-9a-z_$\\\\.-]{0,300}",
        budget in 0usize..64,
    ) {
        prop_assert_eq!(stepped(&text, budget), read(&text, NOW, 48));
    }

    #[test]
    fn a_sample_cut_or_damaged_anywhere_is_read_or_refused_never_a_panic(
        events in prop::collection::vec(event(), 1..6),
        shape in 0usize..5,
        pretty in any::<bool>(),
        cut in any::<prop::sample::Index>(),
        junk in "[\\[\\]{}\",:\n\\\\]{0,3}",
        budget in 0usize..200,
    ) {
        let text = render(&events, "phc_keykeykeykey", shape, pretty);
        let at = cut.index(text.len() + 1);
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let damaged = format!("{}{junk}{}", &text[..at], &text[at..]);
        let cut_short = &text[..at];
        for t in [damaged.as_str(), cut_short] {
            prop_assert_eq!(stepped(t, budget), read(t, NOW, 48));
        }
    }

    #[test]
    fn nothing_but_event_names_comes_out_of_a_sample(
        events in prop::collection::vec(event(), 1..8),
        key in marker(),
        shape in 0usize..5,
        pretty in any::<bool>(),
    ) {
        let text = render(&events, &format!("phc_{key}abcdefgh"), shape, pretty);
        let sample = read(&text, NOW, 48);
        let sample = match sample {
            Ok(s) => s,
            Err(e) => return Err(TestCaseError::fail(format!("{}: {text}", e.message()))),
        };
        let expected = if shape == 2 { 1 } else { events.len() };
        prop_assert_eq!(sample.events, expected);
        let shown = format!("{sample:?}");
        let said: String = sample.problems.iter().map(|p| p.message()).collect();
        for secret in secrets(&events, &key) {
            prop_assert!(!shown.contains(&secret), "{} in {}", secret, shown);
            prop_assert!(!said.contains(&secret), "{} in {}", secret, said);
        }
        prop_assert!(!shown.contains("phc_") && !shown.contains("phx_"), "{}", shown);
    }
}
