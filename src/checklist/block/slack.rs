//! The block for Slack: Slack's own markup (`*bold*`, `_italic_`, `` `code` ``), no
//! backslash escapes and no tables (a line per row). Typed `*`, `_`, `~` and `` ` ``
//! show as themselves, in their full-width forms (`escape::text` for Slack); the host's
//! `#channel` stays a channel link. Identifiers stay as typed in code spans but for
//! what Slack could still act on there (`escape::slack_code`).

use super::escape::{self, code_as, more_not_shown, slack_code, CodeAs, CODE_MAX};
use super::github::{within_limit, BLOCK_MAX};
use super::model::{is_blank, Doc, Inline, Line, Part};
use crate::checklist::settings::format::Format;

/// The document in Slack's markup.
pub fn write(doc: &Doc) -> String {
    let mut out = String::with_capacity(4_096);
    for part in &doc.parts {
        match part {
            Part::Heading { line, .. } => {
                out.push('*');
                flat(&mut out, line);
                out.push('*');
            }
            Part::Paragraph(line) => spans(&mut out, line),
            Part::List(items) => lines(&mut out, items.iter(), |out, item| {
                out.push_str("• ");
                spans(out, item);
            }),
            Part::Tasks(items) => lines(&mut out, items.iter(), |out, (done, item)| {
                out.push_str(super::plain::tick(*done));
                spans(out, item);
            }),
            Part::Table { head, rows } if head.iter().all(is_blank) => {
                lines(&mut out, rows.iter(), |out, row| {
                    if let Some((label, rest)) = row.split_first() {
                        out.push('*');
                        flat(out, label);
                        out.push_str(":* ");
                        cells(out, rest);
                    }
                })
            }
            Part::Table { head, rows } => {
                for (i, cell) in head.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" · ");
                    }
                    flat(&mut out, cell);
                }
                out.push('\n');
                lines(&mut out, rows.iter(), |out, row| {
                    out.push_str("• ");
                    cells(out, row);
                });
            }
        }
        out.push_str("\n\n");
    }
    within_limit(super::plain::finish(out), BLOCK_MAX)
}

/// An identifier in Slack: a code span (or text, where none can hold it).
fn code(out: &mut String, id: &str, fenced: bool) {
    match code_as(id) {
        CodeAs::Nothing => {}
        CodeAs::Text => out.push_str(&escape::text(id, CODE_MAX, Format::Slack)),
        CodeAs::Span { body, more } => {
            let body = slack_code(&body);
            if fenced && !body.is_empty() {
                out.push('`');
                out.push_str(&body);
                out.push('`');
            } else {
                out.push_str(&body);
            }
            out.push_str(&more_not_shown(more));
        }
    }
}

/// One inline run: typed text escaped for Slack, our words as they are.
fn one(out: &mut String, inline: &Inline, fenced: bool) {
    match inline {
        Inline::Words(w) => out.push_str(w),
        Inline::Text { text, max } => out.push_str(&escape::text(text, *max, Format::Slack)),
        Inline::Host(text) => out.push_str(&escape::host(text, Format::Slack)),
        Inline::Link(url) => out.push_str(url),
        Inline::Code(id) => code(out, id, fenced),
        Inline::Strong(inner) | Inline::Emphasis(inner) => flat(out, inner),
        Inline::Break => out.push('\n'),
    }
}

/// A line in Slack's markup: bold, italic and code as Slack's.
fn spans(out: &mut String, line: &Line) {
    for inline in line {
        match inline {
            Inline::Strong(inner) => wrap(out, '*', inner),
            Inline::Emphasis(inner) => wrap(out, '_', inner),
            other => one(out, other, true),
        }
    }
}

/// A line as one run of text without the block's markup (a heading, a table's labels
/// and head).
fn flat(out: &mut String, line: &Line) {
    for inline in line {
        one(out, inline, false);
    }
}

fn wrap(out: &mut String, mark: char, inner: &Line) {
    out.push(mark);
    flat(out, inner);
    out.push(mark);
}

/// Cells of one row, separated by " · ".
fn cells(out: &mut String, row: &[Line]) {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        spans(out, cell);
    }
}

/// Items one per line.
fn lines<T>(
    out: &mut String,
    items: impl Iterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write(out, item);
    }
}
