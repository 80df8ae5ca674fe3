//! What the reader has answered. Plain data, serialised with serde: drafts in
//! localStorage, the `answers()` of the JS API and the `initialAnswers` option all use
//! this shape.
//!
//! Numbers, dates and times are kept as the text the reader typed: the core parses them
//! where it needs them, so an invalid entry gets a message and is never lost.

use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning; older drafts are migrated or set aside.
pub const SCHEMA_VERSION: u32 = 1;

/// Declares a unit-only enum with its stable wire code (serde) and its label.
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
                match self { $($name::$variant => $code),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
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
    AppKind {
        Transformation = "transformation": "Transformation",
        Destination = "destination": "Destination",
    }
);

impl RateUnit {
    pub fn per_second(self, value: f64) -> f64 {
        match self {
            RateUnit::PerSecond => value,
            RateUnit::PerMinute => value / 60.0,
            RateUnit::PerHour => value / 3_600.0,
        }
    }
}

impl DurationUnit {
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

/// One row of the customer's "events per distinct_id" query.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TopId {
    pub distinct_id: String,
    pub events: String,
}

/// One step of a ramp-up: after this many minutes, this rate (in the peak rate's unit).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RampStep {
    pub after_minutes: String,
    pub rate: String,
}

/// An app (transformation or destination) enabled on the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct App {
    pub name: String,
    pub kind: AppKind,
}

impl Default for App {
    fn default() -> Self {
        App {
            name: String::new(),
            kind: AppKind::Transformation,
        }
    }
}

/// Every answer of the checklist. Unknown fields are ignored and missing ones take
/// their defaults, so drafts survive additions to the form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub schema_version: u32,

    // Who and where
    pub customer: String,
    pub organization: String,
    pub project_id: String,
    pub region: Option<Region>,
    pub requester_name: String,
    pub requester_team: String,
    pub conversation_url: String,
    pub kind: Option<Kind>,

    // Commitment gate
    pub product_questions_answered: bool,
    pub committed: bool,
    pub not_validating_with_import: bool,
    pub commitment_note: String,

    // Schedule (start in the customer's time zone)
    pub start_date: String,
    pub start_time: String,
    pub time_zone: String,
    pub flexibility: Option<Flexibility>,

    // Batching
    pub transport: Option<Transport>,
    pub events_per_request: String,
    pub avg_event_bytes: String,
    pub historical_migration: Option<Tri>,
    pub oldest_event: String,
    pub newest_event: String,

    // distinct_id variance
    pub total_events: String,
    pub max_events_per_id: String,
    pub top_ids: Vec<TopId>,
    pub ids_unknown: bool,

    // Event types: merge-sensitive names from MERGE_SENSITIVE_EVENTS, then custom names
    pub event_types: Vec<String>,
    pub custom_events: bool,
    pub events_not_sure: bool,

    // Apps
    pub apps: Option<Tri>,
    pub app_list: Vec<App>,

    // Peak rate and duration
    pub peak_rate: String,
    pub rate_unit: RateUnit,
    pub duration: String,
    pub duration_unit: DurationUnit,

    // Ramp-up
    pub ramp: Option<Ramp>,
    pub ramp_minutes: String,
    pub ramp_steps: Vec<RampStep>,
    pub ramp_note: String,

    // Load test
    pub load_goal: String,
    pub load_transport: Option<Transport>,
    pub load_concurrency: String,

    pub anything_else: String,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            schema_version: SCHEMA_VERSION,
            customer: String::new(),
            organization: String::new(),
            project_id: String::new(),
            region: None,
            requester_name: String::new(),
            requester_team: String::new(),
            conversation_url: String::new(),
            kind: None,
            product_questions_answered: false,
            committed: false,
            not_validating_with_import: false,
            commitment_note: String::new(),
            start_date: String::new(),
            start_time: String::new(),
            time_zone: String::new(),
            flexibility: None,
            transport: None,
            events_per_request: String::new(),
            avg_event_bytes: String::new(),
            historical_migration: None,
            oldest_event: String::new(),
            newest_event: String::new(),
            total_events: String::new(),
            max_events_per_id: String::new(),
            top_ids: Vec::new(),
            ids_unknown: false,
            event_types: Vec::new(),
            custom_events: false,
            events_not_sure: false,
            apps: None,
            app_list: Vec::new(),
            peak_rate: String::new(),
            rate_unit: RateUnit::PerSecond,
            duration: String::new(),
            duration_unit: DurationUnit::Hours,
            ramp: None,
            ramp_minutes: String::new(),
            ramp_steps: Vec::new(),
            ramp_note: String::new(),
            load_goal: String::new(),
            load_transport: None,
            load_concurrency: String::new(),
            anything_else: String::new(),
        }
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

    /// The custom (not merge-sensitive) event names, in the order they were added.
    pub fn custom_event_names(&self) -> impl Iterator<Item = &str> {
        self.event_types
            .iter()
            .map(String::as_str)
            .filter(|e| !MERGE_SENSITIVE_EVENTS.contains(e))
    }

    /// The merge-sensitive event types chosen, in canonical order.
    pub fn merge_sensitive_chosen(&self) -> Vec<&'static str> {
        MERGE_SENSITIVE_EVENTS
            .iter()
            .copied()
            .filter(|e| self.has_event_type(e))
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
        assert_eq!(Tri::from_code("maybe"), None);
    }

    #[test]
    fn toggling_event_types_adds_and_removes() {
        let mut a = Answers::default();
        a.toggle_event_type("$identify");
        a.toggle_event_type(" purchase ");
        a.toggle_event_type("  ");
        assert_eq!(a.event_types, vec!["$identify", "purchase"]);
        assert_eq!(a.custom_event_names().collect::<Vec<_>>(), vec!["purchase"]);
        a.toggle_event_type("$identify");
        assert!(!a.has_event_type("$identify"));
    }
}
