//! "Suggest a slot", under the schedule strip: the next start that fits
//! (`checklist::pictures::slot::suggest`) and why, applied with one click, with Undo offered for a
//! few seconds.

use super::Ctx;
use crate::browser::intl::browser_env;
use crate::checklist::pictures::slot::suggest;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long Undo stays offered after a slot was applied, in milliseconds.
const UNDO_MS: u32 = 8_000;

#[component]
pub fn SlotSuggestion() -> impl IntoView {
    let ctx = Ctx::get();
    let env = browser_env;
    let shown = RwSignal::new(false);
    // Worked out only while shown: it searches days ahead.
    let suggestion = Memo::new(move |_| {
        if !shown.get() {
            return None;
        }
        ctx.config
            .with_value(|c| ctx.report.with(|r| suggest(&r.facts, c, &env())))
    });
    // The start before the last Apply, while Undo is offered.
    let undo = RwSignal::new(None::<(String, String)>);
    let apply = move |_| {
        let Some(s) = suggestion.get_untracked() else {
            return;
        };
        let before = ctx
            .answers
            .with_untracked(|a| (a.start_date.clone(), a.start_time.clone()));
        ctx.update(|a| {
            a.start_date = s.date.to_string();
            a.start_time = s.time.to_string();
        });
        shown.set(false);
        undo.set(Some(before.clone()));
        spawn_local(async move {
            TimeoutFuture::new(UNDO_MS).await;
            // Guarded: the widget may have been unmounted meanwhile; and a later Apply
            // keeps its own Undo.
            if undo.try_with_untracked(|u| u.as_ref() == Some(&before)) == Some(true) {
                undo.try_set(None);
            }
        });
    };
    let restore = move |_| {
        if let Some((date, time)) = undo.get_untracked() {
            ctx.update(|a| {
                a.start_date = date;
                a.start_time = time;
            });
        }
        undo.set(None);
    };
    let why = move || {
        suggestion.with(|s| match s {
            Some(s) => s.why.clone(),
            None => {
                "No slot yet: it needs the total duration and the customer's time zone.".to_string()
            }
        })
    };
    let can_apply = move || shown.get() && suggestion.with(|s| s.as_ref().is_some_and(|s| !s.same));
    let apply_text = move || {
        suggestion.with(|s| {
            s.as_ref()
                .map(|s| format!("Use {} {}", s.date, s.time))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="hic-slot">
            <button type="button" class="hic-button" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>"Suggest a slot"</button>
            <button type="button" class="hic-button" class:hic-hidden=move || !can_apply() on:click=apply>{apply_text}</button>
            <span class:hic-hidden=move || undo.with(Option::is_none)>"Start moved."</span>
            <button type="button" class="hic-button" class:hic-hidden=move || undo.with(Option::is_none) on:click=restore>"Undo"</button>
            <p class="hic-slot-why" aria-live="polite">{move || shown.get().then(why)}</p>
        </div>
    }
}
