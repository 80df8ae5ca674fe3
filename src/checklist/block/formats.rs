//! One request, three destinations. The block is written once, as GitHub-flavoured
//! Markdown (`markdown.rs`); the Slack and plain-text versions are written from its
//! document model (`preview.rs`), so all three say exactly the same thing:
//!
//! - **GitHub**: the Markdown as it is.
//! - **Slack**: Slack's own markup (`*bold*`, `_italic_`, `` `code` ``), no backslash
//!   escapes, no tables: a line per row. The host's `#channel` stays a channel link.
//!   Typed `*`, `_`, `~` and `` ` `` show as themselves (`＊ ＿ ～ ｀`, see
//!   `escape::slack_text`): the block is read with its escapes to tell them apart.
//! - **Plain text** (e-mail, Zendesk): no markup at all; headings underlined, tables as
//!   aligned lines, ticks as `[x]`.
//!
//! Identifiers (distinct_ids, event names) are shown as typed, so that an id copied
//! from the ticket matches: GitHub shows code spans exactly; Slack and plain text have
//! no references (`#123`, `GH-123`), so those stay, but neither has a code span that is
//! safe from mentions and links, so `@here`, `<!here>` (Slack), `#channel` (Slack) and
//! links are neutralised there (`escape::slack_code`, `escape::plain_code`).

use crate::checklist::block::escape::{plain_code, slack_code, slack_text};
use crate::checklist::block::preview::{blocks, blocks_marked, Block, Span};
use crate::checklist::settings::format::Format;

/// The request block (GitHub Markdown, as `render_markdown` writes it) for `format`.
pub fn write(markdown: &str, format: Format) -> String {
    match format {
        Format::GitHub => markdown.to_string(),
        Format::Slack => slack(&blocks_marked(markdown)),
        Format::Plain => plain(&blocks(markdown)),
    }
}

fn slack(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(4_096);
    for block in blocks {
        match block {
            Block::Heading { spans, .. } => {
                out.push('*');
                out.push_str(&slack_line(spans));
                out.push('*');
            }
            Block::Paragraph(spans) => slack_spans(&mut out, spans),
            Block::List(items) => lines(&mut out, items.iter(), |out, item| {
                out.push_str("• ");
                slack_spans(out, item);
            }),
            Block::Tasks(items) => lines(&mut out, items.iter(), |out, (done, item)| {
                out.push_str(tick(*done));
                slack_spans(out, item);
            }),
            Block::Table { head, rows } if is_blank(head) => {
                lines(&mut out, rows.iter(), |out, row| {
                    if let Some((label, rest)) = row.split_first() {
                        out.push('*');
                        out.push_str(&slack_line(label));
                        out.push_str(":* ");
                        cells(out, rest, slack_spans);
                    }
                })
            }
            Block::Table { head, rows } => {
                let head: Vec<String> = head.iter().map(|c| slack_line(c)).collect();
                out.push_str(&head.join(" · "));
                out.push('\n');
                lines(&mut out, rows.iter(), |out, row| {
                    out.push_str("• ");
                    cells(out, row, slack_spans);
                });
            }
        }
        out.push_str("\n\n");
    }
    finish(out)
}

/// Spans in Slack's markup, read with their escapes (`blocks_marked`): the block's
/// bold, italic and code as Slack's, typed text as [`slack_text`] writes it.
fn slack_spans(out: &mut String, spans: &[Span]) {
    for span in spans {
        match span {
            Span::Text(t) => out.push_str(&slack_text(t)),
            Span::Link(t) => out.push_str(t),
            Span::Strong(t) => wrap(out, '*', &slack_text(t)),
            Span::Emphasis(t) => wrap(out, '_', &slack_text(t)),
            Span::Code(t) => {
                let t = slack_code(t);
                if !t.is_empty() {
                    wrap(out, '`', &t);
                }
            }
            Span::Break => out.push('\n'),
        }
    }
}

/// Spans as one run of Slack text without the block's markup (a heading, bold as a
/// whole; a table's labels and head).
fn slack_line(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(t) | Span::Strong(t) | Span::Emphasis(t) => out.push_str(&slack_text(t)),
            Span::Link(t) => out.push_str(t),
            Span::Code(t) => out.push_str(&slack_code(t)),
            Span::Break => out.push('\n'),
        }
    }
    out
}

