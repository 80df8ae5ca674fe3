//! Parsing the result of the handbook's events-per-distinct_id query as people paste
//! it, in whatever shape their tool printed it: tab-separated (spreadsheets, PostHog's
//! SQL editor, ClickHouse TabSeparated), CSV (quoted or not), psql (with and without
//! borders), Markdown tables, ClickHouse Pretty / PrettyCompact / PrettySpace, aligned
//! columns, and JSON (the HogQL API's `results`, ClickHouse JSON and JSONEachRow, an
//! array of objects or of arrays).
//!
//! Reading is two steps. First the text becomes a table: an optional header and rows of
//! cells, each with its line number ([`Table`]). Then the columns are chosen once for the
//! whole paste: from the header's names when there is one, else from the values of all
//! rows (the count is the column of whole numbers, largest first, as the query orders
//! them), and every row is read with that choice. Nothing is added to the answers here:
//! [`parse_top_ids`] says what it understood, [`apply`] replaces the rows.
//!
//! Linear in the text's length; ASCII case folding only (no Unicode tables in the wasm).

use crate::checklist::questions::answers::{Answers, TopId};
use crate::checklist::questions::numbers::{group, parse_count, plural};
use std::borrow::Cow;

/// A cell: borrowed from the pasted text where it can be (no allocation per cell).
type Cell<'a> = Cow<'a, str>;

/// The query the handbook asks the customer to run.
pub const TOP_IDS_QUERY: &str = "select count(*), distinct_id from events group by distinct_id order by count(*) desc limit 100";

/// At most this many rows are kept (the query's limit).
pub const MAX_ROWS: usize = 100;

/// How the pasted text was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
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

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Nothing => "nothing",
            Format::TabSeparated => "tab-separated",
            Format::Csv => "CSV",
            Format::Psql => "a psql table",
            Format::PsqlBorders => "a psql table with borders",
            Format::Markdown => "a Markdown table",
            Format::Pretty => "ClickHouse Pretty",
            Format::PrettyCompact => "ClickHouse PrettyCompact",
            Format::Aligned => "aligned columns (ClickHouse PrettySpace)",
            Format::HogqlJson => "HogQL API JSON",
            Format::ClickHouseJson => "ClickHouse JSON",
            Format::JsonEachRow => "JSONEachRow",
            Format::JsonArray => "a JSON array",
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

impl Why {
    fn says(self) -> &'static str {
        match self {
            Why::Header => "header",
            Why::Footer => "not part of the table",
            Why::NoCount => "no whole count",
            Why::NotWhole => "a count with a fraction",
            Why::NoId => "no distinct_id",
            Why::Cells => "not as many cells as the table has columns",
            Why::BadJson => "JSON stops making sense here",
        }
    }
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
    pub format: Format,
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

    /// What was understood, before anything is added: "Read 98 rows as ClickHouse
    /// PrettyCompact; skipped line 1 (header), line 100 (not part of the table)."
    pub fn summary(&self) -> String {
        let mut out = if self.rows.is_empty() {
            "Found no count and distinct_id".to_string()
        } else {
            let mut out = String::from("Read ");
            out.push_str(&plural(self.rows.len(), "row", "rows"));
            out.push_str(" as ");
            out.push_str(self.format.label());
            out
        };
        // Each reason once, in the order it first occurs, with its first five lines.
        let mut said = [false; Why::BadJson as usize + 1];
        for first in &self.skipped {
            let why = first.why;
            if std::mem::replace(&mut said[why as usize], true) {
                continue;
            }
            let n = self.skipped.iter().filter(|s| s.why == why).count();
            out.push_str(if said.iter().filter(|s| **s).count() == 1 {
                "; skipped "
            } else {
                ", "
            });
            out.push_str(if n == 1 { "line " } else { "lines " });
            let lines = self.skipped.iter().filter(|s| s.why == why).take(5);
            for (i, s) in lines.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&group(s.line as u64));
            }
            if n > 5 {
                out.push_str(" and ");
                out.push_str(&group(n as u64 - 5));
                out.push_str(" more");
            }
            out.push_str(" (");
            out.push_str(why.says());
            out.push(')');
        }
        if let Choice::Values {
            count,
            numeric_ids,
            unsorted,
        } = self.choice
        {
            if !self.rows.is_empty() && (numeric_ids || unsorted || count > 0) {
                out.push_str("; no header names the count, so the counts are column ");
                out.push_str(&(count + 1).to_string());
                if numeric_ids {
                    out.push_str(" (the distinct_ids are numbers too: the counts are the column that goes from largest to smallest)");
                } else if unsorted {
                    out.push_str(" (its first column of numbers; they are not largest first)");
                }
            }
        }
        if self.dots_grouped {
            out.push_str("; dots in counts read as thousands separators (12.000 is 12,000)");
        }
        if self.dropped > 0 {
            const _: () = assert!(MAX_ROWS == 100, "the summary says 100");
            out.push_str("; kept the first 100, dropped ");
            out.push_str(&group(self.dropped as u64));
        }
        out.push('.');
        out
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
        Some(b'[' | b'{') => read_json(text),
        _ => read_text(text),
    };
    resolve(table)
}

