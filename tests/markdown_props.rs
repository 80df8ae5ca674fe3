//! Property tests for the request block, with comrak (GitHub-flavoured Markdown with
//! tables, task lists and extended autolinks, as GitHub renders it) as the oracle.
//! Whatever the reader types, in every free-text question of the table and in any
//! Unicode, the block:
//! - keeps its structure (headings, tables, list items, task list) as with plain text;
//! - contains no raw HTML, no image, and no link but the conversation link, and that
//!   one only when it is a plain http(s) URL of at most 500 characters;
//! - contains no mention (`@name`) and no reference (`#123`, `GH-123`) outside code;
//! - contains no invisible or direction-changing character;
//! - stays under 60,000 characters; and nothing panics.
//!
//! The Slack and plain-text blocks too: no mention, no reference outside code, no link
//! but the conversation's and the project's, no invisible character, under 60,000
//! characters; and in Slack no `*`, `_`, `~` or backtick formatting but the block's own.
//!
//! Default: 256 cases per property. Long run:
//! `PROPTEST_CASES=100000 cargo test --release --test markdown_props`.
#![cfg(not(target_arch = "wasm32"))]

use comrak::arena_tree::NodeEdge;
use comrak::nodes::NodeValue;
use comrak::{parse_document, Arena, Options};
use historical_import_checklist::checklist::block::github::{self, BLOCK_MAX};
use historical_import_checklist::checklist::block::model::Doc;
use historical_import_checklist::checklist::block::view::texts;
use historical_import_checklist::checklist::block::write;
use historical_import_checklist::checklist::questions::answers::CellKind;
use historical_import_checklist::checklist::questions::answers::{
    AppKind, Kind, Region, Transport, MERGE_SENSITIVE_EVENTS,
};
use historical_import_checklist::checklist::questions::lists::{App, RampStep, TopId};
use historical_import_checklist::checklist::questions::{Field, Input};
use historical_import_checklist::checklist::rules::facts::TOP_IDS_SHOWN;
use historical_import_checklist::checklist::rules::validate::is_web_link;
use historical_import_checklist::checklist::schedule::time::BuiltinZones;
use historical_import_checklist::checklist::settings::format::Format;
use historical_import_checklist::checklist::settings::SETTINGS;
use historical_import_checklist::checklist::{evaluate, Answers, Config, Env};
use proptest::prelude::*;

const NOW: i64 = 1_795_694_400;

fn doc(a: &Answers) -> Doc {
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    evaluate(a, &Config::default(), &env).block
}

fn render(a: &Answers) -> String {
    github::write(&doc(a))
}

/// What comrak reads in a block, in document order.
#[derive(Debug, Clone, PartialEq)]
enum Ev {
    /// A node with children starts ("<Heading>", "<TableRow(true)>"…) or ends.
    Start(String),
    End(String),
    Text(String),
    Code(String),
    Link(String),
    SoftBreak,
    HardBreak,
}

fn events(md: &str) -> Vec<Ev> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    let arena = Arena::new();
    let root = parse_document(&arena, md, &options);
    let mut out = Vec::new();
    for edge in root.traverse() {
        let (node, start) = match edge {
            NodeEdge::Start(n) => (n, true),
            NodeEdge::End(n) => (n, false),
        };
        let value = node.data().value.clone();
        let name = match &value {
            NodeValue::Text(t) => {
                if start {
                    out.push(Ev::Text(t.to_string()));
                }
                continue;
            }
            NodeValue::Code(c) => {
                if start {
                    out.push(Ev::Code(c.literal.clone()));
                }
                continue;
            }
            NodeValue::SoftBreak => {
                if start {
                    out.push(Ev::SoftBreak);
                }
                continue;
            }
            NodeValue::LineBreak => {
                if start {
                    out.push(Ev::HardBreak);
                }
                continue;
            }
            NodeValue::Link(l) => {
                if start {
                    out.push(Ev::Link(l.url.clone()));
                }
                "Link".to_string()
            }
            NodeValue::Heading(h) => format!("Heading{}", h.level),
            NodeValue::TaskItem(t) => format!("Task{}", t.symbol.is_some()),
            NodeValue::TableRow(head) => format!("TableRow{head}"),
            NodeValue::Image(_) => panic!("an image in:\n{md}"),
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => panic!("raw HTML in:\n{md}"),
            other => format!("{other:?}")
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect(),
        };
        out.push(if start {
            Ev::Start(name)
        } else {
            Ev::End(name)
        });
    }
    out
}

