//! Every rule as the handbook page states it, one table per rule: each row an input,
//! whether the rule is raised, and the page sentence or setting the row rests on (held
//! against the rule's declared basis). The rows are the cases the pipeline team and the
//! customer would check; a test at the end lists every rule with its basis and checks
//! each basis against the page's text, the settings and `docs/domain.md`.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::block::github;
use historical_import_checklist::checklist::questions::answers::{
    AppKind, DurationUnit, Kind, Ramp, Transport, Tri,
};
use historical_import_checklist::checklist::questions::lists::{App, RampStep};
use historical_import_checklist::checklist::rules::findings::{Basis, Tell};
use historical_import_checklist::checklist::rules::page;
use historical_import_checklist::checklist::rules::table::RULES;
use historical_import_checklist::checklist::schedule::time::BuiltinZones;
use historical_import_checklist::checklist::settings::SETTINGS;
use historical_import_checklist::checklist::{evaluate, Answers, Config, Env, FindingId, Report};

/// Thu 2026-11-26 12:00 UTC.
const NOW: i64 = 1_795_694_400;

fn report(a: &Answers) -> Report {
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    evaluate(a, &Config::default(), &env)
}

/// Committed, a batch import with the flag set.
fn import() -> Answers {
    Answers {
        kind: Some(Kind::Import),
        product_questions_answered: true,
        committed: true,
        not_validating_with_import: true,
        transport: Some(Transport::Batch),
        historical_migration: Some(Tri::Yes),
        ..Answers::default()
    }
}

fn load_test() -> Answers {
    Answers {
        kind: Some(Kind::LoadTest),
        load_transport: Some(Transport::Batch),
        transport: Some(Transport::Batch),
        ..import()
    }
}

/// 2.4M of 180M events on the busiest distinct_id, at 5,000 events/s.
fn busy(mut a: Answers, flag: Option<Tri>) -> Answers {
    a.max_events_per_id = "2.4M".into();
    a.total_events = "180M".into();
    a.peak_rate = "5000".into();
    a.historical_migration = flag;
    a
}

fn steps(rates: &[(&str, &str)]) -> Vec<RampStep> {
    rates
        .iter()
        .map(|(after, rate)| RampStep {
            after_minutes: after.to_string(),
            rate: rate.to_string(),
        })
        .collect()
}

/// Single-event requests ramped in steps.
fn single_steps(rates: &[(&str, &str)], peak: &str) -> Answers {
    Answers {
        transport: Some(Transport::Single),
        load_transport: Some(Transport::Single),
        peak_rate: peak.into(),
        ramp: Some(Ramp::Steps),
        ramp_steps: steps(rates),
        ..load_test()
    }
}

/// A row: what it is, the answers, whether the rule is raised, and what it rests on.
type Row = (&'static str, Answers, bool, &'static str);

/// Checks a rule's rows: raised or not as expected, and resting on the basis named.
fn check(id: FindingId, rows: Vec<Row>) {
    let rule = id.rule();
    for (what, a, raised, basis) in rows {
        let found = report(&a).findings.iter().any(|f| f.id == id);
        assert_eq!(found, raised, "{id:?}: {what}");
        let rests = rule.basis.iter().any(|b| match b {
            Basis::Page(s) | Basis::Docs(s) | Basis::Setting(s) => *s == basis,
        });
        assert!(
            rests,
            "{id:?}: {what} rests on {basis}, not in {:?}",
            rule.basis
        );
    }
}

