//! The request block rendered as GitHub would show it. One function builds the DOM
//! from the block model, each line as `checklist::block::view` reads it: user text
//! only ever becomes text nodes, and only checked http(s) links become links.

use crate::checklist::block::model::{Doc, Part};
use crate::checklist::block::view::{cell_spans, spans, Span};
use crate::checklist::questions::parse::is_web_link;
use leptos::html::Div;
use leptos::prelude::*;
use web_sys::{Document, Element};

#[component]
pub fn Rendered(doc: Memo<Doc>, shown: RwSignal<bool>) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            doc.with(|d| draw(&el, d));
        }
    });
    view! { <div class="hic-rendered" class:hic-hidden=move || !shown.get() node_ref=root></div> }
}

/// Replaces `root`'s children with the document, as elements and text nodes.
fn draw(root: &Element, doc: &Doc) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let dom = Dom(document);
    root.set_text_content(None);
    for part in &doc.parts {
        match part {
            Part::Heading { level, line, .. } => {
                let (tag, class) = if *level == 2 {
                    ("h4", "hic-r-h2")
                } else {
                    ("h5", "hic-r-h3")
                };
                dom.spans(&dom.el(root, tag, class), &spans(line));
            }
            Part::Paragraph(line) => dom.spans(&dom.el(root, "p", ""), &spans(line)),
            Part::List(items) => {
                let ul = dom.el(root, "ul", "");
                for item in items {
                    dom.spans(&dom.el(&ul, "li", ""), &spans(item));
                }
            }
            Part::Tasks(items) => {
                let ul = dom.el(root, "ul", "hic-r-tasks");
                for (done, item) in items {
                    // The item's text labels its tick box.
                    let li = dom.el(&dom.el(&ul, "li", ""), "label", "");
                    let tick = dom.el(&li, "input", "");
                    let _ = tick.set_attribute("type", "checkbox");
                    let _ = tick.set_attribute("disabled", "");
                    if *done {
                        let _ = tick.set_attribute("checked", "");
                    }
                    dom.text(&li, " ");
                    dom.spans(&li, &spans(item));
                }
            }
            Part::Table { head, rows } => {
                let table = dom.el(root, "table", "hic-r-table");
                // A head of empty cells (the summary's `| | |`) heads nothing: left out,
                // as empty column headers only puzzle a screen reader.
                if head.iter().any(|cell| !cell.is_empty()) {
                    let tr = dom.el(&dom.el(&table, "thead", ""), "tr", "");
                    for cell in head {
                        dom.spans(&dom.el(&tr, "th", ""), &cell_spans(cell));
                    }
                }
                let tbody = dom.el(&table, "tbody", "");
                for row in rows {
                    let tr = dom.el(&tbody, "tr", "");
                    for cell in row {
                        dom.spans(&dom.el(&tr, "td", ""), &cell_spans(cell));
                    }
                }
            }
        }
    }
}

/// Creates nodes in one document. Where the browser refuses to create an element, its
/// content goes into the parent instead: the view loses a level, nothing panics.
struct Dom(Document);

impl Dom {
    /// A new `<tag class>` appended to `parent`.
    fn el(&self, parent: &Element, tag: &str, class: &str) -> Element {
        let Ok(e) = self.0.create_element(tag) else {
            return parent.clone();
        };
        if !class.is_empty() {
            e.set_class_name(class);
        }
        let _ = parent.append_child(&e);
        e
    }

    fn text(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.0.create_text_node(text));
    }

    /// Inline spans: text stays text; only a checked http(s) link becomes a link.
    fn spans(&self, parent: &Element, spans: &[Span]) {
        for s in spans {
            let (tag, text) = match s {
                Span::Text(t) => ("", t),
                Span::Strong(t) => ("strong", t),
                Span::Code(t) => ("code", t),
                Span::Emphasis(t) => ("em", t),
                Span::Link(url) if is_web_link(url) => {
                    let a = self.el(parent, "a", "");
                    a.set_text_content(Some(url));
                    let _ = a.set_attribute("href", url);
                    let _ = a.set_attribute("rel", "noopener noreferrer");
                    let _ = a.set_attribute("target", "_blank");
                    continue;
                }
                Span::Link(url) => ("", url),
                Span::Break => {
                    self.el(parent, "br", "");
                    continue;
                }
            };
            if tag.is_empty() {
                self.text(parent, text);
            } else {
                self.el(parent, tag, "").set_text_content(Some(text));
            }
        }
    }
}
