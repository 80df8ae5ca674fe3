//! The ramp-up chart, under the ramp-up questions: rate over time from the reader's
//! profile, the peak and the comfortable rate (`checklist::chart::ramp_chart`).

use super::picture::PictureView;
use super::Ctx;
use crate::checklist::chart::ramp_chart;
use leptos::prelude::*;

#[component]
pub fn RampChart() -> impl IntoView {
    let ctx = Ctx::get();
    let picture = Memo::new(move |_| {
        ctx.config.with_value(|c| {
            ctx.answers
                .with(|a| ctx.report.with(|r| ramp_chart(a, &r.facts, c)))
        })
    });
    view! { <PictureView picture=picture name="ramp" /> }
}
