//! The busiest distinct_ids as bars with their share of all events and the hot
//! threshold (`checklist::chart::id_bars`), in the distinct_id section.

use super::picture::PictureView;
use super::Ctx;
use crate::checklist::chart::id_bars;
use leptos::prelude::*;

#[component]
pub fn IdBars() -> impl IntoView {
    let ctx = Ctx::get();
    let picture = Memo::new(move |_| {
        ctx.config.with_value(|c| {
            ctx.answers
                .with(|a| ctx.report.with(|r| id_bars(a, &r.facts, c)))
        })
    });
    view! { <PictureView picture=picture name="ids" /> }
}
