//! The request block as the pipeline team reads it, built once per evaluation from the
//! answers, the facts and the findings: a load test's alert, the title, "In short",
//! who asks, the summary table (`rows.rs`), the findings, what to tell the customer,
//! the ramp-up, the busiest distinct_ids, notes and the checklist.

use super::model::{code, line, strong, text, words, Doc, Inline, Line, Part};
use super::rows::{alone, ams, lines_flat, shows, summary, ITEMS_SHOWN, NOT_ANSWERED};
use crate::checklist::questions::answers::{Answers, Kind, Ramp, SCHEMA_VERSION};
use crate::checklist::questions::numbers::{amount, group, minutes, plural};
use crate::checklist::questions::parse::Parsed;
use crate::checklist::questions::{overall_progress, Field, Question, Shows, QUESTIONS};
use crate::checklist::rules::facts::{Facts, TOP_IDS_SHOWN};
use crate::checklist::rules::findings::{tally, Finding, Severity, Tell};
use crate::checklist::rules::table::FindingId;
use crate::checklist::rules::ticks::ticks;
use crate::checklist::schedule::time::{amsterdam_abbreviation, split, Env};
use crate::checklist::settings::Config;
use std::borrow::Cow;

/// What the block is built from.
pub struct From<'a> {
    pub a: &'a Answers,
    pub p: &'a Parsed,
    pub facts: &'a Facts,
    pub findings: &'a [Finding],
    pub config: &'a Config,
    pub env: &'a Env<'a>,
}

/// The whole block. Deterministic: the same inputs give the same document.
pub fn request_block(f: &From) -> Doc {
    // The ticket's findings: the load test's alert is its first line instead.
    let ticket: Vec<Finding> = f
        .findings
        .iter()
        .filter(|x| x.id.in_ticket())
        .cloned()
        .collect();
    let f = &From {
        findings: &ticket,
        ..*f
    };
    let mut parts = Vec::with_capacity(24);
    if let Some(alert) = load_test_alert(f) {
        parts.push(Part::Paragraph(alert));
    }
    parts.push(Part::Heading {
        level: 2,
        line: title(f.a),
        close: false,
    });
    parts.push(Part::Paragraph(in_short(f)));
    parts.push(Part::Paragraph(header(f)));
    parts.push(Part::Table {
        head: vec![Vec::new(), Vec::new()],
        rows: summary(f),
    });
    findings(&mut parts, f.findings);
    tell_customer(&mut parts, f.a, &ticket);
    ramp(&mut parts, f.a, f.facts);
    top_ids(&mut parts, f.a, f.facts);
    notes(&mut parts, f.a);
    section(&mut parts, "Checklist");
    parts.push(Part::Tasks(
        ticks(f.a, f.findings)
            .into_iter()
            .map(|(label, done)| (done, line(label)))
            .collect(),
    ));
    parts.push(Part::Paragraph(vec![Inline::Emphasis(line(format!(
        "Historical import checklist · answers schema {SCHEMA_VERSION}"
    )))]));
    Doc { parts }
}

/// A section's heading, "### Findings", its content on the next line.
fn section(parts: &mut Vec<Part>, title: &'static str) {
    parts.push(Part::Heading {
        level: 3,
        line: line(title),
        close: true,
    });
}

/// "Sat 15 Jun 2030, 15:00 CEST": an instant in Amsterdam time.
fn amsterdam(utc: i64) -> String {
    let (date, time) = split(ams(utc));
    format!("{}, {time} {}", date.long(), amsterdam_abbreviation(utc))
}

/// A load test's alert, the block's first line: the pipeline team reads first that a
/// load test is coming and when, and whether the customer may send yet.
fn load_test_alert(f: &From) -> Option<Line> {
    if !f.a.includes_load_test() {
        return None;
    }
    let when = match f.facts.start_utc {
        Some(start) => format!("to start {}", amsterdam(start)),
        None => "(start not agreed yet)".to_string(),
    };
    let mut out = vec![
        Inline::Strong(vec![
            words("Load test alert for "),
            Inline::Host(f.config.pipeline_team.clone()),
            words(":"),
        ]),
        words(format!(
            " a load test is planned {when}. This request is sent early so that you can prepare."
        )),
    ];
    if f.findings.iter().any(|x| x.id == FindingId::CommitmentGate) {
        out.push(words(
            " The customer's commitment is not confirmed yet: they send nothing until it is.",
        ));
    }
    Some(out)
}

/// An answer as typed, when it shows anything.
fn typed(a: &Answers, field: Field) -> Option<Inline> {
    let t = field.text(a);
    shows(&t, field.max_chars()).then(|| text(t, field.max_chars()))
}

