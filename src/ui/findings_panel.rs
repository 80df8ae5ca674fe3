//! The findings panel: blocking first, then warnings, then notes; each expands to why,
//! what to do and what to tell the customer. Severity is spelled out, never colour
//! only. Every finding has its item in the page, shown while the rules raise it, so an
//! open item stays open while the reader types and its numbers change.

use super::question::QuestionView;
use super::{settled, Ctx};
use crate::checklist::rules::findings::tally;
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
    let findings = settled(move || ctx.report.with(|r| r.findings.clone()));
    let summary = move || findings.with(|f| tally(f).summary());
    view! {
        <section class="hic-findings" aria-labelledby=ctx.id("findings-title")>
            <h3 class="hic-section-title" id=ctx.id("findings-title")>"Findings"</h3>
            <p class="hic-tally" aria-live="polite">{summary}</p>
            <ul class="hic-finding-list">
                {FindingId::in_report_order()
                    .into_iter()
                    .map(|id| view! { <FindingItem id=id findings=findings /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One finding: always in the page, hidden while the rules do not raise it, so that a
/// finding that comes and goes as the reader types builds little (its tick, if it has
/// one), and one left open stays open. The items are in the order the report lists
/// findings in.
#[component]
fn FindingItem(id: FindingId, findings: ReadSignal<Vec<Finding>>) -> impl IntoView {
    let severity = id.severity();
    let this = Memo::new(move |_| findings.with(|all| all.iter().find(|f| f.id == id).cloned()));
    let raised = Memo::new(move |_| this.with(Option::is_some));
    let part =
        move |get: fn(&Finding) -> Option<String>| move || this.with(|f| f.as_ref().and_then(get));
    let tell = part(|f| f.tell.as_ref().map(|t| t.text().to_string()));
    view! {
        <li
            class=format!("hic-{}", severity.class())
            class:hic-finding=raised
            hidden=move || !raised.get()
            data-finding=move || raised.get().then_some(id.code())
        >
            <details>
                <summary>
                    <span class="hic-sev">{icon(severity)}" "{severity.label()}":"</span>
                    " "{part(|f| Some(f.title.clone()))}
                </summary>
                <p><strong>"Why: "</strong>{part(|f| Some(f.why.clone()))}</p>
                <p><strong>"What to do: "</strong>{part(|f| Some(f.action.clone()))}</p>
                <p class:hic-hidden=move || tell().is_none()><strong>"Tell the customer: "</strong>{tell}</p>
            </details>
            // The tick is in the page only while its finding is.
            {id.tick().map(|f| move || raised.get().then(|| view! { <QuestionView q=f.question() /> }))}
        </li>
    }
}
