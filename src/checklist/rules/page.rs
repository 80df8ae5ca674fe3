//! The handbook page's sentences the rules rest on, quoted as the page writes them
//! (`Basis::Page`). A test checks that each is a sentence of the page.

/// Why the pipeline team wants a heads-up at all.
pub const HEADS_UP: &str = "it's important to give the pipeline team a heads up in advance, since we may rate limit the requests";

/// The commitment gate.
pub const COMMITTED: &str = "Make sure they have their product questions answered first, ie, they are not relying on historical import data to validate their use case.";

/// The schedule question.
pub const SCHEDULE: &str =
    "When is this scheduled for (strong preference for weekdays with the most EU-timezone overlap)";

/// The batching question.
pub const BATCHING: &str = "batching";

/// Hot distinct_ids.
pub const HOT_IDS: &str = "If the count of events for a given distinct_id is too high, we may relax the constraint that events for a single distinct_id are always sent to the same kafka partition, which means these events might not be processed in the correct order.";

/// Merges with hot distinct_ids.
pub const MERGES: &str = "This can be problematic for merging events, where order of ingestion matters (eg an alias event arriving before an identify event on which it depends).";

/// The event types question.
pub const EVENT_TYPES: &str = "event types (some require more consideration to process than others, eg $create_alias , $identify etc)";

/// The distinct_id variance question.
pub const ID_VARIANCE: &str =
    "distinct_id variance, specifically, max events per distinct_id for the top few users";

/// The apps question.
pub const APPS: &str = "Will you have apps enabled";

/// The rate question.
pub const RATE: &str = "What will be the peak rate and total duration of calls";

/// The ramp-up question.
pub const RAMP: &str = "What will the ramp-up profile look like";

/// Load tests: alert first.
pub const LOAD_TEST: &str = "If a customer mentions load testing, get answers to the above and then alert the pipeline team asap, so that accommodations can be made, as this may require scaling up to handle properly.";

/// A denial of service.
pub const DOS: &str = "If a customer plans to send a large volume of single capture requests all at once, rather than ramp up to a peak over some time period, that is not a load test but more like a denial of service (DoS).";

/// Every sentence above.
pub const ALL: &[&str] = &[
    HEADS_UP,
    COMMITTED,
    SCHEDULE,
    BATCHING,
    HOT_IDS,
    MERGES,
    EVENT_TYPES,
    ID_VARIANCE,
    APPS,
    RATE,
    RAMP,
    LOAD_TEST,
    DOS,
];
