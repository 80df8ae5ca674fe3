//! The Markdown request block the reader copies into a ticket for the pipeline team.
//! GitHub-flavoured (tables, task list), and written to read well as plain text in
//! Slack or Zendesk. Every piece of user text goes through [`crate::checklist::block::escape`].

use std::fmt::Write;

use crate::checklist::block::escape::{code, inline, inline_max, trusted, CODE_MAX};
use crate::checklist::questions::answers::{Answers, Kind, Ramp, Transport, Tri, SCHEMA_VERSION};
use crate::checklist::questions::numbers::{amount, bytes, group, minutes, plural, tenths_fixed};
use crate::checklist::questions::{overall_progress, Field, QUESTIONS};
use crate::checklist::rules::checklist::checklist as checklist_items;
use crate::checklist::rules::facts::{Facts, TOP_IDS_SHOWN};
use crate::checklist::rules::findings::{tally, Finding, Severity};
use crate::checklist::rules::table::FindingId;
use crate::checklist::schedule::time::Env;
use crate::checklist::schedule::time::{
    amsterdam_abbreviation, amsterdam_offset_minutes, split, utc_to_local, Date, SECS_PER_MIN,
};
use crate::checklist::settings::Config;

const NOT_ANSWERED: &str = "not answered";
/// Apps, event names and ramp steps the block lists; the rest are counted.
const ITEMS_SHOWN: usize = 20;
/// GitHub takes issue bodies up to 65,536 characters; the block stays well below.
pub const BLOCK_MAX: usize = 60_000;

/// Renders the whole block. Deterministic: the same inputs give the same text.
pub fn render_markdown(
    a: &Answers,
    facts: &Facts,
    findings: &[Finding],
    config: &Config,
    env: &Env,
) -> String {
    let mut md = String::with_capacity(4_096);
    load_test_alert(&mut md, a, facts, findings, config);
    title(&mut md, a);
    in_short(&mut md, a, facts, findings, config);
    header_lines(&mut md, a, facts, findings, config);
    summary_table(&mut md, a, facts, findings, env);
    findings_section(&mut md, findings);
    tell_customer(&mut md, findings);
    ramp_section(&mut md, a, facts);
    top_ids(&mut md, a, facts);
    notes(&mut md, a);
    checklist(&mut md, a, findings);
    let _ = writeln!(
        md,
        "_Historical import checklist · answers schema {SCHEMA_VERSION}_"
    );
    within_limit(md)
}

/// Every piece of the block is limited (the conversation link too: a longer one is
/// text, clipped like any answer), so no line is long and this only guards the sum: a
/// block over [`BLOCK_MAX`] UTF-16 units (GitHub's unit) is cut at a line and says so.
fn within_limit(md: String) -> String {
    if md.len() < BLOCK_MAX || md.encode_utf16().count() < BLOCK_MAX {
        return md;
    }
    let mut units = 0;
    let mut cut = 0;
    for (at, c) in md.char_indices() {
        units += c.len_utf16();
        if units > BLOCK_MAX - 200 {
            break;
        }
        if c == '\n' {
            cut = at + 1;
        }
    }
    let (kept, rest) = md.split_at_checked(cut).unwrap_or((&md, ""));
    let mut out = kept.to_string();
    let _ = writeln!(
        out,
        "\n… (the rest of the request, {} more characters, is not shown)",
        group(rest.chars().count() as u64)
    );
    out
}

/// After a table cut at `shown` rows: "And 12 more distinct_ids, not listed here."
fn not_listed(md: &mut String, len: usize, shown: usize, noun: &str) {
    if len > shown {
        let more = plural(
            len - shown,
            &format!("more {noun}"),
            &format!("more {noun}s"),
        );
        let _ = write!(md, "\nAnd {more}, not listed here.\n");
    }
}

/// An answer as one line of text, or "not answered".
fn text_or_missing(a: &Answers, field: Field) -> String {
    let text = field.text(a);
    let t = inline_max(&text, field.max_chars());
    if t.is_empty() {
        NOT_ANSWERED.to_string()
    } else {
        t.into_owned()
    }
}

