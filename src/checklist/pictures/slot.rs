//! The schedule in pictures and "Suggest a slot": the days around the chosen start as a
//! strip of hours in the customer's zone (the pipeline team's hours, weekends and days
//! off shaded, the run on top), and the next start that fits the run inside the team's
//! hours after the notice they ask for, or, for a run longer than their day, the start
//! that keeps the most of it inside.

use crate::checklist::pictures::chart::{path, Picture, Scale, WIDTH};
use crate::checklist::questions::numbers::minutes;
use crate::checklist::rules::facts::Facts;
use crate::checklist::schedule::time::Env;
use crate::checklist::schedule::time::{
    amsterdam_local, amsterdam_offset_minutes, split, utc_to_local, Date, Time, Zones,
    SECS_PER_DAY, SECS_PER_HOUR, SECS_PER_MIN,
};
use crate::checklist::Config;

/// A proposed start, in the customer's zone, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub date: Date,
    pub time: Time,
    pub utc: i64,
    /// The chosen start already is the proposal.
    pub same: bool,
    pub why: String,
}

/// Days searched for a start inside the team's hours.
const SEARCH_DAYS: i64 = 366;
/// Days searched for the start that keeps the most of a long run inside their hours.
const LONG_RUN_DAYS: i64 = 14;

use crate::checklist::schedule::calendar::amsterdam_date;

/// "Mon 7 Dec 2026 at 03:00 in America/New_York (09:00 Amsterdam, 08:00 UTC)".
fn when(env: &Env, zone: &str, utc: i64) -> String {
    let ams = amsterdam_local(utc);
    let (_, u) = split(utc);
    match utc_to_local(env.zones, zone, utc) {
        Some((d, t)) => format!(
            "{} at {t} in {zone} ({} Amsterdam, {u} UTC)",
            d.long(),
            ams.1
        ),
        None => format!("{} at {} Amsterdam ({u} UTC)", ams.0.long(), ams.1),
    }
}

/// The next start that fits the run inside the team's hours, on a working day with
/// enough notice, not before the chosen start's day; for a run longer than their day,
/// the start in the two weeks from there that keeps the most of it inside their hours.
/// `None` without a duration or a known time zone.
pub fn suggest(facts: &Facts, config: &Config, env: &Env) -> Option<Suggestion> {
    let search = Search::new(facts, config, env)?;
    if search.run <= search.day_secs {
        search.inside_hours()
    } else {
        search.most_inside()
    }
}

/// A search for a start: the run, the days it may start on, the words its reasons share.
struct Search<'a> {
    facts: &'a Facts,
    config: &'a Config,
    env: &'a Env<'a>,
    zone: &'a str,
    /// The run's length in seconds.
    run: i64,
    /// The team's day (their window) in seconds.
    day_secs: i64,
    /// The first Amsterdam day with enough notice.
    earliest: Date,
    /// The first day searched: the earliest, or the chosen start's day when later.
    from: Date,
    /// The next quarter hour: the soonest start proposed.
    soonest: i64,
    /// "2 working days of notice", "09:00–17:00 Amsterdam", "12 h".
    notice: String,
    window: String,
    run_text: String,
}

impl<'a> Search<'a> {
    /// The search for these answers; `None` without a duration or a known time zone.
    fn new(facts: &'a Facts, config: &'a Config, env: &'a Env) -> Option<Self> {
        let zone = facts.zone.as_deref().unwrap_or("");
        env.zones.offset_minutes(zone, env.now)?;
        let run = (facts.duration_min? * SECS_PER_MIN as f64).round() as i64;
        if run <= 0 {
            return None;
        }
        let earliest = config
            .team()
            .first_day_with_notice(amsterdam_date(env.now), config.lead_time_working_days);
        let from = facts
            .start_utc
            .map_or(earliest, |s| amsterdam_date(s).max(earliest));
        let day_secs = i64::from(
            config
                .overlap_end_hour
                .saturating_sub(config.overlap_start_hour),
        ) * SECS_PER_HOUR;
        let notice = match config.lead_time_working_days {
            0 => "no notice asked".to_string(),
            1 => "1 working day of notice".to_string(),
            n => format!("{n} working days of notice"),
        };
        let window = format!(
            "{:02}:00–{:02}:00 Amsterdam",
            config.overlap_start_hour, config.overlap_end_hour
        );
        // Starts are not proposed in the past: the next quarter hour at the earliest.
        let soonest =
            (env.now + 15 * SECS_PER_MIN - 1).div_euclid(15 * SECS_PER_MIN) * 15 * SECS_PER_MIN;
        Some(Search {
            facts,
            config,
            env,
            zone,
            run,
            day_secs,
            earliest,
            from,
            soonest,
            notice,
            window,
            run_text: minutes(run as f64 / SECS_PER_MIN as f64),
        })
    }

    /// The proposal to start at `utc`, in the customer's zone, for this reason.
    fn suggestion(&self, utc: i64, why: String) -> Option<Suggestion> {
        let (date, time) = utc_to_local(self.env.zones, self.zone, utc)?;
        Some(Suggestion {
            date,
            time,
            utc,
            same: self.facts.start_utc == Some(utc),
            why,
        })
    }

