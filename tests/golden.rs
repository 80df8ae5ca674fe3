//! Golden request blocks: three realistic requests (tests/scenarios/*.json, the same
//! files the Playwright tests type into the form, with a sample of what they will send
//! in `name.sample.jsonl` where one fits) and their full block in each format,
//! checked in under tests/golden/: `name.md` (GitHub), `name.slack.txt` (Slack) and
//! `name.txt` (plain text); and the questions for the customer, `name.questions.md`. `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them; read
//! the diff before committing.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::block::{github, write};
use historical_import_checklist::checklist::sample::{apply, measured, read};
use historical_import_checklist::checklist::schedule::time::BuiltinZones;
use historical_import_checklist::checklist::settings::format::Format;
use historical_import_checklist::checklist::{evaluate, Answers, Config, Env};
use std::path::Path;

/// 2026-11-26 12:00 UTC: the scenarios are scheduled in 2030, so "now" only has to be
/// before that (the browser's real clock gives the same block).
const NOW: i64 = 1_795_694_400;

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let json = std::fs::read_to_string(dir.join(format!("scenarios/{name}.json"))).unwrap();
    let mut answers: Answers = serde_json::from_str(&json).unwrap();
    // A sample of what they will send, where the scenario has one: measured and used
    // as a reader would ("Use these answers"), filling what was not typed.
    if let Ok(text) = std::fs::read_to_string(dir.join(format!("scenarios/{name}.sample.jsonl"))) {
        let sample = read(&text, NOW, 48).unwrap();
        apply(&mut answers, measured(&sample));
    }
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    let report = evaluate(&answers, &Config::default(), &env);
    for (format, ext) in [
        (Format::GitHub, "md"),
        (Format::Slack, "slack.txt"),
        (Format::Plain, "txt"),
    ] {
        let text = write(&report.block, format);
        let golden = dir.join(format!("golden/{name}.{ext}"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&golden).unwrap();
        assert!(
            text == expected,
            "{name}: the block differs from {}:\n{text}",
            golden.display(),
        );
    }
    // What the customer is still asked (the load test's distinct_ids and event types).
    let golden = dir.join(format!("golden/{name}.questions.md"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, github::write(&report.message)).unwrap();
    }
    assert_eq!(
        github::write(&report.message),
        std::fs::read_to_string(&golden).unwrap(),
        "{name}: the questions differ from {}",
        golden.display()
    );
    // The golden scenarios are complete and valid: every error would be a typo in them.
    assert_eq!(report.errors, vec![], "{name}");
}

#[test]
fn small_import() {
    check("small-import");
}

#[test]
fn large_import_with_hot_ids_and_merges() {
    check("large-import");
}

#[test]
fn load_test_without_ramp_up() {
    check("load-test");
}
