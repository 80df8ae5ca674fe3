//! The pace. The page: "If a customer plans to send a large volume of single capture
//! requests all at once, rather than ramp up to a peak over some time period, that is
//! not a load test but more like a denial of service". So single requests sent at once
//! (no ramp-up) at a large rate (`dos-single-rate`, our default) block; a real ramp-up,
//! in steps or linear over minutes, is never that, but a steep one is a warning with a
//! gentler profile suggested. Also: no ramp-up for `/batch`, a sender that does not back
//! off, a high peak rate, and a volume that does not add up.

use super::findings::{Said, Seen};
use crate::checklist::questions::answers::{Ramp, Transport, Tri};
use crate::checklist::questions::numbers::{amount, group, minutes, plural, tenths_fixed};
use crate::checklist::rules::facts::RampPoint;

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
/// `min-ramp-minutes` (our default: a ramp over minutes).
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

/// Whether what is sent goes as single capture requests.
fn single_requests(s: &Seen) -> bool {
    let a = s.a;
    a.transport == Some(Transport::Single)
        || (a.includes_load_test() && a.load_transport == Some(Transport::Single))
}

/// Single requests sent at once at `dos-single-rate` or more: the peak, and how.
fn dos(s: &Seen) -> Option<(f64, AtOnce)> {
    let how = sent_at_once(s)?;
    let peak = s.facts.peak_per_sec?;
    (single_requests(s) && peak >= s.config.dos_single_rate).then_some((peak, how))
}

pub fn denial_of_service(s: &Seen) -> Option<Said> {
    let (peak, how) = dos(s)?;
    let what = if s.a.includes_load_test() {
        "a load test"
    } else {
        "an import"
    };
    // How many clients fire these requests, when known; the rate alone decides.
    let clients = s
        .facts
        .concurrency
        .map(|c| format!(" by {}", plural(c as usize, "client", "clients")))
        .unwrap_or_default();
    Some(
        Said::new(
            format!(
                "{} events/s of single capture requests{clients}, all from the first minute ({}): sent all at once rather than ramped up to a peak over time, that is not {what} but closer to a denial of service (from {} events/s: our default).",
                group(peak.round() as u64),
                how.clause(),
                group(s.config.dos_single_rate.round() as u64)
            ),
            "Ask for a ramp-up to the peak over some time period before going further.",
        )
        .team("Check the agreed ramp-up before the start.")
        .ask("Please ramp up to your peak rate over a period of time rather than sending everything at once: a large volume of single requests all at once is closer to a denial of service than a test, and our pipeline may rate-limit it."),
    )
}

/// Everything at once without single requests (or below the denial-of-service rate),
/// from `no-ramp-rate` (our default) at the peak.
pub fn no_ramp_up(s: &Seen) -> Option<Said> {
    let how = sent_at_once(s)?;
    let peak = s.facts.peak_per_sec?;
    if peak < s.config.no_ramp_rate || dos(s).is_some() {
        return None;
    }
    Some(
        Said::new(
            format!(
                "{} events/s from the first minutes ({}) gives the pipeline no time to scale; a ramp-up shorter than {} (our default) counts as none.",
                group(peak.round() as u64),
                how.clause(),
                minutes(s.config.min_ramp_minutes)
            ),
            format!(
                "Ask for a ramp-up to the peak over {} or more (our default).",
                minutes(s.config.min_ramp_minutes)
            ),
        )
        .ask("Please ramp up to your peak rate over a period of time rather than starting at full speed."),
    )
}

