//! The browser, below the UI: small modules that return values (drafts in storage and their policy,
//! the clipboard, the clock and time zones from `Intl`, the URL, JSON files). They
//! know the checklist's data types but nothing of the UI.

pub mod answers_js;
pub mod clipboard;
pub mod crash;
pub mod drafts;
pub mod files;
pub mod intl;
pub mod loose;
pub mod storage;
pub mod url;

/// A property of a JS object (`undefined` when it is missing or `source` is no object).
pub fn prop(source: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(source, &wasm_bindgen::JsValue::from_str(key))
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// Logs a warning to the console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(message));
}
