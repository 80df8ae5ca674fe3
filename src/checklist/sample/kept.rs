//! What the checklist keeps of a read sample ([`measured`]), and "Use these answers"
//! ([`apply`]): it fills the questions the sample answers (how requests are sent and
//! batched, event sizes, the flag, event names) and says which. A sample's dates are
//! those of the sample, not of the whole import, so they fill nothing.

use super::measured::{Coverage, Sample};
use super::report::looks_like_key;
use crate::checklist::questions::answers::{Transport, Tri};
use crate::checklist::questions::measured::Measured;
use crate::checklist::questions::Field;
use crate::checklist::Answers;

/// What the checklist keeps of a sample.
pub fn measured(s: &Sample) -> Measured {
    let requests = s.requests.count() > 0;
    let transport = match (s.requests.batch.count, s.requests.single.count) {
        (0, 0) => None,
        (0, _) => Some(Transport::Single),
        _ => Some(Transport::Batch),
    };
    let largest_request = s
        .requests
        .batch
        .largest_bytes
        .max(s.requests.single.largest_bytes);
    Measured {
        events: s.events as u64,
        transport,
        per_request: requests.then(|| s.requests.events_per_request().round() as u64),
        average_bytes: s.average_event_bytes(),
        largest_bytes: s.sizes.largest_bytes as u64,
        largest_request_bytes: requests.then_some(largest_request as u64),
        historical: match s.requests.historical.coverage() {
            Coverage::NoBatch => None,
            Coverage::All => Some(Tri::Yes),
            Coverage::None => Some(Tri::No),
            Coverage::Some => Some(Tri::NotSure),
        },
        oldest: s.timestamps.oldest.map(|t| t.date),
        newest: s.timestamps.newest.map(|t| t.date),
        // A name that looks like a key is not kept (nor shown: see `report`).
        names: s
            .names
            .counted
            .iter()
            .filter(|n| !looks_like_key(&n.name))
            .map(|n| one_line(&n.name))
            .collect(),
        filled: Vec::new(),
    }
}

/// A name on one line (a line break or a control character in it would end its line
/// of the kept text).
fn one_line(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// "Use these answers": the questions the sample answers, filled from it where they
/// are still empty (a typed answer is never replaced: where it disagrees with the
/// sample, the `sample-disagrees` rule says so, with both numbers), its event names
/// added to those typed, and the sample's kept text saying which it filled. Returns the
/// questions filled.
pub fn apply(a: &mut Answers, mut m: Measured) -> Vec<Field> {
    let mut filled = Vec::new();
    let mut fill = |field: Field, text: String, a: &mut Answers| {
        if !field.is_answered(a) {
            field.set_text(a, &text);
            filled.push(field);
        }
    };
    if let Some(t) = m.transport {
        fill(Field::Transport, t.code().to_string(), a);
    }
    // Events per request only from `/batch` bodies, for answers that send them.
    let batches = m.transport == Some(Transport::Batch);
    if let Some(n) = m.per_request.filter(|_| batches && a.uses_batch()) {
        fill(Field::EventsPerRequest, n.to_string(), a);
    }
    fill(Field::AvgEventBytes, m.average_bytes.to_string(), a);
    fill(Field::MaxEventBytes, m.largest_bytes.to_string(), a);
    // In every body or in none: a sample with the flag in some bodies answers nothing.
    if let Some(h) = m.historical.filter(|h| *h != Tri::NotSure) {
        fill(Field::HistoricalMigration, h.code().to_string(), a);
    }
    let before = a.event_types.len();
    for name in &m.names {
        a.add_event_type(name);
    }
    if a.event_types.len() > before {
        a.events_not_sure = false;
        filled.push(Field::EventTypes);
    }
    m.filled.clone_from(&filled);
    a.sample = m.encode();
    filled
}

/// The answers "Use these answers" may fill.
const FILLS: [Field; 6] = [
    Field::Transport,
    Field::EventsPerRequest,
    Field::AvgEventBytes,
    Field::MaxEventBytes,
    Field::HistoricalMigration,
    Field::EventTypes,
];

/// Undo of [`apply`]: puts back the answers it may fill and the sample's measures as
/// they were in `before` (the answers just before it), keeping every other answer as
/// it is now.
pub fn undo(a: &mut Answers, before: Answers) {
    for f in FILLS {
        f.set_text(a, &f.text(&before));
    }
    a.event_types = before.event_types;
    a.events_not_sure = before.events_not_sure;
    a.sample = before.sample;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::sample::read;

    const BATCH: &str = r#"{"api_key": "phc_abcdefgh1234", "historical_migration": true, "batch": [{"event": "$identify", "distinct_id": "a"}, {"event": "paid", "distinct_id": "b"}]}"#;

    #[test]
    fn use_these_answers_fills_what_the_sample_measured_and_undo_puts_it_back() {
        let Ok(s) = read(BATCH, 1_700_000_000, 48) else {
            panic!("refused")
        };
        let mut a = Answers {
            avg_event_bytes: "2 KB".into(),
            events_not_sure: true,
            ..Answers::default()
        };
        let before = a.clone();
        let filled = apply(&mut a, measured(&s));
        // Every answer it may fill but the one typed, which stays as typed.
        let others: Vec<Field> = FILLS
            .into_iter()
            .filter(|f| *f != Field::AvgEventBytes)
            .collect();
        assert_eq!(filled, others);
        assert_eq!(a.transport, Some(Transport::Batch));
        assert_eq!(a.events_per_request, "2");
        assert_eq!(a.avg_event_bytes, "2 KB");
        assert_eq!(a.max_event_bytes, s.sizes.largest_bytes.to_string());
        assert_eq!(a.historical_migration, Some(Tri::Yes));
        assert_eq!(a.event_types, ["$identify", "paid"]);
        assert!(!a.events_not_sure);
        let kept = Measured::decode(&a.sample).map(|m| (m.events, m.filled));
        assert_eq!(kept, Some((2, others)));
        assert!(!a.sample.contains("phc_"));
        // An answer typed after using the sample stays through Undo.
        a.customer = "Acme".into();
        undo(&mut a, before.clone());
        assert_eq!(
            Answers {
                customer: String::new(),
                ..a
            },
            before
        );
    }
}
