//! Escaping user text for the Markdown request block, one function per context (in
//! the manner of pulldown-cmark's escape module). Whatever the reader typed, the block
//! keeps its headings, tables and task list, and contains no raw HTML or links.
//!
//! Escapes are backslashes, which GitHub renders away and which stay legible as plain
//! text in Slack or Zendesk. Unchanged text is borrowed, not copied.

use std::borrow::Cow;

/// Characters that can start inline markup anywhere in a line: emphasis, code, links,
/// images, autolinks and raw HTML, strikethrough, table cells, heading closers.
fn is_inline_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
    )
}

/// Text that becomes one line of running text: a heading, a list item, a table cell.
/// Line breaks and control characters become spaces; leading and trailing space is
/// trimmed; markup characters are backslash-escaped; a leading block marker (`-`, `+`,
/// `=`, `1.`, `1)`) is neutralised.
pub fn inline(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim();
    let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
    // Allocated at the first character that needs a change; until then the text is
    // borrowed as it is.
    let mut out: Option<String> = None;
    let mut pending_space = false;
    // Whether everything written so far is ASCII digits ("12" before "." makes a list
    // marker). Kept as we go: rescanning the output at every "." was quadratic.
    let mut digits_so_far = true;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let line_break = c.is_control() || c == '\u{2028}' || c == '\u{2029}';
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let nothing_so_far = out.as_deref().map_or(at == 0, str::is_empty);
        let escape = !line_break
            && (is_inline_special(c)
                || (c == '_' && !(is_word(prev) && is_word(next)))
                || (c == '&' && looks_like_entity(chars[k + 1..].iter().map(|x| x.1)))
                || (nothing_so_far && matches!(c, '-' | '+' | '='))
                || (matches!(c, '.' | ')')
                    && !nothing_so_far
                    && digits_so_far
                    && next.is_none_or(char::is_whitespace)));
        if out.is_none() && !line_break && !escape {
            digits_so_far &= c.is_ascii_digit();
            continue;
        }
        let buf = out.get_or_insert_with(|| {
            let mut s = String::with_capacity(trimmed.len() + 8);
            s.push_str(&trimmed[..at]);
            s
        });
        if line_break {
            pending_space = true;
            continue;
        }
        if pending_space {
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
                digits_so_far = false;
            }
            pending_space = false;
        }
        if escape {
            buf.push('\\');
            digits_so_far = false;
        }
        buf.push(c);
        digits_so_far &= c.is_ascii_digit();
    }
    match out {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(trimmed),
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// `&name;`, `&#123;` or `&#x1F;` would be decoded as an entity; so would `&name` at
/// the end of the text when the block's own text continues with `;`.
fn looks_like_entity(rest: impl Iterator<Item = char>) -> bool {
    let mut seen = 0;
    for (i, c) in rest.enumerate() {
        if c == ';' {
            return i > 0;
        }
        if i > 32 || !(c.is_ascii_alphanumeric() || (i == 0 && c == '#')) {
            return false;
        }
        seen = i + 1;
    }
    seen > 0
}

/// A code span around `text` (identifiers: distinct_ids, event names). The fence is
/// longer than any backtick run inside; line breaks become spaces. Inside a table `|`
/// is escaped as GFM requires. Empty text gives an empty string.
pub fn code(text: &str, in_table: bool) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let body = if in_table {
        flat.replace('|', "\\|")
    } else {
        flat
    };
    // A space pads content that starts or ends with a backtick, or that is all spaces
    // at both ends (CommonMark strips one space from each side).
    let pad = body.starts_with('`')
        || body.ends_with('`')
        || (body.starts_with(' ') && body.ends_with(' ') && !body.trim().is_empty());
    let sp = if pad { " " } else { "" };
    format!("{fence}{sp}{body}{sp}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inline("Acme Corp"), Cow::Borrowed("Acme Corp")));
        assert!(matches!(inline("user_8812 at 10:00"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(
            inline(r"a\b`c*d[e]f<g>h|i~j#k$l"),
            r"a\\b\`c\*d\[e\]f\<g\>h\|i\~j\#k$l"
        );
        assert_eq!(inline("_lead trail_ in_word"), r"\_lead trail\_ in_word");
        assert_eq!(inline("AT&T &amp; &#35;"), r"AT&T \&amp; \&\#35;");
        // "&gt" at the end, followed by the block's "; …", would become ">".
        assert_eq!(inline("&gt"), r"\&gt");
        assert_eq!(inline("a & b"), "a & b");
    }

    #[test]
    fn leading_block_markers_are_neutralised() {
        assert_eq!(inline("- item"), r"\- item");
        assert_eq!(inline("+ item"), r"\+ item");
        assert_eq!(inline("=== x"), r"\=== x");
        assert_eq!(inline("12. point"), r"12\. point");
        assert_eq!(inline("3) point"), r"3\) point");
        assert_eq!(inline("> quote"), r"\> quote");
        assert_eq!(inline("# title"), r"\# title");
        assert_eq!(inline("1.5M events"), "1.5M events");
        // A list marker needs digits only before it, whatever came between.
        assert_eq!(inline("12\n. x"), r"12 \. x");
        assert_eq!(inline("-1. x"), r"\-1. x");
        assert_eq!(inline("1_2. x"), "1_2. x");
        assert_eq!(inline("7)"), r"7\)");
    }

    #[test]
    fn long_runs_of_digits_and_dots_are_read_once() {
        // Found by a hostile paste: every "." rescanned the text before it, and this took
        // seconds on a single keystroke.
        let text = "0".repeat(50_000) + &".".repeat(50_000);
        assert!(matches!(inline(&text), Cow::Borrowed(_)));
        let marker = "9".repeat(50_000) + ".";
        assert!(inline(&marker).ends_with(r"9\."));
    }

    #[test]
    fn newlines_become_single_spaces() {
        assert_eq!(inline("one\n\ntwo\r\nthree\tfour"), "one two three four");
        assert_eq!(inline("  padded \n"), "padded");
    }

    #[test]
    fn code_spans_outlast_backticks() {
        assert_eq!(code("user_1", false), "`user_1`");
        assert_eq!(code("a`b", false), "``a`b``");
        assert_eq!(code("`x`", false), "`` `x` ``");
        assert_eq!(code("bot|crawler", true), r"`bot\|crawler`");
        assert_eq!(code("bot|crawler", false), "`bot|crawler`");
        assert_eq!(code("a\nb", false), "`a b`");
        assert_eq!(code("", false), "");
    }
}