fn plain(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(4_096);
    for block in blocks {
        match block {
            Block::Heading { level, spans } => {
                let title = text(spans);
                let rule = if *level <= 2 { "=" } else { "-" };
                out.push_str(&title);
                out.push('\n');
                out.push_str(&rule.repeat(title.chars().count()));
            }
            Block::Paragraph(spans) => out.push_str(&text(spans)),
            Block::List(items) => lines(&mut out, items.iter(), |out, item| {
                out.push_str("- ");
                out.push_str(&text(item));
            }),
            Block::Tasks(items) => lines(&mut out, items.iter(), |out, (done, item)| {
                out.push_str(tick(*done));
                out.push_str(&text(item));
            }),
            Block::Table { head, rows } => {
                let mut all: Vec<Vec<String>> = Vec::new();
                let labelled = is_blank(head);
                if !labelled {
                    all.push(head.iter().map(|c| text(c)).collect());
                }
                for row in rows {
                    let mut row: Vec<String> = row.iter().map(|c| text(c)).collect();
                    if labelled {
                        if let Some(label) = row.first_mut() {
                            label.push(':');
                        }
                    }
                    all.push(row);
                }
                aligned(&mut out, &all);
            }
        }
        out.push_str("\n\n");
    }
    finish(out)
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
    lines(out, rows.iter(), |out, row| {
        for (c, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths[c].saturating_sub(cell.chars().count()) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
    });
}

/// A table row's head with no text (the summary table's `| | |`).
fn is_blank(head: &[Vec<Span>]) -> bool {
    head.iter().all(|c| text(c).trim().is_empty())
}

fn tick(done: bool) -> &'static str {
    if done {
        "[x] "
    } else {
        "[ ] "
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

/// Cells of one row, separated by " · ".
fn cells(out: &mut String, row: &[Vec<Span>], write: fn(&mut String, &[Span])) {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        write(out, cell);
    }
}

fn wrap(out: &mut String, mark: char, text: &str) {
    out.push(mark);
    out.push_str(text);
    out.push(mark);
}

/// Spans as text without markup (identifiers as [`plain_code`] writes them).
fn text(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(t) | Span::Strong(t) | Span::Emphasis(t) | Span::Link(t) => out.push_str(t),
            Span::Code(t) => out.push_str(&plain_code(t)),
            Span::Break => out.push('\n'),
        }
    }
    out
}

