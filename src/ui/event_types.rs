//! Event types: the merge-sensitive ones as tick boxes, custom names as removable
//! chips, and a field to add a custom name.

use super::required::required_mark;
use super::Ctx;
use crate::checklist::questions::answers::MERGE_SENSITIVE_EVENTS;
use crate::checklist::questions::Question;
use leptos::prelude::*;

#[component]
pub fn EventTypesEditor(q: &'static Question) -> impl IntoView {
    let ctx = Ctx::get();
    let draft = RwSignal::new(String::new());
    let input_id = ctx.id("custom-event");
    let add = move || {
        let name = draft.get_untracked();
        if !name.trim().is_empty() {
            ctx.update(|a| a.add_event_type(&name));
            draft.set(String::new());
        }
    };
    // Which merge-sensitive events are ticked, bit i for the i-th: one memo for all.
    let ticked = ctx.select(|a| {
        MERGE_SENSITIVE_EVENTS
            .iter()
            .enumerate()
            .filter(|(_, name)| a.has_event_type(name))
            .fold(0_usize, |bits, (i, _)| bits | 1 << i)
    });
    let customs = ctx.select(|a| {
        a.custom_event_names()
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="hic-choice hic-events" on:focusout=move |_| ctx.touch(q.field)>
            <legend class="hic-label">{q.label}{required_mark(q)}</legend>
            <div class="hic-chips">
                {MERGE_SENSITIVE_EVENTS
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let name: &'static str = name;
                        view! {
                            <label class="hic-chip">
                                <input
                                    type="checkbox"
                                    prop:checked=move || ticked.get() & (1 << i) != 0
                                    on:change=move |_| ctx.update(|a| a.toggle_event_type(name))
                                />
                                <code>{name}</code>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <ul class="hic-chips hic-custom" aria-label="Custom event names">
                <For each=move || customs.get() key=|name| name.clone() let:name>
                    <li class="hic-chip hic-chip-custom">
                        <code>{name.clone()}</code>
                        <button
                            type="button"
                            class="hic-x"
                            aria-label=format!("Remove {name}")
                            on:click=move |_| ctx.update(|a| a.toggle_event_type(&name))
                        >
                            "×"
                        </button>
                    </li>
                </For>
            </ul>
            <div class="hic-row">
                <label class="hic-sr" for=input_id.clone()>"Custom event name"</label>
                <input
                    id=input_id
                    class="hic-input"
                    placeholder="Add a custom event name, e.g. order_completed"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" class="hic-button" on:click=move |_| add()>"Add"</button>
            </div>
        </fieldset>
    }
}
