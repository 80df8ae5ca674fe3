//! The request block rendered as GitHub would show it. One function builds the DOM
//! from the block model of `checklist::preview`: user text only ever becomes text
//! nodes, and only http(s) links become links.

use crate::checklist::parse::is_web_link;
use crate::checklist::preview::{Block, Span};
use leptos::html::Div;
use leptos::prelude::*;
use web_sys::Element;

#[component]
pub fn Rendered(blocks: Memo<Vec<Block>>, shown: RwSignal<bool>) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            blocks.with(|b| draw(&el, b));
        }
    });
    view! { <div class="hic-rendered" class:hic-hidden=move || !shown.get() node_ref=root></div> }
}

/// Replaces `root`'s children with the blocks, as elements and text nodes.
fn draw(root: &Element, blocks: &[Block]) {
    let Some(doc) = root.owner_document() else {
        return;
    };
    root.set_text_content(None);
    let el = |parent: &Element, tag: &str, class: &str| -> Option<Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        parent.append_child(&e).ok()?;
        Some(e)
    };
    let spans = |parent: &Element, spans: &[Span]| {
        for s in spans {
            let (tag, text) = match s {
                Span::Text(t) => ("", t),
                Span::Strong(t) => ("strong", t),
                Span::Code(t) => ("code", t),
                Span::Emphasis(t) => ("em", t),
                Span::Link(url) => ("a", url),
                Span::Break => {
                    el(parent, "br", "");
                    continue;
                }
            };
            let link = tag == "a" && is_web_link(text);
            match (tag, link) {
                ("", _) | ("a", false) => {
                    let _ = parent.append_child(&doc.create_text_node(text));
                }
                _ => {
                    if let Some(e) = el(parent, tag, "") {
                        e.set_text_content(Some(text));
                        if link {
                            let _ = e.set_attribute("href", text);
                            let _ = e.set_attribute("rel", "noopener noreferrer");
                            let _ = e.set_attribute("target", "_blank");
                        }
                    }
                }
            }
        }
    };
    for b in blocks {
        match b {
            Block::Heading { level, spans: s } => {
                let (tag, class) = if *level == 2 {
                    ("h4", "hic-r-h2")
                } else {
                    ("h5", "hic-r-h3")
                };
                if let Some(h) = el(root, tag, class) {
                    spans(&h, s);
                }
            }
            Block::Paragraph(s) => {
                if let Some(p) = el(root, "p", "") {
                    spans(&p, s);
                }
            }
            Block::List(items) => {
                let Some(ul) = el(root, "ul", "") else {
                    continue;
                };
                for item in items {
                    if let Some(li) = el(&ul, "li", "") {
                        spans(&li, item);
                    }
                }
            }
            Block::Tasks(items) => {
                let Some(ul) = el(root, "ul", "hic-r-tasks") else {
                    continue;
                };
                for (done, item) in items {
                    let Some(li) = el(&ul, "li", "") else {
                        continue;
                    };
                    if let Some(tick) = el(&li, "input", "") {
                        let _ = tick.set_attribute("type", "checkbox");
                        let _ = tick.set_attribute("disabled", "");
                        if *done {
                            let _ = tick.set_attribute("checked", "");
                        }
                    }
                    let _ = li.append_child(&doc.create_text_node(" "));
                    spans(&li, item);
                }
            }
            Block::Table { head, rows } => {
                let Some(table) = el(root, "table", "hic-r-table") else {
                    continue;
                };
                let (Some(thead), Some(tbody)) = (el(&table, "thead", ""), el(&table, "tbody", ""))
                else {
                    continue;
                };
                if let Some(tr) = el(&thead, "tr", "") {
                    for c in head {
                        if let Some(th) = el(&tr, "th", "") {
                            spans(&th, c);
                        }
                    }
                }
                for r in rows {
                    let Some(tr) = el(&tbody, "tr", "") else {
                        continue;
                    };
                    for c in r {
                        if let Some(td) = el(&tr, "td", "") {
                            spans(&td, c);
                        }
                    }
                }
            }
        }
    }
}
