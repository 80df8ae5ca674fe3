//! The summary table's rows: what, when, how much, how fast, how it is batched, the
//! busiest distinct_id, event types, apps and the load test, each read from typed
//! values (facts and choices), never from the text typed.

use super::build::From;
use super::model::{code, text, words, Inline, Line};
use crate::checklist::questions::answers::{Answers, Kind, Ramp, Transport, Tri};
use crate::checklist::questions::measured::Measured;
use crate::checklist::questions::numbers::{amount, bytes, group, minutes, plural, tenths_fixed};
use crate::checklist::questions::{Field, Input, Question, Row, Shows, QUESTIONS};
use crate::checklist::rules::facts::Facts;
use crate::checklist::rules::findings::Finding;
use crate::checklist::rules::table::FindingId;
use crate::checklist::schedule::time::{
    amsterdam_abbreviation, amsterdam_offset_minutes, split, utc_to_local, Date, Env, SECS_PER_MIN,
};

pub const NOT_ANSWERED: &str = "not answered";
/// Apps, event names and ramp steps the block lists; the rest are counted.
pub const ITEMS_SHOWN: usize = 20;

/// An answer as typed (shown up to its question's limit), or "not answered".
pub fn answer_or_missing(a: &Answers, field: Field) -> Inline {
    let typed = field.text(a);
    if shows(&typed, field.max_chars()) {
        text(typed, field.max_chars())
    } else {
        words(NOT_ANSWERED)
    }
}

/// Whether typed text shows anything once neutralised and clipped (blank text, or
/// text of control characters only, shows nothing).
pub fn shows(typed: &str, max: usize) -> bool {
    let format = crate::checklist::settings::format::Format::GitHub;
    !super::escape::text(typed, max, format).is_empty()
}

