//! Every answer read once, by its question's unit kind, into a typed value or a
//! specific error. Validation lists these errors; facts, findings and the request block
//! read the values and never parse text again. The text itself stays in `Answers`, as
//! typed.

use crate::checklist::questions::answers::{Answers, Stored};
use crate::checklist::questions::lists::{RampStep, ReadCell, StepRead, TopId, TopIdRead};
use crate::checklist::questions::measured::Measured;
use crate::checklist::questions::numbers::{self, parse_count, plural, Measure, NumberError};
use crate::checklist::questions::{Field, Input, Unit, QUESTIONS};
use crate::checklist::schedule::time::Env;
use crate::checklist::schedule::time::{Date, Time};

/// One answer, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing typed (or a question without a unit kind).
    Empty,
    /// Text that needs no reading (free text, a valid link, a choice).
    Text,
    /// A time zone the zone database knows, by its name (trimmed).
    Zone(String),
    Count(u64),
    Amount(f64),
    Date(Date),
    Time(Time),
    /// A list: its rows are read into typed rows (see [`Parsed::top_ids`]).
    List,
    /// What is wrong with what was typed, in words for the reader.
    Invalid(String),
    /// A number that reads two ways ("150.000"): the question, and the text rewritten
    /// each way for the reader to pick. Until then it has no value.
    Unclear {
        message: String,
        choices: [String; 2],
    },
}

/// Every answer, read: indexed by `Field`; lists as typed rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    values: Vec<Value>,
    /// The distinct_id rows, in the customer's order.
    pub top_ids: Vec<TopIdRead>,
    /// The ramp-up's steps, in the order typed.
    pub ramp_steps: Vec<StepRead>,
    /// The measures of a pasted sample, when one was read.
    pub sample: Option<Measured>,
}

impl Parsed {
    pub fn new(a: &Answers, env: &Env) -> Parsed {
        Parsed {
            values: QUESTIONS
                .iter()
                .map(|q| read(q.input, q.field.stored(a), a, env))
                .collect(),
            top_ids: a.top_ids.iter().map(TopId::read).collect(),
            ramp_steps: a.ramp_steps.iter().map(RampStep::read).collect(),
            sample: Measured::decode(&a.sample),
        }
    }

    pub fn get(&self, field: Field) -> &Value {
        &self.values[field as usize]
    }

    pub fn count(&self, field: Field) -> Option<u64> {
        self.get(field).count()
    }

    pub fn amount(&self, field: Field) -> Option<f64> {
        self.get(field).amount()
    }

