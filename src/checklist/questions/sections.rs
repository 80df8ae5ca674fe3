//! The checklist's sections: their order (the handbook page's), ids, titles and the
//! "why we ask" line under each.

/// The checklist's sections, in the order of the handbook page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Request,
    Commitment,
    Schedule,
    Batching,
    DistinctIds,
    EventTypes,
    Apps,
    Rate,
    Ramp,
    LoadTest,
    Other,
}

/// A section's id (for DOM ids), title and "why we ask" line.
pub struct SectionText {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
}

/// In the order of [`Section`]'s variants.
const SECTIONS: [SectionText; 11] = [
    SectionText { id: "request", title: "The request", why: "Who the customer is and what they plan to send, so the pipeline team knows whom to follow up with." },
    SectionText { id: "commitment", title: "Commitment", why: "An import can take the pipeline team considerable effort. Ask for it once the customer is committed, not to help them decide whether PostHog fits." },
    SectionText { id: "schedule", title: "Schedule", why: "Our ingestion traffic barely varies, so a surprise spike may be rate-limited. The pipeline team works EU hours and prefers weekdays with the most overlap." },
    SectionText { id: "batching", title: "Batching", why: "Request and event sizes decide whether capture accepts the data at all; the historical_migration flag routes it away from live traffic." },
    SectionText { id: "distinct-ids", title: "distinct_id variance", why: "Events of one distinct_id stay on one Kafka partition, in order. A very busy distinct_id may be spread over partitions and its events processed out of order." },
    SectionText { id: "event-types", title: "Event types", why: "Identity events ($identify, $create_alias, …) and person updates are applied in ingestion order: out-of-order processing can break merges." },
    SectionText { id: "apps", title: "Apps", why: "Transformations run on every imported event; destinations may fire for imported events too." },
    SectionText { id: "rate", title: "Peak rate and duration", why: "How fast and for how long: the pipeline may need to scale up." },
    SectionText { id: "ramp-up", title: "Ramp-up", why: "A ramp-up lets the pipeline scale with the traffic. Everything at once is closer to a denial of service than a test." },
    SectionText { id: "load-test", title: "Load testing", why: "Load tests need the pipeline team alerted as soon as possible, so accommodations can be made." },
    SectionText { id: "other", title: "Anything else", why: "Anything the pipeline team should know that the questions above missed." },
];

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Request,
        Section::Commitment,
        Section::Schedule,
        Section::Batching,
        Section::DistinctIds,
        Section::EventTypes,
        Section::Apps,
        Section::Rate,
        Section::Ramp,
        Section::LoadTest,
        Section::Other,
    ];

    pub fn text(self) -> &'static SectionText {
        &SECTIONS[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.text().id
    }

    pub fn title(self) -> &'static str {
        self.text().title
    }

    /// "Why we ask": one or two sentences under the section title.
    pub fn why(self) -> &'static str {
        self.text().why
    }
}
