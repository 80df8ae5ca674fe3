//! The risks the answers reveal, as the handbook page and the pipeline's limits define
//! them. Each finding says why it matters, what to do, and (where the page says so)
//! what to tell the customer.

use crate::checklist::questions::answers::{Answers, Field, Ramp, Transport, Tri};
use crate::checklist::questions::numbers::{
    amount, bytes, group, mib, minutes, plural, tenths, tenths_fixed,
};
use crate::checklist::rules::facts::Facts;
use crate::checklist::schedule::calendar::{amsterdam_date, RunHours};
use crate::checklist::schedule::time::Env;
use crate::checklist::schedule::time::{
    amsterdam_abbreviation, amsterdam_local, utc_to_local, Date, SECS_PER_DAY, SECS_PER_HOUR,
    SECS_PER_MIN,
};
use crate::checklist::settings::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Blocking,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocking => "Blocking",
            Severity::Warning => "Warning",
            Severity::Info => "Note",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Severity::Blocking => "blocking",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Declares the findings: each id with its stable code (a `data-finding` hook) and
/// its severity.
macro_rules! finding_ids {
    ($($id:ident = $code:literal: $severity:ident,)*) => {
        /// Every finding the rules can raise.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingId {
            $($id,)*
        }

        impl FindingId {
            pub const ALL: &'static [FindingId] = &[$(FindingId::$id,)*];

            /// "hot-distinct-ids".
            pub fn code(self) -> &'static str {
                match self {
                    $(FindingId::$id => $code,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(FindingId::$id => Severity::$severity,)*
                }
            }
        }
    };
}

finding_ids! {
    CommitmentGate = "commitment-gate": Blocking,
    DenialOfService = "denial-of-service": Blocking,
    EventTooLarge = "event-too-large": Blocking,
    RequestTooLarge = "request-too-large": Blocking,
    LoadTest = "load-test": Warning,
    EventNearLimit = "event-near-limit": Warning,
    RequestNearLimit = "request-near-limit": Warning,
    ScheduleWeekend = "schedule-weekend": Warning,
    ScheduleOutsideHours = "schedule-outside-hours": Warning,
    ScheduleRunsLate = "schedule-runs-late": Info,
    ShortNotice = "short-notice": Warning,
    HotDistinctIds = "hot-distinct-ids": Warning,
    MergesWithHotIds = "merges-with-hot-ids": Warning,
    MergeSensitiveEvents = "merge-sensitive-events": Info,
    DistinctIdsUnknown = "distinct-ids-unknown": Info,
    EventTypesUnknown = "event-types-unknown": Info,
    NoHistoricalFlag = "no-historical-flag": Warning,
    RecentEvents = "recent-events": Warning,
    AppsEnabled = "apps-enabled": Warning,
    HighPeakRate = "high-peak-rate": Warning,
    VolumeMismatch = "volume-mismatch": Warning,
    NoRampUp = "no-ramp-up": Warning,
    LargeImport = "large-import": Info,
    TestFirst = "test-first": Info,
}

impl FindingId {
    /// Every finding in the order the report lists them: by severity, then as declared.
    pub fn in_report_order() -> Vec<FindingId> {
        let mut ids = FindingId::ALL.to_vec();
        crate::checklist::sort_stable(&mut ids, |id| id.severity() as u64);
        ids
    }

    /// The tick box answered beside this finding (and only there): whether the
    /// customer was told about the out-of-order risk, beside the hot-id finding (which
    /// "merges with hot ids" never comes without).
    pub fn tick(self) -> Option<Field> {
        match self {
            FindingId::HotDistinctIds => Some(Field::OutOfOrderTold),
            _ => None,
        }
    }

    /// Whether a question is a finding's tick, shown beside it instead of in its section.
    pub fn is_a_tick(field: Field) -> bool {
        FindingId::ALL.iter().any(|id| id.tick() == Some(field))
    }

