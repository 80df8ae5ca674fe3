//! The browser's clock and time zones (`browser::intl`), through `Temporal` and through
//! `Intl`, held to known offsets and to each other.

use historical_import_checklist::browser::intl::{
    browser_zone, clock, day_and_clock, fill_zones, intl_offset, temporal_offset,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

/// 2026-01-15 12:00 UTC and 2026-07-15 12:00 UTC, in ms since the epoch.
const JANUARY: f64 = 1_768_478_400_000.0;
const JULY: f64 = 1_784_116_800_000.0;

/// Whether this browser has `Temporal` (the widget then reads zones through it).
fn has_temporal() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("Temporal")).unwrap_or(false)
}

#[wasm_bindgen_test]
fn both_sources_give_a_zones_offset_in_winter_and_summer() {
    let known = [
        ("Asia/Kolkata", 330, 330),
        ("Asia/Kathmandu", 345, 345),
        ("America/New_York", -300, -240),
        ("Europe/London", 0, 60),
        ("Australia/Sydney", 660, 600),
        ("UTC", 0, 0),
    ];
    for (zone, winter, summer) in known {
        assert_eq!(
            intl_offset(zone, JANUARY),
            Some(winter),
            "Intl, {zone} in January"
        );
        assert_eq!(
            intl_offset(zone, JULY),
            Some(summer),
            "Intl, {zone} in July"
        );
        // Where the browser has Temporal (Chromium does), the widget reads it.
        if has_temporal() {
            assert_eq!(
                temporal_offset(zone, JANUARY),
                Some(winter),
                "Temporal, {zone} in January"
            );
            assert_eq!(
                temporal_offset(zone, JULY),
                Some(summer),
                "Temporal, {zone} in July"
            );
        }
    }
}

#[wasm_bindgen_test]
fn an_offset_reads_as_itself() {
    assert_eq!(intl_offset("+05:30", JANUARY), Some(330));
    if has_temporal() {
        assert_eq!(temporal_offset("+05:30", JANUARY), Some(330));
    }
}

#[wasm_bindgen_test]
fn a_name_that_is_no_zone_has_no_offset() {
    for zone in [
        "Mars/Olympus_Mons",
        "",
        "Europe/London\",\"timeZone\":\"UTC",
        "Asia/Kolkata ",
    ] {
        assert_eq!(intl_offset(zone, JANUARY), None, "Intl, {zone:?}");
        assert_eq!(temporal_offset(zone, JANUARY), None, "Temporal, {zone:?}");
    }
}

#[wasm_bindgen_test]
fn the_clock_reads_local_time_as_the_reader_writes_it() {
    let date = js_sys::Date::new(&JULY.into());
    let expected = format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    );
    assert_eq!(day_and_clock(JULY), expected);
    assert_eq!(clock(JULY), expected[11..]);
}

#[wasm_bindgen_test]
fn the_zone_list_offers_the_readers_own_zone_first_and_once() {
    let document = web_sys::window().unwrap().document().unwrap();
    let list = document.create_element("datalist").unwrap();
    list.set_id("intl-test-zones");
    document.body().unwrap().append_child(&list).unwrap();
    fill_zones("intl-test-zones");
    let options = list.query_selector_all("option").unwrap();
    let values: Vec<String> = (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("value"))
        .collect();
    let own = browser_zone();
    assert!(!own.is_empty(), "the browser names its zone");
    assert_eq!(values.first(), Some(&own));
    assert_eq!(
        values.iter().filter(|v| **v == own).count(),
        1,
        "{own} once"
    );
    assert!(values.len() > 300, "the browser's zones: {}", values.len());
    assert!(values.iter().any(|v| v == "Europe/Paris"));
    // A second call leaves a filled list alone.
    fill_zones("intl-test-zones");
    assert_eq!(
        list.query_selector_all("option").unwrap().length() as usize,
        values.len()
    );
    list.remove();
}
