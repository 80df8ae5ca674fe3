//! A read sample in words, one short line per measure the reader can check against the
//! pasted text ([`summary`]), and what "Use these answers" says it did ([`filled`]).
//!
//! Only measures and event names are written: never a distinct_id, a uuid, a
//! property's value or a key. Event names are shown as text (hidden characters named,
//! clipped), and a name that looks like a key is not shown at all.

use super::measured::{
    Bodies, Coverage, DistinctIds, Keys, NameCount, Names, Position, Requests, Sample, Timestamps,
    Uuids,
};
use crate::checklist::questions::events::NameKind;
use crate::checklist::questions::hidden::visible;
use crate::checklist::questions::numbers::{bytes, group, plural, tenths, tenths_fixed};
use crate::checklist::questions::Field;

/// Event names listed in the summary; the rest are counted.
pub const SHOWN_NAMES: usize = 10;
/// Characters of an event name the summary shows.
pub const SHOWN_NAME_CHARS: usize = 40;
/// Problems listed in the summary; the rest are counted.
pub const SHOWN_PROBLEMS: usize = 3;

/// The sample in words: what was read, the requests, event sizes, the flag, event
/// names, timestamps, uuids, distinct_ids, keys, then the first problems.
pub fn summary(s: &Sample) -> Vec<String> {
    let mut out = vec![format!(
        "Read {} as {}.",
        plural(s.events, "event", "events"),
        s.format.label()
    )];
    out.extend(requests(&s.requests));
    out.push(sizes(s));
    out.push(flag(&s.requests));
    out.push(names(&s.names));
    out.push(timestamps(&s.timestamps));
    out.push(uuids(&s.uuids, s.events));
    out.push(distinct_ids(&s.distinct_ids, s));
    out.extend(keys(&s.keys));
    out.extend(problems(s));
    out
}

/// "event 17, line 17".
fn at(p: Position) -> String {
    format!(
        "event {}, line {}",
        group(p.event as u64),
        group(p.line as u64)
    )
}

/// " (first at event 3, line 3)", or nothing without a place.
fn first_at(p: Option<Position>) -> String {
    p.map(|p| format!(" (first at {})", at(p)))
        .unwrap_or_default()
}

fn requests(r: &Requests) -> Vec<String> {
    if r.count() == 0 {
        return vec![
            "No request bodies: these are events, so how they will be batched is still to ask."
                .to_string(),
        ];
    }
    let mut out = Vec::new();
    if r.batch.count > 0 {
        let b = &r.batch;
        let per = b.events as f64 / b.count as f64;
        let most = if b.count > 1 {
            format!(" (at most {} in one)", group(b.most_events as u64))
        } else {
            String::new()
        };
        out.push(format!(
            "{}, {} events per request{most}; the largest body {}{}",
            plural(b.count, "/batch request", "/batch requests"),
            tenths(per),
            body_size(b),
            cut_short(b)
        ));
    }
    if r.single.count > 0 {
        let b = &r.single;
        out.push(format!(
            "{}; the largest body {}{}",
            plural(b.count, "single-event request", "single-event requests"),
            body_size(b),
            cut_short(b)
        ));
    }
    out
}

/// "1.2 MB (line 1)".
fn body_size(b: &Bodies) -> String {
    format!(
        "{} (line {})",
        bytes(b.largest_bytes as f64),
        group(b.largest_line as u64)
    )
}

/// ". 1 cut short: counted with what was read of it." or ".".
fn cut_short(b: &Bodies) -> String {
    match b.cut_short {
        0 => ".".to_string(),
        1 => "; 1 cut short, counted with what was read of it.".to_string(),
        n => format!(
            "; {} cut short, counted with what was read of them.",
            group(n as u64)
        ),
    }
}

fn sizes(s: &Sample) -> String {
    let largest = bytes(s.sizes.largest_bytes as f64);
    let place = s
        .sizes
        .largest_at
        .map(|p| format!(" ({})", at(p)))
        .unwrap_or_default();
    format!(
        "Event sizes as sent: {} on average, {largest} the largest{place}.",
        bytes(s.average_event_bytes() as f64)
    )
}