    /// Whether the action is the reader's own next step (send this request now, or
    /// hold it): the widget shows it, the ticket for the pipeline team leaves it out.
    pub fn action_is_the_readers(self) -> bool {
        matches!(self, FindingId::CommitmentGate | FindingId::LoadTest)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    pub title: String,
    /// Why it matters, with the numbers that triggered it.
    pub why: String,
    /// What the reader (or the pipeline team) should do.
    pub action: String,
    /// What to tell the customer, in words they understand.
    pub tell_customer: Option<String>,
}

/// Counts per severity, for the status line and the copy button.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub blocking: usize,
    pub warnings: usize,
    pub notes: usize,
}

pub fn tally(findings: &[Finding]) -> Tally {
    let mut t = Tally::default();
    for f in findings {
        match f.severity {
            Severity::Blocking => t.blocking += 1,
            Severity::Warning => t.warnings += 1,
            Severity::Info => t.notes += 1,
        }
    }
    t
}

impl Tally {
    /// "0 blocking · 3 warnings · 1 note".
    pub fn summary(self) -> String {
        format!(
            "{} blocking · {} · {}",
            self.blocking,
            plural(self.warnings, "warning", "warnings"),
            plural(self.notes, "note", "notes")
        )
    }
}

struct Out(Vec<Finding>);

impl Out {
    fn add(
        &mut self,
        id: FindingId,
        title: impl Into<String>,
        why: impl Into<String>,
        action: impl Into<String>,
        tell: Option<String>,
    ) {
        self.0.push(Finding {
            id,
            severity: id.severity(),
            title: title.into(),
            why: why.into(),
            action: action.into(),
            tell_customer: tell,
        });
    }
}

/// Every finding for these answers, blocking first, then warnings, then notes (as
/// `FindingId` declares them within a severity).
pub fn findings(a: &Answers, facts: &Facts, config: &Config, env: &Env) -> Vec<Finding> {
    let mut out = Out(Vec::new());
    gate(a, config, &mut out);
    denial_of_service(a, facts, config, &mut out);
    request_sizes(a, facts, config, &mut out);
    load_test(a, config, &mut out);
    schedule(a, facts, config, env, &mut out);
    hot_ids(a, facts, config, &mut out);
    historical_flag(a, facts, config, env, &mut out);
    apps(a, &mut out);
    rate_and_volume(a, facts, config, &mut out);
    import_notes(a, facts, config, &mut out);
    // By severity, then as `FindingId` declares them: the order the panel keeps.
    crate::checklist::sort_stable(&mut out.0, |f| (f.severity as u64) << 8 | f.id as u64);
    out.0
}

/// "an import", "a load test", "an import and load test".
fn a_noun(a: &Answers) -> String {
    let noun = a.noun();
    let article = if noun.starts_with('i') { "an" } else { "a" };
    format!("{article} {noun}")
}

fn gate(a: &Answers, config: &Config, out: &mut Out) {
    let noun = a.noun();
    let mut open = Vec::new();
    if !a.product_questions_answered {
        open.push("their product questions are answered".to_string());
    }
    if !a.committed {
        open.push(format!(
            "they are committed (paying, or paying once the {noun} is done)"
        ));
    }
    if !a.not_validating_with_import {
        open.push(format!(
            "they are not relying on the {noun} to validate their use case"
        ));
    }
    if open.is_empty() {
        return;
    }
    let confirm = open.join("; that ");
    let action = if a.includes_load_test() {
        // The load test's alert goes out first (it may take preparation); the gate
        // holds what is sent, not the alert.
        format!(
            "First alert {} about the planned load test (this request, as it is); then confirm that {confirm}. The customer sends nothing until you have.",
            config.pipeline_team
        )
    } else {
        format!("Do not request the import yet. First confirm that {confirm}.")
    };
    out.add(
        FindingId::CommitmentGate,
        "Commitment not confirmed",
        format!(
            "{} can cost the pipeline team considerable effort; it is wasted if the customer then decides PostHog is not a fit.",
            crate::checklist::capitalise(&a_noun(a))
        ),
        action,
        None,
    );
}

/// Why the profile reaches its peak at once, if it does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AtOnce {
    /// "All at once" was chosen.
    Chosen,
    /// The first step is already at the peak rate.
    FirstStepIsPeak,
    /// The ramp reaches the peak in fewer than `min_ramp_minutes` minutes.
    ShortRamp(f64),
}