/// The block's skeleton: block structure, task-list marks, inline markup and links,
/// without the text.
fn skeleton(md: &str) -> Vec<String> {
    events(md)
        .into_iter()
        .filter_map(|e| match e {
            Ev::Start(n) => Some(format!("<{n}>")),
            Ev::End(n) => Some(format!("</{n}>")),
            Ev::Link(_) => Some("<a>".into()),
            Ev::HardBreak => Some("<br>".into()),
            _ => None,
        })
        .collect()
}

/// Two blocks have the same skeleton; else the first difference, and the block.
fn same_skeleton(wild: &str, tame: &str) -> Result<(), TestCaseError> {
    let (w, t) = (skeleton(wild), skeleton(tame));
    if let Some(i) = (0..w.len().max(t.len())).find(|&i| w.get(i) != t.get(i)) {
        return Err(TestCaseError::fail(format!(
            "skeletons differ at {i}: {:?} / {:?} in:\n{wild}",
            w.get(i),
            t.get(i)
        )));
    }
    Ok(())
}

/// Every table row has as many cells as its head.
fn tables_are_rectangular(md: &str) {
    let (mut head, mut cells, mut in_head) = (0usize, 0usize, false);
    for e in events(md) {
        match e {
            Ev::Start(n) if n == "TableRowtrue" => {
                in_head = true;
                head = 0;
            }
            Ev::Start(n) if n == "TableRowfalse" => cells = 0,
            Ev::Start(n) if n == "TableCell" && in_head => head += 1,
            Ev::Start(n) if n == "TableCell" => cells += 1,
            Ev::End(n) if n == "TableRowtrue" => in_head = false,
            Ev::End(n) if n == "TableRowfalse" => {
                assert_eq!(cells, head, "ragged table in:\n{md}")
            }
            _ => {}
        }
    }
}

/// Where the block is pasted, user text pings no one, links nowhere but to the
/// conversation and the project, references no issue and hides nothing; and the block
/// fits a GitHub issue. `links` are the links it may hold.
fn safe_to_paste(md: &str, links: &[String]) {
    // The text of an allowed link is its URL, where GitHub looks for no reference.
    let mut in_link = false;
    for e in events(md) {
        match e {
            Ev::Link(url) => assert!(links.contains(&url), "a link in:\n{md}"),
            Ev::Start(n) if n == "Link" => in_link = true,
            Ev::End(n) if n == "Link" => in_link = false,
            Ev::Text(t) if !in_link => {
                let chars: Vec<char> = t.chars().collect();
                for (i, w) in chars.windows(2).enumerate() {
                    let name = w[1].is_alphanumeric() || w[1] == '_';
                    assert!(!(w[0] == '@' && name), "a mention in {t:?} in:\n{md}");
                    assert!(!(w[0] == '#' && name), "a reference in {t:?} in:\n{md}");
                    let gh = w[0] == '-'
                        && w[1].is_ascii_digit()
                        && i > 0
                        && chars[i - 1].is_ascii_alphabetic();
                    assert!(!gh, "a GH-123 reference in {t:?} in:\n{md}");
                }
            }
            _ => {}
        }
    }
    assert_eq!(first_hidden(md), None, "a hidden character in:\n{md}");
    assert!(
        md.encode_utf16().count() < BLOCK_MAX,
        "{} characters",
        md.len()
    );
}

/// Characters that show nothing or change the text around them (format characters,
/// blank letters, tag and ideographic variation selectors).
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The first invisible character of `text`, or a variation selector where it selects
/// nothing: at the start, after an ASCII letter or digit, or after another selector.
fn first_hidden(text: &str) -> Option<char> {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let selector = matches!(c, '\u{FE00}'..='\u{FE0F}');
        let selects_nothing =
            prev.is_none_or(|p| p.is_ascii_alphanumeric() || matches!(p, '\u{FE00}'..='\u{FE0F}'));
        if invisible(c) || (selector && selects_nothing) {
            return Some(c);
        }
        prev = Some(c);
    }
    None
}