/// A load test's alert, the block's first line: the pipeline team reads first that a
/// load test is coming and when, and whether the customer may send yet.
fn load_test_alert(
    md: &mut String,
    a: &Answers,
    facts: &Facts,
    findings: &[Finding],
    config: &Config,
) {
    if !a.includes_load_test() {
        return;
    }
    let when = match facts.start_utc {
        Some(start) => format!(
            "to start {}, {} {}",
            split(ams(start)).0.long(),
            split(ams(start)).1,
            amsterdam_abbreviation(start)
        ),
        None => "(start not agreed yet)".to_string(),
    };
    let _ = write!(
        md,
        "**Load test alert for {}:** a load test is planned {when}. This request is sent early so that you can prepare.",
        trusted(&config.pipeline_team)
    );
    if findings.iter().any(|f| f.id == FindingId::CommitmentGate) {
        md.push_str(
            " The customer's commitment is not confirmed yet: they send nothing until it is.",
        );
    }
    md.push_str("\n\n");
}

fn title(md: &mut String, a: &Answers) {
    let what = match a.kind {
        Some(Kind::LoadTest) => "URGENT: load test request",
        Some(Kind::Both) => "URGENT: historical import and load test request",
        _ => "Historical import request",
    };
    let customer = shown(&a.customer, Field::Customer);
    let customer = if customer.is_empty() {
        "customer not named".into()
    } else {
        customer
    };
    let mut context = Vec::new();
    if let Some(r) = a.region {
        context.push(r.label().to_string());
    }
    let project = shown(&a.project_id, Field::ProjectId);
    if !project.is_empty() {
        context.push(format!("project {project}"));
    }
    let org = shown(&a.organization, Field::Organization);
    if !org.is_empty() {
        context.push(format!("organization {org}"));
    }
    let _ = write!(md, "## {what}: {customer}");
    if !context.is_empty() {
        let _ = write!(md, " ({})", context.join(", "));
    }
    md.push_str("\n\n");
}

/// The block in one line, under its title: what, when (Amsterdam), how much, how
/// fast, the top risk, and "reply by" when the notice is short.
fn in_short(md: &mut String, a: &Answers, facts: &Facts, findings: &[Finding], config: &Config) {
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
        Some(s) => {
            let (date, time) = split(ams(s));
            format!(
                "starts {}, {time} {}",
                date.long(),
                amsterdam_abbreviation(s)
            )
        }
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
    let risk = match top {
        Some(f) => format!("top risk: {}", inline(&f.title)),
        None => "no risk found".to_string(),
    };
    let _ = write!(
        md,
        "**In short:** {what} {volume} · {start} · {peak} · {risk}"
    );
    let short = findings.iter().any(|f| f.id == FindingId::ShortNotice);
    if let (true, Some(s)) = (short, facts.start_utc) {
        let _ = write!(
            md,
            " · **reply by {}**",
            config
                .team()
                .last_working_day_before(split(ams(s)).0)
                .long()
        );
    }
    md.push_str("\n\n");
}

