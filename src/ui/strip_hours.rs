//! The schedule strip's hours: a slider laid over the strip. Under the pointer or the
//! arrow keys it reads one hour in the customer's zone, UTC and Amsterdam
//! (`checklist::pictures::slot::strip_hour`) as its value text, which CSS shows under the strip
//! with a cursor on that hour.

use super::Ctx;
use crate::browser::intl::browser_env;
use crate::checklist::pictures::slot::{strip_hour, strip_hours};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

#[component]
pub fn StripHours() -> impl IntoView {
    let ctx = Ctx::get();
    // The hour under the pointer (a mouse moving, or a finger's tap).
    let point = move |ev: leptos::ev::PointerEvent| {
        let el: Element = event_target(&ev);
        let at = Move::At(ev.offset_x().max(0) as u32, el.client_width().max(1) as u32);
        show(ctx, &el, at);
    };
    view! {
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
            on:pointermove=point
            on:pointerdown=point
            on:pointerleave=move |ev| {
                let el: Element = event_target(&ev);
                if !el.matches(":focus").unwrap_or(false) {
                    show(ctx, &el, Move::Clear);
                }
            }>
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
    let env = browser_env();
    let shown = ctx.config.with_value(|c| {
        ctx.report.with_untracked(|r| {
            let (n, start) = strip_hours(&r.facts, &env)?;
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
            Some((n, h, strip_hour(&r.facts, c, &env, h)?))
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
