//! Before anything is sent: the customer's commitment, and a load test's early alert.

use super::findings::{a_noun, Said, Seen};
use crate::checklist::Config;

/// The handbook's gate: product questions answered, committed, not relying on the
/// import to decide. Holds what is sent; a load test's alert goes out first.
pub fn commitment(s: &Seen) -> Option<Said> {
    let (a, config) = (s.a, s.config);
    let noun = a.noun();
    let mut open = Vec::new();
    if !a.product_questions_answered {
        open.push("their product questions are answered".to_string());
    }
    if !a.committed {
        open.push(format!(
            "they are committed (paying, or paying once the {noun} is done)"
        ));
    }
    if !a.not_validating_with_import {
        open.push(format!(
            "they are not relying on the {noun} to validate their use case"
        ));
    }
    if open.is_empty() {
        return None;
    }
    let confirm = open.join("; that ");
    let action = if a.includes_load_test() {
        // The load test's alert goes out first (it may take preparation); the gate
        // holds what is sent, not the alert.
        format!(
            "Alert {} about the planned load test as soon as the answers are in (this request says the commitment is open); confirm that {confirm} before the customer sends anything.",
            config.pipeline_team
        )
    } else {
        format!("Do not request the import yet. First confirm that {confirm}.")
    };
    Some(Said::new(
        format!(
            "{} can cost the pipeline team considerable effort; it is wasted if the customer then decides PostHog is not a fit.",
            crate::checklist::capitalise(&a_noun(a))
        ),
        action,
    ))
}

/// The banner the widget shows while the request includes a load test.
pub fn load_test_banner(config: &Config) -> String {
    format!(
        "get the answers above, then alert {} as soon as possible (if some answers will take days, send the request now: it says what is missing); confirm the commitment before anything is sent.",
        config.pipeline_team
    )
}

/// A load test: the page says to alert the pipeline team as soon as possible.
pub fn load_test(s: &Seen) -> Option<Said> {
    let (a, config) = (s.a, s.config);
    if !a.includes_load_test() {
        return None;
    }
    let gate_open = !(a.product_questions_answered && a.committed && a.not_validating_with_import);
    let mut action = format!(
        "Get the answers above, then send this request to {} as soon as possible, so accommodations can be made; if some answers will take days, send it now: it lists what is missing.",
        config.pipeline_team
    );
    if gate_open {
        action.push_str(" Confirm the commitment (above) before the customer sends anything.");
    }
    Some(
        Said::new(
            "A load test may need the pipeline to scale up; accommodations take time.",
            action,
        )
        .titled(format!(
            "Load test: alert {} as soon as possible",
            config.pipeline_team
        )),
    )
}
