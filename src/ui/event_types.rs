//! Event types: the merge-sensitive ones as tick boxes, custom names as removable
//! chips, "other custom events" and "not sure".

use super::Ctx;
use crate::checklist::answers::MERGE_SENSITIVE_EVENTS;
use crate::checklist::questions::Field;
use crate::checklist::Answers;
use leptos::prelude::*;

#[component]
pub fn EventTypesEditor(label: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    let draft = RwSignal::new(String::new());
    let input_id = ctx.id("custom-event");
    let add = move || {
        let name = draft.get_untracked();
        if !name.trim().is_empty() {
            ctx.update(|a| {
                if !a.has_event_type(name.trim()) {
                    a.toggle_event_type(&name);
                }
            });
            draft.set(String::new());
        }
    };
    let customs = ctx.select(|a| {
        a.custom_event_names()
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="hic-choice hic-events" on:focusout=move |_| ctx.touch(Field::EventTypes)>
            <legend class="hic-label">{label}{super::question::required_mark()}</legend>
            <div class="hic-chips">
                {MERGE_SENSITIVE_EVENTS
                    .iter()
                    .map(|name| {
                        let name: &'static str = name;
                        view! {
                            <label class="hic-chip">
                                <input
                                    type="checkbox"
                                    prop:checked=ctx.select(move |a| a.has_event_type(name))
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
                    {
                        let remove = name.clone();
                        view! {
                            <li class="hic-chip hic-chip-custom">
                                <code>{name.clone()}</code>
                                <button
                                    type="button"
                                    class="hic-x"
                                    aria-label=format!("Remove {name}")
                                    on:click=move |_| ctx.update(|a| a.toggle_event_type(&remove))
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
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
            {flag("Other custom events too", |a| a.custom_events, |a, on| a.custom_events = on)}
            {flag("Not sure yet", |a| a.events_not_sure, |a, on| a.events_not_sure = on)}
        </fieldset>
    }
}

/// A tick box bound to one flag of the answers.
fn flag(
    label: &'static str,
    get: fn(&Answers) -> bool,
    set: fn(&mut Answers, bool),
) -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <label class="hic-check">
            <input
                type="checkbox"
                prop:checked=ctx.select(get)
                on:change=move |ev| ctx.update(|a| set(a, event_target_checked(&ev)))
            />
            <span>{label}</span>
        </label>
    }
}
