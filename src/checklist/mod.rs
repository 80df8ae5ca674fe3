//! The product's brain, in plain Rust: answers, questions, validation, findings and
//! the Markdown request block. No browser crates here; everything is tested natively.

pub mod answers;
pub mod config;
pub mod escape;
pub mod facts;
pub mod findings;
pub mod markdown;
pub mod numbers;
pub mod paste;
pub mod preview;
pub mod questions;
pub mod time;
pub mod validate;

pub use answers::Answers;
pub use config::Config;
pub use facts::{Env, Facts};
pub use findings::{Finding, Severity};
pub use validate::FieldError;

/// Everything the widget shows for one state of the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub facts: Facts,
    pub errors: Vec<FieldError>,
    pub findings: Vec<Finding>,
    pub markdown: String,
}

/// Validates, finds the risks and renders the request block.
pub fn evaluate(a: &Answers, config: &Config, env: &Env) -> Report {
    let facts = Facts::derive(a, env);
    let errors = validate::validate(a, &facts, env);
    let findings = findings::findings(a, &facts, config, env);
    let markdown = markdown::render_markdown(a, &facts, &findings, config, env);
    Report {
        facts,
        errors,
        findings,
        markdown,
    }
}

/// The text with its first letter in upper case (ASCII: the texts are ours or handles).
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}