/// Whether the oracle takes `url` for a link the block may make: http or https, at most
/// 500 characters, and nothing after the scheme but visible, non-space characters that
/// do not end a link (`<`, `>`, `"`).
fn plainly_a_link(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && url.chars().count() <= 500
            && first_hidden(r).is_none()
            && !r.chars().any(|c| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '<' | '>' | '"' | '\u{FE00}'..='\u{FE0F}')
            })
    })
}

/// The text of every code span of the block, as comrak reads it.
/// The identifiers of a document (distinct_ids, event names), as a code span holds them.
fn identifiers(doc: &Doc) -> Vec<String> {
    use historical_import_checklist::checklist::block::escape::{code_as, CodeAs};
    use historical_import_checklist::checklist::block::model::{Inline, Part};
    fn walk(line: &[Inline], out: &mut Vec<String>) {
        for inline in line {
            match inline {
                Inline::Code(id) => {
                    if let CodeAs::Span { body, .. } = code_as(id) {
                        out.push(body);
                    }
                }
                Inline::Strong(inner) | Inline::Emphasis(inner) => walk(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for part in &doc.parts {
        match part {
            Part::Heading { line, .. } | Part::Paragraph(line) => walk(line, &mut out),
            Part::List(items) => items.iter().for_each(|l| walk(l, &mut out)),
            Part::Tasks(items) => items.iter().for_each(|(_, l)| walk(l, &mut out)),
            Part::Table { head, rows } => {
                head.iter().for_each(|l| walk(l, &mut out));
                rows.iter().flatten().for_each(|l| walk(l, &mut out));
            }
        }
    }
    out
}

/// `@name` (a mention, or an e-mail address's `@`).
fn has_mention(chars: &[char]) -> bool {
    chars
        .windows(2)
        .any(|w| w[0] == '@' && (w[1].is_alphanumeric() || w[1] == '_'))
}

/// `#name` (a reference, a Slack channel).
fn has_hash(chars: &[char]) -> bool {
    chars
        .windows(2)
        .any(|w| w[0] == '#' && (w[1].is_alphanumeric() || w[1] == '_'))
}

/// `ABC-123`, a reference a GitHub repository may link.
fn has_dash_number(chars: &[char]) -> bool {
    chars
        .windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == '-' && w[2].is_ascii_digit())
}

/// The Slack and plain-text versions of the block are as safe, wherever they are
/// pasted: no mention (ids included), no `#channel` in Slack (ids included), no
/// reference outside ids (ids keep `#123` and `GH-123`, which mean nothing there), no
/// scheme or `www.` but the allowed links, no hidden character, and under the block's
/// 60,000 characters.
fn other_formats_are_safe(doc: &Doc, links: &[String]) {
    use historical_import_checklist::checklist::block::escape::{plain_code, slack_code};
    // Longest first, so that a short id does not take a piece out of a longer one.
    let mut code = identifiers(doc);
    code.sort_by_key(|c| std::cmp::Reverse(c.len()));
    for format in [Format::Slack, Format::Plain] {
        let whole = write(doc, format);
        assert!(
            whole.encode_utf16().count() < BLOCK_MAX,
            "{format:?}: {} characters",
            whole.chars().count()
        );
        assert_eq!(first_hidden(&whole), None, "hidden in {format:?}:\n{whole}");
        // What is taken out leaves a space, so that the text on either side does not
        // join into a pattern of its own.
        let mut text = whole.clone();
        for link in links {
            text = text.replace(link.as_str(), " ");
        }
        let chars: Vec<char> = text.chars().collect();
        assert!(!has_mention(&chars), "a mention in {format:?}:\n{text}");
        if format == Format::Slack {
            assert!(!has_hash(&chars), "a channel in Slack:\n{text}");
            // Slack's own syntax for @here and @channel, should the text be posted.
            assert!(!text.contains("<!"), "<! in Slack:\n{text}");
        }
        let mut outside = text.clone();
        for c in &code {
            let shown = match format {
                Format::Slack => slack_code(c),
                _ => plain_code(c),
            };
            if !shown.is_empty() {
                outside = outside.replace(shown.as_ref(), " ");
            }
        }
        let chars: Vec<char> = outside.chars().collect();
        assert!(
            !has_hash(&chars) && !has_dash_number(&chars),
            "a reference in {format:?}:\n{text}"
        );
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("://") && !lower.contains("www."),
            "a link in {format:?}:\n{text}"
        );
    }
}

/// Slack's formatting in a Slack block, in order: each `*` and `~`, each `_` that is
/// not inside a word (Slack formats only at word boundaries) and each backtick; nothing
/// between backticks (code) counts.
fn slack_marks(text: &str) -> Vec<char> {
    let mut marks = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut in_code = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == '`' {
                in_code = !in_code;
                marks.push(c);
                continue;
            }
            let word = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_alphanumeric())
            };
            let in_word = word(i.checked_sub(1)) && word(Some(i + 1));
            if !in_code && (matches!(c, '*' | '~') || (c == '_' && !in_word)) {
                marks.push(c);
            }
        }
        assert!(!in_code, "an unclosed code span in Slack: {line}");
    }
    marks
}

