//! Numbers derived from the parsed answers once, for validation, findings and the
//! request block: the schedule in UTC, rates per second, request sizes, the ramp-up
//! profile.

use crate::checklist::questions::answers::{Answers, Ramp, Region, Transport};
use crate::checklist::questions::lists::TopIdRead;
use crate::checklist::questions::parse::{Parsed, Value};
use crate::checklist::questions::Field as F;
use crate::checklist::schedule::time::{local_to_utc, Date, Env, Time, SECS_PER_MIN};

/// One point of the ramp-up: from `after_min` minutes on, `per_sec` events per second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RampPoint {
    pub after_min: f64,
    pub per_sec: f64,
}

/// The busiest distinct_ids the request block lists, the pictures draw and a prefilled
/// link carries (the block counts the rest; Download JSON keeps them all).
pub const TOP_IDS_SHOWN: usize = 10;

/// Ten years: a longer sending window is a typo (validation says so), not a schedule.
pub const MAX_DURATION_MIN: f64 = 10.0 * 365.0 * 1_440.0;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// The customer's time zone, when the zone database knows it.
    pub zone: Option<String>,
    /// The conversation link, when it is a plain http(s) link (`parse::link_problem`).
    pub conversation_link: Option<String>,
    /// The project in PostHog, for the pipeline team to open: see [`project_link`].
    pub project_link: Option<String>,
    pub start_date: Option<Date>,
    pub start_time: Option<Time>,
    /// Start and end of the sending window, UTC seconds.
    pub start_utc: Option<i64>,
    pub end_utc: Option<i64>,
    pub duration_min: Option<f64>,
    pub peak_per_sec: Option<f64>,
    pub total_events: Option<u64>,
    /// The larger of the "most events for one id" answer and the top-ids table.
    pub max_per_id: Option<u64>,
    pub events_per_request: Option<u64>,
    pub avg_event_bytes: Option<f64>,
    /// The largest event, in bytes (never below the average when both are known).
    pub max_event_bytes: Option<f64>,
    /// Bytes of one request: events per request × the average event for `/batch`; for
    /// single-event requests the request is the event, so the largest one (else the
    /// average).
    pub request_bytes: Option<f64>,
    pub oldest: Option<Date>,
    /// The small test run's date.
    pub test_run: Option<Date>,
    pub newest: Option<Date>,
    pub load_concurrency: Option<u64>,
    /// The import's concurrent senders.
    pub sender_concurrency: Option<u64>,
    /// The distinct_ids the load test's script uses.
    pub load_ids: Option<u64>,
    /// The share of the load test's events on its busiest distinct_id, in percent.
    pub load_busiest_share: Option<f64>,
    /// The load test's busiest distinct_id's events: its share of the test's events, or
    /// the events spread evenly over the script's ids when no share is given.
    pub load_max_per_id: Option<u64>,
    /// Requests per second at the peak: the peak over the events per request.
    pub requests_per_sec: Option<f64>,
    /// How many workers or clients send at once: the load test's clients, else the
    /// import's concurrent senders.
    pub concurrency: Option<u64>,
    /// Top distinct_ids with parsed counts, most events first; ids without a name are
    /// left out.
    pub top_ids: Vec<(String, Option<u64>)>,
    /// The ramp-up as points, ending at the peak; empty when unknown.
    pub ramp: Vec<RampPoint>,
    /// Minutes until the peak rate is reached.
    pub ramp_to_peak_min: Option<f64>,
    /// Events the rate profile sends over the duration.
    pub expected_events: Option<f64>,
}

/// The rows of the top-ids list that name a distinct_id, busiest first, by their index
/// in the list, with their counts. Rows whose count cannot be read come last; equal
/// counts keep the customer's order.
pub fn busiest_rows(rows: &[TopIdRead]) -> Vec<(usize, Option<u64>)> {
    let mut out: Vec<(usize, Option<u64>)> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.id.is_empty())
        .map(|(r, row)| (r, row.events.value()))
        .collect();
    crate::checklist::sort_stable(&mut out, |(_, n)| n.map_or(u64::MAX, |n| u64::MAX - 1 - n));
    out
}