fn title(a: &Answers) -> Line {
    let what = match a.kind {
        Some(Kind::LoadTest) => "URGENT: load test request",
        Some(Kind::Both) => "URGENT: historical import and load test request",
        _ => "Historical import request",
    };
    let mut out = vec![words(format!("{what}: "))];
    out.push(typed(a, Field::Customer).unwrap_or_else(|| words("customer not named")));
    let mut context: Vec<Line> = Vec::new();
    if let Some(r) = a.region {
        context.push(line(r.label()));
    }
    if let Some(project) = typed(a, Field::ProjectId) {
        context.push(vec![words("project "), project]);
    }
    if let Some(org) = typed(a, Field::Organization) {
        context.push(vec![words("organization "), org]);
    }
    if !context.is_empty() {
        out.push(words(" ("));
        out.extend(super::rows::joined(context, ", "));
        out.push(words(")"));
    }
    out
}

/// The block in one line, under its title: what, when (Amsterdam), how much, how
/// fast, the top risk, and "reply by" when the notice is short.
fn in_short(f: &From) -> Line {
    let (a, facts, findings) = (f.a, f.facts, f.findings);
    let what = match a.kind {
        Some(Kind::Import) => "Import",
        Some(Kind::LoadTest) => "Load test",
        Some(Kind::Both) => "Import and load test",
        None => "Request",
    };
    let volume = match facts.total_events {
        Some(t) => format!("of {}", plural(t as usize, "event", "events")),
        None => "(volume not answered)".to_string(),
    };
    let start = match facts.start_utc {
        Some(s) => format!("starts {}", amsterdam(s)),
        None => "start not agreed".to_string(),
    };
    let peak = match facts.peak_per_sec {
        Some(p) => format!("peak {} events/s", amount(p)),
        None => "peak rate not answered".to_string(),
    };
    let top = findings
        .iter()
        .find(|f| f.severity == Severity::Blocking)
        .or_else(|| findings.iter().find(|f| f.severity == Severity::Warning));
    let mut out = vec![
        strong("In short:"),
        words(format!(" {what} {volume} · {start} · {peak} · ")),
    ];
    match top {
        Some(top) => {
            out.push(words("top risk: "));
            out.push(text(top.title.as_str(), super::escape::SHOWN_MAX));
        }
        None => out.push(words("no risk found")),
    }
    let short = findings.iter().any(|f| f.id == FindingId::ShortNotice);
    if let (true, Some(s)) = (short, facts.start_utc) {
        let by = f.config.team().last_working_day_before(split(ams(s)).0);
        out.push(words(" · "));
        out.push(strong(format!("reply by {}", by.long())));
    }
    out
}

/// Who asks and where to reach them, the questions the table shows in the header, and
/// the status.
fn header(f: &From) -> Line {
    let a = f.a;
    let mut out = vec![
        strong("To"),
        words(" "),
        Inline::Host(f.config.pipeline_team.clone()),
        words(" · "),
        strong("Requested by"),
        words(" "),
        typed(a, Field::RequesterName).unwrap_or_else(|| words(NOT_ANSWERED)),
    ];
    let about: Vec<Line> = [Field::RequesterTeam, Field::RequesterHandle]
        .into_iter()
        .filter_map(|field| typed(a, field).map(|t| vec![t]))
        .collect();
    if !about.is_empty() {
        out.push(words(" ("));
        out.extend(super::rows::joined(about, ", "));
        out.push(words(")"));
    }
    // A live link only when it is a plain, short http(s) URL; anything else (a hidden
    // character, a space, over 500 characters) is neutralised text like any answer.
    if let Some(link) = &f.facts.conversation_link {
        out.extend([words(" · "), strong("Conversation"), words(" ")]);
        out.push(Inline::Link(link.clone()));
    } else if !a.conversation_url.trim().is_empty() {
        out.extend([words(" · "), strong("Conversation"), words(" ")]);
        out.push(text(
            a.conversation_url.trim(),
            Field::ConversationUrl.max_chars(),
        ));
    }
    if let Some(link) = &f.facts.project_link {
        out.extend([words(" · "), strong("Project"), words(" ")]);
        out.push(Inline::Link(link.clone()));
    }
    // Questions the table shows as lines of the header, one line each (an optional
    // one only once answered).
    let shown = |q: &&Question| q.field.is_required(a) || q.field.is_answered(a);
    for q in QUESTIONS
        .iter()
        .filter(|q| q.field.applies(a))
        .filter(shown)
    {
        if let Shows::Line(label) = q.shows {
            out.extend([Inline::Break, strong(label), words(" ")]);
            out.extend(alone(q, f));
        }
    }
    let progress = overall_progress(a);
    let not_sure = QUESTIONS.iter().filter(|q| q.field.not_sure(a)).count();
    let not_sure = match not_sure {
        0 => String::new(),
        n => format!(" ({n} not sure yet)"),
    };
    out.extend([
        Inline::Break,
        strong("Status:"),
        words(format!(
            " {} · {} of {} answers{not_sure}",
            tally(f.findings).summary(),
            progress.answered,
            progress.required
        )),
    ]);
    out
}

