//! distinct_ids and the events that merge them: hot distinct_ids (the page's
//! out-of-order risk), identity and person events with and without hot ids, and the
//! counts or event types still to follow.

use super::findings::{Said, Seen};
use crate::checklist::questions::answers::{Answers, Kind, Tri};
use crate::checklist::questions::numbers::{amount, group, plural, tenths_fixed};
use crate::checklist::questions::Field;

/// Whether the events take the historical path: an import (only) sent with
/// `historical_migration: true`. Everything else goes through live ingestion.
pub fn historical_path(a: &Answers) -> bool {
    a.kind == Some(Kind::Import) && a.historical_migration == Some(Tri::Yes)
}

/// Whether the busiest distinct_id is hot. Live path: capture's per-id limiter moves
/// the surplus of an id sending faster than `hot-id-rate` to the overflow path. The
/// historical path has no such limiter, so there (and while the rate cannot be worked
/// out) only a very large id (`hot-id-events`), which the pipeline team may split over
/// partitions by hand, is hot.
pub fn is_hot(s: &Seen) -> bool {
    match (historical_path(s.a), s.facts.hottest_rate_at_peak()) {
        (false, Some(r)) => r >= s.config.hot_id_rate,
        _ => s
            .facts
            .max_per_id
            .is_some_and(|m| m >= s.config.hot_id_events),
    }
}

pub fn hot_ids(s: &Seen) -> Option<Said> {
    if !is_hot(s) {
        return None;
    }
    Some(
        Said::new(
            hot_why(s),
            "Tell the customer (below) and ask whether order matters for these ids; the pipeline team may plan partitions for them.",
        )
        .tell("Events for your busiest distinct_ids may be processed out of order. Where order matters, send events in timestamp order and spread very busy ids over time."),
    )
}

/// Why the busiest distinct_id is hot, on the path its events take.
fn hot_why(s: &Seen) -> String {
    let (facts, config) = (s.facts, s.config);
    let rate = facts.hottest_rate_at_peak();
    let max = facts.max_per_id.unwrap_or(0);
    let share_text = facts
        .hottest_share_percent()
        .map(|s| format!(", {} % of all events", tenths_fixed(s)))
        .unwrap_or_default();
    let rate_text = rate
        .map(|r| format!("about {} events/s on this one id at the peak", amount(r)))
        .unwrap_or_default();
    if historical_path(s.a) {
        format!(
            "The busiest distinct_id has {} events{share_text} (threshold {} events{}{rate_text}). With historical_migration: true the events skip the overflow path, but the pipeline team may still spread an id this large over several partitions, so its events may be processed out of order.",
            group(max),
            group(config.hot_id_events),
            if rate.is_some() { "; " } else { "" },
        )
    } else if rate.is_some() {
        format!(
            "The busiest distinct_id has {} events{share_text}: {rate_text}, at or above the {} events/s one id may send on the live path before capture moves its surplus to the overflow path, where its events may be processed out of order.",
            group(max),
            amount(config.hot_id_rate),
        )
    } else {
        format!(
            "The busiest distinct_id has {} events{share_text} (threshold {} events while the peak rate or the total is unknown). The pipeline may relax \"one distinct_id, one partition\" for it, so its events may be processed out of order.",
            group(max),
            group(config.hot_id_events),
        )
    }
}

/// The identity and person events chosen, as one phrase, with "is" or "are".
fn merges(a: &Answers) -> Option<(String, &'static str)> {
    let merges = a.merge_sensitive_chosen();
    let verb = if merges.len() == 1 { "is" } else { "are" };
    (!merges.is_empty()).then(|| (merges.join(", "), verb))
}

pub fn merges_with_hot_ids(s: &Seen) -> Option<Said> {
    let (names, verb) = merges(s.a).filter(|_| is_hot(s))?;
    let noun = s.a.noun();
    Some(
        Said::new(
            format!("{names} {verb} in the {noun}; out-of-order processing can apply an alias before the identify it depends on, or an older $set after a newer one."),
            format!("Make sure the customer understands the risk before the {noun} starts."),
        )
        .tell("Send $identify and $create_alias events before the events that rely on them, in timestamp order; merges for your busiest ids may still be affected."),
    )
}

pub fn merge_sensitive_events(s: &Seen) -> Option<Said> {
    let (names, verb) = merges(s.a).filter(|_| !is_hot(s))?;
    Some(
        Said::new(
            format!("{names} {verb} applied in ingestion order, not timestamp order."),
            "No action unless ids turn out to be hot; ask for events in timestamp order.",
        )
        .tell("Please send events in timestamp order, with identify and alias events before the events that rely on them."),
    )
}

/// The busiest ids' counts to follow ("Not known yet").
pub fn ids_unknown(s: &Seen) -> Option<Said> {
    let noun = s.a.noun();
    s.a.ids_unknown.then(|| {
        Said::new(
            "Without the busiest ids' counts nobody can tell whether partition locality will hold.",
            format!("Get the query's result before the {noun} starts."),
        )
        .tell(format!("Please run the events-per-distinct_id query and send us the top results before the {noun}."))
    })
}

/// The event types to follow ("Not sure yet").
pub fn event_types_unknown(s: &Seen) -> Option<Said> {
    let noun = s.a.noun();
    s.a.events_not_sure.then(|| {
        Said::new(
            "Identity events ($identify, $create_alias) need more care than others.",
            format!("Ask which identity and person events the {noun} contains."),
        )
    })
}

/// A load test whose events, spread over the distinct_ids its script uses, put at least
/// `hot-id-events` on each: every one of them is a hot distinct_id.
pub fn load_test_ids(s: &Seen) -> Option<Said> {
    let ids = s.p.count(Field::LoadDistinctIds).filter(|n| *n > 0)?;
    let events = (s.facts.total_events)
        .or(s.facts.expected_events.map(|e| e.round() as u64))
        .filter(|_| s.a.includes_load_test())?;
    let each = events / ids;
    if each < s.config.hot_id_events {
        return None;
    }
    Some(
        Said::new(
            format!(
                "The load test sends about {} events over {}: about {} events each, at or above the {} events that make a distinct_id hot (our default). Events of these ids may be processed out of order.",
                group(events),
                plural(ids as usize, "distinct_id", "distinct_ids"),
                group(each),
                group(s.config.hot_id_events)
            ),
            "Ask whether the script can spread its events over more distinct_ids.",
        )
        .tell("With this many events on each distinct_id, some may be processed out of order. If order matters for the test, please spread the events over more distinct_ids."),
    )
}
