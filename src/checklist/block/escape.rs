//! Escaping user text for the request block, one function per context (in the manner
//! of pulldown-cmark's escape module). Whatever the reader typed, the block keeps its
//! headings, tables and task list, and wherever it is pasted (GitHub, Slack, Zendesk,
//! e-mail) user text:
//!
//! - contains no raw HTML and no Markdown markup: markup characters get a backslash,
//!   which GitHub renders away and which stays legible as plain text; Slack, which has
//!   no escapes, gets the full-width forms of the characters it formats with
//!   ([`slack_text`]);
//! - pings no one and links to nothing. Outside code spans, `@name` becomes `＠name`
//!   and `#123` / `#channel` become `＃123` / `＃channel` (full-width signs, which no
//!   site reads as a mention or a reference); the hyphen of `GH-123` (or any
//!   `ABC-123` a repository may autolink) becomes a non-breaking hyphen `‑`; links are
//!   "defanged" as security teams write them, `https[:]//evil[.]example`, so that no
//!   GFM, Slack or mail autolink finds a scheme, a `www.` or a domain;
//! - hides nothing: invisible and direction-changing characters (bidi overrides,
//!   zero-width spaces, byte-order marks, tag characters, a variation selector after
//!   anything but an emoji…) are written as `<U+202E>`, in code spans too, so two
//!   distinct_ids never look alike;
//! - has a length: each piece shows at most so many characters, then says how many
//!   more were not shown. What was typed is never changed, only what the block shows.
//!
//! Unchanged text is borrowed, not copied; every function is linear in its input.

use crate::checklist::questions::hidden::{hides, is_hidden, name_width, push_name};
use crate::checklist::settings::format::Format;
use std::borrow::Cow;

/// How many characters of one piece of text the block shows at most, unless its
/// question sets a lower limit.
pub const SHOWN_MAX: usize = 2_000;
/// How many characters of a code span (a distinct_id, an event name) the block shows.
pub const CODE_MAX: usize = 200;
/// The longest backtick fence GitHub reads as one.
const MAX_FENCE: usize = 80;

/// Characters that can start inline markup anywhere in a line: emphasis, code, links,
/// images, autolinks and raw HTML, strikethrough, table cells, heading closers.
fn is_inline_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
    )
}

/// The note that ends a clipped piece of text.
fn not_shown(more: usize) -> String {
    let more =
        crate::checklist::questions::numbers::plural(more, "more character", "more characters");
    format!(" … ({more} not shown)")
}

/// How a character of user text would be misread where the block is pasted, and what
/// stands in its place. `rest` is the text after it; `label_before` counts the name
/// characters just before it.
fn neutralised(
    prev: Option<char>,
    c: char,
    rest: &str,
    label_before: usize,
    mode: Mode,
) -> Option<&'static str> {
    let next = rest.chars().next();
    let email = prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '-' | '_' | '+'));
    if !mode.neutralises(c, email) {
        return None;
    }
    let starts_name = next.is_some_and(|n| n.is_alphanumeric() || n == '_');
    match c {
        // Slack has no escapes: a backtick would end the code span it is in.
        '`' => Some("｀"),
        // Slack's own syntax for @here, @channel and user groups: <!here>.
        '<' if next == Some('!') => Some("＜"),
        // Mentions (@octocat, @here) and e-mail addresses (a@b.c, even a@.b).
        '@' if next.is_some_and(|n| !n.is_whitespace()) || email => Some("＠"),
        // References (#123, owner/repo#1) and Slack channels.
        '#' if starts_name => Some("＃"),
        // GH-123 and the ABC-123 references a repository may autolink.
        '-' if prev.is_some_and(|p| p.is_ascii_alphabetic())
            && next.is_some_and(|n| n.is_ascii_digit()) =>
        {
            Some("\u{2011}")
        }
        // A scheme: https://, ftp://, javascript://…
        ':' if rest.starts_with("//") => Some("[:]"),
        // A dot inside a domain name (www.x, evil.example, acme.com) but not inside a
        // number (4.1M) or an abbreviation (e.g.).
        '.' if label_before > 0 && next.is_some_and(|n| n.is_alphanumeric()) => {
            let after = rest.chars().take(2).take_while(|&x| is_label(x)).count();
            let digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            let abbreviation = label_before == 1 && after == 1;
            (!digits && !abbreviation).then_some("[.]")
        }
        _ => None,
    }
}

