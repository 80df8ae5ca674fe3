//! The handbook's query, with a copy button, for the customer to run; and a box to
//! paste its result into the top distinct_ids.

use super::Ctx;
use crate::browser::clipboard::copy_text;
use crate::checklist::paste::{add_pasted, parse_top_ids, TOP_IDS_QUERY};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn QueryBox() -> impl IntoView {
    let ctx = Ctx::get();
    let copied = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let paste_id = ctx.id("top-ids-paste");
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
    let add = move |_| {
        let result = parse_top_ids(&pasted.get_untracked());
        status.set(result.summary());
        if !result.rows.is_empty() {
            ctx.update(|a| add_pasted(a, result));
            pasted.set(String::new());
        }
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
                on:input=move |ev| pasted.set(event_target_value(&ev))
            ></textarea>
            <button type="button" class="hic-button" on:click=add>"Add pasted rows"</button>
            <span class="hic-status" role="status">{move || status.get()}</span>
        </div>
    }
}
