//! The product's brain, in plain Rust: the question table, answers read once into
//! typed values, validation, findings and the Markdown request block. No browser crates
//! here; everything is tested natively.

pub mod block;
pub mod drafts;
pub mod handoff;
pub mod paste;
pub mod pictures;
pub mod questions;
pub mod rules;
pub mod sample;
pub mod schedule;
pub mod settings;

pub use questions::answers::Answers;
pub use questions::parse::Parsed;
pub use rules::facts::Facts;
pub use rules::findings::{Finding, Severity};
pub use rules::table::FindingId;
pub use rules::validate::FieldError;
pub use schedule::time::Env;
pub use settings::Config;

/// Everything the widget shows for one state of the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub facts: Facts,
    pub errors: Vec<FieldError>,
    pub findings: Vec<Finding>,
    /// The request block, which every format writes (`block::write`).
    pub block: block::model::Doc,
    /// "Questions for the customer", a document like the block.
    pub message: block::model::Doc,
    /// "Read as 4,100,000 events" for each number read.
    pub readings: Vec<(questions::Field, String)>,
}

/// Reads the answers, validates them, finds the risks and renders the request block.
pub fn evaluate(a: &Answers, config: &Config, env: &Env) -> Report {
    let parsed = Parsed::new(a, env);
    let facts = Facts::derive(a, &parsed, env);
    let errors = rules::validate::validate(a, &parsed, &facts, env);
    let seen = rules::findings::Seen {
        a,
        p: &parsed,
        facts: &facts,
        config,
        env,
    };
    let findings = rules::findings::findings(&seen);
    let block = block::build::request_block(&block::build::From {
        a,
        p: &parsed,
        facts: &facts,
        findings: &findings,
        config,
        env,
    });
    let message = block::customer::message(a, &errors, &findings);
    let readings = questions::parse::read_as(&parsed);
    Report {
        facts,
        errors,
        findings,
        block,
        message,
        readings,
    }
}

impl Report {
    /// Whether this finding was raised.
    pub fn has(&self, id: FindingId) -> bool {
        self.findings.iter().any(|f| f.id == id)
    }

    /// How a number was read ("Read as 1,200 bytes (1.2 KB)"), if one was.
    pub fn reading(&self, field: questions::Field) -> Option<&str> {
        self.readings
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, text)| text.as_str())
    }

    /// Required answers still missing.
    pub fn unanswered(&self) -> usize {
        self.errors.iter().filter(|e| e.missing).count()
    }

    /// The copy button's label: "Copy request", or "Copy anyway — 1 blocking, 3
    /// unanswered" while something is open (copying is allowed, but it says so).
    pub fn copy_label(&self) -> String {
        let blocking = rules::findings::tally(&self.findings).blocking;
        let missing = self.unanswered();
        let mut why = Vec::new();
        if blocking > 0 {
            why.push(format!("{blocking} blocking"));
        }
        if missing > 0 {
            why.push(format!("{missing} unanswered"));
        }
        if why.is_empty() {
            "Copy request".to_string()
        } else {
            format!("Copy anyway — {}", why.join(", "))
        }
    }

    /// The error to show next to a field, if any (the first one: a reading error before
    /// a comparison, either before "missing").
    pub fn error_for(&self, field: questions::Field) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
}

/// Sorts by a key, keeping the order of equal items. One small non-generic insertion
/// sort of indices serves every caller: `core`'s stable sort is instantiated per element
/// type and comparator (four copies of about 3.5 KB of wasm each for our short lists).
pub(crate) fn sort_stable<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let keys: Vec<u64> = items.iter().map(key).collect();
    let order = stable_order(&keys);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

fn stable_order(keys: &[u64]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for i in 0..keys.len() {
        let at = order
            .iter()
            .rposition(|&j| keys[j] <= keys[i])
            .map_or(0, |p| p + 1);
        order.insert(at, i);
    }
    order
}

/// The text with its first letter in upper case (ASCII: the texts are ours or handles).
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::Kind;
    use crate::checklist::schedule::time::BuiltinZones;

    fn report(a: &Answers) -> Report {
        let env = Env {
            now: 0,
            zones: &BuiltinZones,
        };
        evaluate(a, &Config::default(), &env)
    }

    #[test]
    fn sorting_keeps_equal_items_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_stable(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_stable(&mut empty, |x| u64::from(*x));
        assert!(empty.is_empty());
    }

    #[test]
    fn the_copy_label_says_what_is_open() {
        let fresh = report(&Answers::default());
        let label = fresh.copy_label();
        assert!(label.starts_with("Copy anyway — 1 blocking, "), "{label}");
        assert!(label.ends_with(&format!("{} unanswered", fresh.unanswered())));
        let a = Answers {
            product_questions_answered: true,
            committed: true,
            not_validating_with_import: true,
            kind: Some(Kind::Import),
            ..Answers::default()
        };
        assert!(!report(&a).copy_label().contains("blocking"));
    }
}
