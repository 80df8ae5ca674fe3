//! A picture computed by `checklist::pictures::chart`: an inline SVG (a `viewBox`, width 100%, so
//! it resizes with its container) of a few paths and texts, named by its one-sentence
//! text alternative, which is also its visible caption. Always in the page, hidden while
//! there is nothing to draw.

use super::{settled, Ctx};
use crate::checklist::pictures::chart::{Picture, Shape, MAX_SHAPES};
use crate::checklist::{Answers, Config, Facts};
use leptos::prelude::*;

/// A picture drawn from the answers, their facts and the settings, redrawn as they
/// change (the ramp-up chart, the busiest distinct_ids).
pub fn drawn(
    draw: fn(&Answers, &Facts, &Config) -> Option<Picture>,
) -> ReadSignal<Option<Picture>> {
    let ctx = Ctx::get();
    settled(move || {
        ctx.config.with_value(|c| {
            ctx.answers
                .with(|a| ctx.report.with(|r| draw(a, &r.facts, c)))
        })
    })
}

/// One of the picture's [`MAX_SHAPES`] paths: always in the page, empty when unused, so
/// no list of paths is diffed.
fn shape(picture: ReadSignal<Option<Picture>>, i: usize) -> impl IntoView {
    let get = move |f: fn(&Shape) -> String| {
        picture.with(|p| {
            p.as_ref()
                .and_then(|p| p.shapes.get(i))
                .map(f)
                .unwrap_or_default()
        })
    };
    view! { <path class=move || get(|s| s.class.to_string()) d=move || get(|s| s.d.clone())></path> }
}

#[component]
pub fn PictureView(
    picture: ReadSignal<Option<Picture>>,
    /// Distinguishes the picture's DOM ids and hooks (`data-picture`).
    name: &'static str,
    /// Laid over the drawing, in the same box (the schedule strip's hours).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let caption = ctx.id(&format!("{name}-alt"));
    let get =
        move |f: fn(&Picture) -> String| picture.with(|p| p.as_ref().map(f).unwrap_or_default());
    view! {
        <figure class="hic-chart" class:hic-hidden=move || picture.with(Option::is_none) data-picture=name>
            // A hidden picture keeps a valid viewBox: an empty one is an error in the console.
            <div class="hic-chart-box">
            <svg viewBox=move || picture.with(|p| p.as_ref().map_or_else(|| "0 0 1 1".to_string(), Picture::view_box)) role="img" aria-labelledby=caption.clone() preserveAspectRatio="xMinYMin meet">
                // The sentence on hover too (the schedule's run in UTC and Amsterdam).
                {leptos::svg::title().child(move || get(|p| p.alt.clone()))}
                {(0..MAX_SHAPES).map(|i| shape(picture, i)).collect_view()}
                {move || picture.with(|p| p.iter().flat_map(|p| p.labels.iter()).map(|l| view! {
                    <text x=l.x y=l.y class=l.class>{l.text.clone()}</text>
                }).collect_view())}
            </svg>
            {children.map(|c| c())}
            </div>
            <figcaption id=caption class="hic-chart-alt">{move || get(|p| p.alt.clone())}</figcaption>
        </figure>
    }
}