    /// A run within the team's day: the chosen start if it fits, else the first that does.
    fn inside_hours(&self) -> Option<Suggestion> {
        let (config, run) = (self.config, self.run);
        let (notice, window, run_text) = (&self.notice, &self.window, &self.run_text);
        // The chosen start, when it already fits.
        if let Some(s) = self.facts.start_utc.filter(|s| self.chosen_fits(*s)) {
            return self.suggestion(
                s,
                format!("The chosen start already fits: a working day with {notice}, and the {run_text} run stays inside the team's {window}."),
            );
        }
        for d in self.from.days()..self.from.days() + SEARCH_DAYS {
            let day = Date::from_days(d);
            if !config.team().works_on(day) {
                continue;
            }
            let (ws, we) = config.team().window_on(day);
            let s = ws.max(self.soonest);
            if s + run <= we {
                let after = if self
                    .facts
                    .start_utc
                    .is_some_and(|c| amsterdam_date(c) > self.earliest)
                {
                    "the first working day from the chosen date".to_string()
                } else {
                    format!("the first working day with {notice}")
                };
                return self.suggestion(
                    s,
                    format!(
                        "{}: {after}, and the {run_text} run stays inside the team's {window}.",
                        when(self.env, self.zone, s)
                    ),
                );
            }
        }
        None
    }

    /// Whether the chosen start `s` fits: a working day with notice, in hours, not past.
    fn chosen_fits(&self, s: i64) -> bool {
        let day = amsterdam_date(s);
        let (ws, we) = self.config.team().window_on(day);
        day >= self.earliest
            && self.config.team().works_on(day)
            && s >= ws
            && s + self.run <= we
            && s >= self.env.now
    }

    /// A run longer than their day: the start in two weeks keeping the most of it inside.
    fn most_inside(&self) -> Option<Suggestion> {
        let (config, run, from) = (self.config, self.run, self.from);
        let (notice, window, run_text) = (&self.notice, &self.window, &self.run_text);
        // The most overlap, the earliest of equals.
        let mut best: Option<(i64, i64)> = None;
        for d in from.days()..from.days() + LONG_RUN_DAYS {
            let day = Date::from_days(d);
            if !config.team().works_on(day) {
                continue;
            }
            let (ws, we) = config.team().window_on(day);
            for s in [ws, we - run] {
                if s < self.soonest || amsterdam_date(s) < from {
                    continue;
                }
                let inside = config.team().run_hours(s, s + run).inside;
                if best.is_none_or(|(b, bi)| inside > bi || (inside == bi && s < b)) {
                    best = Some((s, inside));
                }
            }
        }
        let (s, inside) = best?;
        self.suggestion(
            s,
            format!(
                "{}: the {run_text} run is longer than the team's {window}, so no start keeps all of it inside; this one keeps {} inside, the most of any start in the two weeks from {} ({notice}).",
                when(self.env, self.zone, s),
                hours_text(inside),
                from.short()
            ),
        )
    }
}

/// "24 h", "13 h 30 min": time inside the team's hours (never in days: they are not
/// whole days).
fn hours_text(secs: i64) -> String {
    let m = secs / SECS_PER_MIN;
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

// The strip's layout.
const STRIP_HEIGHT: i64 = 96;
const BAND_TOP: i64 = 20;
const BAND_BOTTOM: i64 = 66;
/// Days drawn at most.
const STRIP_DAYS: i64 = 7;

/// The days around the run, in the customer's zone: a day before its start to a day
/// after its end (at most [`STRIP_DAYS`]), the team's hours and their days off shaded,
/// the run on top; its sentence gives the run in the customer's zone, UTC and Amsterdam.
/// `None` without a start, a duration or a known time zone.
pub fn schedule_strip(facts: &Facts, config: &Config, env: &Env) -> Option<Picture> {
    let zone = facts.zone.as_deref().unwrap_or("");
    let (start, end) = (facts.start_utc?, facts.end_utc?);
    let (from, to) = strip_days(zone, facts, env)?;
    let strip = Strip {
        zone,
        env,
        from,
        to,
        x: Scale {
            max: ((to - from) * SECS_PER_DAY) as f64,
            from: 0,
            to: WIDTH,
        },
    };
    let mut pic = Picture {
        height: STRIP_HEIGHT,
        ..Picture::default()
    };
    let (team, off) = strip.shaded(config);
    let grid = strip.grid(&mut pic);
    pic.shape("hic-c-off", off);
    pic.shape("hic-c-team", team);
    pic.shape("hic-c-grid", grid);
    let (rs, re) = (strip.at(start), strip.at(end).max(strip.at(start) + 2));
    pic.shape(
        "hic-c-run",
        band(rs, re.min(WIDTH), BAND_TOP + 12, BAND_BOTTOM - 12),
    );
    pic.alt = strip.sentence(start, end, config)?;
    Some(pic)
}

/// The strip's days in the customer's zone and its x axis.
struct Strip<'a> {
    zone: &'a str,
    env: &'a Env<'a>,
    /// The first and last-plus-one local day numbers ([`strip_days`]).
    from: i64,
    to: i64,
    x: Scale,
}

