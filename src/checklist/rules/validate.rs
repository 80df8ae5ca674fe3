//! What is wrong with the answers and how to fix it: the reading errors of every
//! question that applies (from `parse.rs`), then the checks that compare answers with
//! each other, then the required answers still missing. Nothing here changes the
//! answers; an invalid value stays as typed.

use crate::checklist::block::escape::CODE_MAX;
use crate::checklist::questions::answers::Answers;
use crate::checklist::questions::answers::CellKind;
use crate::checklist::questions::lists::ReadCell;
use crate::checklist::questions::numbers::group;
use crate::checklist::questions::parse::Parsed;
use crate::checklist::questions::{too_long, Field, Input, Question, QUESTIONS};
use crate::checklist::rules::facts::{Facts, MAX_DURATION_MIN};
use crate::checklist::schedule::time::Env;
use crate::checklist::schedule::time::{split, utc_to_local, Date};

pub use crate::checklist::questions::parse::is_web_link;

/// A problem with one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
    /// True when the only problem is that a required answer is missing: the widget
    /// shows these once the field was touched or the reader tries to copy.
    pub missing: bool,
    /// A number that reads two ways: the text rewritten each way, to pick one. The
    /// widget asks at once.
    pub choices: Vec<String>,
}

/// What a cross-field check sees.
struct Seen<'a> {
    a: &'a Answers,
    p: &'a Parsed,
    facts: &'a Facts,
    env: &'a Env<'a>,
}

/// A cross-field check: the field it blames and why, or nothing.
type CrossCheck = fn(&Seen) -> Option<(Field, String)>;

/// The checks that compare answers with each other or with today. Each looks at the
/// parsed values and returns the field it blames and why.
const CROSS_CHECKS: &[CrossCheck] = &[
    start_in_the_past,
    newest_before_oldest,
    newest_in_the_future,
    more_for_one_id_than_in_all,
    largest_event_below_the_average,
    duration_over_ten_years,
    ramp_longer_than_the_run,
    test_run_not_before_the_start,
    newest_after_the_start,
    share_over_a_hundred,
];

/// All problems, in form order: invalid values, then for each required question that
/// applies but has no answer, a "missing" entry.
pub fn validate(a: &Answers, p: &Parsed, facts: &Facts, env: &Env) -> Vec<FieldError> {
    let mut out = Vec::new();
    let invalid = |field: Field, message: String| FieldError {
        field,
        message,
        missing: false,
        choices: Vec::new(),
    };
    for q in QUESTIONS.iter().filter(|q| q.field.applies(a)) {
        if let Some(message) = p.error(q.field) {
            out.push(FieldError {
                choices: p.choices(q.field).to_vec(),
                ..invalid(q.field, message.to_string())
            });
        }
    }
    for q in QUESTIONS.iter().filter(|q| q.field.applies(a)) {
        if let Some(message) = length_problem(q, a) {
            out.push(invalid(q.field, message));
        }
    }
    let lists = [
        (Field::TopIds, top_id_problems(p, facts)),
        (Field::RampSteps, step_problems(a, p, facts)),
    ];
    for (field, problems) in lists {
        if field.applies(a) && !problems.is_empty() {
            let message = crate::checklist::capitalise(&problems.join("; "));
            out.push(invalid(field, message));
        }
    }
    let seen = Seen { a, p, facts, env };
    for check in CROSS_CHECKS {
        if let Some((field, message)) = check(&seen) {
            out.push(invalid(field, message));
        }
    }
    for q in QUESTIONS {
        if q.field.is_required(a) && !q.field.is_answered(a) {
            out.push(FieldError {
                field: q.field,
                message: q.missing.into(),
                missing: true,
                choices: Vec::new(),
            });
        }
    }
    // Stable: within a field, the order above (reading errors before cross checks).
    crate::checklist::sort_stable(&mut out, |e| (e.field as u64) * 2 + u64::from(e.missing));
    out
}

/// Free text, a list's text cells or an event name longer than the block shows.
fn length_problem(q: &Question, a: &Answers) -> Option<String> {
    let stored = q.field.stored(a);
    // A link's length is one of its reading errors (`parse::link_problem`).
    if q.input.is_free_text() && q.input != Input::Url {
        return too_long(&stored.text(), q.input.max_chars());
    }
    if let Some(rows) = stored.rows() {
        let spec = rows.spec();
        let mut problems = Vec::new();
        for row in 0..rows.len() {
            for (c, column) in spec.columns.iter().enumerate() {
                if matches!(column.kind, CellKind::Text) {
                    if let Some(m) = too_long(&rows.cell(row, c), CODE_MAX) {
                        problems.push(format!("{} {}, {}: {m}", spec.noun, row + 1, column.label));
                    }
                }
            }
        }
        return problems
            .into_iter()
            .next()
            .map(|m| crate::checklist::capitalise(&m));
    }
    let names = stored.names()?;
    names
        .iter()
        .find_map(|name| too_long(name, CODE_MAX))
        .map(|m| format!("An event name is {m}"))
}

