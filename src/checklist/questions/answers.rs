//! The kinds of answer a question can hold: choices, list rows, and the [`Stored`]
//! trait through which the form reads and writes any answer without knowing its type.
//! The `Answers` struct itself is generated from the question table
//! (`questions.rs`), one field per question.
//!
//! Numbers, dates and times are kept as the text the reader typed: `parse.rs` reads
//! them once into typed values or specific errors, so an invalid entry is explained
//! and never lost.

use serde::{Deserialize, Serialize};

pub use crate::checklist::questions::{Answers, Field};

/// Bumped when a field changes meaning; older drafts are migrated or set aside.
pub const SCHEMA_VERSION: u32 = 1;

/// The schema version a draft was written with (serialised as a plain number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SchemaVersion(pub u32);

impl Default for SchemaVersion {
    fn default() -> Self {
        SchemaVersion(SCHEMA_VERSION)
    }
}

/// Answers written with this schema or an older one, in this one: no answer has
/// changed meaning yet, so only the version moves. A newer schema is not guessed at:
/// `Err` with its version. Drafts and imported answers both come through here.
pub fn migrate(mut a: Answers) -> Result<Answers, u32> {
    if a.schema_version.0 > SCHEMA_VERSION {
        return Err(a.schema_version.0);
    }
    a.schema_version = SchemaVersion::default();
    Ok(a)
}

/// One stored answer, as the form sees it. Each question's control uses the methods
/// that fit it (a test checks that every question's control and storage agree).
pub trait Stored {
    /// The answer as a text control shows it: what was typed, or a choice's code.
    fn text(&self) -> String;
    /// Sets a text answer, or a choice by code (an unknown code clears the choice).
    fn set_text(&mut self, value: &str);
    /// Whether a required answer counts as given.
    fn is_answered(&self) -> bool;
    /// A tick box's state (false for anything else).
    fn checked(&self) -> bool {
        false
    }
    fn set_checked(&mut self, _on: bool) {
        // Only tick boxes have a state.
    }
    /// The rows of a list answer.
    fn rows(&self) -> Option<&dyn ListRows> {
        None
    }
    fn rows_mut(&mut self) -> Option<&mut dyn ListRows> {
        None
    }
    /// A unit's size in its measure's base unit (a unit chosen beside a number).
    fn unit_scale(&self) -> Option<f64> {
        None
    }
    /// A list of names (event types).
    fn names(&self) -> Option<&Vec<String>> {
        None
    }
    fn names_mut(&mut self) -> Option<&mut Vec<String>> {
        None
    }
}

impl Stored for String {
    fn text(&self) -> String {
        self.clone()
    }
    fn set_text(&mut self, value: &str) {
        value.clone_into(self);
    }
    fn is_answered(&self) -> bool {
        !self.trim().is_empty()
    }
}

impl Stored for bool {
    fn text(&self) -> String {
        String::new()
    }
    fn set_text(&mut self, _: &str) {
        // Edited through its own control, not as text.
    }
    fn is_answered(&self) -> bool {
        *self
    }
    fn checked(&self) -> bool {
        *self
    }
    fn set_checked(&mut self, on: bool) {
        *self = on;
    }
}

/// Event type names: edited by their own control (`Answers::toggle_event_type`).
impl Stored for Vec<String> {
    fn text(&self) -> String {
        String::new()
    }
    fn set_text(&mut self, _: &str) {
        // Edited through its own control, not as text.
    }
    fn is_answered(&self) -> bool {
        !self.is_empty()
    }
    fn names(&self) -> Option<&Vec<String>> {
        Some(self)
    }
    fn names_mut(&mut self) -> Option<&mut Vec<String>> {
        Some(self)
    }
}

/// Declares a unit-only enum with its stable wire code (serde) and its label, and
/// stores it as an answer (optional, or with a default when it is a unit).
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// (code, label) pairs, for a select or a radio group.
            pub const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($code, $label)),+];
            pub fn code(self) -> &'static str {
                Self::OPTIONS[self as usize].0
            }
            pub fn label(self) -> &'static str {
                Self::OPTIONS[self as usize].1
            }
            pub fn from_code(code: &str) -> Option<$name> {
                Self::OPTIONS.iter().position(|(c, _)| *c == code).map(|i| Self::ALL[i])
            }
        }
        impl Stored for Option<$name> {
            fn text(&self) -> String {
                self.map($name::code).unwrap_or_default().to_string()
            }
            fn set_text(&mut self, value: &str) {
                *self = $name::from_code(value);
            }
            fn is_answered(&self) -> bool {
                self.is_some()
            }
        }
    };
}

