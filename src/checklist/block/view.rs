//! What the widget's rendered view shows of a document: each line as runs of text
//! the way GitHub displays the block (escapes resolved, code spans' text, links),
//! for `ui/rendered.rs` to turn into DOM nodes. User text only ever becomes text.

use super::escape::{self, github_code_as, more_not_shown, CodeAs, CODE_MAX};
use super::model::{Doc, Inline, Line, Part};
use super::plain;
use crate::checklist::settings::format::Format;

/// A run of the rendered view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
    Link(String),
    Break,
}

/// A line as the rendered view shows it (as GitHub shows it outside a table).
pub fn spans(line: &Line) -> Vec<Span> {
    shown(line, false)
}

/// A table cell as the rendered view shows it.
pub fn cell_spans(line: &Line) -> Vec<Span> {
    shown(line, true)
}

fn shown(line: &Line, in_table: bool) -> Vec<Span> {
    let mut out = Vec::with_capacity(line.len());
    for inline in line {
        match inline {
            Inline::Words(w) => out.push(Span::Text(w.to_string())),
            Inline::Text { text, max } => out.push(Span::Text(
                escape::text(text, *max, Format::Plain).into_owned(),
            )),
            Inline::Host(text) => {
                out.push(Span::Text(escape::host(text, Format::Plain).into_owned()))
            }
            Inline::Code(id) => match github_code_as(id, in_table) {
                CodeAs::Nothing => {}
                CodeAs::Text => out.push(Span::Text(
                    escape::text(id, CODE_MAX, Format::Plain).into_owned(),
                )),
                CodeAs::Span { body, more } => {
                    out.push(Span::Code(body));
                    if more > 0 {
                        out.push(Span::Text(more_not_shown(more)));
                    }
                }
            },
            Inline::Link(url) => out.push(Span::Link(url.clone())),
            Inline::Strong(inner) => out.push(Span::Strong(plain::text(inner))),
            Inline::Emphasis(inner) => out.push(Span::Emphasis(plain::text(inner))),
            Inline::Break => out.push(Span::Break),
        }
    }
    out
}

/// The text of every heading, paragraph, list item and table cell, in order, as a
/// reader sees it (empty ones left out): what tests hold against a Markdown parser.
pub fn texts(doc: &Doc) -> Vec<String> {
    let text = |line: &Line, in_table: bool| -> String {
        shown(line, in_table)
            .into_iter()
            .map(|s| match s {
                Span::Text(t)
                | Span::Strong(t)
                | Span::Emphasis(t)
                | Span::Code(t)
                | Span::Link(t) => t,
                Span::Break => "\n".to_string(),
            })
            .collect()
    };
    let mut out = Vec::new();
    for part in &doc.parts {
        match part {
            Part::Heading { line, .. } | Part::Paragraph(line) => out.push(text(line, false)),
            Part::List(items) => out.extend(items.iter().map(|l| text(l, false))),
            Part::Tasks(items) => out.extend(items.iter().map(|(_, l)| text(l, false))),
            Part::Table { head, rows } => {
                out.extend(head.iter().map(|l| text(l, true)));
                for row in rows {
                    out.extend(row.iter().map(|l| text(l, true)));
                }
            }
        }
    }
    out.retain(|t| !t.is_empty());
    out
}