#[test]
fn hot_distinct_ids_by_their_count_on_every_path_and_kind() {
    let both = |flag| Answers {
        kind: Some(Kind::Both),
        ..busy(import(), flag)
    };
    let mut even = load_test();
    even.total_events = "1M".into();
    even.peak_rate = "50".into();
    even.load_distinct_ids = "10".into();
    let mut spread = even.clone();
    spread.load_distinct_ids = "1,000".into();
    let mut share = spread.clone();
    share.load_busiest_share = "20".into();
    let mut small = busy(import(), Some(Tri::Yes));
    small.max_events_per_id = "99,999".into();
    let mut fast = busy(import(), Some(Tri::No));
    fast.max_events_per_id = "50,000".into();
    fast.total_events = "1M".into();
    fast.peak_rate = "3000".into();
    check(
        FindingId::HotDistinctIds,
        vec![
            (
                "2.4M of 180M, flag yes",
                busy(import(), Some(Tri::Yes)),
                true,
                page::HOT_IDS,
            ),
            (
                "2.4M of 180M, flag no",
                busy(import(), Some(Tri::No)),
                true,
                page::HOT_IDS,
            ),
            (
                "2.4M of 180M, flag not sure",
                busy(import(), Some(Tri::NotSure)),
                true,
                page::HOT_IDS,
            ),
            (
                "2.4M of 180M, import and load test",
                both(Some(Tri::Yes)),
                true,
                page::HOT_IDS,
            ),
            ("below the count", small, false, "hot-id-events"),
            ("1M over the script's 10 ids", even, true, "hot-id-events"),
            ("1M over 1,000 ids", spread, false, "hot-id-events"),
            ("20 % of 1M on one id", share, true, "hot-id-events"),
            (
                "50,000 at 150 events/s on the live path",
                fast,
                true,
                "hot-id-rate",
            ),
        ],
    );
}

#[test]
fn a_real_ramp_is_never_a_denial_of_service() {
    let ramped = single_steps(&[("0", "100"), ("20", "1000"), ("40", "2000")], "2000");
    let mut at_once = single_steps(&[], "2000");
    at_once.ramp = Some(Ramp::AllAtOnce);
    let first_at_peak = single_steps(&[("0", "2000"), ("30", "2000")], "2000");
    let mut short = single_steps(&[], "2000");
    short.ramp = Some(Ramp::Linear);
    short.ramp_minutes = "1".into();
    let mut linear = short.clone();
    linear.ramp_minutes = "30".into();
    let mut slow = at_once.clone();
    slow.peak_rate = "99".into();
    check(
        FindingId::DenialOfService,
        vec![
            (
                "100 → 1,000 → 2,000 over 40 minutes",
                ramped,
                false,
                page::DOS,
            ),
            ("all at once", at_once, true, page::DOS),
            ("a first step at the peak", first_at_peak, true, page::DOS),
            ("a 1-minute linear ramp", short, true, "min-ramp-minutes"),
            ("a 30-minute linear ramp", linear, false, page::DOS),
            ("all at once at 99 events/s", slow, false, "dos-single-rate"),
        ],
    );
}

#[test]
fn a_steep_ramp_is_a_warning_with_a_gentler_profile() {
    let jump = single_steps(&[("0", "100"), ("20", "1000"), ("40", "2000")], "2000");
    let gentle = single_steps(&[("0", "100"), ("20", "500"), ("40", "2000")], "2000");
    let high = single_steps(&[("0", "1000"), ("30", "2000")], "2000");
    let mut linear = single_steps(&[], "2000");
    linear.ramp = Some(Ramp::Linear);
    linear.ramp_minutes = "30".into();
    let f = report(&jump)
        .findings
        .into_iter()
        .find(|f| f.id == FindingId::SteepRamp)
        .unwrap();
    assert!(
        f.why.contains("from 100 to 1,000 events/s, 10.0×"),
        "{}",
        f.why
    );
    assert!(
        f.action.contains("100 → 500 → 2,000 events/s"),
        "{}",
        f.action
    );
    check(
        FindingId::SteepRamp,
        vec![
            ("100 → 1,000 (10×) → 2,000", jump, true, "ramp-jump-factor"),
            ("100 → 500 → 2,000", gentle, false, "ramp-jump-factor"),
            (
                "a first step at 1,000 events/s",
                high,
                true,
                "ramp-first-rate",
            ),
            ("a linear ramp", linear, false, page::RAMP),
        ],
    );
}