/// The Slack block formats exactly what it formats for plain answers: typed `*`, `_`,
/// `~` and backticks are never Slack's formatting.
fn slack_formats_only_its_own(wild_doc: &Doc, tame_doc: &Doc) -> Result<(), TestCaseError> {
    let (wild, tame) = (
        write(wild_doc, Format::Slack),
        write(tame_doc, Format::Slack),
    );
    let (w, t) = (slack_marks(&wild), slack_marks(&tame));
    if w != t {
        let at = (0..w.len().max(t.len())).find(|&i| w.get(i) != t.get(i));
        return Err(TestCaseError::fail(format!(
            "Slack formatting differs at mark {at:?}: {:?} / {:?} in:\n{wild}",
            at.and_then(|i| w.get(i)),
            at.and_then(|i| t.get(i))
        )));
    }
    Ok(())
}

/// The widget's rendered view shows the block as comrak reads GitHub's text: the same
/// text in the same headings, paragraphs, list items and table cells.
fn rendered_view_matches_comrak(doc: &Doc) {
    let md = github::write(doc);
    let mut expected = Vec::new();
    let mut current = String::new();
    for e in events(&md) {
        match e {
            Ev::Text(t) | Ev::Code(t) => current.push_str(&t),
            Ev::SoftBreak => current.push(' '),
            Ev::HardBreak => current.push('\n'),
            Ev::End(n)
                if matches!(
                    n.as_str(),
                    "Heading2"
                        | "Heading3"
                        | "Paragraph"
                        | "TableCell"
                        | "Item"
                        | "Tasktrue"
                        | "Taskfalse"
                ) && !current.is_empty() =>
            {
                expected.push(std::mem::take(&mut current))
            }
            _ => {}
        }
    }
    assert_eq!(
        texts(doc),
        expected,
        "the rendered view differs from comrak for:\n{md}"
    );
}

#[test]
fn rendered_view_of_the_golden_blocks() {
    for name in ["small-import", "large-import", "load-test"] {
        let path = format!("{}/tests/scenarios/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let a: Answers = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        rendered_view_matches_comrak(&doc(&a));
    }
}

/// A fully answered request (the large-import golden scenario, as a load test too so
/// that every section and row appears).
fn base() -> Answers {
    let json = include_str!("scenarios/large-import.json");
    let mut a: Answers = serde_json::from_str(json).unwrap();
    a.kind = Some(Kind::Both);
    a.load_transport = Some(Transport::Batch);
    a.load_concurrency = "20".into();
    a
}

/// User text: anything, weighted towards Markdown's special characters, with an
/// occasional 100 KB string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => any::<String>(),
        20 => "[|`<>\\\\\\[\\]()*_#~&;!:=+.\\- \\t\\r\\n0-9a-zA-Z$]{0,40}",
        9 => prop::sample::select(vec![
            "<script>alert(1)</script>".to_string(),
            "[x](javascript:alert(1))".to_string(),
            "![img](https://x/y.png)".to_string(),
            "| a | b |\n|---|---|".to_string(),
            "```\ncode\n```".to_string(),
            "# heading\n> quote\n- item\n1. one\n---\n===".to_string(),
            "- [ ] fake task".to_string(),
            "&amp; &#60; &lt;".to_string(),
            "line\\\nbreak  \nmore".to_string(),
            "<https://evil.example>".to_string(),
            "`` ` ``".to_string(),
            "**bold** _em_ ~~strike~~".to_string(),
            "Acme (cc @octocat) @here @channel @org/team <!here> <!channel>".to_string(),
            "#4521 GH-123 owner/repo#1 jira-7 #general".to_string(),
            "https://evil.example/login www.evil.example jane@acme.com ftp://x.y/z".to_string(),
            "HTTPS://EVIL.EXAMPLE WWW.EVIL.EXAMPLE mailto:a@b.c xmpp:a@b.c/x".to_string(),
            "user\u{202E}1\u{200B}2\u{FEFF}3\u{2066}4\u{00AD}5\u{E0041}".to_string(),
        ]),
        10 => "[@#a-zA-Z0-9./:\\-_\u{202E}\u{200B}\u{FE0F}\u{E0100} ]{0,30}",
        // 100 KB of text with specials, built from a short seed (generating it character
        // by character would dominate the run time).
        1 => "[a-z|`<\\n\\[\\]*_]{1,16}".prop_map(|seed| seed.repeat(100_000 / seed.len() + 1)),
    ]
}

