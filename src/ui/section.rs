//! One section of the checklist: title, "why we ask", progress, its questions, and the
//! query box or picture some sections have. Mounted in parts (`parts.rs`): the section
//! with its first question, then each other question and picture.

use super::id_bars::IdBars;
use super::parts::Parts;
use super::query_box::QueryBox;
use super::question::QuestionView;
use super::ramp_chart::RampChart;
use super::schedule_strip::ScheduleStrip;
use super::Ctx;
use crate::checklist::questions::{section_progress, Question, Section, QUESTIONS};
use crate::checklist::FindingId;
use leptos::prelude::*;

/// The section's questions (a tick shown beside a finding is the findings panel's).
fn questions(section: Section) -> impl Iterator<Item = &'static Question> {
    QUESTIONS
        .iter()
        .filter(move |q| q.section == section && !FindingId::is_a_tick(q.field))
}

fn query_box() -> AnyView {
    QueryBox().into_any()
}
fn id_bars() -> AnyView {
    IdBars().into_any()
}
fn ramp_chart() -> AnyView {
    RampChart().into_any()
}
fn schedule_strip() -> AnyView {
    ScheduleStrip().into_any()
}

/// What the section shows under its questions, each a part of its own.
fn extras(section: Section) -> &'static [fn() -> AnyView] {
    match section {
        Section::DistinctIds => &[query_box, id_bars],
        Section::Ramp => &[ramp_chart],
        Section::Schedule => &[schedule_strip],
        _ => &[],
    }
}

/// How many parts the section is mounted in.
pub fn parts_of(section: Section) -> usize {
    questions(section).count() + extras(section).len()
}

/// The section, from its part `first` on (its first question).
#[component]
pub fn SectionView(section: Section, parts: Parts, first: usize) -> impl IntoView {
    let ctx = Ctx::get();
    let heading = ctx.id(&format!("section-{}", section.id()));
    let labelled_by = heading.clone();
    let progress = ctx.select(move |a| section_progress(section, a));
    let applies = ctx.select(move |a| section.applies(a));
    let body = questions(section)
        .map(|q| {
            Box::new(move || view! { <QuestionView q=q /> }.into_any())
                as Box<dyn Fn() -> AnyView + Send + Sync>
        })
        .chain(
            extras(section)
                .iter()
                .map(|f| Box::new(*f) as Box<dyn Fn() -> AnyView + Send + Sync>),
        )
        .enumerate()
        .map(|(i, build)| match i {
            0 => build(),
            i => parts.part(first + i, build).into_any(),
        })
        .collect_view();
    view! {
        <section class="hic-section" class:hic-hidden=move || !applies.get() aria-labelledby=labelled_by data-section=section.id()>
            <h3 id=heading class="hic-section-title">
                {section.title()}
                <span class="hic-badge" class:hic-done=move || progress.get().done()>{move || progress.get().badge()}</span>
            </h3>
            <p class="hic-why">{section.why()}</p>
            {body}
        </section>
    }
}
