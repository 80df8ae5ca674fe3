//! The findings panel: blocking first, then warnings, then notes; each expands to why,
//! what to do and what to tell the customer. Severity is spelled out, never colour only.

use super::Ctx;
use crate::checklist::findings::{tally, Finding, Severity};
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
    let summary = move || findings.with(|f| tally(f).summary());
    view! {
        <section class="hic-findings" aria-labelledby=ctx.id("findings-title")>
            <h3 class="hic-section-title" id=ctx.id("findings-title")>"Findings"</h3>
            <p class="hic-tally" aria-live="polite">{summary}</p>
            <ul class="hic-finding-list">
                <For each=move || findings.get() key=|f| (f.id, f.why.clone(), f.action.clone()) let:f>
                    <FindingItem f=f />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn FindingItem(f: Finding) -> impl IntoView {
    let class = format!("hic-finding hic-{}", f.severity.class());
    view! {
        <li class=class data-finding=f.id>
            <details>
                <summary>
                    <span class="hic-sev">{icon(f.severity)}" "{f.severity.label()}":"</span>
                    " "{f.title.clone()}
                </summary>
                <p><strong>"Why: "</strong>{f.why.clone()}</p>
                <p><strong>"What to do: "</strong>{f.action.clone()}</p>
                {f.tell_customer.clone().map(|t| view! { <p><strong>"Tell the customer: "</strong>{t}</p> })}
            </details>
        </li>
    }
}