impl AtOnce {
    /// ", with no ramp-up", ", the first step already at the peak", ", a 1 min ramp-up".
    fn clause(self) -> String {
        match self {
            AtOnce::Chosen => "with no ramp-up".into(),
            AtOnce::FirstStepIsPeak => "the first step already at the peak rate".into(),
            AtOnce::ShortRamp(m) => format!("a ramp-up of only {}", minutes(m)),
        }
    }
}

/// Whether the rate profile is, in effect, everything at once: "all at once" chosen, a
/// first step already at the peak, or a ramp that reaches the peak in fewer than
/// `min_ramp_minutes` minutes.
pub fn sent_at_once(a: &Answers, facts: &Facts, config: &Config) -> Option<AtOnce> {
    let peak = facts.peak_per_sec?;
    if a.ramp == Some(Ramp::AllAtOnce) {
        return Some(AtOnce::Chosen);
    }
    if a.ramp == Some(Ramp::Steps) && facts.first_step_rate().is_some_and(|r| r >= peak) {
        return Some(AtOnce::FirstStepIsPeak);
    }
    facts
        .ramp_to_peak_min
        .filter(|m| *m < config.min_ramp_minutes)
        .map(AtOnce::ShortRamp)
}

/// The rate from the first minute: the peak when it is sent at once, else the first
/// step's rate (0 for a linear ramp).
fn starting_rate(a: &Answers, facts: &Facts, config: &Config) -> Option<f64> {
    match sent_at_once(a, facts, config) {
        Some(_) => facts.peak_per_sec,
        None => facts.first_step_rate(),
    }
}

fn denial_of_service(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    let single = a.transport == Some(Transport::Single)
        || (a.includes_load_test() && a.load_transport == Some(Transport::Single));
    let Some(start) = starting_rate(a, facts, config) else {
        return;
    };
    if !single || start < config.dos_single_rate {
        return;
    }
    let what = if a.includes_load_test() {
        "a load test"
    } else {
        "an import"
    };
    let how = match sent_at_once(a, facts, config) {
        Some(at_once) => at_once.clause(),
        None => "the first step of the ramp-up".into(),
    };
    // How many clients fire these requests, when known; the rate alone decides.
    let clients = facts
        .concurrency
        .map(|c| format!(" by {}", plural(c as usize, "client", "clients")))
        .unwrap_or_default();
    out.add(
        FindingId::DenialOfService,
        "All at once: closer to a denial of service",
        format!(
            "{} events/s of single capture requests{clients} from the first minute ({how}) is not {what} but closer to a denial of service (threshold {} events/s).",
            group(start.round() as u64),
            group(config.dos_single_rate.round() as u64)
        ),
        format!(
            "Agree a ramp-up to the peak (e.g. over 30–60 minutes) that starts below {} events/s, before going further{}.",
            group(config.dos_single_rate.round() as u64),
            if a.includes_import() { " (and /batch requests for the import)" } else { "" }
        ),
        Some("Please ramp up to the peak rate over a period of time instead of starting at full speed; sending everything at once looks like a denial-of-service attack to our ingestion and will be rate-limited.".into()),
    );
}

fn request_sizes(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    let event_over = event_size(facts, config, out);
    request_size(a, facts, config, event_over, out);
}

/// Events over or close to the size limit; says whether they are over.
fn event_size(facts: &Facts, config: &Config, out: &mut Out) -> bool {
    let near = config.size_warn_percent / 100.0;
    let event_cap = config.event_cap_bytes as f64;
    let which = if facts.max_event_bytes.is_some() {
        "The largest event"
    } else {
        "An average event"
    };
    let tell_event = Some(format!(
        "Each event must stay under {} bytes; please drop or shorten the largest properties.",
        group(config.event_cap_bytes)
    ));
    let mut event_over = false;
    if let Some(size) = facts.largest_event_bytes() {
        if size > event_cap {
            event_over = true;
            out.add(
                FindingId::EventTooLarge,
                "Events over the size limit",
                format!(
                    "{which} of {} is over the limit of {} bytes per event; capture rejects such events.",
                    bytes(size),
                    group(config.event_cap_bytes)
                ),
                "Ask which properties make events this large and have them trimmed.",
                tell_event,
            );
        } else if size >= near * event_cap {
            out.add(
                FindingId::EventNearLimit,
                "Events close to the size limit",
                format!(
                    "{which} of {} is {} % of the limit of {} bytes per event; a slightly larger one is rejected.",
                    bytes(size),
                    tenths(size * 100.0 / event_cap),
                    group(config.event_cap_bytes)
                ),
                "Ask how large the largest events can get, and whether their largest properties can be trimmed.",
                tell_event,
            );
        }
    }
    event_over
}

