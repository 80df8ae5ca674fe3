//! The calendar: dates and times in any zone, EU summer time, Amsterdam time.

pub mod time;
