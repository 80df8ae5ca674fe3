//! The request block rendered as GitHub would show it, built from
//! `checklist::preview::blocks` as DOM nodes: text stays text, nothing becomes HTML.

use crate::checklist::preview::{Block, Span};
use crate::checklist::validate::is_web_link;
use leptos::prelude::*;

#[component]
pub fn Rendered(blocks: Memo<Vec<Block>>) -> impl IntoView {
    view! { <div class="hic-rendered">{move || blocks.get().into_iter().map(block).collect_view()}</div> }
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading { level: 2, spans } => view! { <h4 class="hic-r-h2">{inline(spans)}</h4> }.into_any(),
        Block::Heading { spans, .. } => view! { <h5 class="hic-r-h3">{inline(spans)}</h5> }.into_any(),
        Block::Paragraph(spans) => view! { <p>{inline(spans)}</p> }.into_any(),
        Block::List(items) => view! {
            <ul>{items.into_iter().map(|i| view! { <li>{inline(i)}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Tasks(items) => view! {
            <ul class="hic-r-tasks">
                {items
                    .into_iter()
                    .map(|(done, i)| view! {
                        <li><input type="checkbox" disabled prop:checked=done />" "{inline(i)}</li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
        Block::Table { head, rows } => view! {
            <table class="hic-r-table">
                <thead><tr>{head.into_iter().map(|c| view! { <th>{inline(c)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{inline(c)}</td> }).collect_view()}</tr> })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any(),
    }
}

fn inline(spans: Vec<Span>) -> AnyView {
    spans
        .into_iter()
        .map(|s| match s {
            Span::Text(t) => t.into_any(),
            Span::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Span::Code(t) => view! { <code>{t}</code> }.into_any(),
            Span::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
            // Only http(s) links are ever written; anything else stays text.
            Span::Link(url) if is_web_link(&url) => {
                let href = url.clone();
                view! { <a href=href rel="noopener noreferrer" target="_blank">{url}</a> }
                    .into_any()
            }
            Span::Link(url) => url.into_any(),
            Span::Break => view! { <br /> }.into_any(),
        })
        .collect_view()
        .into_any()
}