/// Requests over or close to capture's limit (close only when no event is over).
fn request_size(a: &Answers, facts: &Facts, config: &Config, event_over: bool, out: &mut Out) {
    let near = config.size_warn_percent / 100.0;
    let (cap, endpoint) = match a.transport {
        Some(Transport::Batch) => (config.batch_request_cap_bytes, "/batch"),
        Some(Transport::Single) => (config.single_request_cap_bytes, "single-event"),
        None => return,
    };
    let Some(size) = facts.request_bytes else {
        return;
    };
    let fitting = facts
        .avg_event_bytes
        .map(|b| ((cap as f64 * near) / b).floor().max(1.0) as u64);
    let action = match fitting {
        Some(n) if a.uses_batch() => format!(
            "Ask for at most {} events per request (leaves {} % headroom).",
            group(n),
            tenths(100.0 - config.size_warn_percent)
        ),
        _ => "Ask for smaller requests.".into(),
    };
    let tell = Some(format!(
        "Please keep each request under {}; larger requests are rejected.",
        mib(cap)
    ));
    if size > cap as f64 {
        out.add(
            FindingId::RequestTooLarge,
            "Requests over the capture limit",
            format!(
                "Each {endpoint} request would be about {}, over capture's limit of {}; capture rejects the whole request.",
                bytes(size),
                mib(cap)
            ),
            action,
            tell,
        );
    } else if size >= near * cap as f64 && !event_over {
        out.add(
            FindingId::RequestNearLimit,
            "Requests close to the capture limit",
            format!(
                "Each {endpoint} request would be about {}, {} % of capture's limit of {}; a request with larger events than the average is rejected whole.",
                bytes(size),
                tenths(size * 100.0 / cap as f64),
                mib(cap)
            ),
            action,
            tell,
        );
    }
}

/// The banner the widget shows while the request includes a load test.
pub fn load_test_banner(config: &Config) -> String {
    format!(
        "alert {} now about the planned load test, even before every answer is in; confirm the commitment before anything is sent.",
        config.pipeline_team
    )
}

fn load_test(a: &Answers, config: &Config, out: &mut Out) {
    if !a.includes_load_test() {
        return;
    }
    let gate_open = !(a.product_questions_answered && a.committed && a.not_validating_with_import);
    let action = if gate_open {
        format!(
            "First send this request to {} now, as it is, so they can prepare for the load test; then confirm the commitment (above) with the customer. Nothing is sent until it is confirmed.",
            config.pipeline_team
        )
    } else {
        format!(
            "Send this request to {} as soon as possible, even before every answer is in.",
            config.pipeline_team
        )
    };
    out.add(
        FindingId::LoadTest,
        format!("Load test: alert {} now", config.pipeline_team),
        "A load test may need the pipeline to scale up; accommodations take time.",
        action,
        None,
    );
}

/// "09:00–17:00 CET (03:00–11:00 in America/New_York)".
pub fn window_text(zone: &str, date: Date, config: &Config, env: &Env) -> String {
    let (start, end) = config.team().window_on(date);
    let abbr = amsterdam_abbreviation(start);
    let mut text = format!(
        "{:02}:00–{:02}:00 {abbr}",
        config.overlap_start_hour, config.overlap_end_hour
    );
    if let (Some((_, s)), Some((_, e))) = (
        utc_to_local(env.zones, zone, start),
        utc_to_local(env.zones, zone, end),
    ) {
        if !matches!(zone, "Europe/Amsterdam" | "") {
            text.push_str(&format!(" ({s}–{e} in {zone})"));
        }
    }
    text
}

/// "5 h 20 min of the 12 h run (44.4 %)".
fn outside_text(hours: &RunHours) -> String {
    let total = hours.inside + hours.outside;
    format!(
        "{} of the {} run ({} %)",
        minutes(hours.outside as f64 / SECS_PER_MIN as f64),
        minutes(total as f64 / SECS_PER_MIN as f64),
        tenths(hours.outside as f64 * 100.0 / total as f64)
    )
}

