//! Building blocks for the list editors (top distinct_ids, apps, ramp steps): a row's
//! text cell and its remove button. Rows are keyed by index; each cell reads its value
//! from the answers, so removing a row never loses what the others hold.

use leptos::prelude::*;

/// A labelled text input bound to one value of a row.
pub fn cell(
    label: String,
    placeholder: &'static str,
    numeric: bool,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <input
            class="hic-input"
            aria-label=label
            placeholder=placeholder
            inputmode=if numeric { "decimal" } else { "text" }
            prop:value=value
            on:input=move |ev| set(event_target_value(&ev))
        />
    }
}

/// "Remove row 2" (×).
pub fn remove_button(label: String, remove: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="hic-x" aria-label=label on:click=move |_| remove()>
            "×"
        </button>
    }
}

/// The indices of a list, for a keyed `<For>`.
pub fn indices(len: usize) -> Vec<usize> {
    (0..len).collect()
}