/// A row of cells as read, before the columns are chosen.
struct Cells<'a> {
    line: usize,
    cells: Vec<Cell<'a>>,
}

struct Table<'a> {
    format: Format,
    /// Names from the format itself (JSON keys, `columns`, a PrettyCompact top border).
    header: Option<Vec<Cell<'a>>>,
    rows: Vec<Cells<'a>>,
    skipped: Vec<Skip>,
    /// Set when the header came from a line of its own (text formats): later copies of
    /// it are skipped as headers too.
    header_line: Option<usize>,
}

// ---------------------------------------------------------------------------
// Text formats

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c)
}

fn is_frame(c: char) -> bool {
    c == '│' || c == '┃'
}

/// A line drawn only with box or table rule characters.
fn is_border(line: &str) -> bool {
    line.chars()
        .all(|c| is_box(c) || matches!(c, '-' | '+' | '|' | ':' | '=' | ' ' | '\t'))
        && line.chars().any(|c| is_box(c) || c == '-' || c == '=')
}

/// What clients print around a result. (No allocation: it runs on every line.)
fn is_footer(line: &str) -> bool {
    let l = line.trim();
    let starts = |p: &str| {
        l.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    (l.starts_with('(') && (l.ends_with("rows)") || l.ends_with("row)")))
        || has_any(l, &[" in set"])
        || starts("elapsed:")
        || starts("query id:")
        || starts("peak memory usage")
        || starts("showed first ")
        || l.eq_ignore_ascii_case("ok.")
}

/// A comma between digits with exactly three digits after it: grouping, not CSV.
fn only_grouping_commas(line: &str) -> bool {
    let b = line.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b','
            || (i > 0
                && b[i - 1].is_ascii_digit()
                && b.len() >= i + 4
                && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && b.get(i + 4).is_none_or(|n| !n.is_ascii_digit()))
    })
}

fn detect(lines: &[(usize, &str)]) -> Format {
    let any = |f: &dyn Fn(&str) -> bool| lines.iter().any(|(_, l)| f(l));
    if any(&|l| l.contains('┃') || l.trim_start().starts_with('┏')) {
        return Format::Pretty;
    }
    if any(&|l| l.contains('│')) {
        return Format::PrettyCompact;
    }
    if any(&|l| l.contains('\t')) {
        return Format::TabSeparated;
    }
    if any(&|l| l.contains('|')) {
        if any(&|l| l.trim_start().starts_with("+-")) {
            return Format::PsqlBorders;
        }
        if any(&|l| is_border(l) && l.contains('|') && !l.contains('+')) {
            return Format::Markdown;
        }
        return Format::Psql;
    }
    let csv = any(&|l| l.contains('"') || !only_grouping_commas(l))
        || (any(&|l| l.contains(',')) && !any(&|l| l.trim().contains(char::is_whitespace)));
    if csv {
        Format::Csv
    } else {
        Format::Aligned
    }
}

