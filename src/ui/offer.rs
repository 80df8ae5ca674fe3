//! Answers from elsewhere (a link opened on load, an import, kept answers restored)
//! offered in place of the reader's: put in place at once when nothing of the reader's
//! would be lost, else asked about ("Replace your answers?"), with Undo after replacing.

use super::Ctx;
use crate::checklist::handoff::share::replaces_work;
use crate::checklist::Answers;
use leptos::prelude::*;

/// Answers waiting for the reader's yes, and what they are ("the link's answers").
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub answers: Answers,
    pub what: &'static str,
}

/// Puts the offered answers in place when nothing of the reader's would be lost;
/// otherwise leaves them waiting for the reader's answer.
pub fn offer_or_apply(ctx: Ctx, offer: Offer) {
    let asks = ctx.answers.with_untracked(|a| {
        ctx.fresh
            .with_value(|fresh| replaces_work(a, fresh, &offer.answers))
    });
    if asks {
        ctx.offer.set(Some(offer));
    } else {
        ctx.answers.set(offer.answers);
    }
}

/// "Replace your answers with the link's answers?" and, after replacing, Undo. The
/// replaced answers are also kept under a backup key of the draft, since autosave soon
/// writes the new ones over them.
#[component]
pub fn OfferBar() -> impl IntoView {
    let ctx = Ctx::get();
    // The answers that were replaced, as an offer of the same type (one signal type
    // less in the wasm).
    let previous = RwSignal::new(None::<Offer>);
    // Where they were kept.
    let kept = RwSignal::new(None::<String>);
    let replace = move |_| {
        if let Some(offer) = ctx.offer.get_untracked() {
            let mine = ctx.answers.get_untracked();
            kept.set(ctx.set_aside(&mine));
            previous.set(Some(Offer {
                answers: mine,
                what: offer.what,
            }));
            ctx.answers.set(offer.answers);
            ctx.offer.set(None);
        }
    };
    let undo = move |_| {
        if let Some(p) = previous.get_untracked() {
            ctx.answers.set(p.answers);
            previous.set(None);
        }
    };
    let what = move || ctx.offer.with(|o| o.as_ref().map(|o| o.what));
    // Always in the page, shown when needed: cheaper than views that come and go.
    view! {
        <div class="hic-notice" role="alert" class:hic-hidden=move || what().is_none()>
            {move || what().map(|w| format!("Replace your current answers with {w}? Undo will bring yours back. "))}
            <button type="button" class="hic-button" on:click=replace>"Replace"</button>
            " "
            <button type="button" class="hic-button" on:click=move |_| ctx.offer.set(None)>"Keep my answers"</button>
        </div>
        <p class="hic-notice" class:hic-hidden=move || previous.with(Option::is_none)>
            {move || match kept.get() {
                Some(key) => format!("Your answers were replaced; they were kept in this browser under \"{key}\". "),
                None => "Your answers were replaced (this browser could not keep a copy). ".to_string(),
            }}
            <button type="button" class="hic-button" on:click=undo>"Undo"</button>
        </p>
    }
}
