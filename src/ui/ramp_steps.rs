//! Ramp-up steps: after how many minutes, what rate (in the peak rate's unit).

use super::rows::{cell, indices, remove_button};
use super::Ctx;
use crate::checklist::answers::RampStep;
use crate::checklist::questions::Field;
use leptos::prelude::*;

#[component]
pub fn RampStepsEditor(label: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    let len = move || ctx.answers.with(|a| a.ramp_steps.len());
    let unit = move || ctx.answers.with(|a| a.rate_unit.label());
    view! {
        <fieldset class="hic-choice hic-rows" on:focusout=move |_| ctx.touch(Field::RampSteps)>
            <legend class="hic-label">{label}{super::question::required_mark()}</legend>
            <ol class="hic-list">
                <For each=move || indices(len()) key=|i| *i let:i>
                    <li class="hic-row">
                        <span>"after"</span>
                        {cell(
                            format!("Minutes, step {}", i + 1),
                            "30",
                            true,
                            move || ctx.answers.with(|a| a.ramp_steps.get(i).map(|s| s.after_minutes.clone()).unwrap_or_default()),
                            move |v| ctx.update(|a| if let Some(s) = a.ramp_steps.get_mut(i) { s.after_minutes = v }),
                        )}
                        <span>"min:"</span>
                        {cell(
                            format!("Rate, step {}", i + 1),
                            "2000",
                            true,
                            move || ctx.answers.with(|a| a.ramp_steps.get(i).map(|s| s.rate.clone()).unwrap_or_default()),
                            move |v| ctx.update(|a| if let Some(s) = a.ramp_steps.get_mut(i) { s.rate = v }),
                        )}
                        <span class="hic-unit">{unit}</span>
                        {remove_button(format!("Remove step {}", i + 1), move || ctx.update(|a| {
                            if i < a.ramp_steps.len() {
                                a.ramp_steps.remove(i);
                            }
                        }))}
                    </li>
                </For>
            </ol>
            <button type="button" class="hic-button" on:click=move |_| ctx.update(|a| a.ramp_steps.push(RampStep::default()))>
                "Add step"
            </button>
        </fieldset>
    }
}