/// The same answer as plain text: empty stays empty (it changes what is shown),
/// anything else becomes a letter, keeping what the renderer treats specially: a merge-
/// sensitive event's name, and a run of 80 backticks (no code span can hold one, so an
/// id with one is written as text, without Slack's backticks).
fn plain(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        String::new()
    } else if MERGE_SENSITIVE_EVENTS.contains(&t) {
        t.to_string()
    } else if t.contains(&"`".repeat(80)) {
        "`".repeat(80)
    } else {
        "x".to_string()
    }
}

/// A conversation link: a plain one, or one with a hidden character, a space or a
/// line break inside, or one over the 500-character limit (up to 100 KB), or any text.
fn link() -> impl Strategy<Value = String> {
    let site = "https?://[a-z]{1,12}\\.example(/[a-zA-Z0-9_~*.%-]{0,12}){0,3}";
    let hidden = prop::sample::select(vec![
        '\u{202E}',
        '\u{200B}',
        '\u{FEFF}',
        '\u{2066}',
        '\u{00AD}',
        '\u{E0041}',
        '\u{FE0F}',
        '\u{E0100}',
        '\u{2060}',
        '\u{0007}',
        '\u{3164}',
    ]);
    let space = prop::sample::select(vec![' ', '\t', '\n', '\u{3000}', '\u{2028}', '\u{A0}']);
    let inside = |(url, c, at): (String, char, prop::sample::Index)| {
        // Anywhere after the scheme's "//".
        let start = url.find("//").map_or(0, |i| i + 2);
        let spots: Vec<usize> = (start..=url.len())
            .filter(|&i| url.is_char_boundary(i))
            .collect();
        let i = spots[at.index(spots.len())];
        format!("{}{c}{}", &url[..i], &url[i..])
    };
    prop_oneof![
        4 => site,
        3 => (site, hidden, any::<prop::sample::Index>()).prop_map(inside),
        2 => (site, space, any::<prop::sample::Index>()).prop_map(inside),
        2 => (site, 440usize..1_200).prop_map(|(url, n)| format!("{url}/{}", "a".repeat(n))),
        1 => site.prop_map(|url| format!("{url}/{}", "ab.c@d".repeat(20_000))),
        3 => text(),
    ]
}

/// Every free-text question of the table but the conversation link (which has its own
/// strategy): customer, organization, name, team, handle, pause contact, data source,
/// notes, load-test goal… A question added to the table is covered without a change
/// here.
fn free_text_fields() -> Vec<historical_import_checklist::checklist::questions::Field> {
    use historical_import_checklist::checklist::questions::Field;
    Field::ALL
        .iter()
        .copied()
        .filter(|f| f.question().input.is_free_text() && *f != Field::ConversationUrl)
        .collect()
}

#[derive(Debug, Clone)]
struct FreeText {
    /// One per [`free_text_fields`], in that order.
    fields: Vec<String>,
    project_id: String,
    url: String,
    ids: Vec<String>,
    apps: Vec<String>,
    custom_events: Vec<String>,
}

