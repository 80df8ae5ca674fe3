//! The box for a sample of what the customer will send (issue #21): pasted, or read
//! from a file the reader picks, then read here in slices so that a large paste never
//! freezes the page, and said in words before anything changes. "Use these answers"
//! fills what the sample measured, with Undo. The text stays in the box: never in the
//! answers, drafts, links or the block (only the measures and event names are kept).
//!
//! Its state is held in signal types the widget already has (text, a flag, the
//! hand-off's `Offer`), so the box adds little to the wasm.

use super::{Ctx, Offer};
use crate::browser::files::{picked_input, read_picked};
use crate::browser::intl::now_secs;
use crate::checklist::questions::measured::Measured;
use crate::checklist::questions::Question;
use crate::checklist::sample::{self, Reading};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Bytes read between two pauses for the browser: a few milliseconds of work.
const SLICE: usize = 256 * 1024;

/// What the box says, one signal per place it says it.
#[derive(Clone, Copy)]
struct Said {
    /// "Reading… 40 %", then what Use or Undo did.
    status: RwSignal<String>,
    /// Why the text could not be read (an alert).
    refused: RwSignal<String>,
    /// The summary, a line per measure.
    lines: RwSignal<String>,
    /// The measures as the answers keep them, until used (then empty).
    pending: RwSignal<String>,
}

impl Said {
    fn new() -> Said {
        Said {
            status: RwSignal::new(String::new()),
            refused: RwSignal::new(String::new()),
            lines: RwSignal::new(String::new()),
            pending: RwSignal::new(String::new()),
        }
    }

    /// Says what was read (or why nothing was); `false` once the widget is gone.
    fn set(self, status: String, refused: String, lines: String, pending: String) -> bool {
        self.status.try_set(status).is_none()
            && self.refused.try_set(refused).is_none()
            && self.lines.try_set(lines).is_none()
            && self.pending.try_set(pending).is_none()
    }
}

/// Reads `text` a slice at a time, giving the browser a turn between slices, and says
/// how far it got, then what it read. A newer text (a newer generation) stops it, and
/// so does the widget's unmounting (its signals are gone).
fn read_in_slices(text: String, said: Said, generation: Rc<Cell<u32>>, hours: u32) {
    let mine = generation.get().wrapping_add(1);
    generation.set(mine);
    let current = move || generation.get() == mine;
    if text.trim().is_empty() {
        said.set(String::new(), String::new(), String::new(), String::new());
        return;
    }
    // The older summary goes at once; then only the progress changes, once a slice.
    if !said.set(String::new(), String::new(), String::new(), String::new()) {
        return;
    }
    spawn_local(async move {
        let len = text.len().max(1) as u64;
        let mut reading = Reading::new(&text, now_secs(), hours);
        while !reading.advance(SLICE) {
            let percent = reading.read_bytes() as u64 * 100 / len;
            if said
                .status
                .try_set(format!("Reading… {percent} %"))
                .is_some()
            {
                return;
            }
            TimeoutFuture::new(0).await;
            if !current() {
                return;
            }
        }
        let (refused, lines, pending) = match reading.finish() {
            Ok(s) => (
                String::new(),
                sample::summary(&s).join("\n"),
                sample::measured(&s).encode(),
            ),
            Err(e) => (e.message(), String::new(), String::new()),
        };
        if current() {
            said.set(String::new(), refused, lines, pending);
        }
    });
}

