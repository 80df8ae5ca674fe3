//! The pipeline team's calendar, in one place for the rules, Suggest a slot, the
//! schedule strip and the block: their hours (Europe/Amsterdam, Monday to Friday),
//! their days off, the working days between two dates, and how a run lies against
//! their hours. The hours and days off are settings (`settings::Config::team`); the
//! Dutch public holidays are computed in `time.rs`.

use super::time::{
    amsterdam_local, amsterdam_offset_minutes, dutch_public_holiday, Date, SECS_PER_HOUR,
    SECS_PER_MIN,
};

/// The days the pipeline team is off besides weekends: the Dutch public holidays most
/// employers give (computed for any year, see [`dutch_public_holiday`]) unless the host
/// says otherwise, plus any dates listed. Written as a comma-separated list of
/// `YYYY-MM-DD` dates, `nl` for the Dutch holidays, or `none`:
/// `"nl,2026-12-24,2026-12-31"`.
#[derive(Clone, Debug, PartialEq)]
pub struct DaysOff {
    pub dutch_holidays: bool,
    pub dates: Vec<Date>,
}

impl Default for DaysOff {
    fn default() -> Self {
        DaysOff {
            dutch_holidays: true,
            dates: Vec::new(),
        }
    }
}

impl DaysOff {
    /// Whether the team is off on this date (weekends aside).
    pub fn contains(&self, date: Date) -> bool {
        (self.dutch_holidays && dutch_public_holiday(date).is_some()) || self.dates.contains(&date)
    }

    /// Why the team is off on this date: "Christmas Day", "a day off", or `None`.
    pub fn name(&self, date: Date) -> Option<&'static str> {
        if self.dutch_holidays {
            if let Some(name) = dutch_public_holiday(date) {
                return Some(name);
            }
        }
        self.dates.contains(&date).then_some("a day off")
    }

    /// Whether any day besides weekends is off (the customer hears "except holidays").
    pub fn any(&self) -> bool {
        self.dutch_holidays || !self.dates.is_empty()
    }

    /// Reads the setting's text; `None` when an item is neither `nl`, `none` (alone)
    /// nor a `YYYY-MM-DD` date.
    pub fn parse(text: &str) -> Option<DaysOff> {
        let mut out = DaysOff {
            dutch_holidays: false,
            dates: Vec::new(),
        };
        let items: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        if items.is_empty() {
            return None;
        }
        if items == ["none"] {
            return Some(out);
        }
        for item in items {
            if item.eq_ignore_ascii_case("nl") {
                out.dutch_holidays = true;
            } else {
                out.dates.push(Date::parse(item).ok()?);
            }
        }
        Some(out)
    }
}

/// The pipeline team's working time: from `start_hour` to `end_hour`, Amsterdam time,
/// on weekdays that are not `days_off`.
#[derive(Clone, Copy, Debug)]
pub struct Team<'a> {
    pub start_hour: u32,
    pub end_hour: u32,
    pub days_off: &'a DaysOff,
}

/// The Amsterdam date of an instant.
pub fn amsterdam_date(utc: i64) -> Date {
    amsterdam_local(utc).0
}

