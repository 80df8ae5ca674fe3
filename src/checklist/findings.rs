//! The risks the answers reveal, as the handbook page and the pipeline's limits define
//! them. Each finding says why it matters, what to do, and (where the page says so)
//! what to tell the customer.

use super::answers::{Answers, Ramp, Transport, Tri};
use super::config::Config;
use super::facts::{Env, Facts};
use super::numbers::{bytes, group, mib, minutes, plural, tenths, tenths_fixed};
use super::time::{
    amsterdam_abbreviation, amsterdam_offset_minutes, split, utc_to_local, Date, SECS_PER_DAY,
    SECS_PER_HOUR, SECS_PER_MIN,
};

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

/// Every finding for these answers, blocking first, then warnings, then notes (in rule
/// order within a severity).
pub fn findings(a: &Answers, facts: &Facts, config: &Config, env: &Env) -> Vec<Finding> {
    let mut out = Out(Vec::new());
    gate(a, &mut out);
    denial_of_service(a, facts, config, &mut out);
    request_sizes(a, facts, config, &mut out);
    load_test(a, config, &mut out);
    schedule(a, facts, config, env, &mut out);
    hot_ids(a, facts, config, &mut out);
    historical_flag(a, facts, config, env, &mut out);
    apps(a, &mut out);
    rate_and_volume(a, facts, config, &mut out);
    import_notes(a, facts, config, &mut out);
    super::sort_stable(&mut out.0, |f| f.severity as u64);
    out.0
}

fn gate(a: &Answers, out: &mut Out) {
    let mut open = Vec::new();
    if !a.product_questions_answered {
        open.push("their product questions are answered");
    }
    if !a.committed {
        open.push("they are committed (paying, or paying once the import is done)");
    }
    if !a.not_validating_with_import {
        open.push("they are not relying on the import to validate their use case");
    }
    if open.is_empty() {
        return;
    }
    out.add(
        FindingId::CommitmentGate,
        "Commitment not confirmed",
        "An import can cost the pipeline team considerable effort; it is wasted if the customer then decides PostHog is not a fit.",
        format!("Do not request the import yet. First confirm that {}.", open.join("; that ")),
        None,
    );
}

fn denial_of_service(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    let single = a.transport == Some(Transport::Single)
        || (a.includes_load_test() && a.load_transport == Some(Transport::Single));
    let all_at_once = a.ramp == Some(Ramp::AllAtOnce);
    let Some(peak) = facts.peak_per_sec else {
        return;
    };
    if single && all_at_once && peak >= config.dos_single_rate {
        let what = if a.includes_load_test() {
            "a load test"
        } else {
            "an import"
        };
        out.add(
            FindingId::DenialOfService,
            "All at once: closer to a denial of service",
            format!(
                "{} events/s of single capture requests from the first second, with no ramp-up, is not {what} but closer to a denial of service (threshold {} events/s).",
                group(peak.round() as u64),
                group(config.dos_single_rate.round() as u64)
            ),
            "Agree a ramp-up to the peak over a period (and /batch requests for imports) before going further.",
            Some("Please ramp up to the peak rate over a period of time instead of starting at full speed; sending everything at once looks like a denial-of-service attack to our ingestion and will be rate-limited.".into()),
        );
    }
}

fn request_sizes(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    if let Some(size) = facts
        .avg_event_bytes
        .filter(|b| *b >= config.event_cap_bytes as f64)
    {
        out.add(
            FindingId::EventTooLarge,
            "Events over the size limit",
            format!(
                "An average event of {} is over the limit of {} bytes per event; capture rejects such events.",
                bytes(size),
                group(config.event_cap_bytes)
            ),
            "Ask which properties make events this large and have them trimmed.",
            Some(format!(
                "Each event must stay under {} bytes; please drop or shorten the largest properties.",
                group(config.event_cap_bytes)
            )),
        );
    }
    let (cap, endpoint) = match a.transport {
        Some(Transport::Batch) => (config.batch_request_cap_bytes, "/batch"),
        Some(Transport::Single) => (config.single_request_cap_bytes, "single-event"),
        None => return,
    };
    if let Some(size) = facts.request_bytes.filter(|b| *b > cap as f64) {
        let fitting = facts
            .avg_event_bytes
            .map(|b| ((cap as f64 * 0.8) / b).floor().max(1.0) as u64);
        out.add(
            FindingId::RequestTooLarge,
            "Requests over the capture limit",
            format!(
                "Each {endpoint} request would be about {}, over capture's limit of {}; capture rejects the whole request.",
                bytes(size),
                mib(cap)
            ),
            match fitting {
                Some(n) if a.uses_batch() => format!("Ask for at most {} events per request (leaves 20 % headroom).", group(n)),
                _ => "Ask for smaller requests.".into(),
            },
            Some(format!("Please keep each request under {}; larger requests are rejected.", mib(cap))),
        );
    }
}

/// The banner the widget shows while the request includes a load test.
pub fn load_test_banner(config: &Config) -> String {
    format!(
        "alert {} now, even before every answer is in.",
        config.pipeline_team
    )
}

fn load_test(a: &Answers, config: &Config, out: &mut Out) {
    if a.includes_load_test() {
        out.add(
            FindingId::LoadTest,
            format!("Load test: alert {} now", config.pipeline_team),
            "A load test may need the pipeline to scale up; accommodations take time.",
            format!(
                "Send this request to {} as soon as possible, even before every answer is in.",
                config.pipeline_team
            ),
            None,
        );
    }
}

