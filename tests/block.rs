//! The request block as the pipeline team reads it: the one-line summary, the new
//! answers, the project link, and what is left out of the ticket.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::block::github;
use historical_import_checklist::checklist::questions::answers::{
    Kind, Ramp, Region, Transport, Tri,
};
use historical_import_checklist::checklist::schedule::time::BuiltinZones;
use historical_import_checklist::checklist::{evaluate, Answers, Config, Env};

/// Thu 2026-11-26 12:00 UTC.
const NOW: i64 = 1_795_694_400;

fn block(a: &Answers) -> String {
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    github::write(&evaluate(a, &Config::default(), &env).block)
}

fn committed_import() -> Answers {
    Answers {
        kind: Some(Kind::Import),
        product_questions_answered: true,
        committed: true,
        not_validating_with_import: true,
        ..Answers::default()
    }
}

/// The line that starts with `prefix`.
fn line<'a>(md: &'a str, prefix: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line {prefix:?} in:\n{md}"))
}

#[test]
fn the_summary_says_what_when_how_much_how_fast_and_the_top_risk() {
    let a = Answers {
        total_events: "4.1M".into(),
        peak_rate: "300k/min".into(),
        // Mon 30 Nov 2026 00:30 in Amsterdam: Monday, not Sunday as in UTC.
        start_date: "2026-11-30".into(),
        start_time: "00:30".into(),
        time_zone: "Europe/Amsterdam".into(),
        transport: Some(Transport::Batch),
        ..committed_import()
    };
    let md = block(&a);
    let summary = line(&md, "**In short:**");
    assert!(summary.starts_with("**In short:** Import of 4,100,000 events · starts Mon 30 Nov 2026, 00:30 CET · peak 5,000 events/s · top risk: "), "{summary}");
    // Two working days of notice (Thu for Mon): short, so the team is asked to reply by Friday.
    assert!(
        summary.ends_with("· **reply by Fri 27 Nov 2026**"),
        "{summary}"
    );
    // It comes right after the title.
    let title = md.lines().position(|l| l.starts_with("## ")).unwrap();
    assert_eq!(md.lines().nth(title + 2), Some(summary));
}

#[test]
fn with_enough_notice_there_is_no_reply_by() {
    let a = Answers {
        start_date: "2027-01-12".into(),
        start_time: "10:00".into(),
        time_zone: "Europe/Amsterdam".into(),
        ..committed_import()
    };
    assert!(!line(&block(&a), "**In short:**").contains("reply by"));
}

fn project_link(a: &Answers) -> Option<String> {
    let env = Env {
        now: 0,
        zones: &BuiltinZones,
    };
    evaluate(a, &Config::default(), &env).facts.project_link
}

#[test]
fn the_project_link_is_built_from_region_and_a_numeric_id_only() {
    let mut a = Answers {
        project_id: "20417".into(),
        region: Some(Region::Eu),
        ..Answers::default()
    };
    assert_eq!(
        project_link(&a).as_deref(),
        Some("https://eu.posthog.com/project/20417")
    );
    assert!(block(&a).contains("**Project** <https://eu.posthog.com/project/20417>"));
    a.region = Some(Region::Us);
    assert_eq!(
        project_link(&a).as_deref(),
        Some("https://us.posthog.com/project/20417")
    );
    a.region = Some(Region::SelfHosted);
    assert_eq!(project_link(&a), None);
    a.region = Some(Region::Eu);
    for id in ["12a", "evil.example/x", "", "1234567890123"] {
        a.project_id = id.into();
        assert_eq!(project_link(&a), None, "{id}");
        assert!(!block(&a).contains("**Project**"), "{id}");
    }
}

