//! The draft policy, over `storage`: which answers a widget starts from, what it says
//! about its draft, where a widget's draft is kept, and what happens when another tab
//! saved a newer one (the reader loads it, this page's answers going to a backup key,
//! or keeps this page's, the other draft going to one). Returns values; the words are
//! the core's (`checklist::drafts`).

use super::intl::clock;
use super::storage::{self, Loaded, SaveError};
use super::{prop, warn};
use crate::checklist::drafts::DraftNote;
use crate::checklist::Answers;

/// Where widgets without an id all kept their draft before each got its own key.
const OLD_SHARED_KEY: &str = "historical-import-checklist:default";

/// The answers a widget starts from, the line about its draft, and whether it may save.
pub struct Start {
    pub answers: Answers,
    pub note: Option<String>,
    /// False when a draft could be neither read nor moved: never save over it.
    pub may_save: bool,
}

/// The answers a widget starts from under `key`: its draft, else `initial` (the host's),
/// else `fresh` ones.
pub fn start(key: &str, initial: Option<Answers>, fresh: &Answers) -> Start {
    let loaded = storage::load(key);
    let may_save = loaded != Loaded::Stuck;
    let (answers, note) = match loaded {
        Loaded::Draft {
            answers,
            saved_at_ms,
        } => {
            let saved_at = clock(saved_at_ms);
            let note = DraftNote::Restored {
                saved_at: &saved_at,
            }
            .text();
            (*answers, Some(note))
        }
        Loaded::Nothing => (initial.unwrap_or_else(|| fresh.clone()), None),
        Loaded::SetAside { backup_key, newer } => {
            let note = DraftNote::SetAside {
                backup_key: &backup_key,
                newer_version: newer,
            };
            (fresh.clone(), Some(note.text()))
        }
        Loaded::Stuck => (fresh.clone(), Some(DraftNote::Stuck { key }.text())),
        Loaded::Unavailable => (
            initial.unwrap_or_else(|| fresh.clone()),
            Some(DraftNote::Blocked.text()),
        ),
    };
    Start {
        answers,
        note,
        may_save,
    }
}

/// What the reader is told when a save did not happen, and whether another tab's
/// newer draft is now on offer.
pub fn save_refused(e: SaveError) -> (String, bool) {
    match e {
        SaveError::Newer(at) => (newer_elsewhere(at), true),
        SaveError::Failed(why) => (DraftNote::NotSaved { why: &why }.text(), false),
    }
}

/// The line offering another tab's draft, saved at `at` (ms).
fn newer_elsewhere(at: f64) -> String {
    DraftNote::NewerElsewhere {
        saved_at: &clock(at),
    }
    .text()
}

/// After another tab wrote to `key`, with `mine` on this page.
pub enum OtherTab {
    /// It saved a newer draft: this line offers the choice.
    Newer(String),
    /// Nothing differs from what this page holds (it loaded these answers, or cleared
    /// the draft): an offer made earlier is settled.
    Settled,
}

pub fn other_tab_wrote(key: &str, mine: &Answers, fresh: &Answers) -> OtherTab {
    match storage::newer(key, (mine != fresh).then_some(mine)) {
        Some(at) => OtherTab::Newer(newer_elsewhere(at)),
        None => OtherTab::Settled,
    }
}

/// Loads another tab's newer draft over `mine`, which goes to a backup key first:
/// the answers to show and the line about them, or the line saying why nothing changed.
pub fn load_other(key: &str, mine: &Answers, fresh: &Answers) -> Result<Start, String> {
    let kept = (mine != fresh).then(|| storage::back_up(key, mine));
    if kept == Some(None) {
        let why = "browser storage is full";
        return Err(DraftNote::NotSaved { why }.text());
    }
    let start = start(key, None, fresh);
    let backup_key = kept.flatten();
    let note = DraftNote::LoadedOther {
        restored: start.note,
        backup_key: backup_key.as_deref(),
    };
    Ok(Start {
        note: Some(note.text()).filter(|t| !t.is_empty()),
        ..start
    })
}

/// Keeps `mine` over another tab's newer draft, which goes to a backup key: the line
/// to show (none when there was nothing to move), or the line saying why it failed.
pub fn keep_ours(key: &str, mine: &Answers, fresh: &Answers) -> Result<Option<String>, String> {
    match storage::keep_ours(key, (mine != fresh).then_some(mine)) {
        Ok(b) => Ok(b.map(|b| DraftNote::KeptOurs { backup_key: &b }.text())),
        Err(why) => Err(DraftNote::NotSaved { why: &why }.text()),
    }
}

/// The key of a widget's draft, unique among `in_use`: `storage_key` when the host gave
/// one, else "historical-import-checklist:<element id>", else (no id) the page's path
/// and its place among the widgets without an id ("historical-import-checklist:/path",
/// then "…/path#2"), the same after a reload. A key already in use gets the next free
/// "#n", reported in the console unless the widget has no name of its own. The first
/// widget without a name takes over the draft of the old shared key.
pub fn key_for(id: &str, storage_key: Option<String>, in_use: impl Fn(&str) -> bool) -> String {
    let unnamed = id.is_empty() && storage_key.is_none();
    let base = storage_key.unwrap_or_else(|| {
        let name = if unnamed {
            let location = web_sys::window().map(|w| prop(&w, "location"));
            location
                .and_then(|l| prop(&l, "pathname").as_string())
                .unwrap_or_default()
        } else {
            id.to_string()
        };
        format!("historical-import-checklist:{name}")
    });
    let mut key = base.clone();
    let mut n = 1;
    while in_use(&key) {
        n += 1;
        key = format!("{base}#{n}");
    }
    if key != base && !unnamed {
        warn(&format!("Historical import checklist: another widget on this page has the draft key \"{base}\" (each must be unique); this one keeps its draft under \"{key}\"."));
    }
    if unnamed && key == base {
        storage::rename(OLD_SHARED_KEY, &key);
    }
    key
}