fn free_text() -> impl Strategy<Value = FreeText> {
    (
        prop::collection::vec(text(), free_text_fields().len()),
        text(),
        link(),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(
            |(fields, project_id, url, ids, apps, custom_events)| FreeText {
                fields,
                project_id,
                url,
                ids,
                apps,
                custom_events,
            },
        )
}

/// The links the block may hold: the conversation's when the oracle finds it a plain
/// http(s) URL of at most 500 characters, and the project's (built from the region and
/// a numeric project ID, never from typed text).
fn allowed_links(a: &Answers) -> Vec<String> {
    let conversation = Some(a.conversation_url.trim())
        .filter(|u| plainly_a_link(u))
        .map(str::to_string);
    conversation.into_iter().chain(project_link(a)).collect()
}

/// The project's link as the oracle expects it: the region's host and an ID of one to
/// twelve digits, as a number (no leading zeros).
fn project_link(a: &Answers) -> Option<String> {
    let id = a.project_id.trim();
    let digits = (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
    let host = match a.region? {
        Region::Us => "us",
        Region::Eu => "eu",
        Region::SelfHosted => return None,
    };
    let n: u64 = id.parse().ok().filter(|_| digits)?;
    Some(format!("https://{host}.posthog.com/project/{n}"))
}

fn apply(t: &FreeText, map: &dyn Fn(&str) -> String) -> Answers {
    let mut a = base();
    for (field, text) in free_text_fields().into_iter().zip(&t.fields) {
        field.set_text(&mut a, &map(text));
    }
    // A numeric ID is kept, like a valid link: it makes the project link.
    let id = t.project_id.trim();
    a.project_id = if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
        t.project_id.clone()
    } else {
        map(&t.project_id)
    };
    a.conversation_url = if is_web_link(t.url.trim()) {
        t.url.clone()
    } else {
        map(&t.url)
    };
    a.top_ids = t
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| TopId {
            distinct_id: map(id),
            events: format!("{}", 1_000 - i),
        })
        .collect();
    a.app_list = t
        .apps
        .iter()
        .map(|name| App {
            name: map(name),
            kind: AppKind::Destination,
        })
        .collect();
    a.event_types = vec!["$identify".into()];
    for (i, e) in t.custom_events.iter().enumerate() {
        // Distinct names, as the chip editor keeps them.
        let name = map(e);
        if !name.trim().is_empty() {
            a.event_types.push(format!("{name}{i}"));
        }
    }
    a
}

#[test]
fn every_free_text_question_is_generated() {
    use historical_import_checklist::checklist::questions::Field;
    let fields = free_text_fields();
    for f in [
        Field::Customer,
        Field::Organization,
        Field::RequesterName,
        Field::RequesterTeam,
        Field::RequesterHandle,
        Field::PauseContact,
        Field::DataSource,
        Field::CommitmentNote,
        Field::RampNote,
        Field::LoadGoal,
        Field::AnythingElse,
    ] {
        assert!(fields.contains(&f), "{f:?}");
    }
}

proptest! {
    #[test]
    fn user_text_never_changes_the_structure(t in free_text()) {
        let wild = apply(&t, &|s| s.to_string());
        let tame = apply(&t, &plain);
        let (wild_doc, tame_doc) = (doc(&wild), doc(&tame));
        let (wild_md, tame_md) = (github::write(&wild_doc), github::write(&tame_doc));
        same_skeleton(&wild_md, &tame_md)?;
        tables_are_rectangular(&wild_md);
        safe_to_paste(&wild_md, &allowed_links(&wild));
        other_formats_are_safe(&wild_doc, &allowed_links(&wild));
        slack_formats_only_its_own(&wild_doc, &tame_doc)?;
        rendered_view_matches_comrak(&wild_doc);
    }

    #[test]
    fn the_pipeline_team_name_cannot_break_the_block(team in text()) {
        let config = Config { pipeline_team: team, ..Config::default() };
        let env = Env { now: NOW, zones: &BuiltinZones };
        let md = github::write(&evaluate(&base(), &config, &env).block);
        let plain_md = render(&base());
        same_skeleton(&md, &plain_md)?;
    }
}

/// One answer, as the question table stores it.
#[derive(Debug, Clone)]
enum Generated {
    /// Text, or a choice's or a unit's code (`""`: no choice).
    Text(String),
    Tick(bool),
    /// A list's cells, row by row.
    Rows(Vec<Vec<String>>),
    Names(Vec<String>),
}

/// One of a choice's codes.
fn code(options: &'static [(&'static str, &'static str)]) -> BoxedStrategy<String> {
    prop::sample::select(
        options
            .iter()
            .map(|(c, _)| c.to_string())
            .collect::<Vec<_>>(),
    )
    .boxed()
}