fn header_lines(
    md: &mut String,
    a: &Answers,
    facts: &Facts,
    findings: &[Finding],
    config: &Config,
) {
    let who = shown(&a.requester_name, Field::RequesterName);
    let team = shown(&a.requester_team, Field::RequesterTeam);
    let mut requested = if who.is_empty() {
        NOT_ANSWERED.to_string()
    } else {
        who.into_owned()
    };
    let handle = shown(&a.requester_handle, Field::RequesterHandle);
    let about: Vec<&str> = [team.as_ref(), handle.as_ref()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !about.is_empty() {
        let _ = write!(requested, " ({})", about.join(", "));
    }
    let _ = write!(
        md,
        "**To** {} · **Requested by** {requested}",
        trusted(&config.pipeline_team)
    );
    // A live link only when it is a plain, short http(s) URL; anything else (a hidden
    // character, a space, over 500 characters) is neutralised text like any answer.
    let url = a.conversation_url.trim();
    if let Some(link) = &facts.conversation_link {
        let _ = write!(md, " · **Conversation** <{link}>");
    } else if !url.is_empty() {
        let _ = write!(
            md,
            " · **Conversation** {}",
            shown(url, Field::ConversationUrl)
        );
    }
    if let Some(link) = &facts.project_link {
        let _ = write!(md, " · **Project** <{link}>");
    }
    // Questions the table marks for the header, one line each.
    for q in QUESTIONS.iter().filter(|q| q.field.applies(a)) {
        if let Some(label) = q.header {
            let _ = write!(md, "  \n**{label}** {}", text_or_missing(a, q.field));
        }
    }
    let progress = overall_progress(a);
    let _ = write!(
        md,
        "  \n**Status:** {} · {} of {} answers\n\n",
        tally(findings).summary(),
        progress.answered,
        progress.required
    );
}

fn row(md: &mut String, label: &str, value: &str) {
    let _ = writeln!(md, "| {label} | {value} |");
}

fn summary_table(md: &mut String, a: &Answers, facts: &Facts, findings: &[Finding], env: &Env) {
    md.push_str("| | |\n|---|---|\n");
    let kind = match a.kind {
        Some(Kind::Import) => "Historical import (not a load test)".to_string(),
        Some(k) => k.label().to_string(),
        None => NOT_ANSWERED.to_string(),
    };
    row(md, "Kind", &kind);
    row(md, "Source", &text_or_missing(a, Field::DataSource));
    row(md, "When", &when(a, facts, env));
    row(md, "Volume", &volume(a, facts));
    row(md, "Peak rate", &rate(a, facts));
    row(md, "Batching", &batching(a, facts));
    row(md, "Hottest distinct_id", &hottest(a, facts, findings));
    row(md, "Event types", &event_types(a));
    row(md, "Apps", &apps(a));
    if a.includes_load_test() {
        row(md, "Load test", &load_test(a, facts));
    }
    md.push('\n');
}

/// The Amsterdam wall-clock time of an instant.
fn ams(utc: i64) -> i64 {
    utc + i64::from(amsterdam_offset_minutes(utc)) * SECS_PER_MIN
}

/// "Mon 7 Dec 2026, 00:30–02:30 CET (Sun 6 Dec 2026, 23:30–01:30 UTC; customer Sun 6 Dec
/// 2026, 18:30–20:30 America/Chicago)": the pipeline team's date and time first, then
/// UTC and the customer's.
fn when(a: &Answers, facts: &Facts, env: &Env) -> String {
    let zone = facts.zone.as_deref().unwrap_or("");
    let flex = a
        .flexibility
        .map(|f| format!(" · {}", f.label().to_ascii_lowercase()))
        .unwrap_or_default();
    let Some(start) = facts.start_utc else {
        if a.start_date.trim().is_empty() && a.start_time.trim().is_empty() {
            return format!("{NOT_ANSWERED}{flex}");
        }
        // Partly answered: show what was typed, plainly.
        return format!(
            "{} {} in {} (incomplete){flex}",
            text_or_missing(a, Field::StartDate),
            text_or_missing(a, Field::StartTime),
            text_or_missing(a, Field::TimeZone)
        );
    };
    // One clock's view of the run: "Mon 7 Dec 2026, 00:30–02:30 CET", or across days
    // "Mon 7 Dec 2026, 16:00 CET → Tue 8 Dec 2026, 10:00 CET". A date equal to
    // `same_as` (the Amsterdam start date) is not repeated.
    let span = |from: (Date, String),
                to: Option<(Date, String)>,
                label: &dyn Fn(bool) -> String,
                same_as: Option<Date>| {
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
                    format!("{}{}–{end} {l0}", day(from.0), from.1)
                } else {
                    format!("{}{} {l0}–{end} {l1}", day(from.0), from.1)
                }
            }
            Some((end_date, end)) => format!(
                "{}{} {} → {}, {end} {}",
                day(from.0),
                from.1,
                label(false),
                end_date.long(),
                label(true)
            ),
            None => format!("{}{} {}", day(from.0), from.1, label(false)),
        }
    };
    let clock = |t: i64| {
        let (d, time) = split(t);
        (d, time.to_string())
    };
    let end = facts.end_utc;
    let abbr = |is_end: bool| {
        amsterdam_abbreviation(if is_end { end.unwrap_or(start) } else { start }).to_string()
    };
    let ams_date = split(ams(start)).0;
    let mut out = span(clock(ams(start)), end.map(|e| clock(ams(e))), &abbr, None);
    let utc = span(
        clock(start),
        end.map(clock),
        &|_| "UTC".to_string(),
        Some(ams_date),
    );
    let _ = write!(out, " ({utc}");
    let local = |t: i64| utc_to_local(env.zones, zone, t).map(|(d, time)| (d, time.to_string()));
    if let Some(ls) = local(start) {
        let customer = span(
            ls,
            end.and_then(local),
            &|_| shown(zone, Field::TimeZone).into_owned(),
            Some(ams_date),
        );
        let _ = write!(out, "; customer {customer}");
    }
    out.push(')');
    if end.is_none() {
        out.push_str("; duration not answered");
    }
    out.push_str(&flex);
    if let Some(d) = facts.test_run {
        let _ = write!(out, " · small test run {}", d.long());
    }
    out
}

