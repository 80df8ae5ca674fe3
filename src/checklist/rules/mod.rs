//! The rules: facts derived once from the typed answers (`facts.rs`), what is wrong
//! with the answers (`validate.rs`), and the findings: every rule declared once in
//! `table.rs` with the basis it rests on (`page.rs` quotes the handbook), the engine and
//! its types in `findings.rs`, the checklist lines the findings untick in
//! `ticks.rs`, and each rule's judgement in the file of its concern (`gate.rs`,
//! `sizes.rs`, `hours.rs`, `ids.rs`, `rate.rs`, `import.rs`).

pub mod facts;
pub mod findings;
pub mod gate;
pub mod hours;
pub mod ids;
pub mod import;
pub mod page;
pub mod rate;
pub mod sizes;
pub mod table;
pub mod ticks;
pub mod validate;
