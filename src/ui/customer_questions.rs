//! "Questions for the customer": what is still missing, asked the customer's way, in
//! the same format as the request block, with its own Copy button.

use super::copy::copy_button;
use super::Ctx;
use crate::checklist::block::write;
use leptos::prelude::*;

#[component]
pub fn CustomerQuestions() -> impl IntoView {
    let ctx = Ctx::get();
    let text = Memo::new(move |_| {
        let format = ctx.format.get();
        ctx.report.with(|r| write(&r.message, format))
    });
    let id = ctx.id("questions");
    view! {
        <section class="hic-preview" aria-labelledby=ctx.id("questions-title")>
            <h3 class="hic-section-title" id=ctx.id("questions-title")>"Questions for the customer"</h3>
            <p class="hic-help">"Send them what is still missing; the list shrinks as answers come in."</p>
            {copy_button(
                text,
                Signal::stored("Copy questions".to_string()),
                id.clone(),
                "The questions are",
                false,
            )}
            <label class="hic-sr" for=id.clone()>"Questions for the customer, as they will be copied"</label>
            <textarea id=id class="hic-markdown" readonly rows="10" spellcheck="false" prop:value=move || text.get()></textarea>
        </section>
    }
}
