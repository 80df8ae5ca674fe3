//! Choosing the count's and the distinct_id's columns once for the whole paste (by the
//! header's names, else by the values of all rows) and reading every row with that
//! choice into what the paste gives.

use super::cells::{has_any, read_count, Cell, Cells, Table};
use super::text::regroup_csv;
use super::{Choice, PasteFormat, Pasted, Skip, Why, MAX_ROWS};
use crate::checklist::questions::lists::TopId;

/// A header cell's name, lower-cased (ASCII), without quotes, backticks or `()`.
fn header_name(cell: &str) -> String {
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
    count_name(&header_name(cell))
}

fn count_name(n: &str) -> bool {
    matches!(
        n,
        "c" | "n" | "cnt" | "total" | "events" | "num" | "hits" | "rows" | "value" | "number"
    ) || has_any(n, &["count", "events"])
}

fn id_like(cell: &str) -> bool {
    let n = header_name(cell);
    !count_name(&n)
        && (has_any(&n, &["id", "person", "user", "distinct"])
            || matches!(n.as_str(), "key" | "email" | "name"))
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

pub(super) fn resolve(mut t: Table) -> Pasted {
    let mut out = Pasted {
        format: t.format,
        ..Pasted::default()
    };
    if t.rows.is_empty() && t.header.is_none() {
        out.format = PasteFormat::Nothing;
    }
    first_row_header(&mut t);
    let header = t.header.take();
    if t.format == PasteFormat::Csv {
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
    read_table_rows(rows, count, id, &mut out, &mut later);
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
fn read_table_rows(
    rows: Vec<Cells>,
    count: usize,
    id: usize,
    out: &mut Pasted,
    later: &mut Vec<Skip>,
) {
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
