//! The walk over a sample: top-level values one after another (bodies, arrays,
//! events), a body's members one at a time, and the events of a `batch` array or a
//! top-level array one at a time, so reading can stop after any of them and go on
//! later ([`Reading::advance`]).
//!
//! A value that stops being JSON is a problem, not the end, when the text reads as one
//! value per line: the line is passed over and reading goes on with the next one. In
//! other text (a pretty-printed body) the rest is not read, but what came before it is
//! kept: a body cut short still counts, with the events read from it.

use super::error::{Expected, Fault, ProblemKind, SampleError, Shape, Spot};
use super::measure::{fnv, Fields, Flag, Tally, Uuid, When};
use super::measured::{Position, Sample, SampleFormat};
use super::scan::{Fail, Mark, Scan};
use super::stamp::parse_timestamp;
use std::borrow::Cow;

/// Where the walk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Between top-level values.
    Top,
    /// Between the members of a top-level object.
    Body,
    /// Between the events of a top-level object's `batch` array.
    Batch,
    /// Between the items of a top-level array.
    Array,
    Done,
}

/// What the top-level values were, to tell the format.
#[derive(Clone, Copy, Debug, Default)]
struct Tops {
    batch_bodies: usize,
    arrays: usize,
    /// Events on their own that carry a key: single-event request bodies.
    keyed_events: usize,
    /// Events on their own without a key.
    bare_events: usize,
    /// The first of those: its size, line and flag, a request if it is the only one.
    first_bare: Option<(usize, usize, Flag)>,
}

/// A sample being read, a few events at a time:
///
/// ```
/// # use historical_import_checklist::checklist::sample::Reading;
/// let text = r#"{"event": "$pageview", "distinct_id": "u1", "timestamp": "2023-01-01"}"#;
/// let mut reading = Reading::new(text, 1_700_000_000, 48);
/// while !reading.advance(256 * 1024) {
///     // Let the browser breathe here.
/// }
/// let sample = reading.finish().map_err(|e| e.message());
/// assert_eq!(sample.map(|s| s.events), Ok(1));
/// ```
pub struct Reading<'a> {
    scan: Scan<'a>,
    place: Place,
    /// The top-level object being read.
    body: Fields<'a>,
    /// Events read from its `batch` array.
    body_events: usize,
    /// Where the top-level value being read starts.
    top: Mark,
    tops: Tops,
    /// Whether the top-level values read whole so far each fit on one line (JSON
    /// lines), or one spanned several (a pretty-printed body); `None` before the first.
    lines: Option<bool>,
    /// The first place the text stopped being JSON.
    first_fail: Option<(Spot, Fault)>,
    /// The furthest byte read (passing over a broken line can step back to its end).
    furthest: usize,
    tally: Tally,
}

