//! Drafts in localStorage: the only module that touches browser storage.
//!
//! Drafts are JSON: `{ "saved_at": ms, "answers": {…} }`, the answers converted to and
//! from a plain object by serde-wasm-bindgen (`answers_js`) and written by the
//! browser's own `JSON`. Saves are
//! debounced; anything pending is flushed on `pagehide`, on unmount and from the panic
//! hook, so a crash does not lose the last keystrokes.
//!
//! Other tabs of the same page share the storage. A page never writes over (or
//! removes) a draft another page stored after the one this page last read or wrote:
//! the save is refused with `SaveError::Newer`, and the reader chooses (`back_up` then
//! `load`, or `keep_ours`); what a page still holds when it leaves goes to a backup key.

use super::answers_js::{from_js, to_js};
use super::prop;
use crate::checklist::questions::answers::{migrate, SCHEMA_VERSION};
use crate::checklist::Answers;
use gloo_timers::callback::Timeout;
use js_sys::{Object, Reflect, JSON};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// Milliseconds between the last change and the save.
const DEBOUNCE_MS: u32 = 400;

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
    /// Unreadable, or from a newer version of the widget (`newer`): moved to
    /// `backup_key`, where nothing overwrites it.
    SetAside { backup_key: String, newer: bool },
    /// Unreadable, and it could not be moved (storage full): it stays where it is, and
    /// this page must not save over it.
    Stuck,
    /// No localStorage (blocked, private mode, sandboxed frame).
    Unavailable,
}

/// Why a save did not happen.
#[derive(Debug, PartialEq)]
pub enum SaveError {
    /// Another page stored a newer draft (saved at this time, in ms): nothing written.
    Newer(f64),
    /// Storage refused, in words for the reader.
    Failed(String),
}

thread_local! {
    /// By key, the `saved_at` of the draft this page last read or wrote (`None`: it
    /// found or left nothing stored).
    static KNOWN: RefCell<Vec<(String, Option<f64>)>> = const { RefCell::new(Vec::new()) };
}

fn known(key: &str) -> Option<f64> {
    KNOWN.with(|k| k.borrow().iter().find(|(k, _)| k == key).and_then(|e| e.1))
}

fn set_known(key: &str, saved_at: Option<f64>) {
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(k, _)| k != key);
        k.push((key.to_string(), saved_at));
    });
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// How many backups a draft key has at most.
const BACKUPS: u32 = 50;

/// The backup keys of `key`: "<key>.backup", then "<key>.backup-2", …
fn backup_keys(key: &str) -> impl Iterator<Item = String> + '_ {
    (1..=BACKUPS).map(move |n| match n {
        1 => format!("{key}.backup"),
        n => format!("{key}.backup-{n}"),
    })
}

/// The first free backup key, so a second set-aside never overwrites the first; when
/// all [`BACKUPS`] are taken, the one holding the oldest answers this version reads (so
/// keeping answers never stops working; unreadable backups and those of a newer
/// version are never overwritten).
fn free_backup_key(storage: &web_sys::Storage, key: &str) -> Option<String> {
    backup_keys(key)
        .find(|k| matches!(storage.get_item(k), Ok(None)))
        .or_else(|| {
            backups(storage, key)
                .filter(|(_, d)| d.answers.schema_version.0 <= SCHEMA_VERSION)
                .min_by(|a, b| a.1.saved_at.total_cmp(&b.1.saved_at))
                .map(|(k, _)| k)
        })
}

/// The readable drafts under `key`'s backup keys, with their keys.
fn backups<'a>(
    storage: &'a web_sys::Storage,
    key: &'a str,
) -> impl Iterator<Item = (String, Draft)> + 'a {
    backup_keys(key).filter_map(move |k| {
        let raw = storage.get_item(&k).ok().flatten()?;
        Some((k, decode(&raw)?))
    })
}

/// Answers kept under one of a draft's backup keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub saved_at_ms: f64,
    pub answers: Answers,
}

