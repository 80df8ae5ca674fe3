//! What a rule raises, and how the rules run: [`Finding`] (severity, title, why, what
//! to do, what to tell the customer), the [`Rule`] each finding is declared by in
//! `table.rs`, what a rule's judgement sees ([`Seen`]) and says ([`Said`]), and the
//! report's order.

use super::facts::Facts;
use super::table::{FindingId, RULES};
use super::ticks::Tick;
use crate::checklist::questions::numbers::plural;
use crate::checklist::questions::parse::Parsed;
use crate::checklist::questions::Field;
use crate::checklist::schedule::time::Env;
use crate::checklist::{Answers, Config};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Blocking,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocking => "Blocking",
            Severity::Warning => "Warning",
            Severity::Info => "Note",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Severity::Blocking => "blocking",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a rule rests on. `docs/domain.md` lists every rule with its basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A sentence of the handbook page, quoted.
    Page(&'static str),
    /// A fact of PostHog's public docs or code (capture's limits, the historical flag).
    Docs(&'static str),
    /// A setting the handbook's maintainers tune: its `data-*` attribute (our default).
    Setting(&'static str),
}

/// Who acts on a rule's action: the pipeline team reads it in the ticket as "Do:", or
/// it is the reader's own next step (send this request now, or hold it), shown in the
/// widget only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Team,
    Reader,
}

/// A rule, declared once in `table.rs`.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: FindingId,
    /// A stable code: the widget's `data-finding` hook.
    pub code: &'static str,
    pub severity: Severity,
    pub basis: &'static [Basis],
    /// The finding's title, unless its judgement gives one for the case.
    pub title: &'static str,
    /// Who acts on its action.
    pub actor: Actor,
    /// The checklist line it leaves unticked while it stands.
    pub unticks: Option<Tick>,
    /// The question answered beside this finding (and only there).
    pub tick: Option<Field>,
    /// Whether the rule raises a finding for these answers, and what it says.
    pub judge: fn(&Seen) -> Option<Said>,
}

/// What a rule's judgement sees: the answers (choices and ticks), every answer read,
/// the facts derived from them, the settings and the outside world.
pub struct Seen<'a> {
    pub a: &'a Answers,
    pub p: &'a Parsed,
    pub facts: &'a Facts,
    pub config: &'a Config,
    pub env: &'a Env<'a>,
}

/// What a judgement says when its rule is raised.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Said {
    /// Replaces the rule's title for this case ("Starts on a day off").
    pub title: Option<String>,
    /// Why it matters, with the numbers that triggered it.
    pub why: String,
    /// What to do.
    pub action: String,
    /// What to tell the customer, in words they understand.
    pub tell: Option<String>,
}

impl Said {
    pub fn new(why: impl Into<String>, action: impl Into<String>) -> Said {
        Said {
            title: None,
            why: why.into(),
            action: action.into(),
            tell: None,
        }
    }

    pub fn titled(mut self, title: impl Into<String>) -> Said {
        self.title = Some(title.into());
        self
    }

    pub fn tell(mut self, tell: impl Into<String>) -> Said {
        self.tell = Some(tell.into());
        self
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    pub title: String,
    /// Why it matters, with the numbers that triggered it.
    pub why: String,
    /// What the reader (or the pipeline team) should do.
    pub action: String,
    /// What to tell the customer, in words they understand.
    pub tell_customer: Option<String>,
}

impl FindingId {
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// "hot-distinct-ids".
    pub fn code(self) -> &'static str {
        self.rule().code
    }

    pub fn severity(self) -> Severity {
        self.rule().severity
    }

    /// Every finding in the order the report lists them: by severity, then as declared.
    pub fn in_report_order() -> Vec<FindingId> {
        let mut ids = FindingId::ALL.to_vec();
        crate::checklist::sort_stable(&mut ids, |id| id.severity() as u64);
        ids
    }

    /// The tick box answered beside this finding (and only there).
    pub fn tick(self) -> Option<Field> {
        self.rule().tick
    }

    /// Whether a question is a finding's tick, shown beside it instead of in its section.
    pub fn is_a_tick(field: Field) -> bool {
        RULES.iter().any(|r| r.tick == Some(field))
    }

    /// Whether the action is the reader's own next step (send this request now, or
    /// hold it): the widget shows it, the ticket for the pipeline team leaves it out.
    pub fn action_is_the_readers(self) -> bool {
        self.rule().actor == Actor::Reader
    }
}

/// Every finding for these answers, blocking first, then warnings, then notes (as
/// `table.rs` declares them within a severity): the order the panel keeps.
pub fn findings(seen: &Seen) -> Vec<Finding> {
    let mut out: Vec<Finding> = RULES
        .iter()
        .filter_map(|rule| {
            let said = (rule.judge)(seen)?;
            Some(Finding {
                id: rule.id,
                severity: rule.severity,
                title: said.title.unwrap_or_else(|| rule.title.to_string()),
                why: said.why,
                action: said.action,
                tell_customer: said.tell,
            })
        })
        .collect();
    crate::checklist::sort_stable(&mut out, |f| (f.severity as u64) << 8 | f.id as u64);
    out
}

/// Counts per severity, for the status line and the copy button.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub blocking: usize,
    pub warnings: usize,
    pub notes: usize,
}

pub fn tally(findings: &[Finding]) -> Tally {
    let mut t = Tally::default();
    for f in findings {
        match f.severity {
            Severity::Blocking => t.blocking += 1,
            Severity::Warning => t.warnings += 1,
            Severity::Info => t.notes += 1,
        }
    }
    t
}

impl Tally {
    /// "0 blocking · 3 warnings · 1 note".
    pub fn summary(self) -> String {
        format!(
            "{} blocking · {} · {}",
            self.blocking,
            plural(self.warnings, "warning", "warnings"),
            plural(self.notes, "note", "notes")
        )
    }
}

/// "an import", "a load test", "an import and load test".
pub(super) fn a_noun(a: &Answers) -> String {
    let noun = a.noun();
    let article = if noun.starts_with('i') { "an" } else { "a" };
    format!("{article} {noun}")
}
