//! A JS value read loosely: text, a number, a boolean, a list, an object or nothing,
//! before anything checks it against what it should be. Answers (`answers_js`) and the
//! JS API's options are read through it, so that a value that does not fit is named on
//! its own while the others still apply.
//!
//! Read with `js_sys` (an object's own properties, as `Object.entries` gives them), not
//! with serde-wasm-bindgen's deserializer: that one, whose error messages bring in
//! `core`'s float formatter, cost 11.3 KB gzip more (`docs/size.md`).

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

/// Deeper than any answer goes (an object, a list of rows, a row, a cell): what lies
/// deeper is `Other`, and a deeply nested paste cannot exhaust the stack.
const MAX_DEPTH: usize = 4;

/// A JS value as it was given.
#[derive(Clone, Debug, PartialEq)]
pub enum Loose {
    /// `null` or `undefined`.
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Loose>),
    /// An object's own properties, in their order.
    Map(Vec<(String, Loose)>),
    /// Something else: a function, a symbol, a BigInt, or a list or object nested
    /// deeper than answers go.
    Other,
}

impl Loose {
    /// Reads any JS value; never fails.
    pub fn from_js(value: &JsValue) -> Loose {
        Loose::read(value, 0)
    }

    fn read(value: &JsValue, depth: usize) -> Loose {
        if value.is_null() || value.is_undefined() {
            Loose::Null
        } else if let Some(b) = value.as_bool() {
            Loose::Bool(b)
        } else if let Some(x) = value.as_f64() {
            Loose::Number(x)
        } else if let Some(t) = value.as_string() {
            Loose::Text(t)
        } else if depth >= MAX_DEPTH {
            Loose::Other
        } else if Array::is_array(value) {
            let list: &Array = value.unchecked_ref();
            Loose::List(list.iter().map(|v| Loose::read(&v, depth + 1)).collect())
        } else if value.is_object() {
            let entries = Object::entries(value.unchecked_ref());
            let read = entries.iter().map(|e| {
                let e: Array = e.unchecked_into();
                let key = e.get(0).as_string().unwrap_or_default();
                (key, Loose::read(&e.get(1), depth + 1))
            });
            Loose::Map(read.collect())
        } else {
            Loose::Other
        }
    }

    /// An object's property (`None` when it is missing or this is no object).
    pub fn get(&self, key: &str) -> Option<&Loose> {
        match self {
            Loose::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Text as it is, a number as JS prints it ("12", "1e+21"): the browser's `JSON`
    /// prints it, so the wasm carries no float formatter.
    pub fn text(&self) -> Option<String> {
        match self {
            Loose::Text(t) => Some(t.clone()),
            Loose::Number(x) => js_sys::JSON::stringify(&JsValue::from_f64(*x))
                .ok()
                .and_then(|s| s.as_string()),
            _ => None,
        }
    }
}
