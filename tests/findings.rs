//! Each rule of the findings, at its boundary: it fires at the threshold and not just
//! below it. Table-driven where the rule is a single comparison.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::block::github;
use historical_import_checklist::checklist::questions::answers::{
    AppKind, DurationUnit, Kind, Ramp, RateUnit, Transport, Tri,
};
use historical_import_checklist::checklist::questions::lists::App;
use historical_import_checklist::checklist::rules::findings::Severity;
use historical_import_checklist::checklist::schedule::time::BuiltinZones;
use historical_import_checklist::checklist::{evaluate, Answers, Config, Env, Finding, FindingId};

/// Thu 2026-11-26 12:00 UTC.
const NOW: i64 = 1_795_694_400;

fn run_with(a: &Answers, config: &Config) -> Vec<Finding> {
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    evaluate(a, config, &env).findings
}

fn run(a: &Answers) -> Vec<Finding> {
    run_with(a, &Config::default())
}

fn get(a: &Answers, id: FindingId) -> Option<Finding> {
    run(a).into_iter().find(|f| f.id == id)
}

/// Committed, a batch import with the flag set: the base of every case.
fn ok() -> Answers {
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

#[test]
fn gate_blocks_until_all_three_are_confirmed() {
    assert_eq!(get(&ok(), FindingId::CommitmentGate), None);
    let mut a = ok();
    a.committed = false;
    let f = get(&a, FindingId::CommitmentGate).unwrap();
    assert_eq!(f.severity, Severity::Blocking);
    assert!(f.action.contains("Do not request the import yet"));
    assert!(f.action.contains("they are committed"));
    assert!(!f.action.contains("product questions"));
}

/// Answers that raise findings of every severity: not committed, apps on, `$identify`.
fn mixed() -> Answers {
    let mut a = ok();
    a.committed = false;
    a.apps = Some(Tri::Yes);
    a.event_types = vec!["$identify".into()];
    a
}

#[test]
fn findings_come_blocking_first() {
    let severities: Vec<Severity> = run(&mixed()).iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(severities[0], Severity::Blocking);
}

/// The panel keeps one item per finding, in `FindingId::in_report_order`: the report
/// lists whatever it raises in that order.
#[test]
fn findings_come_in_the_order_the_panel_keeps() {
    let mut b = ok();
    b.kind = Some(Kind::LoadTest);
    b.historical_migration = Some(Tri::No);
    let mut seen = Vec::new();
    for answers in [mixed(), b, ok(), Answers::default()] {
        let raised: Vec<FindingId> = run(&answers).iter().map(|f| f.id).collect();
        for &id in &raised {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        let expected: Vec<FindingId> = FindingId::in_report_order()
            .into_iter()
            .filter(|id| raised.contains(id))
            .collect();
        assert_eq!(raised, expected);
    }
    assert!(seen.len() >= 5, "{seen:?}");
    let order = FindingId::in_report_order();
    assert_eq!(order.len(), FindingId::ALL.len());
    assert!(order.windows(2).all(|w| w[0].severity() <= w[1].severity()));
}

fn at(date: &str, time: &str, zone: &str) -> Answers {
    Answers {
        start_date: date.into(),
        start_time: time.into(),
        time_zone: zone.into(),
        duration: "1".into(),
        ..ok()
    }
}

fn at_for(date: &str, time: &str, zone: &str, duration_min: &str) -> Answers {
    Answers {
        duration: duration_min.into(),
        duration_unit: DurationUnit::Minutes,
        ..at(date, time, zone)
    }
}

/// Which schedule finding (if any) a run raises.
fn schedule_finding(a: &Answers, config: &Config) -> Option<FindingId> {
    run_with(a, config).into_iter().map(|f| f.id).find(|id| {
        matches!(
            id,
            FindingId::ScheduleWeekend
                | FindingId::ScheduleOutsideHours
                | FindingId::ScheduleRunsLate
        )
    })
}

#[test]
fn the_share_of_the_run_outside_the_window_decides() {
    use FindingId::{ScheduleOutsideHours as Warn, ScheduleRunsLate as Note};
    // Tue 10 Dec 2030 (CET) and Tue 9 Jul 2030 (CEST), Amsterdam time; the window is
    // 09:00–17:00 and more than 25 % outside is a warning, any part outside a note.
    let cases = [
        ("2030-12-10", "09:00", "480", None),
        ("2030-12-10", "08:59", "481", Some(Note)),
        ("2030-12-10", "09:00", "481", Some(Note)),
        // 160 of 640 minutes outside: 25 %, at the threshold.
        ("2030-12-10", "09:00", "640", Some(Note)),
        ("2030-12-10", "09:00", "641", Some(Warn)),
        ("2030-12-10", "16:59", "1", None),
        ("2030-12-10", "17:00", "1", Some(Warn)),
        ("2030-12-10", "08:59", "1", Some(Warn)),
        ("2030-07-09", "08:59", "60", Some(Note)),
        ("2030-07-09", "09:00", "60", None),
        ("2030-07-09", "16:00", "61", Some(Note)),
    ];
    for (date, time, duration, expected) in cases {
        let a = at_for(date, time, "Europe/Amsterdam", duration);
        assert_eq!(
            schedule_finding(&a, &Config::default()),
            expected,
            "{date} {time} for {duration} min"
        );
    }
}

#[test]
fn without_a_duration_only_the_start_is_judged() {
    for (time, outside) in [
        ("08:59", true),
        ("09:00", false),
        ("16:59", false),
        ("17:00", true),
    ] {
        let mut a = at("2030-12-10", time, "Europe/Amsterdam");
        a.duration = String::new();
        assert_eq!(
            get(&a, FindingId::ScheduleOutsideHours).is_some(),
            outside,
            "{time}"
        );
    }
}

#[test]
fn a_run_through_the_night_is_a_warning_with_the_hours_outside() {
    // Tue 16:00 to Wed 10:00 CET: 2 of 18 h inside.
    let a = at_for("2030-12-10", "16:00", "Europe/Amsterdam", "1080");
    let f = get(&a, FindingId::ScheduleOutsideHours).unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.why.ends_with("It runs through the night."), "{}", f.why);
    assert!(
        f.why
            .starts_with("16 h of the 18 h run (88.9 %) is outside the pipeline team's hours"),
        "{}",
        f.why
    );
}

#[test]
fn a_run_over_a_weekend_counts_the_weekend_outside() {
    // Fri 13 Dec 2030 09:00 → Mon 16 Dec 17:00 CET: 16 of 80 h inside.
    let a = at_for("2030-12-13", "09:00", "Europe/Amsterdam", "4800");
    let f = get(&a, FindingId::ScheduleOutsideHours).unwrap();
    assert!(
        f.why
            .starts_with("2 days 16 h of the 3 days 8 h run (80 %) is outside")
            && f.why
                .ends_with("It runs through the night and over 2 weekend days."),
        "{}",
        f.why
    );
}

#[test]
fn across_the_autumn_dst_switch_the_run_is_measured_in_real_hours() {
    // Fri 25 Oct 2030 09:00 CEST → Mon 28 Oct 17:00 CET: clocks go back on Sunday the
    // 27th, so the run is 81 h long (not 80), 16 h of them inside the window.
    let a = at_for("2030-10-25", "09:00", "Europe/Amsterdam", "4860");
    let f = get(&a, FindingId::ScheduleOutsideHours).unwrap();
    assert!(
        f.why
            .starts_with("2 days 17 h of the 3 days 9 h run (80.2 %)"),
        "{}",
        f.why
    );
    // Monday's window is 08:00–16:00 UTC again (CET); Friday's was 07:00–15:00 (CEST).
    assert_eq!(
        schedule_finding(
            &at_for("2030-10-28", "07:59", "UTC", "60"),
            &Config::default()
        ),
        Some(FindingId::ScheduleRunsLate)
    );
    assert_eq!(
        schedule_finding(
            &at_for("2030-10-28", "08:00", "UTC", "60"),
            &Config::default()
        ),
        None
    );
    assert_eq!(
        schedule_finding(
            &at_for("2030-10-25", "07:00", "UTC", "60"),
            &Config::default()
        ),
        None
    );
    assert_eq!(
        schedule_finding(
            &at_for("2030-10-25", "14:01", "UTC", "60"),
            &Config::default()
        ),
        Some(FindingId::ScheduleRunsLate)
    );
}

#[test]
fn public_holidays_are_days_off_unless_the_host_says_otherwise() {
    // Wed 25 Dec 2030 is Christmas Day.
    let a = at("2030-12-25", "10:00", "Europe/Amsterdam");
    let f = get(&a, FindingId::ScheduleWeekend).unwrap();
    assert_eq!(f.title, "Starts on a day off");
    assert!(
        f.why.contains("Wed 25 Dec 2030 (Amsterdam), Christmas Day"),
        "{}",
        f.why
    );
    let mut none = Config::default();
    none.set_attribute("team-days-off", "none").unwrap();
    assert_eq!(schedule_finding(&a, &none), None);
    let mut custom = Config::default();
    custom.set_attribute("team-days-off", "2030-12-24").unwrap();
    let eve = at("2030-12-24", "10:00", "Europe/Amsterdam");
    assert_eq!(
        schedule_finding(&eve, &custom),
        Some(FindingId::ScheduleWeekend)
    );
    assert_eq!(schedule_finding(&eve, &Config::default()), None);
    // A run from Tuesday into Christmas names the holiday.
    let into = at_for("2030-12-24", "09:00", "Europe/Amsterdam", "1920");
    let f = get(&into, FindingId::ScheduleOutsideHours).unwrap();
    assert!(
        f.why.contains("on Wed 25 Dec 2030 (Christmas Day)"),
        "{}",
        f.why
    );
}

#[test]
fn weekends_are_flagged_in_amsterdam_time() {
    assert!(get(
        &at("2030-12-14", "10:00", "Europe/Amsterdam"),
        FindingId::ScheduleWeekend
    )
    .is_some());
    // Friday 23:30 in New York is already Saturday in Amsterdam.
    assert!(get(
        &at("2030-12-13", "23:30", "America/New_York"),
        FindingId::ScheduleWeekend
    )
    .is_some());
    assert!(get(
        &at("2030-12-13", "10:00", "Europe/Amsterdam"),
        FindingId::ScheduleWeekend
    )
    .is_none());
}

#[test]
fn short_notice_counts_the_working_days_between_today_and_the_start() {
    // Now is Thursday 26 Nov 2026. Neither today nor the start day counts: a start on
    // Wed 2 Dec leaves Fri, Mon and Tue, the three days asked for.
    let cases = [
        ("2026-11-30", true),
        ("2026-12-01", true),
        ("2026-12-02", false),
    ];
    for (date, short) in cases {
        assert_eq!(
            get(
                &at(date, "10:00", "Europe/Amsterdam"),
                FindingId::ShortNotice
            )
            .is_some(),
            short,
            "{date}"
        );
    }
    let f = get(
        &at("2026-12-01", "10:00", "Europe/Amsterdam"),
        FindingId::ShortNotice,
    )
    .unwrap();
    assert!(f
        .why
        .starts_with("There are 2 working days between today and the start day"));
    // A day off in between does not count either.
    let mut config = Config::default();
    config
        .set_attribute("team-days-off", "nl,2026-11-27")
        .unwrap();
    let a = at("2026-12-02", "10:00", "Europe/Amsterdam");
    assert!(run_with(&a, &config)
        .iter()
        .any(|f| f.id == FindingId::ShortNotice));
    let lenient = Config {
        lead_time_working_days: 1,
        ..Config::default()
    };
    let a = at("2026-11-30", "10:00", "Europe/Amsterdam");
    assert!(!run_with(&a, &lenient)
        .iter()
        .any(|f| f.id == FindingId::ShortNotice));
    // A start earlier today is in the past (validation says so), not short notice.
    let a = at("2026-11-26", "12:59", "Europe/Amsterdam");
    assert!(get(&a, FindingId::ShortNotice).is_none());
}

fn ids(max: &str, total: &str) -> Answers {
    Answers {
        max_events_per_id: max.into(),
        total_events: total.into(),
        ..ok()
    }
}

#[test]
fn without_a_peak_rate_the_count_alone_decides() {
    let mut a = ids("99,999", "100M");
    a.historical_migration = Some(Tri::No);
    assert!(get(&a, FindingId::HotDistinctIds).is_none());
    a.max_events_per_id = "100,000".into();
    assert!(get(&a, FindingId::HotDistinctIds).is_some());
}

#[test]
fn merge_events_are_a_note_unless_ids_are_hot() {
    let mut a = ids("10", "1M");
    a.event_types = vec!["$create_alias".into(), "$identify".into()];
    let f = get(&a, FindingId::MergeSensitiveEvents).unwrap();
    assert_eq!(f.severity, Severity::Info);
    assert!(f.why.starts_with("$identify, $create_alias are"));
    a.max_events_per_id = "500k".into();
    assert!(get(&a, FindingId::MergeSensitiveEvents).is_none());
    let f = get(&a, FindingId::MergesWithHotIds).unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.why.contains("alias before the identify"));
}

