//! The one list editor (top distinct_ids, apps, ramp steps), driven by the row type's
//! column spec. Rows are keyed by index; each cell reads its value from the answers, so
//! removing a row never loses what the others hold.

use super::question::required_mark;
use super::Ctx;
use crate::checklist::answers::{CellKind, Column, ListSpec, Rows};
use crate::checklist::questions::{Field, Question};
use crate::checklist::Answers;
use leptos::prelude::*;

/// The list's rows in the answers (every list question stores rows).
fn rows(f: Field, a: &Answers) -> Option<&dyn Rows> {
    f.stored(a).rows()
}

fn edit(f: Field, edit: impl FnOnce(&mut dyn Rows)) {
    Ctx::get().update(|a| {
        if let Some(rows) = f.stored_mut(a).rows_mut() {
            edit(rows);
        }
    });
}

#[component]
pub fn ListEditor(q: &'static Question) -> impl IntoView {
    let ctx = Ctx::get();
    let f = q.field;
    let Some(spec) = ctx.answers.with_untracked(|a| rows(f, a).map(Rows::spec)) else {
        return ().into_any();
    };
    let count = ctx.select(move |a| rows(f, a).map_or(0, Rows::len));
    view! {
        <fieldset class="hic-choice hic-rows" on:focusout=move |_| ctx.touch(f)>
            <legend class="hic-label">{q.label}{required_mark(q)}</legend>
            <table class="hic-table">
                <thead>
                    <tr>
                        {spec.columns.iter().map(|c| view! { <th scope="col">{c.header}</th> }).collect_view()}
                        <th scope="col"><span class="hic-sr">"Remove"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || (0..count.get()).map(|i| row(f, spec, i)).collect_view()}
                </tbody>
            </table>
            <button type="button" class="hic-button" on:click=move |_| edit(f, |r| r.push_empty())>
                {spec.add}
            </button>
        </fieldset>
    }
    .into_any()
}

/// Row `i`: its cells and its remove button. Rows are rebuilt when one is added or
/// removed (cells read their values from the answers, so nothing typed is lost), which
/// costs less wasm than a keyed list.
fn row(f: Field, spec: &'static ListSpec, i: usize) -> AnyView {
    view! {
        <tr>
            {spec
                .columns
                .iter()
                .enumerate()
                .map(|(c, column)| view! { <td>{cell(f, spec, i, c, column)}</td> })
                .collect_view()}
            <td>
                <button
                    type="button"
                    class="hic-x"
                    aria-label=format!("{} {}", spec.remove, i + 1)
                    on:click=move |_| edit(f, |r| r.remove(i))
                >
                    "×"
                </button>
            </td>
        </tr>
    }
    .into_any()
}

/// One cell: a text input, or a select for a choice column.
fn cell(f: Field, spec: &'static ListSpec, i: usize, c: usize, column: &'static Column) -> AnyView {
    let ctx = Ctx::get();
    let label = format!("{}, {} {}", column.label, spec.noun, i + 1);
    let value = ctx.select(move |a| rows(f, a).map(|r| r.cell(i, c)).unwrap_or_default());
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        edit(f, |r| r.set_cell(i, c, &v));
    };
    match column.kind {
        CellKind::Choice(options) => view! {
            <select class="hic-input" aria-label=label prop:value=value on:change=on_input>
                {options.iter().map(|(code, text)| view! { <option value=*code>{*text}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        kind => view! {
            <input
                class="hic-input"
                aria-label=label
                placeholder=column.placeholder
                inputmode=if kind == CellKind::Text { "text" } else { "decimal" }
                prop:value=value
                on:input=on_input
            />
        }
        .into_any(),
    }
}
