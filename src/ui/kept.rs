//! "Kept answers": the answers set aside in this browser (replaced by a link, an import
//! or a restore, another tab's draft the reader did not keep), listed on request, most
//! recent first, read from storage each time the list opens; each can be restored,
//! which asks before replacing work the way an import does. Backups this version cannot
//! read (damaged, or from a newer version) are counted, and stay where they are.

use super::offer::{offer_or_apply, Offer};
use super::Ctx;
use crate::browser::intl::day_and_clock;
use crate::browser::storage::{kept, Kept};
use crate::checklist::questions::hidden::visible;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn KeptAnswers() -> impl IntoView {
    let ctx = Ctx::get();
    let open = RwSignal::new(false);
    let item = move |k: Kept| {
        // A name with hidden characters shows them, as the block does.
        let who = match k.answers.customer.trim() {
            "" => "answers without a customer".to_string(),
            name => visible(name, 80),
        };
        let text = format!("Restore {who}, kept {}", day_and_clock(k.saved_at_ms));
        let offer = Offer {
            answers: k.answers,
            what: "the kept answers",
        };
        view! {
            <li><button type="button" class="hic-button" on:click=move |_| {
                offer_or_apply(ctx, offer.clone());
                open.set(false);
                // The list goes: focus returns to its toggle.
                let back = document().get_element_by_id(&ctx.id("kept"));
                if let Some(b) = back.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = b.focus();
                }
            }>{text}</button></li>
        }
    };
    let list = move || {
        open.get().then(|| {
            let (all, others) = ctx.key.with_value(|key| kept(key));
            let note = match (all.is_empty(), others) {
                (true, 0) => "No answers are kept in this browser.".to_string(),
                (_, 0) => String::new(),
                (_, n) => format!("{n} more kept in this browser cannot be read by this version (damaged, or from a newer one); they stay under their backup keys."),
            };
            view! {
                <ul class="hic-kept" aria-label="Answers kept in this browser">{all.into_iter().map(item).collect_view()}</ul>
                <p class="hic-help" class:hic-hidden=note.is_empty()>{note.clone()}</p>
            }
        })
    };
    view! {
        <button type="button" class="hic-button" id=ctx.id("kept") aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>"Kept answers"</button>
        {list}
    }
}
