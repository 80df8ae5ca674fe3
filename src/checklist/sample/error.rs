//! What can be wrong with a sample, in words for the reader: the whole sample refused
//! ([`SampleError`]) or one place in it ([`Problem`]). No message quotes the sample's
//! text, so a message can go anywhere the widget shows it.

use super::scan::MAX_DEPTH;
use crate::checklist::capitalise;
use crate::checklist::questions::numbers::group;

/// What the JSON needed where it stopped making sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A value: text in double quotes, a number, true, false, null, `{` or `[`.
    Value,
    /// A member's name, in double quotes.
    Name,
    /// The colon between a name and its value.
    Colon,
    /// Another member or the end of the object.
    CommaOrBrace,
    /// Another item or the end of the array.
    CommaOrBracket,
    /// The closing double quote of a text (a text cannot span lines).
    Quote,
    /// A known escape after a backslash.
    Escape,
    /// A control character (a tab, say) written as an escape inside a text.
    Control,
    /// A digit in a number.
    Digit,
    /// Nothing more on the line after a value that stands on its own.
    LineEnd,
}

impl Expected {
    fn says(self) -> &'static str {
        match self {
            Expected::Value => {
                "a value (text in double quotes, a number, true, false, null, { or [)"
            }
            Expected::Name => "a name in double quotes",
            Expected::Colon => "a colon after the name",
            Expected::CommaOrBrace => "a comma or a closing }",
            Expected::CommaOrBracket => "a comma or a closing ]",
            Expected::Quote => "the closing double quote of a text, on the same line",
            Expected::Escape => "an escape such as \\n, \\\" or \\u00e9 after the backslash",
            Expected::Control => "an escape such as \\t instead of a control character",
            Expected::Digit => "a digit",
            Expected::LineEnd => "the end of the line after the value (one value per line)",
        }
    }
}

/// Why the JSON stopped making sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Expected(Expected),
    /// Objects and arrays nested deeper than [`MAX_DEPTH`] levels.
    TooDeep,
}

/// A place in the pasted text, and whether the text ended there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text ends here (often a paste cut short).
    pub end: bool,
}

impl Spot {
    /// "line 3, column 17: a comma or a closing } was expected".
    fn with(self, fault: Fault) -> String {
        let at = format!("line {}, column {}", group_usize(self.line), self.column);
        match fault {
            Fault::TooDeep => format!("{at}: nested more than {MAX_DEPTH} levels deep"),
            Fault::Expected(e) if self.end => {
                format!("the text ends at {at}, where {} was expected", e.says())
            }
            Fault::Expected(e) => format!("{at}: {} was expected", e.says()),
        }
    }
}

fn group_usize(n: usize) -> String {
    group(n as u64)
}

/// Why a sample could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SampleError {
    /// Nothing but blanks.
    Empty,
    /// No event could be read, and the text stops being JSON here.
    NotJson { at: Spot, expected: Expected },
    /// No event could be read, and the JSON nests deeper than any event here.
    TooDeep { at: Spot },
    /// Readable JSON with no event in it (`{"foo": 1}`, `[]`).
    NoEvents,
}

impl SampleError {
    /// The sentence the reader sees.
    pub fn message(&self) -> String {
        match self {
            SampleError::Empty => format!("Nothing to read yet: paste {WHAT}."),
            SampleError::NotJson { at, expected } => format!(
                "This is not JSON: {}.{}",
                at.with(Fault::Expected(*expected)),
                if at.end { " Was the paste cut short?" } else { "" }
            ),
            SampleError::TooDeep { at } => format!(
                "This JSON nests more than {MAX_DEPTH} levels deep (line {}, column {}); events are never that deep, so it was not read.",
                group_usize(at.line),
                at.column
            ),
            SampleError::NoEvents => format!("This is JSON, but it holds no events: paste {WHAT}."),
        }
    }
}

/// What the reader can paste, as the messages say it.
const WHAT: &str =
    "a /batch request body, one event, a JSON array of events, or one event per line";

/// What a value is, when an event was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Text,
    Number,
    Boolean,
    Null,
    Array,
}

impl Shape {
    fn says(self) -> &'static str {
        match self {
            Shape::Text => "a text",
            Shape::Number => "a number",
            Shape::Boolean => "true or false",
            Shape::Null => "null",
            Shape::Array => "an array",
        }
    }
}

/// One place in a sample that was read with something wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line where the event or the unreadable text starts.
    pub line: usize,
    /// The last line of a run of unreadable lines; `line` otherwise.
    pub last_line: usize,
    /// 1-based number of the item among the sample's events (items that are not
    /// events count too, so the number finds the place), when it is an event's problem.
    pub event: Option<usize>,
    pub kind: ProblemKind,
}

/// What is wrong at a [`Problem`]'s place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// An event without an `event` name (or one that is not text).
    NoName,
    /// An event without a distinct_id: none at the top (`distinct_id`, `$distinct_id`)
    /// nor in `properties.distinct_id`, or an empty or null one.
    NoDistinctId,
    /// An item where an event object was expected.
    NotAnObject(Shape),
    /// An object on its own with none of an event's members (`event`, `distinct_id`,
    /// `properties`, `timestamp`, `uuid`) and no `batch`.
    NotAnEvent,
    /// Text that is not JSON. `skipped`: the line(s) were passed over and reading went
    /// on with the next line; otherwise the rest of the text was not read.
    NotJson {
        at: Spot,
        fault: Fault,
        skipped: bool,
    },
}

impl Problem {
    /// The sentence the reader sees: "Event 12 (line 14) has no event name."
    pub fn message(&self) -> String {
        let lines = if self.last_line > self.line {
            format!(
                "Lines {}–{}",
                group_usize(self.line),
                group_usize(self.last_line)
            )
        } else {
            format!("Line {}", group_usize(self.line))
        };
        let what = match self.event {
            Some(n) => format!("Event {} (line {})", group_usize(n), group_usize(self.line)),
            None => lines.clone(),
        };
        match &self.kind {
            ProblemKind::NoName => format!("{what} has no event name."),
            ProblemKind::NoDistinctId => format!("{what} has no distinct_id."),
            ProblemKind::NotAnObject(shape) => {
                format!("{what} is {}, not an event object.", shape.says())
            }
            ProblemKind::NotAnEvent => format!(
                "{what} holds an object that is not an event (no event, distinct_id, properties, timestamp or uuid)."
            ),
            ProblemKind::NotJson {
                at, skipped: true, ..
            } if at.line > self.last_line => {
                format!("{lines} is not JSON: its value does not close on its line; skipped.")
            }
            ProblemKind::NotJson {
                at,
                fault,
                skipped: true,
            } => {
                let verb = if self.last_line > self.line { "are" } else { "is" };
                format!("{lines} {verb} not JSON ({}); skipped.", at.with(*fault))
            }
            ProblemKind::NotJson { at, fault, .. } if at.end => format!(
                "{}: was the paste cut short? What came before was read.",
                capitalise(&at.with(*fault))
            ),
            ProblemKind::NotJson { at, fault, .. } => format!(
                "The text stops being JSON at {}; the rest was not read.",
                at.with(*fault)
            ),
        }
    }
}
