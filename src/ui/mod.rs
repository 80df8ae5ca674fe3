//! The Leptos UI over the checklist core. One `RwSignal<Answers>` is the single source
//! of truth; the report (validation, findings, Markdown) is a `Memo` derived from it.
//! No business rule lives here: components only display what `checklist` computes,
//! and every question is rendered from its row of the question table.

mod copy;
mod customer_questions;
mod draft_bar;
mod event_types;
mod findings_panel;
mod id_bars;
mod kept;
mod list_editor;
mod offer;
mod parts;
mod picture;
mod preview;
mod query_box;
mod question;
mod ramp_chart;
mod rendered;
mod required;
mod sample_box;
mod schedule_strip;
mod section;
mod share_and_save;
mod shown;
mod slot_suggestion;
mod strip_hours;
mod widget;

pub use offer::Offer;
pub use widget::{Widget, WidgetProps};

use crate::browser::storage;
use crate::checklist::questions::Field;
use crate::checklist::settings::format::Format;
use crate::checklist::{Answers, Config, Report};
use leptos::prelude::*;

/// What every component of one widget shares, provided as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub answers: RwSignal<Answers>,
    pub report: Memo<Report>,
    /// Fields the reader has left at least once: their errors show.
    pub touched: RwSignal<Vec<Field>>,
    /// Set when the reader tries to copy: every error shows.
    pub reveal_all: RwSignal<bool>,
    /// Makes DOM ids unique per widget on the page.
    pub prefix: StoredValue<String>,
    /// The answers of a new checklist (Start over goes back to them).
    pub fresh: StoredValue<Answers>,
    pub config: StoredValue<Config>,
    /// Where the reader will paste: the request block and the questions follow it.
    pub format: RwSignal<Format>,
    /// Answers from elsewhere (a link, an import) waiting for the reader's yes.
    pub offer: RwSignal<Option<Offer>>,
    /// The draft's storage key (its backup keys keep replaced answers).
    pub key: StoredValue<String>,
}

impl Ctx {
    /// The context of the widget this component is in. Every component is rendered
    /// inside `Widget`, which provides it.
    pub fn get() -> Ctx {
        use_context::<Ctx>().expect("ui components are rendered inside Widget")
    }

    pub fn id(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.prefix.get_value())
    }

    /// Keeps answers under a backup key of the draft before a link, an import or a
    /// restore replaces them: the key, or `None` when storage did not keep them.
    pub fn set_aside(&self, answers: &Answers) -> Option<String> {
        self.key.with_value(|key| storage::back_up(key, answers))
    }

    pub fn touch(&self, field: Field) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
    }

    /// A value derived from the answers that notifies only when it changes, so a
    /// keystroke in one field re-renders that field, not all forty. A memo: where many
    /// nodes hang below the value (a list's cells), [`settled`] marks fewer.
    pub fn select<T: PartialEq + Send + Sync + 'static>(
        &self,
        f: impl Fn(&Answers) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let answers = self.answers;
        Memo::new(move |_| answers.with(&f))
    }

    pub fn update(&self, f: impl FnOnce(&mut Answers)) {
        self.answers.update(f);
    }
}

/// A value derived from the answers or the report, whose readers wake only when it
/// changed. A `Memo` reruns them only then too, but each keystroke marks everything
/// downstream of a memo whose sources changed for a check, and each check copies the
/// node's set of sources: with a list's cells, a finding's parts or a picture's paths
/// below it, that bookkeeping cost more than deriving the value. Here one effect
/// derives it and sets a signal when it differs, so a keystroke that leaves it as it
/// was marks nothing below. Readers see a change a microtask later, in the same task.
/// (The value is derived twice when created, once for the first view and once as the
/// effect starts: a memo in between would derive it once, for 1.8 KB more.) The effect
/// belongs to the calling component and ends with it.
pub fn settled<T: Clone + PartialEq + Send + Sync + 'static>(
    derive: impl Fn() -> T + 'static,
) -> ReadSignal<T> {
    let (value, set) = signal(untrack(&derive));
    Effect::new(move |_| {
        let now = derive();
        if value.with_untracked(|v| *v != now) {
            set.set(now);
        }
    });
    value
}
