//! Everything between the widget and its host page: mounting into marked elements,
//! `data-*` configuration, the JS API (`mount(element, options)`), the clipboard, the
//! browser's clock and time zones, and the panic hook.

use crate::checklist::config::SETTINGS;
use crate::checklist::time::{BuiltinZones, Zones};
use crate::checklist::{evaluate, Answers, Config, Env};
use crate::storage::{self, Loaded};
use crate::ui::Widget;
use leptos::prelude::*;
use serde::Deserialize;
use std::any::Any;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const MARKER: &str = "data-historical-import-checklist";

#[wasm_bindgen(inline_js = r#"
const formats = new Map();
export function zone_offset(zone, ms) {
  try {
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
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { return ''; }
}
export function supported_zones() {
  try { return Intl.supportedValuesOf('timeZone'); } catch (e) { return []; }
}
"#)]
extern "C" {
    fn zone_offset(zone: &str, ms: f64) -> Option<i32>;
    fn has_intl() -> bool;
    fn browser_zone() -> String;
    fn supported_zones() -> js_sys::Array;
}

/// Time zones from the browser's `Intl` database (the built-in table without `Intl`).
#[derive(Clone, Copy, Debug, Default)]
pub struct IntlZones;

thread_local! {
    /// Offsets by (zone, quarter hour): a keystroke re-evaluates the schedule a dozen
    /// times, and `Intl` is slow enough to show up in the keystroke report.
    static OFFSETS: std::cell::RefCell<std::collections::HashMap<(String, i64), Option<i32>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

impl Zones for IntlZones {
    fn offset_minutes(&self, zone: &str, utc: i64) -> Option<i32> {
        if zone.is_empty() {
            return None;
        }
        // Every zone changes offset on a quarter hour, so the offset is constant within one.
        let slot = (zone.to_string(), utc.div_euclid(900));
        if let Some(hit) = OFFSETS.with(|c| c.borrow().get(&slot).copied()) {
            return hit;
        }
        let offset = if has_intl() {
            zone_offset(zone, utc as f64 * 1_000.0)
        } else {
            BuiltinZones.offset_minutes(zone, utc)
        };
        OFFSETS.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() > 512 {
                c.clear();
            }
            c.insert(slot, offset);
        });
        offset
    }
}

/// The browser's zone first, then every zone it knows, for the time-zone field's list.
pub fn browser_zone_names() -> Vec<String> {
    let mut names = vec![browser_zone()];
    names.extend(supported_zones().iter().filter_map(|z| z.as_string()));
    names.retain(|n| !n.is_empty());
    names.dedup();
    names
}

pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1_000.0) as i64
}

/// Writes text to the clipboard; the error says why not, in words for the reader.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("No browser window.")?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>())
        .ok_or("This browser gives no clipboard access here.")?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying.".to_string())
}

/// Selects the text of a textarea, for copying by hand.
pub fn select_text(id: &str) {
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        let _ = area.focus();
        area.select();
    }
}

