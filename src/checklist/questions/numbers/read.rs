//! Reading a number by what it measures: units per measure, exact decimal arithmetic
//! on integers, and separators that could be read two ways asked, never guessed.

use super::write::group;
use super::{Measure, NumberError};

/// Largest amount accepted: beyond it a number is a typo, not a plan.
const MAX: u128 = 1_000_000_000_000_000_000;
/// Fraction digits kept (further ones cannot change anything we print).
const MAX_FRACTION_DIGITS: u32 = 9;

/// A non-negative decimal: `units / 10^scale`, exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Decimal {
    units: u128,
    scale: u32,
}

impl Decimal {
    /// The digits of `whole`, then those of `fraction` after the decimal point
    /// ("150", "" / "1", "5" / "", "5"); separators in them are skipped.
    #[inline(never)]
    fn from_digits(whole: &[u8], fraction: &[u8]) -> Result<Decimal, NumberError> {
        let (mut units, mut scale) = (0u128, 0u32);
        for (part, point) in [(whole, false), (fraction, true)] {
            for &b in part {
                if !b.is_ascii_digit() || (point && scale == MAX_FRACTION_DIGITS) {
                    continue;
                }
                units = units * 10 + u128::from(b - b'0');
                scale += u32::from(point);
                if units > MAX * 10u128.pow(MAX_FRACTION_DIGITS) {
                    return Err(NumberError::TooLarge);
                }
            }
        }
        Ok(Decimal { units, scale })
    }

    /// As the reader would type it unambiguously: "150,000", "1.5".
    fn write(self) -> String {
        let (whole, rest) = div_rem(self.units, 10u64.pow(self.scale));
        let mut whole = group(whole as u64);
        // At most nine fraction digits: they fit a u64 (u128's formatter costs bytes).
        let digits = rest.to_string();
        let pad = (self.scale as usize).saturating_sub(digits.len());
        let mut fraction = if self.scale == 0 {
            String::new()
        } else {
            "0".repeat(pad) + &digits
        };
        while fraction.ends_with('0') {
            fraction.pop();
        }
        // Three fraction digits after a short whole part would read two ways again
        // ("1.001"): a fourth, zero, keeps it a decimal ("1.0010").
        if fraction.len() == 3 && whole.len() <= 3 && whole != "0" {
            fraction.push('0');
        }
        if !fraction.is_empty() {
            whole.push('.');
            whole.push_str(&fraction);
        }
        whole
    }
}

/// `n / d` and `n % d` for a divisor below 2^42 (at most 3,600 × 10^9 here), sixteen
/// bits at a time with u64 division: u128 division would pull compiler-builtins' long
/// division into the wasm.
#[inline(never)]
fn div_rem(n: u128, d: u64) -> (u128, u64) {
    let (mut q, mut r) = (0u128, 0u64);
    for i in (0..8).rev() {
        let acc = (r << 16) | ((n >> (i * 16)) as u64 & 0xffff);
        q = (q << 16) | u128::from(acc / d);
        r = acc % d;
    }
    (q, r)
}

/// A unit's size in the measure's base unit, as a fraction `num / den` (small integers:
/// the tables stay small).
type Ratio = (u32, u32);

/// What a number is multiplied by.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scale {
    /// A unit of the measure: exact.
    Unit(Ratio),
    /// No unit (or only a multiplier such as k): this many of the unit chosen beside
    /// the field.
    Bare(u32),
}

/// One number with its unit as typed: "1.5 h", "300k/min", "1,5M".
struct Part<'a> {
    /// Where the number's text is in the whole text (for a rewritten choice).
    at: core::ops::Range<usize>,
    number: &'a str,
    unit: String,
}

/// A number and its value in the base unit.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Quantity {
    value: f64,
    /// The value when it is a whole number of base units, exactly.
    whole: Option<u64>,
}