/// Any answer to `field`, by how the question table stores it: any text; a tick; any of
/// a choice's or unit's codes, or none; names (now and then merge-sensitive ones); rows
/// of any cells (a choice cell: one of its codes), now and then more than a link
/// carries.
fn any_answer(field: Field) -> BoxedStrategy<Generated> {
    let fresh = Answers::default();
    let stored = field.stored(&fresh);
    if let Some(rows) = stored.rows() {
        let row: Vec<BoxedStrategy<String>> = rows
            .spec()
            .columns
            .iter()
            .map(|c| match c.kind {
                CellKind::Choice(options) => code(options),
                _ => text().boxed(),
            })
            .collect();
        return prop_oneof![
            9 => prop::collection::vec(row.clone(), 0..4),
            1 => prop::collection::vec(row, 11..14),
        ]
        .prop_map(Generated::Rows)
        .boxed();
    }
    if stored.names().is_some() {
        let merge_sensitive = MERGE_SENSITIVE_EVENTS
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>();
        let name = prop_oneof![3 => text(), 1 => prop::sample::select(merge_sensitive)];
        return prop::collection::vec(name, 0..4)
            .prop_map(Generated::Names)
            .boxed();
    }
    match field.question().input {
        Input::Check => any::<bool>().prop_map(Generated::Tick).boxed(),
        Input::Choice(options) | Input::UnitOf(options) => {
            prop_oneof![Just(String::new()), code(options)]
                .prop_map(Generated::Text)
                .boxed()
        }
        _ => text().prop_map(Generated::Text).boxed(),
    }
}

fn put(field: Field, a: &mut Answers, value: Generated) {
    let stored = field.stored_mut(a);
    match value {
        Generated::Text(t) => stored.set_text(&t),
        Generated::Tick(on) => stored.set_checked(on),
        Generated::Rows(cells) => {
            if let Some(rows) = stored.rows_mut() {
                for row in cells {
                    rows.push_empty();
                    let r = rows.len() - 1;
                    for (c, v) in row.iter().enumerate() {
                        rows.set_cell(r, c, v);
                    }
                }
            }
        }
        Generated::Names(names) => stored
            .names_mut()
            .into_iter()
            .for_each(|n| n.extend(names.clone())),
    }
}

/// Any answer to every question of the table (a new question is covered as soon as it
/// is declared), numbers and dates as any text.
fn any_answers() -> impl Strategy<Value = Answers> {
    Field::ALL
        .iter()
        .map(|&f| any_answer(f))
        .collect::<Vec<_>>()
        .prop_map(|values| {
            let mut a = Answers::default();
            for (&field, value) in Field::ALL.iter().zip(values) {
                put(field, &mut a, value);
            }
            a
        })
}

/// The generator reaches every question: each is answered (a tick ticked, a list given
/// rows, a unit changed) in some of a few dozen cases.
#[test]
fn any_answers_answers_every_question() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let samples: Vec<Answers> = (0..64)
        .map(|_| any_answers().new_tree(&mut runner).unwrap().current())
        .collect();
    let fresh = Answers::default();
    for &field in Field::ALL {
        let d = field.stored(&fresh);
        let reached = samples.iter().any(|a| {
            let s = field.stored(a);
            s.text() != d.text()
                || s.checked() != d.checked()
                || s.rows().map(|r| r.len()) != d.rows().map(|r| r.len())
                || s.names() != d.names()
        });
        assert!(reached, "any_answers never answers {}", field.key());
    }
}

/// A configuration as a host might write it: any setting, any text or number (valid or
/// not; bad ones keep their defaults, as on a page).
fn any_config() -> impl Strategy<Value = Config> {
    let value = prop_oneof![
        text(),
        any::<f64>().prop_map(|x| x.to_string()),
        (0u64..u64::MAX).prop_map(|n| n.to_string()),
    ];
    prop::collection::vec((prop::sample::select(SETTINGS.to_vec()), value), 0..6).prop_map(
        |pairs| {
            let mut c = Config::default();
            for (setting, v) in pairs {
                let _ = c.set_attribute(setting.attribute, &v);
            }
            c.check_together();
            c
        },
    )
}