fn volume(a: &Answers, facts: &Facts) -> String {
    let mut out = match facts.total_events {
        Some(t) => format!("{} events", group(t)),
        None => text_or_missing(a, Field::TotalEvents),
    };
    if a.includes_import() {
        if let (Some(o), Some(n)) = (facts.oldest, facts.newest) {
            let _ = write!(out, ", {} → {}", o.short(), n.short());
        }
    }
    out
}

fn rate(a: &Answers, facts: &Facts) -> String {
    let mut out = match facts.peak_per_sec {
        Some(p) => format!("{} events/s", amount(p)),
        None => text_or_missing(a, Field::PeakRate),
    };
    if let Some(t) = facts.ramp_to_peak_min.filter(|t| *t > 0.0) {
        let _ = write!(out, ", reached after {}", minutes(t));
    } else if a.ramp == Some(Ramp::AllAtOnce) {
        out.push_str(", from the start (no ramp-up)");
    }
    match facts.duration_min {
        Some(d) => {
            let _ = write!(out, "; {} in total", minutes(d));
        }
        None => out.push_str("; duration not answered"),
    }
    if Field::SenderConcurrency.applies(a) {
        match facts.concurrency.filter(|_| !a.includes_load_test()) {
            Some(n) => {
                let _ = write!(
                    out,
                    "; {}",
                    plural(n as usize, "sender", "concurrent senders")
                );
            }
            None => out.push_str("; concurrent senders not answered"),
        }
    }
    out.push_str(match a.backs_off {
        Some(Tri::Yes) => "; backs off and retries on 429/5xx",
        Some(Tri::No) => "; does **not** back off on 429/5xx",
        Some(Tri::NotSure) => "; back-off on 429/5xx not sure",
        None => "; back-off on 429/5xx not answered",
    });
    out
}

fn batching(a: &Answers, facts: &Facts) -> String {
    let largest = facts
        .max_event_bytes
        .map(|b| format!(" (largest {})", bytes(b)))
        .unwrap_or_default();
    let size = facts
        .avg_event_bytes
        .map(|b| format!("~{} per event{largest}", bytes(b)));
    let mut parts = Vec::new();
    match a.transport {
        Some(Transport::Batch) => {
            parts.push(code("/batch", true));
            parts.push(match facts.events_per_request {
                Some(n) => format!("{} per request", plural(n as usize, "event", "events")),
                None => "events per request not answered".to_string(),
            });
            if let Some(size) = size {
                match facts.request_bytes {
                    Some(r) => parts.push(format!("{size} → ~{} per request", bytes(r))),
                    None => parts.push(size),
                }
            }
        }
        Some(Transport::Single) => {
            parts.push("single-event requests".to_string());
            parts.extend(size);
        }
        None => parts.push(NOT_ANSWERED.to_string()),
    }
    let mut out = parts.join(", ");
    if a.includes_import() {
        let flag = match a.historical_migration {
            Some(Tri::Yes) => code("historical_migration: true", true),
            Some(Tri::No) => format!("no {}", code("historical_migration", true)),
            Some(Tri::NotSure) => format!("{} not sure", code("historical_migration", true)),
            None => format!("{} not answered", code("historical_migration", true)),
        };
        let _ = write!(out, "; {flag}");
    }
    out
}

