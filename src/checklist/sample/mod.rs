//! A sample of what the customer will send, measured instead of asked (issue #21).
//!
//! This module owns reading a pasted sample (or a file's text) in plain Rust and the
//! typed summary of it, [`Sample`]: the format, events and requests, event and body
//! sizes as sent, `historical_migration` per request, event names with their counts
//! and what they do to identity, the timestamps against the historical window,
//! repeated uuids, and how many distinct_ids there are and how busy the busiest is.
//! It reads:
//!
//! - `/batch` bodies, `{"api_key": …, "historical_migration": true, "batch": [...]}`,
//!   one or several (one per line, as a log of requests);
//! - a single-event body (one event, maybe with `api_key` or `token` at its top);
//! - a JSON array of events;
//! - JSON lines, one event per line as exports write them (blank lines allowed).
//!
//! An event's name is `event`, its distinct_id the top-level `distinct_id` (or
//! `$distinct_id`) or else `properties.distinct_id`, its time `timestamp` (ISO 8601
//! text), its `uuid` optional.
//!
//! Privacy: the sample stays in the reader's browser, and the only text of it a
//! [`Sample`] holds is event names (clipped to 200 characters). distinct_ids and uuids
//! are counted by a 64-bit hash, property values are skipped unread, and keys
//! (`api_key`, `token`, texts that start like `phc_…` or `phx_…`) are counted, never
//! kept. Error and problem messages quote nothing from the sample.
//!
//! Reading is linear in the text and resumable ([`Reading::advance`] reads about a
//! budget of bytes at a time, so the page stays responsive); it never builds a tree of
//! the JSON, nests at most [`MAX_DEPTH`] levels, and does not panic on any text.
//! The widget's settings (capture's limits, the historical window) are not applied
//! here: the sample reports bytes, counts and instants, and the rules compare them.
//!
//! Files: `scan.rs` (the JSON scanner), `walk.rs` (the walk over bodies, arrays and
//! events, and [`Reading`]), `measure.rs` (measuring as it goes), `measured.rs` (the
//! [`Sample`] and its parts), `stamp.rs` (timestamps), `error.rs` (what can be wrong,
//! in words), `report.rs` (the sample in words, [`summary`]), `kept.rs` (what the
//! checklist keeps, and "Use these answers"), `tests.rs`.

mod error;
mod kept;
mod measure;
mod measured;
mod report;
mod scan;
mod stamp;
mod walk;

pub use error::{Expected, Fault, Problem, ProblemKind, SampleError, Shape, Spot};
pub use kept::{apply, measured, undo};
pub use measured::{
    Bodies, Coverage, DistinctIds, Historical, Keys, NameCount, Names, Position, Requests, Sample,
    SampleFormat, Sizes, Stamp, Timestamps, Uuids, MAX_NAMES, MAX_NAME_CHARS, MAX_PROBLEMS,
};
pub use report::{filled, kept, looks_like_key, summary};
pub use scan::MAX_DEPTH;
pub use stamp::parse_timestamp;
pub use walk::Reading;

/// Reads a whole sample at once: timestamps are held against `now` (UTC seconds) and
/// the historical window of `window_hours` before it. The same as [`Reading`] run to
/// its end.
pub fn read(text: &str, now: i64, window_hours: u32) -> Result<Sample, SampleError> {
    Reading::new(text, now, window_hours).finish()
}

#[cfg(test)]
mod tests;