proptest! {
    #[test]
    fn nothing_panics_and_the_block_stays_clean(
        a in any_answers(),
        config in any_config(),
        now in -4_000_000_000i64..8_000_000_000,
    ) {
        let env = Env { now, zones: &BuiltinZones };
        let report = evaluate(&a, &config, &env);
        let markdown = github::write(&report.block);
        if config.pipeline_team == Config::default().pipeline_team {
            safe_to_paste(&markdown, &allowed_links(&a));
            other_formats_are_safe(&report.block, &allowed_links(&a));
        }
        // No HTML, no foreign links, rectangular tables, the fixed headings in order.
        let sk = skeleton(&markdown);
        tables_are_rectangular(&markdown);
        rendered_view_matches_comrak(&report.block);
        // Findings, Ramp-up and Checklist always; Tell the customer, Top distinct_ids
        // (imports only) and Notes when they hold anything.
        let h3 = sk.iter().filter(|s| *s == "<Heading3>").count();
        prop_assert!((3..=6).contains(&h3), "{} level-3 headings", h3);
        prop_assert_eq!(sk.iter().filter(|s| *s == "<Heading2>").count(), 1);
        prop_assert!(markdown.ends_with("answers schema 1_\n"));
    }
}

/// Every field as long as it can be, every list as long as a paste makes it, with the
/// characters that grow most when shown: the block still fits a GitHub issue, and says
/// what it left out.
#[test]
fn the_longest_request_fits_a_github_issue() {
    let huge = "\u{202E}|*@a.bc".repeat(20_000);
    let mut a = base();
    for &field in historical_import_checklist::checklist::questions::Field::ALL {
        if field.question().input.is_free_text() {
            field.set_text(&mut a, &huge);
        }
    }
    a.total_events = huge.clone();
    a.top_ids = (0..1_000)
        .map(|i| TopId {
            distinct_id: format!("{huge}{i}"),
            events: format!("{}", 1_000 - i),
        })
        .collect();
    a.app_list = (0..1_000)
        .map(|i| App {
            name: format!("{huge}{i}"),
            kind: AppKind::Destination,
        })
        .collect();
    a.event_types = (0..1_000).map(|i| format!("{huge}{i}")).collect();
    a.ramp_steps = (0..1_000)
        .map(|i| RampStep {
            after_minutes: format!("{i}"),
            rate: "10".into(),
        })
        .collect();
    let block = doc(&a);
    let md = github::write(&block);
    let units = md.encode_utf16().count();
    println!("the longest block: {units} UTF-16 units");
    assert!(units < BLOCK_MAX, "{units} UTF-16 units");
    assert!(md.contains("more characters not shown)"));
    assert!(md.contains("And 990 more distinct_ids, not listed here."));
    assert!(md.contains("980 more"), "apps and event names are counted");
    // Every section is still there, the footer last.
    assert!(md.contains("### Checklist"));
    assert!(md.ends_with("answers schema 1_\n"));
    safe_to_paste(&md, &allowed_links(&a));
    other_formats_are_safe(&block, &allowed_links(&a));
}

proptest! {
    /// A prefilled link gives back exactly the answers it was made from, whatever
    /// they hold, and a link cut anywhere is refused rather than half-applied.
    #[test]
    fn links_round_trip_any_answers(a in any_answers(), cut in any::<prop::sample::Index>()) {
        use historical_import_checklist::checklist::handoff::share::{carried, decode, encode, LinkError};
        let link = encode(&a);
        let kept = carried(&a);
        prop_assert_eq!(decode(&link), Ok(Some(kept.clone())));
        // All of it but the distinct_ids past the busiest ones and a sample's measures.
        prop_assert!(kept.top_ids.len() <= TOP_IDS_SHOWN);
        prop_assert!(kept.sample.is_empty());
        if a.top_ids.len() <= TOP_IDS_SHOWN {
            prop_assert_eq!(&kept.top_ids, &a.top_ids);
        }
        let rest = Answers { top_ids: a.top_ids.clone(), sample: a.sample.clone(), ..kept };
        prop_assert_eq!(&rest, &a);
        let at = cut.index(link.len());
        if at > "#hic=".len() && link.is_char_boundary(at) {
            prop_assert_eq!(decode(&link[..at]), Err(LinkError::Broken));
        }
    }
}