fn flag(r: &Requests) -> String {
    let h = r.historical;
    let n = r.batch.count;
    let mut out = match h.coverage() {
        Coverage::NoBatch if r.single.count == 0 => {
            "historical_migration: not in the sample (it is set per /batch request, and these are events)".to_string()
        }
        Coverage::NoBatch => {
            let mut line = "historical_migration: not read on single-event requests (capture reads it on /batch only)".to_string();
            if r.single_with_flag > 0 {
                line.push_str(&format!(
                    "; {} carry it anyway, and their events take the live path",
                    group(r.single_with_flag as u64)
                ));
            }
            line
        }
        Coverage::All if n == 1 => "historical_migration: set in the one /batch request".into(),
        Coverage::All => format!("historical_migration: set in all {} /batch requests", group(n as u64)),
        Coverage::None if n == 1 => "historical_migration: not set in the one /batch request".into(),
        Coverage::None => format!("historical_migration: set in none of the {} /batch requests", group(n as u64)),
        Coverage::Some => format!(
            "historical_migration: set in {} of {} /batch requests only",
            group(h.on as u64),
            group(n as u64)
        ),
    };
    if h.not_boolean > 0 {
        out.push_str(&format!(
            "; {} it is not a boolean (text such as \"true\" is not the flag)",
            in_requests(h.not_boolean)
        ));
    }
    if h.unknown > 0 {
        out.push_str(&format!(
            "; {} cut short before it",
            plural(h.unknown, "request was", "requests were")
        ));
    }
    out.push('.');
    out
}

/// "in 1 request", "in 3 requests".
fn in_requests(n: usize) -> String {
    format!("in {}", plural(n, "request", "requests"))
}

fn names(n: &Names) -> String {
    if n.counted.is_empty() {
        return "Event names: none (no event has a name).".to_string();
    }
    let shown: Vec<String> = n.counted.iter().take(SHOWN_NAMES).map(name).collect();
    let mut out = format!("Event names: {}", shown.join(", "));
    let rest: usize = n.counted.iter().skip(SHOWN_NAMES).map(|c| c.events).sum();
    let rest = rest + n.unlisted_events;
    if rest > 0 {
        out.push_str(&format!(
            ", and {} under other names",
            plural(rest, "event", "events")
        ));
    }
    if n.unnamed > 0 {
        out.push_str(&format!(
            "; {} without a name",
            plural(n.unnamed, "event", "events")
        ));
    }
    out.push('.');
    out
}

/// "$identify (12, identity)", "Identify (3, stands for $identify)", "order (488)".
fn name(c: &NameCount) -> String {
    if looks_like_key(&c.name) {
        return format!(
            "a name that looks like a key, not shown ({})",
            group(c.events as u64)
        );
    }
    let one_line: String = c
        .name
        .chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect();
    let what = match (c.stands_for, c.kind) {
        (Some(posthog), _) => format!(", stands for {posthog}"),
        (None, NameKind::Identity) => ", identity".to_string(),
        (None, NameKind::Person) => ", person properties".to_string(),
        (None, NameKind::Other) => String::new(),
    };
    format!(
        "{} ({}{what})",
        visible(&one_line, SHOWN_NAME_CHARS),
        group(c.events as u64)
    )
}

/// A text that starts like a PostHog key (`phc_` or `phx_` and 8 letters or digits), as
/// the reader counts keys: never shown or kept, even as an event name.
pub fn looks_like_key(text: &str) -> bool {
    let b = text.as_bytes();
    (b.starts_with(b"phc_") || b.starts_with(b"phx_"))
        && b.get(4..12)
            .is_some_and(|tail| tail.iter().all(u8::is_ascii_alphanumeric))
}

fn timestamps(t: &Timestamps) -> String {
    let mut parts = Vec::new();
    match (t.oldest, t.newest) {
        (Some(o), Some(n)) => {
            let span = if o.date == n.date {
                format!("Timestamps all on {}", o.date.short())
            } else {
                format!("Timestamps {} → {}", o.date.short(), n.date.short())
            };
            let order = if t.in_order() {
                "in order".to_string()
            } else {
                format!(
                    "{} out of order{}",
                    group(t.steps_back as u64),
                    first_at(t.first_step_back)
                )
            };
            parts.push(format!("{span}, {order}"));
            parts.push(format!(
                "{} older than {}",
                group(t.older_than_window as u64),
                plural(t.window_hours as usize, "hour", "hours")
            ));
            if t.recent() > 0 {
                parts.push(format!(
                    "{} within the last {} (historical_migration does nothing for those)",
                    group(t.recent() as u64),
                    plural(t.window_hours as usize, "hour", "hours")
                ));
            }
            parts.push(format!("{} in the future", group(t.in_future as u64)));
        }
        _ => parts.push("Timestamps: none readable".to_string()),
    }
    if t.missing > 0 {
        parts.push(format!(
            "{} without one (capture stamps them on arrival)",
            plural(t.missing, "event", "events")
        ));
    }
    if t.unreadable > 0 {
        parts.push(format!(
            "{} unreadable{}",
            group(t.unreadable as u64),
            first_at(t.first_unreadable)
        ));
    }
    parts.join("; ") + "."
}