#[test]
fn apps_yes_or_not_sure_warn() {
    let mut a = ok();
    assert!(get(&a, FindingId::AppsEnabled).is_none());
    a.apps = Some(Tri::No);
    assert!(get(&a, FindingId::AppsEnabled).is_none());
    a.apps = Some(Tri::NotSure);
    assert_eq!(
        get(&a, FindingId::AppsEnabled).unwrap().title,
        "Apps possibly enabled"
    );
    a.apps = Some(Tri::Yes);
    a.app_list = vec![App {
        name: "HubSpot".into(),
        kind: AppKind::Destination,
    }];
    let f = get(&a, FindingId::AppsEnabled).unwrap();
    assert!(f.why.starts_with("HubSpot (destination)"));
}

/// The size findings raised, in rule order.
fn sizes(a: &Answers, config: &Config) -> Vec<FindingId> {
    run_with(a, config)
        .into_iter()
        .map(|f| f.id)
        .filter(|id| {
            matches!(
                id,
                FindingId::EventTooLarge
                    | FindingId::EventNearLimit
                    | FindingId::RequestTooLarge
                    | FindingId::RequestNearLimit
            )
        })
        .collect()
}

#[test]
fn the_largest_event_is_warned_at_80_percent_of_the_event_cap_and_blocked_above_it() {
    use FindingId::{EventNearLimit as Near, EventTooLarge as Over};
    // The event cap is 1,000,000 bytes; 80 % is 800,000.
    let cases: [(&str, &[FindingId]); 4] = [
        ("799,999", &[]),
        ("800,000", &[Near]),
        ("1,000,000", &[Near]),
        ("1,000,001", &[Over]),
    ];
    for (largest, expected) in cases {
        let mut a = ok();
        a.events_per_request = "1".into();
        a.avg_event_bytes = "1000".into();
        a.max_event_bytes = largest.into();
        assert_eq!(sizes(&a, &Config::default()), expected, "{largest}");
    }
    // Without the largest, the average stands in for it.
    let mut a = ok();
    a.avg_event_bytes = "800,000".into();
    assert_eq!(sizes(&a, &Config::default()), [Near]);
    let f = get(&a, FindingId::EventNearLimit).unwrap();
    assert!(f.why.starts_with("An average event of"), "{}", f.why);
}