fn read_text(text: &str) -> Table<'_> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let format = detect(&lines);
    let mut t = Table {
        format,
        header: None,
        rows: Vec::with_capacity(lines.len()),
        skipped: Vec::new(),
        header_line: None,
    };
    for (line, l) in lines {
        if is_footer(l) {
            t.skipped.push(Skip {
                line,
                why: Why::Footer,
            });
            continue;
        }
        // PrettyCompact writes the names into its top border: ┌─count()─┬─distinct_id─┐
        if format == Format::PrettyCompact && l.trim_start().starts_with('┌') {
            if l.contains(|c: char| c.is_alphanumeric() || c == '_') {
                let names: Vec<Cell> = l
                    .trim()
                    .trim_start_matches('┌')
                    .trim_end_matches('┐')
                    .split('┬')
                    .map(|n| Cow::Borrowed(n.trim_matches(|c: char| c == '─' || c.is_whitespace())))
                    .collect();
                if t.header.is_none() {
                    t.header = Some(names);
                }
                t.skipped.push(Skip {
                    line,
                    why: Why::Header,
                });
            }
            continue;
        }
        if is_border(l) {
            continue;
        }
        let cells = split(l, format);
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        t.rows.push(Cells { line, cells });
    }
    t
}

fn split(line: &str, format: Format) -> Vec<Cell<'_>> {
    let mut cells: Vec<Cell> = match format {
        Format::Pretty | Format::PrettyCompact => {
            let mut pieces = split_on(line, is_frame);
            // Outside the frame: nothing, or ClickHouse's row numbers ("1.").
            if pieces.len() >= 3 {
                pieces.pop();
                pieces.remove(0);
            }
            pieces
        }
        Format::TabSeparated => split_on(line, |c| c == '\t'),
        Format::Psql | Format::PsqlBorders | Format::Markdown => {
            let l = line.trim();
            let l = l.strip_prefix('|').unwrap_or(l);
            let l = l.strip_suffix('|').unwrap_or(l);
            split_on(l, |c| c == '|')
        }
        Format::Csv => split_csv(line),
        _ => split_aligned(line),
    };
    // A leading "1." is a row number some clients print.
    if cells.len() > 2 {
        if let Some(n) = cells[0].strip_suffix('.') {
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                cells.remove(0);
            }
        }
    }
    cells
}

/// The trimmed pieces between separators (one function for every separator: one copy
/// of the splitting code in the wasm).
#[inline(never)]
fn split_on(line: &str, sep: fn(char) -> bool) -> Vec<Cell<'_>> {
    line.split(sep).map(|c| Cow::Borrowed(c.trim())).collect()
}

/// Splits a CSV line, honouring double quotes (and `""` inside them).
fn split_csv(line: &str) -> Vec<Cell<'_>> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            // ASCII: `i` is a char boundary.
            b',' if !quoted => {
                out.push(csv_field(line.get(start..i).unwrap_or("")));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(csv_field(line.get(start..).unwrap_or("")));
    out
}

/// One CSV field: `"a ""b"""` is `a "b"`; borrowed when it holds no doubled quote.
fn csv_field(f: &str) -> Cell<'_> {
    let t = f.trim();
    match t.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') => return Cow::Borrowed(inner.trim()),
        None if !t.contains('"') => return Cow::Borrowed(t),
        _ => {}
    }
    let mut out = String::new();
    let mut quoted = false;
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.push('"');
            }
            '"' => quoted = !quoted,
            _ => out.push(c),
        }
    }
    Cow::Owned(out.trim().to_string())
}