/// A character of a domain label.
fn is_label(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// What becomes of a character Markdown would read as markup. Where it is one is
/// decided the same way for the three formats (as GitHub needs it), so that they say
/// the same: only what stands in its place differs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// Nothing is markup here: the text of a code span.
    None,
    /// A backslash before it (GitHub).
    Backslash,
    /// Its full-width form where Slack formats with it (`*` `＊`, `_` `＿`, `~` `～`,
    /// `` ` `` `｀`, the `<` of `<!here>` `＜`), else itself: Slack has no escapes.
    FullWidth,
    /// Itself: plain text has no markup.
    Kept,
}

impl Markup {
    fn of(format: Format) -> Markup {
        match format {
            Format::GitHub => Markup::Backslash,
            Format::Slack => Markup::FullWidth,
            Format::Plain => Markup::Kept,
        }
    }
}

/// How a piece of text is written. Links (schemes, domains, e-mail addresses) are
/// always defanged and hidden characters always named; the rest depends on where the
/// text goes.
#[derive(Clone, Copy)]
struct Mode {
    /// What stands for a markup character.
    markup: Markup,
    /// Neutralise mentions, `@octocat` and `@here`: off for the host's own settings
    /// (an `@team` that should stay one).
    mentions: bool,
    /// Neutralise `#123` and `#channel`: GitHub references, Slack channel links.
    hashes: bool,
    /// Neutralise the hyphen of `GH-123`, a reference a GitHub repository may link.
    hyphens: bool,
    /// Slack: a backtick and the `<` of `<!here>` (Slack has no escapes).
    slack: bool,
    max: usize,
}

impl Mode {
    /// Whether `c` is one this mode neutralises, when its neighbours ask for it.
    fn neutralises(self, c: char, email: bool) -> bool {
        match c {
            // An e-mail address is a link, whoever wrote it.
            '@' => self.mentions || email,
            '#' => self.hashes,
            '-' => self.hyphens,
            '`' | '<' => self.slack,
            _ => true,
        }
    }
}

/// User text in the GitHub block: everything neutralised and escaped.
const USER: Mode = Mode {
    markup: Markup::Backslash,
    mentions: true,
    hashes: true,
    hyphens: true,
    slack: false,
    max: SHOWN_MAX,
};

/// User text that becomes one line of running text: a heading, a list item, a table
/// cell. Line breaks and control characters become spaces; leading and trailing space
/// is trimmed; markup characters are backslash-escaped; a leading block marker (`-`,
/// `+`, `=`, `1.`, `1)`) is neutralised; mentions, references and links are
/// neutralised; hidden characters are named; at most [`SHOWN_MAX`] characters show.
pub fn inline(text: &str) -> Cow<'_, str> {
    inline_max(text, SHOWN_MAX)
}

/// [`inline`] with a lower limit: the question's own.
pub fn inline_max(text: &str, max: usize) -> Cow<'_, str> {
    write(text, Mode { max, ..USER })
}

/// Text that holds what someone typed, for `format`: in GitHub as [`inline_max`]; in
/// Slack and plain text with the same characters neutralised, named and clipped, and
/// markup characters as [`Markup`] says.
pub fn text(text: &str, max: usize, format: Format) -> Cow<'_, str> {
    let markup = Markup::of(format);
    write(
        text,
        Mode {
            max,
            markup,
            ..USER
        },
    )
}

/// The host's own text (the pipeline team's name or channel) for `format`: escaped like
/// [`text`], but a `#channel` or an `@team` in it stays one.
pub fn host(text: &str, format: Format) -> Cow<'_, str> {
    let mode = Mode {
        mentions: false,
        hashes: false,
        hyphens: false,
        markup: Markup::of(format),
        ..USER
    };
    write(text, mode)
}

/// Text the host configured (the pipeline team's name or channel): escaped like
/// [`inline`], but a `#channel` or an `@team` in it stays one.
pub fn trusted(text: &str) -> Cow<'_, str> {
    let mode = Mode {
        mentions: false,
        hashes: false,
        hyphens: false,
        ..USER
    };
    write(text, mode)
}

