//! The question table: the single source of truth of the checklist. Each question is
//! declared once below — its answer's field and type, section, label, help, input
//! (control and unit kind, with the question's own checks), when it applies and when
//! it is required. From that one declaration the `questions!` macro generates the
//! `Answers` struct, the `Field` enum, the table row and the accessors, so a
//! forgotten piece fails to compile instead of silently doing nothing.
//!
//! Adding a question: one entry here, plus one rule in `findings.rs` where it has one.

use crate::checklist::questions::answers::{
    App, DurationUnit, Flexibility, Kind, Ramp, RampStep, RateUnit, Region, SchemaVersion, Stored,
    TopId, Transport, Tri,
};
use crate::checklist::questions::numbers::{group, Measure};
use serde::{Deserialize, Serialize};

/// The checklist's sections, in the order of the handbook page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Request,
    Commitment,
    Schedule,
    Batching,
    DistinctIds,
    EventTypes,
    Apps,
    Rate,
    Ramp,
    LoadTest,
    Other,
}

/// A section's id (for DOM ids), title and "why we ask" line.
pub struct SectionText {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
}

/// In the order of [`Section`]'s variants.
const SECTIONS: [SectionText; 11] = [
    SectionText { id: "request", title: "The request", why: "Who the customer is and what they plan to send, so the pipeline team knows whom to follow up with." },
    SectionText { id: "commitment", title: "Commitment", why: "An import can take the pipeline team considerable effort. Ask for it once the customer is committed, not to help them decide whether PostHog fits." },
    SectionText { id: "schedule", title: "Schedule", why: "Our ingestion traffic barely varies, so a surprise spike may be rate-limited. The pipeline team works EU hours and prefers weekdays with the most overlap." },
    SectionText { id: "batching", title: "Batching", why: "Request and event sizes decide whether capture accepts the data at all; the historical_migration flag routes it away from live traffic." },
    SectionText { id: "distinct-ids", title: "distinct_id variance", why: "Events of one distinct_id stay on one Kafka partition, in order. A very busy distinct_id may be spread over partitions and its events processed out of order." },
    SectionText { id: "event-types", title: "Event types", why: "Identity events ($identify, $create_alias, …) and person updates are applied in ingestion order: out-of-order processing can break merges." },
    SectionText { id: "apps", title: "Apps", why: "Transformations run on every imported event; destinations may fire for imported events too." },
    SectionText { id: "rate", title: "Peak rate and duration", why: "How fast and for how long: the pipeline may need to scale up." },
    SectionText { id: "ramp-up", title: "Ramp-up", why: "A ramp-up lets the pipeline scale with the traffic. Everything at once is closer to a denial of service than a test." },
    SectionText { id: "load-test", title: "Load testing", why: "Load tests need the pipeline team alerted as soon as possible, so accommodations can be made." },
    SectionText { id: "other", title: "Anything else", why: "Anything the pipeline team should know that the questions above missed." },
];

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Request,
        Section::Commitment,
        Section::Schedule,
        Section::Batching,
        Section::DistinctIds,
        Section::EventTypes,
        Section::Apps,
        Section::Rate,
        Section::Ramp,
        Section::LoadTest,
        Section::Other,
    ];

    pub fn text(self) -> &'static SectionText {
        &SECTIONS[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.text().id
    }

    pub fn title(self) -> &'static str {
        self.text().title
    }

    /// "Why we ask": one or two sentences under the section title.
    pub fn why(self) -> &'static str {
        self.text().why
    }

    /// Whether the section applies to these answers (load testing only for load tests).
    pub fn applies(self, a: &Answers) -> bool {
        match self {
            Section::LoadTest => a.includes_load_test(),
            _ => true,
        }
    }
}

/// A number's unit as the form shows it beside the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A fixed word: "events".
    Fixed(&'static str),
    /// Chosen in a select: the unit question edited beside this number.
    Select(Field),
}

