//! The pace: a denial of service (single requests at a high rate from the first
//! minute), no ramp-up, a high peak rate, and a volume that does not add up.

use super::findings::{Said, Seen};
use crate::checklist::questions::answers::{Ramp, Transport};
use crate::checklist::questions::numbers::{group, minutes, plural, tenths_fixed};

/// Why the profile reaches its peak at once, if it does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AtOnce {
    /// "All at once" was chosen.
    Chosen,
    /// The first step is already at the peak rate.
    FirstStepIsPeak,
    /// The ramp reaches the peak in fewer than `min_ramp_minutes` minutes.
    ShortRamp(f64),
}

impl AtOnce {
    /// "with no ramp-up", "the first step already at the peak rate", "a ramp-up of
    /// only 1 min".
    fn clause(self) -> String {
        match self {
            AtOnce::Chosen => "with no ramp-up".into(),
            AtOnce::FirstStepIsPeak => "the first step already at the peak rate".into(),
            AtOnce::ShortRamp(m) => format!("a ramp-up of only {}", minutes(m)),
        }
    }
}

/// Whether the rate profile is, in effect, everything at once: "all at once" chosen, a
/// first step already at the peak, or a ramp that reaches the peak in fewer than
/// `min_ramp_minutes` minutes.
pub fn sent_at_once(s: &Seen) -> Option<AtOnce> {
    let (a, facts) = (s.a, s.facts);
    let peak = facts.peak_per_sec?;
    if a.ramp == Some(Ramp::AllAtOnce) {
        return Some(AtOnce::Chosen);
    }
    if a.ramp == Some(Ramp::Steps) && facts.first_step_rate().is_some_and(|r| r >= peak) {
        return Some(AtOnce::FirstStepIsPeak);
    }
    facts
        .ramp_to_peak_min
        .filter(|m| *m < s.config.min_ramp_minutes)
        .map(AtOnce::ShortRamp)
}

/// The rate from the first minute: the peak when it is sent at once, else the first
/// step's rate (0 for a linear ramp).
fn starting_rate(s: &Seen) -> Option<f64> {
    match sent_at_once(s) {
        Some(_) => s.facts.peak_per_sec,
        None => s.facts.first_step_rate(),
    }
}

/// Single capture requests at `dos-single-rate` or more from the first minute: the
/// rate they start at.
fn dos_rate(s: &Seen) -> Option<f64> {
    let a = s.a;
    let single = a.transport == Some(Transport::Single)
        || (a.includes_load_test() && a.load_transport == Some(Transport::Single));
    starting_rate(s).filter(|start| single && *start >= s.config.dos_single_rate)
}

pub fn denial_of_service(s: &Seen) -> Option<Said> {
    let (a, config) = (s.a, s.config);
    let start = dos_rate(s)?;
    let what = if a.includes_load_test() {
        "a load test"
    } else {
        "an import"
    };
    let how = match sent_at_once(s) {
        Some(at_once) => at_once.clause(),
        None => "the first step of the ramp-up".into(),
    };
    // How many clients fire these requests, when known; the rate alone decides.
    let clients = s
        .facts
        .concurrency
        .map(|c| format!(" by {}", plural(c as usize, "client", "clients")))
        .unwrap_or_default();
    Some(Said::new(
        format!(
            "{} events/s of single capture requests{clients} from the first minute ({how}) is not {what} but closer to a denial of service (threshold {} events/s).",
            group(start.round() as u64),
            group(config.dos_single_rate.round() as u64)
        ),
        format!(
            "Agree a ramp-up to the peak (e.g. over 30–60 minutes) that starts below {} events/s, before going further{}.",
            group(config.dos_single_rate.round() as u64),
            if a.includes_import() { " (and /batch requests for the import)" } else { "" }
        ),
    )
    .tell("Please ramp up to the peak rate over a period of time instead of starting at full speed; sending everything at once looks like a denial-of-service attack to our ingestion and will be rate-limited."))
}

/// The peak from the first minutes, unless that is already a denial of service.
pub fn no_ramp_up(s: &Seen) -> Option<Said> {
    let how = sent_at_once(s)?;
    let peak = s.facts.peak_per_sec?;
    if peak < s.config.no_ramp_rate || dos_rate(s).is_some() {
        return None;
    }
    Some(
        Said::new(
            format!(
                "{} events/s from the first minutes ({}) gives the pipeline no time to scale; a ramp-up shorter than {} counts as none.",
                group(peak.round() as u64),
                how.clause(),
                minutes(s.config.min_ramp_minutes)
            ),
            "Ask for a ramp-up to the peak, e.g. over 30–60 minutes.",
        )
        .tell("Please ramp up to the peak rate over 30 to 60 minutes rather than starting at full speed."),
    )
}

pub fn high_peak_rate(s: &Seen) -> Option<Said> {
    let config = s.config;
    let peak = s
        .facts
        .peak_per_sec
        .filter(|p| *p > config.comfortable_rate)?;
    Some(
        Said::new(
            format!(
                "{} events/s at peak is above the {} events/s the pipeline absorbs comfortably.",
                group(peak.round() as u64),
                group(config.comfortable_rate.round() as u64)
            ),
            format!(
                "{} may need to scale up first: give them the date early.",
                crate::checklist::capitalise(&config.pipeline_team)
            ),
        )
        .tell(format!(
            "Please keep the total rate across all workers below {} events per second unless we agree otherwise.",
            group(config.comfortable_rate.round() as u64)
        )),
    )
}

/// The total against what the rate profile sends over the duration.
pub fn volume_mismatch(s: &Seen) -> Option<Said> {
    let total = s.facts.total_events? as f64;
    let expected = s.facts.expected_events?;
    if total <= 0.0 || expected <= 0.0 {
        return None;
    }
    let factor = (total / expected).max(expected / total);
    (factor > s.config.volume_mismatch_factor).then(|| {
        Said::new(
            format!(
                "The rate profile sends about {} events over the duration, but the total is {} ({}× apart).",
                group(expected.round() as u64),
                group(total as u64),
                tenths_fixed(factor)
            ),
            "Check the peak rate, the duration and the total with the customer.",
        )
    })
}