/// "Row 2: Enter a number…; row 3: the distinct_id is empty" for the distinct_id rows.
fn top_id_problems(p: &Parsed, facts: &Facts) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, row) in p.top_ids.iter().enumerate() {
        let n = i + 1;
        match &row.events {
            ReadCell::Invalid(e) => problems.push(format!("row {n}: {e}")),
            ReadCell::Value(_) if row.id.is_empty() => {
                problems.push(format!("row {n}: the distinct_id is empty"))
            }
            ReadCell::Value(c) if facts.total_events.is_some_and(|t| *c > t) => {
                problems.push(format!("row {n}: {}", over_total(*c, facts)))
            }
            _ => {}
        }
    }
    problems
}

/// "Step 2: rate: Enter a number…; step 3: the rate is above the peak rate".
fn step_problems(a: &Answers, p: &Parsed, facts: &Facts) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, step) in p.ramp_steps.iter().enumerate() {
        let n = i + 1;
        if let ReadCell::Invalid(e) = &step.after_minutes {
            problems.push(format!("step {n}: minutes: {e}"));
        }
        match &step.rate {
            ReadCell::Invalid(e) => problems.push(format!("step {n}: rate: {e}")),
            ReadCell::Value(r) => {
                let per_sec = a.rate_unit.per_second(*r);
                if facts
                    .peak_per_sec
                    .is_some_and(|peak| per_sec > peak * 1.000_001)
                {
                    problems.push(format!("step {n}: the rate is above the peak rate"));
                }
            }
            _ => {}
        }
    }
    problems
}

/// The reader's "today" in the customer's zone (UTC when the zone is unknown).
fn today_in(facts: &Facts, env: &Env) -> Date {
    utc_to_local(env.zones, facts.zone.as_deref().unwrap_or(""), env.now)
        .map(|(d, _)| d)
        .unwrap_or_else(|| split(env.now).0)
}

fn start_in_the_past(s: &Seen) -> Option<(Field, String)> {
    // An unknown zone has no "today" to judge by.
    if s.p.error(Field::TimeZone).is_some() {
        return None;
    }
    let date = s.facts.start_date?;
    let today = today_in(s.facts, s.env);
    if date < today {
        let message = format!(
            "{} is in the past (today is {}).",
            date.long(),
            today.long()
        );
        return Some((Field::StartDate, message));
    }
    // Today, but at a time already gone: the start instant is before now.
    s.facts.start_utc.filter(|t| *t < s.env.now)?;
    let time = s.facts.start_time?;
    let now = utc_to_local(
        s.env.zones,
        s.facts.zone.as_deref().unwrap_or(""),
        s.env.now,
    )
    .map(|(_, t)| t.to_string())
    .unwrap_or_else(|| split(s.env.now).1.to_string());
    Some((
        Field::StartTime,
        format!("{time} today is in the past (it is {now} now in that time zone)."),
    ))
}

fn newest_before_oldest(s: &Seen) -> Option<(Field, String)> {
    let (o, n) = (s.facts.oldest?, s.facts.newest?);
    (s.a.includes_import() && n < o).then(|| {
        let message = format!(
            "The newest event ({}) is before the oldest ({}).",
            n.short(),
            o.short()
        );
        (Field::NewestEvent, message)
    })
}

fn newest_in_the_future(s: &Seen) -> Option<(Field, String)> {
    let n = s.facts.newest?;
    (s.a.includes_import() && n > today_in(s.facts, s.env)).then(|| {
        let message = format!(
            "{} is in the future: historical events have already happened.",
            n.short()
        );
        (Field::NewestEvent, message)
    })
}

fn more_for_one_id_than_in_all(s: &Seen) -> Option<(Field, String)> {
    let max = s.p.count(Field::MaxEventsPerId)?;
    let total = s.facts.total_events?;
    (!s.a.ids_unknown && max > total).then(|| (Field::MaxEventsPerId, over_total(max, s.facts)))
}

/// "2,400,000 events for one distinct_id is more than the 1,000,000 total events."
fn over_total(n: u64, facts: &Facts) -> String {
    format!(
        "{} events for one distinct_id is more than the {} total events.",
        group(n),
        group(facts.total_events.unwrap_or_default())
    )
}

fn largest_event_below_the_average(s: &Seen) -> Option<(Field, String)> {
    let largest = s.p.amount(Field::MaxEventBytes)?;
    let average = s.p.amount(Field::AvgEventBytes)?;
    (largest < average).then(|| {
        let message = format!(
            "Smaller than the average event ({} bytes): the largest event is at least the average.",
            group(average.round() as u64)
        );
        (Field::MaxEventBytes, message)
    })
}

