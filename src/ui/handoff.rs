//! Hand-off: a prefilled link, the ticket, the answers as JSON (download, copy,
//! import). Answers from elsewhere (an import, a link opened on load) never replace
//! the reader's work without asking; Undo brings it back, and a backup key of the
//! draft keeps it past a reload.

use super::kept::KeptAnswers;
use super::Ctx;
use crate::browser::clipboard::copy_text;
use crate::browser::files::{download, from_json, read_picked, to_json};
use crate::browser::url::{open_in_new_tab, page_link};
use crate::checklist::block::write;
use crate::checklist::handoff::share::{
    copied_message, encode, file_name, replaces_work, too_long_message,
};
use crate::checklist::handoff::ticket::ticket;
use crate::checklist::settings::format::Format;
use crate::checklist::Answers;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Answers waiting for the reader's yes, and what they are ("the link's answers").
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub answers: Answers,
    pub what: &'static str,
}

#[component]
pub fn Handoff() -> impl IntoView {
    let ctx = Ctx::get();
    let status = RwSignal::new(String::new());
    let (share, template) = ctx
        .config
        .with_value(|c| (c.share_link, c.ticket_url.0.clone()));
    let has_ticket = !template.is_empty();
    let say = move |s: String| {
        status.try_set(s);
    };
    let copy = move |text: String, done: String| {
        spawn_local(async move {
            say(match copy_text(&text).await {
                Ok(()) => done,
                Err(e) => e,
            });
        });
    };
    let copy_link = move |_| {
        let (link, done) = ctx
            .answers
            .with_untracked(|a| (page_link(&encode(a)), copied_message(a)));
        match link {
            Some(link) => match too_long_message(link.len()) {
                Some(m) => say(m),
                None => copy(link, done),
            },
            None => say("This page has no address to link to.".into()),
        }
    };
    let open_ticket = move |_| {
        let t = ctx.report.with_untracked(|r| ticket(&template, &r.block));
        let markdown = ctx
            .report
            .with_untracked(|r| write(&r.block, Format::GitHub));
        spawn_local(async move {
            if !t.has_block {
                // Too long for the ticket's URL: the reader pastes it.
                if let Err(e) = copy_text(&markdown).await {
                    say(format!(
                        "{e} Copy the request block before opening the ticket."
                    ));
                    return;
                }
            }
            say(match (open_in_new_tab(&t.url), t.has_block) {
                (false, _) => "The browser blocked the new tab: allow pop-ups for this page, or copy the block.".into(),
                (true, true) => "The ticket opened in a new tab, with the block in it.".into(),
                (true, false) => "The block was copied and the ticket opened in a new tab: paste the block into it.".into(),
            });
        });
    };
    let save_file = move |_| {
        let (name, json) = ctx.answers.with_untracked(|a| (file_name(a), to_json(a)));
        say(match download(&name, &json) {
            Ok(()) => format!("Saved as {name}."),
            Err(e) => e,
        });
    };
    let copy_json = move |_| {
        copy(
            ctx.answers.with_untracked(to_json),
            "Answers copied as JSON.".into(),
        )
    };
    view! {
        <section class="hic-preview" aria-labelledby=ctx.id("handoff-title")>
            <h3 class="hic-section-title" id=ctx.id("handoff-title")>"Share and save"</h3>
            <OfferBar />
            <div class="hic-row hic-actions">
                {share.then(|| view! { <button type="button" class="hic-button" on:click=copy_link>"Copy link"</button> })}
                {has_ticket.then(|| view! { <button type="button" class="hic-button" on:click=open_ticket>"Open as ticket"</button> })}
                <button type="button" class="hic-button" on:click=save_file>"Download JSON"</button>
                <button type="button" class="hic-button" on:click=copy_json>"Copy JSON"</button>
                <KeptAnswers />
            </div>
            {import_box(ctx, status)}
            <p class="hic-status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}

/// Import from a file or a paste; what happened goes to `status`.
fn import_box(ctx: Ctx, status: RwSignal<String>) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let say = move |s: String| {
        status.try_set(s);
    };
    let import = move |text: String| match from_json(&text) {
        Err(e) => say(e),
        Ok((answers, problems)) => {
            let note = if problems.is_empty() {
                String::new()
            } else {
                format!(" Left out: {}.", problems.join("; "))
            };
            offer_or_apply(
                ctx,
                Offer {
                    answers,
                    what: "the imported answers",
                },
            );
            say(format!("Read the answers.{note}"));
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            let read = read_picked(&input).await;
            // The widget may have been unmounted while the file was read.
            if status.is_disposed() {
                return;
            }
            match read {
                Ok(text) => import(text),
                Err(e) => say(e),
            }
            input.set_value("");
        });
    };
    let id = ctx.id("import");
    view! {
        <label class="hic-label" for=id.clone()>"Import answers (JSON): pick a file or paste below"</label>
        <input id=id class="hic-input" type="file" accept=".json,application/json" on:change=pick />
        <textarea class="hic-input" rows="2" aria-label="Answers as JSON, to import" prop:value=pasted on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        <button type="button" class="hic-button" on:click=move |_| import(pasted.get_untracked())>"Import pasted JSON"</button>
    }
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
fn OfferBar() -> impl IntoView {
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