/// Columns aligned with spaces: two or more spaces between cells (PrettySpace, psql
/// without the `|`); else single spaces, a count with space-grouped digits ("2 400 000")
/// kept whole, and the distinct_id the rest of the line.
fn split_aligned(line: &str) -> Vec<Cell<'_>> {
    // Split at every "  " from the left (as `split("  ")` would, without its substring
    // searcher), pieces trimmed, empty ones left out.
    let l = line.trim();
    let b = l.as_bytes();
    let mut wide: Vec<Cell> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i <= b.len() {
        let end = i == b.len();
        if end || (b[i] == b' ' && b.get(i + 1) == Some(&b' ')) {
            // ASCII: `start` and `i` are char boundaries.
            let piece = l.get(start..i).unwrap_or("").trim();
            if !piece.is_empty() {
                wide.push(Cow::Borrowed(piece));
            }
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    if wide.len() >= 2 {
        return wide;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.len() <= 2 {
        return tokens.into_iter().map(Cow::Borrowed).collect();
    }
    let digits = |t: &str, max: usize| {
        !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
    };
    // A count first: its digit groups, then the id.
    if read_count(tokens[0]).is_ok() {
        let mut end = 1;
        if digits(tokens[0], 3) {
            while end < tokens.len() - 1 && tokens[end].len() == 3 && digits(tokens[end], 3) {
                end += 1;
            }
        }
        return joined(&tokens, end);
    }
    // A count last.
    let mut start = tokens.len() - 1;
    if read_count(tokens[start]).is_ok() {
        while start > 1
            && tokens[start].len() == 3
            && digits(tokens[start], 3)
            && digits(tokens[start - 1], 3)
        {
            start -= 1;
        }
        return joined(&tokens, start);
    }
    vec![Cow::Borrowed(line.trim())]
}

/// Two cells: the tokens before `at`, and from `at`, each joined by single spaces.
fn joined<'a>(tokens: &[&str], at: usize) -> Vec<Cell<'a>> {
    let (a, b) = tokens.split_at(at);
    vec![Cow::Owned(a.join(" ")), Cow::Owned(b.join(" "))]
}

/// "2,400,000" split by an unquoted CSV line into "2", "400", "000": joined again.
fn regroup<'a>(cells: &[Cell<'a>]) -> Vec<Cell<'a>> {
    let digits = |t: &str, max: usize| {
        !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
    };
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    let mut i = 0;
    while i < cells.len() {
        let mut cell = cells[i].clone();
        if digits(&cell, 3) && i + 1 < cells.len() && digits(&cells[i + 1], 3) {
            while i + 1 < cells.len() && cells[i + 1].len() == 3 && digits(&cells[i + 1], 3) {
                let joined = cell.to_mut();
                joined.push(',');
                joined.push_str(&cells[i + 1]);
                i += 1;
            }
        }
        out.push(cell);
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------
// JSON: only what these shapes need, tolerant, linear.

/// A JSON value; strings without escapes are borrowed from the text.
enum J<'a> {
    Null,
    Bool(bool),
    Num(&'a str),
    Str(Cell<'a>),
    /// Items with the line each starts on.
    Arr(Vec<(usize, J<'a>)>),
    Obj(Vec<(Cell<'a>, J<'a>)>),
}

struct Json<'a> {
    b: &'a [u8],
    s: &'a str,
    pos: usize,
    line: usize,
}

/// Deeper nesting than any result has is refused (and the stack stays small).
const MAX_DEPTH: usize = 32;

impl<'a> Json<'a> {
    fn ws(&mut self) {
        while let Some(&c) = self.b.get(self.pos) {
            match c {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.pos) == Some(&c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<J<'a>> {
        self.ws();
        if depth > MAX_DEPTH {
            return None;
        }
        match *self.b.get(self.pos)? {
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    if self.eat(b']') {
                        return Some(J::Arr(items));
                    }
                    self.ws();
                    let line = self.line;
                    items.push((line, self.value(depth + 1)?));
                    if !self.eat(b',') {
                        return self.eat(b']').then_some(J::Arr(items));
                    }
                }
            }
            b'{' => {
                self.pos += 1;
                let mut fields = Vec::new();
                loop {
                    if self.eat(b'}') {
                        return Some(J::Obj(fields));
                    }
                    self.ws();
                    let key = match self.value(depth + 1)? {
                        J::Str(s) => s,
                        _ => return None,
                    };
                    if !self.eat(b':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if !self.eat(b',') {
                        return self.eat(b'}').then_some(J::Obj(fields));
                    }
                }
            }
            b'"' => self.string().map(J::Str),
            b't' | b'f' | b'n' => {
                let rest = &self.b[self.pos..];
                let (len, v) = if rest.starts_with(b"true") {
                    (4, J::Bool(true))
                } else if rest.starts_with(b"false") {
                    (5, J::Bool(false))
                } else if rest.starts_with(b"null") {
                    (4, J::Null)
                } else {
                    return None;
                };
                self.pos += len;
                Some(v)
            }
            _ => {
                let start = self.pos;
                while self
                    .b
                    .get(self.pos)
                    .is_some_and(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                {
                    self.pos += 1;
                }
                (self.pos > start).then(|| J::Num(self.s.get(start..self.pos).unwrap_or("")))
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = char::from(*self.b.get(self.pos)?).to_digit(16)?;
            n = n * 16 + d;
            self.pos += 1;
        }
        Some(n)
    }

    fn string(&mut self) -> Option<Cell<'a>> {
        self.pos += 1;
        let mut out = String::new();
        let s: &'a str = self.s;
        loop {
            let start = self.pos;
            while self
                .b
                .get(self.pos)
                .is_some_and(|&c| c != b'"' && c != b'\\')
            {
                if self.b[self.pos] == b'\n' {
                    self.line += 1;
                }
                self.pos += 1;
            }
            // Both stops are ASCII, so this is a char boundary.
            let piece = s.get(start..self.pos)?;
            match self.b.get(self.pos)? {
                b'"' if out.is_empty() => {
                    self.pos += 1;
                    return Some(Cow::Borrowed(piece));
                }
                b'"' => {
                    self.pos += 1;
                    out.push_str(piece);
                    return Some(Cow::Owned(out));
                }
                _ => {
                    out.push_str(piece);
                    let e = *self.b.get(self.pos + 1)?;
                    self.pos += 2;
                    let c = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi)
                                && self.b[self.pos..].starts_with(b"\\u")
                            {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xd800) << 10) + (lo.wrapping_sub(0xdc00) & 0x3ff)
                            } else {
                                hi
                            };
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        // A backslash before a non-ASCII character stays as it is.
                        other if other >= 0x80 => {
                            self.pos -= 1;
                            '\\'
                        }
                        other => char::from(other),
                    };
                    out.push(c);
                }
            }
        }
    }
}