#[test]
fn no_ramp_up_for_batches_sent_at_once() {
    let mut at_once = import();
    at_once.peak_rate = "2000".into();
    at_once.ramp = Some(Ramp::AllAtOnce);
    let mut slow = at_once.clone();
    slow.peak_rate = "5".into();
    check(
        FindingId::NoRampUp,
        vec![
            (
                "/batch at 2,000 events/s at once",
                at_once,
                true,
                page::RAMP,
            ),
            ("at once at 5 events/s", slow, false, "no-ramp-rate"),
        ],
    );
}

#[test]
fn a_sender_that_does_not_back_off_is_a_warning() {
    let mut no = import();
    no.backs_off = Some(Tri::No);
    let mut not_sure = import();
    not_sure.backs_off = Some(Tri::NotSure);
    check(
        FindingId::NoBackOff,
        vec![
            ("does not back off", no, true, page::HEADS_UP),
            (
                "not sure (asked again instead)",
                not_sure,
                false,
                page::HEADS_UP,
            ),
        ],
    );
}

#[test]
fn the_historical_flag_when_it_is_a_no() {
    check(
        FindingId::NoHistoricalFlag,
        vec![
            (
                "no",
                busy(import(), Some(Tri::No)),
                true,
                "historical_migration: true routes an import to the historical ingestion topic",
            ),
            (
                "not sure: asked again, not judged",
                busy(import(), Some(Tri::NotSure)),
                false,
                "historical_migration: true routes an import to the historical ingestion topic",
            ),
        ],
    );
}

#[test]
fn the_commitment_gate_and_the_load_test_alert() {
    let mut open = import();
    open.committed = false;
    check(
        FindingId::CommitmentGate,
        vec![
            ("committed", import(), false, page::COMMITTED),
            ("not committed", open, true, page::COMMITTED),
        ],
    );
    check(
        FindingId::LoadTest,
        vec![
            ("an import", import(), false, page::LOAD_TEST),
            ("a load test", load_test(), true, page::LOAD_TEST),
        ],
    );
}

#[test]
fn identity_events_by_the_names_other_tools_export() {
    for names in [vec!["identify"], vec!["Alias"], vec!["$identify"]] {
        let mut a = import();
        a.event_types = names.iter().map(|n| n.to_string()).collect();
        check(
            FindingId::MergeSensitiveEvents,
            vec![("identity events", a, true, page::EVENT_TYPES)],
        );
    }
    let mut a = import();
    a.event_types = vec!["identified".into(), "purchase".into()];
    check(
        FindingId::MergeSensitiveEvents,
        vec![("custom events only", a, false, page::EVENT_TYPES)],
    );
}

#[test]
fn apps_advice_follows_the_answer() {
    let with = |kind| Answers {
        apps: Some(Tri::Yes),
        app_list: vec![App {
            name: "GeoIP".into(),
            kind,
        }],
        ..import()
    };
    let tell = |a: &Answers| {
        report(a)
            .findings
            .into_iter()
            .find(|f| f.id == FindingId::AppsEnabled)
            .and_then(|f| f.tell.map(|t| t.text().to_string()))
    };
    assert_eq!(tell(&with(AppKind::Transformation)), None);
    assert!(tell(&with(AppKind::Destination))
        .unwrap()
        .contains("pause your destinations"));
    let mut not_sure = import();
    not_sure.apps = Some(Tri::NotSure);
    check(
        FindingId::AppsEnabled,
        vec![
            (
                "a transformation",
                with(AppKind::Transformation),
                true,
                page::APPS,
            ),
            ("not sure", not_sure, true, page::APPS),
            (
                "no apps",
                Answers {
                    apps: Some(Tri::No),
                    ..import()
                },
                false,
                page::APPS,
            ),
        ],
    );
}

