//! The measures of a sample, as one typed summary ([`Sample`]). It holds counts,
//! sizes, instants and places, and event names: never a distinct_id, a property's
//! value, a uuid or a key.

use super::error::Problem;
use crate::checklist::questions::events::NameKind;
use crate::checklist::schedule::time::Date;

/// At most this many distinct event names are listed; the rest are counted.
pub const MAX_NAMES: usize = 50;
/// A listed event name is clipped to this many characters.
pub const MAX_NAME_CHARS: usize = 200;
/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 100;

/// How the pasted text was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SampleFormat {
    /// One or more `/batch` request bodies (`{"api_key": …, "batch": [...]}`), one per
    /// line as a log of requests, or pretty-printed one after another.
    Batch,
    /// Single-event request bodies: one event on its own, or several that each carry
    /// their `api_key` or `token`.
    Capture,
    /// A JSON array of events.
    Array,
    /// One event per line (an export), without keys.
    JsonLines,
}

impl SampleFormat {
    pub fn label(self) -> &'static str {
        match self {
            SampleFormat::Batch => "/batch request bodies",
            SampleFormat::Capture => "single-event request bodies",
            SampleFormat::Array => "a JSON array of events",
            SampleFormat::JsonLines => "JSON lines (one event per line)",
        }
    }
}

/// Where an event is in the pasted text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// 1-based number among the sample's items where events are expected (an item
    /// that is not an event object counts too, so the number finds the place).
    pub event: usize,
    /// 1-based line where the event starts.
    pub line: usize,
}

/// Everything measured in a sample. Sizes are *as sent*: the bytes of the JSON written
/// compactly, so blanks outside texts (a pretty-printed paste's indentation and line
/// breaks) are not counted; escapes count as written (`\u00e9` is six bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub format: SampleFormat,
    /// Event objects read.
    pub events: usize,
    /// The events' sizes, to hold against capture's per-event limit.
    pub sizes: Sizes,
    /// The request bodies, to hold against capture's request limits.
    pub requests: Requests,
    pub names: Names,
    pub timestamps: Timestamps,
    pub uuids: Uuids,
    pub distinct_ids: DistinctIds,
    pub keys: Keys,
    /// The first [`MAX_PROBLEMS`] problems, in the order of the text.
    pub problems: Vec<Problem>,
    /// Problems beyond those listed.
    pub problems_unlisted: usize,
}

impl Sample {
    /// The average event size in bytes, rounded down (0 without events).
    pub fn average_event_bytes(&self) -> u64 {
        self.sizes.total_bytes / (self.events.max(1) as u64)
    }

    /// The busiest distinct_id's share of all events, in percent.
    pub fn busiest_share_percent(&self) -> f64 {
        share(self.distinct_ids.busiest_events, self.events)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Event sizes as sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    /// All events together.
    pub total_bytes: u64,
    pub largest_bytes: usize,
    /// The first of the largest events.
    pub largest_at: Option<Position>,
}

/// The request bodies in the sample. An array of events or an export's lines are not
/// requests (how they will be batched is not known), so both counts are 0 there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Requests {
    /// `/batch` bodies.
    pub batch: Bodies,
    /// Single-event bodies.
    pub single: Bodies,
    /// `historical_migration` in the `/batch` bodies: capture reads the flag there only.
    pub historical: Historical,
    /// Single-event bodies that carry `historical_migration` anyway: capture does not
    /// read it there, so those events take the live path.
    pub single_with_flag: usize,
}

impl Requests {
    pub fn count(&self) -> usize {
        self.batch.count + self.single.count
    }

    /// Events per request, on average (0 without requests).
    pub fn events_per_request(&self) -> f64 {
        let events = self.batch.events + self.single.events;
        share(events, self.count()) / 100.0
    }
}

/// Request bodies of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bodies {
    pub count: usize,
    /// Events in them.
    pub events: usize,
    /// The most events in one body.
    pub most_events: usize,
    pub total_bytes: u64,
    pub largest_bytes: usize,
    /// 1-based line where the first of the largest bodies starts.
    pub largest_line: usize,
    /// Bodies the text ended (or stopped being JSON) inside: counted with what was
    /// read of them.
    pub cut_short: usize,
}

/// How the `/batch` bodies set `historical_migration`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Historical {
    /// `true`.
    pub on: usize,
    /// `false`.
    pub off: usize,
    /// Not there (or `null`): the same as `false`.
    pub absent: usize,
    /// Not a JSON boolean (say the text `"true"`): capture cannot read it as the flag.
    pub not_boolean: usize,
    /// Not known: the body was cut short before the flag (if it has one).
    pub unknown: usize,
}

