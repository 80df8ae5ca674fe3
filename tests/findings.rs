//! Each rule of the findings, at its boundary: it fires at the threshold and not just
//! below it. Table-driven where the rule is a single comparison.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::answers::{
    App, AppKind, Kind, Ramp, RateUnit, Transport, Tri,
};
use historical_import_checklist::checklist::findings::{load_test_banner, Severity};
use historical_import_checklist::checklist::time::BuiltinZones;
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

#[test]
fn findings_come_blocking_first() {
    let mut a = ok();
    a.committed = false;
    a.apps = Some(Tri::Yes);
    a.event_types = vec!["$identify".into()];
    let severities: Vec<Severity> = run(&a).iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(severities[0], Severity::Blocking);
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

#[test]
fn schedule_window_boundaries_in_winter_and_summer() {
    // (date, time in Amsterdam, outside the 09:00–17:00 window?)
    let cases = [
        ("2030-12-10", "08:59", true),
        ("2030-12-10", "09:00", false),
        ("2030-12-10", "16:59", false),
        ("2030-12-10", "17:00", true),
        ("2030-07-09", "08:59", true),
        ("2030-07-09", "09:00", false),
    ];
    for (date, time, outside) in cases {
        let a = at(date, time, "Europe/Amsterdam");
        assert_eq!(
            get(&a, FindingId::ScheduleOutsideHours).is_some(),
            outside,
            "{date} {time}"
        );
    }
}

#[test]
fn outside_hours_states_the_window_in_the_customers_time() {
    let a = at("2030-12-10", "02:00", "America/New_York");
    let f = get(&a, FindingId::ScheduleOutsideHours).unwrap();
    assert!(
        f.why
            .contains("09:00–17:00 CET (03:00–11:00 in America/New_York)"),
        "{}",
        f.why
    );
    assert!(f.tell_customer.unwrap().contains("Monday to Friday"));
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
fn long_runs_past_the_window_are_a_note() {
    let mut a = at("2030-12-10", "09:00", "Europe/Amsterdam");
    a.duration = "8".into();
    assert!(get(&a, FindingId::ScheduleRunsLate).is_none());
    a.duration = "9".into();
    let f = get(&a, FindingId::ScheduleRunsLate).unwrap();
    assert_eq!(f.severity, Severity::Info);
    assert!(f.why.contains("last 1 h"));
}

#[test]
fn short_notice_counts_working_days() {
    // Now is Thursday 26 Nov 2026; three working days later is Tuesday 1 Dec.
    assert!(get(
        &at("2026-11-30", "10:00", "Europe/Amsterdam"),
        FindingId::ShortNotice
    )
    .is_some());
    assert!(get(
        &at("2026-12-01", "10:00", "Europe/Amsterdam"),
        FindingId::ShortNotice
    )
    .is_none());
    let lenient = Config {
        lead_time_working_days: 1,
        ..Config::default()
    };
    let a = at("2026-11-30", "10:00", "Europe/Amsterdam");
    assert!(!run_with(&a, &lenient)
        .iter()
        .any(|f| f.id == FindingId::ShortNotice));
}

fn ids(max: &str, total: &str) -> Answers {
    Answers {
        max_events_per_id: max.into(),
        total_events: total.into(),
        ..ok()
    }
}

#[test]
fn hot_ids_by_count_or_by_share() {
    let cases = [
        ("99,999", "100M", false),
        ("100,000", "100M", true),
        ("9,999", "100,000", false),
        ("10,000", "100,000", true),
        // A large share of a tiny import is not hot.
        ("999", "1,000", false),
    ];
    for (max, total, hot) in cases {
        assert_eq!(
            get(&ids(max, total), FindingId::HotDistinctIds).is_some(),
            hot,
            "{max} of {total}"
        );
    }
    let f = get(&ids("2.4M", "180M"), FindingId::HotDistinctIds).unwrap();
    assert!(f.why.contains("2,400,000 events, 1.3 % of all events"));
    assert!(f.tell_customer.unwrap().contains("out of order"));
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

#[test]
fn request_and_event_size_caps_block() {
    let mut a = ok();
    a.events_per_request = "1000".into();
    // 20 MiB = 20,971,520 bytes: 20,971 bytes per event fits, 20,972 does not.
    a.avg_event_bytes = "20,971".into();
    assert!(get(&a, FindingId::RequestTooLarge).is_none());
    a.avg_event_bytes = "20,972".into();
    let f = get(&a, FindingId::RequestTooLarge).unwrap();
    assert_eq!(f.severity, Severity::Blocking);
    assert!(
        f.action.contains("at most 799 events per request"),
        "{}",
        f.action
    );

    a.transport = Some(Transport::Single);
    a.avg_event_bytes = "999,999".into();
    assert!(get(&a, FindingId::EventTooLarge).is_none());
    a.avg_event_bytes = "1,000,000".into();
    assert!(get(&a, FindingId::EventTooLarge).is_some());
    // A single-event request over 2 MiB is also over the event cap: both say so.
    a.avg_event_bytes = "3M".into();
    assert!(get(&a, FindingId::RequestTooLarge).is_some());
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

#[test]
fn load_tests_are_urgent_and_all_at_once_single_requests_are_a_denial_of_service() {
    let mut a = ok();
    a.kind = Some(Kind::LoadTest);
    assert!(get(&a, FindingId::LoadTest)
        .unwrap()
        .title
        .contains("alert the pipeline team now"));

    a.load_transport = Some(Transport::Single);
    a.ramp = Some(Ramp::AllAtOnce);
    a.peak_rate = "99".into();
    assert!(get(&a, FindingId::DenialOfService).is_none());
    assert!(get(&a, FindingId::NoRampUp).is_some());
    a.peak_rate = "100".into();
    let f = get(&a, FindingId::DenialOfService).unwrap();
    assert_eq!(f.severity, Severity::Blocking);
    assert!(f
        .why
        .contains("not a load test but closer to a denial of service"));
    assert!(get(&a, FindingId::NoRampUp).is_none());
    a.ramp = Some(Ramp::Linear);
    assert!(get(&a, FindingId::DenialOfService).is_none());
}

#[test]
fn the_pipeline_team_name_comes_from_config() {
    let mut a = ok();
    a.kind = Some(Kind::LoadTest);
    let config = Config {
        pipeline_team: "#team-ingestion".into(),
        ..Config::default()
    };
    let f = run_with(&a, &config)
        .into_iter()
        .find(|f| f.id == FindingId::LoadTest)
        .unwrap();
    assert!(f.action.contains("Send this request to #team-ingestion"));
    assert_eq!(f.title, "Load test: alert #team-ingestion now");
    // The widget's load-test banner names the same team.
    assert_eq!(
        load_test_banner(&config),
        "alert #team-ingestion now, even before every answer is in."
    );
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
