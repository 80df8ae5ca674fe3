//! JSON results: the HogQL API's `columns` and `results`, ClickHouse JSON (`meta` and
//! `data`), JSONEachRow, and arrays of objects or of arrays. A small reader of our own,
//! only what these shapes need: tolerant, linear, strings borrowed where they can be.

use super::cells::{Cell, Cells, Table};
use super::{PasteFormat, Skip, Why};
use std::borrow::Cow;

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

fn cell_text(v: &J) -> String {
    match v {
        J::Str(s) => s.to_string(),
        J::Num(s) => s.to_string(),
        J::Bool(true) => "true".into(),
        J::Bool(false) => "false".into(),
        _ => String::new(),
    }
}

/// A JSON value as a cell, moved (no copy).
fn take_cell(v: J<'_>) -> Cell<'_> {
    match v {
        J::Str(s) => s,
        J::Num(s) => Cow::Borrowed(s),
        J::Bool(true) => Cow::Borrowed("true"),
        J::Bool(false) => Cow::Borrowed("false"),
        _ => Cow::Borrowed(""),
    }
}

fn column_names<'a>(v: Option<&J<'a>>) -> Option<Vec<Cell<'a>>> {
    let J::Arr(items) = v? else { return None };
    items
        .iter()
        .map(|(_, item)| match item {
            J::Str(s) => Some(s.clone()),
            // ClickHouse JSON's "meta": [{"name": "count()", "type": "UInt64"}]
            J::Obj(fields) => fields
                .iter()
                .find(|(k, _)| k == "name")
                .map(|(_, v)| Cow::Owned(cell_text(v))),
            _ => None,
        })
        .collect()
}

pub(super) fn read_json(text: &str) -> Table<'_> {
    let (tops, skipped) = json_values(text);
    let mut t = Table {
        format: PasteFormat::JsonEachRow,
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
                Some(i) => (Some(i), PasteFormat::HogqlJson),
                None => (at(&fields, "data"), PasteFormat::ClickHouseJson),
            };
            match key {
                Some(i) => {
                    t.format = format;
                    t.header =
                        column_names(fields.iter().find(|(k, _)| k == "columns").map(|(_, v)| v))
                            .or_else(|| {
                                column_names(
                                    fields.iter().find(|(k, _)| k == "meta").map(|(_, v)| v),
                                )
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
            t.format = PasteFormat::JsonArray;
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
            J::Arr(values) => values.into_iter().map(|(_, v)| take_cell(v)).collect(),
            J::Obj(fields) => {
                let mut cells = vec![Cow::Borrowed(""); keys.len()];
                for (k, v) in fields {
                    match keys.iter().position(|n| *n == k) {
                        Some(i) => cells[i] = take_cell(v),
                        None if from_keys => {
                            keys.push(k);
                            cells.push(take_cell(v));
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
