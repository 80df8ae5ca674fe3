//! The JS API: `mount(element, options)` and the handle it returns. Options are read
//! setting by setting from the question-independent `Config` table, so a wrong one is
//! named in the message and the others still apply.

use crate::browser::answers_js::{from_js, to_js};
use crate::browser::intl::browser_env;
use crate::browser::loose::Loose;
use crate::browser::prop;
use crate::checklist::block::github;
use crate::checklist::questions::answers::migrate;
use crate::checklist::settings::{Raw, SETTINGS};
use crate::checklist::{evaluate, Answers, Config};
use crate::mount::{mount_into, unmount, Setup};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Options of `mount` that are not `Config` settings.
const OTHER_OPTIONS: [&str; 3] = ["storageKey", "initialAnswers", "onChange"];

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
        self.answers
            .try_with_untracked(to_js)
            .unwrap_or(JsValue::NULL)
    }

    /// The current request block.
    pub fn markdown(&self) -> String {
        let env = browser_env();
        self.answers
            .try_with_untracked(|a| github::write(&evaluate(a, &self.config, &env).block))
            .unwrap_or_default()
    }

    /// Removes the widget from its element (saving the draft first).
    pub fn unmount(&self) {
        unmount(self.id, &self.key);
    }
}

/// Mounts a widget into `element`. `options` may carry any `Config` setting (camelCase:
/// `hotIdEvents`, `pipelineTeam`, …), `storageKey`, `initialAnswers` and
/// `onChange(answers)`. Throws a clear error when `element` is not an HTML element; a
/// widget already mounted on it is unmounted first.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Handle, JsError> {
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
        return Err(JsError::new(
            "mount(element, options): element must be an HTML element (got something else, e.g. null: is the element on the page yet?)",
        ));
    };
    if !(options.is_object() || options.is_undefined() || options.is_null()) {
        return Err(JsError::new(
            "mount(element, options): options must be an object, e.g. { storageKey: \"acme\" } (or left out)",
        ));
    }
    let (config, mut notices) = read_settings(&options);
    let storage_key = typed(
        &options,
        "storageKey",
        "a string",
        &mut notices,
        JsValue::as_string,
    );
    let initial = read_initial(&options, &mut notices);
    let on_change = typed(&options, "onChange", "a function", &mut notices, |v| {
        v.clone().dyn_into::<js_sys::Function>().ok()
    });
    let mounted = mount_into(
        element,
        Setup {
            config: config.clone(),
            notices,
            storage_key,
            initial,
            on_change,
        },
    );
    Ok(Handle {
        id: mounted.id,
        answers: mounted.answers,
        config,
        key: mounted.key,
    })
}

/// The `Config` settings among the options, each checked; the notices name the bad ones
/// and the options that are not ours.
fn read_settings(options: &JsValue) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut notices = Vec::new();
    if !options.is_object() {
        return (config, notices);
    }
    for s in SETTINGS {
        let value = prop(options, s.option);
        if value.is_undefined() {
            continue;
        }
        let shown = js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let loose = Loose::from_js(&value);
        let raw = match &loose {
            Loose::Number(x) => Raw::Number(*x),
            Loose::Text(t) => Raw::Text(t),
            Loose::Bool(b) => Raw::Bool(*b),
            _ => Raw::Other,
        };
        if let Err(e) = config.set_option(s.option, raw, &shown) {
            notices.push(e);
        }
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OTHER_OPTIONS.contains(&key.as_str()) && !SETTINGS.iter().any(|s| s.option == key) {
            notices.push(format!(
                "{key} is not an option of this widget; it is ignored"
            ));
        }
    }
    notices.extend(config.check_together());
    (config, notices)
}

/// `initialAnswers`, when given: what fits its question; the rest is named in `notices`.
/// Answers from a newer version of the checklist are not used.
fn read_initial(options: &JsValue, notices: &mut Vec<String>) -> Option<Answers> {
    let value = prop(options, "initialAnswers");
    if value.is_undefined() {
        return None;
    }
    match from_js(&value).map(|(a, problems)| (migrate(a), problems)) {
        Some((Err(newer), _)) => {
            notices.push(format!(
                "initialAnswers come from a newer version of this checklist (answers schema {newer}); ignored"
            ));
            None
        }
        Some((Ok(a), problems)) => {
            notices.extend(
                problems
                    .into_iter()
                    .map(|p| format!("initialAnswers.{p}; left out")),
            );
            Some(a)
        }
        None => {
            notices.push("initialAnswers is not an object; ignored".to_string());
            None
        }
    }
}

/// The option `name` read by `read`; when it is given but of the wrong type, a notice
/// says what it must be and it is ignored.
fn typed<T>(
    options: &JsValue,
    name: &str,
    must_be: &str,
    notices: &mut Vec<String>,
    read: impl Fn(&JsValue) -> Option<T>,
) -> Option<T> {
    let value = prop(options, name);
    if value.is_undefined() || value.is_null() {
        return None;
    }
    let read = read(&value);
    if read.is_none() {
        notices.push(format!("{name} must be {must_be}; it is ignored"));
    }
    read
}