impl Team<'_> {
    /// Whether the team works on this (Amsterdam) date: a weekday that is not a day off.
    pub fn works_on(&self, date: Date) -> bool {
        !date.is_weekend() && !self.days_off.contains(date)
    }

    /// "a Saturday", "Christmas Day": why the team is off on a date.
    pub fn day_off_name(&self, date: Date) -> &'static str {
        match date.weekday() {
            5 => "a Saturday",
            6 => "a Sunday",
            _ => self.days_off.name(date).unwrap_or("a day off"),
        }
    }

    /// The team's hours on an Amsterdam date, in UTC seconds.
    pub fn window_on(&self, date: Date) -> (i64, i64) {
        let noon = date.midnight_utc() + 12 * SECS_PER_HOUR;
        let offset = i64::from(amsterdam_offset_minutes(noon)) * SECS_PER_MIN;
        let at = |hour: u32| date.midnight_utc() + i64::from(hour) * SECS_PER_HOUR - offset;
        (at(self.start_hour), at(self.end_hour))
    }

    /// Working days strictly between two dates (neither `from`, today, nor `to`, the
    /// start day, counts as notice), counted up to `limit`.
    pub fn working_days_between(&self, from: Date, to: Date, limit: u64) -> u64 {
        (from.days() + 1..to.days())
            .filter(|d| self.works_on(Date::from_days(*d)))
            .take(usize::try_from(limit).unwrap_or(usize::MAX))
            .count() as u64
    }

    /// The first day with `lead` working days strictly between `today` and it; `today`
    /// when no notice is asked.
    pub fn first_day_with_notice(&self, today: Date, lead: u64) -> Date {
        if lead == 0 {
            return today;
        }
        let (mut day, mut counted) = (today.days(), 0);
        while counted < lead {
            day += 1;
            if self.works_on(Date::from_days(day)) {
                counted += 1;
            }
        }
        Date::from_days(day + 1)
    }

    /// The team's last working day before `date` (looking back two weeks at most).
    pub fn last_working_day_before(&self, date: Date) -> Date {
        let mut d = Date::from_days(date.days() - 1);
        for _ in 0..14 {
            if self.works_on(d) {
                break;
            }
            d = Date::from_days(d.days() - 1);
        }
        d
    }

    /// Splits the run `[start, end)` into the time inside and outside the team's hours.
    pub fn run_hours(&self, start: i64, end: i64) -> RunHours {
        let mut out = RunHours::default();
        let (first, last) = (amsterdam_date(start), amsterdam_date(end - 1));
        for day in first.days()..=last.days() {
            let date = Date::from_days(day);
            if self.works_on(date) {
                let (ws, we) = self.window_on(date);
                out.inside += (end.min(we) - start.max(ws)).max(0);
            } else {
                out.days_off.push(date);
            }
        }
        out.outside = (end - start) - out.inside;
        out.overnight = first != last;
        out
    }
}

/// How a run lies against the pipeline team's hours.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunHours {
    /// Seconds of the run inside the team's hours on the days they work.
    pub inside: i64,
    /// Seconds outside them.
    pub outside: i64,
    /// The run goes on from one day's end of the window into a later day.
    pub overnight: bool,
    /// Days off (weekends and days off) the run touches, in order.
    pub days_off: Vec<Date>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn team(days_off: &DaysOff) -> Team<'_> {
        Team {
            start_hour: 9,
            end_hour: 17,
            days_off,
        }
    }

    #[test]
    fn working_days_skip_weekends_and_holidays_and_count_neither_end() {
        let nl = DaysOff::default();
        let t = team(&nl);
        // Fri 18 Dec 2026 → Tue 29 Dec 2026: Mon 21, Tue 22, Wed 23, Thu 24 and Mon 28
        // are worked (Christmas and Boxing Day fall on Fri and Sat).
        assert_eq!(
            t.working_days_between(d("2026-12-18"), d("2026-12-29"), 99),
            5
        );
        assert_eq!(
            t.working_days_between(d("2026-12-18"), d("2026-12-29"), 3),
            3
        );
        assert_eq!(
            t.working_days_between(d("2026-12-07"), d("2026-12-08"), 9),
            0
        );
        // Three working days between Friday and the start: Mon, Tue, Wed → Thursday.
        assert_eq!(t.first_day_with_notice(d("2026-12-04"), 3), d("2026-12-10"));
        assert_eq!(t.first_day_with_notice(d("2026-12-04"), 0), d("2026-12-04"));
        // The last working day before Mon 28 Dec is Thu 24 Dec (25 and 26 are off).
        assert_eq!(t.last_working_day_before(d("2026-12-28")), d("2026-12-24"));
    }

    #[test]
    fn the_window_follows_amsterdam_summer_time() {
        let nl = DaysOff::default();
        let t = team(&nl);
        let (s, e) = t.window_on(d("2026-07-01"));
        assert_eq!((s - d("2026-07-01").midnight_utc()) / SECS_PER_HOUR, 7);
        assert_eq!((e - s) / SECS_PER_HOUR, 8);
        let (s, _) = t.window_on(d("2026-12-01"));
        assert_eq!((s - d("2026-12-01").midnight_utc()) / SECS_PER_HOUR, 8);
        assert_eq!(t.day_off_name(d("2026-12-25")), "Christmas Day");
        assert_eq!(t.day_off_name(d("2026-12-05")), "a Saturday");
    }

    #[test]
    fn days_off_are_read_from_their_setting() {
        let off = DaysOff::parse("nl, 2026-12-24").unwrap();
        assert!(off.contains(d("2026-12-24")) && off.contains(d("2026-12-25")));
        assert_eq!(DaysOff::parse("none").map(|o| o.any()), Some(false));
        assert_eq!(DaysOff::parse(" , "), None);
        assert_eq!(DaysOff::parse("24 Dec"), None);
    }
}