/// How a question is answered: its control and the unit kind its text is parsed by,
/// with the question's own checks (`at_least_one`: the noun of "Must be at least 1
/// event"; `Some("")` is "Must be more than zero.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    LongText,
    /// An http(s) link.
    Url,
    /// A number made of digits only, such as a project ID.
    Digits,
    /// An IANA time zone the browser knows.
    Zone,
    Date,
    Time,
    /// A whole number of `unit` (k, M, B understood).
    Count {
        unit: &'static str,
        at_least_one: Option<&'static str>,
    },
    /// A number that may have a fraction, with units of what it measures ("1.2 KB",
    /// "1h30", "300k/min"); its value is in the measure's base unit.
    Amount {
        measure: Measure,
        unit: Unit,
        at_least_one: Option<&'static str>,
    },
    /// One of a few options, as radio buttons.
    Choice(&'static [(&'static str, &'static str)]),
    /// The unit of another question's number, edited beside it as a select.
    UnitOf(&'static [(&'static str, &'static str)]),
    /// A tick box.
    Check,
    /// Merge-sensitive event types as tick boxes, plus custom names.
    EventTypes,
    /// Rows with columns (the row type declares them).
    List,
}

impl Input {
    /// How many characters of the answer the request block shows. Free text says so
    /// next to its field; anything longer in a number or a date is not one anyway.
    pub const fn max_chars(&self) -> usize {
        match self {
            Input::Text => 200,
            Input::Url => 500,
            Input::LongText => 2_000,
            _ => 100,
        }
    }

    /// Whether the answer is free text, shown with a character counter.
    pub const fn is_free_text(&self) -> bool {
        matches!(self, Input::Text | Input::LongText | Input::Url)
    }
}

/// The counter under a free-text field ("1,650 / 2,000"): always for long text, from
/// half the limit for a line, never for other inputs. Over the limit, the field's
/// error says what that means.
pub fn counter(input: &Input, text: &str) -> Option<String> {
    if !input.is_free_text() {
        return None;
    }
    let max = input.max_chars();
    let n = text.chars().count();
    let worth = matches!(input, Input::LongText) && n > 0 || n * 2 >= max;
    worth.then(|| format!("{} / {}", group(n as u64), group(max as u64)))
}

/// The message when an answer is longer than the block shows.
pub fn too_long(text: &str, max: usize) -> Option<String> {
    let n = text.chars().count();
    (n > max).then(|| {
        format!(
            "{} characters: the request block shows the first {}, and says how many more there are. Everything you typed is kept here.",
            group(n as u64),
            group(max as u64)
        )
    })
}

/// When a question must be answered (if it applies).
#[derive(Clone, Copy, Debug)]
pub enum Required {
    Always,
    Never,
    When(fn(&Answers) -> bool),
}

/// A question of the checklist: one row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub field: Field,
    pub section: Section,
    pub label: &'static str,
    pub help: &'static str,
    pub placeholder: &'static str,
    pub input: Input,
    pub required: Required,
    /// Whether the question applies to these answers (conditional parts of the form).
    pub applies: fn(&Answers) -> bool,
    /// Overrides "answered" when the answer spans several fields.
    pub answered: Option<fn(&Answers) -> bool>,
    /// The message when a required answer is missing.
    pub missing: &'static str,
    /// Shown as a line of the request block's header, with this label.
    pub header: Option<&'static str>,
    /// How the customer is asked, when the answer is theirs to give (see `customer.rs`).
    pub ask: Option<&'static Ask>,
}

/// A question as the customer reads it, with one line on why we ask. Questions that
/// share an ask (date, time and zone) are asked once.
#[derive(Debug)]
pub struct Ask {
    pub question: &'static str,
    pub why: &'static str,
    /// The distinct_id query goes with it (the customer's message adds it).
    pub query: bool,
}

fn always(_: &Answers) -> bool {
    true
}

impl Question {
    /// A row's defaults: optional text in the "request" section, always shown.
    const fn new(field: Field) -> Question {
        Question {
            field,
            section: Section::Request,
            label: "",
            help: "",
            placeholder: "",
            input: Input::Text,
            required: Required::Never,
            applies: always,
            answered: None,
            missing: "Required.",
            header: None,
            ask: None,
        }
    }
}

