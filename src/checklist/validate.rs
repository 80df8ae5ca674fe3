//! Per-field validation: what is wrong with an answer and how to fix it. Nothing here
//! changes the answers; an invalid value stays as typed.

use super::answers::{Answers, Transport};
use super::facts::{Env, Facts};
use super::numbers::{group, parse_amount, parse_count, NumberError};
use super::questions::{Field, QUESTIONS};
use super::time::{utc_to_local, Date, Time};

/// A problem with one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
    /// True when the only problem is that a required answer is missing: the widget
    /// shows these once the field was touched or the reader tries to copy.
    pub missing: bool,
}

/// All problems, in form order: invalid values, then for each required question that
/// applies but has no answer, a "missing" entry.
pub fn validate(a: &Answers, facts: &Facts, env: &Env) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut invalid = |field: Field, message: String| {
        out.push(FieldError {
            field,
            message,
            missing: false,
        })
    };

    let url = a.conversation_url.trim();
    if !url.is_empty() && !is_web_link(url) {
        invalid(
            Field::ConversationUrl,
            "Paste the full link, starting with https://".into(),
        );
    }
    let project = a.project_id.trim();
    if !project.is_empty() && !project.bytes().all(|b| b.is_ascii_digit()) {
        invalid(
            Field::ProjectId,
            "A project ID is a number such as 12345 (Project settings → Project ID).".into(),
        );
    }

    // Schedule
    let zone = a.time_zone.trim();
    let zone_known = zone.is_empty() || env.zones.offset_minutes(zone, env.now).is_some();
    if !zone_known {
        invalid(
            Field::TimeZone,
            format!("\"{zone}\" is not a time zone this browser knows. Use an IANA name such as America/New_York or Europe/Berlin."),
        );
    }
    if let Err(e) = parse_nonempty(&a.start_date, Date::parse) {
        invalid(Field::StartDate, e.into());
    } else if let (Some(date), true) = (facts.start_date, zone_known) {
        let today = today_in(a, env);
        if date < today {
            invalid(
                Field::StartDate,
                format!(
                    "{} is in the past (today is {}).",
                    date.long(),
                    today.long()
                ),
            );
        }
    }
    if let Err(e) = parse_nonempty(&a.start_time, Time::parse) {
        invalid(Field::StartTime, e.into());
    }

    // Batching
    if a.transport == Some(Transport::Batch) {
        positive_count(
            &a.events_per_request,
            Field::EventsPerRequest,
            "event per request",
            &mut invalid,
        );
    }
    positive_amount(
        &a.avg_event_bytes,
        Field::AvgEventBytes,
        "byte",
        &mut invalid,
    );
    if a.includes_import() {
        let oldest = parse_nonempty(&a.oldest_event, Date::parse);
        let newest = parse_nonempty(&a.newest_event, Date::parse);
        if let Err(e) = &oldest {
            invalid(Field::OldestEvent, (*e).into());
        }
        if let Err(e) = &newest {
            invalid(Field::NewestEvent, (*e).into());
        }
        let today = today_in(a, env);
        if let (Some(o), Some(n)) = (facts.oldest, facts.newest) {
            if n < o {
                invalid(
                    Field::NewestEvent,
                    format!(
                        "The newest event ({}) is before the oldest ({}).",
                        n.short(),
                        o.short()
                    ),
                );
            }
        }
        if let Some(n) = facts.newest.filter(|n| *n > today) {
            invalid(
                Field::NewestEvent,
                format!(
                    "{} is in the future: historical events have already happened.",
                    n.short()
                ),
            );
        }
    }

    // distinct_ids
    positive_count(&a.total_events, Field::TotalEvents, "event", &mut invalid);
    if !a.ids_unknown {
        if let Err(e) = parse_count(&a.max_events_per_id) {
            invalid(Field::MaxEventsPerId, e.message().into());
        } else if let (Ok(Some(max)), Some(total)) =
            (parse_count(&a.max_events_per_id), facts.total_events)
        {
            if max > total {
                invalid(
                    Field::MaxEventsPerId,
                    format!(
                        "More than the total of {} events: check both numbers.",
                        group(total)
                    ),
                );
            }
        }
        let bad_rows: Vec<String> = a
            .top_ids
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let id_empty = r.distinct_id.trim().is_empty();
                match parse_count(&r.events) {
                    Err(e) => Some(format!("row {}: {}", i + 1, e.message())),
                    Ok(Some(_)) if id_empty => {
                        Some(format!("row {}: the distinct_id is empty", i + 1))
                    }
                    _ => None,
                }
            })
            .collect();
        if !bad_rows.is_empty() {
            invalid(Field::TopIds, super::capitalise(&bad_rows.join("; ")));
        }
    }

    // Rate and duration
    positive_amount(&a.peak_rate, Field::PeakRate, "event", &mut invalid);
    positive_amount(&a.duration, Field::Duration, "", &mut invalid);
    if let Ok(Some(d)) = parse_amount(&a.duration) {
        if a.duration_unit.minutes(d) > super::facts::MAX_DURATION_MIN {
            invalid(
                Field::Duration,
                "That is over ten years: check the number and its unit.".into(),
            );
        }
    }

    // Ramp-up
    if Field::RampMinutes.applies(a) {
        positive_amount(&a.ramp_minutes, Field::RampMinutes, "minute", &mut invalid);
        if let (Ok(Some(r)), Some(d)) = (parse_amount(&a.ramp_minutes), facts.duration_min) {
            if r > d {
                invalid(
                    Field::RampMinutes,
                    "The ramp-up is longer than the whole sending window.".into(),
                );
            }
        }
    }
    if Field::RampSteps.applies(a) {
        let mut problems = Vec::new();
        for (i, s) in a.ramp_steps.iter().enumerate() {
            if let Err(e) = parse_amount(&s.after_minutes) {
                problems.push(format!("step {}: minutes: {}", i + 1, e.message()));
            }
            match parse_amount(&s.rate) {
                Err(e) => problems.push(format!("step {}: rate: {}", i + 1, e.message())),
                Ok(Some(r)) => {
                    let per_sec = a.rate_unit.per_second(r);
                    if facts.peak_per_sec.is_some_and(|p| per_sec > p * 1.000_001) {
                        problems.push(format!("step {}: the rate is above the peak rate", i + 1));
                    }
                }
                Ok(None) => {}
            }
        }
        if !problems.is_empty() {
            invalid(Field::RampSteps, super::capitalise(&problems.join("; ")));
        }
    }

    // Load test
    if a.includes_load_test() {
        positive_count(
            &a.load_concurrency,
            Field::LoadConcurrency,
            "client",
            &mut invalid,
        );
    }

    // Missing required answers, in form order, after the invalid ones of the same field.
    for q in QUESTIONS {
        if q.field.is_required(a) && !q.field.is_answered(a) {
            out.push(FieldError {
                field: q.field,
                message: missing_message(q.field).into(),
                missing: true,
            });
        }
    }
    let order = |f: Field| QUESTIONS.iter().position(|q| q.field == f);
    out.sort_by_key(|e| (order(e.field), e.missing));
    out
}

