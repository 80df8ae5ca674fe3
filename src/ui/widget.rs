//! The widget's root: provides the context, lays out the form, the findings and the
//! request block. The head is in the page at once; the rest is added in parts
//! (`parts.rs`): every question and picture in order, then the findings, the request
//! block, the customer's questions and the hand-off.

use super::customer_questions::CustomerQuestions;
use super::draft_bar::DraftBar;
use super::findings_panel::FindingsPanel;
use super::offer::{offer_or_apply, Offer};
use super::parts::Parts;
use super::preview::Preview;
use super::section::{parts_of, SectionView};
use super::share_and_save::ShareAndSave;
use super::shown::ShownTable;
use super::Ctx;
use crate::browser::intl::browser_env;
use crate::checklist::questions::{overall_progress, Section};
use crate::checklist::rules::gate::load_test_banner;
use crate::checklist::{evaluate, Answers, Config, FindingId};
use leptos::prelude::*;

/// The panels beside the form, each a part of its own after the form's.
const PANELS: usize = 4;

#[component]
pub fn Widget(
    answers: RwSignal<Answers>,
    config: Config,
    /// Unique among the widgets on the page (mount.rs chooses it).
    #[prop(into)]
    prefix: String,
    /// The answers of a new checklist (Start over goes back to them).
    fresh: Answers,
    /// Problems with the host's configuration, shown in a small notice.
    notices: Vec<String>,
    /// A line about the draft ("Draft restored (saved 14:32)", storage problems).
    #[prop(into)]
    draft_note: Signal<Option<String>>,
    /// Answers from a prefilled link, offered over a draft.
    offer: Option<Offer>,
    /// Why a link in the page's URL was not used.
    link_problem: Option<&'static str>,
    /// Another tab's newer draft is offered.
    #[prop(into)]
    newer: Signal<bool>,
    /// The reader's choice: load the newer draft (`true`) or keep this page's answers.
    resolve: Callback<bool>,
    /// The draft's storage key (its backup keys keep replaced answers).
    #[prop(into)]
    key: String,
) -> impl IntoView {
    let banner = load_test_banner(&config);
    let format = RwSignal::new(config.copy_format);
    let config = StoredValue::new(config);
    let report = Memo::new(move |_| {
        let env = browser_env();
        config.with_value(|c| answers.with(|a| evaluate(a, c, &env)))
    });
    let ctx = Ctx {
        answers,
        report,
        touched: RwSignal::new(Vec::new()),
        reveal_all: RwSignal::new(false),
        prefix: StoredValue::new(prefix),
        fresh: StoredValue::new(fresh),
        config,
        format,
        offer: RwSignal::new(None),
        key: StoredValue::new(key),
    };
    provide_context(ctx);
    ShownTable::provide(ctx);
    if let Some(offer) = offer {
        offer_or_apply(ctx, offer);
    }

    // Each section's first part (the head is part 0).
    let mut next = 1;
    let sections = Section::ALL.map(|s| {
        let first = next;
        next += parts_of(s);
        (s, first)
    });
    let form = next;
    let parts = Parts::new(form + PANELS);
    parts.add_all(report, answers, config);

    let progress = ctx.select(|a| overall_progress(a).line());
    // The banner stands while the load-test finding does.
    let load_test = Memo::new(move |_| report.with(|r| r.has(FindingId::LoadTest)));

    view! {
        <div class="hic" aria-busy=move || parts.busy()>
            {parts.part(0, move || head(progress, draft_note, newer, resolve, link_problem, notices.clone()))}
            // With the first section, which evaluates the answers first.
            <Show when=move || { parts.has(1) && load_test.get() }>
                <p class="hic-urgent" role="alert">
                    <strong>"Load test: "</strong>
                    {banner.clone()}
                </p>
            </Show>
            // In the page with the first question and the banner (so that neither moves it).
            <div class="hic-layout" class:hic-hidden=move || !parts.has(1)>
                <form class="hic-form" on:submit=|ev| ev.prevent_default() novalidate>
                    {sections
                        .map(|(s, first)| parts.part(first, move || view! { <SectionView section=s parts=parts first=first /> }.into_any()))
                        .collect_view()}
                </form>
                <aside class="hic-side">
                    {parts.part(form, || view! { <FindingsPanel /> }.into_any())}
                    {parts.part(form + 1, || view! { <Preview /> }.into_any())}
                    {parts.part(form + 2, || view! { <CustomerQuestions /> }.into_any())}
                    {parts.part(form + 3, || view! { <ShareAndSave /> }.into_any())}
                </aside>
            </div>
        </div>
    }
}

/// The head: title, progress, the draft line and what is wrong with the configuration.
fn head(
    progress: Memo<String>,
    draft_note: Signal<Option<String>>,
    newer: Signal<bool>,
    resolve: Callback<bool>,
    link_problem: Option<&'static str>,
    notices: Vec<String>,
) -> AnyView {
    view! {
        <header class="hic-head">
            <h2 class="hic-title">"Historical import checklist"</h2>
            <p class="hic-progress">{progress}</p>
            <DraftBar note=draft_note newer=newer resolve=resolve />
            {link_problem.map(|m| view! { <p class="hic-notice" role="alert">{m}</p> })}
            {(!notices.is_empty()).then(|| view! {
                <ul class="hic-notice" aria-label="Configuration problems">
                    {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            })}
        </header>
    }
    .into_any()
}
