//! distinct_ids and the events that merge them: hot distinct_ids (the page's
//! out-of-order risk), identity and person events with and without hot ids, and the
//! counts or event types still to follow.
//!
//! The page's rule is the count: "If the count of events for a given distinct_id is too
//! high, we may relax the constraint that events for a single distinct_id are always
//! sent to the same kafka partition". "Too high" is our default, `hot-id-events`. It
//! holds on every path and for every kind of request. The id's rate at the peak is
//! context from capture's code: on the live path, above `hot-id-rate` (our default,
//! capture's per-id limit) capture moves the surplus to an overflow path where order is
//! lost too, so a fast id is hot as well.

use super::findings::{Said, Seen};
use crate::checklist::questions::answers::{Answers, Kind, Tri};
use crate::checklist::questions::numbers::{amount, group, tenths_fixed};

/// Whether the events take the historical path: an import (only) sent with
/// `historical_migration: true`. Everything else goes through live ingestion.
pub fn historical_path(a: &Answers) -> bool {
    a.kind == Some(Kind::Import) && a.historical_migration == Some(Tri::Yes)
}

/// One busiest distinct_id: the import's (from the customer's query) or the load
/// test's (from the script's ids and the busiest one's share).
struct Busiest {
    /// "The busiest distinct_id", "The load test's busiest distinct_id".
    who: &'static str,
    events: u64,
    /// Its share of all events, in percent.
    share: Option<f64>,
    /// Events/s on it at the peak, on the live path (none on the historical path).
    live_rate: Option<f64>,
}

impl Busiest {
    fn by_count(&self, s: &Seen) -> bool {
        self.events >= s.config.hot_id_events
    }

    fn by_rate(&self, s: &Seen) -> bool {
        self.live_rate.is_some_and(|r| r >= s.config.hot_id_rate)
    }
}

/// The busiest ids the answers give: the import's and the load test's.
fn busiest(s: &Seen) -> Vec<Busiest> {
    let (a, facts) = (s.a, s.facts);
    let both = a.kind == Some(Kind::Both);
    let mut out = Vec::new();
    if let Some(events) = facts.max_per_id.filter(|_| a.includes_import()) {
        out.push(Busiest {
            who: if both {
                "The import's busiest distinct_id"
            } else {
                "The busiest distinct_id"
            },
            events,
            share: facts.hottest_share_percent(),
            live_rate: facts.hottest_rate_at_peak().filter(|_| !historical_path(a)),
        });
    }
    if let Some(events) = facts.load_max_per_id {
        let total = facts
            .total_events
            .map(|t| t as f64)
            .or(facts.expected_events);
        let share = total
            .filter(|t| *t > 0.0)
            .map(|t| events as f64 * 100.0 / t);
        out.push(Busiest {
            who: "The load test's busiest distinct_id",
            events,
            share,
            live_rate: share.zip(facts.peak_per_sec).map(|(p, r)| p / 100.0 * r),
        });
    }
    out
}

/// Whether a busiest id is hot, by its count or, on the live path, its rate.
pub fn is_hot(s: &Seen) -> bool {
    busiest(s).iter().any(|b| b.by_count(s) || b.by_rate(s))
}

pub fn hot_ids(s: &Seen) -> Option<Said> {
    let hot: Vec<String> = busiest(s)
        .iter()
        .filter(|b| b.by_count(s) || b.by_rate(s))
        .map(|b| why_hot(b, s))
        .collect();
    if hot.is_empty() {
        return None;
    }
    Some(
        Said::new(
            hot.join(" "),
            "Tell the customer (below) and ask whether order matters for these ids.",
        )
        .team("Plan for these distinct_ids before the start: the customer may rely on their order.")
        .inform("Events of your busiest distinct_ids may be processed out of order: we may spread a distinct_id with very many events over several partitions to keep up. If their order matters to you, please tell us."),
    )
}

/// Why one busiest id is hot: its count, its rate at the peak, or both.
fn why_hot(b: &Busiest, s: &Seen) -> String {
    let config = s.config;
    let share = b
        .share
        .map(|p| format!(" ({} % of all)", tenths_fixed(p)))
        .unwrap_or_default();
    let mut out = format!("{} has {} events{share}", b.who, group(b.events));
    if b.by_count(s) {
        out.push_str(&format!(
            ", at or above {} (our default for \"too high\"): the pipeline may relax \"one distinct_id, one Kafka partition\" for it, so its events might not be processed in order.",
            group(config.hot_id_events)
        ));
    } else {
        out.push('.');
    }
    if let Some(r) = b.live_rate.filter(|_| b.by_rate(s)) {
        out.push_str(&format!(
            " At the peak it sends about {} events/s, at or above {} events/s (our default, capture's per-id limit): capture may move its surplus to the overflow path, where its events lose their order too.",
            amount(r),
            amount(config.hot_id_rate)
        ));
    } else if b.by_count(s) && historical_path(s.a) {
        out.push_str(
            " With historical_migration: true its events stay off capture's overflow path.",
        );
    }
    out
}

/// The identity and person events chosen, as one phrase, with "is" or "are"; names
/// typed as another tool exports them are said as typed.
fn merges(a: &Answers) -> Option<(String, &'static str)> {
    let merges = a.merge_sensitive_chosen();
    let verb = if merges.len() == 1 { "is" } else { "are" };
    let mut names = merges.join(", ");
    let exported = a.exported_merge_names();
    if !exported.is_empty() {
        names.push_str(&format!(" (typed as {})", exported.join(", ")));
    }
    (!merges.is_empty()).then_some((names, verb))
}

pub fn merges_with_hot_ids(s: &Seen) -> Option<Said> {
    let (names, verb) = merges(s.a).filter(|_| is_hot(s))?;
    let noun = s.a.noun();
    Some(
        Said::new(
            format!("{names} {verb} in the {noun}; out-of-order processing can apply an alias before the identify it depends on, or an older $set after a newer one."),
            format!("Ask for events in timestamp order, identify and alias events first, before the {noun} starts."),
        )
        .ask("Please send events in timestamp order, with identify and alias events before the events that rely on them: for your busiest distinct_ids, an alias processed before the identify it depends on does not merge."),
    )
}

pub fn merge_sensitive_events(s: &Seen) -> Option<Said> {
    let (names, verb) = merges(s.a).filter(|_| !is_hot(s))?;
    Some(
        Said::new(
            format!("{names} {verb} applied in ingestion order, not timestamp order."),
            "No action unless ids turn out to be hot; ask for events in timestamp order.",
        )
        .ask("Please send events in timestamp order, with identify and alias events before the events that rely on them."),
    )
}

/// The busiest ids' counts to follow ("Not known yet").
pub fn ids_unknown(s: &Seen) -> Option<Said> {
    let noun = s.a.noun();
    (s.a.ids_unknown && s.a.includes_import()).then(|| {
        Said::new(
            "Without the busiest ids' counts nobody can tell whether partition locality will hold.",
            format!("Get the query's result before the {noun} starts."),
        )
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
