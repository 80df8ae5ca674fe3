//! The clock and time zones, from the browser's `Intl` (the core's built-in table
//! where `Intl` is missing).

use crate::checklist::schedule::time::{BuiltinZones, Zones};
use crate::checklist::Env;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// Temporal reads a zone's rules without building a date formatter: the first
// Intl.DateTimeFormat of a page costs tens of milliseconds (ICU's locale data), a long
// task on a phone. Intl where there is no Temporal.
const temporal = typeof Temporal === 'object';
const formats = new Map();
export function zone_offset(zone, ms) {
  try {
    if (temporal) {
      return Math.trunc(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 6e10);
    }
    let f = formats.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      formats.set(zone, f);
    }
    const part = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
    const m = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(part ? part.value : '');
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (parseInt(m[2], 10) * 60 + parseInt(m[3] || '0', 10));
  } catch (e) {
    return undefined;
  }
}
export function has_intl() {
  return typeof Intl === 'object' && typeof Intl.DateTimeFormat === 'function';
}
export function browser_zone() {
  try { return (temporal ? Temporal.Now.timeZoneId() : Intl.DateTimeFormat().resolvedOptions().timeZone) || ''; } catch (e) { return ''; }
}
export function fill_zones(id) {
  const list = document.getElementById(id);
  if (!list || list.firstChild) return;
  let zones = [];
  try { zones = Intl.supportedValuesOf('timeZone'); } catch (e) {}
  const options = document.createDocumentFragment();
  for (const zone of new Set([browser_zone(), ...zones])) {
    if (!zone) continue;
    const option = document.createElement('option');
    option.value = zone;
    options.append(option);
  }
  list.append(options);
}
export function clock(ms) {
  const d = new Date(ms);
  return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
}
export function day_and_clock(ms) {
  const d = new Date(ms);
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0') + ' ' + clock(ms);
}
"#)]
extern "C" {
    fn zone_offset(zone: &str, ms: f64) -> Option<i32>;
    fn has_intl() -> bool;
    /// The reader's own IANA zone ("" when unknown).
    pub fn browser_zone() -> String;
    /// Fills the (empty) datalist with this id with the zones the browser knows, the
    /// reader's own first.
    pub fn fill_zones(id: &str);
    /// "14:32" in the reader's local time, for a time in ms since the epoch.
    pub fn clock(ms: f64) -> String;
    /// "2026-11-27 14:32" in the reader's local time.
    pub fn day_and_clock(ms: f64) -> String;
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
