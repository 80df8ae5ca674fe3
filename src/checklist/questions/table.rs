//! The question table: the single source of truth of the checklist. Each question is
//! declared once below — its answer's field and type, section, label, help, input
//! (control and unit kind, with the question's own checks), when it applies and when
//! it is required. From that one declaration the `questions!` macro generates the
//! `Answers` struct, the `Field` enum, the table row and the accessors, so a
//! forgotten piece fails to compile instead of silently doing nothing.
//!
//! Adding a question: one entry here, plus one rule in `rules/table.rs` where it has one.

use super::asks::{self, Ask};
use super::declare::questions;
use super::row::{Place as P, Row as R, Shows};
use super::sections::Section;
use crate::checklist::questions::answers::{
    DurationUnit, Flexibility, Kind, Ramp, RateUnit, Region, SchemaVersion, Stored, Transport, Tri,
};
use crate::checklist::questions::lists::{App, RampStep, TopId};
use crate::checklist::questions::numbers::Measure;
use serde::{Deserialize, Serialize};

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
    /// A pasted sample of what they will send, kept as its measures
    /// (`sample::Measured`), never its text.
    Sample,
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
    /// Where the answer shows in the request block, and how it reads there.
    pub shows: Shows,
    /// How the customer is asked, when the answer is theirs to give (see `customer.rs`).
    pub ask: Option<&'static Ask>,
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
            shows: Shows::Undeclared,
            ask: None,
        }
    }
}

use Input as I;
use Section as S;