#[test]
fn batch_requests_are_warned_at_80_percent_of_the_batch_cap_and_blocked_above_it() {
    use FindingId::{RequestNearLimit as Near, RequestTooLarge as Over};
    // 1,024 events per request; the cap is 20 MiB, so 80 % is 16,384 bytes per event.
    let cases: [(&str, &[FindingId]); 5] = [
        ("16,383", &[]),
        ("16,384", &[Near]),
        ("20,480", &[Near]),
        ("20,481", &[Over]),
        ("20,482", &[Over]),
    ];
    for (avg, expected) in cases {
        let mut a = ok();
        a.events_per_request = "1024".into();
        a.avg_event_bytes = avg.into();
        a.max_event_bytes = avg.into();
        assert_eq!(sizes(&a, &Config::default()), expected, "{avg}");
    }
    let mut a = ok();
    a.events_per_request = "1000".into();
    a.avg_event_bytes = "20,972".into();
    let f = get(&a, FindingId::RequestTooLarge).unwrap();
    assert_eq!(f.severity, Severity::Blocking);
    assert!(
        f.action
            .contains("at most 799 events per request (leaves 20 % headroom)"),
        "{}",
        f.action
    );
}

#[test]
fn a_single_event_request_is_its_largest_event() {
    use FindingId::{RequestNearLimit as Near, RequestTooLarge as Over};
    // With a larger event cap, the 2 MiB request cap decides: 80 % is 1,677,721.6.
    let config = Config {
        event_cap_bytes: 10_000_000,
        ..Config::default()
    };
    let cases: [(&str, &[FindingId]); 4] = [
        ("1,677,721", &[]),
        ("1,677,722", &[Near]),
        ("2,097,152", &[Near]),
        ("2,097,153", &[Over]),
    ];
    for (largest, expected) in cases {
        let mut a = ok();
        a.transport = Some(Transport::Single);
        a.avg_event_bytes = "1000".into();
        a.max_event_bytes = largest.into();
        assert_eq!(sizes(&a, &config), expected, "{largest}");
    }
    // With the real caps an event over 2 MiB is over both: both say so, and a request
    // that is close only because its event is too large says nothing more.
    let mut a = ok();
    a.transport = Some(Transport::Single);
    a.avg_event_bytes = "1000".into();
    a.max_event_bytes = "3M".into();
    assert_eq!(
        sizes(&a, &Config::default()),
        [FindingId::EventTooLarge, FindingId::RequestTooLarge]
    );
    a.max_event_bytes = "1.8M".into();
    assert_eq!(sizes(&a, &Config::default()), [FindingId::EventTooLarge]);
}

