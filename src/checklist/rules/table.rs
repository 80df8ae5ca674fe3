//! The rule table: every finding the widget can raise, declared once, as the question
//! table declares the questions. A rule names its stable code, severity, the basis it
//! rests on (a sentence of the handbook page, a fact of PostHog's docs, a setting), its
//! title, who acts on it, the checklist line it unticks, the question asked beside it,
//! and its judgement: one small function over typed facts that says whether it is
//! raised and, if so, why, what to do and what to tell the customer.
//!
//! Within a severity, the order here is the order of urgency: the report's order, and
//! the first raised that the ticket lists is the block's "top risk".
//!
//! Adding a rule: one entry here and its judgement in the file of its concern.

use super::findings::{Basis, Rule};
use super::ticks::Tick;
use super::{gate, hours, ids, import, page, rate, sizes};
use crate::checklist::questions::Field;

macro_rules! rules {
    ($($id:ident { $($key:ident: $value:expr),* $(,)? })*) => {
        /// Every finding the rules can raise.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingId {
            $($id,)*
        }

        impl FindingId {
            pub const ALL: &'static [FindingId] = &[$(FindingId::$id,)*];
        }

        /// Every rule, in the order of `FindingId`.
        pub const RULES: &[Rule] = &[
            $(Rule { id: FindingId::$id, $($key: $value,)* ..DEFAULT },)*
        ];
    };
}

/// A rule's defaults: the ticket lists it, it unticks nothing, asks nothing.
const DEFAULT: Rule = Rule {
    id: FindingId::CommitmentGate,
    code: "",
    severity: super::findings::Severity::Info,
    basis: &[],
    title: "",
    in_ticket: true,
    unticks: None,
    tick: None,
    told_by: None,
    judge: |_| None,
};

use super::findings::Severity::{Blocking, Info, Warning};
use Basis::{Docs, Page, Setting};