/// The text of a code span (a distinct_id, an event name) in the Slack block, between
/// backticks. Kept as typed, so that an id copied from the ticket matches, except what
/// Slack could still act on between backticks: mentions (`@here`, `<!here>`), channel
/// links (`#general`) and links are neutralised, as Slack may resolve them before it
/// formats (conservatively: the client and the API differ), and a backtick, which would
/// end the span, becomes `｀`. `GH-123` has no meaning in Slack and stays.
pub fn slack_code(text: &str) -> Cow<'_, str> {
    let mode = Mode {
        markup: Markup::None,
        hyphens: false,
        slack: true,
        max: usize::MAX,
        ..USER
    };
    write(text, mode)
}

/// Text of the Slack block, read from the GitHub block with its backslash escapes
/// (`preview::blocks_marked`): an escaped character was typed (or is a finding's word)
/// and must show as itself; anything else is the block's own. Slack has no escapes, so
/// the characters it formats with become their full-width forms, as `@` and `#` become
/// `＠` and `＃`: `*` (bold) `＊`, `_` (italic) `＿`, `~` (strikethrough) `～` and
/// `` ` `` (code) `｀`; the `<` of `<!here>` becomes `＜`. An `_` inside a word
/// (`snake_case`) is not escaped in the block and stays: Slack formats only at word
/// boundaries. Other escapes are dropped (`\|` is `|`). Linear; borrowed when there is
/// no escape.
pub fn slack_text(marked: &str) -> Cow<'_, str> {
    if !marked.bytes().any(|b| b == b'\\') {
        return Cow::Borrowed(marked);
    }
    let mut out = String::with_capacity(marked.len() + 8);
    let mut chars = marked.chars().peekable();
    while let Some(c) = chars.next() {
        let typed = match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => n,
            _ => {
                out.push(c);
                continue;
            }
        };
        chars.next();
        out.push(match typed {
            '*' => '＊',
            '_' => '＿',
            '~' => '～',
            '`' => '｀',
            '<' if chars.peek() == Some(&'!') => '＜',
            other => other,
        });
    }
    Cow::Owned(out)
}

/// The text of a code span in the plain-text block (e-mail, Zendesk), which has no code
/// spans: kept as typed (`#123`, `GH-123` reference nothing there) but for mentions and
/// links, which a mail client or a ticket system would still make.
pub fn plain_code(text: &str) -> Cow<'_, str> {
    let mode = Mode {
        markup: Markup::None,
        hashes: false,
        hyphens: false,
        max: usize::MAX,
        ..USER
    };
    write(text, mode)
}

fn write(text: &str, mode: Mode) -> Cow<'_, str> {
    write_with(text, mode, true)
}