/// The reader's "today" in the customer's zone (UTC when the zone is unknown).
fn today_in(a: &Answers, env: &Env) -> Date {
    utc_to_local(env.zones, a.time_zone.trim(), env.now)
        .map(|(d, _)| d)
        .unwrap_or_else(|| super::time::split(env.now).0)
}

fn missing_message(field: Field) -> &'static str {
    match field {
        Field::ProductQuestionsAnswered | Field::Committed | Field::NotValidatingWithImport => {
            "Confirm this with the customer before requesting the import."
        }
        Field::EventTypes => "Tick the event types they send, or \"Not sure\".",
        Field::AppList => "Name at least one app, or answer \"No\" above.",
        Field::RampSteps => "Add at least one step (after how many minutes, what rate).",
        Field::MaxEventsPerId => "Required: run the query below, or tick \"Not known yet\".",
        _ => "Required.",
    }
}

fn parse_nonempty<T>(
    text: &str,
    parse: fn(&str) -> Result<T, super::time::ParseError>,
) -> Result<Option<T>, &'static str> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse(text).map(Some).map_err(|e| e.0)
}

fn positive_count(text: &str, field: Field, unit: &str, invalid: &mut impl FnMut(Field, String)) {
    match parse_count(text) {
        Err(e) => invalid(field, e.message().into()),
        Ok(Some(0)) => invalid(field, at_least_one(unit)),
        _ => {}
    }
}

fn positive_amount(text: &str, field: Field, unit: &str, invalid: &mut impl FnMut(Field, String)) {
    match parse_amount(text) {
        Err(NumberError::Fraction) => {}
        Err(e) => invalid(field, e.message().into()),
        Ok(Some(x)) if x <= 0.0 => invalid(field, at_least_one(unit)),
        _ => {}
    }
}

fn at_least_one(unit: &str) -> String {
    if unit.is_empty() {
        "Must be more than zero.".into()
    } else {
        format!("Must be at least 1 {unit}.")
    }
}

/// An http(s) link without spaces or angle brackets.
pub fn is_web_link(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answers::{Kind, Ramp, RampStep, TopId};
    use crate::checklist::time::BuiltinZones;

    /// 2026-11-26 12:00 UTC.
    const NOW: i64 = 1_795_694_400;

    fn errors(a: &Answers) -> Vec<FieldError> {
        let env = Env {
            now: NOW,
            zones: &BuiltinZones,
        };
        validate(a, &Facts::derive(a, &env), &env)
    }

    fn message(a: &Answers, field: Field) -> Option<String> {
        errors(a)
            .into_iter()
            .find(|e| e.field == field && !e.missing)
            .map(|e| e.message)
    }

    #[test]
    fn now_constant_is_the_documented_instant() {
        assert_eq!(super::super::time::split(NOW).0.to_string(), "2026-11-26");
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
        assert!(message(&a, Field::MaxEventsPerId)
            .unwrap()
            .contains("1,000"));
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
            duration_unit: crate::checklist::answers::DurationUnit::Days,
            start_date: "2030-01-01".into(),
            start_time: "10:00".into(),
            time_zone: "UTC".into(),
            ..Answers::default()
        };
        assert!(message(&a, Field::Duration)
            .unwrap()
            .contains("over ten years"));
        let env = Env {
            now: NOW,
            zones: &BuiltinZones,
        };
        assert_eq!(Facts::derive(&a, &env).end_utc, None);
    }

    #[test]
    fn links() {
        assert!(is_web_link(
            "https://example.zendesk.com/agent/tickets/4242"
        ));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://a b"));
    }
}
