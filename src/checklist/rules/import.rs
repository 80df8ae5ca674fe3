//! What an import needs besides its pace: the historical flag and how recent the
//! events are, apps on the project, its size as a commercial topic, a small test first.

use super::findings::{Said, Seen};
use crate::checklist::questions::answers::{AppKind, Tri};
use crate::checklist::questions::numbers::group;
use crate::checklist::schedule::time::{SECS_PER_DAY, SECS_PER_HOUR};

/// An import sent without `historical_migration: true` (a "not sure" is asked again
/// in the customer's message instead).
pub fn no_historical_flag(s: &Seen) -> Option<Said> {
    let unset = s.a.historical_migration == Some(Tri::No);
    (s.a.includes_import() && unset).then(|| {
        Said::new(
            "Without the flag, imported events share the live ingestion path and its overflow handling.",
            "Ask them to send with historical_migration: true.",
        )
        .ask("Please send the import with the batch envelope and \"historical_migration\": true, which routes it away from live traffic.")
    })
}

/// Events that will be newer than the flag's minimum age when they are sent.
pub fn recent_events(s: &Seen) -> Option<Said> {
    let (facts, config) = (s.facts, s.config);
    let newest = facts.newest.filter(|_| s.a.includes_import())?;
    let reference = facts.start_utc.unwrap_or(s.env.now);
    let newest_end = newest.midnight_utc() + SECS_PER_DAY;
    let cutoff = reference - config.historical_min_age_hours as i64 * SECS_PER_HOUR;
    (newest_end > cutoff).then(|| {
        Said::new(
            format!(
                "Events from {} will be less than {} h old when sent; the historical flag is ignored for them and they go through the live path.",
                newest.short(),
                config.historical_min_age_hours
            ),
            format!(
                "Ask them to leave out events less than {} h old, or send those through normal capture.",
                config.historical_min_age_hours
            ),
        )
        .ask(format!(
            "Events less than about {} hours old are handled as live events, not as part of the import: please leave them out of it and send them as you send live events.",
            config.historical_min_age_hours
        ))
    })
}

pub fn apps(s: &Seen) -> Option<Said> {
    let a = s.a;
    let state = match a.apps {
        Some(Tri::Yes) => "enabled",
        Some(Tri::NotSure) => "possibly enabled",
        _ => return None,
    };
    let named: Vec<_> = a
        .app_list
        .iter()
        .filter(|x| !x.name.trim().is_empty())
        .collect();
    let names: Vec<String> = named
        .iter()
        .map(|x| {
            format!(
                "{} ({})",
                x.name.trim(),
                x.kind.label().to_ascii_lowercase()
            )
        })
        .collect();
    // The block lists them all in its summary; here ten say enough.
    let listed = match names.len() {
        0 => "Apps".to_string(),
        n if n > 10 => format!("{}, and {} more", names[..10].join(", "), n - 10),
        _ => names.join(", "),
    };
    let has = |kind: AppKind| named.iter().any(|x| x.kind == kind);
    let mut why = vec![listed + ":"];
    if has(AppKind::Transformation) || named.is_empty() {
        why.push("transformations run on every event sent (cost, failures)".to_string());
    }
    if has(AppKind::Destination) || named.is_empty() {
        why.push("destinations may fire for these events too".to_string());
    }
    let why = format!("{} {}.", why[0], why[1..].join("; "));
    let noun = a.noun();
    let said = Said::new(
        why,
        if named.is_empty() {
            format!(
                "Ask which apps are enabled, and review them with the customer before the {noun}."
            )
        } else {
            format!("Review the apps with the customer before the {noun}.")
        },
    )
    .titled(format!("Apps {state}"));
    Some(if has(AppKind::Destination) {
        said.ask(format!("Please pause your destinations during the {noun}, or filter out its events, so they do not receive them."))
    } else {
        said
    })
}

pub fn large_import(s: &Seen) -> Option<Said> {
    let total = (s.facts.total_events)
        .filter(|t| s.a.includes_import() && *t >= s.config.large_import_events)?;
    Some(Said::new(
        format!(
            "{} events is at or above {} (our default): a commercial topic too.",
            group(total),
            group(s.config.large_import_events)
        ),
        "Loop in the account owner or sales.",
    ))
}

/// A small test first: asked for while no test run is planned; once it is, only the
/// reminder that re-sent events are duplicated.
pub fn test_first(s: &Seen) -> Option<Said> {
    const NOT_DEDUPLICATED: &str =
        "Imports are not de-duplicated: a re-sent batch creates duplicate events.";
    if !s.a.includes_import() {
        return None;
    }
    Some(match s.facts.test_run {
        Some(day) => Said::new(
            format!("{NOT_DEDUPLICATED} A small test run is planned for {}.", day.long()),
            "Check the test run's events in PostHog before the full run.",
        )
        .ask("Please keep track of what you have sent: re-sending events creates duplicates."),
        None => Said::new(
            NOT_DEDUPLICATED,
            "Ask for a test with about 10,000 events, checked in PostHog, before the full run.",
        )
        .ask("Please send about 10,000 events first and check them in PostHog; re-sending events creates duplicates, so keep track of what was sent."),
    })
}