/// " It runs through the night, over 2 weekend days and on Wed 25 Dec 2030 (Christmas
/// Day)." or nothing.
fn across_text(hours: &RunHours, config: &Config) -> String {
    let mut across = Vec::new();
    if hours.overnight {
        across.push("through the night".to_string());
    }
    let weekend = hours.days_off.iter().filter(|d| d.is_weekend()).count();
    if weekend > 0 {
        across.push(format!(
            "over {}",
            plural(weekend, "weekend day", "weekend days")
        ));
    }
    let holidays: Vec<String> = hours
        .days_off
        .iter()
        .filter(|d| !d.is_weekend())
        .take(3)
        .map(|d| format!("{} ({})", d.long(), config.team().day_off_name(*d)))
        .collect();
    if !holidays.is_empty() {
        across.push(format!("on {}", holidays.join(", ")));
    }
    match across.len() {
        0 => String::new(),
        n => format!(
            " It runs {}.",
            if n == 1 {
                across.remove(0)
            } else {
                let last = across.pop().unwrap_or_default();
                format!("{} and {last}", across.join(", "))
            }
        ),
    }
}

fn schedule(a: &Answers, facts: &Facts, config: &Config, env: &Env, out: &mut Out) {
    let Some(start) = facts.start_utc else {
        return;
    };
    let ams_date = amsterdam_date(start);
    let window = window_text(facts.zone.as_deref().unwrap_or(""), ams_date, config, env);
    let tell_window = ask_for_the_window(a, &window, config);
    let hours = facts
        .end_utc
        .filter(|e| *e > start)
        .map(|end| config.team().run_hours(start, end));
    if !config.team().works_on(ams_date) {
        starts_on_a_day_off(ams_date, hours.as_ref(), tell_window, config, out);
    } else if let Some(h) = hours.as_ref().filter(|h| h.outside > 0) {
        runs_outside_hours(h, &window, tell_window, config, out);
    } else if hours.is_none() {
        // Without a duration only the start can be judged.
        starts_outside_hours(start, &window, tell_window, config, out);
    }
    short_notice(start, config, env, out);
}

/// The ask for a run inside the window: "Our pipeline team works 09:00–17:00 CET, …".
fn ask_for_the_window(a: &Answers, window: &str, config: &Config) -> String {
    let holidays = if config.team_days_off.any() {
        ", except holidays"
    } else {
        ""
    };
    format!(
        "Our pipeline team works {window}, Monday to Friday{holidays}. Could the {} run within those hours?",
        a.noun()
    )
}

/// A start on a weekend or a day off, with how much of the run is outside their hours.
fn starts_on_a_day_off(
    ams_date: Date,
    hours: Option<&RunHours>,
    tell_window: String,
    config: &Config,
    out: &mut Out,
) {
    let title = if ams_date.is_weekend() {
        "Starts on a weekend"
    } else {
        "Starts on a day off"
    };
    let mut why = format!(
        "It starts on {} (Amsterdam), {}, when the pipeline team is off.",
        ams_date.long(),
        config.team().day_off_name(ams_date)
    );
    match hours {
        Some(h) if h.inside == 0 => why.push_str(" None of the run is inside their hours."),
        Some(h) if h.outside > 0 => why.push_str(&format!(
            " {} is outside their hours.",
            crate::checklist::capitalise(&outside_text(h))
        )),
        _ => {}
    }
    out.add(
        FindingId::ScheduleWeekend,
        title,
        why,
        "Ask to move it to a working day with the most EU overlap.",
        Some(tell_window),
    );
}