/// One newline at the end, as the Markdown block has.
fn finish(mut out: String) -> String {
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: &str = "## Historical import request: Acme \\*Corp\\* (cc ＠octocat)\n\n**To** \\#team-ingestion · **Conversation** <https://x.example/t/1>  \n**Status:** 1 warning\n\n| | |\n|---|---|\n| Kind | Historical import |\n| Batching | `/batch`, 1,000 events |\n\n### Findings\n- **Warning: Hot.** Why. **Do:** Tell.\n\n### Top distinct_ids (from the customer's query)\n| distinct_id | events |\n|---|---|\n| `user_8812` | 2,400,000 |\n| `bot\\|x@y.com` | 12 |\n\n### Checklist\n- [x] Done\n- [ ] Open\n\n_Historical import checklist · answers schema 1_\n";

    #[test]
    fn github_is_the_markdown() {
        assert_eq!(write(MD, Format::GitHub), MD);
    }

    #[test]
    fn slack_has_its_own_markup_and_no_escapes_or_tables() {
        let s = write(MD, Format::Slack);
        assert!(
            s.starts_with("*Historical import request: Acme ＊Corp＊ (cc ＠octocat)*\n\n"),
            "{s}"
        );
        assert!(
            s.contains(
                "*To* #team-ingestion · *Conversation* https://x.example/t/1\n*Status:* 1 warning"
            ),
            "{s}"
        );
        assert!(
            s.contains("*Kind:* Historical import\n*Batching:* `/batch`, 1,000 events"),
            "{s}"
        );
        assert!(
            s.contains("distinct_id · events\n• `user_8812` · 2,400,000\n• `bot|x＠y[.]com` · 12"),
            "{s}"
        );
        assert!(s.contains("[x] Done\n[ ] Open"), "{s}");
        assert!(!s.contains('\\') && !s.contains("| "), "{s}");
        assert!(s.ends_with("_Historical import checklist · answers schema 1_\n"));
    }

    #[test]
    fn plain_text_has_no_markup_and_aligned_tables() {
        let s = write(MD, Format::Plain);
        assert!(
            s.starts_with("Historical import request: Acme *Corp* (cc ＠octocat)\n====="),
            "{s}"
        );
        assert!(
            s.contains("Kind:      Historical import\nBatching:  /batch, 1,000 events"),
            "{s}"
        );
        assert!(
            s.contains("distinct_id    events\nuser_8812      2,400,000\nbot|x＠y[.]com  12"),
            "{s}"
        );
        assert!(
            s.contains("Findings\n--------\n\n- Warning: Hot. Why. Do: Tell."),
            "{s}"
        );
        assert!(
            !s.contains('`') && !s.contains("**") && !s.contains('\\'),
            "{s}"
        );
    }

    #[test]
    fn slack_shows_typed_formatting_characters_literally() {
        let md = "## Request: Acme \\*Corp\\* \\_x\\_\n\n**Load test alert for Team \\*A\\*:** soon\n\n| | |\n|---|---|\n| Batching | `/batch`, ~1.2 KB per event → ~1.2 MB |\n\n### Notes\n- **Anything else:** Call \\*before\\* 10:00, \\_em\\_ \\~gone\\~ \\`tick\\` snake_case a\\\\b \\<!here\\> \\<NYC\\>\n\n_Historical import checklist · answers schema 1_\n";
        let s = write(md, Format::Slack);
        // Typed *, _, ~ and ` show as themselves (full-width), never as formatting; the
        // block's own bold, italic and code stay.
        assert!(s.starts_with("*Request: Acme ＊Corp＊ ＿x＿*\n"), "{s}");
        assert!(s.contains("*Load test alert for Team ＊A＊:* soon"), "{s}");
        assert!(
            s.contains("• *Anything else:* Call ＊before＊ 10:00, ＿em＿ ～gone～ ｀tick｀ snake_case a\\b ＜!here> <NYC>"),
            "{s}"
        );
        // The block's own "~" (about) is not typed text and stays.
        assert!(
            s.contains("*Batching:* `/batch`, ~1.2 KB per event → ~1.2 MB"),
            "{s}"
        );
        assert!(s.ends_with("\n_Historical import checklist · answers schema 1_\n"));
        // Plain text has no formatting to fear: the characters stay as typed.
        let p = write(md, Format::Plain);
        assert!(
            p.contains("Call *before* 10:00, _em_ ~gone~ `tick` snake_case a\\b <!here> <NYC>"),
            "{p}"
        );
    }

    #[test]
    fn ids_in_code_stay_as_typed_unless_they_would_ping_or_link() {
        let md = "### Top distinct_ids (from the customer's query)\n| distinct_id | events |\n|---|---|\n| `cust-0042` | 9 |\n| `GH-123` | 8 |\n| `#abc` | 7 |\n| `@here` | 6 |\n| `<!here>` | 5 |\n| `a@b.com` | 4 |\n| `https://x.example` | 3 |\n| ``a`b`` | 2 |\n| `id<U+202E>` | 1 |\n";
        let slack = write(md, Format::Slack);
        // Slack and plain text link no references: `cust-0042` and `GH-123` stay exact.
        for id in ["`cust-0042`", "`GH-123`", "`id<U+202E>`"] {
            assert!(slack.contains(&format!("• {id} · ")), "{id} in:\n{slack}");
        }
        // What would ping or link in Slack, even between backticks, does not.
        for id in [
            "`＃abc`",
            "`＠here`",
            "`＜!here>`",
            "`a＠b[.]com`",
            "`https[:]//x[.]example`",
            "`a｀b`",
        ] {
            assert!(slack.contains(&format!("• {id} · ")), "{id} in:\n{slack}");
        }
        let plain = write(md, Format::Plain);
        for id in [
            "cust-0042 ",
            "GH-123 ",
            "#abc ",
            "<!here> ",
            "a`b ",
            "id<U+202E> ",
        ] {
            assert!(plain.contains(&format!("\n{id}")), "{id} in:\n{plain}");
        }
        for id in ["＠here ", "a＠b[.]com ", "https[:]//x[.]example "] {
            assert!(plain.contains(&format!("\n{id}")), "{id} in:\n{plain}");
        }
    }
}