fn hottest(a: &Answers, facts: &Facts, findings: &[Finding]) -> String {
    if a.ids_unknown {
        return "not known yet (the customer will send the query's result)".to_string();
    }
    let Some(max) = facts.max_per_id else {
        return text_or_missing(a, Field::MaxEventsPerId);
    };
    let mut out = hottest_id(facts, max);
    let hot = [FindingId::HotDistinctIds, FindingId::MergesWithHotIds];
    if findings.iter().any(|f| hot.contains(&f.id)) {
        out.push_str(if a.out_of_order_told {
            " · the customer was told about the out-of-order risk"
        } else {
            " · the customer was **not yet told** about the out-of-order risk"
        });
    }
    out
}

/// "2,400,000 events (13.3 % of all): `user_8812`".
fn hottest_id(facts: &Facts, max: u64) -> String {
    let mut out = format!("{} events", group(max));
    if let Some(share) = facts.hottest_share_percent() {
        let _ = write!(out, " ({} % of all)", tenths_fixed(share));
    }
    if let Some((id, _)) = facts.top_ids.first().filter(|(_, n)| *n == Some(max)) {
        let _ = write!(out, ": {}", code(id, true));
    }
    out
}

fn event_types(a: &Answers) -> String {
    let mut parts: Vec<String> = a
        .merge_sensitive_chosen()
        .into_iter()
        .map(|e| code(e, true))
        .collect();
    let custom: Vec<&str> = a.custom_event_names().collect();
    parts.extend(custom.iter().take(ITEMS_SHOWN).map(|e| code(e, true)));
    if custom.len() > ITEMS_SHOWN {
        parts.push(format!("{} more", custom.len() - ITEMS_SHOWN));
    }
    if a.custom_events {
        parts.push("custom events".to_string());
    }
    if a.events_not_sure {
        parts.push("not sure yet".to_string());
    }
    if parts.is_empty() {
        NOT_ANSWERED.to_string()
    } else {
        parts.join(", ")
    }
}

fn apps(a: &Answers) -> String {
    let Some(state) = a.apps else {
        return NOT_ANSWERED.to_string();
    };
    let named: Vec<_> = a
        .app_list
        .iter()
        .filter(|x| !x.name.trim().is_empty())
        .collect();
    let mut listed: Vec<String> = named
        .iter()
        .take(ITEMS_SHOWN)
        .map(|x| {
            format!(
                "{} ({})",
                inline_max(&x.name, CODE_MAX),
                x.kind.label().to_ascii_lowercase()
            )
        })
        .collect();
    if named.len() > ITEMS_SHOWN {
        listed.push(format!("{} more", named.len() - ITEMS_SHOWN));
    }
    if state == Tri::No || listed.is_empty() {
        state.label().to_string()
    } else {
        format!("{}: {}", state.label(), listed.join(", "))
    }
}

fn load_test(a: &Answers, facts: &Facts) -> String {
    let goal = lines_flat(&a.load_goal, Field::LoadGoal);
    let requests = a
        .load_transport
        .map(|t| t.label().to_ascii_lowercase())
        .unwrap_or_else(|| "request type not answered".to_string());
    let clients = match facts.load_concurrency {
        Some(n) => format!("{} concurrent clients", group(n)),
        None => format!("concurrency {}", text_or_missing(a, Field::LoadConcurrency)),
    };
    format!(
        "goal: {}; {requests}; {clients}",
        if goal.is_empty() {
            NOT_ANSWERED.to_string()
        } else {
            goal
        }
    )
}

/// Several lines of user text as one escaped line, separated by " / ", shown up to the
/// question's limit.
fn lines_flat(text: &str, field: Field) -> String {
    let joined = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    inline_max(&joined, field.max_chars()).into_owned()
}

