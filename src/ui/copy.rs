//! A Copy button with its status line ("Copied", or how to copy by hand), shared by the
//! request block and the questions for the customer.

use super::Ctx;
use crate::browser::clipboard::{copy_text, select_text};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long "Copied" stays, in milliseconds.
const COPIED_MS: u32 = 2_500;

/// Copies `text`; where the browser refuses, selects the element `target_id` (the
/// text's textarea) and says how to copy `what` ("The request") by hand. `reveal` shows every field's error first
/// (copying the request is when the reader wants to know what is missing).
pub fn copy_button(
    text: Memo<String>,
    label: Signal<String>,
    target_id: String,
    what: &'static str,
    reveal: bool,
) -> impl IntoView {
    let ctx = Ctx::get();
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        if reveal {
            ctx.reveal_all.set(true);
        }
        let text = text.get_untracked();
        let id = target_id.clone();
        spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => {
                    status.try_set("Copied".to_string());
                    TimeoutFuture::new(COPIED_MS).await;
                    // Guarded: the widget may be gone by now.
                    if status.try_get_untracked().as_deref() == Some("Copied") {
                        status.try_set(String::new());
                    }
                }
                Err(reason) => {
                    select_text(&id);
                    status.try_set(format!(
                        "{reason} {what} selected below: press Ctrl+C (⌘C on a Mac) to copy it."
                    ));
                }
            }
        });
    };
    view! {
        <div class="hic-row">
            <button type="button" class="hic-button hic-primary" on:click=copy>{label}</button>
            <span class="hic-status" role="status" aria-live="polite">{move || status.get()}</span>
        </div>
    }
}
