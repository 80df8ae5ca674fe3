//! Numbers as people type them ("180,000,000", "180M", "1.5k", "2 000") and as the
//! request block prints them ("180,000,000").

/// Why a number did not parse; shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    Negative,
    TooLarge,
    Fraction,
}

impl NumberError {
    pub fn message(&self) -> &'static str {
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

/// Parses a non-negative amount. Separators (`,` `_` `'` and spaces) are ignored, a
/// decimal point is allowed, and a `k` / `M` / `B` suffix (or "thousand", "million",
/// "billion") multiplies. `Ok(None)` means the field is empty.
pub fn parse_amount(text: &str) -> Result<Option<f64>, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.starts_with('-') {
        return Err(NumberError::Negative);
    }
    let lower = t.to_ascii_lowercase();
    let (body, multiplier) = split_suffix(&lower);
    let cleaned: String = body
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | '\'' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if cleaned.is_empty()
        || !cleaned.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || cleaned.bytes().filter(|&b| b == b'.').count() > 1
        || cleaned == "."
    {
        return Err(NumberError::NotANumber);
    }
    let value: f64 = cleaned.parse().map_err(|_| NumberError::NotANumber)?;
    let value = value * multiplier;
    if !value.is_finite() || value > 1e18 {
        return Err(NumberError::TooLarge);
    }
    Ok(Some(value))
}

/// Like [`parse_amount`] but the result must be a whole number (after the suffix).
pub fn parse_count(text: &str) -> Result<Option<u64>, NumberError> {
    match parse_amount(text)? {
        None => Ok(None),
        Some(v) if v.fract() != 0.0 => Err(NumberError::Fraction),
        Some(v) => Ok(Some(v as u64)),
    }
}

fn split_suffix(lower: &str) -> (&str, f64) {
    const SUFFIXES: [(&str, f64); 7] = [
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("k", 1e3),
        ("m", 1e6),
        ("b", 1e9),
        ("bn", 1e9),
    ];
    for (suffix, multiplier) in SUFFIXES {
        if let Some(body) = lower.strip_suffix(suffix) {
            return (body.trim_end(), multiplier);
        }
    }
    (lower, 1.0)
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

/// A rate or size that may have a fraction: grouped when ≥ 100, else up to one decimal.
pub fn amount(x: f64) -> String {
    if x >= 100.0 || x.fract() == 0.0 {
        group(x.round() as u64)
    } else {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    }
}

/// Bytes in the unit people use: "800 B", "1.2 KB", "4.8 MB" (decimal units, as in the
/// example block), with MiB caps printed by [`mib`].
pub fn bytes(b: f64) -> String {
    if b < 1_000.0 {
        format!("{} B", amount(b))
    } else if b < 1_000_000.0 {
        format!("{} KB", one_decimal(b / 1_000.0))
    } else {
        format!("{} MB", one_decimal(b / 1_000_000.0))
    }
}

/// "20 MiB".
pub fn mib(b: u64) -> String {
    format!("{} MiB", one_decimal(b as f64 / 1_048_576.0))
}

fn one_decimal(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
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
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_amount("1.2"), Ok(Some(1.2)));
    }

    #[test]
    fn rejects_with_a_reason() {
        assert_eq!(parse_count("-5"), Err(NumberError::Negative));
        assert_eq!(parse_count("lots"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1.5"), Err(NumberError::Fraction));
        assert_eq!(
            parse_count("9".repeat(40).as_str()),
            Err(NumberError::TooLarge)
        );
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
        assert_eq!(mib(20 * 1_048_576), "20 MiB");
        assert_eq!(minutes(600.0), "10 h");
        assert_eq!(minutes(150.0), "2 h 30 min");
        assert_eq!(minutes(0.0), "0 min");
        assert_eq!(minutes(1_500.0), "1 day 1 h");
        assert_eq!(amount(2.5), "2.5");
        assert_eq!(amount(5_000.0), "5,000");
    }
}
