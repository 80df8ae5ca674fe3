//! The clock and time zones, from the browser's `Temporal` or `Intl` (the core's built-in
//! table where neither is there).
//!
//! Bound through wasm-bindgen's imports rather than a JS snippet: a snippet is a second
//! module the glue imports, one more request while the page loads.

use crate::checklist::schedule::time::{BuiltinZones, Zones};
use crate::checklist::Env;
use js_sys::{Array, Date, Object, Reflect};
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Temporal.Instant`.
    #[wasm_bindgen(js_name = Instant)]
    type TemporalInstant;
    #[wasm_bindgen(catch, js_namespace = ["Temporal", "Instant"], js_name = fromEpochMilliseconds)]
    fn instant_at(ms: f64) -> Result<TemporalInstant, JsValue>;
    /// `Temporal.ZonedDateTime`.
    type ZonedDateTime;
    /// Throws a `RangeError` for a zone `Temporal` does not know.
    #[wasm_bindgen(catch, method, js_name = toZonedDateTimeISO)]
    fn in_zone(this: &TemporalInstant, zone: &str) -> Result<ZonedDateTime, JsValue>;
    #[wasm_bindgen(method, getter, js_name = offsetNanoseconds)]
    fn offset_nanoseconds(this: &ZonedDateTime) -> f64;
    #[wasm_bindgen(catch, js_namespace = ["Temporal", "Now"], js_name = timeZoneId)]
    fn temporal_zone() -> Result<String, JsValue>;

    /// `Intl.DateTimeFormat`; its constructor throws a `RangeError` for an unknown zone.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type Formatter;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locales: &JsValue, options: &JsValue) -> Result<Formatter, JsValue>;
    #[wasm_bindgen(catch, method, js_class = "DateTimeFormat")]
    fn format(this: &Formatter, ms: f64) -> Result<String, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = resolvedOptions)]
    fn resolved_options(this: &Formatter) -> Object;
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = supportedValuesOf)]
    fn supported_values_of(key: &str) -> Result<Array, JsValue>;
}

/// Whether the global object has this property as an object or function (`Temporal`,
/// `Intl`), once per page.
fn global_has(name: &str) -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .is_ok_and(|v| v.is_object() || v.is_function())
}

thread_local! {
    /// Temporal reads a zone's rules without building a date formatter: the first
    /// `Intl.DateTimeFormat` of a page costs tens of milliseconds (ICU's locale data), a
    /// long task on a phone. `Intl` where there is no `Temporal`.
    static TEMPORAL: OnceCell<bool> = const { OnceCell::new() };
    static INTL: OnceCell<bool> = const { OnceCell::new() };
    /// `Intl` formatters by zone, where there is no `Temporal`.
    static FORMATTERS: RefCell<Vec<(String, Formatter)>> = const { RefCell::new(Vec::new()) };
}

fn has_temporal() -> bool {
    TEMPORAL.with(|t| *t.get_or_init(|| global_has("Temporal")))
}

fn has_intl() -> bool {
    INTL.with(|t| *t.get_or_init(|| global_has("Intl")))
}

/// Minutes east of UTC in `zone` at `ms` since the epoch; `None` for a zone the browser
/// does not know.
fn zone_offset(zone: &str, ms: f64) -> Option<i32> {
    if has_temporal() {
        temporal_offset(zone, ms)
    } else {
        intl_offset(zone, ms)
    }
}

/// [`zone_offset`] through `Temporal` (`None` where there is none).
pub fn temporal_offset(zone: &str, ms: f64) -> Option<i32> {
    let zoned = instant_at(ms).ok()?.in_zone(zone).ok()?;
    Some((zoned.offset_nanoseconds() / 6e10).trunc() as i32)
}

/// [`zone_offset`] through `Intl.DateTimeFormat` (`None` where there is none).
pub fn intl_offset(zone: &str, ms: f64) -> Option<i32> {
    // An IANA name is ASCII letters, digits and `_/+-`, an offset `+05:30`: anything
    // else is no zone (and never reaches the JSON below).
    if zone.is_empty()
        || !zone
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_/+-:".contains(&b))
    {
        return None;
    }
    let text = FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let at = match cache.iter().position(|(z, _)| z == zone) {
            Some(at) => at,
            None => {
                let options = format!(r#"{{"timeZone":"{zone}","timeZoneName":"longOffset"}}"#);
                let options = js_sys::JSON::parse(&options).ok()?;
                cache.push((
                    zone.to_string(),
                    Formatter::new(&"en-US".into(), &options).ok()?,
                ));
                cache.len() - 1
            }
        };
        cache[at].1.format(ms).ok()
    })?;
    // "12/2/2026, GMT+05:30": the offset is the last word.
    Some(gmt_offset(text.rsplit(' ').next().unwrap_or_default()))
}

/// Minutes east of UTC in an `Intl` long offset: "GMT+05:30", "GMT-8", "GMT" (UTC itself),
/// "GMT-00:25:21" (a local mean time's seconds are dropped).
fn gmt_offset(name: &str) -> i32 {
    let Some(rest) = name.strip_prefix("GMT") else {
        return 0;
    };
    let (sign, rest) = match rest.as_bytes().first() {
        Some(b'+') => (1, &rest[1..]),
        Some(b'-') => (-1, &rest[1..]),
        _ => return 0,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let minutes = minutes.split(':').next().unwrap_or_default();
    match (hours.parse::<i32>(), minutes.parse::<i32>()) {
        (Ok(h), Ok(m)) => sign * (h * 60 + m),
        _ => 0,
    }
}

/// The reader's own IANA zone ("" when unknown).
pub fn browser_zone() -> String {
    if has_temporal() {
        return temporal_zone().unwrap_or_default();
    }
    if !has_intl() {
        return String::new();
    }
    Formatter::new(&JsValue::UNDEFINED, &JsValue::UNDEFINED)
        .ok()
        .and_then(|f| Reflect::get(&f.resolved_options(), &"timeZone".into()).ok())
        .and_then(|z| z.as_string())
        .unwrap_or_default()
}

/// Fills the (empty) datalist with this id with the zones the browser knows, the reader's
/// own first.
pub fn fill_zones(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(list) = document.get_element_by_id(id) else {
        return;
    };
    if list.first_child().is_some() {
        return;
    }
    let own = browser_zone();
    let known = if has_intl() {
        supported_values_of("timeZone").ok()
    } else {
        None
    };
    let options = document.create_document_fragment();
    let add = |zone: &str| {
        if let Ok(option) = document.create_element("option") {
            let _ = option.set_attribute("value", zone);
            let _ = options.append_child(&option);
        }
    };
    if !own.is_empty() {
        add(&own);
    }
    for zone in known
        .iter()
        .flat_map(|zones| zones.iter())
        .filter_map(|z| z.as_string())
    {
        if zone != own {
            add(&zone);
        }
    }
    let _ = list.append_child(&options);
}

/// "14:32" in the reader's local time, for a time in ms since the epoch.
pub fn clock(ms: f64) -> String {
    let d = Date::new(&JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// "2026-11-27 14:32" in the reader's local time.
pub fn day_and_clock(ms: f64) -> String {
    let d = Date::new(&JsValue::from_f64(ms));
    format!(
        "{}-{:02}-{:02} {}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        clock(ms)
    )
}

/// Time zones from the browser's `Intl` database (the built-in table without `Intl`).
#[derive(Clone, Copy, Debug, Default)]
pub struct IntlZones;

/// A cached offset: (zone, quarter hour since the epoch) → minutes east of UTC.
type Offset = ((String, i64), Option<i32>);

thread_local! {
    /// Offsets by (zone, quarter hour): a keystroke re-evaluates the schedule a dozen
    /// times, and `Intl` is slow enough to show up in the keystroke report.
    /// A short list: a form has a handful of zones and instants (a map type would add
    /// its code to the wasm for nothing).
    static OFFSETS: RefCell<Vec<Offset>> = const { RefCell::new(Vec::new()) };
}

impl Zones for IntlZones {
    fn offset_minutes(&self, zone: &str, utc: i64) -> Option<i32> {
        if zone.is_empty() {
            return None;
        }
        // Every zone changes offset on a quarter hour, so the offset is constant within one.
        let slot = (zone.to_string(), utc.div_euclid(900));
        let cached = OFFSETS.with(|c| c.borrow().iter().find(|(s, _)| *s == slot).map(|(_, o)| *o));
        if let Some(hit) = cached {
            return hit;
        }
        let offset = if has_intl() {
            zone_offset(zone, utc as f64 * 1_000.0)
        } else {
            BuiltinZones.offset_minutes(zone, utc)
        };
        OFFSETS.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= 64 {
                c.clear();
            }
            c.push((slot, offset));
        });
        offset
    }
}

/// Seconds since the Unix epoch, UTC.
pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1_000.0) as i64
}

/// What the checklist reads from the browser: the time now and the time zones of `Intl`.
pub fn browser_env() -> Env<'static> {
    Env {
        now: now_secs(),
        zones: &IntlZones,
    }
}

#[cfg(test)]
mod tests {
    use super::gmt_offset;

    #[test]
    fn long_offsets_read_as_minutes_east_of_utc() {
        assert_eq!(gmt_offset("GMT+05:30"), 330);
        assert_eq!(gmt_offset("GMT+05:45"), 345);
        assert_eq!(gmt_offset("GMT-08:00"), -480);
        assert_eq!(gmt_offset("GMT-3"), -180);
        assert_eq!(gmt_offset("GMT"), 0);
        assert_eq!(gmt_offset("GMT-00:25:21"), -25);
        assert_eq!(gmt_offset("UTC+1"), 0);
        assert_eq!(gmt_offset("GMT+xx:00"), 0);
    }
}