impl Strip<'_> {
    /// An instant in local wall-clock seconds (as if UTC): the strip's x axis.
    fn local(&self, utc: i64) -> Option<i64> {
        let offset = i64::from(self.env.zones.offset_minutes(self.zone, utc)?) * SECS_PER_MIN;
        Some(utc + offset)
    }

    /// Where an instant is drawn (0 when its offset is unknown).
    fn at(&self, utc: i64) -> i64 {
        let origin = self.from * SECS_PER_DAY;
        self.local(utc)
            .map_or(0, |l| self.x.at((l - origin) as f64))
    }

    /// The team's hours and their days off as bands: the two paths, team first.
    fn shaded(&self, config: &Config) -> (String, String) {
        // Amsterdam days, shaded by whether the team works (a day either side, for zones
        // far from Amsterdam).
        let (mut team, mut off) = (String::new(), String::new());
        for d in self.from - 1..=self.to {
            let day = Date::from_days(d);
            if config.team().works_on(day) {
                let (ws, we) = config.team().window_on(day);
                team.push_str(&band(self.at(ws), self.at(we), BAND_TOP, BAND_BOTTOM));
            } else {
                let noon = day.midnight_utc() + 12 * SECS_PER_HOUR;
                let o = i64::from(amsterdam_offset_minutes(noon)) * SECS_PER_MIN;
                let (s, e) = (
                    day.midnight_utc() - o,
                    day.midnight_utc() + SECS_PER_DAY - o,
                );
                off.push_str(&band(self.at(s), self.at(e), BAND_TOP, BAND_BOTTOM));
            }
        }
        (team, off)
    }

    /// The grid's path (midnights, every six hours), each day's name and noon labelled.
    fn grid(&self, pic: &mut Picture) -> String {
        let (x, from) = (self.x, self.from);
        let mut grid = String::new();
        for d in from..self.to {
            let x0 = x.at(((d - from) * SECS_PER_DAY) as f64);
            grid.push_str(&path(&[(x0, BAND_TOP - 6), (x0, BAND_BOTTOM + 4)]));
            for h in [6, 12, 18] {
                let xh = x.at(((d - from) * SECS_PER_DAY + h * SECS_PER_HOUR) as f64);
                grid.push_str(&path(&[(xh, BAND_BOTTOM), (xh, BAND_BOTTOM + 4)]));
            }
            let day = Date::from_days(d);
            let name = day.long();
            let short = name.rsplit_once(' ').map_or(name.as_str(), |(s, _)| s);
            pic.label(x0 + 3, 14, "", short.to_string());
            pic.label(
                x.at(((d - from) * SECS_PER_DAY + 12 * SECS_PER_HOUR) as f64),
                BAND_BOTTOM + 16,
                "hic-c-mid",
                "12:00".to_string(),
            );
        }
        grid
    }

    /// The strip in one sentence: the run in the customer's zone, UTC and Amsterdam.
    fn sentence(&self, start: i64, end: i64, config: &Config) -> Option<String> {
        let zone = self.zone;
        let hours = config.team().run_hours(start, end);
        let (_, us) = split(start);
        let (_, ue) = split(end);
        let ams = |utc: i64| amsterdam_local(utc).1;
        let (ld, lt) = split(self.local(start)?);
        let (_, le) = split(self.local(end)?);
        let inside = if hours.outside == 0 {
            "all of it inside the pipeline team's hours".to_string()
        } else if hours.inside == 0 {
            "none of it inside the pipeline team's hours".to_string()
        } else {
            format!(
                "{} of it outside the pipeline team's hours",
                minutes(hours.outside as f64 / SECS_PER_MIN as f64)
            )
        };
        Some(format!(
            "The run starts {} at {lt} and ends at {le} in {zone} (UTC {us}–{ue}, Amsterdam {}–{}), {inside}; the team's hours and days off are shaded.",
            ld.long(),
            ams(start),
            ams(end),
        ))
    }
}

/// A band from `x0` to `x1` between `top` and `bottom`, as a path; nothing when empty.
fn band(x0: i64, x1: i64, top: i64, bottom: i64) -> String {
    if x1 > x0 {
        format!("M{x0} {top}h{}v{}h{}z", x1 - x0, bottom - top, x0 - x1)
    } else {
        String::new()
    }
}

/// The strip's first and last-plus-one local day numbers: a day before the run's start
/// to a day after its end, at most [`STRIP_DAYS`].
fn strip_days(zone: &str, facts: &Facts, env: &Env) -> Option<(i64, i64)> {
    let (first, _) = utc_to_local(env.zones, zone, facts.start_utc?)?;
    let (last, _) = utc_to_local(env.zones, zone, facts.end_utc? - 1)?;
    let from = first.days() - 1;
    Some((from, (last.days() + 2).min(from + STRIP_DAYS)))
}

/// The strip's hours, one step each for the pointer and the arrow keys: how many there
/// are and which one the run starts in.
pub fn strip_hours(facts: &Facts, env: &Env) -> Option<(u32, u32)> {
    let zone = facts.zone.as_deref().unwrap_or("");
    let (from, to) = strip_days(zone, facts, env)?;
    let (date, time) = utc_to_local(env.zones, zone, facts.start_utc?)?;
    let start = (date.days() - from) * 24 + time.secs() / SECS_PER_HOUR;
    Some((((to - from) * 24) as u32, start as u32))
}

