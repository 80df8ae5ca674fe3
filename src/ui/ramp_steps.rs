//! Ramp-up steps: after how many minutes, what rate (in the peak rate's unit).

use super::question::required_mark;
use super::rows::{Rows, Text};
use super::Ctx;
use crate::checklist::answers::RampStep;
use crate::checklist::questions::Field;
use leptos::prelude::*;

const ROWS: Rows<RampStep> = Rows {
    list: |a| &a.ramp_steps,
    list_mut: |a| &mut a.ramp_steps,
};
const MINUTES: Text<RampStep> = Text {
    get: |s| &s.after_minutes,
    set: |s, v| s.after_minutes = v,
};
const RATE: Text<RampStep> = Text {
    get: |s| &s.rate,
    set: |s, v| s.rate = v,
};

#[component]
pub fn RampStepsEditor(label: &'static str) -> impl IntoView {
    let ctx = Ctx::get();
    let unit = move || ctx.answers.with(|a| a.rate_unit.label());
    view! {
        <fieldset class="hic-choice hic-rows" on:focusout=move |_| ctx.touch(Field::RampSteps)>
            <legend class="hic-label">{label}{required_mark()}</legend>
            <ol class="hic-list">
                <For each=move || ROWS.indices() key=|i| *i let:i>
                    <li class="hic-row">
                        <span>"after"</span>
                        {ROWS.cell(i, format!("Minutes, step {}", i + 1), "30", true, MINUTES)}
                        <span>"min:"</span>
                        {ROWS.cell(i, format!("Rate, step {}", i + 1), "2000", true, RATE)}
                        <span class="hic-unit">{unit}</span>
                        {ROWS.remove_button(i, format!("Remove step {}", i + 1))}
                    </li>
                </For>
            </ol>
            {ROWS.add_button("Add step")}
        </fieldset>
    }
}
