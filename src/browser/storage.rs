//! Drafts in localStorage: the only module that touches browser storage.
//!
//! Drafts are JSON written through serde-wasm-bindgen and the browser's own `JSON`,
//! so the wasm carries one serde back end instead of two (no serde_json). Saves are
//! debounced; anything pending is flushed on `pagehide`, on unmount and from the panic
//! hook, so a crash does not lose the last keystrokes.

use crate::checklist::answers::SCHEMA_VERSION;
use crate::checklist::Answers;
use gloo_timers::callback::Timeout;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Milliseconds between the last change and the save.
const DEBOUNCE_MS: u32 = 400;

#[derive(Serialize, Deserialize)]
struct Draft {
    /// Milliseconds since the epoch.
    saved_at: f64,
    answers: Answers,
}

/// What was found in storage at start-up.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored under the key.
    Nothing,
    Draft {
        answers: Box<Answers>,
        saved_at_ms: f64,
    },
    /// Unreadable or from a newer version of the widget: kept under `backup_key`.
    SetAside { backup_key: String },
    /// No localStorage (blocked, private mode, sandboxed frame).
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn backup_key(key: &str) -> String {
    format!("{key}.backup")
}

pub fn load(key: &str) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    match decode(&raw) {
        Some(d) if d.answers.schema_version.0 <= SCHEMA_VERSION => Loaded::Draft {
            answers: Box::new(Answers {
                schema_version: Default::default(),
                ..d.answers
            }),
            saved_at_ms: d.saved_at,
        },
        _ => {
            let backup = backup_key(key);
            let _ = storage.set_item(&backup, &raw);
            let _ = storage.remove_item(key);
            Loaded::SetAside { backup_key: backup }
        }
    }
}

fn decode(raw: &str) -> Option<Draft> {
    let value = js_sys::JSON::parse(raw).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

fn encode(answers: &Answers, now_ms: f64) -> Option<String> {
    let draft = Draft {
        saved_at: now_ms,
        answers: answers.clone(),
    };
    let value = serde_wasm_bindgen::to_value(&draft).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// Writes now. `None` removes the draft (the answers are back to a fresh state).
fn write(key: &str, json: Option<&str>) -> Result<(), String> {
    let storage = local_storage().ok_or("browser storage is not available")?;
    match json {
        Some(json) => storage
            .set_item(key, json)
            .map_err(|_| "browser storage is full or blocked".to_string()),
        None => storage
            .remove_item(key)
            .map_err(|_| "browser storage is blocked".to_string()),
    }
}

fn write_answers(key: &str, answers: Option<&Answers>) -> Result<(), String> {
    match answers {
        None => write(key, None),
        Some(a) => {
            let json = encode(a, js_sys::Date::now()).ok_or("the draft could not be encoded")?;
            write(key, Some(&json))
        }
    }
}

struct Pending {
    /// `None` removes the draft. Encoded when written, not on every keystroke.
    answers: Option<Answers>,
    _timer: Timeout,
    on_result: Box<dyn Fn(Result<(), String>)>,
}

thread_local! {
    static PENDING: RefCell<BTreeMap<String, Pending>> = const { RefCell::new(BTreeMap::new()) };
}

/// Saves after a pause in typing. `fresh` answers remove the draft instead. Calls
/// `on_result` with the outcome of the write.
pub fn schedule_save(
    key: &str,
    answers: &Answers,
    fresh: bool,
    on_result: impl Fn(Result<(), String>) + 'static,
) {
    let answers = (!fresh).then(|| answers.clone());
    let owned_key = key.to_string();
    let timer = Timeout::new(DEBOUNCE_MS, move || flush(&owned_key));
    PENDING.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.insert(
                key.to_string(),
                Pending {
                    answers,
                    _timer: timer,
                    on_result: Box::new(on_result),
                },
            );
        }
    });
}

/// Writes one pending save now.
pub fn flush(key: &str) {
    let pending = PENDING.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.remove(key)));
    if let Some(p) = pending {
        let result = write_answers(key, p.answers.as_ref());
        (p.on_result)(result);
    }
}

/// Writes every pending save now (page hidden, panic). Never panics.
pub fn flush_all() {
    let all = PENDING.with(|p| {
        p.try_borrow_mut()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    });
    for (key, p) in all {
        let _ = write_answers(&key, p.answers.as_ref());
    }
}

/// Removes a draft and anything pending for it.
pub fn forget(key: &str) {
    PENDING.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.remove(key);
        }
    });
    let _ = write(key, None);
}

/// Stores raw text under a key (tests use it to plant corrupt drafts).
pub fn put_raw(key: &str, raw: &str) -> Result<(), String> {
    write(key, Some(raw))
}
