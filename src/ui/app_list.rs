//! The apps enabled on the project: name and kind per row.

use super::question::required_mark;
use super::rows::{Rows, Text};
use super::Ctx;
use crate::checklist::answers::{App, AppKind};
use crate::checklist::questions::Field;
use leptos::prelude::*;

const ROWS: Rows<App> = Rows {
    list: |a| &a.app_list,
    list_mut: |a| &mut a.app_list,
};
const NAME: Text<App> = Text {
    get: |x| &x.name,
    set: |x, v| x.name = v,
};

#[component]
pub fn AppListEditor(label: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    let kind_of = move |i: usize| {
        ctx.answers
            .with(|a| a.app_list.get(i).map(|x| x.kind.code()).unwrap_or_default())
    };
    view! {
        <fieldset class="hic-choice hic-rows" on:focusout=move |_| ctx.touch(Field::AppList)>
            <legend class="hic-label">{label}{required_mark()}</legend>
            <ul class="hic-list">
                <For each=move || ROWS.indices() key=|i| *i let:i>
                    <li class="hic-row">
                        {ROWS.cell(i, format!("App name, row {}", i + 1), "GeoIP", false, NAME)}
                        <select
                            class="hic-input"
                            aria-label=format!("App kind, row {}", i + 1)
                            prop:value=move || kind_of(i)
                            on:change=move |ev| {
                                let kind = AppKind::from_code(&event_target_value(&ev));
                                ctx.update(|a| {
                                    if let (Some(x), Some(k)) = (a.app_list.get_mut(i), kind) {
                                        x.kind = k;
                                    }
                                })
                            }
                        >
                            {AppKind::OPTIONS
                                .iter()
                                .map(|(code, label)| view! { <option value=*code>{*label}</option> })
                                .collect_view()}
                        </select>
                        {ROWS.remove_button(i, format!("Remove app {}", i + 1))}
                    </li>
                </For>
            </ul>
            {ROWS.add_button("Add app")}
        </fieldset>
    }
}
