//! "Questions for the customer": a short, friendly message that asks exactly what is
//! still unanswered or could not be read, each with one line on why we ask, and the
//! distinct_id query when its result is missing. It is a document of the block model,
//! so every format writes it as it writes the block.
//!
//! It is for the customer: it says nothing of thresholds, team names or findings, and
//! holds no user text.

use super::model::{code, line, words, Doc, Inline, Line, Part};
use crate::checklist::paste::TOP_IDS_QUERY;
use crate::checklist::questions::answers::{Answers, Kind, Tri};
use crate::checklist::questions::{Ask, Field, QUESTIONS};
use crate::checklist::rules::validate::FieldError;

/// The message. `errors` are the report's: a question is asked when it applies, the
/// customer can answer it, and it is missing or could not be read.
pub fn message(a: &Answers, errors: &[FieldError]) -> Doc {
    let mut asks: Vec<&'static Ask> = Vec::new();
    for q in QUESTIONS {
        let Some(ask) = q.ask else { continue };
        let open = (q.field.applies(a) && errors.iter().any(|e| e.field == q.field))
            || not_sure_yet(q.field, a);
        if open && !asks.iter().any(|x| std::ptr::eq(*x, ask)) {
            asks.push(ask);
        }
    }
    let what = match a.kind {
        Some(Kind::Import) => "your historical import",
        Some(Kind::LoadTest) => "your load test",
        Some(Kind::Both) => "your historical import and load test",
        None => "you send us your events",
    };
    let heading = |title: String| Part::Heading {
        level: 3,
        line: line(title),
        close: false,
    };
    if asks.is_empty() {
        return Doc {
            parts: vec![
                heading("Nothing left to ask".to_string()),
                Part::Paragraph(line(format!("Every answer we need before {what} is in."))),
            ],
        };
    }
    let mut parts = vec![
        heading(format!("A few questions before {what}")),
        Part::Paragraph(line(
            "Hi! To plan it with our team, we need a few more details:",
        )),
        Part::List(
            asks.iter()
                .map(|ask| {
                    let mut item = ours(ask.question);
                    item.push(words(" — "));
                    item.extend(ours(ask.why));
                    item
                })
                .collect(),
        ),
    ];
    if asks.iter().any(|x| x.query) {
        parts.push(Part::Paragraph(line(
            "Please run this query in PostHog's SQL editor and send us the first rows of its result:",
        )));
        parts.push(Part::Paragraph(vec![code(TOP_IDS_QUERY)]));
    }
    parts.push(Part::Paragraph(line("Thank you!")));
    Doc { parts }
}

/// Our own words, where `` `…` `` marks a name written as code (`/batch`,
/// `historical_migration: true`).
fn ours(text: &'static str) -> Line {
    text.split('`')
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(i, piece)| -> Inline {
            if i % 2 == 1 {
                code(piece)
            } else {
                words(piece)
            }
        })
        .collect()
}

/// Answered by the reader as "not known yet": the customer is the one to say.
fn not_sure_yet(field: Field, a: &Answers) -> bool {
    match field {
        Field::MaxEventsPerId => a.ids_unknown,
        Field::EventTypes => a.events_not_sure,
        Field::Apps => a.apps == Some(Tri::NotSure),
        Field::HistoricalMigration => {
            a.includes_import() && a.historical_migration == Some(Tri::NotSure)
        }
        _ => false,
    }
}

// Native only: the scenarios are read with serde_json, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::checklist::schedule::time::BuiltinZones;
    use crate::checklist::{evaluate, Config, Env};

    fn message(a: &Answers) -> String {
        let env = Env {
            now: 1_795_694_400,
            zones: &BuiltinZones,
        };
        let report = evaluate(a, &Config::default(), &env);
        crate::checklist::block::github::write(&super::message(a, &report.errors))
    }

    #[test]
    fn a_new_checklist_asks_everything_the_customer_knows_once() {
        let m = message(&Answers::default());
        assert!(m.starts_with("### A few questions before you send us your events\n"));
        // Date, time and zone are one question.
        assert_eq!(m.matches("When would you like to start").count(), 1);
        assert!(m.contains("query below"));
        assert!(m.contains(TOP_IDS_QUERY));
        // Only what the customer can answer: not the reader's name or the commitment.
        assert!(!m.contains("Your name") && !m.contains("committed"));
        // Load-test questions wait until it is one.
        assert!(!m.contains("load test"));
    }

    #[test]
    fn it_shrinks_as_answers_come_in_and_says_when_nothing_is_left() {
        let mut a = Answers {
            kind: Some(Kind::LoadTest),
            ..Answers::default()
        };
        let before = message(&a);
        assert!(before.contains("What should the load test show?"));
        a.load_goal = "Black Friday traffic".into();
        let after = message(&a);
        assert!(!after.contains("What should the load test show?"));
        assert!(after.lines().count() < before.lines().count());

        let json = include_str!("../../../tests/scenarios/large-import.json");
        let full: Answers = serde_json::from_str(json).unwrap();
        assert_eq!(
            message(&full),
            "### Nothing left to ask\n\nEvery answer we need before your historical import is in.\n"
        );
    }

    #[test]
    fn unreadable_answers_are_asked_again_and_thresholds_never_appear() {
        let json = include_str!("../../../tests/scenarios/large-import.json");
        let mut a: Answers = serde_json::from_str(json).unwrap();
        a.peak_rate = "fast".into();
        a.ids_unknown = true;
        let m = message(&a);
        assert!(m.contains("What will your peak rate be"), "{m}");
        assert!(m.contains(TOP_IDS_QUERY), "{m}");
        for internal in ["3,000", "100,000", "pipeline team", "Warning", "Blocking"] {
            assert!(!m.contains(internal), "{internal} in {m}");
        }
    }
}