/// Reads `text` as a `measure`. A number without a unit is `bare` base units each (the
/// unit chosen beside the field). `Ok(None)` means the field is empty.
pub fn read(text: &str, measure: Measure, bare: f64) -> Result<Option<f64>, NumberError> {
    Ok(read_quantity(text, measure, bare, false)?.map(|q| q.value))
}

/// A whole number of events (or clients): "4.1M" is 4,100,000; "1.5" is not a count.
pub fn parse_count(text: &str) -> Result<Option<u64>, NumberError> {
    match read_quantity(text, Measure::Count, 1.0, true)? {
        None => Ok(None),
        Some(q) => q.whole.map(Some).ok_or(NumberError::Fraction),
    }
}

/// A count that may have a fraction (settings, rates in a table).
pub fn parse_amount(text: &str) -> Result<Option<f64>, NumberError> {
    read(text, Measure::Count, 1.0)
}

fn read_quantity(
    text: &str,
    measure: Measure,
    bare: f64,
    whole: bool,
) -> Result<Option<Quantity>, NumberError> {
    let t = text.trim().trim_start_matches(['~', '≈']).trim_start();
    if t.is_empty() {
        return Ok(None);
    }
    if t.starts_with('-') || t.starts_with('−') {
        return Err(NumberError::Negative);
    }
    // Where `t` starts in `text` (a suffix of it, trimmed): for the rewritten choices.
    let offset = t.as_ptr() as usize - text.as_ptr() as usize;
    let parts = split_parts(t, measure)?;
    let mut total = Quantity {
        value: 0.0,
        whole: Some(0),
    };
    let mut previous_unit = "";
    for part in &parts {
        let scale = unit_scale(measure, &part.unit, previous_unit)
            .ok_or(NumberError::NotANumber(measure))?;
        let (first, second) = readings(part.number, measure)?;
        let a = quantity(first, scale, bare, whole);
        let second = second.map(|d| (d, quantity(d, scale, bare, whole)));
        let q = match (a, second) {
            (Ok(a), Some((db, Ok(b)))) if a != b => {
                let at = offset + part.at.start..offset + part.at.end;
                return Err(NumberError::Unclear([
                    rewrite(text, at.clone(), first),
                    rewrite(text, at, db),
                ]));
            }
            (Ok(a), _) | (_, Some((_, Ok(a)))) => a,
            (Err(e), _) => return Err(e),
        };
        total.value += q.value;
        total.whole = match (total.whole, q.whole) {
            (Some(a), Some(b)) => a.checked_add(b),
            _ => None,
        };
        previous_unit = &part.unit;
    }
    Ok(Some(total))
}

/// The text with one number rewritten as `d` (a choice of an unclear number).
#[inline(never)]
fn rewrite(text: &str, at: core::ops::Range<usize>, d: Decimal) -> String {
    let mut out = String::from(part_of(text, 0, at.start));
    out.push_str(&d.write());
    out.push_str(part_of(text, at.end, text.len()));
    out.trim().to_string()
}

/// A reading's value: the decimal times its unit (or `bare` without one).
#[inline(never)]
fn quantity(d: Decimal, scale: Scale, bare: f64, whole: bool) -> Result<Quantity, NumberError> {
    let base = 10u64.pow(d.scale);
    let (num, den) = match scale {
        Scale::Unit(r) => r,
        Scale::Bare(m) => (m, 1),
    };
    let units = d
        .units
        .checked_mul(u128::from(num))
        .ok_or(NumberError::TooLarge)?;
    // `units / den / base` is `units / (den × base)`; den × base < 2^42.
    let (n, rest) = div_rem(units, u64::from(den) * base);
    if n > MAX {
        return Err(NumberError::TooLarge);
    }
    let exact = (rest == 0).then_some(n as u64);
    let q = match scale {
        Scale::Unit(_) => Quantity {
            value: units as f64 / f64::from(den) / base as f64,
            whole: exact,
        },
        Scale::Bare(_) => Quantity {
            value: units as f64 / base as f64 * bare,
            whole: None,
        },
    };
    if whole && q.whole.is_none() {
        return Err(NumberError::Fraction);
    }
    Ok(q)
}

