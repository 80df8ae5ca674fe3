//! A small JSON scanner made for measuring, not for building values: the walk reads
//! the few members it needs (names, distinct_ids, timestamps) and skips the rest,
//! counting bytes as it goes. Strict where capture's JSON reader is strict (names in
//! double quotes, no raw line break or other control character inside a text, no
//! trailing comma), linear in the text, and nested at most [`MAX_DEPTH`] levels, so
//! its recursion stays shallow.

use super::error::{Expected, Fault, Spot};
use std::borrow::Cow;

/// Objects and arrays nest at most this deep (an event's properties in a /batch body
/// are at depth 4; the paste parser refuses the same depth).
pub const MAX_DEPTH: usize = 32;

/// Where and why the JSON stopped making sense.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fail {
    pub pos: usize,
    pub line: usize,
    line_start: usize,
    pub fault: Fault,
}

/// A place the walk comes back to: a value's start, for its size and its line.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mark {
    pub pos: usize,
    pub line: usize,
    blank: usize,
}

/// Texts that start like a PostHog key, counted as they pass (never kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct KeyLike {
    /// `phc_` and at least 8 letters or digits: a project API key.
    pub project: usize,
    /// `phx_` and at least 8 letters or digits: a personal API key.
    pub personal: usize,
}

pub(super) struct Scan<'a> {
    text: &'a str,
    pub pos: usize,
    /// 1-based line of `pos`.
    pub line: usize,
    line_start: usize,
    /// Whitespace bytes passed outside texts so far: a value's compact size is its
    /// span less the blanks passed inside it.
    blank: usize,
    pub keys: KeyLike,
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Scan<'a> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Scan {
            text,
            pos: bom,
            line: 1,
            line_start: bom,
            blank: 0,
            keys: KeyLike::default(),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes().get(self.pos..).unwrap_or(&[])
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Nothing but blanks (and a byte-order mark).
    pub fn is_blank(&self) -> bool {
        self.text.trim_start_matches('\u{feff}').trim().is_empty()
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// Passes blanks, counting lines.
    pub fn ws(&mut self) {
        while let Some(&c) = self.bytes().get(self.pos) {
            match c {
                b'\n' => {
                    self.line += 1;
                    self.line_start = self.pos + 1;
                }
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
            self.blank += 1;
        }
    }

    pub fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            line: self.line,
            blank: self.blank,
        }
    }

    /// Bytes from `m` to here, blanks outside texts not counted: the size as sent
    /// compactly.
    pub fn compact_since(&self, m: Mark) -> usize {
        let span = self.pos.saturating_sub(m.pos);
        span.saturating_sub(self.blank.saturating_sub(m.blank))
    }

    /// Back to `m`'s line, and on to the start of the next line (or the end).
    pub fn next_line_after(&mut self, m: Mark) {
        self.pos = m.pos;
        self.line = m.line;
        match self.rest().iter().position(|&c| c == b'\n') {
            Some(i) => {
                self.pos += i + 1;
                self.line += 1;
                self.line_start = self.pos;
            }
            None => self.pos = self.len(),
        }
    }

    pub fn fail(&self, e: Expected) -> Fail {
        self.fault(Fault::Expected(e))
    }

    fn fault(&self, fault: Fault) -> Fail {
        Fail {
            pos: self.pos,
            line: self.line,
            line_start: self.line_start,
            fault,
        }
    }

    /// Where a failure is, in lines and characters.
    pub fn spot(&self, f: &Fail) -> Spot {
        let before = self.bytes().get(f.line_start..f.pos).unwrap_or(&[]);
        // Count characters: every byte but UTF-8 continuation bytes.
        let column = before.iter().filter(|&&c| c & 0xc0 != 0x80).count() + 1;
        Spot {
            line: f.line,
            column,
            end: f.pos >= self.len(),
        }
    }

    /// Whether the line after `m`'s starts (after blanks) with `{` or `[`.
    pub fn next_line_starts_value(&self, m: Mark) -> bool {
        let rest = self.bytes().get(m.pos..).unwrap_or(&[]);
        let Some(newline) = rest.iter().position(|&c| c == b'\n') else {
            return false;
        };
        let next = rest.get(newline + 1..).unwrap_or(&[]);
        let first = next.iter().find(|c| !matches!(c, b' ' | b'\t' | b'\r'));
        matches!(first, Some(b'{' | b'['))
    }

    /// After a top-level value: the rest of its line is blank (a comma may follow the
    /// value, as some tools write one between values).
    pub fn line_end(&mut self) -> Result<(), Fail> {
        let mut comma = false;
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b',') if !comma => {
                    comma = true;
                    self.pos += 1;
                }
                None | Some(b'\n') => return Ok(()),
                Some(_) => return Err(self.fail(Expected::LineEnd)),
            }
        }
    }

    /// At `{` or `[` of a container inside `depth` others: steps in; `false` when it is
    /// empty (its closing byte passed too).
    pub fn open(&mut self, depth: usize, close: u8) -> Result<bool, Fail> {
        if depth >= MAX_DEPTH {
            return Err(self.fault(Fault::TooDeep));
        }
        self.pos += 1;
        self.ws();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(false);
        }
        Ok(true)
    }

    /// After an item or member: `true` at a comma (passed), `false` at `close`
    /// (passed).
    pub fn next(&mut self, close: u8) -> Result<bool, Fail> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.pos += 1;
                Ok(false)
            }
            _ if close == b'}' => Err(self.fail(Expected::CommaOrBrace)),
            _ => Err(self.fail(Expected::CommaOrBracket)),
        }
    }

    /// A member's name and its colon; blanks after it passed.
    pub fn name(&mut self) -> Result<Cow<'a, str>, Fail> {
        self.ws();
        if self.peek() != Some(b'"') {
            return Err(self.fail(Expected::Name));
        }
        let name = self.string()?;
        self.colon()?;
        Ok(name)
    }

    fn skip_name(&mut self) -> Result<(), Fail> {
        self.ws();
        if self.peek() != Some(b'"') {
            return Err(self.fail(Expected::Name));
        }
        self.skip_string()?;
        self.colon()
    }

    fn colon(&mut self) -> Result<(), Fail> {
        self.ws();
        if self.peek() != Some(b':') {
            return Err(self.fail(Expected::Colon));
        }
        self.pos += 1;
        self.ws();
        Ok(())
    }

    /// At a value inside `depth` containers: passes it whole.
    pub fn skip_value(&mut self, depth: usize) -> Result<(), Fail> {
        self.ws();
        match self.peek() {
            Some(b'{') => {
                let mut more = self.open(depth, b'}')?;
                while more {
                    self.skip_name()?;
                    self.skip_value(depth + 1)?;
                    more = self.next(b'}')?;
                }
                Ok(())
            }
            Some(b'[') => {
                let mut more = self.open(depth, b']')?;
                while more {
                    self.skip_value(depth + 1)?;
                    more = self.next(b']')?;
                }
                Ok(())
            }
            Some(b'"') => self.skip_string(),
            Some(b't' | b'f' | b'n') => self.literal().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(self.fail(Expected::Value)),
        }
    }

    /// At `true`, `false` or `null`: `Some(bool)`, or `None` for null.
    pub fn literal(&mut self) -> Result<Option<bool>, Fail> {
        let rest = self.rest();
        let (len, value) = if rest.starts_with(b"true") {
            (4, Some(true))
        } else if rest.starts_with(b"false") {
            (5, Some(false))
        } else if rest.starts_with(b"null") {
            (4, None)
        } else {
            return Err(self.fail(Expected::Value));
        };
        self.pos += len;
        Ok(value)
    }

    /// At a number: its text as written.
    pub fn number(&mut self) -> Result<&'a str, Fail> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            _ => self.digits()?,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
        }
        Ok(self.text.get(start..self.pos).unwrap_or(""))
    }

    fn digits(&mut self) -> Result<(), Fail> {
        let n = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n == 0 {
            return Err(self.fail(Expected::Digit));
        }
        self.pos += n;
        Ok(())
    }

    /// Counts a text that starts like a PostHog key; `self.pos` is just inside it.
    fn note_key(&mut self) {
        let rest = self.rest();
        let personal = rest.starts_with(b"phx_");
        if !personal && !rest.starts_with(b"phc_") {
            return;
        }
        let tail = rest.get(4..).unwrap_or(&[]);
        if tail
            .iter()
            .take(8)
            .filter(|c| c.is_ascii_alphanumeric())
            .count()
            == 8
        {
            if personal {
                self.keys.personal += 1;
            } else {
                self.keys.project += 1;
            }
        }
    }

    /// The bytes up to the next quote, backslash or control character.
    fn plain_run(&mut self) -> usize {
        let n = self
            .rest()
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
            .unwrap_or(self.rest().len());
        self.pos += n;
        n
    }

    /// At a text's opening quote: passes it whole.
    pub fn skip_string(&mut self) -> Result<(), Fail> {
        self.pos += 1;
        self.note_key();
        loop {
            self.plain_run();
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                Some(b'\n' | b'\r') | None => return Err(self.fail(Expected::Quote)),
                Some(_) => return Err(self.fail(Expected::Control)),
            }
        }
    }

    /// At a text's opening quote: its content, borrowed when it has no escape.
    pub fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
        self.pos += 1;
        self.note_key();
        let mut out: Option<String> = None;
        loop {
            let start = self.pos;
            self.plain_run();
            // Both stops are ASCII, so these are character boundaries.
            let piece = self.text.get(start..self.pos).unwrap_or("");
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(piece),
                        Some(mut s) => {
                            s.push_str(piece);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(piece);
                    s.push(c);
                }
                Some(b'\n' | b'\r') | None => return Err(self.fail(Expected::Quote)),
                Some(_) => return Err(self.fail(Expected::Control)),
            }
        }
    }

    /// Just after a backslash: the character it stands for.
    fn escape(&mut self) -> Result<char, Fail> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                return self.unicode();
            }
            _ => return Err(self.fail(Expected::Escape)),
        };
        self.pos += 1;
        Ok(c)
    }

    /// After `\u`: four hex digits, and a low surrogate's after a high one. A lone
    /// surrogate stands for U+FFFD, as lenient readers do.
    fn unicode(&mut self) -> Result<char, Fail> {
        let hi = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&hi) && self.rest().starts_with(b"\\u") {
            self.pos += 2;
            let lo = self.hex4()?;
            if (0xdc00..0xe000).contains(&lo) {
                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
            } else {
                0xfffd
            }
        } else {
            hi
        };
        Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|c| char::from(c).to_digit(16))
                .ok_or_else(|| self.fail(Expected::Escape))?;
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }
}
