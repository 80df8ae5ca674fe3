//! The checklist's questions as data: sections in the handbook page's order, each
//! question with its label, help text, control, and when it applies. The widget renders
//! this table; validation, progress and the request block read it too.

use super::answers::{
    Answers, DurationUnit, Flexibility, Kind, Ramp, RateUnit, Region, Transport, Tri,
};

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

    pub fn id(self) -> &'static str {
        match self {
            Section::Request => "request",
            Section::Commitment => "commitment",
            Section::Schedule => "schedule",
            Section::Batching => "batching",
            Section::DistinctIds => "distinct-ids",
            Section::EventTypes => "event-types",
            Section::Apps => "apps",
            Section::Rate => "rate",
            Section::Ramp => "ramp-up",
            Section::LoadTest => "load-test",
            Section::Other => "other",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Request => "The request",
            Section::Commitment => "Commitment",
            Section::Schedule => "Schedule",
            Section::Batching => "Batching",
            Section::DistinctIds => "distinct_id variance",
            Section::EventTypes => "Event types",
            Section::Apps => "Apps",
            Section::Rate => "Peak rate and duration",
            Section::Ramp => "Ramp-up",
            Section::LoadTest => "Load testing",
            Section::Other => "Anything else",
        }
    }

    /// "Why we ask": one or two sentences under the section title.
    pub fn why(self) -> &'static str {
        match self {
            Section::Request => "Who the customer is and what they plan to send, so the pipeline team knows whom to follow up with.",
            Section::Commitment => "An import can take the pipeline team considerable effort. Ask for it once the customer is committed, not to help them decide whether PostHog fits.",
            Section::Schedule => "Our ingestion traffic barely varies, so a surprise spike may be rate-limited. The pipeline team works EU hours and prefers weekdays with the most overlap.",
            Section::Batching => "Request and event sizes decide whether capture accepts the data at all; the historical_migration flag routes it away from live traffic.",
            Section::DistinctIds => "Events of one distinct_id stay on one Kafka partition, in order. A very busy distinct_id may be spread over partitions and its events processed out of order.",
            Section::EventTypes => "Identity events ($identify, $create_alias, …) and person updates are applied in ingestion order: out-of-order processing can break merges.",
            Section::Apps => "Transformations run on every imported event; destinations may fire for imported events too.",
            Section::Rate => "How fast and for how long: the pipeline may need to scale up.",
            Section::Ramp => "A ramp-up lets the pipeline scale with the traffic. Everything at once is closer to a denial of service than a test.",
            Section::LoadTest => "Load tests need the pipeline team alerted as soon as possible, so accommodations can be made.",
            Section::Other => "Anything the pipeline team should know that the questions above missed.",
        }
    }

    /// Whether the section applies to these answers (load testing only for load tests).
    pub fn applies(self, a: &Answers) -> bool {
        match self {
            Section::LoadTest => a.includes_load_test(),
            _ => true,
        }
    }
}

/// One answer the form edits. Lists (top distinct_ids, apps, ramp steps, event types)
/// are whole questions edited by their own controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Customer,
    Organization,
    ProjectId,
    Region,
    RequesterName,
    RequesterTeam,
    ConversationUrl,
    Kind,
    ProductQuestionsAnswered,
    Committed,
    NotValidatingWithImport,
    CommitmentNote,
    StartDate,
    StartTime,
    TimeZone,
    Flexibility,
    Transport,
    EventsPerRequest,
    AvgEventBytes,
    HistoricalMigration,
    OldestEvent,
    NewestEvent,
    TotalEvents,
    MaxEventsPerId,
    TopIds,
    IdsUnknown,
    EventTypes,
    Apps,
    AppList,
    PeakRate,
    RateUnit,
    Duration,
    DurationUnit,
    Ramp,
    RampMinutes,
    RampSteps,
    RampNote,
    LoadGoal,
    LoadTransport,
    LoadConcurrency,
    AnythingElse,
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Text,
    Url,
    LongText,
    /// A number, with the field holding its unit shown beside it (a select) or a fixed
    /// unit label.
    Number(Unit),
    Date,
    Time,
    TimeZone,
    /// One of a few options, as radio buttons.
    Choice(&'static [(&'static str, &'static str)]),
    /// A tick box.
    Check,
    /// Merge-sensitive event types as chips, plus custom names.
    EventTypes,
    /// The customer's top distinct_ids with their counts (typed or pasted).
    TopIds,
    /// Apps with their kind.
    AppList,
    /// Ramp-up steps: after how long, what rate.
    RampSteps,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Fixed(&'static str),
    Select(Field),
}

/// A question of the checklist.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub field: Field,
    pub section: Section,
    pub label: &'static str,
    pub help: &'static str,
    pub control: Control,
    /// Required whenever it applies.
    pub required: bool,
    pub placeholder: &'static str,
}

