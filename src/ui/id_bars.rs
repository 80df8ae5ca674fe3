//! The busiest distinct_ids as bars with their share of all events and the hot
//! threshold (`checklist::pictures::chart::id_bars`), in the distinct_id section.

use super::picture::{drawn, PictureView};
use crate::checklist::pictures::chart::id_bars;
use leptos::prelude::*;

#[component]
pub fn IdBars() -> impl IntoView {
    let picture = drawn(id_bars);
    view! { <PictureView picture=picture name="ids" /> }
}