fn cell(v: &J) -> String {
    match v {
        J::Str(s) => s.to_string(),
        J::Num(s) => s.to_string(),
        J::Bool(true) => "true".into(),
        J::Bool(false) => "false".into(),
        _ => String::new(),
    }
}

/// A JSON value as a cell, moved (no copy).
fn take(v: J<'_>) -> Cell<'_> {
    match v {
        J::Str(s) => s,
        J::Num(s) => Cow::Borrowed(s),
        J::Bool(true) => Cow::Borrowed("true"),
        J::Bool(false) => Cow::Borrowed("false"),
        _ => Cow::Borrowed(""),
    }
}

fn names<'a>(v: Option<&J<'a>>) -> Option<Vec<Cell<'a>>> {
    let J::Arr(items) = v? else { return None };
    items
        .iter()
        .map(|(_, item)| match item {
            J::Str(s) => Some(s.clone()),
            // ClickHouse JSON's "meta": [{"name": "count()", "type": "UInt64"}]
            J::Obj(fields) => fields
                .iter()
                .find(|(k, _)| k == "name")
                .map(|(_, v)| Cow::Owned(cell(v))),
            _ => None,
        })
        .collect()
}

fn read_json(text: &str) -> Table<'_> {
    let (tops, skipped) = json_values(text);
    let mut t = Table {
        format: Format::JsonEachRow,
        header: None,
        rows: Vec::new(),
        skipped,
        header_line: None,
    };
    let items = json_items(tops, &mut t);
    json_rows(items, &mut t);
    t
}