/// A run on a working day partly outside their hours: more than tolerated, or less.
fn runs_outside_hours(
    h: &RunHours,
    window: &str,
    tell_window: String,
    config: &Config,
    out: &mut Out,
) {
    let (text, across) = (outside_text(h), across_text(h, config));
    let share = h.outside as f64 * 100.0 / (h.inside + h.outside) as f64;
    if share > config.outside_hours_percent {
        out.add(
            FindingId::ScheduleOutsideHours,
            "Runs outside EU working hours",
            format!(
                "{} is outside the pipeline team's hours ({window}, on the days they work), more than the {} % tolerated.{across}",
                crate::checklist::capitalise(&text),
                tenths(config.outside_hours_percent)
            ),
            "Ask for a start (or a pace) that keeps most of the run inside the window, or agree with the pipeline team who watches the rest.",
            Some(tell_window),
        );
    } else {
        out.add(
            FindingId::ScheduleRunsLate,
            "Partly outside EU working hours",
            format!(
                "Part of the run is outside the pipeline team's hours, {window}: {text}.{across}"
            ),
            "Make sure someone can watch the part outside hours, or ask for a start that fits the window.",
            None,
        );
    }
}

/// A start outside their hours on a working day, for a run of unknown length.
fn starts_outside_hours(
    start: i64,
    window: &str,
    tell_window: String,
    config: &Config,
    out: &mut Out,
) {
    let (ams_date, ams_time) = amsterdam_local(start);
    let (win_start, win_end) = config.team().window_on(ams_date);
    if start < win_start || start >= win_end {
        out.add(
            FindingId::ScheduleOutsideHours,
            "Starts outside EU working hours",
            format!(
                "It starts at {ams_time} {} on {}, outside the pipeline team's hours ({window}).",
                amsterdam_abbreviation(start),
                ams_date.long()
            ),
            "Ask to move the start into the window.",
            Some(tell_window),
        );
    }
}

/// Fewer working days between today and the start day than the team asks for.
fn short_notice(start: i64, config: &Config, env: &Env, out: &mut Out) {
    let today = amsterdam_date(env.now);
    let notice = config.team().working_days_between(
        today,
        amsterdam_date(start),
        config.lead_time_working_days,
    );
    if start > env.now && notice < config.lead_time_working_days {
        out.add(
            FindingId::ShortNotice,
            "Short notice",
            format!(
                "There {} between today and the start day (neither counts); the pipeline team asks for {}.",
                match notice {
                    1 => "is 1 working day".to_string(),
                    n => format!("are {n} working days"),
                },
                config.lead_time_working_days
            ),
            format!(
                "Alert {} today, or ask the customer for a later start.",
                config.pipeline_team
            ),
            None,
        );
    }
}

/// Whether the events take the historical path: an import (only) sent with
/// `historical_migration: true`. Everything else goes through live ingestion.
pub fn historical_path(a: &Answers) -> bool {
    a.kind == Some(crate::checklist::questions::answers::Kind::Import)
        && a.historical_migration == Some(Tri::Yes)
}

fn hot_ids(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    let rate = facts.hottest_rate_at_peak();
    let historical = historical_path(a);
    // Live path: capture's per-id limiter moves the surplus of an id sending faster
    // than `hot_id_rate` to the overflow path. The historical path has no such
    // limiter, so there (and while the rate cannot be worked out) only a very large id,
    // which the pipeline team may split over partitions by hand, is hot.
    let hot = match (historical, rate) {
        (false, Some(r)) => r >= config.hot_id_rate,
        _ => facts.max_per_id.is_some_and(|m| m >= config.hot_id_events),
    };
    if hot {
        out.add(
            FindingId::HotDistinctIds,
            "Hot distinct_ids",
            hot_why(facts, config, historical, rate),
            "Tell the customer (below) and ask whether order matters for these ids; the pipeline team may plan partitions for them.",
            Some("Events for your busiest distinct_ids may be processed out of order. Where order matters, send events in timestamp order and spread very busy ids over time.".into()),
        );
    }
    merge_events(a, hot, out);
    ids_and_events_unknown(a, out);
}