#[test]
fn the_new_answers_are_in_the_block() {
    let a = Answers {
        requester_name: "Jane Doe".into(),
        requester_team: "CS".into(),
        requester_handle: "@jane".into(),
        data_source: "Amplitude export".into(),
        sender_concurrency: "1".into(),
        backs_off: Some(Tri::No),
        test_run_date: "2026-12-01".into(),
        start_date: "2026-12-08".into(),
        start_time: "10:00".into(),
        time_zone: "Europe/Amsterdam".into(),
        transport: Some(Transport::Batch),
        events_per_request: "1".into(),
        ..committed_import()
    };
    let md = block(&a);
    // The handle is shown, never a mention.
    assert!(
        md.contains("**Requested by** Jane Doe (CS, ＠jane)"),
        "{md}"
    );
    assert_eq!(line(&md, "| Source |"), "| Source | Amplitude export |");
    assert!(line(&md, "| When |").ends_with(" · small test run Tue 1 Dec 2026 |"));
    let rate = line(&md, "| Peak rate |");
    assert!(
        rate.contains("; 1 sender; does **not** back off on 429/5xx"),
        "{rate}"
    );
    assert!(line(&md, "| Batching |").contains("1 event per request"));
}

#[test]
fn a_linear_ramp_is_one_line() {
    let a = Answers {
        peak_rate: "500".into(),
        ramp: Some(Ramp::Linear),
        ramp_minutes: "15".into(),
        ..committed_import()
    };
    let md = block(&a);
    assert!(
        md.contains("### Ramp-up\nLinear to the peak: from 0 to 500 events/s over 15 min.\n"),
        "{md}"
    );
    assert!(!md.contains("| after | rate |"));
}

#[test]
fn the_readers_next_step_stays_in_the_widget() {
    let a = Answers {
        kind: Some(Kind::LoadTest),
        ..Answers::default()
    };
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    let report = evaluate(&a, &Config::default(), &env);
    let md = &github::write(&report.block);
    // The widget still tells the reader to send it as soon as possible…
    assert!(report
        .findings
        .iter()
        .any(|f| f.action.contains("as soon as possible")));
    // …but the ticket does not tell the pipeline team to send it to themselves, and
    // the alert is its first line, not a finding.
    assert!(!md.contains("Send this request"), "{md}");
    assert!(!md.contains("Do not request the import yet"), "{md}");
    assert!(!md.contains("Warning: Load test"), "{md}");
    assert!(md.starts_with("**Load test alert for"), "{md}");
}

#[test]
fn the_checklist_ticks_follow_the_findings() {
    let mut a = Answers {
        // A Saturday: the schedule has a weekend warning, so it is not agreed.
        start_date: "2027-01-09".into(),
        start_time: "10:00".into(),
        time_zone: "Europe/Amsterdam".into(),
        flexibility: Some(
            historical_import_checklist::checklist::questions::answers::Flexibility::Fixed,
        ),
        test_run_date: "2027-01-05".into(),
        ..committed_import()
    };
    assert!(block(&a).contains("- [ ] Schedule agreed"));
    a.start_date = "2027-01-12".into();
    assert!(block(&a).contains("- [x] Schedule agreed"), "{}", block(&a));
}

