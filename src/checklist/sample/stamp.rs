//! An event's `timestamp` as ISO 8601 text, read to UTC seconds.

use crate::checklist::schedule::time::{days_from_civil, days_in_month, SECS_PER_DAY};

/// Reads `2023-01-01T12:00:00Z`, with a fraction (`12:00:00.123456Z`), with an offset
/// (`+02:00`, `+0200`, `+02`, `-05:00`), without one (taken as UTC), with a space or a
/// lower-case `t` for the `T`, to the minute (`12:00Z`), or a date only (its midnight
/// UTC). Blanks around it are ignored. The fraction is dropped (seconds round down).
/// Anything else, or a date or time that does not exist, is `None`.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let mut c = Cursor {
        b: text.trim().as_bytes(),
        at: 0,
    };
    let year = c.num(4)?;
    c.sep(b'-')?;
    let month = c.num(2)?;
    c.sep(b'-')?;
    let day = c.num(2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year as i32, month) {
        return None;
    }
    let midnight = days_from_civil(year as i32, month, day) * SECS_PER_DAY;
    if c.done() {
        return Some(midnight);
    }
    if !matches!(c.byte(), Some(b'T' | b't' | b' ')) {
        return None;
    }
    c.at += 1;
    let hour = c.num(2)?;
    c.sep(b':')?;
    let minute = c.num(2)?;
    let mut second = 0;
    if c.byte() == Some(b':') {
        c.at += 1;
        second = c.num(2)?;
        if matches!(c.byte(), Some(b'.' | b',')) {
            c.at += 1;
            let n = c.run();
            if n == 0 {
                return None;
            }
            c.at += n;
        }
    }
    // 60: a leap second, as ISO 8601 allows.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset = c.offset()?;
    c.done().then_some(
        midnight + i64::from(hour) * 3_600 + i64::from(minute) * 60 + i64::from(second) - offset,
    )
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn byte(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.b.len()
    }

    /// Digits from here.
    fn run(&self) -> usize {
        let rest = self.b.get(self.at..).unwrap_or(&[]);
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    }

    /// Exactly `len` digits, as a number.
    fn num(&mut self, len: usize) -> Option<u32> {
        let digits = self.b.get(self.at..self.at + len)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += len;
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    fn sep(&mut self, c: u8) -> Option<()> {
        (self.byte() == Some(c)).then(|| self.at += 1)
    }

    /// The zone's offset east of UTC in seconds: 0 for `Z` or none.
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.byte() {
            None => return Some(0),
            Some(b'Z' | b'z') => {
                self.at += 1;
                return Some(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => return None,
        };
        self.at += 1;
        let hours = self.num(2)?;
        if self.byte() == Some(b':') {
            self.at += 1;
        }
        let minutes = if self.done() { 0 } else { self.num(2)? };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * (i64::from(hours) * 3_600 + i64::from(minutes) * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_form_an_export_writes_reads_to_the_same_instant() {
        let noon = Some(1_672_574_400); // 2023-01-01 12:00:00 UTC
        for text in [
            "2023-01-01T12:00:00Z",
            "2023-01-01T12:00:00.123456Z",
            "2023-01-01T12:00:00,5Z",
            "2023-01-01T14:00:00+02:00",
            "2023-01-01T14:00:00+0200",
            "2023-01-01T14:00:00+02",
            "2023-01-01T07:00:00-05:00",
            "2023-01-01 12:00:00",
            "2023-01-01t12:00z",
            "  2023-01-01T12:00:00.000Z ",
        ] {
            assert_eq!(parse_timestamp(text), noon, "{text}");
        }
        assert_eq!(parse_timestamp("2023-01-01"), Some(1_672_531_200));
        assert_eq!(parse_timestamp("1969-12-31T23:59:59Z"), Some(-1));
    }

    #[test]
    fn what_is_not_a_timestamp_is_none() {
        for text in [
            "",
            "yesterday",
            "1672574400",
            "2023-1-1",
            "2023-02-29",
            "2023-13-01",
            "2023-01-01T24:00:00Z",
            "2023-01-01T12:60Z",
            "2023-01-01T12:00:00.Z",
            "2023-01-01T12:00:00+25:00",
            "2023-01-01T12:00:00Zjunk",
            "2023-01-01T12",
            "2023-01-01Té",
        ] {
            assert_eq!(parse_timestamp(text), None, "{text}");
        }
    }
}