/// The top-level values, each with its line, and where the JSON stops making sense.
fn json_values(text: &str) -> (Vec<(usize, J<'_>)>, Vec<Skip>) {
    let mut r = Json {
        b: text.as_bytes(),
        s: text,
        pos: 0,
        line: 1,
    };
    let mut tops: Vec<(usize, J<'_>)> = Vec::new();
    let mut skipped = Vec::new();
    loop {
        r.ws();
        if r.pos >= r.b.len() {
            break;
        }
        let line = r.line;
        match r.value(0) {
            Some(v) => tops.push((line, v)),
            None => {
                skipped.push(Skip {
                    line: r.line,
                    why: Why::BadJson,
                });
                break;
            }
        }
        // JSONEachRow has none; some tools put commas between objects.
        r.eat(b',');
    }
    (tops, skipped)
}

/// The rows' values: a result's `results` or `data`, an array's items, or each value.
fn json_items<'a>(mut tops: Vec<(usize, J<'a>)>, t: &mut Table<'a>) -> Vec<(usize, J<'a>)> {
    if tops.len() != 1 {
        return tops;
    }
    match tops.pop() {
        Some((top_line, J::Obj(mut fields))) => {
            let at = |fields: &[(Cell, J)], k: &str| fields.iter().position(|(n, _)| n == k);
            let (key, format) = match at(&fields, "results") {
                Some(i) => (Some(i), Format::HogqlJson),
                None => (at(&fields, "data"), Format::ClickHouseJson),
            };
            match key {
                Some(i) => {
                    t.format = format;
                    t.header = names(fields.iter().find(|(k, _)| k == "columns").map(|(_, v)| v))
                        .or_else(|| {
                            names(fields.iter().find(|(k, _)| k == "meta").map(|(_, v)| v))
                        });
                    match fields.swap_remove(i).1 {
                        J::Arr(items) => items,
                        _ => Vec::new(),
                    }
                }
                // One object on its own: one JSONEachRow row.
                None => vec![(top_line, J::Obj(fields))],
            }
        }
        Some((_, J::Arr(items))) => {
            t.format = Format::JsonArray;
            items
        }
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

/// Each item as a row of cells: an array's values, an object's in its keys' columns.
fn json_rows<'a>(items: Vec<(usize, J<'a>)>, t: &mut Table<'a>) {
    let mut keys: Vec<Cell> = t.header.clone().unwrap_or_default();
    let from_keys = t.header.is_none();
    for (line, item) in items {
        let cells = match item {
            J::Arr(values) => values.into_iter().map(|(_, v)| take(v)).collect(),
            J::Obj(fields) => {
                let mut cells = vec![Cow::Borrowed(""); keys.len()];
                for (k, v) in fields {
                    match keys.iter().position(|n| *n == k) {
                        Some(i) => cells[i] = take(v),
                        None if from_keys => {
                            keys.push(k);
                            cells.push(take(v));
                        }
                        None => {}
                    }
                }
                cells
            }
            _ => {
                t.skipped.push(Skip {
                    line,
                    why: Why::Cells,
                });
                continue;
            }
        };
        t.rows.push(Cells { line, cells });
    }
    if from_keys && !keys.is_empty() {
        // Rows read before a later key appeared are shorter: pad them.
        for row in &mut t.rows {
            row.cells
                .resize(keys.len().max(row.cells.len()), Cow::Borrowed(""));
        }
        t.header = Some(keys);
    }
}

// ---------------------------------------------------------------------------
// Choosing the columns and reading the rows