#[test]
fn historical_flag_and_recent_events() {
    let mut a = ok();
    a.historical_migration = Some(Tri::No);
    assert_eq!(
        get(&a, FindingId::NoHistoricalFlag).unwrap().severity,
        Severity::Warning
    );
    a.kind = Some(Kind::LoadTest);
    assert!(get(&a, FindingId::NoHistoricalFlag).is_none());

    let mut a = at("2030-12-10", "10:00", "UTC");
    // 8 Dec ends 34 h before the start (too recent); 7 Dec ends 58 h before it.
    a.newest_event = "2030-12-08".into();
    assert!(get(&a, FindingId::RecentEvents).is_some());
    a.newest_event = "2030-12-07".into();
    assert!(get(&a, FindingId::RecentEvents).is_none());
}

#[test]
fn peak_rate_and_volume_consistency() {
    let mut a = ok();
    a.peak_rate = "3,000".into();
    assert!(get(&a, FindingId::HighPeakRate).is_none());
    a.peak_rate = "3,001".into();
    assert!(get(&a, FindingId::HighPeakRate).is_some());
    // 180,001 events/min is just over 3,000/s.
    a.peak_rate = "180,001".into();
    a.rate_unit = RateUnit::PerMinute;
    assert!(get(&a, FindingId::HighPeakRate).is_some());

    let mut a = ok();
    a.peak_rate = "1000".into();
    a.duration = "1".into();
    a.ramp = Some(Ramp::AllAtOnce);
    // 3.6M expected; a factor of 3 either way is tolerated.
    a.total_events = "10.8M".into();
    assert!(get(&a, FindingId::VolumeMismatch).is_none());
    a.total_events = "10.9M".into();
    assert!(get(&a, FindingId::VolumeMismatch).is_some());
    a.total_events = "1.2M".into();
    assert!(get(&a, FindingId::VolumeMismatch).is_none());
    a.total_events = "1.1M".into();
    assert!(get(&a, FindingId::VolumeMismatch).is_some());
}

