//! The block as plain text (e-mail, Zendesk): no markup at all; headings underlined,
//! tables as aligned lines, ticks as `[x]`. Typed text neutralised and named but not
//! escaped (`escape::text` for plain text); identifiers as typed but for mentions and
//! links (`escape::plain_code`).

use super::escape::{self, code_as, more_not_shown, plain_code, CodeAs, CODE_MAX};
use super::github::{within_limit, BLOCK_MAX};
use super::model::{is_blank, Doc, Inline, Line, Part};
use crate::checklist::settings::format::Format;

/// The document as plain text.
pub fn write(doc: &Doc) -> String {
    let mut out = String::with_capacity(4_096);
    for part in &doc.parts {
        match part {
            Part::Heading { level, line, .. } => {
                let title = text(line);
                let rule = if *level <= 2 { "=" } else { "-" };
                out.push_str(&title);
                out.push('\n');
                out.push_str(&rule.repeat(title.chars().count()));
            }
            Part::Paragraph(line) => out.push_str(&text(line)),
            Part::List(items) => items_as_lines(&mut out, items.iter().map(|i| ("- ", i))),
            Part::Tasks(items) => {
                items_as_lines(&mut out, items.iter().map(|(done, i)| (tick(*done), i)))
            }
            Part::Table { head, rows } => {
                let labelled = head.iter().all(is_blank);
                let mut all: Vec<Vec<String>> = Vec::new();
                if !labelled {
                    all.push(head.iter().map(text).collect());
                }
                for row in rows {
                    let mut row: Vec<String> = row.iter().map(text).collect();
                    if let Some(label) = row.first_mut().filter(|_| labelled) {
                        label.push(':');
                    }
                    all.push(row);
                }
                aligned(&mut out, &all);
            }
        }
        out.push_str("\n\n");
    }
    within_limit(finish(out), BLOCK_MAX)
}

/// "[x] " or "[ ] ".
pub fn tick(done: bool) -> &'static str {
    if done {
        "[x] "
    } else {
        "[ ] "
    }
}

/// A line as text without markup.
pub fn text(line: &Line) -> String {
    let mut out = String::new();
    for inline in line {
        match inline {
            Inline::Words(w) => out.push_str(w),
            Inline::Text { text, max } => out.push_str(&escape::text(text, *max, Format::Plain)),
            Inline::Host(text) => out.push_str(&escape::host(text, Format::Plain)),
            Inline::Link(url) => out.push_str(url),
            Inline::Code(id) => match code_as(id) {
                CodeAs::Nothing => {}
                CodeAs::Text => out.push_str(&escape::text(id, CODE_MAX, Format::Plain)),
                CodeAs::Span { body, more } => {
                    out.push_str(&plain_code(&body));
                    out.push_str(&more_not_shown(more));
                }
            },
            Inline::Strong(inner) | Inline::Emphasis(inner) => out.push_str(&text(inner)),
            Inline::Break => out.push('\n'),
        }
    }
    out
}

fn items_as_lines<'a>(out: &mut String, items: impl Iterator<Item = (&'static str, &'a Line)>) {
    for (i, (mark, item)) in items.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(mark);
        out.push_str(&text(item));
    }
}

/// Rows of cells as lines, each column padded to its widest cell (the last is not).
fn aligned(out: &mut String, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (c, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths[c].saturating_sub(cell.chars().count()) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
    }
}

/// One newline at the end, as the GitHub block has.
pub fn finish(mut out: String) -> String {
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}