#[test]
fn short_notice_and_the_schedule() {
    let at = |date: &str| Answers {
        start_date: date.into(),
        start_time: "10:00".into(),
        time_zone: "Europe/Amsterdam".into(),
        duration: "2".into(),
        duration_unit: DurationUnit::Hours,
        ..import()
    };
    check(
        FindingId::ShortNotice,
        vec![
            ("tomorrow", at("2026-11-27"), true, "lead-time-working-days"),
            ("in two weeks", at("2026-12-10"), false, page::HEADS_UP),
        ],
    );
    check(
        FindingId::ScheduleWeekend,
        vec![
            ("a Saturday", at("2026-12-12"), true, page::SCHEDULE),
            ("a Thursday", at("2026-12-10"), false, page::SCHEDULE),
            ("Christmas Day", at("2026-12-25"), true, "team-days-off"),
        ],
    );
}

#[test]
fn high_peak_rate_is_ours_and_never_told_as_a_limit() {
    let mut a = import();
    a.peak_rate = "5000".into();
    let f = report(&a)
        .findings
        .into_iter()
        .find(|f| f.id == FindingId::HighPeakRate)
        .unwrap();
    assert!(f.why.contains("(our default;"), "{}", f.why);
    assert_eq!(f.tell, None, "no number of ours reaches the customer");
    let mut b = import();
    b.peak_rate = "3000".into();
    check(
        FindingId::HighPeakRate,
        vec![
            ("5,000 events/s", a, true, "comfortable-rate"),
            ("3,000 events/s", b, false, "comfortable-rate"),
        ],
    );
}

/// Every rule rests on something named: a sentence of the handbook page (quoted as the
/// page writes it), a fact of PostHog's docs or code, or a setting (our default); and
/// `docs/domain.md` lists it with its code.
#[test]
fn every_rule_lists_its_basis() {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let handbook = squeeze(include_str!("../docs/handbook-page.md"));
    let domain = include_str!("../docs/domain.md");
    for rule in RULES {
        assert!(!rule.basis.is_empty(), "{:?} rests on nothing", rule.id);
        assert!(
            domain.contains(&format!("`{}`", rule.code)),
            "docs/domain.md does not list {}",
            rule.code
        );
        for b in rule.basis {
            match b {
                Basis::Page(s) => assert!(
                    handbook.contains(&squeeze(s)),
                    "{:?}: not on the page: {s}",
                    rule.id
                ),
                Basis::Setting(s) => assert!(
                    SETTINGS.iter().any(|x| x.attribute == *s),
                    "{:?}: no setting {s}",
                    rule.id
                ),
                Basis::Docs(s) => assert!(!s.is_empty()),
            }
        }
        println!("{} — {:?} — {:?}", rule.code, rule.severity, rule.basis);
    }
}

/// The customer's message: what is missing, what to change, what they must know, and
/// to wait for our go-ahead; never "nothing left" while any of it holds.
#[test]
fn one_message_tells_the_customer_what_the_page_says_must_be_told() {
    let mut a = busy(import(), Some(Tri::No));
    a.out_of_order_told = false;
    let m = github::write(&report(&a).message);
    assert!(!m.contains("Nothing left"), "{m}");
    assert!(
        m.contains(
            "Good to know:\n\n- Events of your busiest distinct_ids may be processed out of order"
        ),
        "{m}"
    );
    assert!(
        m.contains("Please wait for our go-ahead before you send anything."),
        "{m}"
    );
    assert!(m.contains("What we need you to change:"), "{m}");
    // Told already: not told again.
    a.out_of_order_told = true;
    let m = github::write(&report(&a).message);
    assert!(!m.contains("processed out of order"), "{m}");
    // The query runs on the data the import comes from, not in PostHog.
    let mut b = import();
    b.ids_unknown = true;
    let m = github::write(&report(&b).message);
    assert!(m.contains("on the data you will import"), "{m}");
    assert!(!m.contains("SQL editor"), "{m}");
    // A load test asks about its script's distinct_ids, and no query.
    let m = github::write(&report(&load_test()).message);
    assert!(
        m.contains("How many distinct_ids will the test's script send events for"),
        "{m}"
    );
    assert!(!m.contains("select count(*)"), "{m}");
}

