//! The Markdown request block, live, with the Copy button. Copying is allowed with
//! blocking findings or missing answers, but the button says so.

use super::rendered::Rendered;
use super::Ctx;
use crate::browser::clipboard::{copy_text, select_text};
use crate::checklist::preview::blocks;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long "Copied" stays, in milliseconds.
const COPIED_MS: u32 = 2_500;

#[component]
pub fn Preview() -> impl IntoView {
    let ctx = Ctx::get();
    let markdown = Memo::new(move |_| ctx.report.with(|r| r.markdown.clone()));
    let label = Memo::new(move |_| ctx.report.with(|r| r.copy_label()));
    let status = RwSignal::new(String::new());
    let show_rendered = RwSignal::new(false);
    // Parsed only while the rendered tab is open.
    let rendered = Memo::new(move |_| {
        if show_rendered.get() {
            markdown.with(|md| blocks(md))
        } else {
            Vec::new()
        }
    });
    let textarea_id = ctx.id("markdown");
    let id = textarea_id.clone();
    let copy = move |_| {
        ctx.reveal_all.set(true);
        let text = markdown.get_untracked();
        let id = id.clone();
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
                        "{reason} The request is selected below: press Ctrl+C (⌘C on a Mac) to copy it."
                    ));
                }
            }
        });
    };
    let tab = move |rendered: bool, text: &'static str| {
        view! {
            <button
                type="button"
                class="hic-tab"
                aria-pressed=move || (show_rendered.get() == rendered).to_string()
                on:click=move |_| show_rendered.set(rendered)
            >
                {text}
            </button>
        }
    };
    view! {
        <section class="hic-preview" aria-labelledby=ctx.id("preview-title")>
            <h3 class="hic-section-title" id=ctx.id("preview-title")>"Request block"</h3>
            <p class="hic-help">"Paste it into the ticket for the pipeline team (GitHub, Zendesk or Slack)."</p>
            <div class="hic-row">
                <button type="button" class="hic-button hic-primary" on:click=copy>{label}</button>
                <span class="hic-status" role="status" aria-live="polite">{move || status.get()}</span>
            </div>
            <div class="hic-tabs" role="group" aria-label="Show the block as">
                {tab(false, "Markdown")}
                {tab(true, "Rendered")}
            </div>
            <label class="hic-sr" for=textarea_id.clone()>"Request block (Markdown)"</label>
            <textarea
                id=textarea_id
                class="hic-markdown"
                class:hic-hidden=move || show_rendered.get()
                readonly
                rows="24"
                spellcheck="false"
                prop:value=move || markdown.get()
            ></textarea>
            <Rendered blocks=rendered shown=show_rendered />
        </section>
    }
}
