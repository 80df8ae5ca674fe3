//! Every answer read once, by its question's unit kind, into a typed value or a
//! specific error. Validation lists these errors; facts, findings and the request block
//! read the values and never parse text again. The text itself stays in `Answers`, as
//! typed.

use super::answers::{Answers, CellKind, Stored};
use super::facts::Env;
use super::numbers::{parse_amount, parse_count};
use super::questions::{Field, Input, QUESTIONS};
use super::time::{Date, Time};

/// One answer, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing typed (or a question without a unit kind).
    Empty,
    /// Text that needs no reading (free text, a valid link or zone, a choice).
    Text,
    Count(u64),
    Amount(f64),
    Date(Date),
    Time(Time),
    /// A list's cells, row by row.
    Rows(Vec<Vec<Value>>),
    /// What is wrong with what was typed, in words for the reader.
    Invalid(String),
}

/// Every answer, read: indexed by `Field`.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    values: Vec<Value>,
}

impl Parsed {
    pub fn new(a: &Answers, env: &Env) -> Parsed {
        Parsed {
            values: QUESTIONS
                .iter()
                .map(|q| read(q.input, q.field.stored(a), env))
                .collect(),
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

    /// A list's rows (empty for anything else).
    pub fn rows(&self, field: Field) -> &[Vec<Value>] {
        match self.get(field) {
            Value::Rows(rows) => rows,
            _ => &[],
        }
    }

    pub fn error(&self, field: Field) -> Option<&str> {
        match self.get(field) {
            Value::Invalid(message) => Some(message),
            _ => None,
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

fn read(input: Input, stored: &dyn Stored, env: &Env) -> Value {
    if let Some(rows) = stored.rows() {
        let columns = rows.spec().columns;
        return Value::Rows(
            (0..rows.len())
                .map(|r| {
                    columns
                        .iter()
                        .enumerate()
                        .map(|(c, col)| read_cell(col.kind, &rows.cell(r, c)))
                        .collect()
                })
                .collect(),
        );
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
        Input::Url if !is_web_link(t) => {
            Value::Invalid("Paste the full link, starting with https://".into())
        }
        Input::Digits if !t.bytes().all(|b| b.is_ascii_digit()) => Value::Invalid(
            "A project ID is a number such as 12345 (Project settings → Project ID).".into(),
        ),
        Input::Zone if env.zones.offset_minutes(t, env.now).is_none() => Value::Invalid(format!(
            "\"{t}\" is not a time zone this browser knows. Use an IANA name such as America/New_York or Europe/Berlin."
        )),
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
            Err(e) => Value::Invalid(e.message().into()),
        },
        Input::Amount { at_least_one, .. } => match parse_amount(t) {
            Ok(Some(x)) if x <= 0.0 && at_least_one.is_some() => {
                Value::Invalid(at_least(at_least_one))
            }
            Ok(x) => x.map_or(Value::Empty, Value::Amount),
            Err(e) => Value::Invalid(e.message().into()),
        },
        _ => Value::Text,
    }
}

fn read_cell(kind: CellKind, text: &str) -> Value {
    let t = text.trim();
    if t.is_empty() {
        return Value::Empty;
    }
    let number = match kind {
        CellKind::Count => parse_count(t).map(|n| n.map(Value::Count)),
        CellKind::Amount => parse_amount(t).map(|x| x.map(Value::Amount)),
        CellKind::Text | CellKind::Choice(_) => return Value::Text,
    };
    match number {
        Ok(v) => v.unwrap_or(Value::Empty),
        Err(e) => Value::Invalid(e.message().into()),
    }
}

fn at_least(noun: Option<&str>) -> String {
    match noun {
        Some("") | None => "Must be more than zero.".into(),
        Some(noun) => format!("Must be at least 1 {noun}."),
    }
}

/// An http(s) link without spaces or angle brackets.
pub fn is_web_link(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answers::TopId;
    use crate::checklist::time::BuiltinZones;

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
        assert_eq!(
            p.rows(Field::TopIds)[0],
            vec![Value::Text, Value::Count(2_400)]
        );
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
    fn links() {
        assert!(is_web_link(
            "https://example.zendesk.com/agent/tickets/4242"
        ));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://a b"));
    }
}