/// Why the busiest distinct_id is hot, on the path its events take.
fn hot_why(facts: &Facts, config: &Config, historical: bool, rate: Option<f64>) -> String {
    let max = facts.max_per_id.unwrap_or(0);
    let share_text = facts
        .hottest_share_percent()
        .map(|s| format!(", {} % of all events", tenths_fixed(s)))
        .unwrap_or_default();
    let rate_text = rate
        .map(|r| format!("about {} events/s on this one id at the peak", amount(r)))
        .unwrap_or_default();
    if historical {
        format!(
            "The busiest distinct_id has {} events{share_text} (threshold {} events{}{rate_text}). With historical_migration: true the events skip the overflow path, but the pipeline team may still spread an id this large over several partitions, so its events may be processed out of order.",
            group(max),
            group(config.hot_id_events),
            if rate.is_some() { "; " } else { "" },
        )
    } else if rate.is_some() {
        format!(
            "The busiest distinct_id has {} events{share_text}: {rate_text}, at or above the {} events/s one id may send on the live path before capture moves its surplus to the overflow path, where its events may be processed out of order.",
            group(max),
            amount(config.hot_id_rate),
        )
    } else {
        format!(
            "The busiest distinct_id has {} events{share_text} (threshold {} events while the peak rate or the total is unknown). The pipeline may relax \"one distinct_id, one partition\" for it, so its events may be processed out of order.",
            group(max),
            group(config.hot_id_events),
        )
    }
}

/// Identity and person events in the answers, a risk of their own with hot ids.
fn merge_events(a: &Answers, hot: bool, out: &mut Out) {
    let merges = a.merge_sensitive_chosen();
    if merges.is_empty() {
        return;
    }
    let noun = a.noun();
    let names = merges.join(", ");
    if hot {
        out.add(
            FindingId::MergesWithHotIds,
            "Merges with hot distinct_ids",
            format!("{names} {} in the {noun}; out-of-order processing can apply an alias before the identify it depends on, or an older $set after a newer one.", if merges.len() == 1 { "is" } else { "are" }),
            format!("Make sure the customer understands the risk before the {noun} starts."),
            Some("Send $identify and $create_alias events before the events that rely on them, in timestamp order; merges for your busiest ids may still be affected.".into()),
        );
    } else {
        out.add(
            FindingId::MergeSensitiveEvents,
            "Identity and person events",
            format!("{names} {} applied in ingestion order, not timestamp order.", if merges.len() == 1 { "is" } else { "are" }),
            "No action unless ids turn out to be hot; ask for events in timestamp order.",
            Some("Please send events in timestamp order, with identify and alias events before the events that rely on them.".into()),
        );
    }
}

/// The busiest ids' counts, or the event types, still to follow.
fn ids_and_events_unknown(a: &Answers, out: &mut Out) {
    let noun = a.noun();
    if a.ids_unknown {
        out.add(
            FindingId::DistinctIdsUnknown,
            "distinct_id counts to follow",
            "Without the busiest ids' counts nobody can tell whether partition locality will hold.",
            format!("Get the query's result before the {noun} starts."),
            Some(format!("Please run the events-per-distinct_id query and send us the top results before the {noun}.")),
        );
    }
    if a.events_not_sure {
        out.add(
            FindingId::EventTypesUnknown,
            "Event types not known yet",
            "Identity events ($identify, $create_alias) need more care than others.",
            format!("Ask which identity and person events the {noun} contains."),
            None,
        );
    }
}

fn historical_flag(a: &Answers, facts: &Facts, config: &Config, env: &Env, out: &mut Out) {
    if !a.includes_import() {
        return;
    }
    match a.historical_migration {
        Some(Tri::No) | Some(Tri::NotSure) => out.add(
            FindingId::NoHistoricalFlag,
            "historical_migration not set",
            "Without the flag, imported events share the live ingestion path and its overflow handling.",
            "Ask them to send with historical_migration: true.",
            Some("Please send with the batch envelope and \"historical_migration\": true, which routes the import away from live traffic.".into()),
        ),
        _ => {}
    }
    let reference = facts.start_utc.unwrap_or(env.now);
    if let Some(newest) = facts.newest {
        let newest_end = newest.midnight_utc() + SECS_PER_DAY;
        let cutoff = reference - config.historical_min_age_hours as i64 * SECS_PER_HOUR;
        if newest_end > cutoff {
            out.add(
                FindingId::RecentEvents,
                "Recent events in the import",
                format!(
                    "Events from {} will be less than {} h old when sent; the historical flag is ignored for them and they go through the live path.",
                    newest.short(),
                    config.historical_min_age_hours
                ),
                "Ask them to leave out the last two days, or send those through normal capture.",
                Some(format!(
                    "Events less than {} hours old are treated as live events, not as part of the import.",
                    config.historical_min_age_hours
                )),
            );
        }
    }
}

