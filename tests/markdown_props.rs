//! Property tests for the request block: whatever the reader types, the Markdown keeps
//! its structure (headings, tables, list items, task list), contains no raw HTML, no
//! images and no links but http(s) ones, and nothing panics.
//!
//! Default: 256 cases per property. Long run:
//! `PROPTEST_CASES=100000 cargo test --release --test markdown_props`.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::answers::{
    App, AppKind, DurationUnit, Kind, Ramp, RampStep, RateUnit, Region, TopId, Transport, Tri,
    MERGE_SENSITIVE_EVENTS,
};
use historical_import_checklist::checklist::config::SETTINGS;
use historical_import_checklist::checklist::preview::{blocks, plain_text, Block};
use historical_import_checklist::checklist::time::BuiltinZones;
use historical_import_checklist::checklist::validate::is_web_link;
use historical_import_checklist::checklist::{evaluate, Answers, Config, Env};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const NOW: i64 = 1_795_694_400;

fn render(a: &Answers) -> String {
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    evaluate(a, &Config::default(), &env).markdown
}

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH,
    )
}

/// The block's skeleton as pulldown-cmark sees it: block structure, task-list marks and
/// inline markup, without the text.
fn skeleton(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    for event in parser(md) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => out.push(format!("<h{level:?}>")),
                Tag::Link { dest_url, .. } => {
                    assert!(
                        dest_url.starts_with("https://") || dest_url.starts_with("http://"),
                        "a link to {dest_url} in:\n{md}"
                    );
                    out.push("<a>".into());
                }
                Tag::Image { .. } => panic!("an image in:\n{md}"),
                Tag::HtmlBlock => panic!("an HTML block in:\n{md}"),
                other => out.push(format!("<{other:?}>").chars().take(24).collect()),
            },
            Event::End(end) => out.push(format!("</{end:?}>")),
            Event::TaskListMarker(done) => out.push(format!("[{}]", if done { "x" } else { " " })),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in:\n{md}"),
            Event::Rule => out.push("<hr>".into()),
            Event::HardBreak => out.push("<br>".into()),
            _ => {}
        }
    }
    out
}

/// Every table row has as many cells as its head.
fn tables_are_rectangular(md: &str) {
    let (mut head, mut cells) = (0usize, 0usize);
    let mut in_head = false;
    for event in parser(md) {
        match event {
            Event::Start(Tag::TableHead) => {
                in_head = true;
                head = 0;
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) if in_head => head += 1,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow) => assert_eq!(cells, head, "ragged table in:\n{md}"),
            _ => {}
        }
    }
}

/// The widget's rendered view reads the block as pulldown-cmark does: the same text in
/// the same headings, paragraphs, list items and table cells.
fn rendered_view_matches_pulldown(md: &str) {
    let mut expected = Vec::new();
    let mut current = String::new();
    for event in parser(md) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item,
            ) if !current.is_empty() => expected.push(std::mem::take(&mut current)),
            _ => {}
        }
    }
    let mut ours = Vec::new();
    for block in blocks(md) {
        match block {
            Block::Heading { spans, .. } | Block::Paragraph(spans) => ours.push(plain_text(&spans)),
            Block::List(items) => ours.extend(items.iter().map(|i| plain_text(i))),
            Block::Tasks(items) => ours.extend(items.iter().map(|(_, i)| plain_text(i))),
            Block::Table { head, rows } => {
                ours.extend(head.iter().map(|c| plain_text(c)));
                for row in rows {
                    ours.extend(row.iter().map(|c| plain_text(c)));
                }
            }
        }
    }
    ours.retain(|t| !t.is_empty());
    assert_eq!(
        ours, expected,
        "the rendered view differs from pulldown-cmark for:\n{md}"
    );
}

#[test]
fn rendered_view_of_the_golden_blocks() {
    for name in ["small-import", "large-import", "load-test"] {
        let path = format!("{}/tests/golden/{name}.md", env!("CARGO_MANIFEST_DIR"));
        rendered_view_matches_pulldown(&std::fs::read_to_string(path).unwrap());
    }
}

/// A fully answered request (the large-import golden scenario, as a load test too so
/// that every section and row appears).
fn base() -> Answers {
    let json = include_str!("scenarios/large-import.json");
    let mut a: Answers = serde_json::from_str(json).unwrap();
    a.kind = Some(Kind::Both);
    a.load_transport = Some(Transport::Batch);
    a.load_concurrency = "20".into();
    a
}