rules! {
    CommitmentGate {
        code: "commitment-gate",
        severity: Blocking,
        basis: &[Page(page::COMMITTED)],
        title: "Commitment not confirmed",
        judge: gate::commitment,
    }
    DenialOfService {
        code: "denial-of-service",
        severity: Blocking,
        basis: &[Page(page::DOS), Setting("dos-single-rate"), Setting("min-ramp-minutes")],
        title: "All at once: closer to a denial of service",
        unticks: Some(Tick::Ramp),
        judge: rate::denial_of_service,
    }
    EventTooLarge {
        code: "event-too-large",
        severity: Blocking,
        basis: &[Docs("capture rejects an event over the Kafka message cap"), Setting("event-cap-bytes")],
        title: "Events over the size limit",
        unticks: Some(Tick::Batching),
        judge: sizes::event_too_large,
    }
    RequestTooLarge {
        code: "request-too-large",
        severity: Blocking,
        basis: &[Docs("capture rejects a request body over its cap"), Setting("batch-request-cap-bytes"), Setting("single-request-cap-bytes")],
        title: "Requests over the capture limit",
        unticks: Some(Tick::Batching),
        judge: sizes::request_too_large,
    }
    LoadTest {
        code: "load-test",
        severity: Warning,
        basis: &[Page(page::LOAD_TEST)],
        title: "Load test",
        in_ticket: false,
        judge: gate::load_test,
    }
    ShortNotice {
        code: "short-notice",
        severity: Warning,
        basis: &[Page(page::HEADS_UP), Setting("lead-time-working-days")],
        title: "Short notice",
        unticks: Some(Tick::Schedule),
        judge: hours::short_notice,
    }
    HotDistinctIds {
        code: "hot-distinct-ids",
        severity: Warning,
        basis: &[Page(page::HOT_IDS), Setting("hot-id-events"), Docs("capture moves a distinct_id's events above its per-id rate to an overflow path"), Setting("hot-id-rate")],
        title: "Hot distinct_ids",
        tick: Some(Field::OutOfOrderTold),
        told_by: Some(Field::OutOfOrderTold),
        judge: ids::hot_ids,
    }
    MergesWithHotIds {
        code: "merges-with-hot-ids",
        severity: Warning,
        basis: &[Page(page::MERGES)],
        title: "Merges with hot distinct_ids",
        judge: ids::merges_with_hot_ids,
    }
    SteepRamp {
        code: "steep-ramp",
        severity: Warning,
        basis: &[Page(page::RAMP), Setting("ramp-first-rate"), Setting("ramp-jump-factor")],
        title: "A steep ramp-up",
        unticks: Some(Tick::Ramp),
        judge: rate::steep_ramp,
    }
    NoRampUp {
        code: "no-ramp-up",
        severity: Warning,
        basis: &[Page(page::RAMP), Setting("no-ramp-rate"), Setting("min-ramp-minutes")],
        title: "No ramp-up",
        unticks: Some(Tick::Ramp),
        judge: rate::no_ramp_up,
    }
    NoBackOff {
        code: "no-back-off",
        severity: Warning,
        basis: &[Page(page::HEADS_UP), Docs("capture answers 429 when it rate-limits; PostHog's SDKs wait and retry on 429 and 5xx")],
        title: "The sender does not back off",
        judge: rate::no_back_off,
    }
    SampleDisagrees {
        code: "sample-disagrees",
        severity: Warning,
        basis: &[Page(page::BATCHING), Setting("sample-mismatch-factor")],
        title: "The sample disagrees with the answers",
        unticks: Some(Tick::Batching),
        judge: sizes::sample_disagrees,
    }
    EventNearLimit {
        code: "event-near-limit",
        severity: Warning,
        basis: &[Docs("capture rejects an event over the Kafka message cap"), Setting("size-warn-percent"), Setting("event-cap-bytes")],
        title: "Events close to the size limit",
        judge: sizes::event_near_limit,
    }
    RequestNearLimit {
        code: "request-near-limit",
        severity: Warning,
        basis: &[Docs("capture rejects a request body over its cap"), Setting("size-warn-percent"), Setting("batch-request-cap-bytes"), Setting("single-request-cap-bytes")],
        title: "Requests close to the capture limit",
        judge: sizes::request_near_limit,
    }
    ScheduleWeekend {
        code: "schedule-weekend",
        severity: Warning,
        basis: &[Page(page::SCHEDULE), Setting("team-days-off")],
        title: "Starts on a weekend",
        unticks: Some(Tick::Schedule),
        judge: hours::day_off,
    }
    ScheduleOutsideHours {
        code: "schedule-outside-hours",
        severity: Warning,
        basis: &[Page(page::SCHEDULE), Setting("overlap-start-hour"), Setting("overlap-end-hour"), Setting("outside-hours-percent")],
        title: "Runs outside EU working hours",
        unticks: Some(Tick::Schedule),
        judge: hours::outside_hours,
    }
    NoHistoricalFlag {
        code: "no-historical-flag",
        severity: Warning,
        basis: &[Docs("historical_migration: true routes an import to the historical ingestion topic")],
        title: "historical_migration not set",
        unticks: Some(Tick::Batching),
        judge: import::no_historical_flag,
    }
    RecentEvents {
        code: "recent-events",
        severity: Warning,
        basis: &[Docs("the flag is ignored for events less than about 48 hours old"), Setting("historical-min-age-hours")],
        title: "Recent events in the import",
        judge: import::recent_events,
    }
    AppsEnabled {
        code: "apps-enabled",
        severity: Warning,
        basis: &[Page(page::APPS)],
        title: "Apps enabled",
        judge: import::apps,
    }
    HighPeakRate {
        code: "high-peak-rate",
        severity: Warning,
        basis: &[Page(page::LOAD_TEST), Docs("the docs ask imports to stay below a few thousand events per second in total"), Setting("comfortable-rate")],
        title: "High peak rate",
        judge: rate::high_peak_rate,
    }
    VolumeMismatch {
        code: "volume-mismatch",
        severity: Warning,
        basis: &[Page(page::RATE), Setting("volume-mismatch-factor")],
        title: "Volume does not add up",
        judge: rate::volume_mismatch,
    }
    ScheduleRunsLate {
        code: "schedule-runs-late",
        severity: Info,
        basis: &[Page(page::SCHEDULE), Setting("overlap-start-hour"), Setting("overlap-end-hour")],
        title: "Partly outside EU working hours",
        judge: hours::partly_outside_hours,
    }
    MergeSensitiveEvents {
        code: "merge-sensitive-events",
        severity: Info,
        basis: &[Page(page::EVENT_TYPES)],
        title: "Identity and person events",
        judge: ids::merge_sensitive_events,
    }
    DistinctIdsUnknown {
        code: "distinct-ids-unknown",
        severity: Info,
        basis: &[Page(page::ID_VARIANCE)],
        title: "distinct_id counts to follow",
        unticks: Some(Tick::IdVariance),
        judge: ids::ids_unknown,
    }
    EventTypesUnknown {
        code: "event-types-unknown",
        severity: Info,
        basis: &[Page(page::EVENT_TYPES)],
        title: "Event types not known yet",
        unticks: Some(Tick::EventTypes),
        judge: ids::event_types_unknown,
    }
    LargeImport {
        code: "large-import",
        severity: Info,
        basis: &[Docs("older docs asked customers to contact sales above about 20M events"), Setting("large-import-events")],
        title: "Large import",
        judge: import::large_import,
    }
    TestFirst {
        code: "test-first",
        severity: Info,
        basis: &[Docs("imports are not de-duplicated; the docs advise a test of about 10,000 events first")],
        title: "A small test run first",
        judge: import::test_first,
    }
}
