//! One section of the checklist: title, "why we ask", progress, its questions.

use super::id_bars::IdBars;
use super::query_box::QueryBox;
use super::question::QuestionView;
use super::ramp_chart::RampChart;
use super::schedule_strip::ScheduleStrip;
use super::Ctx;
use crate::checklist::questions::{section_progress, Section, QUESTIONS};
use crate::checklist::FindingId;
use leptos::prelude::*;

#[component]
pub fn SectionView(section: Section) -> impl IntoView {
    let ctx = Ctx::get();
    let heading = ctx.id(&format!("section-{}", section.id()));
    let labelled_by = heading.clone();
    let progress = ctx.select(move |a| section_progress(section, a));
    let applies = ctx.select(move |a| section.applies(a));
    let questions = QUESTIONS
        .iter()
        .filter(move |q| q.section == section && !FindingId::is_a_tick(q.field))
        .map(|q| view! { <QuestionView q=q /> })
        .collect_view();
    view! {
        <section class="hic-section" class:hic-hidden=move || !applies.get() aria-labelledby=labelled_by data-section=section.id()>
            <h3 id=heading class="hic-section-title">
                {section.title()}
                <span class="hic-badge" class:hic-done=move || progress.get().done()>{move || progress.get().badge()}</span>
            </h3>
            <p class="hic-why">{section.why()}</p>
            {questions}
            {(section == Section::DistinctIds).then(QueryBox)}
            {(section == Section::DistinctIds).then(IdBars)}
            {(section == Section::Ramp).then(RampChart)}
            {(section == Section::Schedule).then(ScheduleStrip)}
        </section>
    }
}