/// [`write`], with or without its shortcut for ASCII letters, digits and spaces (a test
/// holds the two to each other).
fn write_with(text: &str, mode: Mode, shortcut: bool) -> Cow<'_, str> {
    let trimmed = text.trim();
    // Allocated at the first character that needs a change; until then the text is
    // borrowed as it is.
    let mut out: Option<String> = None;
    let mut pending_space = false;
    // Whether everything written so far is ASCII digits ("12" before "." makes a list
    // marker). Kept as we go: rescanning the output at every "." was quadratic.
    let mut digits_so_far = true;
    // Characters shown so far (a named hidden character counts as its name).
    let mut shown = 0usize;
    // Domain-label characters just before the current one.
    let mut label_before = 0usize;
    let mut prev: Option<char> = None;
    for (at, c) in trimmed.char_indices() {
        // An ASCII letter, digit or space is never markup, a link, a mention or hidden:
        // it only moves the state on. Most of the text is made of them, and a keystroke
        // writes the whole block.
        if shortcut && !pending_space && shown < mode.max && (c.is_ascii_alphanumeric() || c == ' ')
        {
            label_before = if c == ' ' { 0 } else { label_before + 1 };
            digits_so_far &= c.is_ascii_digit();
            prev = Some(c);
            shown += 1;
            if let Some(buf) = out.as_mut() {
                buf.push(c);
            }
            continue;
        }
        let rest = trimmed.get(at + c.len_utf8()..).unwrap_or_default();
        let line_break = c.is_control() || c == '\u{2028}' || c == '\u{2029}';
        let hidden = !line_break && hides(prev, c);
        let swap = if !line_break && !hidden {
            neutralised(prev, c, rest, label_before, mode)
        } else {
            None
        };
        label_before = if is_label(c) { label_before + 1 } else { 0 };
        let width = if hidden {
            name_width(c)
        } else {
            swap.map_or(1, |s| s.chars().count())
        };
        let clip = shown + width > mode.max;
        let before = prev.replace(c);
        let nothing_so_far = out.as_deref().map_or(at == 0, str::is_empty);
        let escape = mode.markup != Markup::None
            && !line_break
            && needs_backslash(c, before, rest, nothing_so_far, digits_so_far);
        if out.is_none() && !line_break && !escape && !hidden && swap.is_none() && !clip {
            digits_so_far &= c.is_ascii_digit();
            shown += 1;
            continue;
        }
        let buf = out.get_or_insert_with(|| {
            let mut s = String::with_capacity(trimmed.len() + 8);
            s.push_str(trimmed.get(..at).unwrap_or_default());
            s
        });
        if clip {
            end_word(buf, mode);
            let more = trimmed.get(at..).map_or(0, |r| r.chars().count());
            buf.push_str(&not_shown(more));
            break;
        }
        if line_break {
            pending_space = true;
            continue;
        }
        if pending_space {
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
                digits_so_far = false;
                shown += 1;
            }
            pending_space = false;
        }
        shown += width;
        if hidden || swap.is_some() {
            push_instead(buf, c, swap, mode);
            digits_so_far = false;
            continue;
        }
        if escape {
            // "<!" reads as Slack's mention syntax only when the "!" is shown too.
            let bang = rest.starts_with('!') && shown < mode.max;
            push_markup(buf, c, bang, mode.markup);
            digits_so_far = false;
            continue;
        }
        buf.push(c);
        digits_so_far &= c.is_ascii_digit();
    }
    match out {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(trimmed),
    }
}

/// Whether `c` (after `before`, with `rest` after it) needs a backslash in Markdown:
/// an inline special, an `_` at a word's edge, an `&` that starts an entity, a `-`,
/// `+` or `=` that starts the text, or a `.` or `)` after nothing but digits (a list
/// marker).
fn needs_backslash(
    c: char,
    before: Option<char>,
    rest: &str,
    nothing_so_far: bool,
    digits_so_far: bool,
) -> bool {
    let next = rest.chars().next();
    is_inline_special(c)
        || (c == '_' && !(is_word(before) && is_word(next)))
        || (c == '&' && looks_like_entity(rest.chars()))
        || (nothing_so_far && matches!(c, '-' | '+' | '='))
        || (matches!(c, '.' | ')')
            && !nothing_so_far
            && digits_so_far
            && next.is_none_or(char::is_whitespace))
}

/// Writes what stands for `c`: its neutralised form `swap`, or its name when it is
/// hidden (`<U+202E>`), with Markdown's specials escaped.
fn push_instead(buf: &mut String, c: char, swap: Option<&str>, mode: Mode) {
    let mut name = String::new();
    let text = match swap {
        Some(s) => s,
        None => {
            push_name(&mut name, c);
            &name
        }
    };
    for s in text.chars() {
        if mode.markup == Markup::Backslash && is_inline_special(s) {
            buf.push('\\');
        }
        buf.push(s);
    }
}

/// Writes a character that Markdown would read as markup, as `markup` says (`bang`: a
/// shown "!" follows it).
fn push_markup(buf: &mut String, c: char, bang: bool, markup: Markup) {
    match markup {
        Markup::Backslash => {
            buf.push('\\');
            buf.push(c);
        }
        Markup::FullWidth => buf.push(match c {
            '*' => '＊',
            '_' => '＿',
            '~' => '～',
            '`' => '｀',
            '<' if bang => '＜',
            other => other,
        }),
        Markup::None | Markup::Kept => buf.push(c),
    }
}

/// An `_` inside a word is not escaped; cut off after it, the word ends there and the
/// `_` could close emphasis (on GitHub, in Slack): escape it.
fn end_word(buf: &mut String, mode: Mode) {
    let mut last = buf.chars().rev();
    let open = last.next() == Some('_') && last.next() != Some('\\');
    if open && matches!(mode.markup, Markup::Backslash | Markup::FullWidth) {
        buf.pop();
        push_markup(buf, '_', false, mode.markup);
    }
}

