//! The rules: facts derived from the typed answers, validation, and the findings.

pub mod facts;
pub mod findings;
pub mod validate;