fn duration_over_ten_years(s: &Seen) -> Option<(Field, String)> {
    let minutes = s.p.amount(Field::Duration)?;
    (minutes > MAX_DURATION_MIN).then(|| {
        let message = "That is over ten years: check the number and its unit.";
        (Field::Duration, message.to_string())
    })
}

fn ramp_longer_than_the_run(s: &Seen) -> Option<(Field, String)> {
    let ramp = s.p.amount(Field::RampMinutes)?;
    let run = s.facts.duration_min?;
    (Field::RampMinutes.applies(s.a) && ramp > run).then(|| {
        let message = "The ramp-up is longer than the whole sending window.";
        (Field::RampMinutes, message.to_string())
    })
}

fn test_run_not_before_the_start(s: &Seen) -> Option<(Field, String)> {
    let (test, start) = (s.facts.test_run?, s.facts.start_date?);
    (test >= start).then(|| {
        let message = format!(
            "The small test run ({}) is on or after the start ({}): it comes before the full {}.",
            test.short(),
            start.short(),
            s.a.noun()
        );
        (Field::TestRunDate, message)
    })
}

fn newest_after_the_start(s: &Seen) -> Option<(Field, String)> {
    let (newest, start) = (s.facts.newest?, s.facts.start_date?);
    (s.a.includes_import() && newest > start).then(|| {
        let message = format!(
            "The newest event ({}) is after the start ({}): an import sends events that have already happened.",
            newest.short(),
            start.short()
        );
        (Field::NewestEvent, message)
    })
}