/// A whole count as a query prints it: digits with `,` `_` `'` or spaces between
/// groups; dots in groups of three are grouping too ("2.400.000"), "12.0" is 12. The
/// bool says the dots were grouping.
fn read_count(cell: &str) -> Result<(u64, bool), Why> {
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

/// A header cell's name, lower-cased (ASCII), without quotes, backticks or `()`.
fn name(cell: &str) -> String {
    let l = cell.trim().to_ascii_lowercase();
    let l = l.trim_matches(|c| c == '"' || c == '`' || c == '\'');
    // As `trim_end_matches("(*)")` then `("()")`, without a substring searcher.
    let mut l = l;
    while let Some(rest) = l.strip_suffix("(*)") {
        l = rest;
    }
    while let Some(rest) = l.strip_suffix("()") {
        l = rest;
    }
    l.to_string()
}

fn count_like(cell: &str) -> bool {
    count_name(&name(cell))
}

fn count_name(n: &str) -> bool {
    matches!(
        n,
        "c" | "n" | "cnt" | "total" | "events" | "num" | "hits" | "rows" | "value" | "number"
    ) || has_any(n, &["count", "events"])
}

fn id_like(cell: &str) -> bool {
    let n = name(cell);
    !count_name(&n)
        && (has_any(&n, &["id", "person", "user", "distinct"])
            || matches!(n.as_str(), "key" | "email" | "name"))
}

/// `n` contains one of `words` (one substring search in the wasm, not one per word).
fn has_any(n: &str, words: &[&str]) -> bool {
    words.iter().any(|w| n.contains(w))
}

/// Mostly numbers.
fn numeric(v: &[Option<u64>]) -> bool {
    v.iter().filter(|n| n.is_some()).count() * 2 > v.len()
}

/// The numbers go from largest to smallest.
fn largest_first(v: &[Option<u64>]) -> bool {
    let mut last = u64::MAX;
    v.iter().flatten().all(|&n| {
        let ok = n <= last;
        last = n;
        ok
    })
}

/// 1, 2, 3…: a row-number column, not an id.
fn is_sequence(values: &[Option<u64>]) -> bool {
    values
        .iter()
        .enumerate()
        .all(|(i, v)| *v == Some(i as u64 + 1) || *v == Some(i as u64))
}

fn resolve(mut t: Table) -> Pasted {
    let mut out = Pasted {
        format: t.format,
        ..Pasted::default()
    };
    if t.rows.is_empty() && t.header.is_none() {
        out.format = Format::Nothing;
    }
    first_row_header(&mut t);
    let header = t.header.take();
    if t.format == Format::Csv {
        regroup_csv(&mut t.rows, header.as_deref());
    }
    let width = match &header {
        Some(h) => h.len(),
        None => common_width(&t.rows),
    };
    // Lines skipped while reading the text, and rows skipped here: each in line order.
    let skipped = std::mem::take(&mut t.skipped);
    let mut later: Vec<Skip> = Vec::new();
    let has_header_line = t.header_line.is_some();
    let rows = full_rows(
        t.rows,
        header.as_deref(),
        has_header_line,
        width,
        &mut later,
    );
    let (count, id) = if width < 2 {
        (0, 1)
    } else {
        choose_columns(header.as_deref(), &rows, width, &mut out.choice)
    };
    read_rows(rows, count, id, &mut out, &mut later);
    if let Some(line) = t.header_line {
        later.insert(
            0,
            Skip {
                line,
                why: Why::Header,
            },
        );
    }
    out.skipped = merge(skipped, later);
    out
}

/// Takes a first row with no count in it, next to names or on its own, as the header.
fn first_row_header(t: &mut Table) {
    if t.header.is_none() {
        if let Some(first) = t.rows.first() {
            if first.cells.len() >= 2 && first.cells.iter().all(|c| read_count(c).is_err()) {
                t.header = Some(first.cells.clone());
                t.header_line = Some(first.line);
            }
        }
    }
}

/// Unquoted CSV counts with grouping commas ("2,400,000,user_9") joined again.
fn regroup_csv(rows: &mut [Cells], header: Option<&[Cell]>) {
    // Always without a header, else on rows with more cells than the header has.
    for r in rows {
        if header.is_none_or(|h| r.cells.len() > h.len()) {
            let joined = regroup(&r.cells);
            if joined.len() >= 2 {
                r.cells = joined;
            }
        }
    }
}

/// The most common number of cells in a row (the wider of equals).
fn common_width(rows: &[Cells]) -> usize {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for r in rows {
        match seen.iter_mut().find(|(w, _)| *w == r.cells.len()) {
            Some(s) => s.1 += 1,
            None => seen.push((r.cells.len(), 1)),
        }
    }
    seen.iter()
        .max_by_key(|(w, n)| (*n, *w))
        .map_or(0, |(w, _)| *w)
}

/// The rows with the table's width; the others, and copies of the header, are skipped.
fn full_rows<'a>(
    rows: Vec<Cells<'a>>,
    header: Option<&[Cell]>,
    has_header_line: bool,
    width: usize,
    later: &mut Vec<Skip>,
) -> Vec<Cells<'a>> {
    let mut full: Vec<Cells> = Vec::with_capacity(rows.len());
    for (i, r) in rows.into_iter().enumerate() {
        if i == 0 && has_header_line {
            continue;
        }
        if header.is_some_and(|h| *h == r.cells) {
            later.push(Skip {
                line: r.line,
                why: Why::Header,
            });
            continue;
        }
        if r.cells.len() != width || width < 2 {
            let why = if width < 2 || r.cells.len() < 2 {
                Why::NoCount
            } else {
                Why::Cells
            };
            later.push(Skip { line: r.line, why });
            continue;
        }
        full.push(r);
    }
    full
}