/// Several lines of typed text as one line, separated by " / ".
pub fn lines_flat(typed: &str) -> String {
    typed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The Amsterdam wall-clock time of an instant.
pub fn ams(utc: i64) -> i64 {
    utc + i64::from(amsterdam_offset_minutes(utc)) * SECS_PER_MIN
}

/// The summary table: a row per [`Row`] that one of its questions applies to. A row
/// reads the answers declared `Shows::With` it together (its reading below), then adds
/// each answer declared `Shows::Alone` in it, read by its input kind ([`alone`]).
pub fn summary(f: &From) -> Vec<Vec<Line>> {
    let mut out = Vec::new();
    for &row in Row::ALL {
        let questions: Vec<&Question> = QUESTIONS
            .iter()
            .filter(|q| matches!(q.shows, Shows::With(r) | Shows::Alone(r) if r == row))
            .filter(|q| q.field.applies(f.a))
            .collect();
        if questions.is_empty() {
            continue;
        }
        let mut value = together(row, f);
        for q in questions.iter().filter(|q| q.shows == Shows::Alone(row)) {
            if !value.is_empty() {
                value.push(words("; "));
            }
            value.extend(alone(q, f));
        }
        out.push(vec![vec![words(row.label())], value]);
    }
    out
}

/// A row's own reading of the answers it reads together.
fn together(row: Row, f: &From) -> Line {
    let (a, facts) = (f.a, f.facts);
    match row {
        Row::Kind => vec![words(match a.kind {
            Some(Kind::Import) => "Historical import (not a load test)",
            Some(k) => k.label(),
            None => NOT_ANSWERED,
        })],
        Row::Source => Vec::new(),
        Row::When => when(a, facts, f.env),
        Row::Volume => volume(a, facts),
        Row::PeakRate => rate(a, facts),
        Row::Batching => batching(a, facts),
        Row::Hottest => hottest(a, facts, f.findings),
        Row::EventTypes => event_types(a),
        Row::Apps => apps(a),
        Row::LoadTest => load_test(a, facts),
    }
}

/// An answer read alone, by its input kind: a count with its unit ("20
/// distinct_ids"), a choice's label, a tick as yes or no, text as typed (several lines
/// as one); "<unit> not answered" or "not answered" when there is none.
pub fn alone(q: &Question, f: &From) -> Line {
    let field = q.field;
    let missing = || vec![words(NOT_ANSWERED)];
    match q.input {
        Input::Count { unit, .. } => match f.p.count(field) {
            Some(n) => vec![words(plural(
                n as usize,
                unit.strip_suffix('s').unwrap_or(unit),
                unit,
            ))],
            None if shows(&field.text(f.a), field.max_chars()) => {
                vec![answer_or_missing(f.a, field)]
            }
            None => vec![words(format!("{unit} not answered"))],
        },
        Input::Choice(options) => {
            let code = field.text(f.a);
            match options.iter().find(|(c, _)| *c == code) {
                Some((_, label)) => vec![words(label.to_ascii_lowercase())],
                None => missing(),
            }
        }
        Input::Check => vec![words(if field.checked(f.a) { "yes" } else { "no" })],
        Input::Sample => match &f.p.sample {
            Some(m) => vec![words(measured(m))],
            None => missing(),
        },
        Input::LongText => {
            let joined = lines_flat(&field.text(f.a));
            if shows(&joined, field.max_chars()) {
                vec![text(joined, field.max_chars())]
            } else {
                missing()
            }
        }
        _ => vec![answer_or_missing(f.a, field)],
    }
}

/// One clock's view of the run: "Mon 7 Dec 2026, 00:30–02:30 CET", or across days
/// "Mon 7 Dec 2026, 16:00 CET → Tue 8 Dec 2026, 10:00 CET". A date equal to `same_as`
/// (the Amsterdam start date) is not repeated.
fn span(
    from: (Date, String),
    to: Option<(Date, String)>,
    label: &dyn Fn(bool) -> Inline,
    same_as: Option<Date>,
) -> Line {
    let day = |d: Date| {
        if Some(d) == same_as {
            String::new()
        } else {
            format!("{}, ", d.long())
        }
    };
    match to {
        Some((end_date, end)) if end_date == from.0 => {
            let (l0, l1) = (label(false), label(true));
            if l0 == l1 {
                vec![words(format!("{}{}–{end} ", day(from.0), from.1)), l0]
            } else {
                let start = words(format!("{}{} ", day(from.0), from.1));
                vec![start, l0, words(format!("–{end} ")), l1]
            }
        }
        Some((end_date, end)) => vec![
            words(format!("{}{} ", day(from.0), from.1)),
            label(false),
            words(format!(" → {}, {end} ", end_date.long())),
            label(true),
        ],
        None => vec![words(format!("{}{} ", day(from.0), from.1)), label(false)],
    }
}

fn clock(t: i64) -> (Date, String) {
    let (d, time) = split(t);
    (d, time.to_string())
}

/// "Mon 7 Dec 2026, 00:30–02:30 CET (Sun 6 Dec 2026, 23:30–01:30 UTC; customer Sun 6 Dec
/// 2026, 18:30–20:30 America/Chicago)": the pipeline team's date and time first, then
/// UTC and the customer's.
fn when(a: &Answers, facts: &Facts, env: &Env) -> Line {
    let zone = facts.zone.as_deref().unwrap_or("");
    let flex = a
        .flexibility
        .map(|f| format!(" · {}", f.label().to_ascii_lowercase()))
        .unwrap_or_default();
    let Some(start) = facts.start_utc else {
        if a.start_date.trim().is_empty() && a.start_time.trim().is_empty() {
            return vec![words(format!("{NOT_ANSWERED}{flex}"))];
        }
        // Partly answered: show what was typed, plainly.
        return vec![
            answer_or_missing(a, Field::StartDate),
            words(" "),
            answer_or_missing(a, Field::StartTime),
            words(" in "),
            answer_or_missing(a, Field::TimeZone),
            words(format!(" (incomplete){flex}")),
        ];
    };
    let end = facts.end_utc;
    let abbr = |is_end: bool| {
        let at = if is_end { end.unwrap_or(start) } else { start };
        words(amsterdam_abbreviation(at))
    };
    let ams_date = split(ams(start)).0;
    let mut out = span(clock(ams(start)), end.map(|e| clock(ams(e))), &abbr, None);
    out.push(words(" ("));
    out.extend(span(
        clock(start),
        end.map(clock),
        &|_| words("UTC"),
        Some(ams_date),
    ));
    let local = |t: i64| utc_to_local(env.zones, zone, t).map(|(d, time)| (d, time.to_string()));
    if let Some(ls) = local(start) {
        out.push(words("; customer "));
        let label = |_| text(zone, Field::TimeZone.max_chars());
        out.extend(span(ls, end.and_then(local), &label, Some(ams_date)));
    }
    out.push(words(")"));
    if end.is_none() {
        out.push(words("; duration not answered"));
    }
    out.push(words(flex));
    if let Some(d) = facts.test_run {
        out.push(words(format!(" · small test run {}", d.long())));
    }
    out
}

fn volume(a: &Answers, facts: &Facts) -> Line {
    let mut out = match facts.total_events {
        Some(t) => vec![words(format!("{} events", group(t)))],
        None => vec![answer_or_missing(a, Field::TotalEvents)],
    };
    if a.includes_import() {
        if let (Some(o), Some(n)) = (facts.oldest, facts.newest) {
            out.push(words(format!(", {} → {}", o.short(), n.short())));
        }
    }
    out
}

fn rate(a: &Answers, facts: &Facts) -> Line {
    let mut out = match facts.peak_per_sec {
        Some(p) => vec![words(format!("{} events/s", amount(p)))],
        None => vec![answer_or_missing(a, Field::PeakRate)],
    };
    let mut more = String::new();
    if let Some(r) = facts.requests_per_sec.filter(|_| a.uses_batch()) {
        let n = amount(r);
        let unit = if n == "1" { "request/s" } else { "requests/s" };
        more.push_str(&format!(" ({n} {unit})"));
    }
    if let Some(t) = facts.ramp_to_peak_min.filter(|t| *t > 0.0) {
        more.push_str(&format!(", reached after {}", minutes(t)));
    } else if a.ramp == Some(Ramp::AllAtOnce) {
        more.push_str(", from the start (no ramp-up)");
    }
    match facts.duration_min {
        Some(d) => more.push_str(&format!("; {} in total", minutes(d))),
        None => more.push_str("; duration not answered"),
    }
    if Field::SenderConcurrency.applies(a) {
        match facts.sender_concurrency {
            Some(n) => more.push_str(&format!(
                "; {}",
                plural(n as usize, "sender", "concurrent senders")
            )),
            None => more.push_str("; concurrent senders not answered"),
        }
    }
    out.push(words(more));
    out.extend(match a.backs_off {
        Some(Tri::Yes) => vec![words("; backs off and retries on 429/5xx")],
        Some(Tri::No) => vec![
            words("; does "),
            Inline::Strong(vec![words("not")]),
            words(" back off on 429/5xx"),
        ],
        Some(Tri::NotSure) => vec![words("; back-off on 429/5xx not sure")],
        None => vec![words("; back-off on 429/5xx not answered")],
    });
    out
}

fn batching(a: &Answers, facts: &Facts) -> Line {
    let largest = facts
        .max_event_bytes
        .map(|b| format!(" (largest {})", bytes(b)))
        .unwrap_or_default();
    let size = facts
        .avg_event_bytes
        .map(|b| format!("~{} per event{largest}", bytes(b)));
    let mut out: Line = Vec::new();
    match a.transport {
        Some(Transport::Batch) => {
            out.push(code("/batch"));
            out.push(words(match facts.events_per_request {
                Some(n) => format!(", {} per request", plural(n as usize, "event", "events")),
                None => ", events per request not answered".to_string(),
            }));
            if let Some(size) = size {
                out.push(words(match facts.request_bytes {
                    Some(r) => format!(", {size} → ~{} per request", bytes(r)),
                    None => format!(", {size}"),
                }));
            }
        }
        Some(Transport::Single) => {
            out.push(words("single-event requests"));
            if let Some(size) = size {
                out.push(words(format!(", {size}")));
            }
        }
        None => out.push(words(NOT_ANSWERED)),
    }
    if a.includes_import() {
        out.push(words("; "));
        out.extend(match a.historical_migration {
            Some(Tri::Yes) => vec![code("historical_migration: true")],
            Some(Tri::No) => vec![words("no "), code("historical_migration")],
            Some(Tri::NotSure) => vec![code("historical_migration"), words(" not sure")],
            None => vec![code("historical_migration"), words(" not answered")],
        });
    }
    out
}

fn hottest(a: &Answers, facts: &Facts, findings: &[Finding]) -> Line {
    let mut parts: Vec<Line> = Vec::new();
    if a.includes_import() {
        parts.push(import_hottest(a, facts));
    }
    if a.includes_load_test() {
        parts.push(load_hottest(facts, a.kind == Some(Kind::Both)));
    }
    let mut out = joined(parts, "; ");
    let hot = [FindingId::HotDistinctIds, FindingId::MergesWithHotIds];
    if findings.iter().any(|f| hot.contains(&f.id)) {
        out.extend(if a.out_of_order_told {
            vec![words(
                " · the customer was told about the out-of-order risk",
            )]
        } else {
            vec![
                words(" · the customer was "),
                Inline::Strong(vec![words("not yet told")]),
                words(" about the out-of-order risk"),
            ]
        });
    }
    out
}

/// The import's busiest distinct_id, from the customer's query.
fn import_hottest(a: &Answers, facts: &Facts) -> Line {
    let lead = if a.kind == Some(Kind::Both) {
        "import: "
    } else {
        ""
    };
    if a.ids_unknown {
        return vec![words(format!(
            "{lead}not known yet (the customer will send the query's result)"
        ))];
    }
    let Some(max) = facts.max_per_id else {
        return vec![words(lead), answer_or_missing(a, Field::MaxEventsPerId)];
    };
    let mut out = vec![words(format!("{lead}{} events", group(max)))];
    if let Some(share) = facts.hottest_share_percent() {
        out.push(words(format!(" ({} % of all)", tenths_fixed(share))));
    }
    if let Some((id, _)) = facts.top_ids.first().filter(|(_, n)| *n == Some(max)) {
        out.push(words(": "));
        out.push(code(id.as_str()));
    }
    out
}

/// The load test's busiest distinct_id: its share of the test's events, or the events
/// spread over the script's ids.
fn load_hottest(facts: &Facts, both: bool) -> Line {
    let lead = if both { "load test: " } else { "" };
    let Some(max) = facts.load_max_per_id else {
        return vec![words(format!("{lead}not answered"))];
    };
    let how = match (facts.load_busiest_share, facts.load_ids) {
        (None, Some(n)) => format!(
            "each of {}",
            plural(n as usize, "distinct_id", "distinct_ids")
        ),
        _ => "the busiest".to_string(),
    };
    vec![words(format!("{lead}about {} events on {how}", group(max)))]
}

/// Whether an identifier shows anything (a blank one, or one of line breaks only,
/// would leave an empty code span).
fn shows_id(id: &str) -> bool {
    id.chars().any(|c| !c.is_whitespace() && !c.is_control())
}

fn event_types(a: &Answers) -> Line {
    let mut parts: Vec<Line> = a
        .merge_sensitive_chosen()
        .into_iter()
        .map(|e| vec![code(e)])
        .collect();
    let custom: Vec<&str> = a.custom_event_names().filter(|e| shows_id(e)).collect();
    parts.extend(custom.iter().take(ITEMS_SHOWN).map(|e| vec![code(*e)]));
    if custom.len() > ITEMS_SHOWN {
        parts.push(vec![words(format!("{} more", custom.len() - ITEMS_SHOWN))]);
    }
    if a.custom_events {
        parts.push(vec![words("custom events")]);
    }
    if a.events_not_sure {
        parts.push(vec![words("not sure yet")]);
    }
    if parts.is_empty() {
        return vec![words(NOT_ANSWERED)];
    }
    joined(parts, ", ")
}

/// Pieces joined by a separator of our words.
pub fn joined(parts: Vec<Line>, sep: &'static str) -> Line {
    let mut out = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(words(sep));
        }
        out.extend(part);
    }
    out
}