/// What makes a real ramp-up steep: a first step at `ramp-first-rate` or more, or a
/// step more than `ramp-jump-factor` times the one before (our defaults).
fn steep(s: &Seen) -> Option<String> {
    if sent_at_once(s).is_some() {
        return None;
    }
    let (ramp, config) = (&s.facts.ramp, s.config);
    let first = ramp.iter().find(|p| p.per_sec > 0.0)?;
    if first.per_sec >= config.ramp_first_rate {
        return Some(format!(
            "It starts at {} events/s (from {} events/s: our default for a first step).",
            amount(first.per_sec),
            amount(config.ramp_first_rate)
        ));
    }
    let jump = ramp
        .windows(2)
        .filter(|w| w[0].per_sec > 0.0)
        .map(|w| (w[1].per_sec / w[0].per_sec, w[0], w[1]))
        .find(|(factor, _, _)| *factor > config.ramp_jump_factor)?;
    let (factor, from, to) = jump;
    Some(format!(
        "After {} it jumps from {} to {} events/s, {}× in one step (more than {}×: our default).",
        minutes(to.after_min),
        amount(from.per_sec),
        amount(to.per_sec),
        tenths_fixed(factor),
        tenths_fixed(config.ramp_jump_factor)
    ))
}

/// A gentler profile: from a first step below the limit, each step at most the factor
/// times the one before, up to the peak ("100 → 500 → 2,000 events/s").
fn gentler(ramp: &[RampPoint], first_max: f64, factor: f64) -> String {
    let peak = ramp.iter().map(|p| p.per_sec).fold(0.0, f64::max);
    let start = ramp
        .iter()
        .map(|p| p.per_sec)
        .find(|r| *r > 0.0)
        .unwrap_or(peak)
        .min(first_max / 2.0);
    let mut steps = vec![start];
    let mut rate = start;
    while rate * factor < peak && steps.len() < 8 {
        rate *= factor;
        steps.push(rate);
    }
    steps.push(peak);
    let shown: Vec<String> = steps.iter().map(|r| amount(r.round())).collect();
    format!("{} events/s", shown.join(" → "))
}

pub fn steep_ramp(s: &Seen) -> Option<Said> {
    let why = steep(s)?;
    let config = s.config;
    let profile = gentler(
        &s.facts.ramp,
        config.ramp_first_rate,
        config.ramp_jump_factor,
    );
    Some(
        Said::new(
            format!("{why} A steep step gives the pipeline little time to scale."),
            format!("Suggest a gentler ramp-up, for example {profile}, each step held for a while."),
        )
        .ask(format!("Could you ramp up more gradually, for example {profile}, holding each step for a while?")),
    )
}

/// A sender that does not wait and retry on 429 and 5xx.
pub fn no_back_off(s: &Seen) -> Option<Said> {
    (s.a.backs_off == Some(Tri::No)).then(|| {
        Said::new(
            "The sender does not wait and retry when capture answers 429 (as it does when it rate-limits) or 5xx: a slowdown then loses events, or duplicates them when they are sent again later.",
            "Ask them to wait and retry the same request on 429 and 5xx, backing off between tries.",
        )
        .ask("Please make your sender wait and retry the same request when it gets a 429 or 5xx response, waiting longer after each try, rather than dropping it or retrying at once.")
    })
}

/// A peak above `comfortable-rate` (our default; the docs ask imports to stay below a
/// few thousand events per second in total): the pipeline may need to scale up.
pub fn high_peak_rate(s: &Seen) -> Option<Said> {
    let config = s.config;
    let peak = s
        .facts
        .peak_per_sec
        .filter(|p| *p > config.comfortable_rate)?;
    Some(
        Said::new(
            format!(
                "{} events/s at the peak is above {} events/s (our default; PostHog's docs ask imports to stay below a few thousand events per second in total). The pipeline may need to scale up.",
                group(peak.round() as u64),
                group(config.comfortable_rate.round() as u64)
            ),
            "Send this request early: scaling up may take the pipeline team time.",
        )
        .team("Decide whether to scale up, or ask for a lower peak, before the start."),
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
                "The rate profile sends about {} events over the duration, but the total is {} ({}× apart; more than {}× is our default).",
                group(expected.round() as u64),
                group(total as u64),
                tenths_fixed(factor),
                tenths_fixed(s.config.volume_mismatch_factor)
            ),
            "Check the peak rate, the duration and the total with the customer.",
        )
    })
}