fn findings(parts: &mut Vec<Part>, findings: &[Finding]) {
    section(parts, "Findings");
    if findings.is_empty() {
        parts.push(Part::Paragraph(line(
            "None: nothing in the answers needs attention.",
        )));
        return;
    }
    let max = super::escape::SHOWN_MAX;
    let items = findings
        .iter()
        .map(|f| {
            let mut item = vec![
                Inline::Strong(vec![
                    words(format!("{}: ", f.severity.label())),
                    text(f.title.as_str(), max),
                    words("."),
                ]),
                words(" "),
                text(f.why.as_str(), max),
            ];
            if let Some(team) = &f.team {
                item.extend([words(" "), strong("Do:"), words(" ")]);
                item.push(text(team.as_str(), max));
            }
            item
        })
        .collect();
    parts.push(Part::List(items));
}

/// What the customer is still to hear: asked to change or told, each once (what they
/// were told already is left out).
fn tell_customer(parts: &mut Vec<Part>, a: &Answers, findings: &[Finding]) {
    let mut seen: Vec<&str> = Vec::new();
    for f in findings {
        if let Some(t) = f.tell_now(a).map(Tell::text) {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    section(parts, "Tell the customer");
    let max = super::escape::SHOWN_MAX;
    parts.push(Part::List(
        seen.into_iter().map(|t| vec![text(t, max)]).collect(),
    ));
}

/// "And 12 more distinct_ids, not listed here." after a table cut at `shown` rows.
fn not_listed(parts: &mut Vec<Part>, len: usize, shown: usize, noun: &str) {
    if len > shown {
        let more = plural(
            len - shown,
            &format!("more {noun}"),
            &format!("more {noun}s"),
        );
        parts.push(Part::Paragraph(line(format!(
            "And {more}, not listed here."
        ))));
    }
}

/// A note of several lines as one paragraph, "Note: …", when it shows anything.
fn typed_lines(typed: &str, field: Field) -> Option<Inline> {
    let joined = lines_flat(typed);
    shows(&joined, field.max_chars()).then(|| text(joined, field.max_chars()))
}

fn ramp(parts: &mut Vec<Part>, a: &Answers, facts: &Facts) {
    section(parts, "Ramp-up");
    let shape = match a.ramp {
        Some(Ramp::Linear) => "Linear to the peak",
        Some(Ramp::AllAtOnce) => "None: everything at once",
        Some(Ramp::Steps) => "In steps",
        None => "Not answered",
    };
    match (a.ramp, facts.ramp.last(), facts.ramp_to_peak_min) {
        // A straight line needs no table.
        (Some(Ramp::Linear), Some(peak), Some(t)) => parts.push(Part::Paragraph(line(format!(
            "{shape}: from 0 to {} events/s over {}.",
            amount(peak.per_sec),
            minutes(t)
        )))),
        _ if !facts.ramp.is_empty() => {
            parts.push(Part::Paragraph(line(format!("{shape}."))));
            let rows = facts.ramp.iter().take(ITEMS_SHOWN).map(|p| {
                vec![
                    line(minutes(p.after_min)),
                    line(format!("{} events/s", amount(p.per_sec))),
                ]
            });
            parts.push(Part::Table {
                head: vec![line("after"), line("rate")],
                rows: rows.collect(),
            });
            not_listed(parts, facts.ramp.len(), ITEMS_SHOWN, "step");
        }
        _ => parts.push(Part::Paragraph(line(format!("{shape}.")))),
    }
    if let Some(note) = typed_lines(&a.ramp_note, Field::RampNote) {
        parts.push(Part::Paragraph(vec![words("Note: "), note]));
    }
}

fn top_ids(parts: &mut Vec<Part>, a: &Answers, facts: &Facts) {
    // Not asked of a load test (its script's distinct_ids are), or not known.
    if !Field::TopIds.applies(a) || a.ids_unknown {
        return;
    }
    section(parts, "Top distinct_ids (from the customer's query)");
    if facts.top_ids.is_empty() {
        parts.push(Part::Paragraph(line("Not given.")));
        return;
    }
    let rows = facts.top_ids.iter().take(TOP_IDS_SHOWN).map(|(id, n)| {
        let events: Cow<'static, str> = match n {
            Some(n) => group(*n).into(),
            None => "?".into(),
        };
        vec![vec![code(id.as_str())], vec![words(events)]]
    });
    parts.push(Part::Table {
        head: vec![line("distinct_id"), line("events")],
        rows: rows.collect(),
    });
    not_listed(parts, facts.top_ids.len(), TOP_IDS_SHOWN, "distinct_id");
}

fn notes(parts: &mut Vec<Part>, a: &Answers) {
    let items = [
        ("Commitment:", &a.commitment_note, Field::CommitmentNote),
        ("Anything else:", &a.anything_else, Field::AnythingElse),
    ];
    let lines: Vec<Line> = items
        .iter()
        .filter_map(|(label, typed, field)| {
            let note = typed_lines(typed, *field)?;
            Some(vec![strong(*label), words(" "), note])
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    section(parts, "Notes");
    parts.push(Part::List(lines));
}
