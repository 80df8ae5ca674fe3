//! Reading the result of the handbook's events-per-distinct_id query as people paste
//! it, in whatever shape their tool printed it, and what a paste does to the answers.
//!
//! Reading is two steps. First the text becomes a table, an optional header and rows of
//! cells each with its line number (`cells.rs`): text tables are read by `text.rs`
//! (tab-separated, CSV, psql, Markdown, ClickHouse Pretty / PrettyCompact / PrettySpace,
//! aligned columns) and JSON by `json.rs` (the HogQL API's `results`, ClickHouse JSON and
//! JSONEachRow, an array of objects or of arrays). Then `columns.rs` chooses the count's
//! and the distinct_id's columns once for the whole paste, from the header's names when
//! there is one, else from the values of all rows (the count is the column of whole
//! numbers, largest first, as the query orders them), and reads every row with that
//! choice. `summary.rs` says what was understood ("Read 98 rows as …").
//!
//! This file holds the public API: what a paste gives ([`Pasted`]), [`parse_top_ids`],
//! and what a paste replaces and undoes. Nothing is added to the answers while reading:
//! [`parse_top_ids`] says what it understood, [`apply`] replaces the rows.
//!
//! Linear in the text's length; ASCII case folding only (no Unicode tables in the wasm).

mod cells;
mod columns;
mod json;
mod summary;
mod text;

use crate::checklist::questions::answers::Answers;
use crate::checklist::questions::lists::TopId;
use crate::checklist::questions::numbers::{group, parse_count, plural};

/// The query the handbook asks the customer to run.
pub const TOP_IDS_QUERY: &str = "select count(*), distinct_id from events group by distinct_id order by count(*) desc limit 100";

/// At most this many rows are kept (the query's limit).
pub const MAX_ROWS: usize = 100;

/// How the pasted text was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PasteFormat {
    #[default]
    Nothing,
    TabSeparated,
    Csv,
    Psql,
    PsqlBorders,
    Markdown,
    Pretty,
    PrettyCompact,
    Aligned,
    HogqlJson,
    ClickHouseJson,
    JsonEachRow,
    JsonArray,
}

impl PasteFormat {
    pub fn label(self) -> &'static str {
        match self {
            PasteFormat::Nothing => "nothing",
            PasteFormat::TabSeparated => "tab-separated",
            PasteFormat::Csv => "CSV",
            PasteFormat::Psql => "a psql table",
            PasteFormat::PsqlBorders => "a psql table with borders",
            PasteFormat::Markdown => "a Markdown table",
            PasteFormat::Pretty => "ClickHouse Pretty",
            PasteFormat::PrettyCompact => "ClickHouse PrettyCompact",
            PasteFormat::Aligned => "aligned columns (ClickHouse PrettySpace)",
            PasteFormat::HogqlJson => "HogQL API JSON",
            PasteFormat::ClickHouseJson => "ClickHouse JSON",
            PasteFormat::JsonEachRow => "JSONEachRow",
            PasteFormat::JsonArray => "a JSON array",
        }
    }
}

/// Why a non-empty line gave no row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    Header,
    /// "(100 rows)", "Elapsed: 0.003 sec.", "Query id: …".
    Footer,
    /// The count column holds no whole number.
    NoCount,
    /// "12.5": a count is whole.
    NotWhole,
    NoId,
    /// Not as many cells as the table has columns (say a `|` inside a distinct_id).
    Cells,
    /// JSON that stops making sense here; the rest is not read.
    BadJson,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skip {
    /// 1-based line of the pasted text.
    pub line: usize,
    pub why: Why,
}

/// How the count column was chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    #[default]
    Header,
    /// No header (or none we know): the column of whole numbers, largest first.
    Values {
        count: usize,
        /// The distinct_ids are numbers too: the order decided.
        numeric_ids: bool,
        /// The counts are not largest first: the first column of numbers was taken.
        unsorted: bool,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    pub rows: Vec<TopId>,
    pub format: PasteFormat,
    /// Non-empty lines that gave no row, with why (border lines are not listed).
    pub skipped: Vec<Skip>,
    /// Rows beyond [`MAX_ROWS`] that were dropped.
    pub dropped: usize,
    pub choice: Choice,
    /// Some count was written with dots in groups of three ("12.000" read as 12,000).
    pub dots_grouped: bool,
}

impl Pasted {
    /// The largest count read.
    pub fn largest(&self) -> Option<u64> {
        self.rows.iter().filter_map(|r| r.events.parse().ok()).max()
    }
}

/// The rows typed or pasted so far (empty rows do not count).
pub fn filled_rows(a: &Answers) -> usize {
    a.top_ids
        .iter()
        .filter(|r| !r.distinct_id.trim().is_empty() || !r.events.trim().is_empty())
        .count()
}

/// Puts back the rows and the busiest count as they were in `before` (the answers
/// just before a paste), keeping every other answer as it is now.
pub fn undo(a: &mut Answers, before: Answers) {
    a.top_ids = before.top_ids;
    a.max_events_per_id = before.max_events_per_id;
}

/// The button's label: adding to an empty table, or replacing what is there.
pub fn add_label(filled: usize) -> String {
    if filled == 0 {
        "Add pasted rows".to_string()
    } else {
        String::from("Replace the ") + &plural(filled, "row", "rows")
    }
}

/// Said once the rows are in: "Added 98 rows; most events for one distinct_id is now
/// 2,400,000." (or "Replaced 3 rows with 98 …", or that the typed number was kept).
pub fn applied(before: &Answers, a: &Answers) -> String {
    let old = filled_rows(before);
    let rows = plural(a.top_ids.len(), "row", "rows");
    let mut out = if old == 0 {
        String::from("Added ")
    } else {
        String::from("Replaced ") + &plural(old, "row", "rows") + " with "
    };
    out.push_str(&rows);
    let max = parse_count(&a.max_events_per_id).ok().flatten();
    if busiest_follows(before) {
        if let Some(n) = max {
            out.push_str("; most events for one distinct_id is now ");
            out.push_str(&group(n));
        }
    } else {
        out.push_str("; most events for one distinct_id keeps the number typed there");
    }
    out.push('.');
    out
}

/// Whether "most events for one distinct_id" follows the pasted rows: it is empty, or
/// holds the largest count of the rows a paste replaces (it came from them, or agreed
/// with them). A different number typed there is the reader's own and is kept.
fn busiest_follows(a: &Answers) -> bool {
    let old_largest = a
        .top_ids
        .iter()
        .filter_map(|r| parse_count(&r.events).ok().flatten())
        .max();
    let typed = parse_count(&a.max_events_per_id).ok().flatten();
    a.max_events_per_id.trim().is_empty() || (typed.is_some() && typed == old_largest)
}

/// Replaces the top distinct_ids with the pasted rows (a second paste replaces the
/// first, it never appends), and fills "most events for one distinct_id" with the
/// largest pasted count when it follows the rows ([`busiest_follows`]).
pub fn apply(a: &mut Answers, pasted: &Pasted) {
    if let (true, Some(n)) = (busiest_follows(a), pasted.largest()) {
        a.max_events_per_id = n.to_string();
    }
    a.top_ids = pasted.rows.clone();
}

/// Reads the pasted text. Never panics; linear in its length.
pub fn parse_top_ids(text: &str) -> Pasted {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = match text.trim_start().as_bytes().first() {
        Some(b'[' | b'{') => json::read_json(text),
        _ => text::read_text(text),
    };
    columns::resolve(table)
}

#[cfg(test)]
mod tests;