/// The project's page in PostHog, built from the region and the project ID (a number),
/// never from typed text: `https://eu.posthog.com/project/12345`. None for self-hosted
/// or an ID of more than 12 digits.
pub fn project_link(region: Option<Region>, id: Option<u64>) -> Option<String> {
    let id = id.filter(|n| *n < 1_000_000_000_000)?;
    let host = match region? {
        Region::Us => "us",
        Region::Eu => "eu",
        Region::SelfHosted => return None,
    };
    Some(format!("https://{host}.posthog.com/project/{id}"))
}

/// The busiest distinct_ids pasted (id and count, busiest first), and the most events on
/// one id: the answer or the table's largest count, whichever is larger (none when the
/// reader does not know).
fn busiest_ids(a: &Answers, p: &Parsed) -> (Vec<(String, Option<u64>)>, Option<u64>) {
    let top_ids: Vec<(String, Option<u64>)> = busiest_rows(&p.top_ids)
        .into_iter()
        .filter_map(|(r, n)| Some((p.top_ids.get(r)?.id.clone(), n)))
        .collect();
    let (answered, from_table) = if a.ids_unknown {
        (None, None)
    } else {
        (
            p.count(F::MaxEventsPerId),
            top_ids.iter().filter_map(|(_, n)| *n).max(),
        )
    };
    (top_ids, answered.max(from_table))
}

impl Facts {
    pub fn derive(a: &Answers, p: &Parsed, env: &Env) -> Facts {
        let start_date = p.date(F::StartDate);
        let start_time = p.time(F::StartTime);
        let zone = p.zone(F::TimeZone).map(str::to_string);
        let start_utc = match (start_date, start_time, zone.as_deref()) {
            (Some(d), Some(t), Some(z)) => local_to_utc(env.zones, z, d, t),
            _ => None,
        };
        // Both already in their base units (minutes, events per second).
        let duration_min = p
            .amount(F::Duration)
            .filter(|m| *m > 0.0 && *m <= MAX_DURATION_MIN);
        let end_utc = match (start_utc, duration_min) {
            (Some(s), Some(m)) => s.checked_add((m * SECS_PER_MIN as f64).round() as i64),
            _ => None,
        };
        let peak_per_sec = p.amount(F::PeakRate).filter(|r| *r > 0.0);

        let (top_ids, max_per_id) = busiest_ids(a, p);

        let events_per_request = match a.transport {
            Some(Transport::Single) => Some(1),
            Some(Transport::Batch) => p.count(F::EventsPerRequest),
            None => None,
        };
        let avg_event_bytes = p.amount(F::AvgEventBytes).filter(|b| *b > 0.0);
        let max_event_bytes = p
            .amount(F::MaxEventBytes)
            .filter(|b| *b > 0.0)
            .map(|b| avg_event_bytes.map_or(b, |avg| b.max(avg)));
        let request_bytes = match (a.transport, events_per_request, avg_event_bytes) {
            (Some(Transport::Single), _, _) => max_event_bytes.or(avg_event_bytes),
            (_, Some(n), Some(b)) => Some(n as f64 * b),
            _ => None,
        };

        let (ramp, ramp_to_peak_min) = ramp_profile(a, p, peak_per_sec);
        let linear = a.ramp == Some(Ramp::Linear);
        let expected_events = match (peak_per_sec, duration_min) {
            (Some(_), Some(d)) if !ramp.is_empty() => Some(events_sent(&ramp, d, linear)),
            (Some(p), Some(d)) => Some(p * d * 60.0),
            _ => None,
        };

        let link = (p.get(F::ConversationUrl) == &Value::Text)
            .then(|| a.conversation_url.trim().to_string());
        Facts {
            zone,
            conversation_link: link,
            project_link: project_link(a.region, p.count(F::ProjectId)),
            start_date,
            start_time,
            start_utc,
            end_utc,
            duration_min,
            peak_per_sec,
            total_events: p.count(F::TotalEvents),
            max_per_id,
            events_per_request,
            avg_event_bytes,
            max_event_bytes,
            request_bytes,
            oldest: p.date(F::OldestEvent),
            test_run: p.date(F::TestRunDate).filter(|_| a.includes_import()),
            newest: p.date(F::NewestEvent),
            load_concurrency: p.count(F::LoadConcurrency),
            sender_concurrency: p
                .count(F::SenderConcurrency)
                .filter(|_| a.includes_import()),
            load_ids: p
                .count(F::LoadDistinctIds)
                .filter(|_| a.includes_load_test()),
            load_busiest_share: p
                .amount(F::LoadBusiestShare)
                .filter(|_| a.includes_load_test()),
            load_max_per_id: load_busiest(
                a,
                p,
                p.count(F::TotalEvents)
                    .map(|t| t as f64)
                    .or(expected_events),
            ),
            requests_per_sec: match (peak_per_sec, events_per_request) {
                (Some(r), Some(n)) if n > 0 => Some(r / n as f64),
                _ => None,
            },
            // The load test's clients where one is planned, else the import's senders.
            concurrency: p
                .count(F::LoadConcurrency)
                .filter(|_| a.includes_load_test())
                .or_else(|| {
                    p.count(F::SenderConcurrency)
                        .filter(|_| a.includes_import())
                }),
            top_ids,
            ramp,
            ramp_to_peak_min,
            expected_events,
        }
    }

