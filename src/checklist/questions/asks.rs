//! The questions as the customer reads them: no thresholds, no team names. Questions
//! that share an ask (date, time and zone) are asked once; each carries one line on why
//! we ask.

/// A question as the customer reads it, with one line on why we ask. Questions that
/// share an ask (date, time and zone) are asked once.
#[derive(Debug)]
pub struct Ask {
    pub question: &'static str,
    pub why: &'static str,
    /// The distinct_id query goes with it (the customer's message adds it).
    pub query: bool,
}

pub const PAUSE: Ask = Ask {
    question: "Who on your side can pause or slow down the sending while it runs, and how can we reach them then?",
    why: "If our ingestion needs to catch up, we may ask you to back off for a while.",
    query: false,
};
pub const WHEN: Ask = Ask {
    question: "When would you like to start: date, time and your time zone?",
    why: "So our team can be ready and keep an eye on it.",
    query: false,
};
pub const FLEXIBLE: Ask = Ask {
    question: "How fixed is that start: could it move by a few hours or days?",
    why: "So we can suggest a time when our team is around.",
    query: false,
};
pub const TRANSPORT: Ask = Ask {
    question: "Will you send events with the `/batch` endpoint, or one request per event?",
    why: "So we can plan for how the requests arrive.",
    query: false,
};
pub const PER_REQUEST: Ask = Ask {
    question: "How many events will each request carry?",
    why: "Requests have a size limit.",
    query: false,
};
pub const EVENT_SIZE: Ask = Ask {
    question: "Roughly how large is an average event (in KB)?",
    why: "Events and requests have size limits.",
    query: false,
};
pub const LARGEST_EVENT: Ask = Ask {
    question: "Roughly how large is the largest event you will send (in KB)?",
    why: "One event over the limit is rejected.",
    query: false,
};
pub const MIGRATION: Ask = Ask {
    question: "Will you set `historical_migration: true` on the events?",
    why: "It sends an import down a path that does not slow down your live data.",
    query: false,
};
pub const DATES: Ask = Ask {
    question: "What are the dates of the oldest and the newest events?",
    why: "Recent events are handled differently from old ones.",
    query: false,
};
pub const TOTAL: Ask = Ask {
    question: "How many events will you send in total?",
    why: "So we can plan for the volume.",
    query: false,
};
pub const BUSIEST: Ask = Ask {
    question:
        "How many events does your busiest user (distinct_id) have? The query below answers it.",
    why: "Events of very busy users may be processed out of order.",
    query: true,
};
pub const EVENT_TYPES: Ask = Ask {
    question: "Which kinds of events will you send, in particular `$identify`, `$create_alias`, `$merge_dangerously` or `$set`?",
    why: "Events that merge users need to arrive in the right order.",
    query: false,
};
pub const APPS: Ask = Ask {
    question: "Are any apps (transformations or destinations) enabled in the project, and which?",
    why: "They run on every event you send to PostHog.",
    query: false,
};
pub const RATE: Ask = Ask {
    question:
        "What will your peak rate be (events per second), and how long will sending take in total?",
    why: "So we know whether we need to scale up first.",
    query: false,
};
pub const RAMP: Ask = Ask {
    question: "How will you ramp up to that peak (for example 500 events per second for 30 minutes, then 2,000)?",
    why: "A ramp-up lets our pipeline scale with your traffic; a surprise at full speed may be rate-limited.",
    query: false,
};
pub const LOAD_GOAL: Ask = Ask {
    question: "What should the load test show?",
    why: "So we can prepare the right part of our pipeline.",
    query: false,
};
pub const LOAD_TRANSPORT: Ask = Ask {
    question: "Will the load test send `/batch` requests or single events?",
    why: "So we can plan for how the requests arrive.",
    query: false,
};
pub const SOURCE: Ask = Ask {
    question: "Where do the events come from, and which tool or script will send them?",
    why: "Some tools batch and retry well on their own; others need a word of advice.",
    query: false,
};
pub const TEST_RUN: Ask = Ask {
    question: "When will you send a small test (about 10,000 events) and check it in PostHog?",
    why: "Imported events are not de-duplicated, so a mistake is best found small.",
    query: false,
};
pub const SENDERS: Ask = Ask {
    question: "How many workers or clients will send at the same time?",
    why: "So we know how the traffic arrives, not only how much of it.",
    query: false,
};
pub const BACKOFF: Ask = Ask {
    question: "When our API answers 429 (slow down) or a 5xx error, does your sender wait and retry the same request?",
    why: "Retrying at once, or dropping the request, turns a short slowdown into lost or duplicated events.",
    query: false,
};
pub const LOAD_CLIENTS: Ask = Ask {
    question: "How many clients will send at the same time during the load test?",
    why: "So we can size our capacity for it.",
    query: false,
};
pub const LOAD_IDS: Ask = Ask {
    question: "How many distinct_ids will the test's script send events for, and what share of the events goes to the busiest one?",
    why: "Events of one distinct_id are processed in order; a very busy one may be processed out of order.",
    query: false,
};