impl<'a> Reading<'a> {
    /// Starts reading `text`; timestamps are held against `now` (UTC seconds) and the
    /// historical window of `window_hours` before it.
    pub fn new(text: &'a str, now: i64, window_hours: u32) -> Reading<'a> {
        let scan = Scan::new(text);
        let top = scan.mark();
        Reading {
            scan,
            place: Place::Top,
            body: Fields::default(),
            body_events: 0,
            top,
            tops: Tops::default(),
            lines: None,
            first_fail: None,
            furthest: 0,
            tally: Tally::new(now, window_hours),
        }
    }

    /// Reads whole events (or a body's other members) until about `budget` more bytes
    /// of the text were read; `true` once the whole text is read. At least one event
    /// or member is read per call, so any budget ends.
    pub fn advance(&mut self, budget: usize) -> bool {
        let stop = self.furthest.saturating_add(budget);
        while self.place != Place::Done {
            let stepped = match self.place {
                Place::Top => self.step_top(),
                Place::Body => self.step_body(),
                Place::Batch => self.step_batch(),
                Place::Array => self.step_array(),
                Place::Done => Ok(()),
            };
            if let Err(fail) = stepped {
                self.furthest = self.furthest.max(fail.pos);
                self.failed(fail);
            }
            self.furthest = self.furthest.max(self.scan.pos);
            if self.furthest >= stop {
                break;
            }
        }
        self.place == Place::Done
    }

    /// How far the reading is, in bytes of the text (for a progress bar): never
    /// less than before.
    pub fn read_bytes(&self) -> usize {
        self.furthest
    }

    /// Reads what is left and says what the sample holds.
    pub fn finish(mut self) -> Result<Sample, SampleError> {
        while !self.advance(usize::MAX) {}
        if self.tally.events() == 0 {
            return Err(self.refusal());
        }
        let t = self.tops;
        let format = if t.batch_bodies > 0 {
            SampleFormat::Batch
        } else if t.arrays > 0 {
            SampleFormat::Array
        } else if t.bare_events == 0 || (t.bare_events == 1 && t.keyed_events == 0) {
            SampleFormat::Capture
        } else {
            SampleFormat::JsonLines
        };
        if let (SampleFormat::Capture, Some((bytes, line, historical))) = (format, t.first_bare) {
            let f = Fields {
                historical,
                ..Fields::default()
            };
            self.tally.body(false, &f, 1, bytes, line);
        }
        self.tally.keys.project_keys = self.scan.keys.project;
        self.tally.keys.personal_keys = self.scan.keys.personal;
        Ok(self.tally.into_sample(format))
    }

    /// Why a sample without events is refused.
    fn refusal(&self) -> SampleError {
        match self.first_fail {
            _ if self.scan.is_blank() => SampleError::Empty,
            Some((at, Fault::TooDeep)) => SampleError::TooDeep { at },
            Some((at, Fault::Expected(expected))) => SampleError::NotJson { at, expected },
            None => SampleError::NoEvents,
        }
    }

    fn step_top(&mut self) -> Result<(), Fail> {
        let s = &mut self.scan;
        s.ws();
        // Some tools write a comma between values.
        if s.peek() == Some(b',') {
            s.pos += 1;
            s.ws();
        }
        self.top = s.mark();
        let Some(c) = s.peek() else {
            self.place = Place::Done;
            return Ok(());
        };
        match c {
            b'{' => {
                self.body = Fields::default();
                self.body_events = 0;
                self.place = Place::Body;
                if !s.open(0, b'}')? {
                    self.end_body();
                    self.scan.line_end()?;
                }
            }
            b'[' => {
                self.tops.arrays += 1;
                self.place = Place::Array;
                if !s.open(0, b']')? {
                    self.end_top();
                    self.scan.line_end()?;
                }
            }
            _ => {
                let shape = shape(c);
                s.skip_value(0)?;
                s.line_end()?;
                self.tally
                    .problem(self.top.line, None, ProblemKind::NotAnObject(shape));
                self.end_top();
            }
        }
        Ok(())
    }

    fn step_body(&mut self) -> Result<(), Fail> {
        if member(&mut self.scan, &mut self.body, 1, true)? {
            // At the `batch` array's `[`.
            self.place = Place::Batch;
            if self.scan.open(1, b']')? {
                return Ok(());
            }
            self.place = Place::Body;
        }
        if !self.scan.next(b'}')? {
            self.end_body();
            self.scan.line_end()?;
        }
        Ok(())
    }

    fn step_batch(&mut self) -> Result<(), Fail> {
        if self.item(2)? {
            self.body_events += 1;
        }
        if !self.scan.next(b']')? {
            self.place = Place::Body;
            if !self.scan.next(b'}')? {
                self.end_body();
                self.scan.line_end()?;
            }
        }
        Ok(())
    }

    fn step_array(&mut self) -> Result<(), Fail> {
        self.item(1)?;
        if !self.scan.next(b']')? {
            self.end_top();
            self.scan.line_end()?;
        }
        Ok(())
    }

    /// One item where an event is expected, inside `depth` containers; whether it
    /// was an event object.
    fn item(&mut self, depth: usize) -> Result<bool, Fail> {
        self.scan.ws();
        let start = self.scan.mark();
        self.tally.items += 1;
        let at = Position {
            event: self.tally.items,
            line: start.line,
        };
        match self.scan.peek() {
            Some(b'{') => {
                let f = event(&mut self.scan, depth)?;
                let bytes = self.scan.compact_since(start);
                self.tally.event(&f, at, bytes);
                Ok(true)
            }
            Some(c) => {
                self.scan.skip_value(depth)?;
                let kind = ProblemKind::NotAnObject(shape(c));
                self.tally.problem(at.line, Some(at.event), kind);
                Ok(false)
            }
            None => Err(self.scan.fail(Expected::Value)),
        }
    }

    /// The top-level object has ended (or was cut short): a request body, an event
    /// on its own, or neither.
    fn end_body(&mut self) {
        let f = std::mem::take(&mut self.body);
        let bytes = self.scan.compact_since(self.top);
        let line = self.top.line;
        if f.batch {
            self.tops.batch_bodies += 1;
            self.tally.body(true, &f, self.body_events, bytes, line);
        } else if f.eventish {
            self.tally.items += 1;
            let at = Position {
                event: self.tally.items,
                line,
            };
            self.tally.event(&f, at, bytes);
            if f.tokens > 0 {
                self.tops.keyed_events += 1;
                self.tally.body(false, &f, 1, bytes, line);
            } else {
                self.tops.bare_events += 1;
                if self.tops.first_bare.is_none() {
                    self.tops.first_bare = Some((bytes, line, f.historical));
                }
            }
        } else {
            self.tally.problem(line, None, ProblemKind::NotAnEvent);
        }
        self.end_top();
    }

    fn end_top(&mut self) {
        let one_line = self.scan.line == self.top.line;
        if self.lines != Some(false) {
            self.lines = Some(one_line);
        }
        self.place = Place::Top;
    }

    /// The text stopped being JSON at `fail`: pass over the line, or stop.
    ///
    /// The line is passed over when the failure is on the line the top-level value
    /// starts on, when the values so far each fit on a line, or, before any value was
    /// read whole, when the next line starts a value of its own (a first line cut
    /// short). Otherwise the text is a pretty-printed value broken inside, and what
    /// follows the break cannot be told apart from what precedes it: reading stops.
    fn failed(&mut self, fail: Fail) {
        let at = self.scan.spot(&fail);
        self.first_fail.get_or_insert((at, fail.fault));
        if matches!(self.place, Place::Body | Place::Batch) && self.body.batch {
            // What was read of a /batch body counts; a flag not read yet is unknown.
            let mut f = std::mem::take(&mut self.body);
            if f.historical == Flag::Absent {
                f.historical = Flag::Unknown;
            }
            let bytes = self.scan.compact_since(self.top);
            self.tops.batch_bodies += 1;
            self.tally
                .body(true, &f, self.body_events, bytes, self.top.line);
            self.tally.cut_short(true);
        }
        let skip = fail.line == self.top.line
            || self.lines == Some(true)
            || (self.lines.is_none() && self.scan.next_line_starts_value(self.top));
        let kind = ProblemKind::NotJson {
            at,
            fault: fail.fault,
            skipped: skip,
        };
        if skip {
            self.tally.unreadable_line(self.top.line, kind);
            self.scan.next_line_after(self.top);
            self.place = Place::Top;
        } else {
            self.tally.problem(at.line, None, kind);
            self.place = Place::Done;
        }
    }
}

/// What a value that is not an object is, from its first byte.
fn shape(first: u8) -> Shape {
    match first {
        b'"' => Shape::Text,
        b't' | b'f' => Shape::Boolean,
        b'n' => Shape::Null,
        b'[' => Shape::Array,
        _ => Shape::Number,
    }
}

/// A member's value, as far as the measures look at it.
enum Val<'a> {
    Text(Cow<'a, str>),
    /// A number, as written.
    Number(&'a str),
    Bool(bool),
    Null,
    /// An object or an array, as written.
    Container(&'a str),
}

fn value<'a>(s: &mut Scan<'a>, text: &'a str, depth: usize) -> Result<Val<'a>, Fail> {
    match s.peek() {
        Some(b'"') => s.string().map(Val::Text),
        Some(b't' | b'f' | b'n') => Ok(s.literal()?.map_or(Val::Null, Val::Bool)),
        Some(b'-' | b'0'..=b'9') => s.number().map(Val::Number),
        _ => {
            let start = s.pos;
            s.skip_value(depth)?;
            Ok(Val::Container(text.get(start..s.pos).unwrap_or("")))
        }
    }
}

/// At an event object's `{`, inside `depth` containers: what it says.
fn event<'a>(s: &mut Scan<'a>, depth: usize) -> Result<Fields<'a>, Fail> {
    let mut f = Fields::default();
    let mut more = s.open(depth, b'}')?;
    while more {
        member(s, &mut f, depth + 1, false)?;
        more = s.next(b'}')?;
    }
    Ok(f)
}

/// Reads one member of an object inside `depth` containers into `f`. At the top
/// (`top`), a `batch` array is left for the walk: `true`, at its `[`.
fn member<'a>(s: &mut Scan<'a>, f: &mut Fields<'a>, depth: usize, top: bool) -> Result<bool, Fail> {
    let text = s.text();
    let name = s.name()?;
    match name.as_ref() {
        "event" => {
            f.eventish = true;
            f.name = match value(s, text, depth)? {
                Val::Text(t) => Some(t),
                _ => None,
            };
        }
        "distinct_id" | "$distinct_id" => {
            f.eventish = true;
            f.id = distinct_id(value(s, text, depth)?);
        }
        "properties" => {
            f.eventish = true;
            f.prop_id = properties(s, depth)?;
        }
        "timestamp" => {
            f.eventish = true;
            f.when = match value(s, text, depth)? {
                Val::Text(t) => parse_timestamp(&t).map_or(When::Unreadable, When::At),
                Val::Null => When::Missing,
                _ => When::Unreadable,
            };
        }
        "uuid" => {
            f.eventish = true;
            f.uuid = match value(s, text, depth)? {
                Val::Text(t) if t.is_empty() => Uuid::Missing,
                Val::Text(t) => uuid_hash(&t).map_or(Uuid::Malformed, Uuid::Hash),
                Val::Null => Uuid::Missing,
                _ => Uuid::Malformed,
            };
        }
        "api_key" | "token" | "$token" => {
            f.tokens += 1;
            s.skip_value(depth)?;
        }
        "historical_migration" => {
            f.historical = match value(s, text, depth)? {
                Val::Bool(true) => Flag::On,
                Val::Bool(false) => Flag::Off,
                Val::Null => Flag::Absent,
                _ => Flag::NotBoolean,
            };
        }
        "batch" if top && s.peek() == Some(b'[') => {
            f.batch = true;
            return Ok(true);
        }
        _ => s.skip_value(depth)?,
    }
    Ok(false)
}

