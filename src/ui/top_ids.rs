//! The customer's top distinct_ids: rows typed by hand or pasted from the query.

use super::rows::{Rows, Text};
use super::Ctx;
use crate::checklist::answers::TopId;
use crate::checklist::paste::parse_top_ids;
use crate::checklist::questions::Field;
use leptos::prelude::*;

const ROWS: Rows<TopId> = Rows {
    list: |a| &a.top_ids,
    list_mut: |a| &mut a.top_ids,
};
const ID: Text<TopId> = Text {
    get: |r| &r.distinct_id,
    set: |r, v| r.distinct_id = v,
};
const EVENTS: Text<TopId> = Text {
    get: |r| &r.events,
    set: |r, v| r.events = v,
};

#[component]
pub fn TopIdsEditor(label: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    let pasted = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let paste_id = ctx.id("top-ids-paste");
    let add_pasted = move |_| {
        let result = parse_top_ids(&pasted.get_untracked());
        let summary = result.summary();
        if !result.rows.is_empty() {
            ctx.update(|a| {
                a.top_ids
                    .retain(|r| !r.distinct_id.trim().is_empty() || !r.events.trim().is_empty());
                a.top_ids.extend(result.rows);
            });
            pasted.set(String::new());
        }
        status.set(summary);
    };
    view! {
        <fieldset class="hic-choice hic-rows" on:focusout=move |_| ctx.touch(Field::TopIds)>
            <legend class="hic-label">{label}</legend>
            <table class="hic-table">
                <thead>
                    <tr>
                        <th scope="col">"distinct_id"</th>
                        <th scope="col">"events"</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ROWS.indices() key=|i| *i let:i>
                        <tr>
                            <td>{ROWS.cell(i, format!("distinct_id, row {}", i + 1), "user_8812", false, ID)}</td>
                            <td>{ROWS.cell(i, format!("events, row {}", i + 1), "2400000", true, EVENTS)}</td>
                            <td>{ROWS.remove_button(i, format!("Remove row {}", i + 1))}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            {ROWS.add_button("Add row")}
            <label class="hic-label hic-sub" for=paste_id.clone()>
                "Paste the query's result"
            </label>
            <textarea
                id=paste_id
                class="hic-input hic-mono"
                rows="3"
                placeholder="2400000\tuser_8812"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))
            ></textarea>
            <button type="button" class="hic-button" on:click=add_pasted>
                "Add pasted rows"
            </button>
            <span class="hic-status" role="status">
                {move || status.get()}
            </span>
        </fieldset>
    }
}
