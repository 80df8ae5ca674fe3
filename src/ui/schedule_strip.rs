//! The schedule strip, in the schedule section: the days around the chosen start in the
//! customer's zone with the pipeline team's hours, weekends and days off shaded and the
//! run on top (`checklist::slot::schedule_strip`); each hour read out in the customer's
//! zone, UTC and Amsterdam under the pointer or the arrow keys (`slot::strip_hour`); and
//! "Suggest a slot", which shows the
//! next start that fits (`checklist::slot::suggest`) and why, applies it with one click
//! and offers Undo for a few seconds.

use super::picture::PictureView;
use super::Ctx;
use crate::browser::intl::{now_secs, IntlZones};
use crate::checklist::slot::{schedule_strip, strip_hour, strip_hours, suggest};
use crate::checklist::Env;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// How long Undo stays offered after a slot was applied, in milliseconds.
const UNDO_MS: u32 = 8_000;

#[component]
pub fn ScheduleStrip() -> impl IntoView {
    let ctx = Ctx::get();
    let env = || Env {
        now: now_secs(),
        zones: &IntlZones,
    };
    // The strip reads only the zone and the run (through the browser's `Intl`, which
    // is slow to call): redrawn when those change, not on every keystroke elsewhere.
    let run = Memo::new(move |_| {
        let zone = ctx.answers.with(|a| a.time_zone.clone());
        ctx.report
            .with(|r| (zone, r.facts.start_utc, r.facts.end_utc))
    });
    let picture = Memo::new(move |_| {
        run.with(|_| {});
        ctx.config.with_value(|c| {
            ctx.answers.with_untracked(|a| {
                ctx.report
                    .with_untracked(|r| schedule_strip(a, &r.facts, c, &env()))
            })
        })
    });
    let shown = RwSignal::new(false);
    // Worked out only while shown: it searches days ahead.
    let suggestion = Memo::new(move |_| {
        if !shown.get() {
            return None;
        }
        ctx.config.with_value(|c| {
            ctx.answers
                .with(|a| ctx.report.with(|r| suggest(a, &r.facts, c, &env())))
        })
    });
    // The start before the last Apply, while Undo is offered.
    let undo = RwSignal::new(None::<(String, String)>);
    let apply = move |_| {
        let Some(s) = suggestion.get_untracked() else {
            return;
        };
        let before = ctx
            .answers
            .with_untracked(|a| (a.start_date.clone(), a.start_time.clone()));
        ctx.update(|a| {
            a.start_date = s.date.to_string();
            a.start_time = s.time.to_string();
        });
        shown.set(false);
        undo.set(Some(before.clone()));
        spawn_local(async move {
            TimeoutFuture::new(UNDO_MS).await;
            // Guarded: the widget may have been unmounted meanwhile; and a later Apply
            // keeps its own Undo.
            if undo.try_with_untracked(|u| u.as_ref() == Some(&before)) == Some(true) {
                undo.try_set(None);
            }
        });
    };
    let restore = move |_| {
        if let Some((date, time)) = undo.get_untracked() {
            ctx.update(|a| {
                a.start_date = date;
                a.start_time = time;
            });
        }
        undo.set(None);
    };
    let why = move || {
        suggestion.with(|s| match s {
            Some(s) => s.why.clone(),
            None => {
                "No slot yet: it needs the total duration and the customer's time zone.".to_string()
            }
        })
    };
    let can_apply = move || shown.get() && suggestion.with(|s| s.as_ref().is_some_and(|s| !s.same));
    let apply_text = move || {
        suggestion.with(|s| {
            s.as_ref()
                .map(|s| format!("Use {} {}", s.date, s.time))
                .unwrap_or_default()
        })
    };
    view! {
        <PictureView picture=picture name="schedule">
            // Its value and text are written by `show` as the pointer or the keys move;
            // CSS draws the cursor and shows the text under the strip.
            <div class="hic-strip-hours" tabindex="0" role="slider" aria-label="Hours on the strip: your time, UTC and Amsterdam"
                aria-valuemin="0" aria-valuemax="0" aria-valuenow="0"
                on:focus=move |ev| show(ctx, &event_target(&ev), Move::Start)
                on:blur=move |ev| show(ctx, &event_target(&ev), Move::Clear)
                on:keydown=move |ev| {
                    let m = match ev.key().as_str() {
                        "ArrowRight" | "ArrowUp" => Move::By(1),
                        "ArrowLeft" | "ArrowDown" => Move::By(-1),
                        "PageUp" => Move::By(24),
                        "PageDown" => Move::By(-24),
                        "Home" => Move::To(0),
                        "End" => Move::To(u32::MAX),
                        _ => return,
                    };
                    ev.prevent_default();
                    show(ctx, &event_target(&ev), m);
                }
                on:pointermove=move |ev| {
                    let el: Element = event_target(&ev);
                    let at = Move::At(ev.offset_x().max(0) as u32, el.client_width().max(1) as u32);
                    show(ctx, &el, at);
                }
                on:pointerleave=move |ev| {
                    let el: Element = event_target(&ev);
                    if !el.matches(":focus").unwrap_or(false) {
                        show(ctx, &el, Move::Clear);
                    }
                }>
            </div>
        </PictureView>
        <div class="hic-slot">
            <button type="button" class="hic-button" aria-expanded=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>"Suggest a slot"</button>
            <button type="button" class="hic-button" class:hic-hidden=move || !can_apply() on:click=apply>{apply_text}</button>
            <span class:hic-hidden=move || undo.with(Option::is_none)>"Start moved."</span>
            <button type="button" class="hic-button" class:hic-hidden=move || undo.with(Option::is_none) on:click=restore>"Undo"</button>
            <p class="hic-slot-why" aria-live="polite">{move || shown.get().then(why)}</p>
        </div>
    }
}