/// A choice with a default (a unit beside its number) is always answered.
macro_rules! stored_with_default {
    ($name:ident) => {
        impl Stored for $name {
            fn text(&self) -> String {
                self.code().to_string()
            }
            fn set_text(&mut self, value: &str) {
                *self = $name::from_code(value).unwrap_or_default();
            }
            fn is_answered(&self) -> bool {
                true
            }
            fn unit_scale(&self) -> Option<f64> {
                Some(self.scale())
            }
        }
    };
}

choice!(
    /// Where the customer's project lives.
    Region {
        Us = "us": "US cloud",
        Eu = "eu": "EU cloud",
        SelfHosted = "self_hosted": "Self-hosted",
    }
);

choice!(
    /// What the customer plans to send.
    Kind {
        Import = "import": "Historical import",
        LoadTest = "load_test": "Load test",
        Both = "both": "Both",
    }
);

choice!(
    /// How firmly the start time is set.
    Flexibility {
        Fixed = "fixed": "Fixed",
        Flexible = "flexible": "Flexible",
        Asap = "asap": "As soon as possible",
    }
);

choice!(
    /// Single-event capture requests or the `/batch` endpoint.
    Transport {
        Single = "single": "Single-event requests",
        Batch = "batch": "/batch requests",
    }
);

choice!(
    /// A yes / no / not sure answer.
    Tri {
        Yes = "yes": "Yes",
        No = "no": "No",
        NotSure = "not_sure": "Not sure",
    }
);

choice!(
    /// The unit the peak rate was given in.
    #[derive(Default)]
    RateUnit {
        #[default]
        PerSecond = "per_second": "events / second",
        PerMinute = "per_minute": "events / minute",
        PerHour = "per_hour": "events / hour",
    }
);
stored_with_default!(RateUnit);

choice!(
    /// The unit of the total duration.
    #[derive(Default)]
    DurationUnit {
        Minutes = "minutes": "minutes",
        #[default]
        Hours = "hours": "hours",
        Days = "days": "days",
    }
);
stored_with_default!(DurationUnit);

choice!(
    /// The shape of the ramp-up.
    Ramp {
        AllAtOnce = "all_at_once": "None: everything at once",
        Linear = "linear": "Linear to the peak",
        Steps = "steps": "Steps",
    }
);

choice!(
    /// What an app does with events.
    #[derive(Default)]
    AppKind {
        #[default]
        Transformation = "transformation": "Transformation",
        Destination = "destination": "Destination",
    }
);

impl RateUnit {
    /// Events per second in one event per this unit.
    pub fn scale(self) -> f64 {
        self.per_second(1.0)
    }

    pub fn per_second(self, value: f64) -> f64 {
        match self {
            RateUnit::PerSecond => value,
            RateUnit::PerMinute => value / 60.0,
            RateUnit::PerHour => value / 3_600.0,
        }
    }
}

impl DurationUnit {
    /// Minutes in one of this unit.
    pub fn scale(self) -> f64 {
        self.minutes(1.0)
    }

    pub fn minutes(self, value: f64) -> f64 {
        match self {
            DurationUnit::Minutes => value,
            DurationUnit::Hours => value * 60.0,
            DurationUnit::Days => value * 1_440.0,
        }
    }
}

/// The event types that touch identity or person properties; they are processed in
/// ingestion order, so order matters for them.
pub const MERGE_SENSITIVE_EVENTS: &[&str] = &[
    "$identify",
    "$create_alias",
    "$merge_dangerously",
    "$groupidentify",
    "$set",
    "$set_once",
    "$unset",
];

// ---------------------------------------------------------------------------------
// Lists: rows with columns, edited by one list editor driven by the column spec (the
// row types are in `lists.rs`).

/// How a cell is typed and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    Text,
    /// A whole number (k, M, B understood).
    Count,
    /// A number that may have a fraction.
    Amount,
    /// One of a few options, as a select.
    Choice(&'static [(&'static str, &'static str)]),
}

/// One column of a list answer.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The cell's name in drafts and the JS API (the row struct's field).
    pub key: &'static str,
    /// Shown as the column's header.
    pub header: &'static str,
    /// The cell's accessible name, before ", row 2".
    pub label: &'static str,
    pub placeholder: &'static str,
    pub kind: CellKind,
}

/// The words a list's editor uses: "Add row", "Remove step 2", "Rate, step 2".
#[derive(Clone, Copy, Debug)]
pub struct ListSpec {
    pub columns: &'static [Column],
    /// The row's name in labels: "row", "step".
    pub noun: &'static str,
    pub add: &'static str,
    /// "Remove app" (the row number follows).
    pub remove: &'static str,
    /// The column that must be filled for the list to count as answered.
    pub key_column: usize,
}

/// A row type of a list answer.
pub trait ListRow: Default + 'static {
    const SPEC: ListSpec;
    fn cell(&self, column: usize) -> String;
    fn set_cell(&mut self, column: usize, value: &str);
}