/// A letter or digit that is shown as itself (a hidden letter, such as a Hangul
/// filler, is shown by its name, `<U+3164>`, and ends the word).
fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() && !is_hidden(c))
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

/// How an identifier (a distinct_id, an event name) is shown: as a code span's text,
/// or, where no code span can hold it, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeAs {
    /// Nothing to show.
    Nothing,
    /// A code span's text: line breaks as spaces, hidden characters named, at most
    /// [`CODE_MAX`] characters; `more` were not shown.
    Span { body: String, more: usize },
    /// Text ([`text`] with [`CODE_MAX`]): GitHub (cmark) opens no code span with more
    /// than 80 backticks, so text with a run that long cannot be one.
    Text,
}

/// How `text` is shown as an identifier: see [`CodeAs`].
pub fn code_as(text: &str) -> CodeAs {
    let mut body = String::with_capacity(text.len());
    let mut shown = 0;
    let mut more = 0;
    let mut prev = None;
    for (at, c) in text.char_indices() {
        let before = prev.replace(c);
        if shown >= CODE_MAX {
            more = text.get(at..).map_or(0, |rest| rest.chars().count());
            break;
        } else if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            body.push(' ');
            shown += 1;
        } else if hides(before, c) {
            push_name(&mut body, c);
            shown += name_width(c);
        } else {
            body.push(c);
            shown += 1;
        }
    }
    if body.is_empty() {
        return CodeAs::Nothing;
    }
    if longest_backtick_run(&body) >= MAX_FENCE {
        return CodeAs::Text;
    }
    CodeAs::Span { body, more }
}

