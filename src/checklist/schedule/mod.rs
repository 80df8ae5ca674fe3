//! The calendar: dates and times in any zone, EU summer time and Amsterdam time
//! (`time.rs`), and the pipeline team's hours, days off and working days
//! (`calendar.rs`).

pub mod calendar;
pub mod time;
