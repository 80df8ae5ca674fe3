//! The checklist at the end of the request block: each line declared once, ticked by
//! an answer or by a whole section answered, and left unticked while a finding that
//! declares it (`Rule::unticks`) stands: a schedule with a weekend warning is not
//! "agreed". A "not sure" answer never ticks its section's line: it is asked again.

use super::findings::Finding;
use crate::checklist::questions::{section_progress, section_questions, Field, Section};
use crate::checklist::Answers;

/// What ticks a line.
#[derive(Clone, Copy, Debug)]
enum Ticked {
    /// A tick box answered.
    Answer(Field),
    /// Every required question of a section answered.
    Section(Section),
}

/// When a line is in the checklist at all.
#[derive(Clone, Copy, Debug)]
enum Shown {
    /// Always; a section's line while the section asks anything (the load test's only
    /// for a load test, the query's only for an import).
    Always,
    /// While a raised finding asks its question beside it (`Rule::tick`).
    WhileAsked,
}

macro_rules! ticks {
    ($($line:ident: $label:literal, $ticked:expr, $shown:expr;)*) => {
        /// A line of the checklist, in the block's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Tick {
            $($line,)*
        }

        const TICKS: &[(Tick, &str, Ticked, Shown)] = &[$((Tick::$line, $label, $ticked, $shown),)*];
    };
}

ticks! {
    Product: "Product questions answered", Ticked::Answer(Field::ProductQuestionsAnswered), Shown::Always;
    Committed: "Customer committed", Ticked::Answer(Field::Committed), Shown::Always;
    NotValidating: "Not relying on the {noun} to validate the use case", Ticked::Answer(Field::NotValidatingWithImport), Shown::Always;
    Schedule: "Schedule agreed", Ticked::Section(Section::Schedule), Shown::Always;
    Batching: "Batching within capture's limits", Ticked::Section(Section::Batching), Shown::Always;
    IdVariance: "distinct_id variance measured", Ticked::Section(Section::DistinctIds), Shown::Always;
    EventTypes: "Event types listed", Ticked::Section(Section::EventTypes), Shown::Always;
    Apps: "Apps reviewed", Ticked::Section(Section::Apps), Shown::Always;
    Rate: "Peak rate and duration given", Ticked::Section(Section::Rate), Shown::Always;
    Ramp: "Ramp-up agreed", Ticked::Section(Section::Ramp), Shown::Always;
    Told: "Customer told about the out-of-order risk", Ticked::Answer(Field::OutOfOrderTold), Shown::WhileAsked;
    LoadTest: "Load test described", Ticked::Section(Section::LoadTest), Shown::Always;
}

/// Whether a section has an answer "not sure" or "not known yet" among the questions
/// that apply.
fn not_sure_in(section: Section, a: &Answers) -> bool {
    section_questions(section, a).any(|q| q.field.not_sure(a))
}

/// The checklist's lines for these answers and findings: each with its label (naming
/// the request as what it is: the import, the load test) and whether it is ticked.
pub fn ticks(a: &Answers, findings: &[Finding]) -> Vec<(String, bool)> {
    TICKS
        .iter()
        .filter(|(_, _, ticked, shown)| match shown {
            Shown::Always => match ticked {
                Ticked::Section(section) => section_progress(*section, a).required > 0,
                Ticked::Answer(_) => true,
            },
            Shown::WhileAsked => {
                let field = match ticked {
                    Ticked::Answer(f) => Some(*f),
                    Ticked::Section(_) => None,
                };
                findings
                    .iter()
                    .any(|f| f.id.tick().is_some() && f.id.tick() == field)
            }
        })
        .map(|(line, label, ticked, _)| {
            let answered = match ticked {
                Ticked::Answer(field) => field.checked(a),
                Ticked::Section(section) => {
                    section_progress(*section, a).done() && !not_sure_in(*section, a)
                }
            };
            let standing = findings.iter().any(|f| f.id.rule().unticks == Some(*line));
            (label.replace("{noun}", a.noun()), answered && !standing)
        })
        .collect()
}