/// Splits "1h 30min" into numbers and their units; one number unless a duration.
fn split_parts(t: &str, measure: Measure) -> Result<Vec<Part<'_>>, NumberError> {
    let b = t.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // The length of the space at `i` (" ", U+00A0 or U+202F, in UTF-8), 0 for none.
    let space = |i: usize| match b.get(i..).unwrap_or_default() {
        [b' ', ..] => 1,
        [0xc2, 0xa0, ..] => 2,
        [0xe2, 0x80, 0xaf, ..] => 3,
        _ => 0,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        loop {
            if digit(i) || matches!(b.get(i), Some(b'.' | b',' | b'_' | b'\'')) {
                i += 1;
                continue;
            }
            // A space groups digits only between digits ("2 000"), not before a unit.
            let n = space(i);
            if n > 0 && i > start && digit(i + n) {
                i += n;
                continue;
            }
            break;
        }
        let number = part_of(t, start, i);
        if !number.bytes().any(|b| b.is_ascii_digit()) {
            return Err(NumberError::NotANumber(measure));
        }
        // The unit runs to the next digit or dot (ASCII: a char boundary).
        let unit_start = i;
        while i < b.len() && !digit(i) && b[i] != b'.' {
            i += 1;
        }
        let unit: String = part_of(t, unit_start, i)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        parts.push(Part {
            at: start..start + number.trim_end().len(),
            number,
            unit,
        });
    }
    if parts.len() > 1 && measure != Measure::Minutes {
        return Err(NumberError::NotANumber(measure));
    }
    Ok(parts)
}

