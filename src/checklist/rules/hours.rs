//! The schedule against the pipeline team's calendar: a start on a day off, a run
//! outside their hours (by its share, `outside-hours-percent`), and the notice they
//! ask for (`lead-time-working-days`). The calendar itself is `schedule::calendar`.

use super::findings::{Said, Seen};
use crate::checklist::questions::numbers::{minutes, plural, tenths};
use crate::checklist::schedule::calendar::{amsterdam_date, RunHours};
use crate::checklist::schedule::time::{
    amsterdam_abbreviation, amsterdam_local, utc_to_local, Date, Env, SECS_PER_MIN,
};
use crate::checklist::Config;

/// "09:00–17:00 CET, 03:00–11:00 in America/New_York".
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
            text.push_str(&format!(", {s}–{e} in {zone}"));
        }
    }
    text
}

/// The run as the schedule rules see it.
struct Run {
    start: i64,
    /// The Amsterdam date it starts on.
    day: Date,
    /// The team's hours that day, as text (and in the customer's zone).
    window: String,
    /// How the run lies against their hours; `None` without a duration.
    hours: Option<RunHours>,
}

fn run(s: &Seen) -> Option<Run> {
    let start = s.facts.start_utc?;
    let day = amsterdam_date(start);
    let zone = s.facts.zone.as_deref().unwrap_or("");
    Some(Run {
        start,
        day,
        window: window_text(zone, day, s.config, s.env),
        hours: (s.facts.end_utc)
            .filter(|e| *e > start)
            .map(|end| s.config.team().run_hours(start, end)),
    })
}

/// What the customer is asked: the page's preference, in its words (the team's exact
/// hours and days off are our defaults, not a rule to tell the customer).
fn ask_for_the_window(s: &Seen) -> String {
    format!(
        "We strongly prefer weekdays with as much overlap with European working hours as possible: could the {} run then?",
        s.a.noun()
    )
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

/// A start on a weekend or a day off, with how much of the run is outside their hours.
pub fn day_off(s: &Seen) -> Option<Said> {
    let r = run(s).filter(|r| !s.config.team().works_on(r.day))?;
    let title = if r.day.is_weekend() {
        "Starts on a weekend"
    } else {
        "Starts on a day off"
    };
    let mut why = format!(
        "It starts on {} (Amsterdam), {}, when the pipeline team is off (weekends and our default days off).",
        r.day.long(),
        s.config.team().day_off_name(r.day)
    );
    match &r.hours {
        Some(h) if h.inside == 0 => why.push_str(" None of the run is inside their hours."),
        Some(h) if h.outside > 0 => why.push_str(&format!(
            " {} is outside their hours.",
            crate::checklist::capitalise(&outside_text(h))
        )),
        _ => {}
    }
    Some(
        Said::new(
            why,
            "Ask to move it to a working day with the most EU overlap.",
        )
        .titled(title)
        .ask(ask_for_the_window(s)),
    )
}

/// A run on a working day partly outside their hours, as a share of the run.
fn share_outside(s: &Seen) -> Option<(Run, f64)> {
    let r = run(s).filter(|r| s.config.team().works_on(r.day))?;
    let h = r.hours.as_ref().filter(|h| h.outside > 0)?;
    let share = h.outside as f64 * 100.0 / (h.inside + h.outside) as f64;
    Some((r, share))
}

/// More of the run outside their hours than tolerated; or, without a duration, a
/// start outside them.
pub fn outside_hours(s: &Seen) -> Option<Said> {
    if let Some((r, share)) = share_outside(s) {
        let h = r.hours.as_ref()?;
        if share <= s.config.outside_hours_percent {
            return None;
        }
        let window = &r.window;
        return Some(
            Said::new(
                format!(
                    "{} is outside the pipeline team's hours (our default: {window}, on the days they work), more than {} % (our default).{}",
                    crate::checklist::capitalise(&outside_text(h)),
                    tenths(s.config.outside_hours_percent),
                    across_text(h, s.config)
                ),
                "Ask for a start (or a pace) that keeps most of the run inside the window, or agree with the pipeline team who watches the rest.",
            )
            .ask(ask_for_the_window(s)),
        );
    }
    // Without a duration only the start can be judged.
    let r = run(s).filter(|r| s.config.team().works_on(r.day) && r.hours.is_none())?;
    let (ams_date, ams_time) = amsterdam_local(r.start);
    let (win_start, win_end) = s.config.team().window_on(ams_date);
    if r.start >= win_start && r.start < win_end {
        return None;
    }
    Some(
        Said::new(
            format!(
                "It starts at {ams_time} {} on {}, outside the pipeline team's hours (our default: {}).",
                amsterdam_abbreviation(r.start),
                ams_date.long(),
                r.window
            ),
            "Ask to move the start into the window.",
        )
        .titled("Starts outside EU working hours")
        .ask(ask_for_the_window(s)),
    )
}

/// Part of the run outside their hours, no more than tolerated.
pub fn partly_outside_hours(s: &Seen) -> Option<Said> {
    let (r, _) = share_outside(s).filter(|(_, share)| *share <= s.config.outside_hours_percent)?;
    let h = r.hours.as_ref()?;
    Some(Said::new(
        format!(
            "Part of the run is outside the pipeline team's hours (our default: {}): {}.{}",
            r.window,
            outside_text(h),
            across_text(h, s.config)
        ),
        "Make sure someone can watch the part outside hours, or ask for a start that fits the window.",
    ))
}

/// Fewer working days between today and the start day than the team asks for.
pub fn short_notice(s: &Seen) -> Option<Said> {
    let (start, config) = (s.facts.start_utc?, s.config);
    let today = amsterdam_date(s.env.now);
    let notice = config.team().working_days_between(
        today,
        amsterdam_date(start),
        config.lead_time_working_days,
    );
    if start <= s.env.now || notice >= config.lead_time_working_days {
        return None;
    }
    Some(Said::new(
        format!(
            "There {} between today and the start day (neither counts); our default notice is {}.",
            match notice {
                1 => "is 1 working day".to_string(),
                n => format!("are {n} working days"),
            },
            plural(
                config.lead_time_working_days as usize,
                "working day",
                "working days"
            )
        ),
        "Send this request today, or ask the customer for a later start.",
    ))
}
