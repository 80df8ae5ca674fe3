//! The list editors' shared parts (top distinct_ids, apps, ramp steps): where a list
//! lives in the answers, a row's text cell, its remove button and the add button.
//! Rows are keyed by index; each cell reads its value from the answers, so removing a
//! row never loses what the others hold.

use super::Ctx;
use crate::checklist::Answers;
use leptos::prelude::*;

/// A list of rows inside the answers.
pub struct Rows<T: 'static> {
    pub list: fn(&Answers) -> &Vec<T>,
    pub list_mut: fn(&mut Answers) -> &mut Vec<T>,
}

impl<T> Clone for Rows<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Rows<T> {}

/// One text of a row: how to read it and how to write it.
pub struct Text<T: 'static> {
    pub get: fn(&T) -> &String,
    pub set: fn(&mut T, String),
}

impl<T: Default + Send + Sync + 'static> Rows<T> {
    /// The row indices, for a keyed `<For>`.
    pub fn indices(self) -> Vec<usize> {
        let ctx = Ctx::get();
        (0..ctx.answers.with(|a| (self.list)(a).len())).collect()
    }

    /// Applies `f` to row `i`, if it is still there.
    fn edit(self, i: usize, f: impl FnOnce(&mut T)) {
        Ctx::get().update(|a| {
            if let Some(row) = (self.list_mut)(a).get_mut(i) {
                f(row);
            }
        });
    }

    /// A labelled text input bound to one text of row `i`.
    pub fn cell(
        self,
        i: usize,
        label: String,
        placeholder: &'static str,
        numeric: bool,
        text: Text<T>,
    ) -> impl IntoView {
        let ctx = Ctx::get();
        let Text { get, set } = text;
        let value = ctx.select(move |a| {
            (self.list)(a)
                .get(i)
                .map(|r| get(r).clone())
                .unwrap_or_default()
        });
        view! {
            <input
                class="hic-input"
                aria-label=label
                placeholder=placeholder
                inputmode=if numeric { "decimal" } else { "text" }
                prop:value=value
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    self.edit(i, move |r| set(r, v));
                }
            />
        }
    }

    /// "Remove row 2" (×).
    pub fn remove_button(self, i: usize, label: String) -> impl IntoView {
        let remove = move |_| {
            Ctx::get().update(|a| {
                let list = (self.list_mut)(a);
                if i < list.len() {
                    list.remove(i);
                }
            })
        };
        view! {
            <button type="button" class="hic-x" aria-label=label on:click=remove>
                "×"
            </button>
        }
    }

    /// "Add row": appends an empty row.
    pub fn add_button(self, text: &'static str) -> impl IntoView {
        let add = move |_| Ctx::get().update(|a| (self.list_mut)(a).push(T::default()));
        view! { <button type="button" class="hic-button" on:click=add>{text}</button> }
    }
}