/// The decimal(s) a number's text can mean: one, or two when its separator is unclear
/// (the grouping reading first).
fn readings(number: &str, measure: Measure) -> Result<(Decimal, Option<Decimal>), NumberError> {
    // A number's text is digits, `.`, `,` and the grouping `_`, `'` and spaces (also
    // U+00A0 and U+202F, whose bytes are not ASCII): the digits and `.` `,` are kept.
    let s: Vec<u8> = number
        .bytes()
        .filter(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
        .collect();
    let s = &s[..];
    let bad = NumberError::NotANumber(measure);
    let count = |c: u8| s.iter().filter(|&&b| b == c).count();
    let (dots, commas) = (count(b'.'), count(b','));
    let one = |whole: &[u8], fraction: &[u8]| Ok((Decimal::from_digits(whole, fraction)?, None));
    let two = |a: (&[u8], &[u8]), b: (&[u8], &[u8])| {
        Ok((
            Decimal::from_digits(a.0, a.1)?,
            Some(Decimal::from_digits(b.0, b.1)?),
        ))
    };
    // The text before and after the separator at `i`.
    let around = |i: usize| (&s[..i], &s[i + 1..]);
    match (dots, commas) {
        (0, 0) => one(s, &[]),
        (_, 0) if dots > 1 => {
            if s.split(|&b| b == b'.').skip(1).all(|g| g.len() == 3) {
                one(s, &[])
            } else {
                Err(bad)
            }
        }
        (1, 0) => {
            let (before, after) = around(s.iter().position(|&b| b == b'.').ok_or(bad)?);
            let unclear = after.len() == 3 && (1..=3).contains(&before.len()) && before != b"0";
            if unclear {
                two((s, &[]), (before, after))
            } else {
                one(before, after)
            }
        }
        (0, _) => {
            let (before, after) = around(s.iter().rposition(|&b| b == b',').ok_or(bad)?);
            if commas == 1
                && after.len() != 3
                && !before.is_empty()
                && before != b"0"
                && !after.is_empty()
            {
                // "1,5": a decimal comma (the likelier), or a slip in "15".
                two((before, after), (s, &[]))
            } else if commas == 1 && (before.is_empty() || before == b"0") {
                one(before, after)
            } else {
                one(s, &[])
            }
        }
        _ => {
            // Both: the last separator is the decimal point, and occurs once.
            let last = s.iter().rposition(|&b| b == b'.' || b == b',').ok_or(bad)?;
            if count(s[last]) > 1 {
                return Err(NumberError::NotANumber(measure));
            }
            let (whole, fraction) = around(last);
            one(whole, fraction)
        }
    }
}

/// `s[from..to]`, or "" where that is not a slice of it (never, by construction: the
/// checked form keeps the panic machinery out of the wasm).
fn part_of(s: &str, from: usize, to: usize) -> &str {
    s.get(from..to).unwrap_or("")
}

/// The units each measure reads, as ratios of its base unit.
const COUNT: &[(&str, Ratio)] = &[
    ("", (1, 1)),
    ("k", (1_000, 1)),
    ("thousand", (1_000, 1)),
    ("m", (1_000_000, 1)),
    ("mn", (1_000_000, 1)),
    ("mio", (1_000_000, 1)),
    ("million", (1_000_000, 1)),
    ("millions", (1_000_000, 1)),
    ("b", (1_000_000_000, 1)),
    ("bn", (1_000_000_000, 1)),
    ("billion", (1_000_000_000, 1)),
    ("billions", (1_000_000_000, 1)),
];
const BYTES: &[(&str, Ratio)] = &[
    ("b", (1, 1)),
    ("byte", (1, 1)),
    ("bytes", (1, 1)),
    ("k", (1_000, 1)),
    ("kb", (1_000, 1)),
    ("kib", (1_024, 1)),
    ("m", (1_000_000, 1)),
    ("mb", (1_000_000, 1)),
    ("mib", (1_048_576, 1)),
    ("g", (1_000_000_000, 1)),
    ("gb", (1_000_000_000, 1)),
    ("gib", (1_073_741_824, 1)),
];
const MINUTES: &[(&str, Ratio)] = &[
    ("s", (1, 60)),
    ("sec", (1, 60)),
    ("secs", (1, 60)),
    ("second", (1, 60)),
    ("seconds", (1, 60)),
    ("m", (1, 1)),
    ("min", (1, 1)),
    ("mins", (1, 1)),
    ("minute", (1, 1)),
    ("minutes", (1, 1)),
    ("h", (60, 1)),
    ("hr", (60, 1)),
    ("hrs", (60, 1)),
    ("hour", (60, 1)),
    ("hours", (60, 1)),
    ("d", (1_440, 1)),
    ("day", (1_440, 1)),
    ("days", (1_440, 1)),
    ("w", (10_080, 1)),
    ("wk", (10_080, 1)),
    ("week", (10_080, 1)),
    ("weeks", (10_080, 1)),
];
const PER: &[(&str, Ratio)] = &[
    ("/s", (1, 1)),
    ("/sec", (1, 1)),
    ("/second", (1, 1)),
    ("persecond", (1, 1)),
    ("eps", (1, 1)),
    ("/m", (1, 60)),
    ("/min", (1, 60)),
    ("/minute", (1, 60)),
    ("perminute", (1, 60)),
    ("/h", (1, 3_600)),
    ("/hr", (1, 3_600)),
    ("/hour", (1, 3_600)),
    ("perhour", (1, 3_600)),
];

/// What a unit means in this measure; `None` for a unit it does not know.
fn unit_scale(measure: Measure, unit: &str, previous: &str) -> Option<Scale> {
    fn find(table: &[(&str, Ratio)], u: &str) -> Option<Ratio> {
        table.iter().find(|(name, _)| *name == u).map(|(_, r)| *r)
    }
    fn noun(u: &str) -> &str {
        ["events", "event", "ev", "clients", "client"]
            .iter()
            .find_map(|n| u.strip_suffix(n))
            .unwrap_or(u)
    }
    let ratio = match measure {
        Measure::Count => find(COUNT, noun(unit)),
        Measure::Bytes if unit.is_empty() => Some((1, 1)),
        Measure::Bytes => find(BYTES, unit),
        // "1h30": minutes after hours; otherwise a number alone is in the chosen unit.
        Measure::Minutes if unit.is_empty() => {
            return match find(MINUTES, previous) {
                Some((60, 1)) => Some(Scale::Unit((1, 1))),
                Some(_) => None,
                None => Some(Scale::Bare(1)),
            };
        }
        Measure::Minutes => find(MINUTES, unit),
        Measure::Percent => matches!(unit, "" | "%" | "percent").then_some((1, 1)),
        Measure::PerSecond => {
            let per = PER
                .iter()
                .find_map(|(suffix, r)| unit.strip_suffix(suffix).map(|rest| (rest, *r)));
            let Some((rest, (num, den))) = per else {
                // No time unit: "5k" is 5,000 in the unit chosen beside the field.
                return find(COUNT, noun(unit)).map(|(m, _)| Scale::Bare(m));
            };
            let (m, _) = find(COUNT, noun(rest))?;
            // At most a billion per second (1,000,000,000 × 1): fits a u32.
            Some((m * num, den))
        }
    };
    ratio.map(Scale::Unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    use Measure::*;

    const BARE: f64 = 1.0;

    fn unclear(a: &str, b: &str) -> NumberError {
        NumberError::Unclear([a.into(), b.into()])
    }

    #[test]
    fn counts_as_people_type_them() {
        let table: &[(&str, Result<Option<u64>, NumberError>)] = &[
            ("180,000,000", Ok(Some(180_000_000))),
            ("180M", Ok(Some(180_000_000))),
            ("2.4 million", Ok(Some(2_400_000))),
            ("1.5k", Ok(Some(1_500))),
            (" 2 000 ", Ok(Some(2_000))),
            ("2 400 000", Ok(Some(2_400_000))),
            ("2_400_000", Ok(Some(2_400_000))),
            ("2'400'000", Ok(Some(2_400_000))),
            ("2.400.000", Ok(Some(2_400_000))),
            ("1.234.567,0", Ok(Some(1_234_567))),
            ("12,34,567", Ok(Some(1_234_567))),
            ("2bn", Ok(Some(2_000_000_000))),
            ("900 B", Ok(Some(900_000_000_000))),
            ("4.1M events", Ok(Some(4_100_000))),
            ("~5k", Ok(Some(5_000))),
            ("", Ok(None)),
            // Floats missed these by a hair and called them fractions.
            ("4.1M", Ok(Some(4_100_000))),
            ("8.2M", Ok(Some(8_200_000))),
            ("16.1k", Ok(Some(16_100))),
            ("1.0000001k", Err(NumberError::Fraction)),
            // Never guessed: the field asks.
            ("150.000", Err(unclear("150,000", "150"))),
            ("1.000", Err(unclear("1,000", "1"))),
            ("1,5M", Err(unclear("1.5M", "15M"))),
            ("2.500M", Err(unclear("2,500M", "2.5M"))),
            // One reading is not a count, so there is nothing to ask.
            ("1.234", Ok(Some(1_234))),
            ("0.500k", Ok(Some(500))),
            // Rejected with a reason.
            ("-5", Err(NumberError::Negative)),
            ("lots", Err(NumberError::NotANumber(Count))),
            ("1.2.3", Err(NumberError::NotANumber(Count))),
            (".", Err(NumberError::NotANumber(Count))),
            ("k", Err(NumberError::NotANumber(Count))),
            ("5 parsecs", Err(NumberError::NotANumber(Count))),
            ("1h30", Err(NumberError::NotANumber(Count))),
            ("1.5", Err(NumberError::Fraction)),
            ("2000000000B", Err(NumberError::TooLarge)),
        ];
        for (text, want) in table {
            assert_eq!(&parse_count(text), want, "{text:?}");
        }
        assert_eq!(
            parse_count("9".repeat(40).as_str()),
            Err(NumberError::TooLarge)
        );
    }

    #[test]
    fn sizes_read_their_units() {
        let table: &[(&str, Result<Option<f64>, NumberError>)] = &[
            ("900 B", Ok(Some(900.0))),
            ("900", Ok(Some(900.0))),
            ("1.2 KB", Ok(Some(1_200.0))),
            ("1.2kB", Ok(Some(1_200.0))),
            ("1 KiB", Ok(Some(1_024.0))),
            ("2 MiB", Ok(Some(2_097_152.0))),
            ("4.8 MB", Ok(Some(4_800_000.0))),
            ("1,200 bytes", Ok(Some(1_200.0))),
            ("1.200 KB", Err(unclear("1,200 KB", "1.2 KB"))),
            ("12 parsecs", Err(NumberError::NotANumber(Bytes))),
        ];
        for (text, want) in table {
            assert_eq!(&read(text, Bytes, BARE), want, "{text:?}");
        }
    }

    #[test]
    fn durations_read_their_units() {
        let hours = 60.0;
        let table: &[(&str, Result<Option<f64>, NumberError>)] = &[
            ("90 min", Ok(Some(90.0))),
            ("90m", Ok(Some(90.0))),
            ("1.5 h", Ok(Some(90.0))),
            ("1h30", Ok(Some(90.0))),
            ("1h 30m", Ok(Some(90.0))),
            ("1 h 30 min", Ok(Some(90.0))),
            ("2 days", Ok(Some(2_880.0))),
            ("2 days 4 h", Ok(Some(3_120.0))),
            ("1 week", Ok(Some(10_080.0))),
            ("30 s", Ok(Some(0.5))),
            // A number alone is in the unit chosen beside the field.
            ("10", Ok(Some(600.0))),
            ("1.5", Ok(Some(90.0))),
            ("10 parsecs", Err(NumberError::NotANumber(Minutes))),
            ("90 min 30", Err(NumberError::NotANumber(Minutes))),
        ];
        for (text, want) in table {
            assert_eq!(&read(text, Minutes, hours), want, "{text:?}");
        }
    }

    #[test]
    fn rates_read_their_units() {
        let per_minute = 1.0 / 60.0;
        let table: &[(&str, Result<Option<f64>, NumberError>)] = &[
            ("5000/s", Ok(Some(5_000.0))),
            ("5k/s", Ok(Some(5_000.0))),
            ("5k events/s", Ok(Some(5_000.0))),
            ("5,000 events per second", Ok(Some(5_000.0))),
            ("300k/min", Ok(Some(5_000.0))),
            ("18M/h", Ok(Some(5_000.0))),
            ("5000 eps", Ok(Some(5_000.0))),
            // Alone, or with only a multiplier: the unit chosen beside the field.
            ("300000", Ok(Some(5_000.0))),
            ("300k", Ok(Some(5_000.0))),
            ("5k/fortnight", Err(NumberError::NotANumber(PerSecond))),
        ];
        for (text, want) in table {
            assert_eq!(&read(text, PerSecond, per_minute), want, "{text:?}");
        }
    }

    #[test]
    fn an_unclear_number_says_both_readings() {
        let e = parse_count("150.000").unwrap_err();
        assert_eq!(e.message(), "Did you mean 150,000 or 150?");
        // The rest of the text is kept in each choice.
        assert_eq!(
            read("  1.500 KB ", Bytes, BARE),
            Err(unclear("1,500 KB", "1.5 KB"))
        );
        // Each choice reads back as itself, without a question.
        for choice in ["150,000", "150", "1.5M", "15M"] {
            assert!(parse_count(choice).is_ok(), "{choice}");
        }
    }
}
