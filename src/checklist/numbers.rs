//! Numbers as people type them ("180,000,000", "180M", "1.5k", "2 000") and as the
//! request block prints them ("180,000,000").
//!
//! Parsing is exact decimal arithmetic on integers ("4.1M" is 4,100,000, not a float
//! that misses it by a hair) and printing rounds to tenths with integer arithmetic: the
//! wasm carries neither the float parser nor the float formatter of `core`.

/// Why a number did not parse; shown next to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    Negative,
    TooLarge,
    Fraction,
}

impl NumberError {
    pub fn message(self) -> &'static str {
        match self {
            NumberError::NotANumber => {
                "Enter a number such as 250000, 250,000 or 250k (k, M and B are understood)."
            }
            NumberError::Negative => "This cannot be negative.",
            NumberError::TooLarge => "That number is too large to be right.",
            NumberError::Fraction => "Enter a whole number.",
        }
    }
}

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

/// Parses a non-negative decimal. Separators (`,` `_` `'` and spaces) are ignored, a
/// decimal point is allowed, and a `k` / `M` / `B` suffix (or "thousand", "million",
/// "billion") multiplies. `Ok(None)` means the field is empty.
fn parse_decimal(text: &str) -> Result<Option<Decimal>, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.starts_with('-') {
        return Err(NumberError::Negative);
    }
    let lower = t.to_ascii_lowercase();
    let (body, multiplier) = split_suffix(&lower);
    let mut units: u128 = 0;
    let mut scale = 0u32;
    let (mut digits, mut points) = (0usize, 0usize);
    for c in body.chars() {
        match c {
            ',' | '_' | '\'' | ' ' | '\u{a0}' | '\u{202f}' => {}
            '.' => points += 1,
            '0'..='9' => {
                digits += 1;
                if points == 1 && scale == MAX_FRACTION_DIGITS {
                    continue;
                }
                units = units * 10 + u128::from(c as u8 - b'0');
                if points == 1 {
                    scale += 1;
                }
                if units > MAX * 10u128.pow(MAX_FRACTION_DIGITS) {
                    return Err(NumberError::TooLarge);
                }
            }
            _ => return Err(NumberError::NotANumber),
        }
    }
    if digits == 0 || points > 1 {
        return Err(NumberError::NotANumber);
    }
    let d = Decimal {
        units: units * multiplier,
        scale,
    };
    if d.units > MAX * 10u128.pow(d.scale) {
        return Err(NumberError::TooLarge);
    }
    Ok(Some(d))
}

impl Decimal {
    fn to_f64(self) -> f64 {
        self.units as f64 / 10u128.pow(self.scale) as f64
    }

    fn whole(self) -> Option<u64> {
        let base = 10u128.pow(self.scale);
        (self.units % base == 0).then(|| (self.units / base) as u64)
    }
}

/// A non-negative amount (may have a fraction); `Ok(None)` when the field is empty.
pub fn parse_amount(text: &str) -> Result<Option<f64>, NumberError> {
    Ok(parse_decimal(text)?.map(Decimal::to_f64))
}

/// Like [`parse_amount`] but the result must be a whole number (after the suffix):
/// "4.1M" is 4,100,000; "1.5" is not a count.
pub fn parse_count(text: &str) -> Result<Option<u64>, NumberError> {
    match parse_decimal(text)? {
        None => Ok(None),
        Some(d) => d.whole().map(Some).ok_or(NumberError::Fraction),
    }
}

fn split_suffix(lower: &str) -> (&str, u128) {
    const SUFFIXES: [(&str, u128); 7] = [
        ("thousand", 1_000),
        ("million", 1_000_000),
        ("billion", 1_000_000_000),
        ("k", 1_000),
        ("m", 1_000_000),
        ("bn", 1_000_000_000),
        ("b", 1_000_000_000),
    ];
    for (suffix, multiplier) in SUFFIXES {
        if let Some(body) = lower.strip_suffix(suffix) {
            return (body.trim_end(), multiplier);
        }
    }
    (lower, 1)
}

