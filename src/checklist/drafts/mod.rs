//! What the reader is told about their draft: restored, set aside, not saved, newer in
//! another tab, kept under a backup key. The words only; the browser's draft policy
//! (`browser::drafts`) decides which applies, and times come already formatted for the
//! reader's clock.

/// One line about the draft, shown above the form.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftNote<'a> {
    /// The draft saved at this time was loaded.
    Restored { saved_at: &'a str },
    /// A prefilled link filled a new checklist.
    FromLink,
    /// The stored draft could not be read, or came from a newer version of the widget
    /// (`newer_version`): kept under `backup_key`, and a fresh checklist started.
    SetAside {
        backup_key: &'a str,
        newer_version: bool,
    },
    /// The stored draft could not be read nor moved: it stays under `key`, unsaved over.
    Stuck { key: &'a str },
    /// The browser blocks storage on this page.
    Blocked,
    /// A save failed, for this reason (in the reader's words).
    NotSaved { why: &'a str },
    /// Another tab or window saved a newer draft at this time; the reader chooses.
    NewerElsewhere { saved_at: &'a str },
    /// The other tab's draft was loaded (`restored`: what loading it said); this page's
    /// answers, if any, kept under `backup_key`.
    LoadedOther {
        restored: Option<String>,
        backup_key: Option<&'a str>,
    },
    /// This page's answers were kept and the other draft moved to `backup_key`.
    KeptOurs { backup_key: &'a str },
}

impl DraftNote<'_> {
    pub fn text(&self) -> String {
        match self {
            Self::Restored { saved_at } => format!("Draft restored (saved {saved_at})."),
            Self::FromLink => "Filled in from the link you opened.".into(),
            Self::SetAside {
                backup_key,
                newer_version: true,
            } => format!("A saved draft comes from a newer version of this checklist; it was kept under \"{backup_key}\" and a fresh checklist started."),
            Self::SetAside { backup_key, .. } => format!("A saved draft could not be read; it was kept under \"{backup_key}\" and a fresh checklist started."),
            Self::Stuck { key } => format!("A saved draft could not be read, and browser storage is too full to set it aside: it stays under \"{key}\", and this checklist is not saved. Copy the request before leaving."),
            Self::Blocked => "Drafts are not saved: this browser blocks storage here. Copy the request before leaving.".into(),
            Self::NotSaved { why } => format!("Drafts are not being saved: {why}. Your answers stay on this page; copy the request before leaving."),
            Self::NewerElsewhere { saved_at } => format!("Another tab or window saved a newer draft of this checklist at {saved_at}. Until you choose, the answers on this page are not saved."),
            Self::LoadedOther { restored, backup_key: None } => restored.clone().unwrap_or_default(),
            Self::LoadedOther { restored, backup_key: Some(b) } => format!(
                "{} The answers this page had were kept under \"{b}\".",
                restored.as_deref().unwrap_or_default()
            ),
            Self::KeptOurs { backup_key } => format!("Kept the answers on this page; the other draft was kept under \"{backup_key}\"."),
        }
    }
}

/// Shown in every widget on the page after a panic (the draft was saved first).
pub const CRASHED: &str = "Something went wrong in the checklist. Your answers are saved in this browser: reload the page to continue.";

#[cfg(test)]
mod tests {
    use super::DraftNote::*;

    #[test]
    fn a_note_that_moves_a_draft_names_where_it_went() {
        for note in [
            SetAside {
                backup_key: "k~1",
                newer_version: true,
            },
            SetAside {
                backup_key: "k~1",
                newer_version: false,
            },
            KeptOurs { backup_key: "k~1" },
            LoadedOther {
                restored: Some("Draft restored (saved 10:00).".into()),
                backup_key: Some("k~1"),
            },
        ] {
            assert!(note.text().contains("\"k~1\""), "{note:?}: {}", note.text());
        }
    }

    #[test]
    fn a_note_about_answers_not_saved_says_to_copy_the_request() {
        for note in [
            Stuck { key: "k" },
            Blocked,
            NotSaved {
                why: "browser storage is full",
            },
        ] {
            assert!(
                note.text().contains("copy the request before leaving")
                    || note.text().contains("Copy the request before leaving"),
                "{}",
                note.text()
            );
        }
        assert_eq!(
            NotSaved { why: "browser storage is full" }.text(),
            "Drafts are not being saved: browser storage is full. Your answers stay on this page; copy the request before leaving."
        );
    }

    #[test]
    fn loading_another_tabs_draft_says_what_loading_said_then_where_ours_went() {
        let restored = Some("Draft restored (saved 10:00).".to_string());
        assert_eq!(
            LoadedOther {
                restored: restored.clone(),
                backup_key: Some("k~2")
            }
            .text(),
            "Draft restored (saved 10:00). The answers this page had were kept under \"k~2\"."
        );
        assert_eq!(
            LoadedOther {
                restored,
                backup_key: None
            }
            .text(),
            "Draft restored (saved 10:00)."
        );
    }
}