/// What the customer reads says only what the page says: no "attack", no "will be
/// rate-limited", no number of ours as a limit.
#[test]
fn the_customer_hears_the_pages_may_and_none_of_our_numbers() {
    let mut a = single_steps(&[], "5000");
    a.ramp = Some(Ramp::AllAtOnce);
    a.backs_off = Some(Tri::No);
    a.start_date = "2026-12-12".into();
    a.start_time = "10:00".into();
    a.time_zone = "UTC".into();
    // Batches all at once: no ramp-up, but no denial of service.
    let batches = Answers {
        transport: Some(Transport::Batch),
        load_transport: Some(Transport::Batch),
        ..a.clone()
    };
    for a in [a, batches] {
        let r = report(&a);
        let mut told: Vec<String> = r
            .findings
            .iter()
            .filter_map(|f| f.tell.as_ref().map(|t| t.text().to_string()))
            .collect();
        assert!(r
            .findings
            .iter()
            .any(|f| matches!(f.tell, Some(Tell::Change(_)))));
        told.push(github::write(&r.message));
        for t in told {
            for banned in [
                "attack",
                "will be rate-limited",
                "3,000",
                "09:00",
                "17:00",
                "Monday to Friday",
                "30 to 60",
                "minutes",
            ] {
                assert!(!t.contains(banned), "{banned:?} in: {t}");
            }
        }
    }
}

/// An answered question is not asked again, and a request outlives "the customer was
/// told": a planned test run is not asked for; the ordering of identity events is still
/// asked where merges meet hot ids.
#[test]
fn what_was_answered_or_told_is_not_asked_again_but_requests_stay() {
    let mut a = import();
    let asks_test = |a: &Answers| {
        github::write(&report(a).message).contains("Please send about 10,000 events first")
    };
    assert!(asks_test(&a));
    a.test_run_date = "2026-12-07".into();
    assert!(!asks_test(&a));
    let mut b = busy(import(), Some(Tri::Yes));
    b.event_types = vec!["$identify".into()];
    b.out_of_order_told = true;
    let m = github::write(&report(&b).message);
    assert!(!m.contains("processed out of order"), "{m}");
    assert!(m.contains("Please send events in timestamp order"), "{m}");
}

/// "Not sure" is not "yes": it never ticks a checklist line.
#[test]
fn not_sure_never_ticks_a_line() {
    let mut a = import();
    a.apps = Some(Tri::NotSure);
    let md = github::write(&report(&a).block);
    assert!(md.contains("- [ ] Apps reviewed"), "{md}");
    a.apps = Some(Tri::No);
    let md = github::write(&report(&a).block);
    assert!(md.contains("- [x] Apps reviewed"), "{md}");
}

/// Cross-checks between answers: the test run before the start, the newest event
/// before the start.
#[test]
fn the_test_run_and_the_newest_event_come_before_the_start() {
    let mut a = import();
    a.start_date = "2026-12-10".into();
    a.test_run_date = "2026-12-11".into();
    a.newest_event = "2026-12-12".into();
    let errors = report(&a).errors;
    let on = |field| errors.iter().any(|e| e.field == field && !e.missing);
    use historical_import_checklist::checklist::questions::Field;
    assert!(on(Field::TestRunDate), "{errors:?}");
    assert!(on(Field::NewestEvent), "{errors:?}");
}

