//! The apps enabled on the project: name and kind per row.

use super::rows::{cell, indices, remove_button};
use super::Ctx;
use crate::checklist::answers::{App, AppKind};
use crate::checklist::questions::Field;
use leptos::prelude::*;

#[component]
pub fn AppListEditor(label: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    let len = move || ctx.answers.with(|a| a.app_list.len());
    view! {
        <fieldset class="hic-choice hic-rows" on:focusout=move |_| ctx.touch(Field::AppList)>
            <legend class="hic-label">{label}{super::question::required_mark()}</legend>
            <ul class="hic-list">
                <For each=move || indices(len()) key=|i| *i let:i>
                    <li class="hic-row">
                        {cell(
                            format!("App name, row {}", i + 1),
                            "GeoIP",
                            false,
                            move || ctx.answers.with(|a| a.app_list.get(i).map(|x| x.name.clone()).unwrap_or_default()),
                            move |v| ctx.update(|a| if let Some(x) = a.app_list.get_mut(i) { x.name = v }),
                        )}
                        <select
                            class="hic-input"
                            aria-label=format!("App kind, row {}", i + 1)
                            prop:value=move || ctx.answers.with(|a| a.app_list.get(i).map(|x| x.kind.code()).unwrap_or_default())
                            on:change=move |ev| {
                                let kind = AppKind::from_code(&event_target_value(&ev));
                                ctx.update(|a| if let (Some(x), Some(k)) = (a.app_list.get_mut(i), kind) { x.kind = k })
                            }
                        >
                            {AppKind::OPTIONS.iter().map(|(code, label)| view! { <option value=*code>{*label}</option> }).collect_view()}
                        </select>
                        {remove_button(format!("Remove app {}", i + 1), move || ctx.update(|a| {
                            if i < a.app_list.len() {
                                a.app_list.remove(i);
                            }
                        }))}
                    </li>
                </For>
            </ul>
            <button type="button" class="hic-button" on:click=move |_| ctx.update(|a| a.app_list.push(App::default()))>
                "Add app"
            </button>
        </fieldset>
    }
}
