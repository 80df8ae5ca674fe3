//! Reads the request block back into a small document model, so the widget can show it
//! rendered (as GitHub would) without a Markdown library in the wasm and without ever
//! turning text into HTML. It understands exactly the Markdown `markdown.rs` writes:
//! headings, paragraphs, bullet and task lists, tables; bold, code spans, autolinks,
//! backslash escapes and the italic footer. Tests check it against comrak, a GFM parser.

/// A run of inline text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
    Code(String),
    Link(String),
    Emphasis(String),
    /// A hard line break ("  " at the end of a line).
    Break,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    Paragraph(Vec<Span>),
    List(Vec<Vec<Span>>),
    Tasks(Vec<(bool, Vec<Span>)>),
    Table {
        head: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
}

/// What becomes of the block's backslash escapes (`\*`) in the spans' text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    /// Resolved, as GitHub shows them: `\*` is `*`.
    Resolve,
    /// Kept as written: an escaped character came from typed text (user text, and the
    /// findings' words, always go through `escape.rs`), everything else is the block's
    /// own. The Slack writer needs the difference: Slack has no escapes.
    Keep,
}

impl Escapes {
    fn apply(self, s: &str) -> String {
        match self {
            Escapes::Resolve => unescape(s),
            Escapes::Keep => s.to_string(),
        }
    }
}

/// Parses a block written by `render_markdown`.
pub fn blocks(md: &str) -> Vec<Block> {
    read(md, Escapes::Resolve)
}

/// [`blocks`], with the backslash escapes left in the text (`Acme \*Corp\*`): what is
/// escaped was typed, what is not is the block's own (see `escape::slack_text`).
pub fn blocks_marked(md: &str) -> Vec<Block> {
    read(md, Escapes::Keep)
}

fn read(md: &str, esc: Escapes) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut lines = md.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("### ") {
            out.push(Block::Heading {
                level: 3,
                spans: spans(rest, false, esc),
            });
        } else if let Some(rest) = line.strip_prefix("## ") {
            out.push(Block::Heading {
                level: 2,
                spans: spans(rest, false, esc),
            });
        } else if line.starts_with('|') {
            let head = cells(line, esc);
            let mut rows = Vec::new();
            while let Some(next) = lines.peek().filter(|l| l.starts_with('|')) {
                if !next.starts_with("|---") {
                    rows.push(cells(next, esc));
                }
                lines.next();
            }
            out.push(Block::Table { head, rows });
        } else if line.starts_with("- [") {
            let mut items = vec![task(line, esc)];
            while let Some(next) = lines.peek().filter(|l| l.starts_with("- [")) {
                items.push(task(next, esc));
                lines.next();
            }
            out.push(Block::Tasks(items));
        } else if let Some(rest) = line.strip_prefix("- ") {
            let mut items = vec![spans(rest, false, esc)];
            while let Some(next) = lines.peek().and_then(|l| l.strip_prefix("- ")) {
                if next.starts_with('[') {
                    break;
                }
                items.push(spans(next, false, esc));
                lines.next();
            }
            out.push(Block::List(items));
        } else {
            let mut para = spans(line.trim_end(), false, esc);
            let mut hard = line.ends_with("  ");
            while let Some(next) = lines.peek().filter(|l| is_paragraph_line(l)) {
                para.push(if hard {
                    Span::Break
                } else {
                    Span::Text(" ".into())
                });
                hard = next.ends_with("  ");
                para.extend(spans(next.trim_end(), false, esc));
                lines.next();
            }
            out.push(Block::Paragraph(para));
        }
    }
    out
}

fn is_paragraph_line(line: &str) -> bool {
    !(line.trim().is_empty()
        || line.starts_with('#')
        || line.starts_with('|')
        || line.starts_with("- "))
}

fn task(line: &str, esc: Escapes) -> (bool, Vec<Span>) {
    let done = line.starts_with("- [x]");
    (done, spans(line.get(6..).unwrap_or(""), false, esc))
}

/// Splits a table row at the pipes that are not escaped.
fn cells(line: &str, esc: Escapes) -> Vec<Vec<Span>> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = inner.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            out.push(spans(
                inner.get(start..i).unwrap_or_default().trim(),
                true,
                esc,
            ));
            start = i + 1;
        }
    }
    out.push(spans(
        inner.get(start..).unwrap_or_default().trim(),
        true,
        esc,
    ));
    out
}