/// The ticket as the team reads it: nothing addressed to the team about itself, the
/// load test's alert first and not counted, told or not told once, the most urgent risk
/// on top, requests per second beside events per second, a load test called one.
#[test]
fn the_ticket_as_the_pipeline_team_reads_it() {
    let mut a = busy(import(), Some(Tri::Yes));
    a.events_per_request = "1,000".into();
    a.out_of_order_told = true;
    let md = github::write(&report(&a).block);
    assert!(!md.contains("The pipeline team may"), "{md}");
    assert!(md.contains("5,000 events/s (5 requests/s)"), "{md}");
    let tell = md.split("### Tell the customer").nth(1).unwrap_or("");
    assert!(!tell.contains("out of order"), "told already:\n{md}");
    // A start tomorrow without notice: the most urgent risk is the notice.
    a.start_date = "2026-11-27".into();
    a.start_time = "10:00".into();
    a.time_zone = "America/New_York".into();
    a.duration = "10".into();
    let md = github::write(&report(&a).block);
    assert!(md.contains("top risk: Short notice"), "{md}");
    // A load test: the alert is the first line, not a counted warning, and the ticket
    // speaks of a load test throughout.
    let mut b = load_test();
    b.committed = false;
    let r = report(&b);
    let md = github::write(&r.block);
    assert!(
        md.starts_with("**Load test alert for the pipeline team:**"),
        "{md}"
    );
    assert!(!md.contains("Warning: Load test"), "{md}");
    assert!(
        md.contains("Not relying on the load test to validate the use case"),
        "{md}"
    );
    assert!(!md.contains("the import"), "{md}");
    let status = md
        .lines()
        .find(|l| l.starts_with("**Status:**"))
        .unwrap_or("");
    assert!(status.contains("0 warnings"), "{status}");
    // "Both": the import's senders are the import's, and the load test's rate and
    // duration are said to be shared.
    let mut c = import();
    c.kind = Some(Kind::Both);
    c.sender_concurrency = "16".into();
    let md = github::write(&report(&c).block);
    assert!(md.contains("; 16 concurrent senders;"), "{md}");
    assert!(
        md.contains("peak rate and duration as the import's"),
        "{md}"
    );
}

/// A pasted sample never silently replaces what was typed: it fills what is empty, and
/// where a typed answer disagrees, that is a warning with both numbers.
#[test]
fn a_sample_fills_what_is_empty_and_disagreements_are_a_warning() {
    use historical_import_checklist::checklist::sample::{apply, measured, read};
    let lines = "{\"event\":\"$identify\",\"distinct_id\":\"a\",\"properties\":{\"pad\":\""
        .to_string()
        + &"x".repeat(38_000)
        + "\"}}\n";
    let sample = read(&lines, NOW, 48).unwrap();
    let mut a = import();
    a.avg_event_bytes = "1.2 KB".into();
    let filled = apply(&mut a, measured(&sample));
    assert_eq!(a.avg_event_bytes, "1.2 KB", "typed answers stay");
    assert!(!a.max_event_bytes.is_empty(), "an empty one is filled");
    assert!(!filled.is_empty());
    let r = report(&a);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == FindingId::SampleDisagrees)
        .unwrap();
    assert!(
        f.why
            .contains("1.2 KB in the answers, 38.1 KB in the sample"),
        "{}",
        f.why
    );
    let md = github::write(&r.block);
    assert!(
        md.contains("**Measured** the largest event size, event names (from a sample of 1 event)"),
        "{md}"
    );
    // The sample's text is never kept: only its measures and names.
    assert!(!a.sample.contains("xxx"), "{}", a.sample);
    let mut agree = import();
    agree.avg_event_bytes = "38 KB".into();
    apply(&mut agree, measured(&sample));
    check(
        FindingId::SampleDisagrees,
        vec![
            (
                "1.2 KB typed, 38 KB measured",
                a,
                true,
                "sample-mismatch-factor",
            ),
            (
                "38 KB typed and measured",
                agree,
                false,
                "sample-mismatch-factor",
            ),
        ],
    );
}
