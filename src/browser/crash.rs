//! When the wasm panics: the message goes to the console, pending drafts are saved, and
//! every widget on the page says so; the draft stays in storage for the next load.
//! Pending drafts are also saved when the page is hidden.

use super::storage;
use crate::checklist::drafts::CRASHED;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the panic hook and the `pagehide` save, once per page.
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The message and its place in our code; the browser adds the wasm stack.
            web_sys::console::error_1(&JsValue::from_str(&format!(
                "Historical import checklist: {info}"
            )));
            storage::flush_all();
            show_notice();
        }));
        if let Some(w) = web_sys::window() {
            let flush = Closure::<dyn Fn()>::new(storage::flush_all);
            let _ = w.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            flush.forget();
        }
    });
}

/// Puts the notice at the top of every widget on the page (plain text, an alert).
fn show_notice() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(roots) = doc.query_selector_all(".hic") else {
        return;
    };
    for i in 0..roots.length() {
        if let (Some(root), Ok(p)) = (roots.item(i), doc.create_element("p")) {
            p.set_class_name("hic-crash");
            p.set_attribute("role", "alert").ok();
            p.set_text_content(Some(CRASHED));
            let _ = root.insert_before(&p, root.first_child().as_ref());
        }
    }
}
