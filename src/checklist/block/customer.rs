//! "Questions for the customer": a short, friendly message that asks exactly what is
//! still unanswered or could not be read, each with one line on why we ask, and the
//! distinct_id query when its result is missing. It is a document of the block model,
//! so every format writes it as it writes the block.
//!
//! It is for the customer: it says nothing of thresholds, team names or findings, and
//! holds no user text.

use super::model::{code, line, words, Doc, Inline, Line, Part};
use crate::checklist::paste::TOP_IDS_QUERY;
use crate::checklist::questions::answers::{Answers, Kind};
use crate::checklist::questions::{Ask, QUESTIONS};
use crate::checklist::rules::findings::{Finding, Tell};
use crate::checklist::rules::validate::FieldError;

/// The message: (a) what is still missing or "not sure", asked the customer's way;
/// (b) what we need them to change, as requests; (c) what the page says they must
/// know; (d) to wait for our go-ahead. `errors` and `findings` are the report's.
pub fn message(a: &Answers, errors: &[FieldError], findings: &[Finding]) -> Doc {
    let asks = open_asks(a, errors);
    let (mut change, mut know): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for f in findings {
        let (list, text) = match f.tell_now(a) {
            Some(Tell::Change(t)) => (&mut change, t.as_str()),
            Some(Tell::Know(t)) => (&mut know, t.as_str()),
            None => continue,
        };
        if !list.contains(&text) {
            list.push(text);
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
    let go_ahead = "Please wait for our go-ahead before you send anything.";
    if asks.is_empty() && change.is_empty() && know.is_empty() {
        return Doc {
            parts: vec![
                heading("Nothing left to ask".to_string()),
                Part::Paragraph(line(format!(
                    "Every answer we need before {what} is in. {go_ahead}"
                ))),
            ],
        };
    }
    let mut parts = vec![
        heading(format!("Before {what}")),
        Part::Paragraph(line("Hi! To plan it with our team:")),
    ];
    if !asks.is_empty() {
        questions(&mut parts, a, &asks);
    }
    let mut list = |lead: &'static str, items: Vec<&str>| {
        if !items.is_empty() {
            parts.push(Part::Paragraph(line(lead)));
            parts.push(Part::List(
                items.into_iter().map(|t| line(t.to_string())).collect(),
            ));
        }
    };
    list("What we need you to change:", change);
    list("Good to know:", know);
    parts.push(Part::Paragraph(line(go_ahead)));
    parts.push(Part::Paragraph(line("Thank you!")));
    Doc { parts }
}

/// The asks still open: a question that applies, the customer can answer, and that is
/// missing, could not be read, or was answered "not sure" (or "not known yet").
fn open_asks(a: &Answers, errors: &[FieldError]) -> Vec<&'static Ask> {
    let mut asks: Vec<&'static Ask> = Vec::new();
    for q in QUESTIONS {
        let Some(ask) = q.ask else { continue };
        let applies = q.field.applies(a);
        let open = (applies && errors.iter().any(|e| e.field == q.field)) || q.field.not_sure(a);
        if open && !asks.iter().any(|x| std::ptr::eq(*x, ask)) {
            asks.push(ask);
        }
    }
    asks
}

/// The asks as a list, and the distinct_id query where one needs it: on the data the
/// import comes from (its events are not in PostHog yet).
fn questions(parts: &mut Vec<Part>, a: &Answers, asks: &[&'static Ask]) {
    parts.push(Part::Paragraph(line("We need a few more details:")));
    parts.push(Part::List(
        asks.iter()
            .map(|ask| {
                let mut item = ours(ask.question);
                item.push(words(" — "));
                item.extend(ours(ask.why));
                item
            })
            .collect(),
    ));
    if asks.iter().any(|x| x.query) && a.includes_import() {
        parts.push(Part::Paragraph(line(
            "Please run this query, or its equivalent, on the data you will import (the export or database the events come from) and send us the first rows of its result:",
        )));
        parts.push(Part::Paragraph(vec![code(TOP_IDS_QUERY)]));
    }
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

// Native only: the scenarios are read with serde_json, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::Tri;
    use crate::checklist::schedule::time::BuiltinZones;
    use crate::checklist::{evaluate, Config, Env};

    fn message(a: &Answers) -> String {
        let env = Env {
            now: 1_795_694_400,
            zones: &BuiltinZones,
        };
        let report = evaluate(a, &Config::default(), &env);
        crate::checklist::block::github::write(&super::message(a, &report.errors, &report.findings))
    }

    #[test]
    fn a_new_checklist_asks_everything_the_customer_knows_once() {
        let m = message(&Answers::default());
        assert!(m.starts_with("### Before you send us your events\n"), "{m}");
        assert!(m.contains("We need a few more details:"), "{m}");
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

        // Every answer in, but changes to ask for: no questions, the changes, the
        // go-ahead.
        let json = include_str!("../../../tests/scenarios/large-import.json");
        let full: Answers = serde_json::from_str(json).unwrap();
        let m = message(&full);
        assert!(!m.contains("We need a few more details") && !m.contains("Nothing left"));
        assert!(
            m.contains("What we need you to change:\n\n- Please send events in timestamp order")
                && m.contains("\n- Please pause your destinations"),
            "{m}"
        );
        assert!(
            m.contains("Please wait for our go-ahead before you send anything."),
            "{m}"
        );
        // Nothing to ask, change or tell: said so, with the go-ahead.
        let quiet = Answers {
            kind: Some(Kind::LoadTest),
            transport: Some(crate::checklist::questions::answers::Transport::Batch),
            ..full
        };
        let quiet = Answers {
            load_transport: quiet.transport,
            load_goal: "Black Friday traffic".into(),
            load_concurrency: "20".into(),
            load_distinct_ids: "1M".into(),
            apps: Some(Tri::No),
            event_types: vec!["purchase".into()],
            ..quiet
        };
        assert_eq!(
            message(&quiet),
            "### Nothing left to ask\n\nEvery answer we need before your load test is in. Please wait for our go-ahead before you send anything.\n"
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
