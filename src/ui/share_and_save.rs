//! Hand-off: a prefilled link, the ticket, the answers as JSON (download, copy,
//! import). Imported answers are offered as a link's are (`offer.rs`): they never
//! replace the reader's work without asking; Undo brings it back, and a backup key of
//! the draft keeps it past a reload.

use super::kept::KeptAnswers;
use super::offer::{offer_or_apply, Offer, OfferBar};
use super::Ctx;
use crate::browser::clipboard::copy_text;
use crate::browser::files::{download, from_json, picked_input, read_picked, to_json};
use crate::browser::url::{open_in_new_tab, page_link};
use crate::checklist::block::write;
use crate::checklist::handoff::share::{copied_message, encode, file_name, too_long_message};
use crate::checklist::handoff::ticket::ticket;
use crate::checklist::settings::format::Format;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ShareAndSave() -> impl IntoView {
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
        let Some(input) = picked_input(&ev) else {
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
