//! A sample's measures as the checklist keeps them: the answer of the sample question,
//! kept as a few lines of `key=value` text like every answer (drafts, links and JSON
//! carry it as text) and read once by `parse`. Only numbers, dates and event names:
//! never the sample's text. `sample::measured` makes one from a read sample.

use super::answers::{Transport, Tri};
use super::Field;
use crate::checklist::schedule::time::Date;

/// A sample's measures, as kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measured {
    /// Events read.
    pub events: u64,
    /// `/batch` or single-event bodies, when the sample holds requests.
    pub transport: Option<Transport>,
    /// Events per request (the average, rounded), when it holds requests.
    pub per_request: Option<u64>,
    pub average_bytes: u64,
    pub largest_bytes: u64,
    /// The largest request body, when it holds requests.
    pub largest_request_bytes: Option<u64>,
    /// `historical_migration` in every `/batch` body (yes), none (no) or some (not sure).
    pub historical: Option<Tri>,
    pub oldest: Option<Date>,
    pub newest: Option<Date>,
    /// Event names, most events first.
    pub names: Vec<String>,
    /// The questions "Use these answers" filled from it.
    pub filled: Vec<Field>,
}

impl Measured {
    /// The kept text: `key=value` lines, a name per `name=` line.
    pub fn encode(&self) -> String {
        let mut out = format!("events={}\n", self.events);
        let mut line = |key: &str, value: String| {
            out.push_str(key);
            out.push('=');
            out.push_str(&value);
            out.push('\n');
        };
        if let Some(t) = self.transport {
            line("transport", t.code().to_string());
        }
        if let Some(n) = self.per_request {
            line("per_request", n.to_string());
        }
        line("average_bytes", self.average_bytes.to_string());
        line("largest_bytes", self.largest_bytes.to_string());
        if let Some(n) = self.largest_request_bytes {
            line("largest_request_bytes", n.to_string());
        }
        if let Some(h) = self.historical {
            line("historical", h.code().to_string());
        }
        if let Some(d) = self.oldest {
            line("oldest", d.to_string());
        }
        if let Some(d) = self.newest {
            line("newest", d.to_string());
        }
        for name in &self.names {
            line("name", name.clone());
        }
        for field in &self.filled {
            line("filled", field.key().to_string());
        }
        out
    }

    /// Reads the kept text; `None` when it is not one (typed by hand, or damaged).
    pub fn decode(text: &str) -> Option<Measured> {
        let mut m = Measured::default();
        for row in text.lines().filter(|l| !l.is_empty()) {
            let (key, value) = row.split_once('=')?;
            let number = || value.parse::<u64>().ok();
            match key {
                "events" => m.events = number()?,
                "transport" => m.transport = Some(Transport::from_code(value)?),
                "per_request" => m.per_request = Some(number()?),
                "average_bytes" => m.average_bytes = number()?,
                "largest_bytes" => m.largest_bytes = number()?,
                "largest_request_bytes" => m.largest_request_bytes = Some(number()?),
                "historical" => m.historical = Some(Tri::from_code(value)?),
                "oldest" => m.oldest = Some(Date::parse(value).ok()?),
                "newest" => m.newest = Some(Date::parse(value).ok()?),
                "name" => m.names.push(value.to_string()),
                "filled" => m
                    .filled
                    .push(*Field::ALL.iter().find(|f| f.key() == value)?),
                _ => return None,
            }
        }
        (m.events > 0).then_some(m)
    }
}
