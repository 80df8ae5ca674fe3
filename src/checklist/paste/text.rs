//! Text tables as clients print them: tab-separated, CSV, psql (with and without
//! borders), Markdown, ClickHouse Pretty / PrettyCompact / PrettySpace and aligned
//! columns. The layout is detected from the whole text, then each line is split into
//! cells; borders are passed over and what clients print around a result is skipped.

use super::cells::{has_any, read_count, Cell, Cells, Table};
use super::{PasteFormat, Skip, Why};
use std::borrow::Cow;

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

fn detect(lines: &[(usize, &str)]) -> PasteFormat {
    let any = |f: &dyn Fn(&str) -> bool| lines.iter().any(|(_, l)| f(l));
    if any(&|l| l.contains('┃') || l.trim_start().starts_with('┏')) {
        return PasteFormat::Pretty;
    }
    if any(&|l| l.contains('│')) {
        return PasteFormat::PrettyCompact;
    }
    if any(&|l| l.contains('\t')) {
        return PasteFormat::TabSeparated;
    }
    if any(&|l| l.contains('|')) {
        if any(&|l| l.trim_start().starts_with("+-")) {
            return PasteFormat::PsqlBorders;
        }
        if any(&|l| is_border(l) && l.contains('|') && !l.contains('+')) {
            return PasteFormat::Markdown;
        }
        return PasteFormat::Psql;
    }
    let csv = any(&|l| l.contains('"') || !only_grouping_commas(l))
        || (any(&|l| l.contains(',')) && !any(&|l| l.trim().contains(char::is_whitespace)));
    if csv {
        PasteFormat::Csv
    } else {
        PasteFormat::Aligned
    }
}

pub(super) fn read_text(text: &str) -> Table<'_> {
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
        if format == PasteFormat::PrettyCompact && l.trim_start().starts_with('┌') {
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
        let cells = split_line(l, format);
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        t.rows.push(Cells { line, cells });
    }
    t
}

fn split_line(line: &str, format: PasteFormat) -> Vec<Cell<'_>> {
    let mut cells: Vec<Cell> = match format {
        PasteFormat::Pretty | PasteFormat::PrettyCompact => {
            let mut pieces = split_on(line, is_frame);
            // Outside the frame: nothing, or ClickHouse's row numbers ("1.").
            if pieces.len() >= 3 {
                pieces.pop();
                pieces.remove(0);
            }
            pieces
        }
        PasteFormat::TabSeparated => split_on(line, |c| c == '\t'),
        PasteFormat::Psql | PasteFormat::PsqlBorders | PasteFormat::Markdown => {
            let l = line.trim();
            let l = l.strip_prefix('|').unwrap_or(l);
            let l = l.strip_suffix('|').unwrap_or(l);
            split_on(l, |c| c == '|')
        }
        PasteFormat::Csv => split_csv(line),
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

/// Unquoted CSV counts with grouping commas ("2,400,000,user_9") joined again.
pub(super) fn regroup_csv(rows: &mut [Cells], header: Option<&[Cell]>) {
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