/// The answers kept under `key`'s backup keys (set aside by a replace or by another
/// tab) that this version reads, the most recently saved first, and how many other
/// backups there are (unreadable, or from a newer version).
pub fn kept(key: &str) -> (Vec<Kept>, usize) {
    let Some(storage) = local_storage() else {
        return (Vec::new(), 0);
    };
    let stored = backup_keys(key)
        .filter(|k| matches!(storage.get_item(k), Ok(Some(_))))
        .count();
    let mut kept: Vec<Kept> = backups(&storage, key)
        .filter_map(|(_, d)| {
            Some(Kept {
                saved_at_ms: d.saved_at,
                answers: migrate(d.answers).ok()?,
            })
        })
        .collect();
    // The checklist's one small sort (`sort_by` would add a copy of core's).
    crate::checklist::sort_stable(&mut kept, |k| u64::MAX - k.saved_at_ms.max(0.0) as u64);
    // Saturating: another tab may have written a backup between the two reads.
    let others = stored.saturating_sub(kept.len());
    (kept, others)
}

/// Stores `raw` under the first free backup key of `key`, which it returns.
fn set_aside(key: &str, raw: &str) -> Option<String> {
    let storage = local_storage()?;
    let backup = free_backup_key(&storage, key)?;
    storage.set_item(&backup, raw).ok()?;
    Some(backup)
}

pub fn load(key: &str) -> Loaded {
    set_known(key, None);
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    let newer = match decode(&raw).map(|d| (migrate(d.answers), d.saved_at)) {
        Some((Ok(answers), saved_at_ms)) => {
            set_known(key, Some(saved_at_ms));
            return Loaded::Draft {
                answers: Box::new(answers),
                saved_at_ms,
            };
        }
        Some((Err(_), _)) => true,
        None => says_newer(&raw),
    };
    // Moved only once the copy is written: a full storage must not lose the draft.
    match set_aside(key, &raw) {
        Some(backup) => {
            let _ = storage.remove_item(key);
            Loaded::SetAside {
                backup_key: backup,
                newer,
            }
        }
        None => Loaded::Stuck,
    }
}

/// Whether a draft we cannot read says it comes from a newer version of the checklist
/// (whose answers may have changed type).
fn says_newer(raw: &str) -> bool {
    JSON::parse(raw)
        .ok()
        .and_then(|v| prop(&prop(&v, "answers"), "schema_version").as_f64())
        .is_some_and(|v| v > f64::from(SCHEMA_VERSION))
}

/// A stored draft, or `None` when it is not one we can read whole.
fn decode(raw: &str) -> Option<Draft> {
    let value = JSON::parse(raw).ok()?;
    let saved_at = prop(&value, "saved_at").as_f64()?;
    let (answers, problems) = from_js(&prop(&value, "answers"))?;
    problems.is_empty().then_some(Draft { saved_at, answers })
}

