//! Answers as a JSON file: written through the same plain objects as drafts, read back
//! with their problems named (what is no checklist's answers, or a newer schema's, is
//! refused; see `share::imported`); downloaded through a temporary object URL, read from a
//! file the reader picks.

use super::answers_js::{from_js, to_js};
use crate::checklist::handoff::share::{imported, ImportError};
use crate::checklist::Answers;
use wasm_bindgen::{JsCast, JsValue};

/// The answers as pretty-printed JSON.
pub fn to_json(a: &Answers) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(a), &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Answers from JSON text (an older schema's migrated), and what in it did not fit its
/// question; or why it cannot be imported at all.
pub fn from_json(text: &str) -> Result<(Answers, Vec<String>), String> {
    let value = js_sys::JSON::parse(text.trim()).map_err(|_| ImportError::NotJson.message())?;
    let (a, problems) = from_js(&value).ok_or_else(|| ImportError::NotAnObject.message())?;
    let keys: Vec<String> = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let a = imported(&keys, a).map_err(|e| e.message())?;
    Ok((a, problems))
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |_| "The browser did not allow the download.".to_string();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No browser window.")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The file input a `change` event came from.
pub fn picked_input(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into().ok()
}

/// The text of the first file picked in a file input; the input is then emptied, so
/// that picking the same file again is a change too.
pub async fn read_picked(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("No file was picked.")?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    input.set_value("");
    text.ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "The file could not be read.".to_string())
}