/// `properties`: the hash of its `distinct_id`, if it has one.
fn properties(s: &mut Scan<'_>, depth: usize) -> Result<Option<u64>, Fail> {
    if s.peek() != Some(b'{') {
        s.skip_value(depth)?;
        return Ok(None);
    }
    let text = s.text();
    let mut id = None;
    let mut more = s.open(depth, b'}')?;
    while more {
        if s.name()? == "distinct_id" {
            id = distinct_id(value(s, text, depth + 1)?);
        } else {
            s.skip_value(depth + 1)?;
        }
        more = s.next(b'}')?;
    }
    Ok(id)
}

/// A distinct_id's hash, on its first 200 characters as capture keeps them; numbers
/// and other values as written (capture makes text of them). None when empty or null.
fn distinct_id(v: Val<'_>) -> Option<u64> {
    let text: &str = match &v {
        Val::Text(t) => t,
        Val::Number(n) => n,
        Val::Bool(true) => "true",
        Val::Bool(false) => "false",
        Val::Container(raw) => raw,
        Val::Null => return None,
    };
    let kept = match text.char_indices().nth(200) {
        Some((end, _)) => text.get(..end).unwrap_or(text),
        None => text,
    };
    (!kept.is_empty()).then(|| fnv(kept.as_bytes()))
}

/// A uuid's hash, the same for any case and any of the forms a UUID reader takes
/// (`8-4-4-4-12` hex digits, 32 hex digits, in braces or after `urn:uuid:`); None for
/// anything else.
fn uuid_hash(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let b = match b.get(..9) {
        Some(p) if p.eq_ignore_ascii_case(b"urn:uuid:") => b.get(9..)?,
        _ => match (b.first(), b.last()) {
            (Some(b'{'), Some(b'}')) => b.get(1..b.len() - 1)?,
            _ => b,
        },
    };
    let hyphens = b.len() == 36 && [8, 13, 18, 23].iter().all(|&i| b.get(i) == Some(&b'-'));
    if !(hyphens || b.len() == 32) {
        return None;
    }
    let mut digits = [0u8; 32];
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if hyphens && matches!(i, 8 | 13 | 18 | 23) {
            continue;
        }
        if !c.is_ascii_hexdigit() {
            return None;
        }
        *digits.get_mut(n)? = c.to_ascii_lowercase();
        n += 1;
    }
    Some(fnv(&digits))
}