fn encode(answers: &Answers, now_ms: f64) -> Option<String> {
    let draft: JsValue = Object::new().into();
    Reflect::set(
        &draft,
        &JsValue::from_str("saved_at"),
        &JsValue::from_f64(now_ms),
    )
    .ok()?;
    Reflect::set(&draft, &JsValue::from_str("answers"), &to_js(answers)).ok()?;
    JSON::stringify(&draft).ok()?.as_string()
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

/// Compares what is stored under `key` with `ours` (`None`: a fresh checklist):
/// `Ok(true)` when it holds them already, `Err(saved_at)` when another page stored a
/// different draft after the one this page last read or wrote.
fn compare(key: &str, ours: Option<&Answers>) -> Result<bool, f64> {
    let stored = local_storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .and_then(|raw| JSON::parse(&raw).ok());
    let Some(stored) = stored else {
        return Ok(ours.is_none());
    };
    let at = prop(&stored, "saved_at").as_f64();
    if ours.and_then(|a| JSON::stringify(&to_js(a)).ok())
        == JSON::stringify(&prop(&stored, "answers")).ok()
    {
        set_known(key, at);
        return Ok(true);
    }
    match at {
        Some(at) if Some(at) != known(key) => Err(at),
        _ => Ok(false),
    }
}

/// The time another page stored a draft under `key` that differs from `ours` and
/// from the one this page last read or wrote.
pub fn newer(key: &str, ours: Option<&Answers>) -> Option<f64> {
    compare(key, ours).err()
}

/// Writes `answers` (`None` removes the draft), whatever is stored.
fn put(key: &str, answers: Option<&Answers>) -> Result<(), String> {
    let now = js_sys::Date::now();
    match answers {
        None => write(key, None),
        Some(a) => write(
            key,
            Some(&encode(a, now).ok_or("the draft could not be encoded")?),
        ),
    }?;
    set_known(key, answers.map(|_| now));
    Ok(())
}

/// Writes `answers` unless another page stored a newer draft; a page that is
/// `leaving` then keeps them under a backup key.
fn write_answers(key: &str, answers: Option<&Answers>, leaving: bool) -> Result<(), SaveError> {
    match compare(key, answers) {
        Ok(true) => Ok(()),
        Ok(false) => put(key, answers).map_err(SaveError::Failed),
        Err(at) => {
            if let (true, Some(a)) = (leaving, answers) {
                back_up(key, a);
            }
            Err(SaveError::Newer(at))
        }
    }
}

/// Keeps `answers` under a free backup key of `key` (before another page's draft is
/// loaded over them) and drops their pending save; returns the backup key.
pub fn back_up(key: &str, answers: &Answers) -> Option<String> {
    drop(take(key));
    // The same answers already kept (say, restored and replaced again): that backup.
    let storage = local_storage()?;
    if let Some((k, _)) = backups(&storage, key).find(|(_, d)| d.answers == *answers) {
        return Some(k);
    }
    set_aside(key, &encode(answers, js_sys::Date::now())?)
}

/// Writes `ours` (`None`: a fresh checklist) over another page's newer draft, after
/// moving that to a free backup key, which it returns (`None` when nothing was stored).
pub fn keep_ours(key: &str, ours: Option<&Answers>) -> Result<Option<String>, String> {
    drop(take(key));
    let raw = local_storage().and_then(|s| s.get_item(key).ok().flatten());
    let backup = match raw {
        Some(raw) => Some(set_aside(key, &raw).ok_or("browser storage is full or blocked")?),
        None => None,
    };
    put(key, ours)?;
    Ok(backup)
}

struct Pending {
    /// `None` removes the draft. Encoded when written, not on every keystroke.
    answers: Option<Answers>,
    /// `None` once refused for a newer draft: kept for when the page leaves.
    _timer: Option<Timeout>,
    on_result: Box<dyn Fn(Result<(), SaveError>)>,
}

thread_local! {
    /// Pending saves by key (a page holds a widget or two).
    static PENDING: RefCell<Vec<(String, Pending)>> = const { RefCell::new(Vec::new()) };
}

/// Saves after a pause in typing. `fresh` answers remove the draft instead. Calls
/// `on_result` with the outcome of the write.
pub fn schedule_save(
    key: &str,
    answers: &Answers,
    fresh: bool,
    on_result: impl Fn(Result<(), SaveError>) + 'static,
) {
    let owned_key = key.to_string();
    let timer = Timeout::new(DEBOUNCE_MS, move || save_now(&owned_key));
    // The previous pending save of this key (and its timer) is dropped after the borrow.
    let _replaced = take(key);
    queue(
        key,
        Pending {
            answers: (!fresh).then(|| answers.clone()),
            _timer: Some(timer),
            on_result: Box::new(on_result),
        },
    );
}

fn queue(key: &str, pending: Pending) {
    PENDING.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.push((key.to_string(), pending));
        }
    });
}

/// The debounced save: one refused for a newer draft stays pending, without a timer.
fn save_now(key: &str) {
    if let Some(p) = take(key) {
        let result = write_answers(key, p.answers.as_ref(), false);
        let refused = matches!(result, Err(SaveError::Newer(_)));
        (p.on_result)(result);
        if refused {
            queue(key, Pending { _timer: None, ..p });
        }
    }
}

/// Takes the pending save of a key out of the list.
fn take(key: &str) -> Option<Pending> {
    PENDING.with(|p| {
        let mut p = p.try_borrow_mut().ok()?;
        let at = p.iter().position(|(k, _)| k == key)?;
        Some(p.remove(at).1)
    })
}

/// Writes one pending save now (the widget is leaving).
pub fn flush(key: &str) {
    if let Some(p) = take(key) {
        let result = write_answers(key, p.answers.as_ref(), true);
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
        let _ = write_answers(&key, p.answers.as_ref(), true);
    }
}

/// Moves a draft from `from` to `to` when nothing is stored under `to` (a key that
/// changed between versions of the widget).
pub fn rename(from: &str, to: &str) {
    if let Some(s) = local_storage() {
        if let (Ok(Some(raw)), Ok(None)) = (s.get_item(from), s.get_item(to)) {
            if s.set_item(to, &raw).is_ok() {
                let _ = s.remove_item(from);
            }
        }
    }
}

/// Removes a draft and anything pending for it.
pub fn forget(key: &str) {
    drop(take(key));
    let _ = write(key, None);
}

/// Stores raw text under a key (tests use it to plant corrupt drafts).
pub fn put_raw(key: &str, raw: &str) -> Result<(), String> {
    write(key, Some(raw))
}