    /// Events per second on the hottest distinct_id at the peak: its share of all
    /// events times the peak rate (events of one id are assumed spread like the rest).
    pub fn hottest_rate_at_peak(&self) -> Option<f64> {
        match (self.max_per_id, self.total_events, self.peak_per_sec) {
            (Some(m), Some(t), Some(p)) if t > 0 => Some(m.min(t) as f64 / t as f64 * p),
            _ => None,
        }
    }

    /// The rate of the profile's first point: the peak when "all at once" was chosen,
    /// the first step's rate for steps, 0 for a linear ramp. `None` without a peak
    /// rate or a profile. (Whether a ramp counts as "at once" is a rule's judgement:
    /// `rules::rate::sent_at_once`.)
    pub fn first_step_rate(&self) -> Option<f64> {
        self.ramp.first().map(|p| p.per_sec)
    }

    /// The largest event to hold against the event cap: the largest, else the average.
    pub fn largest_event_bytes(&self) -> Option<f64> {
        self.max_event_bytes.or(self.avg_event_bytes)
    }

    /// Share of all events held by the hottest distinct_id, in percent.
    pub fn hottest_share_percent(&self) -> Option<f64> {
        match (self.max_per_id, self.total_events) {
            (Some(m), Some(t)) if t > 0 => Some(m as f64 * 100.0 / t as f64),
            _ => None,
        }
    }
}

/// The load test's busiest distinct_id's events: `share` % of the test's events when
/// the share is given, else the events spread evenly over the script's ids.
fn load_busiest(a: &Answers, p: &Parsed, events: Option<f64>) -> Option<u64> {
    if !a.includes_load_test() {
        return None;
    }
    let events = events.filter(|e| *e > 0.0)?;
    let busiest = match p.amount(F::LoadBusiestShare) {
        Some(share) => events * share.min(100.0) / 100.0,
        None => events / p.count(F::LoadDistinctIds).filter(|n| *n > 0)? as f64,
    };
    Some(busiest.round() as u64)
}