questions! {
    Customer(customer: String) {
        shows: Shows::In(P::Title),
        label: "Customer",
        help: "The company or project name the pipeline team will see.",
        placeholder: "Acme Corp",
        required: Required::Always,
    }
    Organization(organization: String) {
        shows: Shows::In(P::Title),
        label: "PostHog organization",
        help: "As shown in the customer's organization settings.",
    }
    ProjectId(project_id: String) {
        shows: Shows::In(P::Title),
        label: "Project ID",
        help: "The numeric ID of the project that receives the events.",
        placeholder: "12345",
        input: I::Digits,
        required: Required::Always,
    }
    Region(region: Option<Region>) {
        shows: Shows::In(P::Title),
        label: "Cloud region",
        input: I::Choice(Region::OPTIONS),
        required: Required::Always,
    }
    RequesterName(requester_name: String) {
        shows: Shows::In(P::Requester),
        label: "Your name",
        help: "Who the pipeline team should talk to.",
        placeholder: "Jane Doe",
        required: Required::Always,
    }
    RequesterTeam(requester_team: String) {
        shows: Shows::In(P::Requester),
        label: "Your team",
        placeholder: "Customer Success",
    }
    RequesterHandle(requester_handle: String) {
        shows: Shows::In(P::Requester),
        label: "Your handle",
        help: "Your GitHub or Slack handle, so the pipeline team knows whom to reply to (it is shown, not pinged).",
        placeholder: "@jane",
    }
    ConversationUrl(conversation_url: String) {
        shows: Shows::In(P::Requester),
        label: "Conversation or ticket link",
        help: "A link to the thread with the customer (Zendesk, Slack, email).",
        placeholder: "https://",
        input: I::Url,
    }
    PauseContact(pause_contact: String) {
        shows: Shows::Line("Can pause the sender"),
        ask: Some(&asks::PAUSE),
        label: "Who can pause or slow the sender during the run, and how do we reach them?",
        help: "A person on the customer's side and a channel that works during the run, in case the pipeline needs them to back off.",
        placeholder: "Ana Silva (data engineering), shared Slack channel",
        required: Required::Always,
    }
    Kind(kind: Option<Kind>) {
        shows: Shows::With(R::Kind),
        label: "What will they send?",
        help: "A load test needs the pipeline team alerted as soon as possible.",
        input: I::Choice(Kind::OPTIONS),
        required: Required::Always,
    }
    DataSource(data_source: String) {
        shows: Shows::Alone(R::Source),
        ask: Some(&asks::SOURCE),
        label: "Where the events come from, and what sends them",
        help: "The source and the tool or script: an Amplitude export and our migration script, a Segment replay, their own script.",
        placeholder: "Amplitude export, replayed with their own Python script",
        required: Required::Always,
    }

    ProductQuestionsAnswered(product_questions_answered: bool) {
        shows: Shows::In(P::Checklist),
        section: S::Commitment,
        label: "Their product questions are answered",
        help: "They know PostHog fits; the import is not how they find out.",
        input: I::Check,
        required: Required::Always,
        missing: CONFIRM_FIRST,
    }
    Committed(committed: bool) {
        shows: Shows::In(P::Checklist),
        section: S::Commitment,
        label: "They are committed (paying, or paying once the import is done)",
        help: "It's fine for the import to be a condition of paying.",
        input: I::Check,
        required: Required::Always,
        missing: CONFIRM_FIRST,
    }
    NotValidatingWithImport(not_validating_with_import: bool) {
        shows: Shows::In(P::Checklist),
        section: S::Commitment,
        label: "They are not relying on the import to validate their use case",
        input: I::Check,
        required: Required::Always,
        missing: CONFIRM_FIRST,
    }
    CommitmentNote(commitment_note: String) {
        shows: Shows::In(P::Notes),
        section: S::Commitment,
        label: "Notes on commitment",
        help: "Contract status, who decided, anything the pipeline team should weigh.",
        input: I::LongText,
    }

    StartDate(start_date: String) {
        shows: Shows::With(R::When),
        ask: Some(&asks::WHEN),
        section: S::Schedule,
        label: "Start date",
        help: "Weekdays are strongly preferred. The pipeline team asks for a few working days' notice: the days between today and the start count, not today nor the start day itself.",
        input: I::Date,
        required: Required::Always,
    }
    StartTime(start_time: String) {
        shows: Shows::With(R::When),
        ask: Some(&asks::WHEN),
        section: S::Schedule,
        label: "Start time (customer's time)",
        help: "In the customer's time zone, 24-hour clock.",
        input: I::Time,
        required: Required::Always,
    }
    TimeZone(time_zone: String) {
        shows: Shows::With(R::When),
        ask: Some(&asks::WHEN),
        section: S::Schedule,
        label: "Customer's time zone",
        help: "An IANA name such as America/New_York or Europe/Berlin.",
        placeholder: "Europe/Berlin",
        input: I::Zone,
        required: Required::Always,
    }
    Flexibility(flexibility: Option<Flexibility>) {
        shows: Shows::With(R::When),
        ask: Some(&asks::FLEXIBLE),
        section: S::Schedule,
        label: "How fixed is the start?",
        input: I::Choice(Flexibility::OPTIONS),
        required: Required::Always,
    }
    TestRunDate(test_run_date: String) {
        shows: Shows::With(R::When),
        ask: Some(&asks::TEST_RUN),
        section: S::Schedule,
        label: "Date of the small test run",
        help: "About 10,000 events, checked in PostHog before the full run (imports are not de-duplicated).",
        input: I::Date,
        applies: |a| a.includes_import(),
    }

    Sample(sample: String) {
        shows: Shows::Line("Measured"),
        section: S::Batching,
        label: "Paste a sample of what they will send",
        help: "Paste a request body, a few events or the first lines of their export, or pick a file: the widget measures it here, in your browser.",
        input: I::Sample,
    }
    Transport(transport: Option<Transport>) {
        shows: Shows::With(R::Batching),
        ask: Some(&asks::TRANSPORT),
        section: S::Batching,
        label: "How will events be sent?",
        help: "/batch takes many events per request; single-event requests each carry one.",
        input: I::Choice(Transport::OPTIONS),
        required: Required::Always,
    }
    EventsPerRequest(events_per_request: String) {
        shows: Shows::With(R::Batching),
        ask: Some(&asks::PER_REQUEST),
        section: S::Batching,
        label: "Events per request",
        help: "How many events each /batch request carries.",
        placeholder: "1000",
        input: I::Count { unit: "events", at_least_one: Some("event per request") },
        required: Required::Always,
        applies: |a| a.uses_batch(),
    }
    AvgEventBytes(avg_event_bytes: String) {
        shows: Shows::With(R::Batching),
        ask: Some(&asks::EVENT_SIZE),
        section: S::Batching,
        label: "Average event size",
        help: "The JSON size of one event, properties included: 1200, 1.2 KB or 900 B (KB = 1,000 bytes, KiB = 1,024).",
        placeholder: "1200",
        input: I::Amount { measure: Measure::Bytes, unit: Unit::Fixed("bytes"), at_least_one: Some("byte") },
        required: Required::Always,
    }
    MaxEventBytes(max_event_bytes: String) {
        shows: Shows::With(R::Batching),
        ask: Some(&asks::LARGEST_EVENT),
        section: S::Batching,
        label: "Largest event size",
        help: "The JSON size of the largest event they will send (the one with the most or longest properties). Capture rejects an event over its limit.",
        placeholder: "50000",
        input: I::Amount { measure: Measure::Bytes, unit: Unit::Fixed("bytes"), at_least_one: Some("byte") },
        required: Required::Always,
    }
    HistoricalMigration(historical_migration: Option<Tri>) {
        shows: Shows::With(R::Batching),
        ask: Some(&asks::MIGRATION),
        section: S::Batching,
        label: "Will they set historical_migration: true?",
        help: "Routes the events to the historical ingestion topic, away from live traffic.",
        input: I::Choice(Tri::OPTIONS),
        required: Required::Always,
        applies: |a| a.includes_import(),
    }
    OldestEvent(oldest_event: String) {
        shows: Shows::With(R::Volume),
        ask: Some(&asks::DATES),
        section: S::Batching,
        label: "Oldest event date",
        input: I::Date,
        required: Required::Always,
        applies: |a| a.includes_import(),
    }
    NewestEvent(newest_event: String) {
        shows: Shows::With(R::Volume),
        ask: Some(&asks::DATES),
        section: S::Batching,
        label: "Newest event date",
        help: "The flag is ignored for events less than about 48 hours old.",
        input: I::Date,
        required: Required::Always,
        applies: |a| a.includes_import(),
    }

    TotalEvents(total_events: String) {
        shows: Shows::With(R::Volume),
        ask: Some(&asks::TOTAL),
        section: S::DistinctIds,
        label: "Total events",
        help: "k, M and B are understood: 180M.",
        placeholder: "180M",
        input: I::Count { unit: "events", at_least_one: Some("event") },
        required: Required::Always,
    }
    MaxEventsPerId(max_events_per_id: String) {
        shows: Shows::With(R::Hottest),
        ask: Some(&asks::BUSIEST),
        section: S::DistinctIds,
        label: "Most events for one distinct_id",
        help: "The first row of the query below.",
        placeholder: "2.4M",
        input: I::Count { unit: "events", at_least_one: None },
        required: Required::Always,
        applies: |a| a.includes_import() && !a.ids_unknown,
        missing: "Required: run the query below, or tick \"Not known yet\".",
    }
    TopIds(top_ids: Vec<TopId>) {
        shows: Shows::In(P::TopIds),
        section: S::DistinctIds,
        label: "Top distinct_ids",
        help: "Paste the query's result (count and distinct_id per line) or add rows by hand.",
        input: I::List,
        applies: |a| a.includes_import() && !a.ids_unknown,
    }
    IdsUnknown(ids_unknown: bool) {
        shows: Shows::With(R::Hottest),
        section: S::DistinctIds,
        label: "Not known yet: the customer will send the numbers",
        input: I::Check,
        applies: |a| a.includes_import(),
    }
    OutOfOrderTold(out_of_order_told: bool) {
        shows: Shows::With(R::Hottest),
        section: S::DistinctIds,
        label: "The customer was told that events of a busy distinct_id may be processed out of order",
        input: I::Check,
    }

    EventTypes(event_types: Vec<String>) {
        shows: Shows::With(R::EventTypes),
        ask: Some(&asks::EVENT_TYPES),
        section: S::EventTypes,
        label: "Event types in the import",
        help: "Tick the identity and person events they send; add their own event names.",
        input: I::EventTypes,
        required: Required::Always,
        answered: Some(|a| !a.event_types.is_empty() || a.custom_events || a.events_not_sure),
        missing: "Tick the event types they send, or \"Not sure\".",
    }
    CustomEvents(custom_events: bool) {
        shows: Shows::With(R::EventTypes),
        section: S::EventTypes,
        label: "Other custom events too",
        input: I::Check,
    }
    EventsNotSure(events_not_sure: bool) {
        shows: Shows::With(R::EventTypes),
        section: S::EventTypes,
        label: "Not sure yet",
        input: I::Check,
    }

    Apps(apps: Option<Tri>) {
        shows: Shows::With(R::Apps),
        ask: Some(&asks::APPS),
        section: S::Apps,
        label: "Will apps be enabled?",
        help: "Transformations and destinations on the receiving project.",
        input: I::Choice(Tri::OPTIONS),
        required: Required::Always,
    }
    AppList(app_list: Vec<App>) {
        shows: Shows::With(R::Apps),
        ask: Some(&asks::APPS),
        section: S::Apps,
        label: "Which apps?",
        input: I::List,
        // Asked while apps may be on; required once they are a definite yes.
        required: Required::When(|a| a.apps == Some(Tri::Yes)),
        applies: |a| matches!(a.apps, Some(Tri::Yes | Tri::NotSure)),
        missing: "Name at least one app, or answer \"No\" above.",
    }

    PeakRate(peak_rate: String) {
        shows: Shows::With(R::PeakRate),
        ask: Some(&asks::RATE),
        section: S::Rate,
        label: "Peak rate",
        help: "Across all of the customer's workers together: 5000, 5k/s or 300k/min.",
        placeholder: "5000",
        input: I::Amount { measure: Measure::PerSecond, unit: Unit::Select(Field::RateUnit), at_least_one: Some("event") },
        required: Required::Always,
    }
    RateUnit(rate_unit: RateUnit) {
        shows: Shows::In(P::Unit),
        section: S::Rate,
        label: "Rate unit",
        input: I::UnitOf(RateUnit::OPTIONS),
    }
    Duration(duration: String) {
        shows: Shows::With(R::PeakRate),
        ask: Some(&asks::RATE),
        section: S::Rate,
        label: "Total duration",
        help: "From the first request to the last: 10, 90 min, 1.5 h, 2 days or 1h30.",
        placeholder: "10",
        input: I::Amount { measure: Measure::Minutes, unit: Unit::Select(Field::DurationUnit), at_least_one: Some("") },
        required: Required::Always,
    }
    DurationUnit(duration_unit: DurationUnit) {
        shows: Shows::In(P::Unit),
        section: S::Rate,
        label: "Duration unit",
        input: I::UnitOf(DurationUnit::OPTIONS),
    }
    SenderConcurrency(sender_concurrency: String) {
        shows: Shows::With(R::PeakRate),
        ask: Some(&asks::SENDERS),
        section: S::Rate,
        label: "Concurrent senders",
        help: "Workers or clients sending at the same time, all together.",
        placeholder: "8",
        input: I::Count { unit: "senders", at_least_one: Some("sender") },
        required: Required::Always,
        applies: |a| a.includes_import(),
    }
    BacksOff(backs_off: Option<Tri>) {
        shows: Shows::With(R::PeakRate),
        ask: Some(&asks::BACKOFF),
        section: S::Rate,
        label: "Does the sender back off and retry on 429 and 5xx responses?",
        help: "Capture answers 429 when it rate-limits; a sender that retries at once, or drops the batch, makes it worse.",
        input: I::Choice(Tri::OPTIONS),
        required: Required::Always,
    }

    Ramp(ramp: Option<Ramp>) {
        shows: Shows::In(P::Ramp),
        ask: Some(&asks::RAMP),
        section: S::Ramp,
        label: "Ramp-up profile",
        input: I::Choice(Ramp::OPTIONS),
        required: Required::Always,
    }
    RampMinutes(ramp_minutes: String) {
        shows: Shows::In(P::Ramp),
        ask: Some(&asks::RAMP),
        section: S::Ramp,
        label: "Minutes to reach the peak",
        placeholder: "60",
        input: I::Amount { measure: Measure::Minutes, unit: Unit::Fixed("minutes"), at_least_one: Some("minute") },
        required: Required::Always,
        applies: |a| a.ramp == Some(Ramp::Linear),
    }
    RampSteps(ramp_steps: Vec<RampStep>) {
        shows: Shows::In(P::Ramp),
        ask: Some(&asks::RAMP),
        section: S::Ramp,
        label: "Steps",
        help: "After how many minutes, what rate (in the peak rate's unit).",
        input: I::List,
        required: Required::Always,
        applies: |a| a.ramp == Some(Ramp::Steps),
        missing: "Add at least one step (after how many minutes, what rate).",
    }
    RampNote(ramp_note: String) {
        shows: Shows::In(P::Ramp),
        section: S::Ramp,
        label: "Notes on the ramp-up",
        input: I::LongText,
    }

    LoadGoal(load_goal: String) {
        shows: Shows::With(R::LoadTest),
        ask: Some(&asks::LOAD_GOAL),
        section: S::LoadTest,
        label: "Goal of the load test",
        help: "What they want to learn, and what counts as success.",
        input: I::LongText,
        required: Required::Always,
    }
    LoadTransport(load_transport: Option<Transport>) {
        shows: Shows::With(R::LoadTest),
        ask: Some(&asks::LOAD_TRANSPORT),
        section: S::LoadTest,
        label: "Requests in the test",
        input: I::Choice(Transport::OPTIONS),
        required: Required::Always,
    }
    LoadConcurrency(load_concurrency: String) {
        shows: Shows::With(R::LoadTest),
        ask: Some(&asks::LOAD_CLIENTS),
        section: S::LoadTest,
        label: "Concurrent clients",
        help: "How many workers or connections send at once.",
        placeholder: "50",
        input: I::Count { unit: "clients", at_least_one: Some("client") },
        required: Required::Always,
    }

    LoadDistinctIds(load_distinct_ids: String) {
        shows: Shows::With(R::LoadTest),
        ask: Some(&asks::LOAD_IDS),
        section: S::LoadTest,
        label: "How many distinct_ids will the load test's script use?",
        help: "The distinct_ids the script sends events for, all clients together.",
        placeholder: "10000",
        input: I::Count { unit: "distinct_ids", at_least_one: Some("distinct_id") },
        required: Required::Always,
    }
    LoadBusiestShare(load_busiest_share: String) {
        shows: Shows::With(R::LoadTest),
        ask: Some(&asks::LOAD_IDS),
        section: S::LoadTest,
        label: "Share of the test's events on its busiest distinct_id",
        help: "In percent. Leave it empty when the script spreads its events evenly over its distinct_ids.",
        placeholder: "0.5",
        input: I::Amount { measure: Measure::Percent, unit: Unit::Fixed("%"), at_least_one: Some("") },
    }

    AnythingElse(anything_else: String) {
        shows: Shows::In(P::Notes),
        section: S::Other,
        label: "Anything else",
        input: I::LongText,
    }
}

const CONFIRM_FIRST: &str = "Confirm this with the customer before requesting the import.";