/// Inline spans of one line of the block.
fn spans(text: &str, in_table: bool, esc: Escapes) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let chars: Vec<char> = text.chars().collect();
    let flush = |plain: &mut String, out: &mut Vec<Span>| {
        if !plain.is_empty() {
            out.push(Span::Text(std::mem::take(plain)));
        }
    };
    // The footer is one italic line.
    if chars.len() > 2 && text.starts_with('_') && text.ends_with('_') && !text.ends_with("\\_") {
        return vec![Span::Emphasis(
            esc.apply(text.get(1..text.len() - 1).unwrap_or_default()),
        )];
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            if esc == Escapes::Keep {
                plain.push(c);
            }
            plain.push(chars[i + 1]);
            i += 2;
        } else if c == '*' && chars.get(i + 1) == Some(&'*') {
            let end = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '*' && chars[j - 1] != '\\');
            match end {
                Some(j) => {
                    flush(&mut plain, &mut out);
                    out.push(Span::Strong(
                        esc.apply(&chars[i + 2..j].iter().collect::<String>()),
                    ));
                    i = j + 2;
                }
                None => {
                    plain.push(c);
                    i += 1;
                }
            }
        } else if c == '`' {
            let run = chars[i..].iter().take_while(|&&x| x == '`').count();
            let close = (i + run..chars.len()).find(|&j| {
                chars[j] == '`'
                    && (j == 0 || chars[j - 1] != '`')
                    && chars[j..].iter().take_while(|&&x| x == '`').count() == run
            });
            match close {
                Some(j) => {
                    flush(&mut plain, &mut out);
                    let mut body: String = chars[i + run..j].iter().collect();
                    if body.len() >= 2
                        && body.starts_with(' ')
                        && body.ends_with(' ')
                        && !body.trim().is_empty()
                    {
                        body = body[1..body.len() - 1].to_string();
                    }
                    if in_table {
                        body = table_unescape(&body);
                    }
                    out.push(Span::Code(body));
                    i = j + run;
                }
                None => {
                    plain.extend(&chars[i..i + run]);
                    i += run;
                }
            }
        } else if c == '<' {
            match (i + 1..chars.len()).find(|&j| chars[j] == '>') {
                Some(j) => {
                    flush(&mut plain, &mut out);
                    out.push(Span::Link(chars[i + 1..j].iter().collect()));
                    i = j + 1;
                }
                None => {
                    plain.push(c);
                    i += 1;
                }
            }
        } else {
            plain.push(c);
            i += 1;
        }
    }
    flush(&mut plain, &mut out);
    out
}

/// A table cell's code span as GitHub reads it: `\|` is a pipe, unless its backslash
/// is itself escaped (`\\|` stays as it is).
fn table_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut backslashes = 0;
    for c in s.chars() {
        if c == '|' && backslashes % 2 == 1 {
            out.pop();
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(*n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The text of spans, as a reader sees it.
pub fn plain_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) | Span::Strong(t) | Span::Code(t) | Span::Link(t) | Span::Emphasis(t) => {
                t.as_str()
            }
            Span::Break => "\n",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings_tables_lists_and_tasks() {
        let md = "## Title: A\\|B\n\n**To** x · **By** y  \n**Status:** ok\n\n| | |\n|---|---|\n| Kind | `a\\|b` |\n\n### Findings\n- **Warning: hot.** why\n- two\n\n### Checklist\n- [x] Done\n- [ ] Open\n\n_footer_\n";
        let b = blocks(md);
        assert_eq!(
            b[0],
            Block::Heading {
                level: 2,
                spans: vec![Span::Text("Title: A|B".into())]
            }
        );
        match &b[1] {
            Block::Paragraph(p) => {
                assert_eq!(p[0], Span::Strong("To".into()));
                assert!(p.contains(&Span::Break));
            }
            other => panic!("{other:?}"),
        }
        match &b[2] {
            Block::Table { head, rows } => {
                assert_eq!(head.len(), 2);
                assert_eq!(rows[0][1], vec![Span::Code("a|b".into())]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&b[4], Block::List(items) if items.len() == 2));
        assert_eq!(
            b[6],
            Block::Tasks(vec![
                (true, vec![Span::Text("Done".into())]),
                (false, vec![Span::Text("Open".into())])
            ])
        );
        assert_eq!(
            b[7],
            Block::Paragraph(vec![Span::Emphasis("footer".into())])
        );
    }

    #[test]
    fn code_spans_with_longer_fences_and_padding() {
        assert_eq!(
            spans("``a`b``", false, Escapes::Resolve),
            vec![Span::Code("a`b".into())]
        );
        assert_eq!(
            spans("`` `x` ``", false, Escapes::Resolve),
            vec![Span::Code("`x`".into())]
        );
        assert_eq!(
            spans("<https://x.y/z>", false, Escapes::Resolve),
            vec![Span::Link("https://x.y/z".into())]
        );
        assert_eq!(
            spans(r"a \*b\* \<c\>", false, Escapes::Resolve),
            vec![Span::Text("a *b* <c>".into())]
        );
        // Kept, the escapes tell typed characters from the block's own markup.
        assert_eq!(
            spans(r"a \*b\* **c \* d**", false, Escapes::Keep),
            vec![
                Span::Text(r"a \*b\* ".into()),
                Span::Strong(r"c \* d".into())
            ]
        );
    }
}