fn apps(a: &Answers) -> Line {
    let Some(state) = a.apps else {
        return vec![words(NOT_ANSWERED)];
    };
    let named: Vec<_> = a
        .app_list
        .iter()
        .filter(|x| !x.name.trim().is_empty())
        .collect();
    let mut listed: Vec<Line> = named
        .iter()
        .take(ITEMS_SHOWN)
        .map(|x| {
            vec![
                text(x.name.as_str(), super::escape::CODE_MAX),
                words(format!(" ({})", x.kind.label().to_ascii_lowercase())),
            ]
        })
        .collect();
    if named.len() > ITEMS_SHOWN {
        listed.push(vec![words(format!("{} more", named.len() - ITEMS_SHOWN))]);
    }
    if state == Tri::No || listed.is_empty() {
        return vec![words(state.label())];
    }
    let mut out = vec![words(format!("{}: ", state.label()))];
    out.extend(joined(listed, ", "));
    out
}

fn load_test(a: &Answers, facts: &Facts) -> Line {
    let goal = lines_flat(&a.load_goal);
    let mut out = vec![words("goal: ")];
    if shows(&goal, Field::LoadGoal.max_chars()) {
        out.push(text(goal, Field::LoadGoal.max_chars()));
    } else {
        out.push(words(NOT_ANSWERED));
    }
    let requests = a
        .load_transport
        .map(|t| t.label().to_ascii_lowercase())
        .unwrap_or_else(|| "request type not answered".to_string());
    out.push(words(format!("; {requests}; ")));
    match facts.load_concurrency {
        Some(n) => out.push(words(format!("{} concurrent clients", group(n)))),
        None => {
            out.push(words("concurrency "));
            out.push(answer_or_missing(a, Field::LoadConcurrency));
        }
    }
    out.push(words("; "));
    match facts.load_ids {
        Some(n) => out.push(words(plural(n as usize, "distinct_id", "distinct_ids"))),
        None => out.push(answer_or_missing(a, Field::LoadDistinctIds)),
    }
    if a.kind == Some(Kind::Both) {
        out.push(words("; peak rate and duration as the import's"));
    }
    out
}

/// "from a sample of 500 events: events per request, event sizes, event names".
fn measured(m: &Measured) -> String {
    let used: Vec<&str> = m
        .filled
        .iter()
        .map(|f| match f {
            Field::Transport => "how requests are sent",
            Field::EventsPerRequest => "events per request",
            Field::AvgEventBytes => "the average event size",
            Field::MaxEventBytes => "the largest event size",
            Field::HistoricalMigration => "historical_migration",
            Field::EventTypes => "event names",
            _ => "other answers",
        })
        .collect();
    let sample = format!(
        "a sample of {}",
        plural(m.events as usize, "event", "events")
    );
    if used.is_empty() {
        format!("nothing yet ({sample} was read)")
    } else {
        format!("{} (from {sample})", used.join(", "))
    }
}