#[component]
pub fn SampleBox(q: &'static Question, described: String) -> impl IntoView {
    let ctx = Ctx::get();
    let said = Said::new();
    let status = said.status;
    // The answers just before Use, for Undo (the hand-off's signal type: one type less
    // in the wasm).
    let before = RwSignal::new(None::<Offer>);
    let generation = Rc::new(Cell::new(0u32));
    let hours = ctx.config.with_value(|c| c.historical_min_age_hours);
    let hours = u32::try_from(hours).unwrap_or(u32::MAX);
    let id = ctx.id(&q.field.id());
    let read = move |text: String| read_in_slices(text, said, generation.clone(), hours);
    let box_id = id.clone();
    let read_file = read.clone();
    let pick = move |ev: leptos::ev::Event| {
        let Some(input) = picked_input(&ev) else {
            return;
        };
        let (box_id, read) = (box_id.clone(), read_file.clone());
        spawn_local(async move {
            let text = read_picked(&input).await;
            // The widget may have been unmounted while the file was read.
            if status.is_disposed() {
                return;
            }
            match text {
                Ok(text) => {
                    // The box shows what is measured.
                    let area = document().get_element_by_id(&box_id);
                    let area = area.and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                    if let Some(area) = area {
                        area.set_value(&text);
                    }
                    read(text);
                }
                Err(e) => {
                    said.set(String::new(), e, String::new(), String::new());
                }
            }
        });
    };
    let undo_id = format!("{id}-undo");
    let (to_undo, to_box) = (undo_id.clone(), id.clone());
    let use_it = move |_| {
        let Some(m) = said.pending.with_untracked(|p| Measured::decode(p)) else {
            return;
        };
        let events = m.events;
        let old = ctx.answers.get_untracked();
        let mut filled = Vec::new();
        ctx.update(|a| filled = sample::apply(a, m));
        status.set(sample::filled(&filled, events));
        before.set(Some(Offer {
            answers: old,
            what: "",
        }));
        said.pending.set(String::new());
        // The button goes: the focus moves to Undo, which comes.
        focus_soon(to_undo.clone());
    };
    let undo = move |_| {
        if let Some(old) = before.get_untracked() {
            ctx.update(|a| sample::undo(a, old.answers));
            before.set(None);
            status.set("Put back the answers from before the sample.".to_string());
            focus_soon(to_box.clone());
        }
    };
    let note_id = format!("{id}-note");
    let refused_id = format!("{id}-refused");
    let file_id = format!("{id}-file");
    view! {
        <label class="hic-label" for=id.clone()>{q.label}</label>
        <p class="hic-help" id=note_id.clone()>
            "Read here, in your browser: the sample is never kept, sent or copied. Only its measures and event names are kept. An api_key or token in it is never shown or kept."
        </p>
        <textarea
            id=id
            class="hic-input hic-mono"
            rows="4"
            spellcheck="false"
            autocomplete="off"
            placeholder="{\"api_key\": \"…\", \"batch\": [{\"event\": \"$pageview\", …}]}"
            aria-describedby=format!("{note_id} {refused_id} {described}")
            on:input=move |ev| read(event_target_value(&ev))
        ></textarea>
        <label class="hic-label hic-sub" for=file_id.clone()>"Or pick a file (.json, .jsonl, .ndjson or .txt)"</label>
        <input id=file_id class="hic-input" type="file" accept=".json,.jsonl,.ndjson,.txt" on:change=pick />
        <p class="hic-error hic-sample-refused" id=refused_id.clone() aria-live="polite">{move || said.refused.get()}</p>
        <p class="hic-sample-said">{move || said.lines.get()}</p>
        <p class="hic-sample-use">
            <span class="hic-status" role="status">{move || status.get()}</span>
            " "
            <button type="button" class="hic-button" class:hic-hidden=move || said.pending.with(String::is_empty) on:click=use_it>"Use these answers"</button>
            <button type="button" id=undo_id class="hic-button" class:hic-hidden=move || before.with(Option::is_none) on:click=undo>"Undo"</button>
        </p>
        {kept_line()}
    }
}

/// Focuses the element `id` once the view has shown it (a task later); nothing when it
/// is gone (the widget unmounted meanwhile).
fn focus_soon(id: String) {
    set_timeout(
        move || {
            let el = document().get_element_by_id(&id);
            if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// "Measured from a sample of 500 events." with Clear, while the answers hold a
/// sample's measures (after Use, or from a restored draft).
fn kept_line() -> impl IntoView {
    let ctx = Ctx::get();
    let kept = ctx.select(|a| {
        Measured::decode(&a.sample)
            .map(|m| sample::kept(m.events))
            .unwrap_or_default()
    });
    view! {
        <p class="hic-sample-kept" class:hic-hidden=move || kept.with(String::is_empty)>
            {move || kept.get()}
            " "
            <button type="button" class="hic-button" on:click=move |_| ctx.update(|a| a.sample.clear())>
                "Clear"
            </button>
        </p>
    }
}
