//! The questions: the question table, the answers it generates, and every answer read
//! once into a typed value (numbers by what they measure).

pub mod answers;
pub mod hidden;
pub mod numbers;
pub mod parse;
mod table;

pub use table::*;