fn share_over_a_hundred(s: &Seen) -> Option<(Field, String)> {
    let share = s.p.amount(Field::LoadBusiestShare)?;
    (share > 100.0).then(|| {
        let message = "A share is at most 100 %.".to_string();
        (Field::LoadBusiestShare, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::{Kind, Ramp, Transport};
    use crate::checklist::questions::lists::{RampStep, TopId};
    use crate::checklist::schedule::time::BuiltinZones;

    /// 2026-11-26 12:00 UTC.
    const NOW: i64 = 1_795_694_400;

    fn env() -> Env<'static> {
        Env {
            now: NOW,
            zones: &BuiltinZones,
        }
    }

    fn errors(a: &Answers) -> Vec<FieldError> {
        let p = Parsed::new(a, &env());
        validate(a, &p, &Facts::derive(a, &p, &env()), &env())
    }

    fn message(a: &Answers, field: Field) -> Option<String> {
        errors(a)
            .into_iter()
            .find(|e| e.field == field && !e.missing)
            .map(|e| e.message)
    }

    #[test]
    fn now_constant_is_the_documented_instant() {
        assert_eq!(
            crate::checklist::schedule::time::split(NOW).0.to_string(),
            "2026-11-26"
        );
    }

    #[test]
    fn empty_answers_only_miss_required_ones() {
        let errs = errors(&Answers::default());
        assert!(errs.iter().all(|e| e.missing));
        assert!(errs.iter().any(|e| e.field == Field::Customer));
        assert!(!errs.iter().any(|e| e.field == Field::Organization));
    }

    #[test]
    fn invalid_values_say_what_to_fix_and_stay() {
        let a = Answers {
            total_events: "lots".into(),
            start_date: "2026-11-25".into(),
            time_zone: "Mars/Base".into(),
            conversation_url: "zendesk ticket 42".into(),
            ..Answers::default()
        };
        assert!(message(&a, Field::TotalEvents).unwrap().contains("250k"));
        assert!(message(&a, Field::TimeZone).unwrap().contains("Mars/Base"));
        assert!(message(&a, Field::ConversationUrl)
            .unwrap()
            .contains("https://"));
        // Unknown zone: the date is not judged against a "today" we cannot know.
        assert_eq!(message(&a, Field::StartDate), None);
        let a = Answers {
            time_zone: "UTC".into(),
            ..a
        };
        assert!(message(&a, Field::StartDate)
            .unwrap()
            .contains("in the past"));
        assert_eq!(a.total_events, "lots");
    }

    #[test]
    fn today_is_not_in_the_past() {
        let a = Answers {
            start_date: "2026-11-26".into(),
            time_zone: "UTC".into(),
            ..Answers::default()
        };
        assert_eq!(message(&a, Field::StartDate), None);
    }

    #[test]
    fn a_start_earlier_today_is_in_the_past() {
        // Now is 12:00 UTC, 13:00 in Berlin.
        let mut a = Answers {
            start_date: "2026-11-26".into(),
            start_time: "12:59".into(),
            time_zone: "Europe/Berlin".into(),
            ..Answers::default()
        };
        assert_eq!(
            message(&a, Field::StartTime).as_deref(),
            Some("12:59 today is in the past (it is 13:00 now in that time zone).")
        );
        a.start_time = "13:00".into();
        assert_eq!(message(&a, Field::StartTime), None);
        a.start_time = "13:01".into();
        assert_eq!(message(&a, Field::StartTime), None);
    }

    #[test]
    fn the_largest_event_is_at_least_the_average() {
        let mut a = Answers {
            avg_event_bytes: "1,200".into(),
            max_event_bytes: "1,199".into(),
            ..Answers::default()
        };
        assert_eq!(
            message(&a, Field::MaxEventBytes).as_deref(),
            Some("Smaller than the average event (1,200 bytes): the largest event is at least the average.")
        );
        a.max_event_bytes = "1,200".into();
        assert_eq!(message(&a, Field::MaxEventBytes), None);
    }

    #[test]
    fn newest_event_before_oldest() {
        let mut a = Answers {
            kind: Some(Kind::Import),
            oldest_event: "2024-05-01".into(),
            newest_event: "2024-04-30".into(),
            ..Answers::default()
        };
        assert!(message(&a, Field::NewestEvent)
            .unwrap()
            .contains("before the oldest"));
        a.newest_event = "2024-05-01".into();
        assert_eq!(message(&a, Field::NewestEvent), None);
        a.newest_event = "2026-11-27".into();
        assert!(message(&a, Field::NewestEvent).unwrap().contains("future"));
    }

    #[test]
    fn events_per_request_at_least_one() {
        let mut a = Answers {
            transport: Some(Transport::Batch),
            events_per_request: "0".into(),
            ..Answers::default()
        };
        assert_eq!(
            message(&a, Field::EventsPerRequest).unwrap(),
            "Must be at least 1 event per request."
        );
        a.events_per_request = "1".into();
        assert_eq!(message(&a, Field::EventsPerRequest), None);
    }

    #[test]
    fn max_per_id_cannot_exceed_total() {
        let mut a = Answers {
            total_events: "1000".into(),
            max_events_per_id: "1001".into(),
            ..Answers::default()
        };
        assert_eq!(
            message(&a, Field::MaxEventsPerId).unwrap(),
            "1,001 events for one distinct_id is more than the 1,000 total events."
        );
        a.max_events_per_id = "1000".into();
        assert_eq!(message(&a, Field::MaxEventsPerId), None);
    }

    #[test]
    fn table_rows_are_checked() {
        let a = Answers {
            top_ids: vec![
                TopId {
                    distinct_id: "ok".into(),
                    events: "5".into(),
                },
                TopId {
                    distinct_id: "x".into(),
                    events: "five".into(),
                },
                TopId {
                    distinct_id: "".into(),
                    events: "7".into(),
                },
            ],
            ramp: Some(Ramp::Steps),
            peak_rate: "100".into(),
            ramp_steps: vec![RampStep {
                after_minutes: "0".into(),
                rate: "200".into(),
            }],
            ..Answers::default()
        };
        let rows = message(&a, Field::TopIds).unwrap();
        assert!(rows.starts_with("Row 2: Enter a number"), "{rows}");
        assert!(rows.contains("row 3: the distinct_id is empty"), "{rows}");
        assert!(message(&a, Field::RampSteps)
            .unwrap()
            .contains("above the peak"));
    }

    #[test]
    fn a_pasted_count_cannot_exceed_the_total() {
        let mut a = Answers {
            total_events: "1M".into(),
            top_ids: vec![TopId {
                distinct_id: "user_8812".into(),
                events: "2400000".into(),
            }],
            ..Answers::default()
        };
        assert_eq!(
            message(&a, Field::TopIds).unwrap(),
            "Row 1: 2,400,000 events for one distinct_id is more than the 1,000,000 total events."
        );
        a.total_events = "2.4M".into();
        assert_eq!(message(&a, Field::TopIds), None);
    }

    #[test]
    fn ramp_longer_than_duration() {
        let a = Answers {
            ramp: Some(Ramp::Linear),
            ramp_minutes: "120".into(),
            duration: "1".into(),
            ..Answers::default()
        };
        assert!(message(&a, Field::RampMinutes).unwrap().contains("longer"));
    }

    #[test]
    fn absurd_durations_are_flagged_not_computed() {
        let a = Answers {
            duration: "999999999999999999".into(),
            duration_unit: crate::checklist::questions::answers::DurationUnit::Days,
            start_date: "2030-01-01".into(),
            start_time: "10:00".into(),
            time_zone: "UTC".into(),
            ..Answers::default()
        };
        assert!(message(&a, Field::Duration)
            .unwrap()
            .contains("over ten years"));
        let p = Parsed::new(&a, &env());
        assert_eq!(Facts::derive(&a, &p, &env()).end_utc, None);
    }
}