const fn q(
    field: Field,
    section: Section,
    label: &'static str,
    help: &'static str,
    control: Control,
    required: bool,
    placeholder: &'static str,
) -> Question {
    Question {
        field,
        section,
        label,
        help,
        control,
        required,
        placeholder,
    }
}

use Control as C;
use Field as F;
use Section as S;

/// Every question, in form order.
pub const QUESTIONS: &[Question] = &[
    q(
        F::Customer,
        S::Request,
        "Customer",
        "The company or project name the pipeline team will see.",
        C::Text,
        true,
        "Acme Corp",
    ),
    q(
        F::Organization,
        S::Request,
        "PostHog organization",
        "As shown in the customer's organization settings.",
        C::Text,
        false,
        "",
    ),
    q(
        F::ProjectId,
        S::Request,
        "Project ID",
        "The numeric ID of the project that receives the events.",
        C::Text,
        true,
        "12345",
    ),
    q(
        F::Region,
        S::Request,
        "Cloud region",
        "",
        C::Choice(Region::OPTIONS),
        true,
        "",
    ),
    q(
        F::RequesterName,
        S::Request,
        "Your name",
        "Who the pipeline team should talk to.",
        C::Text,
        true,
        "Jane Doe",
    ),
    q(
        F::RequesterTeam,
        S::Request,
        "Your team",
        "",
        C::Text,
        false,
        "Customer Success",
    ),
    q(
        F::ConversationUrl,
        S::Request,
        "Conversation or ticket link",
        "A link to the thread with the customer (Zendesk, Slack, email).",
        C::Url,
        false,
        "https://",
    ),
    q(
        F::Kind,
        S::Request,
        "What will they send?",
        "A load test needs the pipeline team alerted as soon as possible.",
        C::Choice(Kind::OPTIONS),
        true,
        "",
    ),
    q(
        F::ProductQuestionsAnswered,
        S::Commitment,
        "Their product questions are answered",
        "They know PostHog fits; the import is not how they find out.",
        C::Check,
        true,
        "",
    ),
    q(
        F::Committed,
        S::Commitment,
        "They are committed (paying, or paying once the import is done)",
        "It's fine for the import to be a condition of paying.",
        C::Check,
        true,
        "",
    ),
    q(
        F::NotValidatingWithImport,
        S::Commitment,
        "They are not relying on the import to validate their use case",
        "",
        C::Check,
        true,
        "",
    ),
    q(
        F::CommitmentNote,
        S::Commitment,
        "Notes on commitment",
        "Contract status, who decided, anything the pipeline team should weigh.",
        C::LongText,
        false,
        "",
    ),
    q(
        F::StartDate,
        S::Schedule,
        "Start date",
        "Weekdays are strongly preferred.",
        C::Date,
        true,
        "",
    ),
    q(
        F::StartTime,
        S::Schedule,
        "Start time (customer's time)",
        "In the customer's time zone, 24-hour clock.",
        C::Time,
        true,
        "",
    ),
    q(
        F::TimeZone,
        S::Schedule,
        "Customer's time zone",
        "An IANA name such as America/New_York or Europe/Berlin.",
        C::TimeZone,
        true,
        "Europe/Berlin",
    ),
    q(
        F::Flexibility,
        S::Schedule,
        "How fixed is the start?",
        "",
        C::Choice(Flexibility::OPTIONS),
        true,
        "",
    ),
    q(
        F::Transport,
        S::Batching,
        "How will events be sent?",
        "/batch takes many events per request; single-event requests each carry one.",
        C::Choice(Transport::OPTIONS),
        true,
        "",
    ),
    q(
        F::EventsPerRequest,
        S::Batching,
        "Events per request",
        "How many events each /batch request carries.",
        C::Number(Unit::Fixed("events")),
        true,
        "1000",
    ),
    q(
        F::AvgEventBytes,
        S::Batching,
        "Average event size",
        "The JSON size of one event, properties included.",
        C::Number(Unit::Fixed("bytes")),
        true,
        "1200",
    ),
    q(
        F::HistoricalMigration,
        S::Batching,
        "Will they set historical_migration: true?",
        "Routes the events to the historical ingestion topic, away from live traffic.",
        C::Choice(Tri::OPTIONS),
        true,
        "",
    ),
    q(
        F::OldestEvent,
        S::Batching,
        "Oldest event date",
        "",
        C::Date,
        true,
        "",
    ),
    q(
        F::NewestEvent,
        S::Batching,
        "Newest event date",
        "The flag is ignored for events less than about 48 hours old.",
        C::Date,
        true,
        "",
    ),
    q(
        F::TotalEvents,
        S::DistinctIds,
        "Total events",
        "k, M and B are understood: 180M.",
        C::Number(Unit::Fixed("events")),
        true,
        "180M",
    ),
    q(
        F::MaxEventsPerId,
        S::DistinctIds,
        "Most events for one distinct_id",
        "The first row of the query below.",
        C::Number(Unit::Fixed("events")),
        true,
        "2.4M",
    ),
    q(
        F::TopIds,
        S::DistinctIds,
        "Top distinct_ids",
        "Paste the query's result (count and distinct_id per line) or add rows by hand.",
        C::TopIds,
        false,
        "",
    ),
    q(
        F::IdsUnknown,
        S::DistinctIds,
        "Not known yet: the customer will send the numbers",
        "",
        C::Check,
        false,
        "",
    ),
    q(
        F::EventTypes,
        S::EventTypes,
        "Event types in the import",
        "Tick the identity and person events they send; add their own event names.",
        C::EventTypes,
        true,
        "",
    ),
    q(
        F::Apps,
        S::Apps,
        "Will apps be enabled?",
        "Transformations and destinations on the receiving project.",
        C::Choice(Tri::OPTIONS),
        true,
        "",
    ),
    q(F::AppList, S::Apps, "Which apps?", "", C::AppList, true, ""),
    q(
        F::PeakRate,
        S::Rate,
        "Peak rate",
        "Across all of the customer's workers together.",
        C::Number(Unit::Select(F::RateUnit)),
        true,
        "5000",
    ),
    q(
        F::RateUnit,
        S::Rate,
        "Rate unit",
        "",
        C::Choice(RateUnit::OPTIONS),
        false,
        "",
    ),
    q(
        F::Duration,
        S::Rate,
        "Total duration",
        "From the first request to the last.",
        C::Number(Unit::Select(F::DurationUnit)),
        true,
        "10",
    ),
    q(
        F::DurationUnit,
        S::Rate,
        "Duration unit",
        "",
        C::Choice(DurationUnit::OPTIONS),
        false,
        "",
    ),
    q(
        F::Ramp,
        S::Ramp,
        "Ramp-up profile",
        "",
        C::Choice(Ramp::OPTIONS),
        true,
        "",
    ),
    q(
        F::RampMinutes,
        S::Ramp,
        "Minutes to reach the peak",
        "",
        C::Number(Unit::Fixed("minutes")),
        true,
        "60",
    ),
    q(
        F::RampSteps,
        S::Ramp,
        "Steps",
        "After how many minutes, what rate (in the peak rate's unit).",
        C::RampSteps,
        true,
        "",
    ),
    q(
        F::RampNote,
        S::Ramp,
        "Notes on the ramp-up",
        "",
        C::LongText,
        false,
        "",
    ),
    q(
        F::LoadGoal,
        S::LoadTest,
        "Goal of the load test",
        "What they want to learn, and what counts as success.",
        C::LongText,
        true,
        "",
    ),
    q(
        F::LoadTransport,
        S::LoadTest,
        "Requests in the test",
        "",
        C::Choice(Transport::OPTIONS),
        true,
        "",
    ),
    q(
        F::LoadConcurrency,
        S::LoadTest,
        "Concurrent clients",
        "How many workers or connections send at once.",
        C::Number(Unit::Fixed("clients")),
        true,
        "50",
    ),
    q(
        F::AnythingElse,
        S::Other,
        "Anything else",
        "",
        C::LongText,
        false,
        "",
    ),
];

