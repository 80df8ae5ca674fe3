//! One question, rendered from its row in `checklist::questions::QUESTIONS`: a label,
//! the right control, its help and its error (announced, never clearing the value).

use super::app_list::AppListEditor;
use super::event_types::EventTypesEditor;
use super::ramp_steps::RampStepsEditor;
use super::top_ids::TopIdsEditor;
use super::Ctx;
use crate::checklist::questions::{Control, Field, Question, Unit};
use crate::embed::browser_zone_names;
use leptos::prelude::*;

#[component]
pub fn QuestionView(q: &'static Question) -> impl IntoView {
    let ctx = Ctx::get();
    let f = q.field;
    let applies = move || ctx.answers.with(|a| f.applies(a));
    view! {
        <Show when=applies>
            <Body q=q />
        </Show>
    }
}

#[component]
fn Body(q: &'static Question) -> impl IntoView {
    let ctx = Ctx::get();
    let f = q.field;
    let id = ctx.id(f.id().as_str());
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let error = Memo::new(move |_| ctx.visible_error(f));
    let invalid = move || error.with(|e| e.is_some()).to_string();
    let described = if q.help.is_empty() {
        error_id.clone()
    } else {
        format!("{help_id} {error_id}")
    };
    let required = q.required;
    let text = ctx.select(move |a| f.text(a));

    let control = match q.control {
        Control::Check => view! {
            <label class="hic-check">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=ctx.select(move |a| f.checked(a))
                    on:change=move |ev| ctx.update(|a| f.set_checked(a, event_target_checked(&ev)))
                    on:focusout=move |_| ctx.touch(f)
                    aria-describedby=described.clone()
                />
                <span>{q.label}</span>
            </label>
        }
        .into_any(),
        Control::Choice(options) => view! {
            <fieldset class="hic-choice" aria-describedby=described.clone()>
                <legend class="hic-label">{q.label}{required.then(required_mark)}</legend>
                <ChoiceRadios field=f options=options name=id.clone() />
            </fieldset>
        }
        .into_any(),
        Control::LongText => view! {
            <label class="hic-label" for=id.clone()>{q.label}</label>
            <textarea
                id=id.clone()
                class="hic-input"
                rows="3"
                prop:value=text
                on:input=move |ev| ctx.update(|a| f.set_text(a, &event_target_value(&ev)))
                on:focusout=move |_| ctx.touch(f)
                aria-invalid=invalid
                aria-describedby=described.clone()
            ></textarea>
        }
        .into_any(),
        Control::EventTypes => view! { <EventTypesEditor label=q.label /> }.into_any(),
        Control::TopIds => view! { <TopIdsEditor label=q.label /> }.into_any(),
        Control::AppList => view! { <AppListEditor label=q.label /> }.into_any(),
        Control::RampSteps => view! { <RampStepsEditor label=q.label /> }.into_any(),
        text_like => {
            let (kind, mode) = match text_like {
                Control::Url => ("url", "url"),
                Control::Date => ("date", "text"),
                Control::Time => ("time", "text"),
                Control::Number(_) => ("text", "decimal"),
                _ => ("text", "text"),
            };
            let list = (text_like == Control::TimeZone).then(|| format!("{id}-zones"));
            view! {
                <label class="hic-label" for=id.clone()>
                    {q.label}{required.then(required_mark)}
                </label>
                <div class="hic-row">
                    <input
                        id=id.clone()
                        class="hic-input"
                        type=kind
                        inputmode=mode
                        placeholder=q.placeholder
                        autocomplete="off"
                        list=list.clone()
                        prop:value=text
                        on:input=move |ev| ctx.update(|a| f.set_text(a, &event_target_value(&ev)))
                        on:focusout=move |_| ctx.touch(f)
                        aria-invalid=invalid
                        aria-required=required.to_string()
                        aria-describedby=described.clone()
                    />
                    {unit(text_like, &id)}
                </div>
                {list.map(|list_id| view! {
                    <datalist id=list_id>
                        {browser_zone_names().into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
                    </datalist>
                })}
            }
            .into_any()
        }
    };

    view! {
        <div class="hic-q" class:hic-has-error=move || error.with(|e| e.is_some()) data-field=f.id()>
            {control}
            {(!q.help.is_empty()).then(|| view! { <p class="hic-help" id=help_id.clone()>{q.help}</p> })}
            <p class="hic-error" id=error_id.clone() aria-live="polite">
                {move || error.get().map(|e| e.message)}
            </p>
        </div>
    }
}

/// The asterisk of a required question (hidden from screen readers, which hear
/// `aria-required` instead).
pub fn required_mark() -> impl IntoView {
    view! { <span class="hic-req" aria-hidden="true">" *"</span> }
}

/// A fixed unit label, or a select for a unit field (rate per second / minute / hour).
fn unit(control: Control, id: &str) -> Option<AnyView> {
    let Control::Number(unit) = control else {
        return None;
    };
    Some(match unit {
        Unit::Fixed(text) => view! { <span class="hic-unit">{text}</span> }.into_any(),
        Unit::Select(field) => {
            let ctx = Ctx::get();
            let Control::Choice(options) = field.question().control else {
                return None;
            };
            view! {
                <select
                    class="hic-input hic-unit-select"
                    id=format!("{id}-unit")
                    aria-label=field.question().label
                    prop:value=ctx.select(move |a| field.text(a))
                    on:change=move |ev| ctx.update(|a| field.set_text(a, &event_target_value(&ev)))
                >
                    {options.iter().map(|(code, label)| view! { <option value=*code>{*label}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
    })
}

/// Radio buttons for a choice, one per option.
#[component]
fn ChoiceRadios(
    field: Field,
    options: &'static [(&'static str, &'static str)],
    name: String,
) -> impl IntoView {
    let ctx = Ctx::get();
    let current = ctx.select(move |a| field.text(a));
    options
        .iter()
        .map(|(code, label)| {
            let code: &'static str = code;
            view! {
                <label class="hic-radio">
                    <input
                        type="radio"
                        name=name.clone()
                        value=code
                        prop:checked=move || current.with(|c| c == code)
                        on:change=move |_| ctx.update(|a| field.set_text(a, code))
                        on:focusout=move |_| ctx.touch(field)
                    />
                    <span>{*label}</span>
                </label>
            }
        })
        .collect_view()
}
