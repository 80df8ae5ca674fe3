//! Numbers as people type them ("180,000,000", "180M", "1.5k", "2 000", "1.2 KB",
//! "1h30", "300k/min") and as the request block prints them ("180,000,000").
//!
//! A number is read by what it measures ([`Measure`]): a suffix means what it means in
//! that field, so "900 B" is 900 bytes in a size and 900 billion in a count, and "90m"
//! is 90 minutes in a duration and 90 million in a count. Values come out in the
//! measure's base unit (events, bytes, minutes, events per second).
//!
//! Separators are never guessed. Spaces, `_` and `'` always group digits; a comma
//! followed by three digits groups them ("250,000"); several dots in groups of three
//! group them ("2.400.000"); with both, the last one is the decimal point ("1.234,5").
//! A lone dot before exactly three digits ("150.000") or a lone comma before other
//! than three ("1,5M") could be either: the field asks which was meant
//! ([`NumberError::Unclear`]) and keeps the text as typed until answered.
//!
//! Parsing is exact decimal arithmetic on integers ("4.1M" is 4,100,000, not a float
//! that misses it by a hair) and printing rounds to tenths with integer arithmetic: the
//! wasm carries neither the float parser nor the float formatter of `core`.
//!
//! `read.rs` reads numbers by measure; `write.rs` writes them for the block and the
//! widget ("180,000,000", "1.2 KB", "2 h 30 min"). This file holds what both share:
//! the measures and why a number did not read.

mod read;
mod write;

pub use read::{parse_amount, parse_count, read};
pub use write::{amount, bytes, group, mib, minutes, plural, tenths, tenths_fixed};

/// What a number measures: which units it accepts and the base unit of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Events or clients: k, M, B (thousand, million, billion).
    Count,
    /// Bytes: B, KB / kB, MB, GB (powers of 1,000); KiB, MiB, GiB (powers of 1,024).
    Bytes,
    /// A duration, in minutes: s, min (m), h, days (d), weeks (w); "1h30".
    Minutes,
    /// A rate, in events per second: /s, /min, /h (k, M and B multiply too).
    PerSecond,
    /// A share, in percent: a number alone or with "%".
    Percent,
}

impl Measure {
    /// What to type, as the error next to the field says it.
    fn example(self) -> &'static str {
        match self {
            Measure::Count => {
                "Enter a number such as 250000, 250,000 or 250k (k, M and B are understood)."
            }
            Measure::Bytes => "Enter a size such as 1200, 1.2 KB or 900 B (KB and MB are 1,000 and 1,000,000 bytes; KiB and MiB are 1,024 and 1,048,576).",
            Measure::Minutes => "Enter a duration such as 90 min, 1.5 h, 2 days or 1h30 (a number alone is in the unit beside it).",
            Measure::PerSecond => "Enter a rate such as 5000, 5k/s or 300k/min (a number alone is in the unit beside it).",
            Measure::Percent => "Enter a share such as 5, 5 % or 0.5 %.",
        }
    }
}

/// Why a number did not parse; shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number, or a unit this field does not know.
    NotANumber(Measure),
    Negative,
    TooLarge,
    Fraction,
    /// Two readings are possible: the text rewritten each way, the likelier first
    /// ("150,000" or "150"; "1.5M" or "15M"). Choosing one replaces the text.
    Unclear([String; 2]),
}

impl NumberError {
    pub fn message(&self) -> String {
        match self {
            NumberError::NotANumber(m) => m.example().into(),
            NumberError::Negative => "This cannot be negative.".into(),
            NumberError::TooLarge => "That number is too large to be right.".into(),
            NumberError::Fraction => "Enter a whole number.".into(),
            NumberError::Unclear([a, b]) => {
                let mut out = String::from("Did you mean ");
                out.push_str(a);
                out.push_str(" or ");
                out.push_str(b);
                out.push('?');
                out
            }
        }
    }
}