/// Whether the flag is on in every `/batch` body (a body whose flag is unknown does
/// not have it on).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// No `/batch` body in the sample.
    NoBatch,
    All,
    Some,
    None,
}

impl Historical {
    pub fn coverage(&self) -> Coverage {
        let bodies = self.on + self.off + self.absent + self.not_boolean + self.unknown;
        match self.on {
            _ if bodies == 0 => Coverage::NoBatch,
            0 => Coverage::None,
            on if on == bodies => Coverage::All,
            _ => Coverage::Some,
        }
    }
}

/// Event names and what they do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// The first [`MAX_NAMES`] distinct names, most events first (ties in the order
    /// they first appear).
    pub counted: Vec<NameCount>,
    /// Events whose name is not listed (there were more distinct names).
    pub unlisted_events: usize,
    /// Events named as an identity event, under PostHog's name or an exported one.
    pub identity_events: usize,
    /// Events named as a person-property event, under PostHog's name or an exported one.
    pub person_events: usize,
    /// Events without a name (no `event`, or one that is not text).
    pub unnamed: usize,
}

/// One event name and its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameCount {
    /// As typed, clipped to [`MAX_NAME_CHARS`] characters (escape it before showing it).
    pub name: String,
    /// It was longer and was clipped.
    pub clipped: bool,
    pub events: usize,
    pub kind: NameKind,
    /// The PostHog event an exported name stands for (`Identify` → `$identify`; see
    /// [`super::KNOWN_NAMES`]): sent under its own name, PostHog treats it as a custom
    /// event.
    pub stands_for: Option<&'static str>,
}

/// An instant, in UTC seconds and as its UTC date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub utc: i64,
    pub date: Date,
}

/// The events' `timestamp`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamps {
    pub oldest: Option<Stamp>,
    pub newest: Option<Stamp>,
    /// Events with a readable timestamp.
    pub readable: usize,
    /// Events without one (or `null`): capture stamps them on arrival, so they are
    /// recent and `historical_migration` does nothing for them.
    pub missing: usize,
    /// Timestamps that are not ISO 8601 text (or not text at all).
    pub unreadable: usize,
    pub first_unreadable: Option<Position>,
    /// Events whose timestamp is earlier than the one of the event before them that
    /// has one: 0 when the sample is in non-decreasing order.
    pub steps_back: usize,
    pub first_step_back: Option<Position>,
    /// At least `window_hours` older than `now`: old enough for `historical_migration`.
    pub older_than_window: usize,
    /// Later than `now`.
    pub in_future: usize,
    /// The instant they were measured against (UTC seconds).
    pub now: i64,
    /// The historical window they were measured against, in hours.
    pub window_hours: u32,
}

impl Timestamps {
    /// Readable timestamps within the window before `now`: too recent for
    /// `historical_migration`, which capture ignores for them.
    pub fn recent(&self) -> usize {
        self.readable
            .saturating_sub(self.older_than_window)
            .saturating_sub(self.in_future)
    }

    pub fn in_order(&self) -> bool {
        self.steps_back == 0
    }
}

/// The events' `uuid`s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uuids {
    /// Events that carry one (an empty text counts as none, as in capture).
    pub carried: usize,
    /// Events whose uuid an earlier event in the sample already carried: sent twice.
    pub repeated: usize,
    pub first_repeat: Option<Position>,
    /// uuids that are not a UUID (capture refuses such an event).
    pub malformed: usize,
}

/// The events' distinct_ids, counted by a 64-bit hash of each (the ids themselves are
/// never kept). Top-level `distinct_id` (or `$distinct_id`) wins over
/// `properties.distinct_id`; ids are compared on their first 200 characters, as
/// capture keeps them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DistinctIds {
    /// Different distinct_ids.
    pub distinct: usize,
    /// Events of the distinct_id with the most events.
    pub busiest_events: usize,
    /// Events whose distinct_id is only in `properties.distinct_id`.
    pub from_properties: usize,
    /// Events without a distinct_id (or with an empty or null one).
    pub missing: usize,
}

/// Keys seen in the sample, counted, never kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    /// `api_key`, `token` or `$token` members, of a body or of an event.
    pub token_fields: usize,
    /// Texts anywhere that start like a project API key (`phc_` and 8 letters or digits).
    pub project_keys: usize,
    /// Texts anywhere that start like a personal API key (`phx_` …): a secret that
    /// must never be in events (capture refuses it as a token).
    pub personal_keys: usize,
}
