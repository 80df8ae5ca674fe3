//! The block for GitHub (and anything that renders GitHub-flavoured Markdown): tables,
//! a task list, bold and code spans; typed text backslash-escaped
//! (`escape::text` for GitHub).

use super::escape::{self, code_span};
use super::model::{Doc, Inline, Part};
use crate::checklist::settings::format::Format;

/// GitHub takes issue bodies up to 65,536 characters; the block stays well below.
pub const BLOCK_MAX: usize = 60_000;

/// The document as GitHub-flavoured Markdown.
pub fn write(doc: &Doc) -> String {
    let mut md = String::with_capacity(4_096);
    for part in &doc.parts {
        match part {
            Part::Heading { level, line, close } => {
                md.extend(std::iter::repeat_n('#', usize::from(*level)));
                md.push(' ');
                inlines(&mut md, line, false);
                md.push_str(if *close { "\n" } else { "\n\n" });
            }
            Part::Paragraph(line) => {
                inlines(&mut md, line, false);
                md.push_str("\n\n");
            }
            Part::List(items) => {
                for item in items {
                    md.push_str("- ");
                    inlines(&mut md, item, false);
                    md.push('\n');
                }
                md.push('\n');
            }
            Part::Tasks(items) => {
                for (done, item) in items {
                    md.push_str(if *done { "- [x] " } else { "- [ ] " });
                    inlines(&mut md, item, false);
                    md.push('\n');
                }
                md.push('\n');
            }
            Part::Table { head, rows } => table(&mut md, head, rows),
        }
    }
    let end = md.trim_end().len();
    md.truncate(end);
    md.push('\n');
    within_limit(md, BLOCK_MAX)
}

/// A table: its head (`| | |` when it heads nothing), the rule, then the rows.
fn table(md: &mut String, head: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
    md.push('|');
    for cell in head {
        md.push(' ');
        if !cell.is_empty() {
            inlines(md, cell, true);
            md.push(' ');
        }
        md.push('|');
    }
    md.push('\n');
    md.push('|');
    for _ in head {
        md.push_str("---|");
    }
    md.push('\n');
    for row in rows {
        md.push('|');
        for cell in row {
            md.push(' ');
            inlines(md, cell, true);
            md.push_str(" |");
        }
        md.push('\n');
    }
    md.push('\n');
}

fn inlines(md: &mut String, line: &[Inline], in_table: bool) {
    for inline in line {
        match inline {
            Inline::Words(w) => md.push_str(w),
            Inline::Text { text, max } => md.push_str(&escape::text(text, *max, Format::GitHub)),
            Inline::Host(text) => md.push_str(&escape::host(text, Format::GitHub)),
            Inline::Code(id) => md.push_str(&code_span(id, in_table)),
            Inline::Link(url) => {
                md.push('<');
                md.push_str(url);
                md.push('>');
            }
            Inline::Strong(inner) => {
                md.push_str("**");
                inlines(md, inner, in_table);
                md.push_str("**");
            }
            Inline::Emphasis(inner) => {
                md.push('_');
                inlines(md, inner, in_table);
                md.push('_');
            }
            Inline::Break => md.push_str("  \n"),
        }
    }
}

/// Every piece of the block is limited (the conversation link too: a longer one is
/// text, clipped like any answer), so no line is long and this only guards the sum: a
/// text over `max` UTF-16 units (GitHub's unit) is cut at a line and says so. Each
/// format's writer guards its own text.
pub fn within_limit(text: String, max: usize) -> String {
    if text.len() < max || text.encode_utf16().count() < max {
        return text;
    }
    let mut units = 0;
    let mut cut = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max - 200 {
            break;
        }
        if c == '\n' {
            cut = at + 1;
        }
    }
    let (kept, rest) = text.split_at_checked(cut).unwrap_or((&text, ""));
    let mut out = kept.to_string();
    out.push_str(&format!(
        "\n… (the rest of the request, {} more characters, is not shown)\n",
        crate::checklist::questions::numbers::group(rest.chars().count() as u64)
    ));
    out
}
