//! The clipboard: write text, or say why not in words for the reader.

use wasm_bindgen::{JsCast, JsValue};

/// Writes text to the clipboard; the error says why not, in words for the reader.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("No browser window.")?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>())
        .ok_or("This browser gives no clipboard access here.")?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying.".to_string())
}

/// Selects the text of a textarea, for copying by hand.
pub fn select_text(id: &str) {
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        let _ = area.focus();
        area.select();
    }
}
