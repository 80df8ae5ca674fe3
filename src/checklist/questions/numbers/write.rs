//! Writing numbers as the block and the widget print them: grouped digits, tenths
//! with integer arithmetic (no float formatter in the wasm), sizes, durations, plurals.

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
    tenths_of(x, false)
}

/// `x` rounded to tenths, always with one decimal: "0.4", "12.0".
pub fn tenths_fixed(x: f64) -> String {
    tenths_of(x, true)
}

fn tenths_of(x: f64, fixed: bool) -> String {
    let t = (x.max(0.0) * 10.0).round() as u64;
    let mut out = (t / 10).to_string();
    if fixed || t % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    }
    out
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
    let (mut out, unit) = if b < 1_000.0 {
        (amount(b), " B")
    } else if b < 1_000_000.0 {
        (tenths(b / 1_000.0), " KB")
    } else {
        (tenths(b / 1_000_000.0), " MB")
    };
    out.push_str(unit);
    out
}

/// "20 MiB".
pub fn mib(b: u64) -> String {
    tenths(b as f64 / 1_048_576.0) + " MiB"
}

/// A duration in minutes as "45 min", "10 h", "2 h 30 min", "3 days 4 h".
pub fn minutes(total: f64) -> String {
    let m = total.round() as u64;
    let (days, hours, mins) = (m / 1_440, (m % 1_440) / 60, m % 60);
    let mut out = String::new();
    let mut part = |n: u64, unit: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&n.to_string());
        out.push_str(unit);
    };
    if days > 0 {
        part(days, if days == 1 { " day" } else { " days" });
    }
    if hours > 0 {
        part(hours, " h");
    }
    if mins > 0 || (days == 0 && hours == 0) {
        part(mins, " min");
    }
    out
}

/// "1 event", "3 events", "99,801 characters".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    let mut out = group(n as u64);
    out.push(' ');
    out.push_str(if n == 1 { one } else { many });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
