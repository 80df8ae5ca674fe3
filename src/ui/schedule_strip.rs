//! The schedule strip, in the schedule section: the days around the chosen start in the
//! customer's zone with the pipeline team's hours, weekends and days off shaded and the
//! run on top (`checklist::pictures::slot::schedule_strip`), each hour readable under the pointer
//! or the keys ([`StripHours`]), and "Suggest a slot" under it ([`SlotSuggestion`]).

use super::picture::PictureView;
use super::slot_suggestion::SlotSuggestion;
use super::strip_hours::StripHours;
use super::{settled, Ctx};
use crate::browser::intl::browser_env;
use crate::checklist::pictures::slot::schedule_strip;
use leptos::prelude::*;

#[component]
pub fn ScheduleStrip() -> impl IntoView {
    let ctx = Ctx::get();
    let env = browser_env;
    // The strip reads only the zone and the run (through the browser's `Intl`, which
    // is slow to call): redrawn when those change, not on every keystroke elsewhere.
    let run = settled(move || {
        ctx.report
            .with(|r| (r.facts.zone.clone(), r.facts.start_utc, r.facts.end_utc))
    });
    let picture = settled(move || {
        run.with(|_| {});
        ctx.config.with_value(|c| {
            ctx.report
                .with_untracked(|r| schedule_strip(&r.facts, c, &env()))
        })
    });
    view! {
        <PictureView picture=picture name="schedule">
            <StripHours />
        </PictureView>
        <SlotSuggestion />
    }
}