/// Declares the questions: see the module documentation.
macro_rules! questions {
    ($( $variant:ident ($field:ident: $ty:ty) { $($key:ident: $value:expr),* $(,)? } )*) => {
        /// Every answer of the checklist, one field per question of the table. Unknown
        /// fields are ignored and missing ones take their defaults, so drafts survive
        /// additions to the form.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Answers {
            pub schema_version: SchemaVersion,
            $(pub $field: $ty,)*
        }

        /// One question (and its answer).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The answer's name in drafts, the JS API and `initialAnswers`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Field::$variant => stringify!($field),)*
                }
            }

            /// The stored answer, whatever its type.
            pub fn stored(self, a: &Answers) -> &dyn Stored {
                match self {
                    $(Field::$variant => &a.$field,)*
                }
            }

            pub fn stored_mut(self, a: &mut Answers) -> &mut dyn Stored {
                match self {
                    $(Field::$variant => &mut a.$field,)*
                }
            }
        }

        /// Every question, in form order (the order of `Field`).
        pub const QUESTIONS: &[Question] = &[
            $(Question { $($key: $value,)* ..Question::new(Field::$variant) },)*
        ];
    };
}

use Input as I;
use Section as S;

questions! {
    Customer(customer: String) {
        label: "Customer",
        help: "The company or project name the pipeline team will see.",
        placeholder: "Acme Corp",
        required: Required::Always,
    }
    Organization(organization: String) {
        label: "PostHog organization",
        help: "As shown in the customer's organization settings.",
    }
    ProjectId(project_id: String) {
        label: "Project ID",
        help: "The numeric ID of the project that receives the events.",
        placeholder: "12345",
        input: I::Digits,
        required: Required::Always,
    }
    Region(region: Option<Region>) {
        label: "Cloud region",
        input: I::Choice(Region::OPTIONS),
        required: Required::Always,
    }
    RequesterName(requester_name: String) {
        label: "Your name",
        help: "Who the pipeline team should talk to.",
        placeholder: "Jane Doe",
        required: Required::Always,
    }
    RequesterTeam(requester_team: String) {
        label: "Your team",
        placeholder: "Customer Success",
    }
    RequesterHandle(requester_handle: String) {
        label: "Your handle",
        help: "Your GitHub or Slack handle, so the pipeline team knows whom to reply to (it is shown, not pinged).",
        placeholder: "@jane",
    }
    ConversationUrl(conversation_url: String) {
        label: "Conversation or ticket link",
        help: "A link to the thread with the customer (Zendesk, Slack, email).",
        placeholder: "https://",
        input: I::Url,
    }
    PauseContact(pause_contact: String) {
        ask: Some(&ask::PAUSE),
        label: "Who can pause or slow the sender during the run, and how do we reach them?",
        help: "A person on the customer's side and a channel that works during the run, in case the pipeline needs them to back off.",
        placeholder: "Ana Silva (data engineering), shared Slack channel",
        required: Required::Always,
        header: Some("Can pause the sender"),
    }
    Kind(kind: Option<Kind>) {
        label: "What will they send?",
        help: "A load test needs the pipeline team alerted as soon as possible.",
        input: I::Choice(Kind::OPTIONS),
        required: Required::Always,
    }
    DataSource(data_source: String) {
        ask: Some(&ask::SOURCE),
        label: "Where the events come from, and what sends them",
        help: "The source and the tool or script: an Amplitude export and our migration script, a Segment replay, their own script.",
        placeholder: "Amplitude export, replayed with their own Python script",
        required: Required::Always,
    }

    ProductQuestionsAnswered(product_questions_answered: bool) {
        section: S::Commitment,
        label: "Their product questions are answered",
        help: "They know PostHog fits; the import is not how they find out.",
        input: I::Check,
        required: Required::Always,
        missing: CONFIRM_FIRST,
    }
    Committed(committed: bool) {
        section: S::Commitment,
        label: "They are committed (paying, or paying once the import is done)",
        help: "It's fine for the import to be a condition of paying.",
        input: I::Check,
        required: Required::Always,
        missing: CONFIRM_FIRST,
    }
    NotValidatingWithImport(not_validating_with_import: bool) {
        section: S::Commitment,
        label: "They are not relying on the import to validate their use case",
        input: I::Check,
        required: Required::Always,
        missing: CONFIRM_FIRST,
    }
    CommitmentNote(commitment_note: String) {
        section: S::Commitment,
        label: "Notes on commitment",
        help: "Contract status, who decided, anything the pipeline team should weigh.",
        input: I::LongText,
    }

    StartDate(start_date: String) {
        ask: Some(&ask::WHEN),
        section: S::Schedule,
        label: "Start date",
        help: "Weekdays are strongly preferred. The pipeline team asks for a few working days' notice: the days between today and the start count, not today nor the start day itself.",
        input: I::Date,
        required: Required::Always,
    }
    StartTime(start_time: String) {
        ask: Some(&ask::WHEN),
        section: S::Schedule,
        label: "Start time (customer's time)",
        help: "In the customer's time zone, 24-hour clock.",
        input: I::Time,
        required: Required::Always,
    }
    TimeZone(time_zone: String) {
        ask: Some(&ask::WHEN),
        section: S::Schedule,
        label: "Customer's time zone",
        help: "An IANA name such as America/New_York or Europe/Berlin.",
        placeholder: "Europe/Berlin",
        input: I::Zone,
        required: Required::Always,
    }
    Flexibility(flexibility: Option<Flexibility>) {
        ask: Some(&ask::FLEXIBLE),
        section: S::Schedule,
        label: "How fixed is the start?",
        input: I::Choice(Flexibility::OPTIONS),
        required: Required::Always,
    }
    TestRunDate(test_run_date: String) {
        ask: Some(&ask::TEST_RUN),
        section: S::Schedule,
        label: "Date of the small test run",
        help: "About 10,000 events, checked in PostHog before the full run (imports are not de-duplicated).",
        input: I::Date,
        applies: |a| a.includes_import(),
    }

    Transport(transport: Option<Transport>) {
        ask: Some(&ask::TRANSPORT),
        section: S::Batching,
        label: "How will events be sent?",
        help: "/batch takes many events per request; single-event requests each carry one.",
        input: I::Choice(Transport::OPTIONS),
        required: Required::Always,
    }
    EventsPerRequest(events_per_request: String) {
        ask: Some(&ask::PER_REQUEST),
        section: S::Batching,
        label: "Events per request",
        help: "How many events each /batch request carries.",
        placeholder: "1000",
        input: I::Count { unit: "events", at_least_one: Some("event per request") },
        required: Required::Always,
        applies: |a| a.uses_batch(),
    }
    AvgEventBytes(avg_event_bytes: String) {
        ask: Some(&ask::EVENT_SIZE),
        section: S::Batching,
        label: "Average event size",
        help: "The JSON size of one event, properties included: 1200, 1.2 KB or 900 B (KB = 1,000 bytes, KiB = 1,024).",
        placeholder: "1200",
        input: I::Amount { measure: Measure::Bytes, unit: Unit::Fixed("bytes"), at_least_one: Some("byte") },
        required: Required::Always,
    }
    MaxEventBytes(max_event_bytes: String) {
        ask: Some(&ask::LARGEST_EVENT),
        section: S::Batching,
        label: "Largest event size",
        help: "The JSON size of the largest event they will send (the one with the most or longest properties). Capture rejects an event over its limit.",
        placeholder: "50000",
        input: I::Amount { measure: Measure::Bytes, unit: Unit::Fixed("bytes"), at_least_one: Some("byte") },
        required: Required::Always,
    }
    HistoricalMigration(historical_migration: Option<Tri>) {
        ask: Some(&ask::MIGRATION),
        section: S::Batching,
        label: "Will they set historical_migration: true?",
        help: "Routes the events to the historical ingestion topic, away from live traffic.",
        input: I::Choice(Tri::OPTIONS),
        required: Required::Always,
        applies: |a| a.includes_import(),
    }
    OldestEvent(oldest_event: String) {
        ask: Some(&ask::DATES),
        section: S::Batching,
        label: "Oldest event date",
        input: I::Date,
        required: Required::Always,
        applies: |a| a.includes_import(),
    }
    NewestEvent(newest_event: String) {
        ask: Some(&ask::DATES),
        section: S::Batching,
        label: "Newest event date",
        help: "The flag is ignored for events less than about 48 hours old.",
        input: I::Date,
        required: Required::Always,
        applies: |a| a.includes_import(),
    }

    TotalEvents(total_events: String) {
        ask: Some(&ask::TOTAL),
        section: S::DistinctIds,
        label: "Total events",
        help: "k, M and B are understood: 180M.",
        placeholder: "180M",
        input: I::Count { unit: "events", at_least_one: Some("event") },
        required: Required::Always,
    }
    MaxEventsPerId(max_events_per_id: String) {
        ask: Some(&ask::BUSIEST),
        section: S::DistinctIds,
        label: "Most events for one distinct_id",
        help: "The first row of the query below.",
        placeholder: "2.4M",
        input: I::Count { unit: "events", at_least_one: None },
        required: Required::Always,
        applies: |a| !a.ids_unknown,
        missing: "Required: run the query below, or tick \"Not known yet\".",
    }
    TopIds(top_ids: Vec<TopId>) {
        section: S::DistinctIds,
        label: "Top distinct_ids",
        help: "Paste the query's result (count and distinct_id per line) or add rows by hand.",
        input: I::List,
        applies: |a| !a.ids_unknown,
    }
    IdsUnknown(ids_unknown: bool) {
        section: S::DistinctIds,
        label: "Not known yet: the customer will send the numbers",
        input: I::Check,
    }
    OutOfOrderTold(out_of_order_told: bool) {
        section: S::DistinctIds,
        label: "The customer was told that events of a busy distinct_id may be processed out of order",
        input: I::Check,
        applies: |a| !a.ids_unknown,
    }

    EventTypes(event_types: Vec<String>) {
        ask: Some(&ask::EVENT_TYPES),
        section: S::EventTypes,
        label: "Event types in the import",
        help: "Tick the identity and person events they send; add their own event names.",
        input: I::EventTypes,
        required: Required::Always,
        answered: Some(|a| !a.event_types.is_empty() || a.custom_events || a.events_not_sure),
        missing: "Tick the event types they send, or \"Not sure\".",
    }
    CustomEvents(custom_events: bool) {
        section: S::EventTypes,
        label: "Other custom events too",
        input: I::Check,
    }
    EventsNotSure(events_not_sure: bool) {
        section: S::EventTypes,
        label: "Not sure yet",
        input: I::Check,
    }

    Apps(apps: Option<Tri>) {
        ask: Some(&ask::APPS),
        section: S::Apps,
        label: "Will apps be enabled?",
        help: "Transformations and destinations on the receiving project.",
        input: I::Choice(Tri::OPTIONS),
        required: Required::Always,
    }
    AppList(app_list: Vec<App>) {
        ask: Some(&ask::APPS),
        section: S::Apps,
        label: "Which apps?",
        input: I::List,
        // Asked while apps may be on; required once they are a definite yes.
        required: Required::When(|a| a.apps == Some(Tri::Yes)),
        applies: |a| matches!(a.apps, Some(Tri::Yes | Tri::NotSure)),
        missing: "Name at least one app, or answer \"No\" above.",
    }

    PeakRate(peak_rate: String) {
        ask: Some(&ask::RATE),
        section: S::Rate,
        label: "Peak rate",
        help: "Across all of the customer's workers together: 5000, 5k/s or 300k/min.",
        placeholder: "5000",
        input: I::Amount { measure: Measure::PerSecond, unit: Unit::Select(Field::RateUnit), at_least_one: Some("event") },
        required: Required::Always,
    }
    RateUnit(rate_unit: RateUnit) {
        section: S::Rate,
        label: "Rate unit",
        input: I::UnitOf(RateUnit::OPTIONS),
    }
    Duration(duration: String) {
        ask: Some(&ask::RATE),
        section: S::Rate,
        label: "Total duration",
        help: "From the first request to the last: 10, 90 min, 1.5 h, 2 days or 1h30.",
        placeholder: "10",
        input: I::Amount { measure: Measure::Minutes, unit: Unit::Select(Field::DurationUnit), at_least_one: Some("") },
        required: Required::Always,
    }
    DurationUnit(duration_unit: DurationUnit) {
        section: S::Rate,
        label: "Duration unit",
        input: I::UnitOf(DurationUnit::OPTIONS),
    }
    SenderConcurrency(sender_concurrency: String) {
        ask: Some(&ask::SENDERS),
        section: S::Rate,
        label: "Concurrent senders",
        help: "Workers or clients sending at the same time, all together.",
        placeholder: "8",
        input: I::Count { unit: "senders", at_least_one: Some("sender") },
        required: Required::Always,
        applies: |a| a.includes_import(),
    }
    BacksOff(backs_off: Option<Tri>) {
        ask: Some(&ask::BACKOFF),
        section: S::Rate,
        label: "Does the sender back off and retry on 429 and 5xx responses?",
        help: "Capture answers 429 when it rate-limits; a sender that retries at once, or drops the batch, makes it worse.",
        input: I::Choice(Tri::OPTIONS),
        required: Required::Always,
    }

    Ramp(ramp: Option<Ramp>) {
        ask: Some(&ask::RAMP),
        section: S::Ramp,
        label: "Ramp-up profile",
        input: I::Choice(Ramp::OPTIONS),
        required: Required::Always,
    }
    RampMinutes(ramp_minutes: String) {
        ask: Some(&ask::RAMP),
        section: S::Ramp,
        label: "Minutes to reach the peak",
        placeholder: "60",
        input: I::Amount { measure: Measure::Minutes, unit: Unit::Fixed("minutes"), at_least_one: Some("minute") },
        required: Required::Always,
        applies: |a| a.ramp == Some(Ramp::Linear),
    }
    RampSteps(ramp_steps: Vec<RampStep>) {
        ask: Some(&ask::RAMP),
        section: S::Ramp,
        label: "Steps",
        help: "After how many minutes, what rate (in the peak rate's unit).",
        input: I::List,
        required: Required::Always,
        applies: |a| a.ramp == Some(Ramp::Steps),
        missing: "Add at least one step (after how many minutes, what rate).",
    }
    RampNote(ramp_note: String) {
        section: S::Ramp,
        label: "Notes on the ramp-up",
        input: I::LongText,
    }

    LoadGoal(load_goal: String) {
        ask: Some(&ask::LOAD_GOAL),
        section: S::LoadTest,
        label: "Goal of the load test",
        help: "What they want to learn, and what counts as success.",
        input: I::LongText,
        required: Required::Always,
    }
    LoadTransport(load_transport: Option<Transport>) {
        ask: Some(&ask::LOAD_TRANSPORT),
        section: S::LoadTest,
        label: "Requests in the test",
        input: I::Choice(Transport::OPTIONS),
        required: Required::Always,
    }
    LoadConcurrency(load_concurrency: String) {
        ask: Some(&ask::LOAD_CLIENTS),
        section: S::LoadTest,
        label: "Concurrent clients",
        help: "How many workers or connections send at once.",
        placeholder: "50",
        input: I::Count { unit: "clients", at_least_one: Some("client") },
        required: Required::Always,
    }

    AnythingElse(anything_else: String) {
        section: S::Other,
        label: "Anything else",
        input: I::LongText,
    }
}

