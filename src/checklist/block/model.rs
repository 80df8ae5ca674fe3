//! The block model: one typed document, built once per evaluation, that every writer
//! writes (GitHub, Slack, plain text, the widget's rendered view). The request block
//! and the customer's message are both one. Nothing is rendered and read back: what
//! someone typed stays [`Inline::Text`] (or [`Inline::Code`] for an identifier) to the
//! end, and each writer escapes it for where it goes.

use std::borrow::Cow;

/// A run of inline content.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Our own words, written as they are in every format.
    Words(Cow<'static, str>),
    /// Text that holds what someone typed (alone, or inside our words): neutralised,
    /// escaped for the format and shown up to `max` characters (`block::escape`).
    Text {
        text: String,
        max: usize,
    },
    /// The host's own text (the pipeline team's name): escaped, but a `#channel` or an
    /// `@team` stays one.
    Host(String),
    /// An identifier (a distinct_id, an event name, `/batch`), exactly as typed: a code
    /// span where the format has one.
    Code(String),
    /// A link already checked to be a plain http(s) URL, or built by us.
    Link(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// A line break inside a paragraph.
    Break,
}

/// One line of inline content.
pub type Line = Vec<Inline>;

/// A block-level part of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// A heading; `close`: the next part follows on the next line (in GitHub's text),
    /// not after a blank one.
    Heading {
        level: u8,
        line: Line,
        close: bool,
    },
    Paragraph(Line),
    List(Vec<Line>),
    /// A task list: each item ticked or not.
    Tasks(Vec<(bool, Line)>),
    /// A table. A head of empty cells makes a table of labelled rows, the label first.
    Table {
        head: Vec<Line>,
        rows: Vec<Vec<Line>>,
    },
}

/// A document: the request block, or the customer's message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub parts: Vec<Part>,
}

impl Doc {
    /// The first heading's line: the request's title (a ticket's title too).
    pub fn title(&self) -> Option<&Line> {
        self.parts.iter().find_map(|p| match p {
            Part::Heading { line, .. } => Some(line),
            _ => None,
        })
    }
}

/// Our words.
pub fn words(s: impl Into<Cow<'static, str>>) -> Inline {
    Inline::Words(s.into())
}

/// Typed text (or our words around it), shown up to `max` characters.
pub fn text(s: impl Into<String>, max: usize) -> Inline {
    Inline::Text {
        text: s.into(),
        max,
    }
}

/// Our words in bold.
pub fn strong(s: impl Into<Cow<'static, str>>) -> Inline {
    Inline::Strong(vec![words(s)])
}

/// An identifier.
pub fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}

/// A whole line of our words.
pub fn line(s: impl Into<Cow<'static, str>>) -> Line {
    vec![words(s)]
}

/// Whether a line holds nothing to show.
pub fn is_blank(line: &Line) -> bool {
    line.iter().all(|i| match i {
        Inline::Words(w) => w.trim().is_empty(),
        Inline::Text { text, .. } | Inline::Host(text) | Inline::Code(text) => {
            text.trim().is_empty()
        }
        Inline::Link(_) => false,
        Inline::Strong(l) | Inline::Emphasis(l) => is_blank(l),
        Inline::Break => true,
    })
}
