//! Calendar and clock arithmetic without a time-zone database.
//!
//! Instants are seconds since the Unix epoch (UTC). The pipeline team's zone,
//! Europe/Amsterdam, is computed here by the EU summer-time rule; any other zone's
//! offset comes from a [`Zones`] implementation (the browser's `Intl` in the widget,
//! [`BuiltinZones`] in tests and as a fallback).

use std::fmt;

pub const SECS_PER_MIN: i64 = 60;
pub const SECS_PER_HOUR: i64 = 3_600;
pub const SECS_PER_DAY: i64 = 86_400;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A wall-clock time of day, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    pub hour: u32,
    pub minute: u32,
}

/// Why a date or time did not parse; the text is shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub &'static str);

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// Parses `YYYY-MM-DD` (what `<input type="date">` produces).
    pub fn parse(text: &str) -> Result<Date, ParseError> {
        let bad = ParseError("Use the form YYYY-MM-DD, e.g. 2026-12-08.");
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad);
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad);
        }
        let year: i32 = digits(y).ok_or(bad.clone())? as i32;
        let month = digits(m).ok_or(bad.clone())?;
        let day = digits(d).ok_or(bad)?;
        if !(1..=12).contains(&month) {
            return Err(ParseError("The month must be between 01 and 12."));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(ParseError("That day does not exist in that month."));
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    pub fn from_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (index 3).
        (self.days() + 3).rem_euclid(7) as u32
    }

    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// "Tue 8 Dec 2026".
    pub fn long(self) -> String {
        format!(
            "{} {} {} {}",
            WEEKDAYS[self.weekday() as usize],
            self.day,
            MONTHS[(self.month - 1) as usize],
            self.year
        )
    }

    /// "8 Dec 2026".
    pub fn short(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[(self.month - 1) as usize],
            self.year
        )
    }

    /// Midnight UTC of this date, as seconds since the epoch.
    pub fn midnight_utc(self) -> i64 {
        self.days() * SECS_PER_DAY
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Time {
    /// Parses `HH:MM` (24 h; what `<input type="time">` produces; seconds are ignored).
    pub fn parse(text: &str) -> Result<Time, ParseError> {
        let bad = ParseError("Use the 24-hour form HH:MM, e.g. 09:30.");
        let mut parts = text.trim().split(':');
        let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
            return Err(bad);
        };
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad);
        }
        let hour = digits(h).ok_or(bad.clone())?;
        let minute = digits(m).ok_or(bad)?;
        if hour > 23 || minute > 59 {
            return Err(ParseError(
                "Hours go from 00 to 23 and minutes from 00 to 59.",
            ));
        }
        Ok(Time { hour, minute })
    }

    pub fn secs(self) -> i64 {
        i64::from(self.hour) * SECS_PER_HOUR + i64::from(self.minute) * SECS_PER_MIN
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Splits an instant into its UTC date and time of day.
pub fn split(utc: i64) -> (Date, Time) {
    let days = utc.div_euclid(SECS_PER_DAY);
    let secs = utc.rem_euclid(SECS_PER_DAY);
    (
        Date::from_days(days),
        Time {
            hour: (secs / SECS_PER_HOUR) as u32,
            minute: ((secs % SECS_PER_HOUR) / SECS_PER_MIN) as u32,
        },
    )
}

/// The day number of the last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> i64 {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    last.days() - i64::from((last.weekday() + 1) % 7)
}

/// The day number of the `n`-th (1-based) Sunday of a month.
fn nth_sunday(year: i32, month: u32, n: i64) -> i64 {
    let first = Date {
        year,
        month,
        day: 1,
    };
    let to_sunday = i64::from((6 - first.weekday()) % 7);
    first.days() + to_sunday + 7 * (n - 1)
}

/// EU summer time: from the last Sunday of March 01:00 UTC to the last Sunday of
/// October 01:00 UTC, the same instant in every EU zone.
pub fn eu_summer_time(utc: i64) -> bool {
    let year = split(utc).0.year;
    let start = last_sunday(year, 3) * SECS_PER_DAY + SECS_PER_HOUR;
    let end = last_sunday(year, 10) * SECS_PER_DAY + SECS_PER_HOUR;
    (start..end).contains(&utc)
}

