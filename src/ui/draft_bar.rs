//! The draft line: "Draft restored (saved 14:32)" or a storage problem; when another
//! tab saved a newer draft, the choice to load it or keep this page's answers; and
//! Start over, which asks first and offers Undo for a few seconds.

use super::Ctx;
use crate::checklist::Answers;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long Undo stays offered after Start over, in milliseconds.
const UNDO_MS: u32 = 8_000;

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Confirm,
    /// Cleared; the previous answers can be brought back.
    Undo(Box<Answers>),
}

#[component]
pub fn DraftBar(
    note: Signal<Option<String>>,
    newer: Signal<bool>,
    resolve: Callback<bool>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let stage = RwSignal::new(Stage::Idle);
    let clear = move |_| {
        let before = ctx.answers.get_untracked();
        ctx.answers.set(ctx.fresh.get_value());
        ctx.touched.set(Vec::new());
        ctx.reveal_all.set(false);
        stage.set(Stage::Undo(Box::new(before)));
        spawn_local(async move {
            TimeoutFuture::new(UNDO_MS).await;
            // Guarded: the widget may have been unmounted meanwhile.
            if matches!(stage.try_get_untracked(), Some(Stage::Undo(_))) {
                stage.try_set(Stage::Idle);
            }
        });
    };
    let undo = move |_| {
        if let Stage::Undo(before) = stage.get_untracked() {
            ctx.answers.set(*before);
        }
        stage.set(Stage::Idle);
    };
    let button = move |text: &'static str, class: &'static str, to: Stage| {
        view! {
            <button type="button" class=class on:click=move |_| stage.set(to.clone())>{text}</button>
        }
    };
    view! {
        <div class="hic-draft" role="status">
            <span class="hic-draft-note">{move || note.get()}</span>
            {move || newer.get().then(|| view! {
                <button type="button" class="hic-button" on:click=move |_| resolve.run(true)>"Load the newer draft"</button>
                <button type="button" class="hic-button" on:click=move |_| resolve.run(false)>"Keep mine"</button>
            })}
            {move || match stage.get() {
                Stage::Idle => button("Start over", "hic-button", Stage::Confirm).into_any(),
                Stage::Confirm => view! {
                    <span>"Clear every answer?"</span>
                    <button type="button" class="hic-button hic-danger" on:click=clear>"Clear answers"</button>
                    {button("Cancel", "hic-button", Stage::Idle)}
                }
                .into_any(),
                Stage::Undo(_) => view! {
                    <span>"Answers cleared."</span>
                    <button type="button" class="hic-button" on:click=undo>"Undo"</button>
                }
                .into_any(),
            }}
        </div>
    }
}
