//! Mounting in parts, so that the host page never waits on a long task. A widget is
//! built in small parts (its head, each question, each picture, each panel beside the
//! form), added in order a few at a time: each task adds parts until it has used
//! [`BUDGET_MS`], then yields to the browser (input, rendering and the host page's own
//! tasks come first). The first call of each wasm function compiles it on the page's
//! thread, so early parts cost more than later ones of the same kind; on a slow phone a
//! task adds one part. Parts are only ever added, each built once, at the end of its
//! container, so nothing already shown moves.
//!
//! Once every part is in the page the answers are evaluated [`WARM_UP_RUNS`] times, one
//! per task: V8 runs wasm in a baseline tier first and recompiles a function in its
//! optimising tier once it has been busy for a while, and without this the reader's
//! first keystrokes paid for that (see the keystroke report's "first 100" line).

use crate::browser::intl::browser_env;
use crate::checklist::{evaluate, Answers, Config, Facts, Parsed, Report};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How long one task may keep adding parts, in ms of the page's time (a part that
/// starts within it ends the task, however long it takes).
const BUDGET_MS: f64 = 4.0;
/// How many times the answers are evaluated once every part is in the page.
const WARM_UP_RUNS: usize = 40;

/// How many of a widget's parts are in the page.
#[derive(Clone, Copy)]
pub struct Parts {
    shown: RwSignal<usize>,
    total: usize,
}

impl Parts {
    /// A widget of `total` parts, none shown yet.
    pub fn new(total: usize) -> Self {
        Parts {
            shown: RwSignal::new(0),
            total,
        }
    }

    /// Part `i`: in the page from the task that adds it on.
    pub fn part(
        self,
        i: usize,
        build: impl Fn() -> AnyView + Send + Sync + 'static,
    ) -> impl IntoView {
        let shown = self.shown;
        let here = Memo::new(move |_| shown.get() > i);
        move || here.get().then(&build)
    }

    /// Whether part `i` is in the page (tracked).
    pub fn has(self, i: usize) -> bool {
        self.shown.get() > i
    }

    /// `aria-busy` of the widget: "true" until every part is in the page.
    pub fn busy(self) -> Option<&'static str> {
        (self.shown.get() < self.total).then_some("true")
    }

    /// Evaluates the answers (the report) in a task of its own, then adds every part, then
    /// warms the core up. Ends as soon as the widget is unmounted: its signals are gone.
    pub fn add_all(
        self,
        report: Memo<Report>,
        answers: RwSignal<Answers>,
        config: StoredValue<Config>,
    ) {
        spawn_local(async move {
            // The first evaluation compiles the whole core (each first call of a wasm
            // function compiles it): reading the answers and their facts first, in a
            // task of their own, halves it.
            TimeoutFuture::new(0).await;
            let env = browser_env();
            let read =
                answers.try_with_untracked(|a| Facts::derive(a, &Parsed::new(a, &env), &env));
            if read.is_none() {
                return;
            }
            TimeoutFuture::new(0).await;
            if report.try_with_untracked(|_| ()).is_none() {
                return;
            }
            // The browser's first date and time fields cost it tens of milliseconds (its
            // locale's date formats): each in a task of its own, ahead of the questions'.
            for kind in ["date", "time"] {
                TimeoutFuture::new(0).await;
                warm_field(kind);
            }
            TimeoutFuture::new(0).await;
            while let Some(more) = self.add_some().await {
                if !more {
                    break;
                }
                TimeoutFuture::new(0).await;
            }
            for _ in 0..WARM_UP_RUNS {
                TimeoutFuture::new(0).await;
                let env = browser_env();
                let evaluated = config
                    .try_with_value(|c| answers.try_with_untracked(|a| evaluate(a, c, &env)))
                    .flatten();
                if evaluated.is_none() {
                    return;
                }
            }
        });
    }

    /// Adds parts for one task's budget, each built before the next is added: whether
    /// parts are left (`None` once the widget is unmounted).
    async fn add_some(self) -> Option<bool> {
        let start = js_sys::Date::now();
        loop {
            let n = self.shown.try_update(|n| {
                *n += 1;
                *n
            })?;
            // The part builds in the reactive system's microtasks: wait for them.
            let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
            if n >= self.total {
                return Some(false);
            }
            if js_sys::Date::now() - start >= BUDGET_MS {
                return Some(true);
            }
        }
    }
}

/// Creates (and drops) an input of this type: the browser sets up what every field of
/// that type shares.
fn warm_field(kind: &str) {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("input").ok());
    if let Some(input) = input {
        let _ = input.set_attribute("type", kind);
    }
}