/// The count's and the distinct_id's columns: by the header's names, else by the values.
fn choose_columns(
    header: Option<&[Cell]>,
    rows: &[Cells],
    width: usize,
    choice: &mut Choice,
) -> (usize, usize) {
    let named = header.and_then(|h| {
        let count = h.iter().position(|c| count_like(c))?;
        Some((count, h.iter().position(|c| id_like(c))))
    });
    let values = |c: usize| -> Vec<Option<u64>> {
        rows.iter()
            .map(|r| read_count(&r.cells[c]).ok().map(|(n, _)| n))
            .collect()
    };
    let columns: Vec<Vec<Option<u64>>> = (0..width).map(values).collect();
    let count = match named {
        Some((count, _)) => {
            *choice = Choice::Header;
            count
        }
        None => {
            let sorted = (0..width).find(|&c| numeric(&columns[c]) && largest_first(&columns[c]));
            let any = (0..width).find(|&c| numeric(&columns[c]));
            let count = sorted.or(any).unwrap_or(0);
            let numeric_ids = (0..width)
                .filter(|&c| c != count && numeric(&columns[c]) && !is_sequence(&columns[c]))
                .count()
                > 0;
            *choice = Choice::Values {
                count,
                numeric_ids,
                unsorted: sorted.is_none() && any.is_some(),
            };
            count
        }
    };
    let named_id = named.and_then(|(_, id)| id).filter(|&i| i != count);
    let others = || (0..width).filter(move |&c| c != count);
    let id = named_id
        .or_else(|| others().find(|&c| !numeric(&columns[c])))
        .or_else(|| others().find(|&c| !is_sequence(&columns[c])))
        .or_else(|| others().next())
        .unwrap_or(1);
    (count, id)
}

/// Each row's count and distinct_id into `out`; a row without them skipped with why.
fn read_rows(rows: Vec<Cells>, count: usize, id: usize, out: &mut Pasted, later: &mut Vec<Skip>) {
    for r in rows {
        let why = match read_count(&r.cells[count]) {
            Ok(_) if r.cells[id].trim().is_empty() => Why::NoId,
            Ok((n, dots)) => {
                out.dots_grouped |= dots;
                if out.rows.len() < MAX_ROWS {
                    out.rows.push(TopId {
                        distinct_id: r.cells[id].trim().to_string(),
                        events: n.to_string(),
                    });
                } else {
                    out.dropped += 1;
                }
                continue;
            }
            Err(why) => why,
        };
        later.push(Skip { line: r.line, why });
    }
}

/// Two lists in line order as one (linear; no sort in the wasm).
fn merge(a: Vec<Skip>, b: Vec<Skip>) -> Vec<Skip> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.line <= y.line => x,
            (Some(x), None) => x,
            (_, Some(y)) => {
                j += 1;
                out.push(*y);
                continue;
            }
            (None, None) => return out,
        };
        i += 1;
        out.push(*next);
    }
}

#[cfg(test)]
mod tests;