fn apps(a: &Answers, out: &mut Out) {
    let state = match a.apps {
        Some(Tri::Yes) => "enabled",
        Some(Tri::NotSure) => "possibly enabled",
        _ => return,
    };
    let names: Vec<String> = a
        .app_list
        .iter()
        .filter(|x| !x.name.trim().is_empty())
        .map(|x| {
            format!(
                "{} ({})",
                x.name.trim(),
                x.kind.label().to_ascii_lowercase()
            )
        })
        .collect();
    // The block lists them all in its summary; here ten say enough.
    let listed = match names.len() {
        0 => "Apps".to_string(),
        n if n > 10 => format!("{}, and {} more", names[..10].join(", "), n - 10),
        _ => names.join(", "),
    };
    out.add(
        FindingId::AppsEnabled,
        format!("Apps {state}"),
        format!("{listed}: transformations run on every event sent (cost, failures); destinations may fire for these events too."),
        format!("Review the apps with the customer before the {}.", a.noun()),
        Some(format!("Pause destinations during the {} or filter out its events, so they do not receive them.", a.noun())),
    );
}

fn rate_and_volume(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    if let Some(peak) = facts.peak_per_sec.filter(|p| *p > config.comfortable_rate) {
        out.add(
            FindingId::HighPeakRate,
            "High peak rate",
            format!(
                "{} events/s at peak is above the {} events/s the pipeline absorbs comfortably.",
                group(peak.round() as u64),
                group(config.comfortable_rate.round() as u64)
            ),
            format!("{} may need to scale up first: give them the date early.", crate::checklist::capitalise(&config.pipeline_team)),
            Some(format!(
                "Please keep the total rate across all workers below {} events per second unless we agree otherwise.",
                group(config.comfortable_rate.round() as u64)
            )),
        );
    }
    if let (Some(total), Some(expected)) = (facts.total_events, facts.expected_events) {
        let total = total as f64;
        if total > 0.0 && expected > 0.0 {
            let factor = (total / expected).max(expected / total);
            if factor > config.volume_mismatch_factor {
                out.add(
                    FindingId::VolumeMismatch,
                    "Volume does not add up",
                    format!(
                        "The rate profile sends about {} events over the duration, but the total is {} ({}× apart).",
                        group(expected.round() as u64),
                        group(total as u64),
                        tenths_fixed(factor)
                    ),
                    "Check the peak rate, the duration and the total with the customer.",
                    None,
                );
            }
        }
    }
    let at_once = sent_at_once(a, facts, config);
    if let (Some(how), Some(peak)) = (at_once, facts.peak_per_sec) {
        if peak >= config.no_ramp_rate && !out.0.iter().any(|f| f.id == FindingId::DenialOfService)
        {
            out.add(
                FindingId::NoRampUp,
                "No ramp-up",
                format!(
                    "{} events/s from the first minutes ({}) gives the pipeline no time to scale; a ramp-up shorter than {} counts as none.",
                    group(peak.round() as u64),
                    how.clause(),
                    minutes(config.min_ramp_minutes)
                ),
                "Ask for a ramp-up to the peak, e.g. over 30–60 minutes.",
                Some("Please ramp up to the peak rate over 30 to 60 minutes rather than starting at full speed.".into()),
            );
        }
    }
}

fn import_notes(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    if !a.includes_import() {
        return;
    }
    if let Some(total) = facts
        .total_events
        .filter(|t| *t >= config.large_import_events)
    {
        out.add(
            FindingId::LargeImport,
            "Large import",
            format!(
                "{} events is at or above {}: a commercial topic too.",
                group(total),
                group(config.large_import_events)
            ),
            "Loop in the account owner or sales.",
            None,
        );
    }
    out.add(
        FindingId::TestFirst,
        "Test with a small sample first",
        "Imports are not de-duplicated: a re-sent batch creates duplicate events.",
        "Ask for a test with about 10,000 events, checked in PostHog, before the full run.",
        Some("Please send about 10,000 events first and check them in PostHog; re-sending events creates duplicates, so keep track of what was sent.".into()),
    );
}