/// US daylight time for a zone whose standard offset is `std_minutes`: from the second
/// Sunday of March 02:00 local standard time to the first Sunday of November 02:00
/// local daylight time.
fn us_daylight_time(utc: i64, std_minutes: i32) -> bool {
    let local_std = utc + i64::from(std_minutes) * SECS_PER_MIN;
    let year = split(local_std).0.year;
    let start = nth_sunday(year, 3, 2) * SECS_PER_DAY + 2 * SECS_PER_HOUR;
    // 02:00 daylight time is 01:00 standard time.
    let end = nth_sunday(year, 11, 1) * SECS_PER_DAY + SECS_PER_HOUR;
    (start..end).contains(&local_std)
}

/// Offset of Europe/Amsterdam from UTC at an instant, in minutes (60 = CET, 120 = CEST).
pub fn amsterdam_offset_minutes(utc: i64) -> i32 {
    if eu_summer_time(utc) {
        120
    } else {
        60
    }
}

/// The Amsterdam date and wall-clock time of an instant.
pub fn amsterdam_local(utc: i64) -> (Date, Time) {
    split(utc + i64::from(amsterdam_offset_minutes(utc)) * SECS_PER_MIN)
}

/// "CET" or "CEST" at an instant.
pub fn amsterdam_abbreviation(utc: i64) -> &'static str {
    if eu_summer_time(utc) {
        "CEST"
    } else {
        "CET"
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> Date {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u32,
        day: day as u32,
    }
}

/// The Dutch public holidays most employers give as days off, by name: New Year's Day,
/// Easter Monday, King's Day (27 April, or the 26th when the 27th is a Sunday),
/// Ascension Day, Whit Monday, Christmas Day and Boxing Day. Good Friday and Liberation
/// Day (5 May) are left out: most employers do not give them every year.
pub fn dutch_public_holiday(date: Date) -> Option<&'static str> {
    let easter = easter_sunday(date.year).days();
    let kings_day = {
        let d = Date {
            year: date.year,
            month: 4,
            day: 27,
        };
        if d.weekday() == 6 {
            26
        } else {
            27
        }
    };
    match (date.month, date.day) {
        (1, 1) => return Some("New Year's Day"),
        (4, d) if d == kings_day => return Some("King's Day"),
        (12, 25) => return Some("Christmas Day"),
        (12, 26) => return Some("Boxing Day"),
        _ => {}
    }
    match date.days() - easter {
        1 => Some("Easter Monday"),
        39 => Some("Ascension Day"),
        50 => Some("Whit Monday"),
        _ => None,
    }
}

/// Converts a local wall-clock time in a zone to UTC. Returns `None` when the zone is
/// unknown. A time the clocks go back over happens twice: it is the earlier one. A time
/// inside a spring-forward gap moves forward by the gap (02:30 reads as 03:30).
/// JavaScript's `Temporal` calls this "compatible".
pub fn local_to_utc(zones: &dyn Zones, zone: &str, date: Date, time: Time) -> Option<i64> {
    let naive = date.midnight_utc() + time.secs();
    // The zone's offsets a day before and a day after (clocks switch at most once in
    // two days): the instants they give that read `time` again are its occurrences.
    let mut earliest: Option<i64> = None;
    for probe in [naive - SECS_PER_DAY, naive + SECS_PER_DAY] {
        let offset = zones.offset_minutes(zone, probe)?;
        let at = naive - i64::from(offset) * SECS_PER_MIN;
        if zones.offset_minutes(zone, at)? == offset {
            earliest = Some(earliest.map_or(at, |e| e.min(at)));
        }
    }
    if earliest.is_some() {
        return earliest;
    }
    // In a gap no offset reads `time`: the offset before the switch moves it forward.
    let before = zones.offset_minutes(zone, naive - SECS_PER_DAY)?;
    Some(naive - i64::from(before) * SECS_PER_MIN)
}

/// Local wall-clock time of an instant in a zone.
pub fn utc_to_local(zones: &dyn Zones, zone: &str, utc: i64) -> Option<(Date, Time)> {
    let offset = zones.offset_minutes(zone, utc)?;
    Some(split(utc + i64::from(offset) * SECS_PER_MIN))
}

