//! The table a paste is read into, before its columns are chosen: rows of cells, each
//! with its line, an optional header, and the lines skipped on the way; and reading a
//! cell as a whole count, which the text readers and the column choice both need.

use super::{PasteFormat, Skip, Why};
use std::borrow::Cow;

/// A cell: borrowed from the pasted text where it can be (no allocation per cell).
pub(super) type Cell<'a> = Cow<'a, str>;

/// A row of cells as read, before the columns are chosen.
pub(super) struct Cells<'a> {
    pub(super) line: usize,
    pub(super) cells: Vec<Cell<'a>>,
}

/// What a reader makes of the text: the header it found and the rows of cells.
pub(super) struct Table<'a> {
    pub(super) format: PasteFormat,
    /// Names from the format itself (JSON keys, `columns`, a PrettyCompact top border).
    pub(super) header: Option<Vec<Cell<'a>>>,
    pub(super) rows: Vec<Cells<'a>>,
    pub(super) skipped: Vec<Skip>,
    /// Set when the header came from a line of its own (text formats): later copies of
    /// it are skipped as headers too.
    pub(super) header_line: Option<usize>,
}

/// A whole count as a query prints it: digits with `,` `_` `'` or spaces between
/// groups; dots in groups of three are grouping too ("2.400.000"), "12.0" is 12. The
/// bool says the dots were grouping.
pub(super) fn read_count(cell: &str) -> Result<(u64, bool), Why> {
    let t = cell.trim().trim_matches(|c| c == '"' || c == '\'');
    // Every digit (the number when dots group), None once it overflows; and the digits
    // before the first dot (the number when the dot is a decimal point).
    let mut all: Option<u64> = Some(0);
    let mut whole: u64 = 0;
    let mut digits = 0;
    let mut dots = 0;
    // Digits since the last dot, and whether every dot so far was followed by three.
    let mut since_dot = 0;
    let mut grouped = true;
    let mut fraction_nonzero = false;
    for c in t.chars() {
        match c {
            '0'..='9' => {
                let d = u64::from(c as u8 - b'0');
                if dots > 0 && d != 0 {
                    fraction_nonzero = true;
                }
                all = all.and_then(|n| n.checked_mul(10)?.checked_add(d));
                if dots == 0 {
                    whole = all.ok_or(Why::NoCount)?;
                }
                digits += 1;
                since_dot += 1;
            }
            '.' => {
                if dots > 0 && since_dot != 3 {
                    grouped = false;
                }
                dots += 1;
                since_dot = 0;
            }
            ',' | '_' | '\'' | ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => return Err(Why::NoCount),
        }
    }
    if digits == 0 {
        return Err(Why::NoCount);
    }
    if dots > 0 && grouped && since_dot == 3 {
        return all.map(|n| (n, true)).ok_or(Why::NoCount);
    }
    // A decimal point: whole only when the fraction is zeros ("12.0").
    if dots > 1 || fraction_nonzero {
        return Err(Why::NotWhole);
    }
    Ok((whole, false))
}

/// `n` contains one of `words` (one substring search in the wasm, not one per word).
pub(super) fn has_any(n: &str, words: &[&str]) -> bool {
    words.iter().any(|w| n.contains(w))
}