fn longest_backtick_run(s: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// " … (12 more characters not shown)" after a clipped code span, or nothing.
pub fn more_not_shown(more: usize) -> String {
    if more > 0 {
        not_shown(more)
    } else {
        String::new()
    }
}

/// How GitHub shows an identifier, in a table or not: as [`code_as`] says, but as text
/// where a table would change its code span. GitHub (cmark) reads `\|` in a table's
/// code span as `|`, so a backslash typed before a pipe would be lost.
pub fn github_code_as(text: &str, in_table: bool) -> CodeAs {
    match code_as(text) {
        CodeAs::Span { body, .. } if in_table && body.contains("\\|") => CodeAs::Text,
        other => other,
    }
}

/// A code span around `text` in GitHub's block (see [`github_code_as`]). The fence is
/// longer than any backtick run inside; inside a table `|` is escaped as GFM requires.
/// Empty text gives an empty string.
pub fn code_span(text: &str, in_table: bool) -> String {
    let (body, more) = match github_code_as(text, in_table) {
        CodeAs::Nothing => return String::new(),
        CodeAs::Text => return inline_max(text, CODE_MAX).into_owned(),
        CodeAs::Span { body, more } => (body, more),
    };
    let fence = "`".repeat(longest_backtick_run(&body) + 1);
    let body = if in_table {
        body.replace('|', "\\|")
    } else {
        body
    };
    // A space pads content that starts or ends with a backtick, or that is all spaces
    // at both ends (CommonMark strips one space from each side).
    let pad = body.starts_with('`')
        || body.ends_with('`')
        || (body.starts_with(' ') && body.ends_with(' ') && !body.trim().is_empty());
    let sp = if pad { " " } else { "" };
    format!("{fence}{sp}{body}{sp}{fence}{}", more_not_shown(more))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for plain characters against the full rules (proptest is a native
    /// test dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod shortcut {
        use super::*;
        use proptest::prelude::*;

        /// Text made of what the escaper treats differently: letters, digits and spaces
        /// beside markup, mentions, links, line breaks, hidden characters and selectors.
        fn mixed() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    4 => proptest::sample::select(vec!['a', 'Z', 'q', '0', '7', ' ', ' ']),
                    3 => proptest::sample::select(vec![
                        '.', '-', '_', '@', '#', ':', '/', '&', ';', '*', '`', '<', '!', '\\', '[', ')', '+', '=', '|', '~',
                    ]),
                    1 => proptest::sample::select(vec!['\n', '\t', '\u{202E}', '\u{FE0F}', '\u{3164}', 'é', '😀', '\u{2028}']),
                ],
                0..40,
            )
            .prop_map(|v| v.into_iter().collect())
        }

        proptest! {
            #[test]
            fn the_shortcut_writes_what_the_full_rules_write(text in mixed(), max in 1usize..30) {
                let modes = [
                    Mode { max, ..USER },
                    Mode { markup: Markup::FullWidth, slack: true, max, ..USER },
                    Mode { markup: Markup::Kept, max, ..USER },
                    Mode { markup: Markup::None, mentions: false, hashes: false, hyphens: false, max, ..USER },
                ];
                for mode in modes {
                    prop_assert_eq!(write_with(&text, mode, true), write_with(&text, mode, false), "{:?}", text);
                }
            }
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inline("Acme Corp"), Cow::Borrowed("Acme Corp")));
        assert!(matches!(inline("user_8812 at 10:00"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(
            inline(r"a\b`c*d[e]f<g>h|i~j# k$l"),
            r"a\\b\`c\*d\[e\]f\<g\>h\|i\~j\# k$l"
        );
        assert_eq!(inline("_lead trail_ in_word"), r"\_lead trail\_ in_word");
        // A hidden letter (a Hangul filler) is shown by its name: no word goes on there.
        assert_eq!(inline("a_\u{3164}_b"), r"a\_\<U+3164\>\_b");
        assert_eq!(inline("AT&T &amp; &#35;"), r"AT&T \&amp; \&＃35;");
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
        let text = "0".repeat(1_000) + &".".repeat(1_000);
        assert!(matches!(inline(&text), Cow::Borrowed(_)));
        let marker = "9".repeat(1_000) + ".";
        assert!(inline(&marker).ends_with(r"9\."));
        let long = "0".repeat(50_000) + &".".repeat(50_000);
        assert!(inline(&long).ends_with("(98,000 more characters not shown)"));
    }

    #[test]
    fn the_writer_is_linear_without_a_cap() {
        // `inline` cuts a note at 2,000 characters, so the test above cannot see
        // quadratic work: this calls the writer below the cap, with no limit, on the
        // pattern that was quadratic (digits, then dots and parens, each of which
        // rescanned the text before it). 200,000 characters take well under 0.1 s in a
        // debug build; with the rescan put back they took 150 s. The bound, 2 s, is over
        // twenty times the linear time, even on a loaded machine, and far below the
        // quadratic time: it cannot flake either way.
        let text = "7".repeat(100_000) + &".)".repeat(50_000);
        let mode = Mode {
            max: usize::MAX,
            ..USER
        };
        let start = std::time::Instant::now();
        let shown = write(&text, mode);
        let took = start.elapsed();
        assert_eq!(
            shown.len(),
            text.len(),
            "nothing to escape, nothing clipped"
        );
        assert!(took < std::time::Duration::from_secs(2), "took {took:?}");
    }

    #[test]
    fn newlines_become_single_spaces() {
        assert_eq!(inline("one\n\ntwo\r\nthree\tfour"), "one two three four");
        assert_eq!(inline("  padded \n"), "padded");
    }

    #[test]
    fn code_spans_outlast_backticks() {
        assert_eq!(code_span("user_1", false), "`user_1`");
        assert_eq!(code_span("a`b", false), "``a`b``");
        assert_eq!(code_span("`x`", false), "`` `x` ``");
        assert_eq!(code_span("bot|crawler", true), r"`bot\|crawler`");
        assert_eq!(code_span("bot|crawler", false), "`bot|crawler`");
        assert_eq!(code_span("a\nb", false), "`a b`");
        assert_eq!(code_span("", false), "");
        // Found by the comrak oracle: 81 backticks open no code span on GitHub.
        let ticks = "`".repeat(100);
        assert_eq!(code_span(&ticks, true), r"\`".repeat(100));
        assert_eq!(
            code_span(&"`".repeat(79), false),
            format!("{0} {1} {0}", "`".repeat(80), "`".repeat(79))
        );
    }

    #[test]
    fn nobody_is_pinged_and_nothing_is_referenced() {
        assert_eq!(inline("Acme (cc @octocat)"), "Acme (cc ＠octocat)");
        assert_eq!(inline("@here @channel"), "＠here ＠channel");
        assert_eq!(
            inline("see #4521 and owner/repo#1"),
            "see ＃4521 and owner/repo＃1"
        );
        assert_eq!(inline("GH-123, JIRA-7"), "GH\u{2011}123, JIRA\u{2011}7");
        // What cannot be a mention or a reference stays as typed.
        assert_eq!(
            inline("a @ b, C# and 2026-11-26"),
            r"a @ b, C\# and 2026-11-26"
        );
        assert_eq!(
            trusted("@pipeline, ops@acme.com"),
            "@pipeline, ops＠acme\\[.\\]com"
        );
        assert_eq!(inline("user-1"), "user\u{2011}1");
    }

    #[test]
    fn links_are_defanged() {
        assert_eq!(
            inline("https://evil.example/login"),
            r"https\[:\]//evil\[.\]example/login"
        );
        assert_eq!(inline("www.evil.example"), r"www\[.\]evil\[.\]example");
        assert_eq!(inline("jane@acme.com"), r"jane＠acme\[.\]com");
        // Numbers, versions, abbreviations and sentences stay as typed.
        assert_eq!(
            inline("4.1M events, v1.2, e.g. this. Next"),
            "4.1M events, v1.2, e.g. this. Next"
        );
    }

    #[test]
    fn the_host_s_channel_stays_a_channel() {
        assert_eq!(trusted("#team-ingestion"), r"\#team-ingestion");
        assert_eq!(plain_code("@here *x* #1 GH-2"), "＠here *x* #1 GH-2");
    }

    #[test]
    fn hidden_characters_are_named() {
        assert_eq!(inline("user\u{202E}1"), r"user\<U+202E\>1");
        assert_eq!(inline("a\u{200B}b\u{FEFF}"), r"a\<U+200B\>b\<U+FEFF\>");
        assert_eq!(code_span("id\u{2066}x", true), "`id<U+2066>x`");
        assert_eq!(plain_code("\u{E0041}"), "<U+E0041>");
        // Emoji keep their variation selectors.
        assert_eq!(inline("ok \u{2764}\u{FE0F}"), "ok \u{2764}\u{FE0F}");
    }

    #[test]
    fn variation_selectors_after_letters_are_named() {
        // Invisible after a letter or a digit: "user1" and "user1\u{FE0F}" looked alike.
        assert_eq!(inline("user1\u{FE0F}"), r"user1\<U+FE0F\>");
        assert_eq!(inline("a\u{FE00}b"), r"a\<U+FE00\>b");
        assert_eq!(code_span("id\u{FE0E}", true), "`id<U+FE0E>`");
        assert_eq!(code_span("\u{E0100}x", false), "`<U+E0100>x`");
        assert_eq!(plain_code("\u{6F22}\u{E0100}"), "\u{6F22}<U+E0100>");
        // After an emoji a selector picks its presentation, and stays; a second one
        // selects nothing.
        assert_eq!(code_span("\u{1F600}\u{FE0F}", false), "`\u{1F600}\u{FE0F}`");
        assert_eq!(
            inline("\u{2764}\u{FE0F}\u{FE0F}"),
            "\u{2764}\u{FE0F}\\<U+FE0F\\>"
        );
    }

    #[test]
    fn long_text_is_clipped_and_says_so() {
        let text = "a".repeat(SHOWN_MAX + 345);
        let shown = inline(&text);
        assert!(shown.starts_with(&"a".repeat(SHOWN_MAX)));
        assert!(
            shown.ends_with(" … (345 more characters not shown)"),
            "{shown}"
        );
        assert_eq!(
            inline_max("abcdef", 4),
            "abcd … (2 more characters not shown)"
        );
        assert_eq!(inline_max("abcd", 4), "abcd");
        let id = "x".repeat(CODE_MAX + 1);
        assert!(code_span(&id, true).ends_with("` … (1 more character not shown)"));
        // Escapes do not count: what shows is what is counted.
        assert_eq!(inline_max("**", 2), r"\*\*");
        // An "_" inside a word ends it once the rest is cut off: it is escaped then.
        assert_eq!(
            inline_max("snake_case", 6),
            r"snake\_ … (4 more characters not shown)"
        );
    }
}
