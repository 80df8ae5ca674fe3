//! Events and requests against capture's limits: over a limit blocks (capture rejects
//! them), close to it warns (`size-warn-percent` of the cap, our default 80 %).

use super::findings::{Said, Seen};
use crate::checklist::questions::answers::{Transport, Tri};
use crate::checklist::questions::numbers::{bytes, group, mib, plural, tenths};
use crate::checklist::questions::Field;

/// "The largest event" when its size is known, else "An average event".
fn which(s: &Seen) -> &'static str {
    if s.facts.max_event_bytes.is_some() {
        "The largest event"
    } else {
        "An average event"
    }
}

fn tell_event(s: &Seen) -> String {
    format!(
        "Each event must stay under {} bytes: please drop or shorten the largest properties of your largest events.",
        group(s.config.event_cap_bytes)
    )
}

/// The largest event's size, when it is over the event cap.
fn event_over(s: &Seen) -> Option<f64> {
    s.facts
        .largest_event_bytes()
        .filter(|size| *size > s.config.event_cap_bytes as f64)
}

pub fn event_too_large(s: &Seen) -> Option<Said> {
    let size = event_over(s)?;
    Some(
        Said::new(
            format!(
                "{} of {} is over the limit of {} bytes per event; capture rejects such events.",
                which(s),
                bytes(size),
                group(s.config.event_cap_bytes)
            ),
            "Ask which properties make events this large and have them trimmed.",
        )
        .ask(tell_event(s)),
    )
}

pub fn event_near_limit(s: &Seen) -> Option<Said> {
    let cap = s.config.event_cap_bytes as f64;
    let size = s.facts.largest_event_bytes()?;
    if size > cap || size < s.config.size_warn_percent / 100.0 * cap {
        return None;
    }
    Some(
        Said::new(
            format!(
                "{} of {} is {} % of the limit of {} bytes per event; a slightly larger one is rejected.",
                which(s),
                bytes(size),
                tenths(size * 100.0 / cap),
                group(s.config.event_cap_bytes)
            ),
            "Ask how large the largest events can get, and whether their largest properties can be trimmed.",
        )
        .ask(tell_event(s)),
    )
}

/// A request's size against its endpoint's cap: (size, cap, endpoint's name).
fn request(s: &Seen) -> Option<(f64, u64, &'static str)> {
    let (cap, endpoint) = match s.a.transport? {
        Transport::Batch => (s.config.batch_request_cap_bytes, "/batch"),
        Transport::Single => (s.config.single_request_cap_bytes, "single-event"),
    };
    Some((s.facts.request_bytes?, cap, endpoint))
}

/// What to ask for: as many events per request as fit with headroom, for `/batch`.
fn smaller_requests(s: &Seen, cap: u64) -> String {
    let near = s.config.size_warn_percent / 100.0;
    let fitting = s
        .facts
        .avg_event_bytes
        .map(|b| ((cap as f64 * near) / b).floor().max(1.0) as u64);
    match fitting {
        Some(n) if s.a.uses_batch() => format!(
            "Ask for at most {} events per request (leaves {} % headroom).",
            group(n),
            tenths(100.0 - s.config.size_warn_percent)
        ),
        _ => "Ask for smaller requests.".into(),
    }
}

fn tell_request(cap: u64) -> String {
    format!(
        "Please keep each request under {}: a larger one is rejected whole.",
        mib(cap)
    )
}

pub fn request_too_large(s: &Seen) -> Option<Said> {
    let (size, cap, endpoint) = request(s).filter(|(size, cap, _)| *size > *cap as f64)?;
    Some(
        Said::new(
            format!(
                "Each {endpoint} request would be about {}, over capture's limit of {}; capture rejects the whole request.",
                bytes(size),
                mib(cap)
            ),
            smaller_requests(s, cap),
        )
        .ask(tell_request(cap)),
    )
}

/// Close to the cap, unless an event is over its own (that one says enough).
pub fn request_near_limit(s: &Seen) -> Option<Said> {
    let (size, cap, endpoint) = request(s)?;
    let near = s.config.size_warn_percent / 100.0 * cap as f64;
    if size > cap as f64 || size < near || event_over(s).is_some() {
        return None;
    }
    Some(
        Said::new(
            format!(
                "Each {endpoint} request would be about {}, {} % of capture's limit of {}; a request with larger events than the average is rejected whole.",
                bytes(size),
                tenths(size * 100.0 / cap as f64),
                mib(cap)
            ),
            smaller_requests(s, cap),
        )
        .ask(tell_request(cap)),
    )
}

/// Typed answers that a pasted sample contradicts: each as "you typed …, the sample …".
fn disagreements(s: &Seen) -> Vec<String> {
    let Some(m) = &s.p.sample else {
        return Vec::new();
    };
    let factor = s.config.sample_mismatch_factor;
    let apart = |typed: f64, measured: f64| {
        typed > 0.0 && measured > 0.0 && (typed / measured).max(measured / typed) > factor
    };
    let mut out = Vec::new();
    if let Some(typed) = s.p.amount(Field::AvgEventBytes) {
        if apart(typed, m.average_bytes as f64) {
            out.push(format!(
                "the average event is {} in the answers, {} in the sample",
                bytes(typed),
                bytes(m.average_bytes as f64)
            ));
        }
    }
    if let Some(typed) = s.p.amount(Field::MaxEventBytes) {
        if typed < m.largest_bytes as f64 {
            out.push(format!(
                "the largest event is {} in the answers, but the sample has one of {}",
                bytes(typed),
                bytes(m.largest_bytes as f64)
            ));
        }
    }
    let per = (s.p.count(Field::EventsPerRequest), m.per_request);
    if let (Some(typed), Some(measured)) = per {
        if apart(typed as f64, measured as f64) {
            out.push(format!(
                "{} per request in the answers, {} in the sample",
                group(typed),
                group(measured)
            ));
        }
    }
    let flag = (s.a.historical_migration, m.historical);
    if let (Some(typed), Some(measured)) = flag {
        if typed != measured && typed != Tri::NotSure {
            let said = match measured {
                Tri::Yes => "set in every request of the sample",
                Tri::No => "set in none of the sample's requests",
                Tri::NotSure => "set in some of the sample's requests only",
            };
            out.push(format!(
                "historical_migration is \"{}\" in the answers, {said}",
                typed.label().to_ascii_lowercase()
            ));
        }
    }
    out
}

/// A pasted sample that contradicts typed answers: both numbers, for the reader to
/// ask which holds.
pub fn sample_disagrees(s: &Seen) -> Option<Said> {
    let found = disagreements(s);
    let m = s.p.sample.as_ref()?;
    if found.is_empty() {
        return None;
    }
    let found = found.join("; ");
    Some(
        Said::new(
            format!(
                "The sample ({}) disagrees with the answers: {found}.",
                plural(m.events as usize, "event", "events"),
            ),
            "Ask the customer which holds, or use the sample's answers.",
        )
        .team("Plan with the larger numbers until the requester confirms which hold.")
        .ask(format!(
            "Please check what you told us against the sample you shared ({found}) and tell us which holds for everything you will send."
        )),
    )
}