/// One hour of the strip, as hover and focus show it: "Tue 8 Dec 2026 14:00 in
/// Asia/Tokyo · 05:00 UTC · 06:00 Amsterdam · the run · outside the pipeline team's
/// hours". The run counts when it takes any of the hour; the team's hours are the hour,
/// part of it or none of it (zones half an hour off Amsterdam). An hour the customer's
/// clocks go forward over does not exist or is shorter, and one they go back over
/// happens twice: the text says so and names each stretch of real time.
/// `None` where the strip is not drawn.
pub fn strip_hour(facts: &Facts, config: &Config, env: &Env, hour: u32) -> Option<String> {
    let zone = facts.zone.as_deref().unwrap_or("");
    let (from, _) = strip_days(zone, facts, env)?;
    let local = from * SECS_PER_DAY + i64::from(hour) * SECS_PER_HOUR;
    let (date, time) = split(local);
    let stretches = real_time_of(env.zones, zone, local)?;
    let whole: i64 = stretches.iter().map(|s| s.1 - s.0).sum();
    let mut text = format!("{} {time} in {zone}", date.long());
    match stretches.len() {
        0 => {
            text.push_str(" does not exist: the clocks go forward");
            return Some(text);
        }
        1 if whole < SECS_PER_HOUR => text.push_str(&format!(
            ", {} minutes long (the clocks go forward):",
            whole / SECS_PER_MIN
        )),
        1 => text.push_str(" ·"),
        _ => text.push_str(" happens twice, the clocks go back:"),
    }
    let mut team = 0;
    let mut run = false;
    for (i, &(start, end)) in stretches.iter().enumerate() {
        if i > 0 {
            text.push_str(", then");
        }
        let begins = utc_to_local(env.zones, zone, start)?.1;
        if begins != time {
            text.push_str(&format!(" from {begins} at"));
        }
        let (ams_date, ams) = amsterdam_local(start);
        text.push_str(&format!(" {} UTC · {ams} Amsterdam", split(start).1));
        let (window_start, window_end) = config.team().window_on(ams_date);
        if config.team().works_on(ams_date) {
            team += (window_end.min(end) - window_start.max(start)).max(0);
        }
        run |= facts.start_utc? < end && facts.end_utc? > start;
    }
    if run {
        text.push_str(" · the run");
    }
    text.push_str(match team {
        t if t >= whole => " · the pipeline team's hours",
        t if t > 0 => " · partly the pipeline team's hours",
        _ => " · outside the pipeline team's hours",
    });
    Some(text)
}

/// A quarter of an hour: every UTC offset in use, and every switch, falls on one.
const QUARTER: i64 = 15 * SECS_PER_MIN;

