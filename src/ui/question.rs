//! One question, rendered from its row of the question table through this one path:
//! a label, the control its input kind asks for, its help and its error (announced,
//! never clearing the value).

use super::event_types::EventTypesEditor;
use super::list_editor::ListEditor;
use super::required::required_mark;
use super::sample_box::SampleBox;
use super::shown::{Shown, ShownTable};
use super::Ctx;
use crate::browser::intl::fill_zones;
use crate::checklist::questions::{Field, Input, Question, Required, Unit};
use leptos::prelude::*;

/// One question: its view follows its `Shown` (`shown.rs`), which wakes only when what
/// it shows changed.
#[component]
pub fn QuestionView(q: &'static Question) -> impl IntoView {
    let shown = ShownTable::get().of(q);
    let applies = Memo::new(move |_| shown.with(|s| s.applies));
    move || applies.get().then(|| body(q, shown))
}

fn body(q: &'static Question, shown: Memo<Shown>) -> AnyView {
    let ctx = Ctx::get();
    let f = q.field;
    let id = ctx.id(&f.id());
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let error = Memo::new(move |_| shown.with(|s| s.error.as_ref().map(|e| e.message.clone())));
    let numeric = matches!(q.input, Input::Count { .. } | Input::Amount { .. });
    let read_id = format!("{id}-read");
    let mut described = if q.help.is_empty() {
        error_id.clone()
    } else {
        format!("{help_id} {error_id}")
    };
    if numeric {
        described = format!("{read_id} {described}");
    }
    let control = match q.input {
        // Edited beside its number.
        Input::UnitOf(_) => return ().into_any(),
        Input::Check => check(q, shown, &id, &described),
        Input::Choice(options) => choice(q, shown, options, &id, &described),
        Input::EventTypes => view! { <EventTypesEditor q=q /> }.into_any(),
        Input::List => view! { <ListEditor q=q /> }.into_any(),
        Input::Sample => view! { <SampleBox q=q described=described.clone() /> }.into_any(),
        _ => text(q, shown, &id, &described, error),
    };
    let count = q.input.is_free_text().then(|| {
        view! { <p class="hic-counter">{move || shown.with(|s| s.counter.clone())}</p> }
    });
    let read_as = numeric.then(|| {
        view! { <p class="hic-read-as" id=read_id>{move || shown.with(|s| s.reading.clone())}</p> }
    });
    let choices = numeric.then(|| choices(f, shown));
    view! {
        <div class="hic-q" class:hic-has-error=move || error.with(Option::is_some) data-field=f.id()>
            {control}
            {count}
            {read_as}
            {(!q.help.is_empty()).then(|| view! { <p class="hic-help" id=help_id>{q.help}</p> })}
            <p class="hic-error" id=error_id aria-live="polite">{move || error.get()}</p>
            {choices}
        </div>
    }
    .into_any()
}

/// "Did you mean 150,000 or 150?": one button per reading, which replaces the text.
/// Always in the page, hidden while there is nothing to choose.
fn choices(f: Field, shown: Memo<Shown>) -> impl IntoView {
    let ctx = Ctx::get();
    let choice =
        move |i: usize| shown.with(|s| s.error.as_ref().and_then(|e| e.choices.get(i).cloned()));
    let button = move |i: usize| {
        view! {
            <button
                type="button"
                class="hic-button hic-choice-button"
                class:hic-hidden=move || choice(i).is_none()
                on:click=move |_| {
                    if let Some(text) = choice(i) {
                        ctx.update(|a| f.set_text(a, &text));
                    }
                }
            >
                {move || choice(i)}
            </button>
        }
    };
    view! { <p class="hic-choices">{button(0)}{button(1)}</p> }
}

fn check(q: &'static Question, shown: Memo<Shown>, id: &str, described: &str) -> AnyView {
    let ctx = Ctx::get();
    let f = q.field;
    view! {
        <label class="hic-check">
            <input
                type="checkbox"
                id=id.to_string()
                prop:checked=move || shown.with(|s| s.checked)
                on:change=move |ev| ctx.update(|a| f.set_checked(a, event_target_checked(&ev)))
                on:focusout=move |_| ctx.touch(f)
                aria-describedby=described.to_string()
            />
            <span>{q.label}</span>
        </label>
    }
    .into_any()
}