fn profile(transport: Transport, peak: &str, ramp: Ramp) -> Answers {
    Answers {
        kind: Some(Kind::LoadTest),
        load_transport: Some(transport),
        transport: Some(transport),
        peak_rate: peak.into(),
        ramp: Some(ramp),
        ..ok()
    }
}

#[test]
fn a_load_test_is_called_a_load_test_everywhere() {
    let mut a = profile(Transport::Single, "2000", Ramp::AllAtOnce);
    a.committed = false;
    a.not_validating_with_import = false;
    a.ids_unknown = true;
    a.events_not_sure = true;
    a.event_types = vec!["$identify".into()];
    a.max_events_per_id = "1M".into();
    a.apps = Some(Tri::Yes);
    a.start_date = "2026-11-30".into();
    a.start_time = "10:00".into();
    a.time_zone = "UTC".into();
    let found = run(&a);
    assert!(found.len() >= 6, "{found:?}");
    for f in found {
        let texts = [
            &f.title,
            &f.why,
            &f.action,
            &f.tell
                .as_ref()
                .map(|x| x.text().to_string())
                .unwrap_or_default(),
        ]
        .map(|t| t.to_string());
        for t in texts {
            assert!(!t.contains("import"), "{:?}: {t}", f.id);
        }
    }
}

