//! "Kept answers": the answers set aside in this browser (replaced by a link or an
//! import, another tab's draft the reader did not keep, a draft of a newer version),
//! listed on request, most recent first, read from storage each time the list opens;
//! each can be restored, which asks before replacing work the way an import does.

use super::handoff::{offer_or_apply, Offer};
use super::Ctx;
use crate::browser::intl::day_and_clock;
use crate::browser::storage::{kept, Kept};
use leptos::prelude::*;

#[component]
pub fn KeptAnswers() -> impl IntoView {
    let ctx = Ctx::get();
    let open = RwSignal::new(false);
    let item = move |k: Kept| {
        let who = match k.answers.customer.trim() {
            "" => "answers without a customer".to_string(),
            name => name.to_string(),
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
            }>{text}</button></li>
        }
    };
    let list = move || {
        open.get().then(|| {
            let all = ctx.key.with_value(|key| kept(key));
            let none = all.is_empty();
            view! {
                <ul class="hic-kept" aria-label="Answers kept in this browser">{all.into_iter().map(item).collect_view()}</ul>
                <p class="hic-help" class:hic-hidden=!none>"No answers are kept in this browser."</p>
            }
        })
    };
    view! {
        <button type="button" class="hic-button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>"Kept answers"</button>
        {list}
    }
}