/// The conversation link is a link only when it is a plain http(s) URL: no hidden or
/// control character, no space, at most 500 characters (its question's limit). Anything
/// else is shown as neutralised text in every format, the field says why, and a long
/// one cannot push the rest of the block out.
#[test]
fn a_conversation_link_is_a_link_only_when_plain_and_short() {
    use historical_import_checklist::checklist::block::write;
    use historical_import_checklist::checklist::questions::Field;
    use historical_import_checklist::checklist::settings::format::Format;
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    let site = "https://acme.zendesk.com/agent/tickets/";
    let not_links = [
        (format!("{site}4242\u{202E}1"), "<U+202E>"),
        (format!("{site}\u{200B}4242"), "<U+200B>"),
        (format!("{site}4242\u{FEFF}"), "<U+FEFF>"),
        (format!("{site}42\u{FE0F}42"), "<U+FE0F>"),
        (format!("{site}42 42"), "space"),
        (format!("{site}{}", "4".repeat(462)), "501 characters"),
        (
            format!("{site}{}", "4".repeat(1_000_000)),
            "1,000,039 characters",
        ),
    ];
    for (url, why) in &not_links {
        let a = Answers {
            conversation_url: url.clone(),
            ..committed_import()
        };
        let report = evaluate(&a, &Config::default(), &env);
        let error = report
            .errors
            .iter()
            .find(|e| e.field == Field::ConversationUrl && !e.missing)
            .map(|e| e.message.as_str())
            .unwrap_or_default();
        assert!(error.contains(why), "{why}: {error:?}");
        for format in Format::ALL {
            let text = write(&report.block, format);
            let head: String = text.chars().take(2_000).collect();
            assert!(!text.contains("https://acme"), "{format:?} {why}:\n{head}");
            assert!(text.contains("zendesk"), "{format:?} {why}:\n{head}");
            // Nothing after the link was dropped.
            assert!(!text.contains("the rest of the request"), "{format:?}");
            assert!(text.contains("Customer told") || text.contains("Checklist"));
            assert!(
                text.contains("Historical import checklist · answers schema"),
                "{format:?} {why}: the footer is missing"
            );
            assert!(text.encode_utf16().count() < 60_000, "{format:?} {why}");
        }
        // What was typed is kept.
        assert_eq!(&a.conversation_url, url);
    }
    let ok = format!("{site}4242");
    let a = Answers {
        conversation_url: ok.clone(),
        ..committed_import()
    };
    let doc = evaluate(&a, &Config::default(), &env).block;
    let md = github::write(&doc);
    assert!(md.contains(&format!("**Conversation** <{ok}>")), "{md}");
    assert!(write(&doc, Format::Slack).contains(&format!("*Conversation* {ok}")));
    assert!(write(&doc, Format::Plain).contains(&format!("Conversation {ok}")));
}

/// The README's configuration table lists every setting, by attribute and JS option,
/// so that the handbook's maintainers find each default they can change.
#[test]
fn the_readme_lists_every_setting() {
    use historical_import_checklist::checklist::settings::SETTINGS;
    let readme = include_str!("../README.md");
    for s in SETTINGS {
        let row = format!("| `data-{}` | `{}` |", s.attribute, s.option);
        assert!(readme.contains(&row), "README has no row {row}");
    }
}

/// A pasted sample, once used: the header says which answers it filled and from how
/// many events, in words (never the measures' kept text, never the sample's key).
#[test]
fn the_header_says_which_answers_a_sample_filled() {
    use historical_import_checklist::checklist::sample;
    let text = r#"{"api_key": "phc_secret123", "historical_migration": true, "batch": [{"event": "$identify", "distinct_id": "a"}, {"event": "paid", "distinct_id": "b"}]}"#;
    let Ok(s) = sample::read(text, NOW, 48) else {
        panic!("refused")
    };
    let mut a = committed_import();
    sample::apply(&mut a, sample::measured(&s));
    let md = block(&a);
    assert_eq!(
        line(&md, "**Measured**"),
        "**Measured** how requests are sent, events per request, the average event size, the largest event size, historical_migration, event names (from a sample of 2 events)  "
    );
    assert!(!md.contains("events=") && !md.contains("secret"), "{md}");
    // Without a sample, no line.
    assert!(!block(&committed_import()).contains("**Measured**"));
}

#[test]
fn the_top_distinct_ids_section_is_an_imports_only() {
    let heading = "### Top distinct_ids (from the customer's query)";
    // An import that has not pasted the query yet: the team sees it is missing.
    let md = block(&committed_import());
    assert!(md.contains(&format!("{heading}\nNot given.")), "{md}");
    // A load test is not asked for it (its script's distinct_ids are).
    let load_test = Answers {
        kind: Some(Kind::LoadTest),
        ..committed_import()
    };
    assert!(!block(&load_test).contains(heading));
    // Not known: no section either.
    let unknown = Answers {
        ids_unknown: true,
        ..committed_import()
    };
    assert!(!block(&unknown).contains(heading));
}