/// The ramp-up as points (rates per second). Linear ramps are shown as four equal
/// steps up to the peak; step ramps are the reader's steps, sorted by time.
fn ramp_profile(a: &Answers, p: &Parsed, peak: Option<f64>) -> (Vec<RampPoint>, Option<f64>) {
    let Some(peak) = peak else {
        return (Vec::new(), None);
    };
    match a.ramp {
        Some(Ramp::AllAtOnce) => (
            vec![RampPoint {
                after_min: 0.0,
                per_sec: peak,
            }],
            Some(0.0),
        ),
        Some(Ramp::Linear) => match p.amount(F::RampMinutes).filter(|m| *m > 0.0) {
            Some(minutes) => {
                let points = (0..=4)
                    .map(|i| RampPoint {
                        after_min: minutes * f64::from(i) / 4.0,
                        per_sec: peak * f64::from(i) / 4.0,
                    })
                    .collect();
                (points, Some(minutes))
            }
            None => (Vec::new(), None),
        },
        Some(Ramp::Steps) => {
            let mut points: Vec<RampPoint> = p
                .ramp_steps
                .iter()
                .filter_map(|step| {
                    Some(RampPoint {
                        after_min: step.after_minutes.value().unwrap_or(0.0),
                        per_sec: a.rate_unit.per_second(step.rate.value()?),
                    })
                })
                .collect();
            // Non-negative floats order as their bits.
            crate::checklist::sort_stable(&mut points, |p| p.after_min.max(0.0).to_bits());
            let to_peak = points
                .iter()
                .find(|p| p.per_sec >= peak)
                .map(|p| p.after_min);
            (points, to_peak)
        }
        None => (Vec::new(), None),
    }
}

