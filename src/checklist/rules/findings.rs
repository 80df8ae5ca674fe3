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

/// What the customer hears of a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tell {
    /// Something we need them to change (ramp up, move off a weekend), asked as a
    /// request.
    Change(String),
    /// Something the page says they must know (the out-of-order risk).
    Know(String),
}

impl Tell {
    pub fn text(&self) -> &str {
        match self {
            Tell::Change(t) | Tell::Know(t) => t,
        }
    }
}

impl Finding {
    /// What the customer hears of it, unless they were told already (the tick asked
    /// beside it, such as "the customer was told about the out-of-order risk").
    pub fn tell_now(&self, a: &Answers) -> Option<&Tell> {
        let told = self.id.rule().told_by.is_some_and(|f| f.checked(a));
        self.tell.as_ref().filter(|_| !told)
    }
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
    /// Whether the ticket lists it (a load test's alert is the ticket's first line
    /// instead, and the reader's own next steps are the widget's).
    pub in_ticket: bool,
    /// The checklist line it leaves unticked while it stands.
    pub unticks: Option<Tick>,
    /// The question answered beside this finding (and only there).
    pub tick: Option<Field>,
    /// The tick that says the customer was told what this finding tells them.
    pub told_by: Option<Field>,
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
    /// What the reader does.
    pub action: String,
    /// What the pipeline team does, in the ticket.
    pub team: Option<String>,
    /// What the customer hears.
    pub tell: Option<Tell>,
}

impl Said {
    pub fn new(why: impl Into<String>, action: impl Into<String>) -> Said {
        Said {
            title: None,
            why: why.into(),
            action: action.into(),
            team: None,
            tell: None,
        }
    }

    pub fn titled(mut self, title: impl Into<String>) -> Said {
        self.title = Some(title.into());
        self
    }

    /// What the pipeline team does ("Do:" in the ticket).
    pub fn team(mut self, team: impl Into<String>) -> Said {
        self.team = Some(team.into());
        self
    }

    /// A change we ask the customer for.
    pub fn ask(mut self, change: impl Into<String>) -> Said {
        self.tell = Some(Tell::Change(change.into()));
        self
    }

    /// What the customer must know.
    pub fn inform(mut self, know: impl Into<String>) -> Said {
        self.tell = Some(Tell::Know(know.into()));
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
    /// What the reader does (the widget shows it).
    pub action: String,
    /// What the pipeline team does: the ticket's "Do:".
    pub team: Option<String>,
    /// What the customer is asked to change or must know.
    pub tell: Option<Tell>,
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

    /// Whether the ticket lists this finding.
    pub fn in_ticket(self) -> bool {
        self.rule().in_ticket
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
                team: said.team,
                tell: said.tell,
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
