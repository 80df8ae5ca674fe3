//! The page's URL: its fragment (where a prefilled link keeps the answers), a link to
//! this page with another fragment, and opening a ticket in a new tab.

/// The page's fragment, `#…` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// This page's address with `fragment` instead of its own.
pub fn page_link(fragment: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(format!("{base}{fragment}"))
}

/// Removes the fragment from the address bar (without reloading or adding to the
/// history), so that a reload does not apply a link again.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Opens `url` in a new tab that cannot reach this page; `false` when the browser
/// blocked it.
///
/// Not with `noopener` or `noreferrer` among the features: either one makes
/// `window.open` return null whether or not a tab opened, so a blocked pop-up would go
/// unnoticed. Instead the new tab's `opener` is cut here, before its page loads (it is
/// still our `about:blank`), and a tab whose opener cannot be cut is closed. What
/// `noreferrer` also did, withhold the `Referer`, is left to the page's referrer
/// policy: the default sends a ticket site on another origin only this site's origin,
/// and never the fragment, where a link's answers are.
pub fn open_in_new_tab(url: &str) -> bool {
    let Some(tab) = web_sys::window()
        .and_then(|w| w.open_with_url_and_target(url, "_blank").ok())
        .flatten()
    else {
        return false;
    };
    let cut = js_sys::Reflect::set(
        &tab,
        &wasm_bindgen::JsValue::from_str("opener"),
        &wasm_bindgen::JsValue::NULL,
    );
    if cut != Ok(true) {
        let _ = tab.close();
        return false;
    }
    true
}