/// The stretches of real time (UTC, start and end) whose wall clock in `zone` reads
/// within the hour from `local` (a wall-clock time counted as if it were UTC), in order,
/// one per offset: one stretch of an hour for most hours, none or a shorter one when the
/// clocks go forward over the hour, two when they go back over it.
fn real_time_of(zones: &dyn Zones, zone: &str, local: i64) -> Option<Vec<(i64, i64)>> {
    let mut stretches: Vec<(i64, i64)> = Vec::new();
    // The zone's offsets a day before and a day after: the hour's quarters have one of
    // them (clocks switch at most once in two days).
    for probe in [local - SECS_PER_DAY, local + SECS_PER_DAY] {
        let offset = i64::from(zones.offset_minutes(zone, probe)?) * SECS_PER_MIN;
        let mut stretch: Option<(i64, i64)> = None;
        for k in 0..4 {
            let at = local - offset + k * QUARTER;
            if i64::from(zones.offset_minutes(zone, at)?) * SECS_PER_MIN == offset {
                let s = stretch.get_or_insert((at, at));
                s.1 = at + QUARTER;
            }
        }
        if let Some(s) = stretch.filter(|s| !stretches.contains(s)) {
            stretches.push(s);
        }
    }
    if stretches.len() == 2 && stretches[1].0 < stretches[0].0 {
        stretches.swap(0, 1);
    }
    Some(stretches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::DurationUnit;
    use crate::checklist::questions::parse::Parsed;
    use crate::checklist::schedule::calendar::DaysOff;
    use crate::checklist::schedule::time::{BuiltinZones, Time};
    use crate::checklist::Answers;

    fn at(date: &str, time: &str) -> i64 {
        Date::parse(date).unwrap().midnight_utc() + Time::parse(time).unwrap().secs()
    }

    fn env(now: i64) -> Env<'static> {
        Env {
            now,
            zones: &BuiltinZones,
        }
    }

    fn answers(zone: &str, hours: &str, start: Option<(&str, &str)>) -> Answers {
        Answers {
            time_zone: zone.into(),
            duration: hours.into(),
            duration_unit: DurationUnit::Hours,
            start_date: start.map(|s| s.0.into()).unwrap_or_default(),
            start_time: start.map(|s| s.1.into()).unwrap_or_default(),
            ..Answers::default()
        }
    }

    fn suggestion(a: &Answers, config: &Config, now: i64) -> Option<Suggestion> {
        let e = env(now);
        let facts = Facts::derive(a, &Parsed::new(a, &e), &e);
        suggest(&facts, config, &e)
    }

    #[test]
    fn notice_counts_working_days_strictly_between() {
        let c = Config::default();
        let d = |s: &str| Date::parse(s).unwrap();
        // Mon → Tue, Wed, Thu count → Fri.
        assert_eq!(
            c.team()
                .first_day_with_notice(d("2026-11-23"), c.lead_time_working_days),
            d("2026-11-27")
        );
        // Thu → Fri, Mon, Tue → Wed.
        assert_eq!(
            c.team()
                .first_day_with_notice(d("2026-11-26"), c.lead_time_working_days),
            d("2026-12-02")
        );
        // Saturday: Mon, Tue, Wed → Thu.
        assert_eq!(
            c.team()
                .first_day_with_notice(d("2026-11-28"), c.lead_time_working_days),
            d("2026-12-03")
        );
        // Christmas and Boxing Day (Fri, Sat 2026) do not count: Tue 22 → Wed, Thu, Mon 28 → Tue 29.
        assert_eq!(
            c.team()
                .first_day_with_notice(d("2026-12-22"), c.lead_time_working_days),
            d("2026-12-29")
        );
        let none = Config {
            lead_time_working_days: 0,
            ..Config::default()
        };
        assert_eq!(
            none.team()
                .first_day_with_notice(d("2026-11-28"), none.lead_time_working_days),
            d("2026-11-28")
        );
    }

    /// (zone, hours, chosen start, now, expected local date and time, expected UTC)
    type Case = (
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
        i64,
        &'static str,
        &'static str,
        i64,
    );

    fn working_day_cases() -> Vec<Case> {
        vec![
            // Thursday noon: notice Fri, Mon, Tue → Wed 2 Dec at 09:00 CET.
            (
                "Europe/Amsterdam",
                "2",
                None,
                at("2026-11-26", "12:00"),
                "2026-12-02",
                "09:00",
                at("2026-12-02", "08:00"),
            ),
            // The same in New York: 03:00 there.
            (
                "America/New_York",
                "2",
                None,
                at("2026-11-26", "12:00"),
                "2026-12-02",
                "03:00",
                at("2026-12-02", "08:00"),
            ),
            // A chosen start on a Saturday, far enough ahead: the Monday after.
            (
                "Europe/London",
                "8",
                Some(("2027-01-09", "10:00")),
                at("2026-11-26", "12:00"),
                "2027-01-11",
                "08:00",
                at("2027-01-11", "08:00"),
            ),
        ]
    }

    /// Starts across the clock switches, on holidays, and a whole team day.
    fn switch_and_holiday_cases() -> Vec<Case> {
        vec![
            // Across the spring switch (Sun 28 Mar 2027, Easter too): Easter Monday is
            // off, so Tue 30 Mar at 09:00 CEST = 07:00 UTC.
            (
                "Europe/Amsterdam",
                "1",
                Some(("2027-03-27", "12:00")),
                at("2027-03-01", "12:00"),
                "2027-03-30",
                "09:00",
                at("2027-03-30", "07:00"),
            ),
            // The spring switch of 2026 (Sun 29 Mar): Mon 30 Mar at 09:00 CEST = 07:00 UTC.
            (
                "Europe/Amsterdam",
                "1",
                Some(("2026-03-28", "12:00")),
                at("2026-03-01", "12:00"),
                "2026-03-30",
                "09:00",
                at("2026-03-30", "07:00"),
            ),
            // New York is already on summer time (14 Mar), Amsterdam not yet: 04:00 there.
            (
                "America/New_York",
                "1",
                Some(("2027-03-20", "12:00")),
                at("2027-03-01", "12:00"),
                "2027-03-22",
                "04:00",
                at("2027-03-22", "08:00"),
            ),
            // Across the autumn switch (Sun 31 Oct 2027): Mon 1 Nov at 09:00 CET = 08:00 UTC.
            (
                "Europe/Amsterdam",
                "1",
                Some(("2027-10-30", "12:00")),
                at("2027-10-01", "12:00"),
                "2027-11-01",
                "09:00",
                at("2027-11-01", "08:00"),
            ),
            // Easter Monday 2027 (29 Mar) is a Dutch holiday: Tuesday.
            (
                "UTC",
                "1",
                Some(("2027-03-29", "06:00")),
                at("2027-03-01", "12:00"),
                "2027-03-30",
                "07:00",
                at("2027-03-30", "07:00"),
            ),
            // King's Day 2027 (Tue 27 Apr).
            (
                "UTC",
                "1",
                Some(("2027-04-27", "12:00")),
                at("2027-04-01", "12:00"),
                "2027-04-28",
                "07:00",
                at("2027-04-28", "07:00"),
            ),
            // A whole team day fits exactly.
            (
                "Europe/Amsterdam",
                "8",
                None,
                at("2026-11-26", "12:00"),
                "2026-12-02",
                "09:00",
                at("2026-12-02", "08:00"),
            ),
        ]
    }

    #[test]
    fn slots_for_runs_within_a_working_day() {
        let c = Config::default();
        let cases = [working_day_cases(), switch_and_holiday_cases()].concat();
        for (zone, hours, start, now, date, time, utc) in cases.iter() {
            let a = answers(zone, hours, *start);
            let s = suggestion(&a, &c, *now).unwrap_or_else(|| panic!("{zone} {start:?}"));
            assert_eq!(
                (s.date.to_string(), s.time.to_string(), s.utc),
                (date.to_string(), time.to_string(), *utc),
                "{zone} {hours} h {start:?}: {}",
                s.why
            );
            assert!(!s.same);
        }
    }

    #[test]
    fn a_start_that_fits_stays() {
        let c = Config::default();
        let a = answers("Europe/Amsterdam", "2", Some(("2026-12-08", "13:00")));
        let s = suggestion(&a, &c, at("2026-11-26", "12:00")).unwrap();
        assert!(s.same, "{}", s.why);
        assert!(s.why.starts_with("The chosen start already fits"));
        // Ends after 17:00: the chosen day itself, at 09:00.
        let late = answers("Europe/Amsterdam", "2", Some(("2026-12-08", "16:00")));
        let s = suggestion(&late, &c, at("2026-11-26", "12:00")).unwrap();
        assert_eq!(
            (s.date.to_string(), s.time.to_string()),
            ("2026-12-08".into(), "09:00".into())
        );
        assert!(
            s.why.contains("the first working day from the chosen date"),
            "{}",
            s.why
        );
    }

    #[test]
    fn configured_days_off_and_no_notice() {
        let mut c = Config {
            lead_time_working_days: 0,
            ..Config::default()
        };
        c.team_days_off = DaysOff {
            dutch_holidays: false,
            dates: vec![Date::parse("2026-11-27").unwrap()],
        };
        // Friday 27 Nov is off; it is Thursday 16:30 (past 16:00), so a 1 h run goes to Monday.
        let a = answers("UTC", "1", None);
        let s = suggestion(&a, &c, at("2026-11-26", "15:30")).unwrap();
        assert_eq!(
            (s.date.to_string(), s.time.to_string()),
            ("2026-11-30".into(), "08:00".into())
        );
        // Earlier on Thursday: today, from the next quarter hour.
        let s = suggestion(&a, &c, at("2026-11-26", "10:05")).unwrap();
        assert_eq!(
            (s.date.to_string(), s.time.to_string()),
            ("2026-11-26".into(), "10:15".into())
        );
    }

    #[test]
    fn long_runs_get_the_most_overlap() {
        let c = Config::default();
        // 30 h from Wed 2 Dec: starting at 09:00 keeps 8 h that day and 6 h the next
        // (it ends Thu 15:00); ending Thu 17:00 (from Wed 11:00) keeps 6 h + 8 h: the
        // earlier of the two.
        let a = answers("Europe/Amsterdam", "30", None);
        let s = suggestion(&a, &c, at("2026-11-26", "12:00")).unwrap();
        assert_eq!(
            (s.date.to_string(), s.time.to_string()),
            ("2026-12-02".into(), "09:00".into())
        );
        assert!(
            s.why
                .contains("longer than the team's 09:00–17:00 Amsterdam"),
            "{}",
            s.why
        );
        assert!(s.why.contains("keeps 14 h inside"), "{}", s.why);
        // 56 h (two days and a bit): never started on a Friday, where the weekend eats it.
        let a = answers("Europe/Amsterdam", "56", Some(("2026-12-04", "09:00")));
        let s = suggestion(&a, &c, at("2026-11-26", "12:00")).unwrap();
        assert_ne!(s.date.weekday(), 4, "{}", s.why);
        assert!(s.why.contains("keeps 24 h inside"), "{}", s.why);
    }

    #[test]
    fn nothing_to_suggest_without_a_duration_or_zone() {
        let c = Config::default();
        assert_eq!(
            suggestion(&answers("Europe/Amsterdam", "", None), &c, 0),
            None
        );
        assert_eq!(suggestion(&answers("Mars/Base", "2", None), &c, 0), None);
    }

    #[test]
    fn the_strip_draws_the_run_in_the_customers_hours() {
        let c = Config::default();
        let e = env(at("2026-11-26", "12:00"));
        let a = answers("America/New_York", "2", Some(("2026-12-04", "03:00")));
        let facts = Facts::derive(&a, &Parsed::new(&a, &e), &e);
        let pic = schedule_strip(&facts, &c, &e).unwrap();
        assert_eq!(
            pic.alt,
            "The run starts Fri 4 Dec 2026 at 03:00 and ends at 05:00 in America/New_York (UTC 08:00–10:00, Amsterdam 09:00–11:00), all of it inside the pipeline team's hours; the team's hours and days off are shaded."
        );
        // Thu, Fri, Sat: the run is on the middle day, at 03:00–05:00.
        let run = pic.shapes.iter().find(|s| s.class == "hic-c-run").unwrap();
        assert_eq!(run.d, format!("M{} 32h{}v22h-{}z", 160 + 20, 13, 13));
        assert!(pic.shapes.iter().any(|s| s.class == "hic-c-off"));
        assert_eq!(
            pic.shapes.len(),
            crate::checklist::pictures::chart::MAX_SHAPES
        );
        let texts: Vec<&str> = pic.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"Fri 4 Dec"), "{texts:?}");
        // Moving the start moves the run.
        let b = answers("America/New_York", "2", Some(("2026-12-04", "12:00")));
        let fb = Facts::derive(&b, &Parsed::new(&b, &e), &e);
        let moved = schedule_strip(&fb, &c, &e).unwrap();
        let run_b = moved
            .shapes
            .iter()
            .find(|s| s.class == "hic-c-run")
            .unwrap();
        assert_ne!(run_b.d, run.d);
        assert!(moved.alt.contains("none of it inside"), "{}", moved.alt);
    }

    /// A zone whose clocks switch once, from `before` to `after` minutes east of UTC at
    /// the instant `at`: for offsets that move by half an hour or two hours.
    struct Switch {
        before: i32,
        after: i32,
        at: i64,
    }

    impl Zones for Switch {
        fn offset_minutes(&self, _: &str, utc: i64) -> Option<i32> {
            Some(if utc < self.at {
                self.before
            } else {
                self.after
            })
        }
    }

    #[test]
    fn an_hour_of_the_strip_across_a_half_hour_or_two_hour_switch() {
        let c = Config::default();
        // The text of the strip's hour `hour` (of the local day of the run's start) for a
        // run of `hours` from `start` in a zone that switches as `zones` says.
        let read = |zones: &Switch, hours: &str, start: (&str, &str), hour: i64| {
            let e = Env {
                now: at("2026-01-01", "00:00"),
                zones,
            };
            let a = answers("Australia/Lord_Howe", hours, Some(start));
            let f = Facts::derive(&a, &Parsed::new(&a, &e), &e);
            // The strip starts the day before the run's.
            strip_hour(&f, &c, &e, (24 + hour) as u32).unwrap()
        };
        let lord_howe = [
            // It goes back half an hour at 02:00 on Sun 5 Apr 2026 (15:00 UTC the day
            // before): 01:30-02:00 happens twice, and the 01:00 hour lasts 90 minutes.
            (
                Switch { before: 660, after: 630, at: at("2026-04-04", "15:00") },
                ("0.5", ("2026-04-05", "01:30"), 1),
                "Sun 5 Apr 2026 01:00 in Australia/Lord_Howe happens twice, the clocks go back: 14:00 UTC · 16:00 Amsterdam, then from 01:30 at 15:00 UTC · 17:00 Amsterdam · the run · outside the pipeline team's hours",
            ),
            // ... and forward half an hour at 02:00 on Sun 4 Oct 2026: the 02:00 hour lasts
            // 30 minutes, and a run from 02:30 is in it.
            (
                Switch { before: 630, after: 660, at: at("2026-10-03", "15:30") },
                ("1", ("2026-10-04", "02:30"), 2),
                "Sun 4 Oct 2026 02:00 in Australia/Lord_Howe, 30 minutes long (the clocks go forward): from 02:30 at 15:30 UTC · 17:30 Amsterdam · the run · outside the pipeline team's hours",
            ),
        ];
        for (switch, (hours, start, hour), text) in lord_howe {
            assert_eq!(read(&switch, hours, start, hour), text);
        }
        // Two hours back (as Antarctica/Troll does, at 01:00 UTC on Sun 25 Oct 2026): the
        // 01:00 hour happens at 23:00 and at 01:00 UTC. A run from 02:00 (the first time
        // round: 00:00 UTC) for half an hour falls between the two: it is in the first
        // 02:00 hour and not in the 01:00 one.
        let troll = Switch {
            before: 120,
            after: 0,
            at: at("2026-10-25", "01:00"),
        };
        let e = Env {
            now: at("2026-01-01", "00:00"),
            zones: &troll,
        };
        let a = answers("Antarctica/Troll", "0.5", Some(("2026-10-25", "02:00")));
        let f = Facts::derive(&a, &Parsed::new(&a, &e), &e);
        assert_eq!(f.start_utc, Some(at("2026-10-25", "00:00")));
        let hour = |h: u32| strip_hour(&f, &c, &e, 24 + h).unwrap();
        assert_eq!(
            hour(1),
            "Sun 25 Oct 2026 01:00 in Antarctica/Troll happens twice, the clocks go back: 23:00 UTC · 01:00 Amsterdam, then 01:00 UTC · 02:00 Amsterdam · outside the pipeline team's hours"
        );
        assert!(hour(2).contains("happens twice"), "{}", hour(2));
        assert!(hour(2).contains("· the run"), "{}", hour(2));
    }

    /// The text of an hour of the strip of a run in `zone` of `hours` from `start`
    /// (default settings): the run's first hour plus `later`.
    fn strip_text(e: &Env, zone: &str, hours: &str, start: (&str, &str), later: i64) -> String {
        let a = answers(zone, hours, Some(start));
        let f = Facts::derive(&a, &Parsed::new(&a, e), e);
        let (_, first) = strip_hours(&f, e).unwrap();
        strip_hour(&f, &Config::default(), e, (i64::from(first) + later) as u32).unwrap()
    }

    #[test]
    fn an_hour_of_the_strip_across_a_one_hour_switch() {
        let e = env(at("2026-11-26", "12:00"));
        let read = |zone, hours, start, later| strip_text(&e, zone, hours, start, later);
        let ny = "America/New_York";
        // New York skips 02:00 on Sun 14 Mar 2027 (the run starts Sat 10:00).
        assert_eq!(
            read(ny, "2", ("2027-03-13", "10:00"), 16),
            "Sun 14 Mar 2027 02:00 in America/New_York does not exist: the clocks go forward"
        );
        let after = read(ny, "2", ("2027-03-13", "10:00"), 17);
        assert!(
            after.starts_with("Sun 14 Mar 2027 03:00 in America/New_York · 07:00 UTC"),
            "{after}"
        );
        // New York goes back over 01:00 on Sun 1 Nov 2026: that hour of the strip names
        // both of its instants, and the run (00:30 to 01:30 the second time) takes it.
        let back = read(ny, "2", ("2026-11-01", "00:30"), 1);
        assert_eq!(
            back,
            "Sun 1 Nov 2026 01:00 in America/New_York happens twice, the clocks go back: 05:00 UTC · 06:00 Amsterdam, then 06:00 UTC · 07:00 Amsterdam · the run · outside the pipeline team's hours"
        );
        let after = read(ny, "2", ("2026-11-01", "00:30"), 2);
        assert!(
            after.starts_with(
                "Sun 1 Nov 2026 02:00 in America/New_York · 07:00 UTC · 08:00 Amsterdam"
            ),
            "{after}"
        );
        // Berlin goes back over 02:00 on Sun 25 Oct 2026, as Amsterdam does.
        let berlin = read("Europe/Berlin", "1", ("2026-10-24", "23:00"), 3);
        assert!(
            berlin.contains("02:00 in Europe/Berlin happens twice, the clocks go back: 00:00 UTC · 02:00 Amsterdam, then 01:00 UTC · 02:00 Amsterdam"),
            "{berlin}"
        );
        assert!(!berlin.contains("the run"), "{berlin}");
        // The day after, hours are single again.
        assert!(!read(ny, "2", ("2026-11-02", "09:00"), 0).contains("twice"));
    }

    #[test]
    fn each_hour_of_the_strip_reads_in_three_zones() {
        let c = Config::default();
        let e = env(at("2026-11-26", "12:00"));
        // Fri 4 Dec 03:00–05:00 in New York: the strip runs Thu to Sat, 72 hours, and the
        // run starts in hour 24 + 3.
        let a = answers("America/New_York", "2", Some(("2026-12-04", "03:00")));
        let facts = Facts::derive(&a, &Parsed::new(&a, &e), &e);
        assert_eq!(strip_hours(&facts, &e), Some((72, 27)));
        let hour = |h| strip_hour(&facts, &c, &e, h).unwrap();
        assert_eq!(
            hour(27),
            "Fri 4 Dec 2026 03:00 in America/New_York · 08:00 UTC · 09:00 Amsterdam · the run · the pipeline team's hours"
        );
        assert_eq!(
            hour(0),
            "Thu 3 Dec 2026 00:00 in America/New_York · 05:00 UTC · 06:00 Amsterdam · outside the pipeline team's hours"
        );
        // Saturday 10:00 in New York is 16:00 in Amsterdam, but the team is off.
        assert!(
            hour(58).ends_with("· 16:00 Amsterdam · outside the pipeline team's hours"),
            "{}",
            hour(58)
        );
        let read = |zone, hours, start, later| strip_text(&e, zone, hours, start, later);
        let ny = "America/New_York";
        // Across Amsterdam's switch to summer time (Sun 28 Mar 2027), from New York
        // (already on summer time since 14 Mar): 5 hours apart on Friday, 6 on Monday,
        // Easter Monday, a day off.
        let fri = read(ny, "2", ("2027-03-26", "04:00"), 0);
        assert!(
            fri.contains("04:00 in America/New_York · 08:00 UTC · 09:00 Amsterdam"),
            "{fri}"
        );
        let mon = read(ny, "2", ("2027-03-27", "04:00"), 48);
        assert!(mon.starts_with("Mon 29 Mar 2027 04:00"), "{mon}");
        assert!(
            mon.contains("08:00 UTC · 10:00 Amsterdam · outside the pipeline team's hours"),
            "{mon}"
        );
        // A 30-minute run from 04:20 takes part of the 04:00 hour only.
        assert!(read(ny, "0.5", ("2026-12-04", "04:20"), 0).contains("· the run"));
        assert!(!read(ny, "0.5", ("2026-12-04", "04:20"), 1).contains("· the run"));
        // Half an hour off Amsterdam: the hour holding the team's first half hour is
        // partly theirs (13:00–14:00 in Kolkata is 08:30–09:30 in Amsterdam).
        let first = read("Asia/Kolkata", "2", ("2026-12-04", "13:00"), 0);
        assert!(
            first.ends_with("08:30 Amsterdam · the run · partly the pipeline team's hours"),
            "{first}"
        );
        let next = read("Asia/Kolkata", "2", ("2026-12-04", "13:00"), 1);
        assert!(
            next.ends_with("· the run · the pipeline team's hours"),
            "{next}"
        );
        // No strip without a zone.
        let none = answers("", "2", Some(("2026-12-04", "03:00")));
        let fn_ = Facts::derive(&none, &Parsed::new(&none, &e), &e);
        assert_eq!(strip_hours(&fn_, &e), None);
        assert_eq!(strip_hour(&fn_, &c, &e, 0), None);
    }
}