/// Events sent over `duration_min` minutes following the ramp: each point's rate holds
/// until the next point, or, for a linear ramp, rises evenly to it.
fn events_sent(ramp: &[RampPoint], duration_min: f64, linear: bool) -> f64 {
    let mut total = 0.0;
    for (i, p) in ramp.iter().enumerate() {
        let from = p.after_min.min(duration_min);
        let to = ramp
            .get(i + 1)
            .map_or(duration_min, |n| n.after_min.min(duration_min));
        let rate = match ramp.get(i + 1) {
            Some(next) if linear => (p.per_sec + next.per_sec) / 2.0,
            _ => p.per_sec,
        };
        total += rate * (to - from).max(0.0) * 60.0;
    }
    total
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checklist::questions::answers::{DurationUnit, RateUnit};
    use crate::checklist::questions::lists::{RampStep, TopId};
    use crate::checklist::schedule::time::BuiltinZones;

    pub(crate) fn env() -> Env<'static> {
        Env {
            now: 0,
            zones: &BuiltinZones,
        }
    }

    /// The facts of some answers, read at the Unix epoch with the built-in zones (the
    /// pictures' tests use it too).
    pub(crate) fn derive(a: &Answers) -> Facts {
        Facts::derive(a, &Parsed::new(a, &env()), &env())
    }

    #[test]
    fn schedule_converts_to_utc_and_adds_the_duration() {
        let a = Answers {
            start_date: "2026-12-08".into(),
            start_time: "03:00".into(),
            time_zone: "America/New_York".into(),
            duration: "10".into(),
            duration_unit: DurationUnit::Hours,
            ..Answers::default()
        };
        let f = derive(&a);
        let start = Date::parse("2026-12-08").unwrap().midnight_utc() + 8 * 3_600;
        assert_eq!(f.start_utc, Some(start));
        assert_eq!(f.end_utc, Some(start + 10 * 3_600));
    }

    #[test]
    fn rates_and_sizes_are_normalised() {
        let a = Answers {
            peak_rate: "300k".into(),
            rate_unit: RateUnit::PerMinute,
            transport: Some(Transport::Batch),
            events_per_request: "1,000".into(),
            avg_event_bytes: "1.2k".into(),
            ..Answers::default()
        };
        let f = derive(&a);
        assert_eq!(f.peak_per_sec, Some(5_000.0));
        assert_eq!(f.request_bytes, Some(1_200_000.0));
    }

    #[test]
    fn a_single_event_request_is_its_largest_event() {
        let mut a = Answers {
            transport: Some(Transport::Single),
            avg_event_bytes: "1,000".into(),
            ..Answers::default()
        };
        assert_eq!(derive(&a).request_bytes, Some(1_000.0));
        a.max_event_bytes = "50k".into();
        let f = derive(&a);
        assert_eq!(f.request_bytes, Some(50_000.0));
        assert_eq!(f.largest_event_bytes(), Some(50_000.0));
        // A batch request is built from average events.
        a.transport = Some(Transport::Batch);
        a.events_per_request = "10".into();
        assert_eq!(derive(&a).request_bytes, Some(10_000.0));
        // A "largest" below the average is read as the average (validation says so).
        a.max_event_bytes = "10".into();
        assert_eq!(derive(&a).max_event_bytes, Some(1_000.0));
    }

    #[test]
    fn the_hottest_ids_rate_at_the_peak_is_its_share_of_the_peak() {
        let mut a = Answers {
            total_events: "10,000".into(),
            max_events_per_id: "1,000".into(),
            peak_rate: "30k".into(),
            rate_unit: RateUnit::PerMinute,
            ..Answers::default()
        };
        assert_eq!(derive(&a).hottest_rate_at_peak(), Some(50.0));
        a.peak_rate = String::new();
        assert_eq!(derive(&a).hottest_rate_at_peak(), None);
        // How many send at once: the import's senders.
        assert_eq!(derive(&a).concurrency, None);
        a.kind = Some(crate::checklist::questions::answers::Kind::Import);
        a.sender_concurrency = "8".into();
        assert_eq!(derive(&a).concurrency, Some(8));
    }

    #[test]
    fn hottest_id_comes_from_the_answer_or_the_table() {
        let mut a = Answers {
            total_events: "1M".into(),
            max_events_per_id: "1,000".into(),
            top_ids: vec![
                TopId {
                    distinct_id: "b".into(),
                    events: "500".into(),
                },
                TopId {
                    distinct_id: "a".into(),
                    events: "250k".into(),
                },
                TopId {
                    distinct_id: " ".into(),
                    events: "900k".into(),
                },
            ],
            ..Answers::default()
        };
        let f = derive(&a);
        assert_eq!(f.max_per_id, Some(250_000));
        assert_eq!(f.top_ids[0], ("a".to_string(), Some(250_000)));
        assert_eq!(f.hottest_share_percent(), Some(25.0));
        a.ids_unknown = true;
        assert_eq!(derive(&a).max_per_id, None);
    }

    #[test]
    fn ramp_profiles_and_expected_volume() {
        let mut a = Answers {
            peak_rate: "1000".into(),
            duration: "2".into(),
            duration_unit: DurationUnit::Hours,
            ramp: Some(Ramp::Linear),
            ramp_minutes: "60".into(),
            ..Answers::default()
        };
        let f = derive(&a);
        assert_eq!(f.ramp.len(), 5);
        assert_eq!(f.ramp_to_peak_min, Some(60.0));
        // Half an hour's worth is lost to the linear ramp: 1,000/s × 90 min.
        assert_eq!(f.expected_events, Some(1_000.0 * 90.0 * 60.0));

        a.ramp = Some(Ramp::Steps);
        a.ramp_steps = vec![
            RampStep {
                after_minutes: "30".into(),
                rate: "1000".into(),
            },
            RampStep {
                after_minutes: "0".into(),
                rate: "500".into(),
            },
        ];
        let f = derive(&a);
        assert_eq!(f.ramp[0].per_sec, 500.0);
        assert_eq!(f.ramp_to_peak_min, Some(30.0));
        assert_eq!(
            f.expected_events,
            Some((500.0 * 30.0 + 1_000.0 * 90.0) * 60.0)
        );

        a.ramp = Some(Ramp::AllAtOnce);
        let f = derive(&a);
        assert_eq!(f.expected_events, Some(1_000.0 * 120.0 * 60.0));
    }
}
