//! What each question's view shows (`Shown`), derived for every question at once by one
//! effect, and handed to each view through a trigger of its own that fires only when
//! that question's `Shown` changed. A keystroke so wakes the question typed in (and any
//! whose error, reading or place it changed), rather than one memo per question
//! subscribed to the answers and the report: every change of a signal copies its set of
//! subscribers, and each memo that reruns takes itself out of that set and back in,
//! which with sixty questions was a quarter of a keystroke's time. (The sections' two
//! memos each were tried the same way: +1.7 KB, no faster measurably.)

use super::Ctx;
use crate::checklist::questions::{counter, Question, QUESTIONS};
use crate::checklist::{Answers, FieldError, Report};
use leptos::prelude::*;

/// What one question's view shows.
#[derive(Clone, Default, PartialEq)]
pub struct Shown {
    pub applies: bool,
    /// What the control shows: the typed text, or a choice's code.
    pub text: String,
    pub checked: bool,
    pub counter: Option<String>,
    /// The error to show now, if any.
    pub error: Option<FieldError>,
    /// How a number was read ("Read as 1,200 bytes").
    pub reading: Option<String>,
}

/// Every question's `Shown`, in the question table's order, with a trigger each.
/// Filled when the first question mounts, not when the widget starts: the first
/// evaluation has a task of its own (`parts.rs`).
#[derive(Clone, Copy)]
pub struct ShownTable {
    values: StoredValue<Option<Vec<Shown>>>,
    changed: StoredValue<Vec<ArcTrigger>>,
    filled: Trigger,
}

impl ShownTable {
    /// The table and the effect that keeps it current once filled, owned by the widget
    /// (disposed with it), and provided to its components.
    pub fn provide(ctx: Ctx) {
        let table = ShownTable {
            values: StoredValue::new(None),
            changed: StoredValue::new(QUESTIONS.iter().map(|_| ArcTrigger::new()).collect()),
            filled: Trigger::new(),
        };
        Effect::new(move |_| {
            table.filled.track();
            if table.values.with_value(Option::is_none) {
                return;
            }
            let now = all(ctx);
            table.values.update_value(|old| {
                let Some(old) = old else { return };
                for (i, (was, is)) in old.iter_mut().zip(now).enumerate() {
                    if *was != is {
                        *was = is;
                        table.changed.with_value(|t| t[i].notify());
                    }
                }
            });
        });
        provide_context(table);
    }

    /// The table of the widget this component is in (`Widget` provides it).
    pub fn get() -> ShownTable {
        use_context::<ShownTable>().expect("ui components are rendered inside Widget")
    }

    /// One question's `Shown`: a memo that wakes only when it changes.
    pub fn of(self, q: &'static Question) -> Memo<Shown> {
        if self.values.with_value(Option::is_none) {
            let ctx = Ctx::get();
            self.values.set_value(Some(untrack(|| all(ctx))));
            self.filled.notify();
        }
        let i = q.field as usize;
        Memo::new(move |_| {
            self.changed.with_value(|t| t[i].track());
            // Filled above, one per question: never the default.
            self.values
                .with_value(|v| v.as_ref().and_then(|v| v.get(i).cloned()))
                .unwrap_or_default()
        })
    }
}

/// Every question's `Shown` now. An error shows once its field was left, or once the
/// reader tried to copy; one that asks which reading was meant shows at once.
fn all(ctx: Ctx) -> Vec<Shown> {
    let revealed = ctx.reveal_all.get();
    let touched = ctx.touched.get();
    ctx.report.with(|r| {
        ctx.answers.with(|a| {
            QUESTIONS
                .iter()
                .map(|q| shown(q, a, r, revealed || touched.contains(&q.field)))
                .collect()
        })
    })
}

fn shown(q: &Question, a: &Answers, r: &Report, revealed: bool) -> Shown {
    let f = q.field;
    let text = f.text(a);
    Shown {
        applies: f.applies(a),
        counter: counter(&q.input, &text),
        text,
        checked: f.checked(a),
        error: r
            .error_for(f)
            .filter(|e| revealed || !e.choices.is_empty())
            .cloned(),
        reading: r.reading(f).map(str::to_string),
    }
}