/// The questions as the customer reads them: no thresholds, no team names.
mod ask {
    use super::Ask;

    pub const PAUSE: Ask = Ask {
        question: "Who on your side can pause or slow down the sending while it runs, and how can we reach them then?",
        why: "If our ingestion needs to catch up, we may ask you to back off for a while.",
        query: false,
    };
    pub const WHEN: Ask = Ask {
        question: "When would you like to start: date, time and your time zone?",
        why: "So our team can be ready and keep an eye on it.",
        query: false,
    };
    pub const FLEXIBLE: Ask = Ask {
        question: "How fixed is that start: could it move by a few hours or days?",
        why: "So we can suggest a time when our team is around.",
        query: false,
    };
    pub const TRANSPORT: Ask = Ask {
        question: "Will you send events with the `/batch` endpoint, or one request per event?",
        why: "Batches are much easier on our ingestion.",
        query: false,
    };
    pub const PER_REQUEST: Ask = Ask {
        question: "How many events will each request carry?",
        why: "Requests have a size limit.",
        query: false,
    };
    pub const EVENT_SIZE: Ask = Ask {
        question: "Roughly how large is an average event (in KB)?",
        why: "Events and requests have size limits.",
        query: false,
    };
    pub const LARGEST_EVENT: Ask = Ask {
        question: "Roughly how large is the largest event you will send (in KB)?",
        why: "One event over the limit is rejected.",
        query: false,
    };
    pub const MIGRATION: Ask = Ask {
        question: "Will you set `historical_migration: true` on the events?",
        why: "It sends an import down a path that does not slow down your live data.",
        query: false,
    };
    pub const DATES: Ask = Ask {
        question: "What are the dates of the oldest and the newest events?",
        why: "Recent events are handled differently from old ones.",
        query: false,
    };
    pub const TOTAL: Ask = Ask {
        question: "How many events will you send in total?",
        why: "So we can plan for the volume.",
        query: false,
    };
    pub const BUSIEST: Ask = Ask {
        question:
            "How many events does your busiest user (distinct_id) have? The query below answers it.",
        why: "Events of very busy users may be processed out of order.",
        query: true,
    };
    pub const EVENT_TYPES: Ask = Ask {
        question: "Which kinds of events will you send, in particular `$identify`, `$create_alias`, `$merge_dangerously` or `$set`?",
        why: "Events that merge users need to arrive in the right order.",
        query: false,
    };
    pub const APPS: Ask = Ask {
        question:
            "Are any apps (transformations or destinations) enabled in the project, and which?",
        why: "They run on every event you send, including imported ones.",
        query: false,
    };
    pub const RATE: Ask = Ask {
        question: "What will your peak rate be (events per second), and how long will sending take in total?",
        why: "So we know whether we need to scale up first.",
        query: false,
    };
    pub const RAMP: Ask = Ask {
        question: "How will you ramp up to that peak (for example 500 events per second for 30 minutes, then 2,000)?",
        why: "Starting at full speed looks like an attack and gets rate-limited.",
        query: false,
    };
    pub const LOAD_GOAL: Ask = Ask {
        question: "What should the load test show?",
        why: "So we can prepare the right part of our pipeline.",
        query: false,
    };
    pub const LOAD_TRANSPORT: Ask = Ask {
        question: "Will the load test send `/batch` requests or single events?",
        why: "Single requests cost our ingestion far more per event.",
        query: false,
    };
    pub const SOURCE: Ask = Ask {
        question: "Where do the events come from, and which tool or script will send them?",
        why: "Some tools batch and retry well on their own; others need a word of advice.",
        query: false,
    };
    pub const TEST_RUN: Ask = Ask {
        question: "When will you send a small test (about 10,000 events) and check it in PostHog?",
        why: "Imported events are not de-duplicated, so a mistake is best found small.",
        query: false,
    };
    pub const SENDERS: Ask = Ask {
        question: "How many workers or clients will send at the same time?",
        why: "So we know how the traffic arrives, not only how much of it.",
        query: false,
    };
    pub const BACKOFF: Ask = Ask {
        question: "When our API answers 429 (slow down) or a 5xx error, does your sender wait and retry the same request?",
        why: "Retrying at once, or dropping the request, turns a short slowdown into lost or duplicated events.",
        query: false,
    };
    pub const LOAD_CLIENTS: Ask = Ask {
        question: "How many clients will send at the same time during the load test?",
        why: "So we can size our capacity for it.",
        query: false,
    };
}