fn choice(
    q: &'static Question,
    shown: Memo<Shown>,
    options: &'static [(&'static str, &'static str)],
    id: &str,
    described: &str,
) -> AnyView {
    let ctx = Ctx::get();
    let f = q.field;
    let name = id.to_string();
    let radios = options
        .iter()
        .map(|(code, label)| {
            let code: &'static str = code;
            view! {
                <label class="hic-radio">
                    <input
                        type="radio"
                        name=name.clone()
                        value=code
                        prop:checked=move || shown.with(|s| s.text == code)
                        on:change=move |_| ctx.update(|a| f.set_text(a, code))
                        on:focusout=move |_| ctx.touch(f)
                    />
                    <span>{*label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="hic-choice" aria-describedby=described.to_string()>
            <legend class="hic-label">{q.label}{required_mark(q)}</legend>
            {radios}
        </fieldset>
    }
    .into_any()
}

/// Text, numbers, dates, times, zones, links and long text: one input (or textarea)
/// whose attributes come from the input kind.
fn text(
    q: &'static Question,
    shown: Memo<Shown>,
    id: &str,
    described: &str,
    error: Memo<Option<String>>,
) -> AnyView {
    let ctx = Ctx::get();
    let f = q.field;
    // Set on the control only when the text changes, not when its error does.
    let value = Memo::new(move |_| shown.with(|s| s.text.clone()));
    let invalid = move || error.with(Option::is_some).to_string();
    let required = (!matches!(q.required, Required::Never)).to_string();
    let on_input =
        move |ev: leptos::ev::Event| ctx.update(|a| f.set_text(a, &event_target_value(&ev)));
    let label =
        view! { <label class="hic-label" for=id.to_string()>{q.label}{required_mark(q)}</label> };
    if q.input == Input::LongText {
        return view! {
            {label}
            <textarea
                id=id.to_string()
                class="hic-input"
                rows="3"
                prop:value=value
                on:input=on_input
                on:focusout=move |_| ctx.touch(f)
                aria-invalid=invalid
                aria-required=required
                aria-describedby=described.to_string()
            ></textarea>
        }
        .into_any();
    }
    let (kind, mode) = match q.input {
        Input::Url => ("url", "url"),
        Input::Date => ("date", "text"),
        Input::Time => ("time", "text"),
        // Numbers take units and suffixes ("1.2 KB", "4.1M"): a keyboard with letters.
        Input::Digits => ("text", "decimal"),
        _ => ("text", "text"),
    };
    let zones = (q.input == Input::Zone).then(|| format!("{id}-zones"));
    view! {
        {label}
        <div class="hic-row">
            <input
                id=id.to_string()
                class="hic-input"
                type=kind
                inputmode=mode
                placeholder=q.placeholder
                autocomplete="off"
                list=zones.clone()
                prop:value=value
                on:input=on_input
                on:focusout=move |_| ctx.touch(f)
                aria-invalid=invalid
                aria-required=required
                aria-describedby=described.to_string()
            />
            {unit(q, id)}
        </div>
        {zones.map(|list| {
            // Its ~400 zones are filled in a task of their own, after mounting.
            let id = list.clone();
            set_timeout(move || fill_zones(&id), std::time::Duration::ZERO);
            view! { <datalist id=list></datalist> }
        })}
    }
    .into_any()
}

/// A number's unit: a fixed word, or a select for a unit question.
fn unit(q: &'static Question, id: &str) -> Option<AnyView> {
    let ctx = Ctx::get();
    let word = match q.input {
        Input::Count { unit, .. }
        | Input::Amount {
            unit: Unit::Fixed(unit),
            ..
        } => unit,
        Input::Amount {
            unit: Unit::Select(field),
            ..
        } => {
            let Input::UnitOf(options) = field.question().input else {
                return None;
            };
            return Some(
                view! {
                    <select
                        class="hic-input hic-unit-select"
                        id=format!("{id}-unit")
                        data-field=field.id()
                        aria-label=field.question().label
                        prop:value=ctx.select(move |a| field.text(a))
                        on:change=move |ev| ctx.update(|a| field.set_text(a, &event_target_value(&ev)))
                    >
                        {options.iter().map(|(code, label)| view! { <option value=*code>{*label}</option> }).collect_view()}
                    </select>
                }
                .into_any(),
            );
        }
        _ => return None,
    };
    Some(view! { <span class="hic-unit">{word}</span> }.into_any())
}
