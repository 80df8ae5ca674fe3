//! The pictures under the questions: the ramp-up, the busiest ids, the schedule strip
//! and Suggest a slot.

pub mod chart;
pub mod slot;