fn uuids(u: &Uuids, events: usize) -> String {
    if u.carried == 0 {
        return "uuids: none carried.".to_string();
    }
    let mut out = format!("uuids: {} carried", group(u.carried as u64));
    if u.carried < events {
        out.push_str(&format!(" (of {})", plural(events, "event", "events")));
    }
    if u.repeated == 0 {
        out.push_str(", none repeated");
    } else {
        out.push_str(&format!(
            ", {} repeated{}: imports are not de-duplicated, so each is stored again",
            group(u.repeated as u64),
            first_at(u.first_repeat)
        ));
    }
    if u.malformed > 0 {
        out.push_str(&format!(
            "; {} not a UUID (capture refuses those events)",
            group(u.malformed as u64)
        ));
    }
    out.push('.');
    out
}

fn distinct_ids(d: &DistinctIds, s: &Sample) -> String {
    let mut out = if d.distinct == 0 {
        "distinct_ids: none".to_string()
    } else {
        format!(
            "distinct_ids: {}; the busiest has {} % of the events",
            group(d.distinct as u64),
            tenths_fixed(s.busiest_share_percent())
        )
    };
    if d.from_properties > 0 {
        out.push_str(&format!(
            "; {} only in properties.distinct_id",
            plural(d.from_properties, "event has it", "events have it")
        ));
    }
    if d.missing > 0 {
        out.push_str(&format!(
            "; {} without one",
            plural(d.missing, "event", "events")
        ));
    }
    out.push('.');
    out
}

fn keys(k: &Keys) -> Vec<String> {
    let mut out = Vec::new();
    match (k.token_fields, k.project_keys) {
        (0, 0) => {}
        (0, 1) => out.push(
            "A text that looks like a project API key (phc_…) was in the sample: it is not kept or shown."
                .to_string(),
        ),
        (0, n) => out.push(format!(
            "{} texts that look like a project API key (phc_…) were in the sample: they are not kept or shown.",
            group(n as u64)
        )),
        (1, _) => out.push(
            "An api_key or token was in the sample: it is not kept or shown.".to_string(),
        ),
        (n, _) => out.push(format!(
            "{} api_keys or tokens were in the sample: they are not kept or shown.",
            group(n as u64)
        )),
    }
    if k.personal_keys > 0 {
        out.push(
            "A personal API key (phx_…) was in the sample: a secret that must never be sent with events (capture refuses it as a token). It is not kept or shown; ask the customer to take it out and to roll the key."
                .to_string(),
        );
    }
    out
}

fn problems(s: &Sample) -> Vec<String> {
    let mut out: Vec<String> = s
        .problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| p.message())
        .collect();
    let more = s.problems.len().saturating_sub(SHOWN_PROBLEMS) + s.problems_unlisted;
    if more > 0 {
        out.push(format!(
            "And {}.",
            plural(more, "more problem", "more problems")
        ));
    }
    out
}

/// What "Use these answers" did: "Filled how events are sent, events per request, event
/// sizes, historical_migration and event names from 500 events."
pub fn filled(fields: &[Field], events: u64) -> String {
    let mut said: Vec<&str> = Vec::new();
    for f in fields {
        let what = match f {
            Field::Transport => "how events are sent",
            Field::EventsPerRequest => "events per request",
            Field::AvgEventBytes | Field::MaxEventBytes => "event sizes",
            Field::HistoricalMigration => "historical_migration",
            Field::EventTypes => "event names",
            _ => "other answers",
        };
        if !said.contains(&what) {
            said.push(what);
        }
    }
    let from = plural(events as usize, "event", "events");
    match said.split_last() {
        None => format!("Nothing to fill from {from}."),
        Some((last, [])) => format!("Filled {last} from {from}."),
        Some((last, rest)) => format!("Filled {} and {last} from {from}.", rest.join(", ")),
    }
}

/// "Measured from a sample of 500 events.": the answers hold a sample's measures.
pub fn kept(events: u64) -> String {
    format!(
        "Measured from a sample of {}.",
        plural(events as usize, "event", "events")
    )
}

#[cfg(test)]
mod tests;
