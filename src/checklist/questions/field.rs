//! A question's answer through the table: whether it applies and is required, whether
//! it is answered, its text for a control; and progress over the sections.

use super::answers::Tri;
use super::numbers::group;
use super::sections::Section;
use super::table::{Answers, Field, Input, Question, Required, QUESTIONS};

impl Section {
    /// Whether the section applies to these answers (load testing only for load tests).
    pub fn applies(self, a: &Answers) -> bool {
        match self {
            Section::LoadTest => a.includes_load_test(),
            _ => true,
        }
    }
}

impl Field {
    pub fn question(self) -> &'static Question {
        &QUESTIONS[self as usize]
    }

    /// A stable id for DOM ids and test hooks: "start-date".
    pub fn id(self) -> String {
        self.key().replace('_', "-")
    }

    /// Whether the question applies to these answers (its section too).
    pub fn applies(self, a: &Answers) -> bool {
        let q = self.question();
        q.section.applies(a) && (q.applies)(a)
    }

    /// Whether an answer is required here.
    pub fn is_required(self, a: &Answers) -> bool {
        let required = match self.question().required {
            Required::Always => true,
            Required::Never => false,
            Required::When(when) => when(a),
        };
        required && self.applies(a)
    }

    /// Whether the reader has given an answer (for progress and "required").
    pub fn is_answered(self, a: &Answers) -> bool {
        match self.question().answered {
            Some(answered) => answered(a),
            None => self.stored(a).is_answered(),
        }
    }

    /// Answered, but "not sure" (a choice) or "not known yet" (the busiest ids' count,
    /// the event types): the customer is the one to say. Never ticks a checklist line.
    pub fn not_sure(self, a: &Answers) -> bool {
        match self {
            // Hidden while "not known yet" is ticked: the count is what is not known.
            Field::MaxEventsPerId => a.includes_import() && a.ids_unknown,
            Field::EventTypes => self.applies(a) && a.events_not_sure,
            _ => {
                self.applies(a)
                    && matches!(self.question().input, Input::Choice(_))
                    && self.text(a) == Tri::NotSure.code()
            }
        }
    }

    /// The answer as a text control shows it (a choice's code).
    pub fn text(self, a: &Answers) -> String {
        self.stored(a).text()
    }

    pub fn set_text(self, a: &mut Answers, value: &str) {
        self.stored_mut(a).set_text(value);
    }

    /// How many characters of the answer the request block shows.
    pub fn max_chars(self) -> usize {
        self.question().input.max_chars()
    }

    pub fn checked(self, a: &Answers) -> bool {
        self.stored(a).checked()
    }

    pub fn set_checked(self, a: &mut Answers, on: bool) {
        self.stored_mut(a).set_checked(on);
    }
}

/// The questions of one section that apply to these answers.
pub fn section_questions(
    section: Section,
    a: &Answers,
) -> impl Iterator<Item = &'static Question> + '_ {
    QUESTIONS
        .iter()
        .filter(move |q| q.section == section && q.field.applies(a))
}

/// Answered / required for a section's applicable required questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub required: usize,
}

impl Progress {
    pub fn done(self) -> bool {
        self.answered == self.required
    }

    /// A section's badge: "optional", "2/3 answered", "✓ 3/3 done".
    pub fn badge(self) -> String {
        if self.required == 0 {
            "optional".to_string()
        } else if self.done() {
            format!("✓ {}/{} done", self.answered, self.required)
        } else {
            format!("{}/{} answered", self.answered, self.required)
        }
    }

    /// The widget's progress line: "12 of 27 required answers".
    pub fn line(self) -> String {
        format!("{} of {} required answers", self.answered, self.required)
    }
}

pub fn section_progress(section: Section, a: &Answers) -> Progress {
    let mut p = Progress::default();
    for q in section_questions(section, a).filter(|q| q.field.is_required(a)) {
        p.required += 1;
        if q.field.is_answered(a) {
            p.answered += 1;
        }
    }
    p
}

/// Progress over the whole checklist.
pub fn overall_progress(a: &Answers) -> Progress {
    Section::ALL
        .iter()
        .map(|s| section_progress(*s, a))
        .fold(Progress::default(), |acc, p| Progress {
            answered: acc.answered + p.answered,
            required: acc.required + p.required,
        })
}

impl Input {
    /// How many characters of the answer the request block shows. Free text says so
    /// next to its field; anything longer in a number or a date is not one anyway.
    pub const fn max_chars(&self) -> usize {
        match self {
            Input::Text => 200,
            Input::Url => 500,
            Input::LongText => 2_000,
            _ => 100,
        }
    }

    /// Whether the answer is free text, shown with a character counter.
    pub const fn is_free_text(&self) -> bool {
        matches!(self, Input::Text | Input::LongText | Input::Url)
    }
}

/// The counter under a free-text field ("1,650 / 2,000"): always for long text, from
/// half the limit for a line, never for other inputs. Over the limit, the field's
/// error says what that means.
pub fn counter(input: &Input, text: &str) -> Option<String> {
    if !input.is_free_text() {
        return None;
    }
    let max = input.max_chars();
    let n = text.chars().count();
    let worth = matches!(input, Input::LongText) && n > 0 || n * 2 >= max;
    worth.then(|| format!("{} / {}", group(n as u64), group(max as u64)))
}

/// The message when an answer is longer than the block shows.
pub fn too_long(text: &str, max: usize) -> Option<String> {
    let n = text.chars().count();
    (n > max).then(|| {
        format!(
            "{} characters: the request block shows the first {}, and says how many more there are. Everything you typed is kept here.",
            group(n as u64),
            group(max as u64)
        )
    })
}