/// Where the strip's hour cursor goes.
enum Move {
    /// The hour the run starts in (on focus).
    Start,
    /// No hour (the pointer left, focus went).
    Clear,
    /// Hours later (or earlier).
    By(i32),
    /// This hour, or the last one.
    To(u32),
    /// Under the pointer: `x` of a `width`.
    At(u32, u32),
}

/// Moves the strip's hour cursor on the slider `el`: its value, its text (the hour in
/// the customer's zone, UTC and Amsterdam) and the cursor's place. Written here, not
/// kept in signals: it only lives while the pointer or the focus is on the strip.
fn show(ctx: Ctx, el: &Element, to: Move) {
    let env = Env {
        now: now_secs(),
        zones: &IntlZones,
    };
    let shown = ctx.config.with_value(|c| {
        ctx.answers.with_untracked(|a| {
            ctx.report.with_untracked(|r| {
                let (n, start) = strip_hours(a, &r.facts, &env)?;
                let now = el
                    .get_attribute("aria-valuenow")
                    .and_then(|v| v.parse::<u32>().ok());
                let h = match to {
                    Move::Clear => return None,
                    Move::Start => start,
                    Move::By(d) => now.unwrap_or(start).saturating_add_signed(d),
                    Move::To(h) => h,
                    Move::At(x, width) => x.saturating_mul(n) / width,
                }
                .min(n - 1);
                Some((n, h, strip_hour(a, &r.facts, c, &env, h)?))
            })
        })
    });
    let (n, h, text) = shown.unwrap_or_default();
    let _ = el.set_attribute("aria-valuemax", &n.saturating_sub(1).to_string());
    let _ = el.set_attribute("aria-valuenow", &h.to_string());
    let _ = el.set_attribute("aria-valuetext", &text);
    // Through the CSSOM: a `style` attribute would break a strict style-src policy.
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let style = el.style();
        let _ = style.set_property("--hic-at", &percent(h, n));
        let _ = style.set_property("--hic-hour", &percent(1, n));
    }
    let _ = el.toggle_attribute_with_force("data-hour", !text.is_empty());
}

/// `part / whole` as a CSS percentage with two decimals, in integers (float formatting
/// would cost kilobytes of wasm).
fn percent(part: u32, whole: u32) -> String {
    let hundredths = u64::from(part) * 10_000 / u64::from(whole.max(1));
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}