/// "180,000,000".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `x` rounded to tenths, as "12" or "12.5" (no grouping).
pub fn tenths(x: f64) -> String {
    let t = (x.max(0.0) * 10.0).round() as u64;
    if t % 10 == 0 {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

/// `x` rounded to tenths, always with one decimal: "0.4", "12.0".
pub fn tenths_fixed(x: f64) -> String {
    let t = (x.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// A rate or size that may have a fraction: grouped when ≥ 100, else up to one decimal.
pub fn amount(x: f64) -> String {
    if x >= 100.0 || x.fract() == 0.0 {
        group(x.round() as u64)
    } else {
        tenths(x)
    }
}

/// Bytes in the unit people use: "800 B", "1.2 KB", "4.8 MB" (decimal units, as in the
/// example block), with MiB caps printed by [`mib`].
pub fn bytes(b: f64) -> String {
    if b < 1_000.0 {
        format!("{} B", amount(b))
    } else if b < 1_000_000.0 {
        format!("{} KB", tenths(b / 1_000.0))
    } else {
        format!("{} MB", tenths(b / 1_000_000.0))
    }
}

/// "20 MiB".
pub fn mib(b: u64) -> String {
    format!("{} MiB", tenths(b as f64 / 1_048_576.0))
}

/// A duration in minutes as "45 min", "10 h", "2 h 30 min", "3 days 4 h".
pub fn minutes(total: f64) -> String {
    let m = total.round() as u64;
    let (days, hours, mins) = (m / 1_440, (m % 1_440) / 60, m % 60);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days} {}", if days == 1 { "day" } else { "days" }));
    }
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if mins > 0 || parts.is_empty() {
        parts.push(format!("{mins} min"));
    }
    parts.join(" ")
}

/// "1 event", "3 events", "99,801 characters".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group(n as u64), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_count("180,000,000"), Ok(Some(180_000_000)));
        assert_eq!(parse_count("180M"), Ok(Some(180_000_000)));
        assert_eq!(parse_count("2.4 million"), Ok(Some(2_400_000)));
        assert_eq!(parse_count("1.5k"), Ok(Some(1_500)));
        assert_eq!(parse_count(" 2 000 "), Ok(Some(2_000)));
        assert_eq!(parse_count("2bn"), Ok(Some(2_000_000_000)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_amount("1.2"), Ok(Some(1.2)));
        assert_eq!(parse_amount(".5"), Ok(Some(0.5)));
    }

    #[test]
    fn decimal_suffixes_are_exact() {
        // Floats missed these by a hair and called them fractions.
        assert_eq!(parse_count("4.1M"), Ok(Some(4_100_000)));
        assert_eq!(parse_count("8.2M"), Ok(Some(8_200_000)));
        assert_eq!(parse_count("16.1k"), Ok(Some(16_100)));
        assert_eq!(parse_count("1.0000001k"), Err(NumberError::Fraction));
    }

    #[test]
    fn rejects_with_a_reason() {
        assert_eq!(parse_count("-5"), Err(NumberError::Negative));
        assert_eq!(parse_count("lots"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("."), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1.5"), Err(NumberError::Fraction));
        assert_eq!(
            parse_count("9".repeat(40).as_str()),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_count("2000000000B"), Err(NumberError::TooLarge));
        assert_eq!(parse_count("k"), Err(NumberError::NotANumber));
    }

    #[test]
    fn formats_for_the_block() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(180_000_000), "180,000,000");
        assert_eq!(bytes(1_200.0 * 1_000.0), "1.2 MB");
        assert_eq!(bytes(800.0), "800 B");
        assert_eq!(bytes(4_049.0), "4 KB");
        assert_eq!(mib(20 * 1_048_576), "20 MiB");
        assert_eq!(minutes(600.0), "10 h");
        assert_eq!(minutes(150.0), "2 h 30 min");
        assert_eq!(minutes(0.0), "0 min");
        assert_eq!(minutes(1_500.0), "1 day 1 h");
        assert_eq!(amount(2.5), "2.5");
        assert_eq!(amount(0.04), "0");
        assert_eq!(amount(5_000.0), "5,000");
        assert_eq!(tenths_fixed(0.44), "0.4");
        assert_eq!(tenths_fixed(12.0), "12.0");
        assert_eq!(tenths(10.0), "10");
    }
}
