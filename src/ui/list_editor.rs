//! The one list editor (top distinct_ids, apps, ramp steps), driven by the row type's
//! column spec. Rows are keyed by index; each cell reads its value from the list's
//! cells in the answers, so removing a row never loses what the others hold.

use super::required::required_mark;
use super::{settled, Ctx};
use crate::checklist::questions::answers::{CellKind, Column, ListRows, ListSpec};
use crate::checklist::questions::{Field, Question};
use crate::checklist::Answers;
use leptos::prelude::*;

/// The list's rows in the answers (every list question stores rows).
fn rows(f: Field, a: &Answers) -> Option<&dyn ListRows> {
    f.stored(a).rows()
}

fn edit(f: Field, edit: impl FnOnce(&mut dyn ListRows)) {
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
    let Some(spec) = ctx
        .answers
        .with_untracked(|a| rows(f, a).map(ListRows::spec))
    else {
        return ().into_any();
    };
    // Every cell's text, row by row: one value for the whole list, so that a keystroke
    // elsewhere wakes nothing below it ([`settled`]).
    let width = spec.columns.len();
    let cells = settled(move || {
        ctx.answers.with(|a| {
            rows(f, a).map_or_else(Vec::new, |r| {
                (0..r.len() * width)
                    .map(|k| r.cell(k / width, k % width))
                    .collect::<Vec<_>>()
            })
        })
    });
    let count = Memo::new(move |_| cells.with(Vec::len) / width);
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
                    {move || (0..count.get()).map(|i| row(f, spec, cells, i)).collect_view()}
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
fn row(f: Field, spec: &'static ListSpec, cells: ReadSignal<Vec<String>>, i: usize) -> AnyView {
    view! {
        <tr>
            {spec
                .columns
                .iter()
                .enumerate()
                .map(|(c, column)| view! { <td>{cell(f, spec, cells, (i, c), column)}</td> })
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
fn cell(
    f: Field,
    spec: &'static ListSpec,
    cells: ReadSignal<Vec<String>>,
    (i, c): (usize, usize),
    column: &'static Column,
) -> AnyView {
    let label = format!("{}, {} {}", column.label, spec.noun, i + 1);
    let at = i * spec.columns.len() + c;
    let value = Memo::new(move |_| cells.with(|all| all.get(at).cloned().unwrap_or_default()));
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