/// A list answer, whatever its row type.
pub trait ListRows {
    fn spec(&self) -> &'static ListSpec;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn cell(&self, row: usize, column: usize) -> String;
    fn set_cell(&mut self, row: usize, column: usize, value: &str);
    fn push_empty(&mut self);
    fn remove(&mut self, row: usize);
}

impl<R: ListRow> ListRows for Vec<R> {
    fn spec(&self) -> &'static ListSpec {
        &R::SPEC
    }
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn cell(&self, row: usize, column: usize) -> String {
        self.get(row).map(|r| r.cell(column)).unwrap_or_default()
    }
    fn set_cell(&mut self, row: usize, column: usize, value: &str) {
        if let Some(r) = self.get_mut(row) {
            r.set_cell(column, value);
        }
    }
    fn push_empty(&mut self) {
        self.push(R::default());
    }
    fn remove(&mut self, row: usize) {
        if row < Vec::len(self) {
            Vec::remove(self, row);
        }
    }
}

impl<R: ListRow> Stored for Vec<R> {
    fn text(&self) -> String {
        String::new()
    }
    fn set_text(&mut self, _: &str) {
        // Edited through its own control, not as text.
    }
    fn is_answered(&self) -> bool {
        let key = R::SPEC.key_column;
        self.iter().any(|r| !r.cell(key).trim().is_empty())
    }
    fn rows(&self) -> Option<&dyn ListRows> {
        Some(self)
    }
    fn rows_mut(&mut self) -> Option<&mut dyn ListRows> {
        Some(self)
    }
}

impl Answers {
    /// True unless the request is only a load test (an unanswered kind counts as an
    /// import, the common case, so its questions show from the start).
    pub fn includes_import(&self) -> bool {
        self.kind != Some(Kind::LoadTest)
    }

    pub fn includes_load_test(&self) -> bool {
        matches!(self.kind, Some(Kind::LoadTest | Kind::Both))
    }

    /// How the request is named in sentences: "import", "load test", "import and load test".
    pub fn noun(&self) -> &'static str {
        match self.kind {
            Some(Kind::LoadTest) => "load test",
            Some(Kind::Both) => "import and load test",
            _ => "import",
        }
    }

    pub fn uses_batch(&self) -> bool {
        self.transport == Some(Transport::Batch)
    }

    pub fn has_event_type(&self, name: &str) -> bool {
        self.event_types.iter().any(|e| e == name)
    }

    /// Adds or removes an event type (a merge-sensitive one or a custom name).
    pub fn toggle_event_type(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if let Some(i) = self.event_types.iter().position(|e| e == name) {
            self.event_types.remove(i);
        } else {
            self.event_types.push(name.to_string());
        }
    }

    /// Adds a custom event name unless it is already there.
    pub fn add_event_type(&mut self, name: &str) {
        if !self.has_event_type(name.trim()) {
            self.toggle_event_type(name);
        }
    }

    /// The custom (not merge-sensitive) event names, in the order they were added.
    pub fn custom_event_names(&self) -> impl Iterator<Item = &str> {
        self.event_types
            .iter()
            .map(String::as_str)
            .filter(|e| !MERGE_SENSITIVE_EVENTS.contains(e))
    }

    /// The merge-sensitive events chosen, in canonical order, by PostHog's name: ticked,
    /// or typed under the name another tool exports them with (`identify`, `alias`:
    /// `events::KNOWN_NAMES`, in any case).
    pub fn merge_sensitive_chosen(&self) -> Vec<&'static str> {
        MERGE_SENSITIVE_EVENTS
            .iter()
            .copied()
            .filter(|e| {
                self.event_types
                    .iter()
                    .any(|typed| typed == e || super::events::classify(typed).1 == Some(e))
            })
            .collect()
    }

    /// The event names typed under another tool's name for a merge-sensitive event, as
    /// typed: `identify`, `Alias`.
    pub fn exported_merge_names(&self) -> Vec<&str> {
        self.custom_event_names()
            .filter(|typed| super::events::classify(typed).1.is_some())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_their_codes() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_code(k.code()), Some(*k));
        }
        assert_eq!(Kind::LoadTest.label(), "Load test");
        assert_eq!(Tri::from_code("maybe"), None);
        assert_eq!(DurationUnit::default().code(), "hours");
    }

    #[test]
    fn toggling_event_types_adds_and_removes() {
        let mut a = Answers::default();
        a.toggle_event_type("$identify");
        a.toggle_event_type(" purchase ");
        a.toggle_event_type("  ");
        a.add_event_type("purchase");
        assert_eq!(a.event_types, vec!["$identify", "purchase"]);
        assert_eq!(a.custom_event_names().collect::<Vec<_>>(), vec!["purchase"]);
        a.toggle_event_type("$identify");
        assert!(!a.has_event_type("$identify"));
    }
}
