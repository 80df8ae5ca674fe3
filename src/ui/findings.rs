//! The findings panel: blocking first, then warnings, then notes; each expands to why,
//! what to do and what to tell the customer. Severity is spelled out, never colour
//! only. Items are keyed by finding id, so an open item stays open while the reader
//! types and its numbers change.

use super::question::QuestionView;
use super::Ctx;
use crate::checklist::findings::tally;
use crate::checklist::{Finding, FindingId, Severity};
use leptos::prelude::*;

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Blocking => "⛔",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let ctx = Ctx::get();
    let findings = Memo::new(move |_| ctx.report.with(|r| r.findings.clone()));
    let ids = Memo::new(move |_| findings.with(|f| f.iter().map(|x| x.id).collect::<Vec<_>>()));
    let summary = move || findings.with(|f| tally(f).summary());
    view! {
        <section class="hic-findings" aria-labelledby=ctx.id("findings-title")>
            <h3 class="hic-section-title" id=ctx.id("findings-title")>"Findings"</h3>
            <p class="hic-tally" aria-live="polite">{summary}</p>
            <ul class="hic-finding-list">
                <For each=move || ids.get() key=|id| *id let:id>
                    <FindingItem id=id findings=findings />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn FindingItem(id: FindingId, findings: Memo<Vec<Finding>>) -> impl IntoView {
    let severity = id.severity();
    let part = move |get: fn(&Finding) -> Option<String>| {
        move || findings.with(|all| all.iter().find(|f| f.id == id).and_then(get))
    };
    let tell = part(|f| f.tell_customer.clone());
    view! {
        <li class=format!("hic-finding hic-{}", severity.class()) data-finding=id.code()>
            <details>
                <summary>
                    <span class="hic-sev">{icon(severity)}" "{severity.label()}":"</span>
                    " "{part(|f| Some(f.title.clone()))}
                </summary>
                <p><strong>"Why: "</strong>{part(|f| Some(f.why.clone()))}</p>
                <p><strong>"What to do: "</strong>{part(|f| Some(f.action.clone()))}</p>
                <p class:hic-hidden=move || tell().is_none()><strong>"Tell the customer: "</strong>{tell}</p>
            </details>
            {id.tick().map(|f| view! { <QuestionView q=f.question() /> })}
        </li>
    }
}
