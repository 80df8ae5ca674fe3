//! The ramp-up chart, under the ramp-up questions: rate over time from the reader's
//! profile, the peak and the comfortable rate (`checklist::pictures::chart::ramp_chart`).

use super::picture::{drawn, PictureView};
use crate::checklist::pictures::chart::ramp_chart;
use leptos::prelude::*;

#[component]
pub fn RampChart() -> impl IntoView {
    let picture = drawn(ramp_chart);
    view! { <PictureView picture=picture name="ramp" /> }
}