/// One line of user text, shown up to the question's limit.
fn shown(text: &str, field: Field) -> std::borrow::Cow<'_, str> {
    inline_max(text, field.max_chars())
}

fn findings_section(md: &mut String, findings: &[Finding]) {
    md.push_str("### Findings\n");
    if findings.is_empty() {
        md.push_str("None: nothing in the answers needs attention.\n");
    }
    for f in findings {
        let _ = write!(
            md,
            "- **{}: {}.** {}",
            f.severity.label(),
            inline(&f.title),
            inline(&f.why),
        );
        if !f.id.action_is_the_readers() {
            let _ = write!(md, " **Do:** {}", inline(&f.action));
        }
        md.push('\n');
    }
    md.push('\n');
}

fn tell_customer(md: &mut String, findings: &[Finding]) {
    let mut seen: Vec<&str> = Vec::new();
    for f in findings {
        if let Some(t) = f.tell_customer.as_deref() {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    md.push_str("### Tell the customer\n");
    for t in seen {
        let _ = writeln!(md, "- {}", inline(t));
    }
    md.push('\n');
}

fn ramp_section(md: &mut String, a: &Answers, facts: &Facts) {
    md.push_str("### Ramp-up\n");
    let shape = match a.ramp {
        Some(Ramp::Linear) => "Linear to the peak",
        Some(Ramp::AllAtOnce) => "None: everything at once",
        Some(Ramp::Steps) => "In steps",
        None => "Not answered",
    };
    md.push_str(shape);
    match (a.ramp, facts.ramp.last(), facts.ramp_to_peak_min) {
        // A straight line needs no table.
        (Some(Ramp::Linear), Some(peak), Some(t)) => {
            let _ = writeln!(
                md,
                ": from 0 to {} events/s over {}.",
                amount(peak.per_sec),
                minutes(t)
            );
        }
        _ if !facts.ramp.is_empty() => {
            md.push_str(".\n\n| after | rate |\n|---|---|\n");
            for p in facts.ramp.iter().take(ITEMS_SHOWN) {
                let _ = writeln!(
                    md,
                    "| {} | {} events/s |",
                    minutes(p.after_min),
                    amount(p.per_sec)
                );
            }
            not_listed(md, facts.ramp.len(), ITEMS_SHOWN, "step");
        }
        _ => md.push_str(".\n"),
    }
    let note = lines_flat(&a.ramp_note, Field::RampNote);
    if !note.is_empty() {
        let _ = write!(md, "\nNote: {note}\n");
    }
    md.push('\n');
}

fn top_ids(md: &mut String, a: &Answers, facts: &Facts) {
    if a.ids_unknown {
        return;
    }
    md.push_str("### Top distinct_ids (from the customer's query)\n");
    if facts.top_ids.is_empty() {
        md.push_str("Not given.\n\n");
        return;
    }
    md.push_str("| distinct_id | events |\n|---|---|\n");
    for (id, n) in facts.top_ids.iter().take(TOP_IDS_SHOWN) {
        let events = match n {
            Some(n) => group(*n),
            None => "?".to_string(),
        };
        let _ = writeln!(md, "| {} | {events} |", code(id, true));
    }
    not_listed(md, facts.top_ids.len(), TOP_IDS_SHOWN, "distinct_id");
    md.push('\n');
}

fn notes(md: &mut String, a: &Answers) {
    let items = [
        ("Commitment", &a.commitment_note, Field::CommitmentNote),
        ("Anything else", &a.anything_else, Field::AnythingElse),
    ];
    let lines: Vec<(&str, String)> = items
        .iter()
        .map(|(label, text, field)| (*label, lines_flat(text, *field)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if lines.is_empty() {
        return;
    }
    md.push_str("### Notes\n");
    for (label, text) in lines {
        let _ = writeln!(md, "- **{label}:** {text}");
    }
    md.push('\n');
}

fn checklist(md: &mut String, a: &Answers, findings: &[Finding]) {
    md.push_str("### Checklist\n");
    for (label, done) in checklist_items(a, findings) {
        let _ = writeln!(md, "- [{}] {label}", if done { "x" } else { " " });
    }
    md.push('\n');
}