#[test]
fn every_finding_id_has_a_distinct_code_and_its_own_severity() {
    let mut codes: Vec<&str> = FindingId::ALL.iter().map(|f| f.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), FindingId::ALL.len());
    // Severity belongs to the id: the same finding never changes severity.
    let mut a = ok();
    a.committed = false;
    for f in run(&a) {
        assert_eq!(f.severity, f.id.severity(), "{:?}", f.id);
    }
}

fn block(a: &Answers) -> String {
    let env = Env {
        now: NOW,
        zones: &BuiltinZones,
    };
    github::write(&evaluate(a, &Config::default(), &env).block)
}

fn when_row(a: &Answers) -> String {
    let md = block(a);
    md.lines()
        .find_map(|l| l.strip_prefix("| When | "))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_when_row_leads_with_the_amsterdam_date_and_time() {
    // Sunday 17:30 in Chicago is Monday 00:30 in Amsterdam: the row says Monday.
    let a = at("2026-12-06", "17:30", "America/Chicago");
    assert_eq!(
        when_row(&a),
        "Mon 7 Dec 2026, 00:30–01:30 CET (Sun 6 Dec 2026, 23:30 UTC → Mon 7 Dec 2026, 00:30 UTC; customer Sun 6 Dec 2026, 17:30–18:30 America/Chicago) |"
    );
    // Across the spring switch: 01:30 CET to 03:30 CEST in Amsterdam, 2 h in real time.
    let a = at_for("2030-03-31", "00:30", "UTC", "120");
    assert_eq!(
        when_row(&a),
        "Sun 31 Mar 2030, 01:30 CET–04:30 CEST (00:30–02:30 UTC; customer 00:30–02:30 UTC) |"
    );
}

#[test]
fn a_load_tests_block_opens_with_its_alert() {
    let mut a = at("2030-12-10", "10:00", "Europe/Amsterdam");
    a.kind = Some(Kind::LoadTest);
    let md = block(&a);
    assert!(
        md.starts_with("**Load test alert for the pipeline team:** a load test is planned to start Tue 10 Dec 2030, 10:00 CET. This request is sent early so that you can prepare.\n\n## URGENT: load test request"),
        "{md}"
    );
    a.committed = false;
    let first = block(&a).lines().next().unwrap_or_default().to_string();
    assert!(
        first.ends_with(
            "The customer's commitment is not confirmed yet: they send nothing until it is."
        ),
        "{first}"
    );
    // An import's block opens with its heading.
    assert!(block(&ok()).starts_with("## Historical import request"));
}
