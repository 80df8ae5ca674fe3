//! The request block, live, in the format of where it will be pasted (GitHub, Slack,
//! plain text), with the Copy button. Copying is allowed with blocking findings or
//! missing answers, but the button says so.

use super::copy::copy_button;
use super::rendered::Rendered;
use super::Ctx;
use crate::checklist::block::model::Doc;
use crate::checklist::block::write;
use crate::checklist::settings::format::Format;
use leptos::prelude::*;

#[component]
pub fn Preview() -> impl IntoView {
    let ctx = Ctx::get();
    let format = ctx.format;
    // What Copy copies and the text view shows.
    let text = Memo::new(move |_| {
        let format = format.get();
        ctx.report.with(|r| write(&r.block, format))
    });
    let label = Memo::new(move |_| ctx.report.with(|r| r.copy_label()));
    let show_rendered = RwSignal::new(false);
    // Kept only while the rendered tab is open.
    let rendered = Memo::new(move |_| {
        if show_rendered.get() {
            ctx.report.with(|r| r.block.clone())
        } else {
            Doc::default()
        }
    });
    let textarea_id = ctx.id("markdown");
    view! {
        <section class="hic-preview" aria-labelledby=ctx.id("preview-title")>
            <h3 class="hic-section-title" id=ctx.id("preview-title")>"Request block"</h3>
            <p class="hic-help">"Paste it into the ticket for the pipeline team (GitHub, Zendesk or Slack)."</p>
            {copy_button(text, label.into(), textarea_id.clone(), "The request is", true)}
            <div class="hic-tabs" role="group" aria-label="Copy for">
                <span class="hic-label">"Copy for"</span>
                {toggle(format, Format::GitHub, "GitHub")}
                {toggle(format, Format::Slack, "Slack")}
                {toggle(format, Format::Plain, "Plain text")}
            </div>
            <div class="hic-tabs" role="group" aria-label="Show the block as">
                {toggle(show_rendered, false, "As copied")}
                {toggle(show_rendered, true, "Rendered")}
            </div>
            <label class="hic-sr" for=textarea_id.clone()>"Request block, as it will be copied"</label>
            <textarea
                id=textarea_id
                class="hic-markdown"
                class:hic-hidden=move || show_rendered.get()
                readonly
                rows="24"
                spellcheck="false"
                prop:value=move || text.get()
            ></textarea>
            <Rendered doc=rendered shown=show_rendered />
        </section>
    }
}

/// A button of a group that sets `signal` to `value`, pressed while it has it.
fn toggle<T>(signal: RwSignal<T>, value: T, text: &'static str) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <button
            type="button"
            class="hic-tab"
            aria-pressed=move || (signal.get() == value).to_string()
            on:click=move |_| signal.set(value)
        >
            {text}
        </button>
    }
}