/// User text: anything, weighted towards Markdown's special characters, with an
/// occasional 100 KB string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => any::<String>(),
        20 => "[|`<>\\\\\\[\\]()*_#~&;!:=+.\\- \\t\\r\\n0-9a-zA-Z$]{0,40}",
        9 => prop::sample::select(vec![
            "<script>alert(1)</script>".to_string(),
            "[x](javascript:alert(1))".to_string(),
            "![img](https://x/y.png)".to_string(),
            "| a | b |\n|---|---|".to_string(),
            "```\ncode\n```".to_string(),
            "# heading\n> quote\n- item\n1. one\n---\n===".to_string(),
            "- [ ] fake task".to_string(),
            "&amp; &#60; &lt;".to_string(),
            "line\\\nbreak  \nmore".to_string(),
            "<https://evil.example>".to_string(),
            "`` ` ``".to_string(),
            "**bold** _em_ ~~strike~~".to_string(),
        ]),
        // 100 KB of text with specials, built from a short seed (generating it character
        // by character would dominate the run time).
        1 => "[a-z|`<\\n\\[\\]*_]{1,16}".prop_map(|seed| seed.repeat(100_000 / seed.len() + 1)),
    ]
}

/// The same answer as plain text: empty stays empty (it changes what is shown),
/// anything else becomes a letter, keeping what the renderer treats specially.
fn plain(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        String::new()
    } else if MERGE_SENSITIVE_EVENTS.contains(&t) {
        t.to_string()
    } else {
        "x".to_string()
    }
}

#[derive(Debug, Clone)]
struct FreeText {
    customer: String,
    organization: String,
    project_id: String,
    requester_name: String,
    requester_team: String,
    url: String,
    commitment_note: String,
    anything_else: String,
    ramp_note: String,
    load_goal: String,
    pause_contact: String,
    ids: Vec<String>,
    apps: Vec<String>,
    custom_events: Vec<String>,
}

fn free_text() -> impl Strategy<Value = FreeText> {
    (
        (text(), text(), text(), text(), text(), text(), text()),
        (text(), text(), text(), text()),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(
            |((c, o, p, rn, rt, u, cn), (ae, rno, lg, pc), ids, apps, ev)| FreeText {
                customer: c,
                organization: o,
                project_id: p,
                requester_name: rn,
                requester_team: rt,
                url: u,
                commitment_note: cn,
                anything_else: ae,
                ramp_note: rno,
                load_goal: lg,
                pause_contact: pc,
                ids,
                apps,
                custom_events: ev,
            },
        )
}

fn apply(t: &FreeText, map: &dyn Fn(&str) -> String) -> Answers {
    let mut a = base();
    a.customer = map(&t.customer);
    a.organization = map(&t.organization);
    a.project_id = map(&t.project_id);
    a.requester_name = map(&t.requester_name);
    a.requester_team = map(&t.requester_team);
    a.conversation_url = if is_web_link(t.url.trim()) {
        t.url.clone()
    } else {
        map(&t.url)
    };
    a.commitment_note = map(&t.commitment_note);
    a.anything_else = map(&t.anything_else);
    a.ramp_note = map(&t.ramp_note);
    a.load_goal = map(&t.load_goal);
    a.pause_contact = map(&t.pause_contact);
    a.top_ids = t
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| TopId {
            distinct_id: map(id),
            events: format!("{}", 1_000 - i),
        })
        .collect();
    a.app_list = t
        .apps
        .iter()
        .map(|name| App {
            name: map(name),
            kind: AppKind::Destination,
        })
        .collect();
    a.event_types = vec!["$identify".into()];
    for (i, e) in t.custom_events.iter().enumerate() {
        // Distinct names, as the chip editor keeps them.
        let name = map(e);
        if !name.trim().is_empty() {
            a.event_types.push(format!("{name}{i}"));
        }
    }
    a
}

proptest! {
    #[test]
    fn user_text_never_changes_the_structure(t in free_text()) {
        let wild = apply(&t, &|s| s.to_string());
        let tame = apply(&t, &plain);
        let (wild_md, tame_md) = (render(&wild), render(&tame));
        prop_assert_eq!(skeleton(&wild_md), skeleton(&tame_md), "\n{}", wild_md);
        tables_are_rectangular(&wild_md);
        rendered_view_matches_pulldown(&wild_md);
    }

    #[test]
    fn the_pipeline_team_name_cannot_break_the_block(team in text()) {
        let config = Config { pipeline_team: team, ..Config::default() };
        let env = Env { now: NOW, zones: &BuiltinZones };
        let md = evaluate(&base(), &config, &env).markdown;
        let plain_md = render(&base());
        prop_assert_eq!(skeleton(&md), skeleton(&plain_md));
    }
}

