//! Event names that matter to the pipeline: the ones that change identity or person
//! properties, under PostHog's name or the name another tool exports them under.

use crate::checklist::questions::answers::MERGE_SENSITIVE_EVENTS;

/// What an event name does in ingestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// Merges or links persons or groups (`$identify`, `$create_alias`,
    /// `$merge_dangerously`, `$groupidentify`): processed in ingestion order, so a
    /// merge can break when these arrive out of order.
    Identity,
    /// Updates person properties (`$set`, `$set_once`, `$unset`): also applied in
    /// ingestion order, so an older update processed later wins.
    Person,
    /// Any other event.
    Other,
}

/// Names as other tools export them, matched without regard to case, and the PostHog
/// event each stands for. Sent under the exported name, such an event is an ordinary
/// custom event to PostHog: the customer has to send it as the PostHog event for it
/// to merge or update anything.
///
/// - `identify`: Segment's and RudderStack's identify call (`"type": "identify"`,
///   exported as an event named `identify` or `Identify`) → `$identify`.
/// - `alias`: Segment's alias call (links two user ids) → `$create_alias`.
/// - `group`: Segment's group call (a user joins a group, with its traits) →
///   `$groupidentify`.
/// - `create_alias`, `merge_dangerously`, `groupidentify`, `set`, `set_once`, `unset`:
///   PostHog's own names with their `$` lost on the way.
pub const KNOWN_NAMES: &[(&str, &str)] = &[
    ("identify", "$identify"),
    ("alias", "$create_alias"),
    ("group", "$groupidentify"),
    ("create_alias", "$create_alias"),
    ("merge_dangerously", "$merge_dangerously"),
    ("groupidentify", "$groupidentify"),
    ("set", "$set"),
    ("set_once", "$set_once"),
    ("unset", "$unset"),
];

/// Person-property events among [`MERGE_SENSITIVE_EVENTS`]; the others there change
/// identity.
const PERSON_EVENTS: [&str; 3] = ["$set", "$set_once", "$unset"];

/// What a name does, and the PostHog event an exported name stands for. PostHog's own
/// names are matched exactly, as ingestion matches them (`$Identify` is not
/// `$identify` to PostHog); exported names without regard to case.
pub fn classify(name: &str) -> (NameKind, Option<&'static str>) {
    if MERGE_SENSITIVE_EVENTS.contains(&name) {
        return (kind_of(name), None);
    }
    match KNOWN_NAMES
        .iter()
        .find(|(exported, _)| exported.eq_ignore_ascii_case(name))
    {
        Some(&(_, posthog)) => (kind_of(posthog), Some(posthog)),
        None => (NameKind::Other, None),
    }
}

fn kind_of(posthog: &str) -> NameKind {
    if PERSON_EVENTS.contains(&posthog) {
        NameKind::Person
    } else if MERGE_SENSITIVE_EVENTS.contains(&posthog) {
        NameKind::Identity
    } else {
        NameKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posthog_names_exactly_and_exported_names_in_any_case() {
        assert_eq!(classify("$identify"), (NameKind::Identity, None));
        assert_eq!(classify("$groupidentify"), (NameKind::Identity, None));
        assert_eq!(classify("$set_once"), (NameKind::Person, None));
        assert_eq!(classify("$Identify"), (NameKind::Other, None));
        assert_eq!(
            classify("Identify"),
            (NameKind::Identity, Some("$identify"))
        );
        assert_eq!(
            classify("ALIAS"),
            (NameKind::Identity, Some("$create_alias"))
        );
        assert_eq!(
            classify("group"),
            (NameKind::Identity, Some("$groupidentify"))
        );
        assert_eq!(classify("set"), (NameKind::Person, Some("$set")));
        assert_eq!(classify("$pageview"), (NameKind::Other, None));
        assert_eq!(classify("signed up"), (NameKind::Other, None));
    }

    #[test]
    fn every_merge_sensitive_event_and_every_known_name_has_a_kind() {
        for name in MERGE_SENSITIVE_EVENTS {
            assert_ne!(classify(name).0, NameKind::Other, "{name}");
        }
        for (exported, posthog) in KNOWN_NAMES {
            assert!(MERGE_SENSITIVE_EVENTS.contains(posthog), "{posthog}");
            assert_eq!(classify(exported).1, Some(*posthog));
        }
    }
}
