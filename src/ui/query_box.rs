//! The handbook's query, with a copy button, for the customer to run; and a box to
//! paste its result into the top distinct_ids: what was understood shows before
//! anything is added, replacing rows asks first, and the last paste can be undone.

use super::Ctx;
use super::Offer;
use crate::browser::clipboard::copy_text;
use crate::checklist::paste::{
    add_label, applied, apply, filled_rows, parse_top_ids, undo, TOP_IDS_QUERY,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn QueryBox() -> impl IntoView {
    let ctx = Ctx::get();
    let copied = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    // The answers just before the last paste, for Undo (the hand-off's signal type: one
    // type less in the wasm).
    let before = RwSignal::new(None::<Offer>);
    let paste_id = ctx.id("top-ids-paste");
    let filled = ctx.select(filled_rows);
    let copy = move |_| {
        spawn_local(async move {
            let said = match copy_text(TOP_IDS_QUERY).await {
                Ok(()) => "Copied".to_string(),
                Err(e) => e,
            };
            // The widget may have been unmounted while the browser answered.
            copied.try_set(said);
        });
    };
    let add_now = move || {
        confirming.set(false);
        let result = pasted.with_untracked(|t| parse_top_ids(t));
        if result.rows.is_empty() {
            // Nothing to add: the line under the box says why, and the text stays.
            return;
        }
        let old = ctx.answers.get_untracked();
        ctx.update(|a| apply(a, &result));
        status.set(ctx.answers.with_untracked(|a| applied(&old, a)));
        before.set(Some(Offer {
            answers: old,
            what: "",
        }));
        pasted.set(String::new());
    };
    let add = move |_| {
        // Rows to replace, and rows to replace them with: ask first. (Read only then: a
        // 10k-row paste into an empty table is read once.)
        if filled.get_untracked() > 0
            && pasted.with_untracked(|t| !parse_top_ids(t).rows.is_empty())
        {
            confirming.set(true);
        } else {
            add_now();
        }
    };
    let take_back = move |_| {
        if let Some(old) = before.get_untracked() {
            ctx.update(|a| undo(a, old.answers));
            before.set(None);
            status.set("Put back the rows from before the paste.".to_string());
        }
    };
    // What the box holds, read as it would be added; once added or empty, what was done.
    let line = move || {
        pasted
            .with(|t| (!t.trim().is_empty()).then(|| parse_top_ids(t).summary()))
            .unwrap_or_else(|| status.get())
    };
    view! {
        <div class="hic-query">
            <p class="hic-help">"Ask the customer to run this query and paste its result below:"</p>
            <code class="hic-code">{TOP_IDS_QUERY}</code>
            <button type="button" class="hic-button" on:click=copy>"Copy query"</button>
            <span class="hic-status" role="status">{move || copied.get()}</span>
        </div>
        <div class="hic-paste">
            <label class="hic-label hic-sub" for=paste_id.clone()>"Paste the query's result"</label>
            <textarea
                id=paste_id
                class="hic-input hic-mono"
                rows="3"
                placeholder="2400000\tuser_8812"
                prop:value=move || pasted.get()
                on:input=move |ev| {
                    confirming.set(false);
                    pasted.set(event_target_value(&ev));
                }
            ></textarea>
            <button type="button" class="hic-button" on:click=add>{move || add_label(filled.get())}</button>
            <button type="button" class="hic-button" class:hic-hidden=move || before.with(Option::is_none) on:click=take_back>"Undo paste"</button>
            <p class="hic-status hic-paste-said" role="status">{line}</p>
            <p class="hic-notice" class:hic-hidden=move || !confirming.get()>
                "The pasted rows will replace the rows in the table. "
                <button type="button" class="hic-button" on:click=move |_| add_now()>"Replace"</button>
                <button type="button" class="hic-button" on:click=move |_| confirming.set(false)>"Cancel"</button>
            </p>
        </div>
    }
}
