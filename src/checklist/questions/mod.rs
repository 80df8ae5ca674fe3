//! The questions: the question table (`table.rs`: each question declared once, from
//! which the `Answers` struct, the `Field` enum and the table are generated), the
//! sections (`section.rs`), how the customer is asked (`asks.rs`), what a question's
//! answer is through the table and progress (`field.rs`), the kinds of answer (`answers.rs`)
//! and list rows (`lists.rs`), every answer read once into a typed value (`parse.rs`, numbers
//! by what they measure in `numbers.rs`) and the characters that show nothing
//! (`hidden.rs`).

pub mod answers;
pub mod asks;
mod declare;
pub mod events;
mod field;
pub mod hidden;
pub mod lists;
pub mod measured;
pub mod numbers;
pub mod parse;
mod row;
mod sections;
mod table;
#[cfg(test)]
mod tests;

pub use asks::Ask;
pub use field::{
    counter, overall_progress, section_progress, section_questions, too_long, Progress,
};
pub use row::{Place, Row, Shows};
pub use sections::{Section, SectionText};
pub use table::*;