    pub fn date(&self, field: Field) -> Option<Date> {
        match self.get(field) {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    pub fn time(&self, field: Field) -> Option<Time> {
        match self.get(field) {
            Value::Time(t) => Some(*t),
            _ => None,
        }
    }

    /// A valid time zone's name.
    pub fn zone(&self, field: Field) -> Option<&str> {
        match self.get(field) {
            Value::Zone(z) => Some(z),
            _ => None,
        }
    }

    pub fn error(&self, field: Field) -> Option<&str> {
        match self.get(field) {
            Value::Invalid(message) | Value::Unclear { message, .. } => Some(message),
            _ => None,
        }
    }

    /// The readings to choose from when a number is unclear (none otherwise).
    pub fn choices(&self, field: Field) -> &[String] {
        match self.get(field) {
            Value::Unclear { choices, .. } => choices,
            _ => &[],
        }
    }
}

impl Value {
    pub fn count(&self) -> Option<u64> {
        match self {
            Value::Count(n) => Some(*n),
            _ => None,
        }
    }

    pub fn amount(&self) -> Option<f64> {
        match self {
            Value::Amount(x) => Some(*x),
            _ => None,
        }
    }
}

/// "Read as 4,100,000 events": how each number that was typed was understood, in
/// form order, so a misreading shows before it matters.
pub fn read_as(p: &Parsed) -> Vec<(Field, String)> {
    QUESTIONS
        .iter()
        .filter_map(|q| {
            let text = match (q.input, p.get(q.field)) {
                (Input::Count { unit, .. }, Value::Count(n)) => {
                    plural(*n as usize, unit.strip_suffix('s').unwrap_or(unit), unit)
                }
                (Input::Amount { measure, .. }, Value::Amount(x)) => measured(measure, *x),
                _ => return None,
            };
            Some((q.field, String::from("Read as ") + &text))
        })
        .collect()
}

fn measured(measure: Measure, x: f64) -> String {
    let (n, unit) = match measure {
        Measure::Bytes => (x, " bytes"),
        Measure::Minutes if x < 1.0 => (x * 60.0, " seconds"),
        Measure::Minutes => return numbers::minutes(x),
        Measure::PerSecond => (x, " events per second"),
        Measure::Count => (x, ""),
        Measure::Percent => (x, " %"),
    };
    let mut out = numbers::amount(n);
    out.push_str(unit);
    if measure == Measure::Bytes && x >= 1_000.0 {
        out.push_str(" (");
        out.push_str(&numbers::bytes(x));
        out.push(')');
    }
    out
}

fn read(input: Input, stored: &dyn Stored, a: &Answers, env: &Env) -> Value {
    if stored.rows().is_some() {
        return Value::List;
    }
    // Free text, choices and tick boxes need no reading: copying their text on every
    // keystroke (a long note included) would only be thrown away.
    if matches!(
        input,
        Input::Text
            | Input::LongText
            | Input::Choice(_)
            | Input::UnitOf(_)
            | Input::Check
            | Input::EventTypes
            | Input::List
    ) {
        return if stored.is_answered() {
            Value::Text
        } else {
            Value::Empty
        };
    }
    let text = stored.text();
    let t = text.trim();
    if t.is_empty() {
        return Value::Empty;
    }
    match input {
        Input::Url => link_problem(t).map_or(Value::Text, |p| Value::Invalid(p.message())),
        Input::Digits => match digits(t) {
            Some(n) => Value::Count(n),
            None => Value::Invalid(
                "A project ID is a number such as 12345 (Project settings → Project ID).".into(),
            ),
        },
        Input::Sample => match Measured::decode(t) {
            Some(_) => Value::Text,
            None => Value::Invalid(
                "This is not a sample the widget measured: paste the sample in the box again."
                    .into(),
            ),
        },
        Input::Zone => match env.zones.offset_minutes(t, env.now) {
            Some(_) => Value::Zone(t.to_string()),
            None => Value::Invalid(format!(
                "\"{t}\" is not a time zone this browser knows. Use an IANA name such as America/New_York or Europe/Berlin."
            )),
        },
        Input::Date => match Date::parse(t) {
            Ok(d) => Value::Date(d),
            Err(e) => Value::Invalid(e.0.into()),
        },
        Input::Time => match Time::parse(t) {
            Ok(time) => Value::Time(time),
            Err(e) => Value::Invalid(e.0.into()),
        },
        Input::Count { at_least_one, .. } => match parse_count(t) {
            Ok(Some(0)) if at_least_one.is_some() => Value::Invalid(at_least(at_least_one)),
            Ok(n) => n.map_or(Value::Empty, Value::Count),
            Err(e) => number_error(e),
        },
        Input::Amount {
            measure,
            unit,
            at_least_one,
        } => {
            // A number alone is in the unit chosen beside it.
            let bare = match unit {
                Unit::Select(field) => field.stored(a).unit_scale().unwrap_or(1.0),
                Unit::Fixed(_) => 1.0,
            };
            match numbers::read(t, measure, bare) {
                Ok(Some(x)) if x <= 0.0 && at_least_one.is_some() => {
                    Value::Invalid(at_least(at_least_one))
                }
                Ok(x) => x.map_or(Value::Empty, Value::Amount),
                Err(e) => number_error(e),
            }
        }
        _ => Value::Text,
    }
}

/// A number written with digits only (a project ID), up to 18 digits.
fn digits(t: &str) -> Option<u64> {
    let all_digits = !t.is_empty() && t.len() <= 18 && t.bytes().all(|b| b.is_ascii_digit());
    all_digits.then(|| t.bytes().fold(0, |n, b| n * 10 + u64::from(b - b'0')))
}

/// A list's cell, read by its column's kind.
pub fn read_cell<T>(text: &str, read: fn(&str) -> Result<Option<T>, NumberError>) -> ReadCell<T> {
    let t = text.trim();
    if t.is_empty() {
        return ReadCell::Empty;
    }
    match read(t) {
        Ok(Some(v)) => ReadCell::Value(v),
        Ok(None) => ReadCell::Empty,
        Err(NumberError::Unclear(_)) => ReadCell::Unclear,
        Err(e) => ReadCell::Invalid(e.message()),
    }
}

fn number_error(e: NumberError) -> Value {
    let message = e.message();
    match e {
        NumberError::Unclear(choices) => Value::Unclear { message, choices },
        _ => Value::Invalid(message),
    }
}

fn at_least(noun: Option<&str>) -> String {
    match noun {
        Some("") | None => "Must be more than zero.".into(),
        Some(noun) => format!("Must be at least 1 {noun}."),
    }
}

/// Whether typed text may be the block's conversation link: see [`link_problem`].
pub fn is_web_link(url: &str) -> bool {
    link_problem(url).is_none()
}

/// Why text is not a link the block may show as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// Not `http://` or `https://` and something after it.
    NotWeb,
    /// Longer than the question's limit: how many characters.
    TooLong(usize),
    /// A space or a line break inside.
    Space,
    /// A character that shows nothing or changes what is around it (a bidi override, a
    /// zero-width space, a control character…): the link could show one address and
    /// lead to another.
    Hidden(char),
    /// `<`, `>` or `"`, which end a link in Markdown and in HTML.
    Bracket,
}

impl LinkProblem {
    /// The field's error, in words for the reader.
    pub fn message(self) -> String {
        let again = ": copy it again from the address bar.";
        match self {
            LinkProblem::NotWeb => "Paste the full link, starting with https://".into(),
            LinkProblem::TooLong(n) => format!(
                "{} characters: a link is at most {}, so the request block shows this one as text. Everything you typed is kept here.",
                numbers::group(n as u64),
                numbers::group(Input::Url.max_chars() as u64)
            ),
            LinkProblem::Space => format!("A link has no spaces{again}"),
            LinkProblem::Hidden(c) => format!(
                "The link holds a hidden character, {}, and could lead elsewhere than it shows{again}",
                crate::checklist::questions::hidden::named(c)
            ),
            LinkProblem::Bracket => format!("A link has no <, > or \"{again}"),
        }
    }
}

/// Whether `url` (trimmed) is a plain http(s) link: something after the scheme, at most
/// [`Input::Url`]'s limit in characters, no space, no hidden or control character (any
/// the block would name, such as `<U+202E>`), no `<`, `>` or `"`. Only then is it a live
/// link in the block; otherwise the block shows it as neutralised text.
pub fn link_problem(url: &str) -> Option<LinkProblem> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .filter(|r| !r.is_empty());
    let rest = match rest {
        Some(r) => r,
        None => return Some(LinkProblem::NotWeb),
    };
    let max = Input::Url.max_chars();
    if url.chars().nth(max).is_some() {
        return Some(LinkProblem::TooLong(url.chars().count()));
    }
    let mut prev = None;
    for c in rest.chars() {
        let before = prev.replace(c);
        if c.is_whitespace() {
            return Some(LinkProblem::Space);
        }
        if c.is_control() || crate::checklist::questions::hidden::hides(before, c) {
            return Some(LinkProblem::Hidden(c));
        }
        if matches!(c, '<' | '>' | '"') {
            return Some(LinkProblem::Bracket);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::lists::TopId;
    use crate::checklist::schedule::time::BuiltinZones;

    fn parsed(a: &Answers) -> Parsed {
        Parsed::new(
            a,
            &Env {
                now: 0,
                zones: &BuiltinZones,
            },
        )
    }

    #[test]
    fn each_answer_is_read_by_its_unit_kind() {
        let a = Answers {
            total_events: "4.1M".into(),
            peak_rate: "1.5k".into(),
            start_date: "2030-03-05".into(),
            start_time: "9:30".into(),
            customer: "Acme".into(),
            top_ids: vec![TopId {
                distinct_id: "u1".into(),
                events: "2,400".into(),
            }],
            ..Answers::default()
        };
        let p = parsed(&a);
        assert_eq!(p.count(Field::TotalEvents), Some(4_100_000));
        assert_eq!(p.amount(Field::PeakRate), Some(1_500.0));
        assert_eq!(p.date(Field::StartDate).unwrap().to_string(), "2030-03-05");
        assert_eq!(p.time(Field::StartTime).unwrap().to_string(), "09:30");
        assert_eq!(p.get(Field::Customer), &Value::Text);
        assert_eq!(p.get(Field::Duration), &Value::Empty);
        assert_eq!(p.top_ids[0].events, ReadCell::Value(2_400));
        assert_eq!(p.top_ids[0].id, "u1");
    }

    #[test]
    fn errors_are_specific_and_the_text_stays() {
        let a = Answers {
            total_events: "lots".into(),
            events_per_request: "0".into(),
            duration: "0".into(),
            time_zone: "Mars/Base".into(),
            conversation_url: "zendesk ticket 42".into(),
            project_id: "12a".into(),
            ..Answers::default()
        };
        let p = parsed(&a);
        assert!(p.error(Field::TotalEvents).unwrap().contains("250k"));
        assert_eq!(
            p.error(Field::EventsPerRequest),
            Some("Must be at least 1 event per request.")
        );
        assert_eq!(p.error(Field::Duration), Some("Must be more than zero."));
        assert!(p.error(Field::TimeZone).unwrap().contains("Mars/Base"));
        assert!(p
            .error(Field::ConversationUrl)
            .unwrap()
            .contains("https://"));
        assert!(p.error(Field::ProjectId).unwrap().contains("12345"));
        assert_eq!(a.total_events, "lots");
    }

    #[test]
    fn a_suffix_means_what_it_means_in_its_field() {
        use crate::checklist::questions::answers::{DurationUnit, RateUnit};
        let a = Answers {
            avg_event_bytes: "900 B".into(),
            total_events: "900 B".into(),
            duration: "90m".into(),
            duration_unit: DurationUnit::Hours,
            peak_rate: "300k/min".into(),
            rate_unit: RateUnit::PerSecond,
            ramp_minutes: "1h30".into(),
            ..Answers::default()
        };
        let p = parsed(&a);
        assert_eq!(p.amount(Field::AvgEventBytes), Some(900.0));
        assert_eq!(p.count(Field::TotalEvents), Some(900_000_000_000));
        assert_eq!(p.amount(Field::Duration), Some(90.0));
        assert_eq!(p.amount(Field::PeakRate), Some(5_000.0));
        assert_eq!(p.amount(Field::RampMinutes), Some(90.0));
        // A number alone is in the unit chosen beside it.
        let b = Answers {
            duration: "10".into(),
            duration_unit: DurationUnit::Days,
            peak_rate: "300000".into(),
            rate_unit: RateUnit::PerHour,
            ..Answers::default()
        };
        let p = parsed(&b);
        assert_eq!(p.amount(Field::Duration), Some(14_400.0));
        assert!((p.amount(Field::PeakRate).unwrap() - 83.333).abs() < 0.001);
    }

    #[test]
    fn every_number_says_how_it_was_read() {
        let a = Answers {
            avg_event_bytes: "1.2 KB".into(),
            total_events: "4.1M".into(),
            events_per_request: "1".into(),
            duration: "1h30".into(),
            peak_rate: "5k".into(),
            ramp_minutes: "30 s".into(),
            ..Answers::default()
        };
        let readings = read_as(&parsed(&a));
        let of = |f: Field| {
            readings
                .iter()
                .find(|(g, _)| *g == f)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(
            of(Field::AvgEventBytes),
            Some("Read as 1,200 bytes (1.2 KB)")
        );
        assert_eq!(of(Field::TotalEvents), Some("Read as 4,100,000 events"));
        assert_eq!(of(Field::EventsPerRequest), Some("Read as 1 event"));
        assert_eq!(of(Field::Duration), Some("Read as 1 h 30 min"));
        assert_eq!(of(Field::PeakRate), Some("Read as 5,000 events per second"));
        assert_eq!(of(Field::RampMinutes), Some("Read as 30 seconds"));
        // Nothing read, nothing said.
        assert_eq!(of(Field::MaxEventsPerId), None);
        assert_eq!(of(Field::Customer), None);
    }

    #[test]
    fn an_unclear_number_asks_and_has_no_value_until_answered() {
        let mut a = Answers {
            max_events_per_id: "150.000".into(),
            ..Answers::default()
        };
        let p = parsed(&a);
        assert_eq!(p.count(Field::MaxEventsPerId), None);
        assert_eq!(
            p.error(Field::MaxEventsPerId),
            Some("Did you mean 150,000 or 150?")
        );
        assert_eq!(p.choices(Field::MaxEventsPerId), ["150,000", "150"]);
        assert!(read_as(&p).iter().all(|(f, _)| *f != Field::MaxEventsPerId));
        // Picking a reading replaces the text with it.
        a.max_events_per_id = p.choices(Field::MaxEventsPerId)[0].clone();
        assert_eq!(parsed(&a).count(Field::MaxEventsPerId), Some(150_000));
    }

    #[test]
    fn links() {
        assert!(is_web_link(
            "https://example.zendesk.com/agent/tickets/4242"
        ));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://a b"));
        // Hidden characters, spaces and over-long links are not links, and say why.
        let site = "https://acme.zendesk.com/";
        for (url, problem) in [
            (format!("{site}\u{202E}1"), LinkProblem::Hidden('\u{202E}')),
            (format!("{site}a\u{200B}"), LinkProblem::Hidden('\u{200B}')),
            (format!("\u{FEFF}{site}"), LinkProblem::NotWeb),
            (format!("{site}\u{FEFF}"), LinkProblem::Hidden('\u{FEFF}')),
            (format!("{site}1\u{FE0F}"), LinkProblem::Hidden('\u{FE0F}')),
            (format!("{site}\u{7}"), LinkProblem::Hidden('\u{7}')),
            (format!("{site}a\u{3000}b"), LinkProblem::Space),
            (format!("{site}\"x"), LinkProblem::Bracket),
            (
                format!("{site}{}", "a".repeat(476)),
                LinkProblem::TooLong(501),
            ),
        ] {
            assert_eq!(link_problem(&url), Some(problem), "{url:?}");
            assert!(!is_web_link(&url));
        }
        assert!(is_web_link(&format!("{site}{}", "a".repeat(475))));
        assert!(LinkProblem::Hidden('\u{202E}')
            .message()
            .contains("hidden character, <U+202E>"));
        assert!(LinkProblem::TooLong(1_234)
            .message()
            .starts_with("1,234 characters: a link is at most 500"));
    }
}
