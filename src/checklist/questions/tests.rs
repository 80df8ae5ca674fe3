//! The question table's own checks: every control reaches its answer, the keys are
//! serde's names, conditional questions and progress.

use super::*;
use crate::checklist::questions::answers::CellKind;
use crate::checklist::questions::answers::{Kind, Transport, Tri};

#[test]
fn the_table_is_in_field_order() {
    assert_eq!(QUESTIONS.len(), Field::ALL.len());
    for (i, q) in QUESTIONS.iter().enumerate() {
        assert_eq!(q.field as usize, i);
        assert_eq!(q.field.question().field, q.field);
        assert!(!q.label.is_empty(), "{:?} has no label", q.field);
    }
}

#[test]
fn questions_follow_the_page_order_of_sections() {
    let order: Vec<usize> = QUESTIONS.iter().map(|q| q.section as usize).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
    for (i, s) in Section::ALL.iter().enumerate() {
        assert_eq!(*s as usize, i);
    }
}

/// Every question's control and its stored answer agree: what the control writes,
/// the answer reads back (a mismatch would make a control silently do nothing).
#[test]
fn every_control_reaches_its_answer() {
    for q in QUESTIONS {
        let mut a = Answers::default();
        let f = q.field;
        match q.input {
            Input::Check => {
                f.set_checked(&mut a, true);
                assert!(f.checked(&a) && f.stored(&a).is_answered(), "{f:?}");
            }
            Input::Choice(options) | Input::UnitOf(options) => {
                for (code, _) in options {
                    f.set_text(&mut a, code);
                    assert_eq!(f.text(&a), *code, "{f:?}");
                }
            }
            Input::List => {
                let rows = f.stored_mut(&mut a).rows_mut().expect("a list");
                rows.push_empty();
                let spec = rows.spec();
                for (i, col) in spec.columns.iter().enumerate() {
                    let value = match col.kind {
                        CellKind::Choice(options) => options[options.len() - 1].0,
                        _ => "7",
                    };
                    rows.set_cell(0, i, value);
                    assert_eq!(rows.cell(0, i), value, "{f:?} column {i}");
                }
                assert!(f.stored(&a).is_answered(), "{f:?}");
            }
            Input::EventTypes => {
                a.toggle_event_type("$identify");
                assert!(f.is_answered(&a));
            }
            _ => {
                f.set_text(&mut a, "some text");
                assert_eq!(f.text(&a), "some text", "{f:?}");
                assert!(f.is_answered(&a));
            }
        }
    }
}

/// The browser writes answers from the table (keys, column keys); native code and
/// the scenario files use serde. Both must give the same shape.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn table_keys_are_serdes_names() {
    let mut a = Answers::default();
    for f in Field::ALL {
        if let Some(rows) = f.stored_mut(&mut a).rows_mut() {
            rows.push_empty();
        }
    }
    let json = serde_json::to_value(&a).unwrap();
    let object = json.as_object().unwrap();
    let mut keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
    keys.push("schema_version");
    let mut serde_keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    serde_keys.sort_unstable();
    assert_eq!(keys, serde_keys);
    for f in Field::ALL {
        if let Some(rows) = f.stored(&a).rows() {
            let row = object[f.key()][0].as_object().unwrap();
            let columns: Vec<&str> = rows.spec().columns.iter().map(|c| c.key).collect();
            let fields: Vec<&str> = row.keys().map(String::as_str).collect();
            assert_eq!(columns.len(), fields.len(), "{f:?}");
            assert!(columns.iter().all(|c| fields.contains(c)), "{f:?}");
        }
    }
}

#[test]
fn keys_are_the_serialised_names_and_ids_are_kebab_case() {
    assert_eq!(Field::StartDate.key(), "start_date");
    assert_eq!(Field::StartDate.id(), "start-date");
    assert_eq!(Field::Customer.id(), "customer");
}

#[test]
fn conditional_questions_appear_only_when_relevant() {
    let mut a = Answers::default();
    assert!(!Field::EventsPerRequest.applies(&a));
    assert!(!Field::LoadGoal.applies(&a));
    assert!(!Field::AppList.applies(&a));
    a.transport = Some(Transport::Batch);
    a.kind = Some(Kind::Both);
    a.apps = Some(Tri::NotSure);
    assert!(Field::EventsPerRequest.applies(&a));
    assert!(Field::LoadGoal.applies(&a));
    assert!(Field::AppList.applies(&a));
    assert!(!Field::AppList.is_required(&a));
    a.apps = Some(Tri::Yes);
    assert!(Field::AppList.is_required(&a));
    a.kind = Some(Kind::LoadTest);
    assert!(!Field::HistoricalMigration.applies(&a));
}

#[test]
fn progress_counts_required_answers_that_apply() {
    let mut a = Answers::default();
    let p = section_progress(Section::Commitment, &a);
    assert_eq!((p.answered, p.required), (0, 3));
    assert_eq!(p.badge(), "0/3 answered");
    a.committed = true;
    assert_eq!(section_progress(Section::Commitment, &a).answered, 1);
    let before = overall_progress(&a).required;
    a.kind = Some(Kind::LoadTest);
    // The load-test questions now apply; the five import-only ones (the test run is
    // optional) do not: the flag, the oldest and newest events, the senders and the
    // busiest distinct_id of the customer's query.
    let load_test = section_progress(Section::LoadTest, &a).required;
    assert!(Field::LoadGoal.applies(&a) && !Field::OldestEvent.applies(&a));
    assert!(!Field::SenderConcurrency.applies(&a));
    assert_eq!(overall_progress(&a).required, before + load_test - 5);
    a.kind = Some(Kind::Both);
    assert_eq!(overall_progress(&a).required, before + load_test);
    assert_eq!(section_progress(Section::Other, &a).badge(), "optional");
    a.product_questions_answered = true;
    a.not_validating_with_import = true;
    assert_eq!(
        section_progress(Section::Commitment, &a).badge(),
        "✓ 3/3 done"
    );
    assert_eq!(
        overall_progress(&a).line(),
        format!("4 of {} required answers", before + load_test)
    );
}

#[test]
fn the_pause_contact_is_asked_for_every_kind() {
    for kind in [Kind::Import, Kind::LoadTest, Kind::Both] {
        let a = Answers {
            kind: Some(kind),
            ..Answers::default()
        };
        assert!(Field::PauseContact.is_required(&a), "{kind:?}");
    }
}

/// Every question says where its answer shows in the request block, so that no answer
/// is silently left out of what the pipeline team reads.
#[test]
fn every_question_says_where_it_shows_in_the_block() {
    for q in QUESTIONS {
        assert_ne!(q.shows, Shows::Undeclared, "{:?}", q.field);
    }
}