fn opt<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(all.to_vec()))
}

/// Any text in any field, numbers and dates included.
fn any_answers() -> impl Strategy<Value = Answers> {
    let texts = prop::collection::vec(text(), 22);
    let choices = (
        opt(Region::ALL),
        opt(Kind::ALL),
        opt(Transport::ALL),
        opt(Tri::ALL),
        opt(Tri::ALL),
        opt(Ramp::ALL),
        opt(Transport::ALL),
        prop::sample::select(RateUnit::ALL.to_vec()),
        prop::sample::select(DurationUnit::ALL.to_vec()),
        prop::collection::vec(any::<bool>(), 7),
    );
    let rows = || prop::collection::vec((text(), text()), 0..4);
    (texts, choices, rows(), rows()).prop_map(|(t, c, r1, r2)| Answers {
        customer: t[0].clone(),
        project_id: t[1].clone(),
        start_date: t[2].clone(),
        start_time: t[3].clone(),
        time_zone: t[4].clone(),
        events_per_request: t[5].clone(),
        avg_event_bytes: t[6].clone(),
        oldest_event: t[7].clone(),
        newest_event: t[8].clone(),
        total_events: t[9].clone(),
        max_events_per_id: t[10].clone(),
        peak_rate: t[11].clone(),
        duration: t[12].clone(),
        ramp_minutes: t[13].clone(),
        load_concurrency: t[14].clone(),
        conversation_url: t[15].clone(),
        requester_name: t[16].clone(),
        anything_else: t[17].clone(),
        pause_contact: t[18].clone(),
        region: c.0,
        kind: c.1,
        transport: c.2,
        historical_migration: c.3,
        apps: c.4,
        ramp: c.5,
        load_transport: c.6,
        rate_unit: c.7,
        duration_unit: c.8,
        product_questions_answered: c.9[0],
        committed: c.9[1],
        not_validating_with_import: c.9[2],
        ids_unknown: c.9[3],
        custom_events: c.9[4],
        events_not_sure: c.9[5],
        top_ids: r1
            .iter()
            .map(|(id, n)| TopId {
                distinct_id: id.clone(),
                events: n.clone(),
            })
            .collect(),
        ramp_steps: r2
            .iter()
            .map(|(m, r)| RampStep {
                after_minutes: m.clone(),
                rate: r.clone(),
            })
            .collect(),
        app_list: vec![App {
            name: t[18].clone(),
            kind: AppKind::Transformation,
        }],
        event_types: vec![t[19].clone(), "$set".into()],
        ..Answers::default()
    })
}

/// A configuration as a host might write it: any setting, any text or number (valid or
/// not; bad ones keep their defaults, as on a page).
fn any_config() -> impl Strategy<Value = Config> {
    let value = prop_oneof![
        text(),
        any::<f64>().prop_map(|x| x.to_string()),
        (0u64..u64::MAX).prop_map(|n| n.to_string()),
    ];
    prop::collection::vec((prop::sample::select(SETTINGS.to_vec()), value), 0..6).prop_map(
        |pairs| {
            let mut c = Config::default();
            for (setting, v) in pairs {
                let _ = c.set_attribute(setting.attribute, &v);
            }
            c.check_together();
            c
        },
    )
}

proptest! {
    #[test]
    fn nothing_panics_and_the_block_stays_clean(
        a in any_answers(),
        config in any_config(),
        now in -4_000_000_000i64..8_000_000_000,
    ) {
        let env = Env { now, zones: &BuiltinZones };
        let report = evaluate(&a, &config, &env);
        // No HTML, no foreign links, rectangular tables, the fixed headings in order.
        let sk = skeleton(&report.markdown);
        tables_are_rectangular(&report.markdown);
        rendered_view_matches_pulldown(&report.markdown);
        let h3 = sk.iter().filter(|s| *s == "<hH3>").count();
        prop_assert!((4..=7).contains(&h3), "{} level-3 headings", h3);
        prop_assert_eq!(sk.iter().filter(|s| *s == "<hH2>").count(), 1);
        prop_assert!(report.markdown.ends_with("answers schema 1_\n"));
    }
}
