//! Answers to and from plain JS objects (drafts, the JS API's `answers()`, `onChange`
//! and `initialAnswers`), driven by the question table: each question's answer under
//! its key, as a string (text, a choice's code), a boolean (a tick box), an array of
//! names (event types) or an array of row objects (lists). The shape is the one serde
//! gives `Answers` natively; doing it from the table keeps serde's generic code out of
//! the wasm (measured: 24 KB gzip).

use super::prop;
use crate::checklist::questions::answers::{Stored, SCHEMA_VERSION};
use crate::checklist::questions::{Field, Input};
use crate::checklist::Answers;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// A value as text: strings as they are, numbers as JS prints them.
fn text_of(value: &JsValue) -> Option<String> {
    value.as_string().or_else(|| {
        value
            .as_f64()
            .and_then(|_| js_sys::JSON::stringify(value).ok())
            .and_then(|s| s.as_string())
    })
}

/// The answers as a plain object.
pub fn to_js(a: &Answers) -> JsValue {
    let out: JsValue = Object::new().into();
    set(&out, "schema_version", &JsValue::from(a.schema_version.0));
    for &field in Field::ALL {
        let stored = field.stored(a);
        let value = if let Some(rows) = stored.rows() {
            let columns = rows.spec().columns;
            let list = Array::new();
            for r in 0..rows.len() {
                let row: JsValue = Object::new().into();
                for (c, column) in columns.iter().enumerate() {
                    set(&row, column.key, &JsValue::from_str(&rows.cell(r, c)));
                }
                list.push(&row);
            }
            list.into()
        } else if let Some(names) = stored.names() {
            names
                .iter()
                .map(|n| JsValue::from_str(n))
                .collect::<Array>()
                .into()
        } else if field.question().input == Input::Check {
            JsValue::from_bool(stored.checked())
        } else {
            let text = stored.text();
            if text.is_empty() && matches!(field.question().input, Input::Choice(_)) {
                continue;
            }
            JsValue::from_str(&text)
        };
        set(&out, field.key(), &value);
    }
    out
}

/// Reads answers from a plain object: what is missing keeps its default; what does not
/// fit its question is left out and reported ("kind: \"maybe\" is not one of …").
/// `None` when the value is not an object at all.
pub fn from_js(value: &JsValue) -> Option<(Answers, Vec<String>)> {
    if !value.is_object() || Array::is_array(value) {
        return None;
    }
    let mut a = Answers::default();
    let mut problems = Vec::new();
    if let Some(v) = prop(value, "schema_version").as_f64() {
        a.schema_version.0 = if (0.0..=f64::from(u32::MAX)).contains(&v) {
            v as u32
        } else {
            SCHEMA_VERSION + 1
        };
    }
    for &field in Field::ALL {
        let v = prop(value, field.key());
        if v.is_undefined() || v.is_null() {
            continue;
        }
        if let Err(why) = read(field, field.stored_mut(&mut a), &v) {
            problems.push(format!("{}: {why}", field.key()));
        }
    }
    Some((a, problems))
}

fn read(field: Field, stored: &mut dyn Stored, v: &JsValue) -> Result<(), &'static str> {
    if let Some(rows) = stored.rows_mut() {
        let list = v.dyn_ref::<Array>().ok_or("not a list of rows")?;
        let columns = rows.spec().columns;
        for item in list.iter() {
            rows.push_empty();
            let r = rows.len() - 1;
            for (c, column) in columns.iter().enumerate() {
                if let Some(text) = text_of(&prop(&item, column.key)) {
                    rows.set_cell(r, c, &text);
                }
            }
        }
        return Ok(());
    }
    if let Some(names) = stored.names_mut() {
        let list = v.dyn_ref::<Array>().ok_or("not a list of names")?;
        names.extend(list.iter().filter_map(|n| n.as_string()));
        return Ok(());
    }
    match field.question().input {
        Input::Check => stored.set_checked(v.as_bool().ok_or("not true or false")?),
        Input::Choice(options) | Input::UnitOf(options) => {
            let code = v.as_string().unwrap_or_default();
            if !options.iter().any(|(c, _)| *c == code) {
                return Err("not one of the question's options");
            }
            stored.set_text(&code);
        }
        _ => stored.set_text(&text_of(v).ok_or("not text")?),
    }
    Ok(())
}