/// What the core needs from the outside world: the current instant and a time-zone
/// database. Passing them in keeps every rule a pure function.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// Seconds since the Unix epoch, UTC.
    pub now: i64,
    pub zones: &'a dyn Zones,
}

/// Offsets of IANA time zones. The widget answers with the browser's `Intl`
/// database; [`BuiltinZones`] answers natively.
pub trait Zones {
    /// Minutes east of UTC for `zone` at the instant `utc`; `None` for an unknown zone.
    fn offset_minutes(&self, zone: &str, utc: i64) -> Option<i32>;
}

/// A small built-in table: UTC, the EU zones (by the EU rule), the main US zones (by the
/// US rule) and a few zones without daylight time. Enough for tests and as a fallback
/// where `Intl` is missing.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuiltinZones;

impl Zones for BuiltinZones {
    fn offset_minutes(&self, zone: &str, utc: i64) -> Option<i32> {
        let eu = |standard: i32| standard + if eu_summer_time(utc) { 60 } else { 0 };
        let us = |standard: i32| {
            standard
                + if us_daylight_time(utc, standard) {
                    60
                } else {
                    0
                }
        };
        Some(match zone {
            "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" => 0,
            "Europe/London" | "Europe/Dublin" | "Europe/Lisbon" => eu(0),
            "Europe/Amsterdam" | "Europe/Berlin" | "Europe/Paris" | "Europe/Madrid"
            | "Europe/Rome" | "Europe/Brussels" | "Europe/Vienna" | "Europe/Stockholm"
            | "Europe/Copenhagen" | "Europe/Oslo" | "Europe/Warsaw" | "Europe/Prague"
            | "Europe/Zurich" => eu(60),
            "Europe/Helsinki" | "Europe/Athens" | "Europe/Bucharest" | "Europe/Kyiv" => eu(120),
            "America/New_York" | "America/Toronto" | "America/Detroit" => us(-300),
            "America/Chicago" => us(-360),
            "America/Denver" => us(-420),
            "America/Los_Angeles" | "America/Vancouver" => us(-480),
            "America/Phoenix" => -420,
            "America/Sao_Paulo" => -180,
            "Asia/Kolkata" => 330,
            "Asia/Singapore" => 480,
            "Asia/Tokyo" => 540,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        Date {
            year: y,
            month: mo,
            day: d,
        }
        .midnight_utc()
            + Time {
                hour: h,
                minute: mi,
            }
            .secs()
    }

    #[test]
    fn civil_round_trip_over_four_centuries() {
        for days in (-150_000..150_000).step_by(7) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn weekdays_and_long_dates() {
        assert_eq!(Date::parse("2026-12-08").unwrap().long(), "Tue 8 Dec 2026");
        assert!(Date::parse("2026-11-28").unwrap().is_weekend());
        assert!(!Date::parse("2026-11-27").unwrap().is_weekend());
    }

    #[test]
    fn parses_and_rejects_dates() {
        assert!(Date::parse("2028-02-29").is_ok());
        assert!(Date::parse("2027-02-29").is_err());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("8/12/2026").is_err());
        assert!(Date::parse("").is_err());
        assert_eq!(Time::parse("9:05").unwrap().to_string(), "09:05");
        assert!(Time::parse("24:00").is_err());
        assert!(Time::parse("12").is_err());
    }

    #[test]
    fn eu_summer_time_switches_at_one_utc_on_last_sundays() {
        // 2026: last Sunday of March is the 29th, of October the 25th.
        assert_eq!(amsterdam_offset_minutes(at(2026, 3, 29, 0, 59)), 60);
        assert_eq!(amsterdam_offset_minutes(at(2026, 3, 29, 1, 0)), 120);
        assert_eq!(amsterdam_offset_minutes(at(2026, 10, 25, 0, 59)), 120);
        assert_eq!(amsterdam_offset_minutes(at(2026, 10, 25, 1, 0)), 60);
        assert_eq!(amsterdam_abbreviation(at(2026, 12, 8, 12, 0)), "CET");
    }

    #[test]
    fn dutch_holidays_follow_easter_and_kings_day() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(easter_sunday(2026), d("2026-04-05"));
        assert_eq!(easter_sunday(2027), d("2027-03-28"));
        assert_eq!(easter_sunday(2030), d("2030-04-21"));
        assert_eq!(dutch_public_holiday(d("2026-04-06")), Some("Easter Monday"));
        assert_eq!(dutch_public_holiday(d("2026-05-14")), Some("Ascension Day"));
        assert_eq!(dutch_public_holiday(d("2026-05-25")), Some("Whit Monday"));
        assert_eq!(dutch_public_holiday(d("2026-04-27")), Some("King's Day"));
        // 27 April 2025 was a Sunday: King's Day moved to Saturday the 26th.
        assert_eq!(dutch_public_holiday(d("2025-04-26")), Some("King's Day"));
        assert_eq!(dutch_public_holiday(d("2025-04-27")), None);
        assert_eq!(dutch_public_holiday(d("2026-12-26")), Some("Boxing Day"));
        assert_eq!(dutch_public_holiday(d("2026-12-24")), None);
        assert_eq!(dutch_public_holiday(d("2026-04-03")), None, "Good Friday");
    }

    #[test]
    fn us_daylight_time_follows_the_us_rule() {
        // 2026: DST from 8 March 07:00 UTC to 1 November 06:00 UTC in New York.
        let ny = |t| BuiltinZones.offset_minutes("America/New_York", t).unwrap();
        assert_eq!(ny(at(2026, 3, 8, 6, 59)), -300);
        assert_eq!(ny(at(2026, 3, 8, 7, 0)), -240);
        assert_eq!(ny(at(2026, 11, 1, 5, 59)), -240);
        assert_eq!(ny(at(2026, 11, 1, 6, 0)), -300);
    }

    #[test]
    fn local_times_convert_both_ways() {
        let z = BuiltinZones;
        let date = Date::parse("2026-12-08").unwrap();
        let nine = Time::parse("09:00").unwrap();
        let utc = local_to_utc(&z, "Europe/Berlin", date, nine).unwrap();
        assert_eq!(utc, at(2026, 12, 8, 8, 0));
        let (d, t) = utc_to_local(&z, "America/New_York", utc).unwrap();
        assert_eq!((d, t.to_string()), (date, "03:00".to_string()));
        assert_eq!(local_to_utc(&z, "Mars/Olympus", date, nine), None);
    }

    #[test]
    fn a_time_the_clocks_go_back_over_is_its_first_occurrence_everywhere() {
        let z = BuiltinZones;
        // A local "date time" in `zone`, in UTC.
        let local = |zone, when: &str| {
            let (date, time) = when.split_once(' ').unwrap();
            let (date, time) = (Date::parse(date).unwrap(), Time::parse(time).unwrap());
            local_to_utc(&z, zone, date, time).unwrap()
        };
        // (zone, local date and time in 2026, UTC month, day, hour and minute)
        let cases = [
            // Berlin (east of UTC) goes back from 03:00 to 02:00 on Sun 25 Oct 2026, New
            // York (west) from 02:00 to 01:00 on Sun 1 Nov 2026: both read the first time
            // round.
            ("Europe/Berlin", "2026-10-25 02:30", (10, 25, 0, 30)),
            ("America/New_York", "2026-11-01 01:30", (11, 1, 5, 30)),
            // A time in a spring-forward gap moves forward by the gap: Berlin's 02:30 on
            // Sun 29 Mar 2026 is 01:30 UTC (03:30 in summer time), New York's on Sun 8 Mar
            // 2026 is 07:30 UTC (03:30 in summer time), as before.
            ("Europe/Berlin", "2026-03-29 02:30", (3, 29, 1, 30)),
            ("America/New_York", "2026-03-08 02:30", (3, 8, 7, 30)),
            // Just outside the switches, nothing changes.
            ("Europe/Berlin", "2026-10-25 03:00", (10, 25, 2, 0)),
            ("America/New_York", "2026-11-01 00:59", (11, 1, 4, 59)),
        ];
        for (zone, when, (mo, d, h, mi)) in cases {
            assert_eq!(local(zone, when), at(2026, mo, d, h, mi), "{zone} {when}");
        }
    }
}