fn log(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Options of `mount(element, options)` besides the `Config` settings.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Extra {
    storage_key: Option<String>,
    initial_answers: Option<Answers>,
}

thread_local! {
    /// Mounted widgets by id. A widget stays until `unmount()` is called, even when the
    /// host drops (or garbage-collects) the handle `mount` returned.
    static MOUNTED: std::cell::RefCell<Vec<(u32, Box<dyn Any>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A mounted widget, as the JS API returns it.
#[wasm_bindgen]
pub struct Handle {
    id: u32,
    answers: RwSignal<Answers>,
    config: Config,
    key: String,
}

#[wasm_bindgen]
impl Handle {
    /// The current answers, as a plain object (the draft's shape).
    pub fn answers(&self) -> JsValue {
        serde_wasm_bindgen::to_value(&self.answers.get_untracked()).unwrap_or(JsValue::NULL)
    }

    /// The current request block.
    pub fn markdown(&self) -> String {
        let env = Env {
            now: now_secs(),
            zones: &IntlZones,
        };
        self.answers
            .with_untracked(|a| evaluate(a, &self.config, &env))
            .markdown
    }

    /// Removes the widget from its element (saving the draft first).
    pub fn unmount(&self) {
        storage::flush(&self.key);
        let removed = MOUNTED.with(|m| {
            let mut m = m.borrow_mut();
            let at = m.iter().position(|(id, _)| *id == self.id);
            at.map(|i| m.remove(i))
        });
        // Dropping the mount handle outside the borrow removes the widget's DOM.
        drop(removed);
    }
}

/// Mounts a widget into `element`. `options` may carry any `Config` setting (camelCase:
/// `hotIdEvents`, `pipelineTeam`, …), `storageKey`, `initialAnswers` and
/// `onChange(answers)`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Handle {
    install_panic_hook();
    let mut notices = Vec::new();
    let config = if options.is_object() {
        match serde_wasm_bindgen::from_value::<Config>(options.clone()) {
            Ok(c) => {
                notices.extend(c.problems());
                c
            }
            Err(e) => {
                notices.push(format!("Options not understood ({e}); defaults are used."));
                Config::default()
            }
        }
    } else {
        Config::default()
    };
    let extra = if options.is_object() {
        serde_wasm_bindgen::from_value::<Extra>(options.clone()).unwrap_or_else(|e| {
            notices.push(format!(
                "storageKey / initialAnswers not understood ({e}); ignored."
            ));
            Extra::default()
        })
    } else {
        Extra::default()
    };
    let on_change = js_sys::Reflect::get(&options, &JsValue::from_str("onChange"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    mount_with(
        element,
        config,
        notices,
        extra.storage_key,
        extra.initial_answers,
        on_change,
    )
}

/// Reads `data-*` settings; bad values are reported and their defaults kept.
fn config_from_attributes(element: &web_sys::Element) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut notices = Vec::new();
    for s in SETTINGS {
        if let Some(value) = element.get_attribute(&format!("data-{}", s.attribute)) {
            if let Err(e) = config.set(s.attribute, &value) {
                notices.push(e);
            }
        }
    }
    for name in element
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
    {
        if let Some(attr) = name.strip_prefix("data-") {
            let known = name == MARKER
                || attr == "storage-key"
                || SETTINGS.iter().any(|s| s.attribute == attr);
            if !known {
                notices.push(format!(
                    "{name} is not a setting of this widget; it is ignored"
                ));
            }
        }
    }
    (config, notices)
}

fn mount_with(
    element: web_sys::HtmlElement,
    config: Config,
    notices: Vec<String>,
    storage_key: Option<String>,
    initial: Option<Answers>,
    on_change: Option<js_sys::Function>,
) -> Handle {
    for n in &notices {
        log(&format!("Historical import checklist: {n}"));
    }
    let element_id = element.id();
    let prefix = if element_id.is_empty() {
        format!("hic{}", next_instance())
    } else {
        element_id.clone()
    };
    let key = storage_key.unwrap_or_else(|| {
        format!(
            "historical-import-checklist:{}",
            if element_id.is_empty() {
                "default"
            } else {
                &element_id
            }
        )
    });
    let fresh = Answers {
        time_zone: browser_zone(),
        ..Answers::default()
    };
    let (start, note) = match storage::load(&key) {
        Loaded::Draft {
            answers,
            saved_at_ms,
        } => (*answers, Some(format!("Draft restored (saved {}).", clock(saved_at_ms)))),
        Loaded::Nothing => (initial.unwrap_or_else(|| fresh.clone()), None),
        Loaded::SetAside { backup_key } => (
            fresh.clone(),
            Some(format!(
                "A saved draft could not be read; it was kept under \"{backup_key}\" and a fresh checklist started."
            )),
        ),
        Loaded::Unavailable => (
            initial.unwrap_or_else(|| fresh.clone()),
            Some("Drafts are not saved: this browser blocks storage here. Copy the request before leaving.".into()),
        ),
    };
    let answers = RwSignal::new(start);
    let draft_note = RwSignal::new(note);

    element.set_text_content(None);
    let widget_config = config.clone();
    let save_key = key.clone();
    let mounted = leptos::mount::mount_to(element, move || {
        // Autosave and onChange, owned by the widget: they stop when it is unmounted.
        let fresh_for_save = fresh.clone();
        Effect::new(move |first: Option<()>| {
            let a = answers.get();
            if first.is_none() {
                return;
            }
            let is_fresh = a == fresh_for_save;
            storage::schedule_save(&save_key, &a, is_fresh, move |result| {
                if let Err(why) = result {
                    draft_note.set(Some(format!(
                        "Drafts are not being saved: {why}. Your answers stay on this page; copy the request before leaving."
                    )));
                }
            });
            if let Some(f) = &on_change {
                if let Ok(value) = serde_wasm_bindgen::to_value(&a) {
                    let _ = f.call1(&JsValue::NULL, &value);
                }
            }
        });
        view! {
            <Widget
                answers=answers
                config=widget_config
                prefix=prefix
                fresh=fresh
                notices=notices
                draft_note=draft_note
            />
        }
    });
    let id = next_instance();
    MOUNTED.with(|m| m.borrow_mut().push((id, Box::new(mounted))));
    Handle {
        id,
        answers,
        config,
        key,
    }
}

fn next_instance() -> u32 {
    thread_local!(static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    COUNT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

/// "14:32" in the reader's local time.
fn clock(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Logs panics to the console, saves pending drafts and tells the reader; the draft
/// stays in storage for the next load.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            storage::flush_all();
            show_crash_notice();
        }));
        if let Some(w) = web_sys::window() {
            let flush = Closure::<dyn Fn()>::new(storage::flush_all);
            let _ = w.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            flush.forget();
        }
    });
}

fn show_crash_notice() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(roots) = doc.query_selector_all(".hic") else {
        return;
    };
    for i in 0..roots.length() {
        if let (Some(root), Ok(p)) = (roots.item(i), doc.create_element("p")) {
            p.set_class_name("hic-crash");
            p.set_attribute("role", "alert").ok();
            p.set_text_content(Some(
                "Something went wrong in the checklist. Your answers are saved in this browser: reload the page to continue.",
            ));
            let _ = root.insert_before(&p, root.first_child().as_ref());
        }
    }
}

/// Mounts a widget into every marked element of the page (called once at start-up).
pub fn start() {
    install_panic_hook();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = doc.query_selector_all(&format!("[{MARKER}]")) else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(el) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let (config, notices) = config_from_attributes(&el);
        let key = el.get_attribute("data-storage-key");
        mount_with(el, config, notices, key, None, None);
    }
}