const CONFIRM_FIRST: &str = "Confirm this with the customer before requesting the import.";

impl Field {
    pub fn question(self) -> &'static Question {
        &QUESTIONS[self as usize]
    }

    /// A stable id for DOM ids and test hooks: "start-date".
    pub fn id(self) -> String {
        self.key().replace('_', "-")
    }

    /// Whether the question applies to these answers (its section too).
    pub fn applies(self, a: &Answers) -> bool {
        let q = self.question();
        q.section.applies(a) && (q.applies)(a)
    }

    /// Whether an answer is required here.
    pub fn is_required(self, a: &Answers) -> bool {
        let required = match self.question().required {
            Required::Always => true,
            Required::Never => false,
            Required::When(when) => when(a),
        };
        required && self.applies(a)
    }

    /// Whether the reader has given an answer (for progress and "required").
    pub fn is_answered(self, a: &Answers) -> bool {
        match self.question().answered {
            Some(answered) => answered(a),
            None => self.stored(a).is_answered(),
        }
    }

    /// The answer as a text control shows it (a choice's code).
    pub fn text(self, a: &Answers) -> String {
        self.stored(a).text()
    }

    pub fn set_text(self, a: &mut Answers, value: &str) {
        self.stored_mut(a).set_text(value);
    }

    /// How many characters of the answer the request block shows.
    pub fn max_chars(self) -> usize {
        self.question().input.max_chars()
    }

    pub fn checked(self, a: &Answers) -> bool {
        self.stored(a).checked()
    }

    pub fn set_checked(self, a: &mut Answers, on: bool) {
        self.stored_mut(a).set_checked(on);
    }
}