/// The pipeline team's window on a date, in UTC seconds.
fn window_on(date: Date, config: &Config) -> (i64, i64) {
    let noon = date.midnight_utc() + 12 * SECS_PER_HOUR;
    let offset = i64::from(amsterdam_offset_minutes(noon)) * SECS_PER_MIN;
    let start = date.midnight_utc() + i64::from(config.overlap_start_hour) * SECS_PER_HOUR - offset;
    let end = date.midnight_utc() + i64::from(config.overlap_end_hour) * SECS_PER_HOUR - offset;
    (start, end)
}

/// "09:00–17:00 CET (03:00–11:00 in America/New_York)".
pub fn window_text(a: &Answers, date: Date, config: &Config, env: &Env) -> String {
    let (start, end) = window_on(date, config);
    let zone = a.time_zone.trim();
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

/// Working days after `from` up to and including `to`, counted up to `limit`.
fn working_days_between(from: Date, to: Date, limit: u64) -> i64 {
    (from.days() + 1..=to.days())
        .filter(|d| !Date::from_days(*d).is_weekend())
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .count() as i64
}

fn schedule(a: &Answers, facts: &Facts, config: &Config, env: &Env, out: &mut Out) {
    let Some(start) = facts.start_utc else {
        return;
    };
    let start_ams = start + i64::from(amsterdam_offset_minutes(start)) * SECS_PER_MIN;
    let (ams_date, ams_time) = split(start_ams);
    let window = window_text(a, ams_date, config, env);
    let tell_window = format!(
        "Our pipeline team works {window}, Monday to Friday. Could the {} start within those hours?",
        a.noun()
    );
    if ams_date.is_weekend() {
        out.add(
            FindingId::ScheduleWeekend,
            "Starts on a weekend",
            format!(
                "It starts on {} (Amsterdam), when the pipeline team is off.",
                ams_date.long()
            ),
            "Ask to move it to a weekday with the most EU overlap.",
            Some(tell_window),
        );
    } else {
        let (win_start, win_end) = window_on(ams_date, config);
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
        } else if let Some(end) = facts.end_utc.filter(|e| *e > win_end) {
            let over = (end - win_end) as f64 / SECS_PER_MIN as f64;
            out.add(
                FindingId::ScheduleRunsLate,
                "Runs past EU working hours",
                format!(
                    "It starts inside the pipeline team's hours; the last {} run after {:02}:00 {}.",
                    minutes(over),
                    config.overlap_end_hour,
                    amsterdam_abbreviation(win_end)
                ),
                "Make sure someone can watch the tail end, or ask for an earlier start.",
                None,
            );
        }
    }
    let today = split(env.now).0;
    let notice = working_days_between(today, ams_date, config.lead_time_working_days);
    if start > env.now && notice < config.lead_time_working_days as i64 {
        out.add(
            FindingId::ShortNotice,
            "Short notice",
            format!(
                "It starts in {} working day{}; the pipeline team asks for {}.",
                notice,
                if notice == 1 { "" } else { "s" },
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

fn hot_ids(a: &Answers, facts: &Facts, config: &Config, out: &mut Out) {
    let merges = a.merge_sensitive_chosen();
    let share = facts.hottest_share_percent();
    let over_count = facts.max_per_id.is_some_and(|m| m >= config.hot_id_events);
    let over_share = share.is_some_and(|s| s >= config.hot_id_share_percent)
        && facts.max_per_id.is_some_and(|m| m >= 1_000);
    let hot = over_count || over_share;
    if hot {
        let max = facts.max_per_id.unwrap_or(0);
        let share_text = share
            .map(|s| format!(", {} % of all events", tenths_fixed(s)))
            .unwrap_or_default();
        out.add(
            FindingId::HotDistinctIds,
            "Hot distinct_ids",
            format!(
                "The busiest distinct_id has {} events{share_text} (thresholds: {} events or {} %). The pipeline may relax \"one distinct_id, one partition\" for it, so its events may be processed out of order.",
                group(max),
                group(config.hot_id_events),
                tenths(config.hot_id_share_percent)
            ),
            "Tell the customer (below) and ask whether order matters for these ids; the pipeline team may plan partitions for them.",
            Some("Events for your busiest distinct_ids may be processed out of order. Where order matters, send events in timestamp order and spread very busy ids over time.".into()),
        );
    }
    if !merges.is_empty() {
        let names = merges.join(", ");
        if hot {
            out.add(
                FindingId::MergesWithHotIds,
                "Merges with hot distinct_ids",
                format!("{names} {} in the import; out-of-order processing can apply an alias before the identify it depends on, or an older $set after a newer one.", if merges.len() == 1 { "is" } else { "are" }),
                "Make sure the customer understands the risk before the import starts.",
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
    if a.ids_unknown {
        out.add(
            FindingId::DistinctIdsUnknown,
            "distinct_id counts to follow",
            "Without the busiest ids' counts nobody can tell whether partition locality will hold.",
            "Get the query's result before the import starts.",
            Some("Please run the events-per-distinct_id query and send us the top results before the import.".into()),
        );
    }
    if a.events_not_sure {
        out.add(
            FindingId::EventTypesUnknown,
            "Event types not known yet",
            "Identity events ($identify, $create_alias) need more care than others.",
            "Ask which identity and person events the import contains.",
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
            format!("{} may need to scale up first: give them the date early.", super::capitalise(&config.pipeline_team)),
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
    if a.ramp == Some(Ramp::AllAtOnce)
        && !out.0.iter().any(|f| f.id == FindingId::DenialOfService)
        && facts.peak_per_sec.is_some()
    {
        out.add(
            FindingId::NoRampUp,
            "No ramp-up",
            "Starting at full rate gives the pipeline no time to scale.",
            "Ask for a ramp-up to the peak, e.g. over 30–60 minutes.",
            Some("Please ramp up to the peak rate over 30 to 60 minutes rather than starting at full speed.".into()),
        );
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