impl Field {
    pub fn question(self) -> &'static Question {
        // Every Field has exactly one row in QUESTIONS (a test checks it).
        QUESTIONS
            .iter()
            .find(|q| q.field == self)
            .unwrap_or(&QUESTIONS[0])
    }

    /// A stable id for DOM ids and test hooks: "start-date".
    pub fn id(self) -> String {
        let name = format!("{self:?}");
        let mut out = String::with_capacity(name.len() + 4);
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('-');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Units are edited beside their number, not as questions of their own.
    pub fn is_unit(self) -> bool {
        matches!(self, F::RateUnit | F::DurationUnit)
    }

    /// Whether the question applies to these answers (conditional parts of the form).
    pub fn applies(self, a: &Answers) -> bool {
        let q = self.question();
        if !q.section.applies(a) {
            return false;
        }
        match self {
            F::EventsPerRequest => a.uses_batch(),
            F::HistoricalMigration | F::OldestEvent | F::NewestEvent => a.includes_import(),
            F::MaxEventsPerId | F::TopIds => !a.ids_unknown,
            F::AppList => matches!(a.apps, Some(Tri::Yes | Tri::NotSure)),
            F::RampMinutes => a.ramp == Some(Ramp::Linear),
            F::RampSteps => a.ramp == Some(Ramp::Steps),
            _ => true,
        }
    }

    /// Whether an answer is required here (required questions that apply; the app list
    /// only once apps are a definite yes).
    pub fn is_required(self, a: &Answers) -> bool {
        self.question().required
            && self.applies(a)
            && (self != F::AppList || a.apps == Some(Tri::Yes))
    }

    /// The answer as text, for text-like controls and choices (the choice's code).
    pub fn text(self, a: &Answers) -> String {
        fn code<T: Copy>(v: Option<T>, f: fn(T) -> &'static str) -> String {
            v.map(f).unwrap_or_default().to_string()
        }
        match self {
            F::Customer => a.customer.clone(),
            F::Organization => a.organization.clone(),
            F::ProjectId => a.project_id.clone(),
            F::Region => code(a.region, Region::code),
            F::RequesterName => a.requester_name.clone(),
            F::RequesterTeam => a.requester_team.clone(),
            F::ConversationUrl => a.conversation_url.clone(),
            F::Kind => code(a.kind, Kind::code),
            F::CommitmentNote => a.commitment_note.clone(),
            F::StartDate => a.start_date.clone(),
            F::StartTime => a.start_time.clone(),
            F::TimeZone => a.time_zone.clone(),
            F::Flexibility => code(a.flexibility, Flexibility::code),
            F::Transport => code(a.transport, Transport::code),
            F::EventsPerRequest => a.events_per_request.clone(),
            F::AvgEventBytes => a.avg_event_bytes.clone(),
            F::HistoricalMigration => code(a.historical_migration, Tri::code),
            F::OldestEvent => a.oldest_event.clone(),
            F::NewestEvent => a.newest_event.clone(),
            F::TotalEvents => a.total_events.clone(),
            F::MaxEventsPerId => a.max_events_per_id.clone(),
            F::Apps => code(a.apps, Tri::code),
            F::PeakRate => a.peak_rate.clone(),
            F::RateUnit => a.rate_unit.code().to_string(),
            F::Duration => a.duration.clone(),
            F::DurationUnit => a.duration_unit.code().to_string(),
            F::Ramp => code(a.ramp, Ramp::code),
            F::RampMinutes => a.ramp_minutes.clone(),
            F::RampNote => a.ramp_note.clone(),
            F::LoadGoal => a.load_goal.clone(),
            F::LoadTransport => code(a.load_transport, Transport::code),
            F::LoadConcurrency => a.load_concurrency.clone(),
            F::AnythingElse => a.anything_else.clone(),
            F::ProductQuestionsAnswered
            | F::Committed
            | F::NotValidatingWithImport
            | F::IdsUnknown
            | F::TopIds
            | F::EventTypes
            | F::AppList
            | F::RampSteps => String::new(),
        }
    }

    /// Sets a text-like answer or a choice (by code; an unknown code clears the choice).
    pub fn set_text(self, a: &mut Answers, value: &str) {
        let v = value.to_string();
        match self {
            F::Customer => a.customer = v,
            F::Organization => a.organization = v,
            F::ProjectId => a.project_id = v,
            F::Region => a.region = Region::from_code(value),
            F::RequesterName => a.requester_name = v,
            F::RequesterTeam => a.requester_team = v,
            F::ConversationUrl => a.conversation_url = v,
            F::Kind => a.kind = Kind::from_code(value),
            F::CommitmentNote => a.commitment_note = v,
            F::StartDate => a.start_date = v,
            F::StartTime => a.start_time = v,
            F::TimeZone => a.time_zone = v,
            F::Flexibility => a.flexibility = Flexibility::from_code(value),
            F::Transport => a.transport = Transport::from_code(value),
            F::EventsPerRequest => a.events_per_request = v,
            F::AvgEventBytes => a.avg_event_bytes = v,
            F::HistoricalMigration => a.historical_migration = Tri::from_code(value),
            F::OldestEvent => a.oldest_event = v,
            F::NewestEvent => a.newest_event = v,
            F::TotalEvents => a.total_events = v,
            F::MaxEventsPerId => a.max_events_per_id = v,
            F::Apps => a.apps = Tri::from_code(value),
            F::PeakRate => a.peak_rate = v,
            F::RateUnit => a.rate_unit = RateUnit::from_code(value).unwrap_or_default(),
            F::Duration => a.duration = v,
            F::DurationUnit => a.duration_unit = DurationUnit::from_code(value).unwrap_or_default(),
            F::Ramp => a.ramp = Ramp::from_code(value),
            F::RampMinutes => a.ramp_minutes = v,
            F::RampNote => a.ramp_note = v,
            F::LoadGoal => a.load_goal = v,
            F::LoadTransport => a.load_transport = Transport::from_code(value),
            F::LoadConcurrency => a.load_concurrency = v,
            F::AnythingElse => a.anything_else = v,
            F::ProductQuestionsAnswered
            | F::Committed
            | F::NotValidatingWithImport
            | F::IdsUnknown
            | F::TopIds
            | F::EventTypes
            | F::AppList
            | F::RampSteps => {}
        }
    }

    /// A tick box's state.
    pub fn checked(self, a: &Answers) -> bool {
        match self {
            F::ProductQuestionsAnswered => a.product_questions_answered,
            F::Committed => a.committed,
            F::NotValidatingWithImport => a.not_validating_with_import,
            F::IdsUnknown => a.ids_unknown,
            _ => false,
        }
    }

    pub fn set_checked(self, a: &mut Answers, on: bool) {
        match self {
            F::ProductQuestionsAnswered => a.product_questions_answered = on,
            F::Committed => a.committed = on,
            F::NotValidatingWithImport => a.not_validating_with_import = on,
            F::IdsUnknown => a.ids_unknown = on,
            _ => {}
        }
    }

    /// Whether the reader has given an answer (for progress and "required").
    pub fn is_answered(self, a: &Answers) -> bool {
        match self.question().control {
            C::Check => self.checked(a),
            C::EventTypes => !a.event_types.is_empty() || a.custom_events || a.events_not_sure,
            C::TopIds => a.top_ids.iter().any(|r| !r.distinct_id.trim().is_empty()),
            C::AppList => a.app_list.iter().any(|app| !app.name.trim().is_empty()),
            C::RampSteps => a.ramp_steps.iter().any(|s| !s.rate.trim().is_empty()),
            _ => !self.text(a).trim().is_empty(),
        }
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub required: usize,
}

impl Progress {
    pub fn done(self) -> bool {
        self.answered == self.required
    }
}

pub fn section_progress(section: Section, a: &Answers) -> Progress {
    let mut p = Progress {
        answered: 0,
        required: 0,
    };
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
        .filter(|s| s.applies(a))
        .map(|s| section_progress(*s, a))
        .fold(
            Progress {
                answered: 0,
                required: 0,
            },
            |acc, p| Progress {
                answered: acc.answered + p.answered,
                required: acc.required + p.required,
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY_FIELD: [Field; 41] = [
        F::Customer,
        F::Organization,
        F::ProjectId,
        F::Region,
        F::RequesterName,
        F::RequesterTeam,
        F::ConversationUrl,
        F::Kind,
        F::ProductQuestionsAnswered,
        F::Committed,
        F::NotValidatingWithImport,
        F::CommitmentNote,
        F::StartDate,
        F::StartTime,
        F::TimeZone,
        F::Flexibility,
        F::Transport,
        F::EventsPerRequest,
        F::AvgEventBytes,
        F::HistoricalMigration,
        F::OldestEvent,
        F::NewestEvent,
        F::TotalEvents,
        F::MaxEventsPerId,
        F::TopIds,
        F::IdsUnknown,
        F::EventTypes,
        F::Apps,
        F::AppList,
        F::PeakRate,
        F::RateUnit,
        F::Duration,
        F::DurationUnit,
        F::Ramp,
        F::RampMinutes,
        F::RampSteps,
        F::RampNote,
        F::LoadGoal,
        F::LoadTransport,
        F::LoadConcurrency,
        F::AnythingElse,
    ];

    #[test]
    fn every_field_has_exactly_one_question() {
        for f in EVERY_FIELD {
            assert_eq!(
                QUESTIONS.iter().filter(|q| q.field == f).count(),
                1,
                "{f:?}"
            );
        }
        assert_eq!(QUESTIONS.len(), EVERY_FIELD.len());
    }

    #[test]
    fn questions_follow_the_page_order_of_sections() {
        let order: Vec<usize> = QUESTIONS
            .iter()
            .map(|q| Section::ALL.iter().position(|s| *s == q.section).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn text_fields_round_trip() {
        let mut a = Answers::default();
        for q in QUESTIONS {
            let value = match q.control {
                C::Choice(options) => options[options.len() - 1].0,
                C::Check | C::EventTypes | C::TopIds | C::AppList | C::RampSteps => continue,
                _ => "some text",
            };
            q.field.set_text(&mut a, value);
            assert_eq!(q.field.text(&a), value, "{:?}", q.field);
        }
    }

    #[test]
    fn ids_are_kebab_case() {
        assert_eq!(F::StartDate.id(), "start-date");
        assert_eq!(F::Customer.id(), "customer");
    }

    #[test]
    fn conditional_questions_appear_only_when_relevant() {
        let mut a = Answers::default();
        assert!(!F::EventsPerRequest.applies(&a));
        assert!(!F::LoadGoal.applies(&a));
        assert!(!F::AppList.applies(&a));
        a.transport = Some(Transport::Batch);
        a.kind = Some(Kind::Both);
        a.apps = Some(Tri::NotSure);
        assert!(F::EventsPerRequest.applies(&a));
        assert!(F::LoadGoal.applies(&a));
        assert!(F::AppList.applies(&a));
        a.kind = Some(Kind::LoadTest);
        assert!(!F::HistoricalMigration.applies(&a));
    }

    #[test]
    fn progress_counts_required_answers_that_apply() {
        let mut a = Answers::default();
        let p = section_progress(Section::Commitment, &a);
        assert_eq!((p.answered, p.required), (0, 3));
        a.committed = true;
        assert_eq!(section_progress(Section::Commitment, &a).answered, 1);
        let before = overall_progress(&a).required;
        a.kind = Some(Kind::LoadTest);
        // Three load-test questions now apply; the three import-only ones do not.
        assert!(F::LoadGoal.applies(&a) && !F::OldestEvent.applies(&a));
        assert_eq!(overall_progress(&a).required, before);
        a.kind = Some(Kind::Both);
        assert_eq!(overall_progress(&a).required, before + 3);
    }
}