/// The questions of one section that apply to these answers.
pub fn section_questions(
    section: Section,
    a: &Answers,
) -> impl Iterator<Item = &'static Question> + '_ {
    QUESTIONS
        .iter()
        .filter(move |q| q.section == section && q.field.applies(a))
}

/// Answered / required for a section's applicable required questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub required: usize,
}

impl Progress {
    pub fn done(self) -> bool {
        self.answered == self.required
    }

    /// A section's badge: "optional", "2/3 answered", "✓ 3/3 done".
    pub fn badge(self) -> String {
        if self.required == 0 {
            "optional".to_string()
        } else if self.done() {
            format!("✓ {}/{} done", self.answered, self.required)
        } else {
            format!("{}/{} answered", self.answered, self.required)
        }
    }

    /// The widget's progress line: "12 of 27 required answers".
    pub fn line(self) -> String {
        format!("{} of {} required answers", self.answered, self.required)
    }
}

pub fn section_progress(section: Section, a: &Answers) -> Progress {
    let mut p = Progress::default();
    for q in section_questions(section, a).filter(|q| q.field.is_required(a)) {
        p.required += 1;
        if q.field.is_answered(a) {
            p.answered += 1;
        }
    }
    p
}

/// Progress over the whole checklist.
pub fn overall_progress(a: &Answers) -> Progress {
    Section::ALL
        .iter()
        .map(|s| section_progress(*s, a))
        .fold(Progress::default(), |acc, p| Progress {
            answered: acc.answered + p.answered,
            required: acc.required + p.required,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::CellKind;

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
        // Three load-test questions now apply; the four import-only ones do not.
        assert!(Field::LoadGoal.applies(&a) && !Field::OldestEvent.applies(&a));
        assert!(!Field::SenderConcurrency.applies(&a));
        assert_eq!(overall_progress(&a).required, before - 1);
        a.kind = Some(Kind::Both);
        assert_eq!(overall_progress(&a).required, before + 3);
        assert_eq!(section_progress(Section::Other, &a).badge(), "optional");
        a.product_questions_answered = true;
        a.not_validating_with_import = true;
        assert_eq!(
            section_progress(Section::Commitment, &a).badge(),
            "✓ 3/3 done"
        );
        assert_eq!(
            overall_progress(&a).line(),
            format!("4 of {} required answers", before + 3)
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
}
