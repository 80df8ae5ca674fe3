//! Answers to and from plain JS objects (drafts, the JS API's `answers()`, `onChange`
//! and `initialAnswers`) through serde-wasm-bindgen. Written by the serde derives of
//! `Answers`: each question's answer under its key, as a string (text, a choice's code),
//! a boolean (a tick box), an array of names (event types) or an array of row objects
//! (lists); an unanswered choice is left out. Read loosely first ([`Loose`]), then each
//! answer through the question table, so that one answer that does not fit is named and
//! left out while the others are read.

use super::loose::Loose;
use crate::checklist::questions::answers::{Stored, SCHEMA_VERSION};
use crate::checklist::questions::{Field, Input};
use crate::checklist::Answers;
use wasm_bindgen::JsValue;

/// The answers as a plain object. (Strings, booleans, a number and lists of them always
/// serialise; were one to fail, the value is `undefined`.)
pub fn to_js(a: &Answers) -> JsValue {
    serde_wasm_bindgen::to_value(a).unwrap_or(JsValue::UNDEFINED)
}

/// Reads answers from a plain object: what is missing keeps its default; what does not
/// fit its question is left out and reported ("kind: not one of the question's options").
/// `None` when the value is not an object at all.
pub fn from_js(value: &JsValue) -> Option<(Answers, Vec<String>)> {
    let given = Loose::from_js(value);
    if !matches!(given, Loose::Map(_)) {
        return None;
    }
    let mut a = Answers::default();
    let mut problems = Vec::new();
    if let Some(Loose::Number(v)) = given.get("schema_version") {
        a.schema_version.0 = if (0.0..=f64::from(u32::MAX)).contains(v) {
            *v as u32
        } else {
            SCHEMA_VERSION + 1
        };
    }
    for &field in Field::ALL {
        let v = match given.get(field.key()) {
            None | Some(Loose::Null) => continue,
            Some(v) => v,
        };
        if let Err(why) = read(field, field.stored_mut(&mut a), v) {
            problems.push(format!("{}: {why}", field.key()));
        }
    }
    Some((a, problems))
}

fn read(field: Field, stored: &mut dyn Stored, v: &Loose) -> Result<(), &'static str> {
    if let Some(rows) = stored.rows_mut() {
        let Loose::List(items) = v else {
            return Err("not a list of rows");
        };
        let columns = rows.spec().columns;
        for item in items {
            rows.push_empty();
            let r = rows.len() - 1;
            for (c, column) in columns.iter().enumerate() {
                if let Some(text) = item.get(column.key).and_then(Loose::text) {
                    rows.set_cell(r, c, &text);
                }
            }
        }
        return Ok(());
    }
    if let Some(names) = stored.names_mut() {
        let Loose::List(items) = v else {
            return Err("not a list of names");
        };
        names.extend(items.iter().filter_map(|n| match n {
            Loose::Text(t) => Some(t.clone()),
            _ => None,
        }));
        return Ok(());
    }
    match field.question().input {
        Input::Check => match v {
            Loose::Bool(on) => stored.set_checked(*on),
            _ => return Err("not true or false"),
        },
        Input::Choice(options) | Input::UnitOf(options) => match v {
            Loose::Text(code) if options.iter().any(|(c, _)| c == code) => stored.set_text(code),
            _ => return Err("not one of the question's options"),
        },
        _ => stored.set_text(&v.text().ok_or("not text")?),
    }
    Ok(())
}
