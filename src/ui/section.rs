//! One section of the checklist: title, "why we ask", progress, its questions.

use super::question::QuestionView;
use super::Ctx;
use crate::checklist::paste::TOP_IDS_QUERY;
use crate::checklist::questions::{section_progress, Section, QUESTIONS};
use crate::embed::copy_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SectionView(section: Section) -> impl IntoView {
    let ctx = Ctx::get();
    let heading_id = ctx.id(&format!("section-{}", section.id()));
    let progress = ctx.select(move |a| section_progress(section, a));

    let badge = move || {
        let p = progress.get();
        if p.required == 0 {
            "optional".to_string()
        } else if p.done() {
            format!("✓ {}/{} done", p.answered, p.required)
        } else {
            format!("{}/{} answered", p.answered, p.required)
        }
    };
    let questions = move || {
        QUESTIONS
            .iter()
            .filter(|q| q.section == section && !q.field.is_unit())
            .map(|q| view! { <QuestionView q=q /> })
            .collect_view()
    };
    let heading = heading_id.clone();
    view! {
        <Show when=move || ctx.answers.with(|a| section.applies(a))>
            <section class="hic-section" aria-labelledby=heading.clone() data-section=section.id()>
                <h3 id=heading.clone() class="hic-section-title">
                    {section.title()}
                    <span class="hic-badge" class:hic-done=move || progress.get().done()>{badge}</span>
                </h3>
                <p class="hic-why">{section.why()}</p>
                {questions()}
                {(section == Section::DistinctIds).then(QueryBox)}
            </section>
        </Show>
    }
}

/// The handbook's query, with a copy button, for the customer to run.
#[component]
fn QueryBox() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        spawn_local(async move {
            status.set(match copy_text(TOP_IDS_QUERY).await {
                Ok(()) => "Copied".to_string(),
                Err(e) => e,
            });
        });
    };
    view! {
        <div class="hic-query">
            <p class="hic-help">"Ask the customer to run this query and paste its result above:"</p>
            <code class="hic-code">{TOP_IDS_QUERY}</code>
            <button type="button" class="hic-button" on:click=copy>"Copy query"</button>
            <span class="hic-status" role="status">{move || status.get()}</span>
        </div>
    }
}
