//! The widget in a real browser (wasm-bindgen-test, headless Chromium): mount into a
//! fresh element, dispatch real events, assert on what a reader sees.
#![cfg(target_arch = "wasm32")]

use historical_import_checklist::browser::storage;
use historical_import_checklist::{mount, Handle};
use leptos::task::tick;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/intl.rs"]
mod intl;

// One inline module for every helper: the test runner's server has stalled for
// minutes when the page fetched more modules at once than it could serve.
#[wasm_bindgen(inline_js = r#"
let saved;
export function block_storage() {
  saved = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new Error('blocked'); } });
}
export function unblock_storage() {
  if (saved) Object.defineProperty(window, 'localStorage', saved); else delete window.localStorage;
}
export function raw_item(key) { return window.localStorage.getItem(key); }
export function call_mount(api_mount, element) {
  try { api_mount(element, {}); return ''; } catch (e) { return String(e && e.message || e); }
}
export function throwing_options() {
  return { onChange: () => { throw new Error('host bug'); } };
}
let realSetItem;
export function refuse_backups() {
  realSetItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (String(k).includes('.backup')) throw new DOMException('full', 'QuotaExceededError');
    return realSetItem.call(this, k, v);
  };
}
export function accept_backups() { if (realSetItem) Storage.prototype.setItem = realSetItem; }
let warnings = [];
let realWarn;
export function capture_warnings() {
  warnings = [];
  if (!realWarn) {
    realWarn = console.warn;
    console.warn = (...args) => { warnings.push(args.join(' ')); realWarn.apply(console, args); };
  }
}
export function warnings_seen() { return warnings.join('\n'); }
export function forget_unnamed_drafts() {
  for (const k of Object.keys(localStorage)) {
    if (k.startsWith('historical-import-checklist:') && !k.includes(':w-')) localStorage.removeItem(k);
  }
}
export function other_tab_saves(key, customer, announce) {
  const raw = JSON.stringify({ saved_at: Date.now() + 1000, answers: { customer } });
  localStorage.setItem(key, raw);
  // Another tab's write reaches this page as a storage event (unless it is still on its way).
  if (announce) window.dispatchEvent(new StorageEvent('storage', { key, newValue: raw, storageArea: localStorage }));
}
let listening = 0;
export function count_storage_listeners() {
  const add = window.addEventListener, remove = window.removeEventListener;
  window.addEventListener = function (type, ...rest) { if (type === 'storage') listening++; return add.call(this, type, ...rest); };
  window.removeEventListener = function (type, ...rest) { if (type === 'storage') listening--; return remove.call(this, type, ...rest); };
}
export function storage_listeners() { return listening; }
let realOpen, opened;
export function stub_window_open(opens) {
  if (!realOpen) realOpen = window.open;
  opened = null;
  window.open = function (url, target, features) {
    opened = { features: String(features ?? ''), tab: opens ? { opener: window, close() {} } : null };
    return opened.tab;
  };
}
export function restore_window_open() { if (realOpen) window.open = realOpen; }
export function opened_features() { return opened ? opened.features : ''; }
export function opened_tab_reaches_us() { return !!(opened && opened.tab && opened.tab.opener !== null); }
"#)]
extern "C" {
    fn block_storage();
    fn unblock_storage();
    fn raw_item(key: &str) -> Option<String>;
    fn call_mount(api_mount: &js_sys::Function, element: &JsValue) -> String;
    fn throwing_options() -> JsValue;
    fn refuse_backups();
    fn accept_backups();
    fn capture_warnings();
    fn warnings_seen() -> String;
    fn forget_unnamed_drafts();
    fn other_tab_saves(key: &str, customer: &str, announce: bool);
    fn count_storage_listeners();
    fn storage_listeners() -> i32;
    fn stub_window_open(opens: bool);
    fn restore_window_open();
    fn opened_features() -> String;
    fn opened_tab_reaches_us() -> bool;
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a widget into a new element with this id (its drafts are keyed by the id).
async fn open_widget(id: &str) -> (HtmlElement, Handle) {
    open_widget_with(id, JsValue::UNDEFINED).await
}

/// Like `open_widget`, with options as the JS API takes them.
async fn open_widget_with(id: &str, options: JsValue) -> (HtmlElement, Handle) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_id(id);
    document().body().unwrap().append_child(&host).unwrap();
    let handle = mount(host.clone().into(), options).unwrap_or_else(|_| panic!("mount failed"));
    mounted(&host).await;
    (host, handle)
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The input labelled `label` (by `<label for>` or a wrapping label).
fn field(root: &Element, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let l: Element = labels.item(i).unwrap().unchecked_into();
        let text = l.text_content().unwrap_or_default();
        if text.trim_end_matches(" *").trim() == label {
            if let Some(target) = l.get_attribute("for") {
                return find(root, &format!("[id='{target}']")).unchecked_into();
            }
            return find(&l, "input").unchecked_into();
        }
    }
    panic!("no field labelled {label}");
}

fn dispatch(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Lets the widget's effects run: updates reach the DOM through microtasks (signal,
/// memos, render effects), all of which run before the next timer task.
async fn settle() {
    tick().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits until the widget in `host` has mounted every part (it mounts a few per task).
async fn mounted(host: &Element) {
    for _ in 0..1_000 {
        settle().await;
        let busy = host.query_selector(".hic[aria-busy]").unwrap().is_some();
        if !busy && host.query_selector(".hic").unwrap().is_some() {
            return;
        }
    }
    panic!("the widget never finished mounting");
}

async fn type_into(root: &Element, label: &str, value: &str) {
    let input = field(root, label);
    input.set_value(value);
    dispatch(&input, "input");
    dispatch(&input, "focusout");
    settle().await;
}

async fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
    settle().await;
}

fn button(root: &Element, text: &str) -> Element {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<Element>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"))
}

fn preview(root: &Element) -> String {
    find(root, "textarea.hic-markdown")
        .unchecked_into::<HtmlTextAreaElement>()
        .value()
}

fn see_text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[wasm_bindgen_test]
async fn should_tick_the_box_in_the_preview_when_the_reader_ticks_it() {
    let (host, _h) = open_widget("w-tick").await;
    assert!(preview(&host).contains("- [ ] Product questions answered"));
    click(&field(&host, "Their product questions are answered")).await;
    assert!(preview(&host).contains("- [x] Product questions answered"));
    assert!(preview(&host).contains("- [ ] Customer committed"));
}

#[wasm_bindgen_test]
async fn should_show_every_section_in_page_order() {
    let (host, _h) = open_widget("w-sections").await;
    let titles: Vec<String> = {
        // Sections that do not apply are hidden (display: none).
        let list = host
            .query_selector_all(".hic-form .hic-section:not(.hic-hidden) .hic-section-title")
            .unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .first_child()
                    .unwrap()
                    .text_content()
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(
        titles,
        [
            "The request",
            "Commitment",
            "Schedule",
            "Batching",
            "distinct_id variance",
            "Event types",
            "Apps",
            "Peak rate and duration",
            "Ramp-up",
            "Anything else"
        ]
    );
}

#[wasm_bindgen_test]
async fn should_explain_a_bad_number_after_blur_and_keep_what_was_typed() {
    let (host, _h) = open_widget("w-number").await;
    type_into(&host, "Total events", "lots").await;
    assert!(see_text(&host).contains("Enter a number such as 250000"));
    assert_eq!(field(&host, "Total events").value(), "lots");
    assert_eq!(
        field(&host, "Total events")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    type_into(&host, "Total events", "180M").await;
    assert!(!see_text(&host).contains("Enter a number such as 250000"));
    assert!(preview(&host).contains("180,000,000 events"));
}

#[wasm_bindgen_test]
async fn should_show_the_load_test_section_and_banner_for_load_tests() {
    let (host, _h) = open_widget("w-load").await;
    assert!(!see_text(&host).contains("Goal of the load test"));
    click(&find(&host, "input[type=radio][value=load_test]")).await;
    assert!(see_text(&host).contains("Goal of the load test"));
    assert!(see_text(&host).contains("alert the pipeline team as soon as possible"));
    // The block opens with the alert, then its heading.
    assert!(preview(&host).starts_with("**Load test alert for the pipeline team:**"));
    assert!(preview(&host).contains("\n\n## URGENT: load test request"));
}

#[wasm_bindgen_test]
async fn should_name_the_configured_team_in_the_load_test_banner() {
    let options = js_sys::JSON::parse(r##"{"pipelineTeam": "#team-ingestion"}"##).unwrap();

    let (host, _h) = open_widget_with("w-team", options).await;
    click(&find(&host, "input[type=radio][value=load_test]")).await;
    let banner = find(&host, ".hic-urgent")
        .text_content()
        .unwrap_or_default();
    assert_eq!(
        banner,
        "Load test: get the answers above, then alert #team-ingestion as soon as possible (if some answers will take days, send the request now: it says what is missing); confirm the commitment before anything is sent."
    );
}

#[wasm_bindgen_test]
async fn should_keep_an_open_finding_open_while_the_reader_types() {
    let (host, _h) = open_widget("w-open-finding").await;
    type_into(&host, "Total events", "10M").await;
    type_into(&host, "Most events for one distinct_id", "200k").await;
    let details = find(&host, "[data-finding=hot-distinct-ids] details");
    details.set_attribute("open", "").unwrap();
    // The finding's numbers change with every keystroke; the item stays the same one.
    type_into(&host, "Most events for one distinct_id", "300k").await;
    let again = find(&host, "[data-finding=hot-distinct-ids] details");
    assert!(again.has_attribute("open"));
    assert!(again
        .text_content()
        .unwrap_or_default()
        .contains("300,000 events"));
}

#[wasm_bindgen_test]
async fn should_add_rows_pasted_from_the_query() {
    let (host, _h) = open_widget("w-paste").await;
    let paste: HtmlTextAreaElement = field(&host, "Paste the query's result").unchecked_into();
    paste.set_value("count\tdistinct_id\n2400000\tuser_8812\n12\tbot|crawler\n");
    dispatch(&paste, "input");
    settle().await;
    // What was understood shows before anything is added.
    assert!(see_text(&host).contains("Read 2 rows as tab-separated; skipped line 1 (header)."));
    assert!(!preview(&host).contains("user_8812"));
    click(&button(&host, "Add pasted rows")).await;
    assert!(
        see_text(&host).contains("Added 2 rows; most events for one distinct_id is now 2,400,000.")
    );
    let md = preview(&host);
    assert!(md.contains("| `user_8812` | 2,400,000 |"), "{md}");
    assert!(md.contains(r"| `bot\|crawler` | 12 |"), "{md}");
    // A second paste asks, then replaces (never appends), and Undo puts the rows back.
    paste.set_value("[[5, \"second\"]]");
    dispatch(&paste, "input");
    click(&button(&host, "Replace the 2 rows")).await;
    assert!(!preview(&host).contains("second"));
    click(&button(&find(&host, ".hic-paste"), "Replace")).await;
    let md = preview(&host);
    assert!(md.contains("`second`") && !md.contains("user_8812"), "{md}");
    click(&button(&host, "Undo paste")).await;
    let md = preview(&host);
    assert!(md.contains("user_8812") && !md.contains("`second`"), "{md}");
}

#[wasm_bindgen_test]
async fn should_add_and_remove_custom_event_names() {
    let (host, _h) = open_widget("w-events").await;
    let input = field(&host, "Custom event name");
    input.set_value("order_completed");
    dispatch(&input, "input");
    click(&button(&host, "Add")).await;
    assert!(preview(&host).contains("`order_completed`"));
    click(&find(&host, "button[aria-label='Remove order_completed']")).await;
    assert!(!preview(&host).contains("order_completed"));
}

#[wasm_bindgen_test]
async fn should_label_the_copy_button_with_what_is_missing() {
    let (host, _h) = open_widget("w-copy").await;
    let label = find(&host, ".hic-preview .hic-primary")
        .text_content()
        .unwrap();
    assert!(label.starts_with("Copy anyway — 1 blocking,"), "{label}");
    assert!(label.ends_with("unanswered"), "{label}");
}

#[wasm_bindgen_test]
async fn should_restore_a_draft_after_remount() {
    storage::forget("historical-import-checklist:w-draft");
    let (host, handle) = open_widget("w-draft").await;
    type_into(&host, "Customer", "Acme Corp").await;
    handle.unmount();
    host.remove();
    let (host, _h) = open_widget("w-draft").await;
    assert_eq!(field(&host, "Customer").value(), "Acme Corp");
    assert!(see_text(&host).contains("Draft restored (saved "));
}

#[wasm_bindgen_test]
async fn should_save_after_a_pause_in_typing() {
    storage::forget("historical-import-checklist:w-debounce");
    let (host, _h) = open_widget("w-debounce").await;
    type_into(&host, "Customer", "Initech").await;
    assert_eq!(raw_item("historical-import-checklist:w-debounce"), None);
    sleep(600).await;
    let saved = raw_item("historical-import-checklist:w-debounce").unwrap();
    assert!(saved.contains("\"customer\":\"Initech\""), "{saved}");
}

#[wasm_bindgen_test]
async fn should_set_aside_a_corrupt_draft_and_start_fresh() {
    storage::put_raw("historical-import-checklist:w-corrupt", "{not json").unwrap();
    let (host, _h) = open_widget("w-corrupt").await;
    assert!(see_text(&host).contains(
        "could not be read; it was kept under \"historical-import-checklist:w-corrupt.backup\""
    ));
    assert_eq!(field(&host, "Customer").value(), "");
    assert_eq!(
        raw_item("historical-import-checklist:w-corrupt.backup").as_deref(),
        Some("{not json")
    );
}

#[wasm_bindgen_test]
async fn should_keep_working_in_memory_when_storage_is_blocked() {
    block_storage();
    let (host, _h) = open_widget("w-blocked").await;
    unblock_storage();
    assert!(see_text(&host).contains("Drafts are not saved"));
    type_into(&host, "Customer", "Still works").await;
    assert!(preview(&host).contains("Still works"));
}

#[wasm_bindgen_test]
async fn should_start_over_after_asking_and_offer_undo() {
    let (host, _h) = open_widget("w-over").await;
    type_into(&host, "Customer", "Umbrella").await;
    click(&button(&host, "Start over")).await;
    assert!(see_text(&host).contains("Clear every answer?"));
    assert_eq!(field(&host, "Customer").value(), "Umbrella");
    click(&button(&host, "Clear answers")).await;
    assert_eq!(field(&host, "Customer").value(), "");
    click(&button(&host, "Undo")).await;
    assert_eq!(field(&host, "Customer").value(), "Umbrella");
}

#[wasm_bindgen_test]
async fn should_expose_answers_and_markdown_through_the_handle() {
    let (host, handle) = open_widget("w-handle").await;
    type_into(&host, "Customer", "Hooli").await;
    assert!(handle.markdown().contains("Hooli"));
    let answers = handle.answers();
    let customer = js_sys::Reflect::get(&answers, &"customer".into()).unwrap();
    assert_eq!(customer.as_string().as_deref(), Some("Hooli"));
}

#[wasm_bindgen_test]
async fn should_render_the_block_without_turning_user_text_into_html() {
    let (host, _h) = open_widget("w-rendered").await;
    type_into(&host, "Customer", "<b>Bold</b> | Co").await;
    click(&button(&host, "Rendered")).await;
    let view = find(&host, ".hic-rendered");
    assert_eq!(
        find(&view, "h4").text_content().unwrap(),
        "Historical import request: <b>Bold</b> | Co"
    );
    assert!(view.query_selector("b").unwrap().is_none());
    assert!(view.query_selector("table td").unwrap().is_some());
    assert_eq!(
        view.query_selector_all("ul.hic-r-tasks li")
            .unwrap()
            .length(),
        10
    );
    click(&button(&host, "As copied")).await;
    let class = find(&host, ".hic-rendered")
        .get_attribute("class")
        .unwrap_or_default();
    assert!(class.contains("hic-hidden"), "{class}");
}

#[wasm_bindgen_test]
fn should_round_trip_answers_through_plain_objects() {
    use historical_import_checklist::browser::answers_js::{from_js, to_js};
    use historical_import_checklist::checklist::questions::answers::{AppKind, Kind};
    use historical_import_checklist::checklist::questions::lists::{App, RampStep, TopId};
    use historical_import_checklist::checklist::Answers;
    let a = Answers {
        customer: "Acme".into(),
        kind: Some(Kind::Both),
        committed: true,
        top_ids: vec![TopId {
            distinct_id: "u1".into(),
            events: "2.4M".into(),
        }],
        app_list: vec![App {
            name: "GeoIP".into(),
            kind: AppKind::Destination,
        }],
        ramp_steps: vec![RampStep {
            after_minutes: "30".into(),
            rate: "500".into(),
        }],
        event_types: vec!["$identify".into(), "order_completed".into()],
        ..Answers::default()
    };
    let (back, problems) = from_js(&to_js(&a)).unwrap();
    assert_eq!(back, a);
    assert!(problems.is_empty(), "{problems:?}");
    // What does not fit its question is left out and named; the rest is read.
    let host: JsValue = js_sys::JSON::parse(
        r#"{"customer": "Hooli", "kind": "maybe", "committed": "yes", "top_ids": [{"distinct_id": "x", "events": 12}]}"#,
    )
    .unwrap();
    let (read, problems) = from_js(&host).unwrap();
    assert_eq!(read.customer, "Hooli");
    assert_eq!(read.kind, None);
    assert_eq!(read.top_ids[0].events, "12");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("kind: "), "{problems:?}");
    assert!(from_js(&JsValue::from_str("not an object")).is_none());
}

#[wasm_bindgen_test]
fn should_read_answers_loosely_as_js_gives_them() {
    use historical_import_checklist::browser::answers_js::from_js;
    // Numbers as JS prints them; a function is no text; nesting deeper than any
    // answer goes is read no further (an import cannot exhaust the stack).
    let deep = "[".repeat(20_000) + &"]".repeat(20_000);
    let host: JsValue = js_sys::JSON::parse(&format!(
        r#"{{"total_events": 1e21, "top_ids": [{{"distinct_id": "x", "events": 2400000}}], "app_list": {deep}}}"#
    ))
    .unwrap();
    js_sys::Reflect::set(
        &host,
        &"customer".into(),
        &js_sys::Function::new_no_args(""),
    )
    .unwrap();
    let (read, problems) = from_js(&host).unwrap();
    assert_eq!(read.total_events, "1e+21");
    assert_eq!(read.top_ids[0].events, "2400000");
    assert_eq!(problems, ["customer: not text"]);
    assert!(from_js(&js_sys::Function::new_no_args("")).is_none());
}

#[wasm_bindgen_test]
async fn should_name_each_bad_js_option_and_apply_the_others() {
    storage::forget("historical-import-checklist:w-options");
    let options = js_sys::JSON::parse(
        r##"{"hotIdEvents": "lots", "comfortableRate": true, "pipelineTeam": "Team Ingestion",
            "colour": "red", "initialAnswers": {"customer": "Initech", "kind": "maybe"}}"##,
    )
    .unwrap();
    let (host, handle) = open_widget_with("w-options", options).await;
    let notice = find(&host, ".hic-notice")
        .text_content()
        .unwrap_or_default();
    for expected in [
        "hotIdEvents: \"lots\" is not a whole number of events; the default is used",
        "comfortableRate: true is not a number of events per second; the default is used",
        "colour is not an option of this widget; it is ignored",
        "initialAnswers.kind: not one of the question's options; left out",
    ] {
        assert!(notice.contains(expected), "{expected} not in {notice}");
    }
    let md = handle.markdown();
    assert!(md.contains("**To** Team Ingestion"), "{md}");
    assert!(md.contains("Initech"), "{md}");
    handle.unmount();
}

#[wasm_bindgen_test]
async fn should_replace_a_widget_mounted_twice_on_one_element() {
    let (host, first) = open_widget("w-twice").await;
    type_into(&host, "Customer", "First").await;
    let second =
        mount(host.clone().into(), JsValue::UNDEFINED).unwrap_or_else(|_| panic!("mount failed"));
    mounted(&host).await;
    // One widget in the element, showing the first one's saved draft.
    assert_eq!(host.query_selector_all(".hic").unwrap().length(), 1);
    assert!(second.markdown().contains("First"));
    // The first handle no longer drives anything.
    first.unmount();
    assert_eq!(host.query_selector_all(".hic").unwrap().length(), 1);
    second.unmount();
    assert_eq!(host.query_selector_all(".hic").unwrap().length(), 0);
}

#[wasm_bindgen_test]
fn should_explain_mounting_into_nothing() {
    // Through JS, as a host page calls it.
    let api: js_sys::Function =
        Closure::<dyn Fn(JsValue, JsValue) -> Result<Handle, JsError>>::new(mount)
            .into_js_value()
            .unchecked_into();
    let message = call_mount(&api, &JsValue::NULL);
    assert!(
        message.contains("element must be an HTML element"),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn should_keep_working_when_on_change_throws() {
    let (host, handle) = open_widget_with("w-throwing", throwing_options()).await;
    type_into(&host, "Customer", "Still here").await;
    assert!(preview(&host).contains("Still here"));
    handle.unmount();
}

#[wasm_bindgen_test]
async fn should_keep_every_set_aside_draft() {
    let key = "historical-import-checklist:w-twice-aside";
    storage::put_raw(key, "{first").unwrap();
    let (_host, first) = open_widget("w-twice-aside").await;
    first.unmount();
    storage::put_raw(key, "{second").unwrap();
    let (host, _h) = open_widget("w-twice-aside").await;
    assert!(see_text(&host).contains(&format!("kept under \"{key}.backup-2\"")));
    assert_eq!(
        raw_item(&format!("{key}.backup")).as_deref(),
        Some("{first")
    );
    assert_eq!(
        raw_item(&format!("{key}.backup-2")).as_deref(),
        Some("{second")
    );
}

#[wasm_bindgen_test]
async fn should_set_aside_a_draft_from_a_newer_version() {
    let key = "historical-import-checklist:w-newer";
    storage::put_raw(
        key,
        r#"{"saved_at": 1, "answers": {"schema_version": 99, "customer": "Future"}}"#,
    )
    .unwrap();
    let (host, _h) = open_widget("w-newer").await;
    assert!(see_text(&host).contains("comes from a newer version of this checklist"));
    assert_eq!(field(&host, "Customer").value(), "");
    assert!(raw_item(&format!("{key}.backup"))
        .unwrap_or_default()
        .contains("Future"));
}

#[wasm_bindgen_test]
async fn should_call_a_draft_from_a_newer_version_newer_even_when_its_answers_do_not_fit() {
    // A newer version may have changed an answer's type: the draft does not read, but it
    // says where it comes from.
    let key = "historical-import-checklist:w-newer-shape";
    storage::put_raw(
        key,
        r#"{"saved_at": 1, "answers": {"schema_version": 3, "customer": {"name": "Future"}}}"#,
    )
    .unwrap();
    let (host, _h) = open_widget("w-newer-shape").await;
    assert!(see_text(&host).contains("comes from a newer version of this checklist"));
    assert!(raw_item(&format!("{key}.backup"))
        .unwrap_or_default()
        .contains("Future"));
}

#[wasm_bindgen_test]
async fn should_leave_an_unreadable_draft_in_place_when_storage_is_full() {
    let key = "historical-import-checklist:w-full";
    storage::put_raw(key, "{unreadable").unwrap();
    refuse_backups();
    let (host, h) = open_widget("w-full").await;
    accept_backups();
    assert!(see_text(&host).contains("this checklist is not saved"));
    type_into(&host, "Customer", "Typed").await;
    gloo_timers::future::TimeoutFuture::new(600).await;
    h.unmount();
    // Neither moved, nor saved over.
    assert_eq!(raw_item(key).as_deref(), Some("{unreadable"));
}

/// A widget with no draft, mounted with `initialAnswers` (JSON).
async fn open_with_initial(id: &str, initial: &str) -> (HtmlElement, Handle) {
    storage::forget(&format!("historical-import-checklist:{id}"));
    let options = js_sys::JSON::parse(&format!(r#"{{"initialAnswers": {initial}}}"#)).unwrap();
    open_widget_with(id, options).await
}

#[wasm_bindgen_test]
async fn should_refuse_initial_answers_from_a_newer_version() {
    let (host, h) = open_with_initial(
        "w-newer-initial",
        r#"{"schema_version": 2, "customer": "Later"}"#,
    )
    .await;
    assert!(see_text(&host).contains("initialAnswers come from a newer version"));
    assert_eq!(field(&host, "Customer").value(), "");
    h.unmount();
}

#[wasm_bindgen_test]
async fn should_bring_initial_answers_of_an_older_version_up_to_date() {
    let (host, h) = open_with_initial(
        "w-older-initial",
        r#"{"schema_version": 0, "customer": "Earlier"}"#,
    )
    .await;
    assert_eq!(field(&host, "Customer").value(), "Earlier");
    let answers = h.answers();
    let version = js_sys::Reflect::get(&answers, &"schema_version".into()).unwrap();
    assert_eq!(version.as_f64(), Some(1.0));
    h.unmount();
}

#[wasm_bindgen_test]
async fn should_neither_ping_nor_link_nor_hide_what_the_reader_types() {
    let (host, _h) = open_widget("w-hostile").await;
    type_into(
        &host,
        "Customer",
        "Acme (cc @octocat) #4521 https://evil.example/login \u{202E}kcah",
    )
    .await;
    let block = preview(&host);
    let title = block.lines().next().unwrap_or_default();
    assert!(title.contains("cc ＠octocat"), "{title}");
    assert!(title.contains("＃4521"), "{title}");
    assert!(
        title.contains(r"https\[:\]//evil\[.\]example/login"),
        "{title}"
    );
    assert!(title.contains(r"\<U+202E\>kcah"), "{title}");
    click(&button(&host, "Rendered")).await;
    let view = find(&host, ".hic-rendered");
    assert!(view.query_selector("a").unwrap().is_none());
    let heading = find(&view, "h4").text_content().unwrap_or_default();
    assert!(
        heading.ends_with("https[:]//evil[.]example/login <U+202E>kcah"),
        "{heading}"
    );
}

#[wasm_bindgen_test]
async fn should_copy_for_slack_or_plain_text_when_asked() {
    let (host, _h) = open_widget("w-formats").await;
    type_into(&host, "Customer", "Acme *Corp*").await;
    assert!(preview(&host).starts_with(r"## Historical import request: Acme \*Corp\*"));
    click(&button(&host, "Slack")).await;
    let slack = preview(&host);
    assert!(
        slack.starts_with("*Historical import request: Acme ＊Corp＊*\n"),
        "{slack}"
    );
    assert!(slack.contains("\n*Kind:* not answered\n"), "{slack}");
    assert!(!slack.contains('\\') && !slack.contains("|---"), "{slack}");
    click(&button(&host, "Plain text")).await;
    let plain = preview(&host);
    assert!(
        plain.starts_with("Historical import request: Acme *Corp*\n====="),
        "{plain}"
    );
    assert!(
        plain.contains("\n[ ] Product questions answered\n"),
        "{plain}"
    );
}

#[wasm_bindgen_test]
async fn should_open_in_the_format_the_host_chose() {
    let options = js_sys::JSON::parse(r#"{"copyFormat": "plain"}"#).unwrap();
    let (host, _h) = open_widget_with("w-host-format", options).await;
    assert!(preview(&host).starts_with("Historical import request: customer not named\n"));
    let pressed = button(&host, "Plain text").get_attribute("aria-pressed");
    assert_eq!(pressed.as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn should_count_characters_and_keep_everything_over_the_limit() {
    let (host, _h) = open_widget("w-long").await;
    type_into(&host, "Customer", &"a".repeat(150)).await;
    let counter = find(&host, "[data-field=customer] .hic-counter");
    assert_eq!(counter.text_content().unwrap_or_default(), "150 / 200");
    let long = "b".repeat(260);
    type_into(&host, "Customer", &long).await;
    let q = find(&host, "[data-field=customer]");
    assert_eq!(
        find(&q, ".hic-counter").text_content().unwrap_or_default(),
        "260 / 200"
    );
    let error = find(&q, ".hic-error").text_content().unwrap_or_default();
    assert!(
        error.starts_with("260 characters: the request block shows the first 200"),
        "{error}"
    );
    assert_eq!(
        field(&host, "Customer").value(),
        long,
        "nothing typed is lost"
    );
    assert!(preview(&host).contains(&format!(
        "{} … (60 more characters not shown)",
        "b".repeat(200)
    )));
}

fn questions_text(root: &Element) -> String {
    find(root, "section[aria-labelledby$=questions-title] textarea")
        .unchecked_into::<HtmlTextAreaElement>()
        .value()
}

#[wasm_bindgen_test]
async fn should_ask_the_customer_only_what_is_missing_in_the_chosen_format() {
    let (host, _h) = open_widget("w-questions").await;
    click(&find(&host, "input[type=radio][value=load_test]")).await;
    let before = questions_text(&host);
    assert!(
        before.starts_with("### Before your load test\n"),
        "{before}"
    );
    assert!(
        before.contains("What should the load test show?"),
        "{before}"
    );
    type_into(&host, "Goal of the load test", "Black Friday traffic").await;
    let after = questions_text(&host);
    assert!(
        !after.contains("What should the load test show?"),
        "{after}"
    );
    assert!(after.len() < before.len());
    click(&button(&host, "Plain text")).await;
    let plain = questions_text(&host);
    assert!(
        plain.starts_with("Before your load test\n---------------------\n"),
        "{plain}"
    );
    assert!(!plain.contains('`'), "{plain}");
}

/// Mounts a widget into a new element without an id.
async fn open_unnamed() -> (HtmlElement, Handle) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle =
        mount(host.clone().into(), JsValue::UNDEFINED).unwrap_or_else(|_| panic!("mount failed"));
    mounted(&host).await;
    (host, handle)
}

/// Every `id` inside `root`.
fn ids_in(root: &Element) -> Vec<String> {
    let all = root.query_selector_all("[id]").unwrap();
    (0..all.length())
        .map(|i| all.item(i).unwrap().unchecked_into::<Element>().id())
        .collect()
}

#[wasm_bindgen_test]
async fn should_keep_separate_drafts_for_widgets_without_an_id() {
    forget_unnamed_drafts();
    let (one, h1) = open_unnamed().await;
    let (two, h2) = open_unnamed().await;
    type_into(&one, "Customer", "Alpha").await;
    type_into(&two, "Customer", "Beta").await;
    sleep(600).await;
    h1.unmount();
    h2.unmount();
    one.remove();
    two.remove();
    // As after a reload: the same widgets in the same order.
    let (one, h1) = open_unnamed().await;
    let (two, h2) = open_unnamed().await;
    assert_eq!(field(&one, "Customer").value(), "Alpha");
    assert_eq!(field(&two, "Customer").value(), "Beta");
    h1.unmount();
    h2.unmount();
    forget_unnamed_drafts();
}

#[wasm_bindgen_test]
async fn should_load_a_draft_saved_under_the_old_shared_key() {
    forget_unnamed_drafts();
    let old = "historical-import-checklist:default";
    storage::put_raw(
        old,
        r#"{"saved_at": 1, "answers": {"customer": "From before"}}"#,
    )
    .unwrap();
    let (host, h) = open_unnamed().await;
    assert_eq!(field(&host, "Customer").value(), "From before");
    // Moved to the widget's own key: a second widget does not load it too.
    assert_eq!(raw_item(old), None);
    let (second, h2) = open_unnamed().await;
    assert_eq!(field(&second, "Customer").value(), "");
    h.unmount();
    h2.unmount();
    forget_unnamed_drafts();
}

#[wasm_bindgen_test]
async fn should_give_widgets_sharing_an_element_id_their_own_ids_and_drafts() {
    storage::forget("historical-import-checklist:w-same");
    capture_warnings();
    let (one, h1) = open_widget("w-same").await;
    let (two, h2) = open_widget("w-same").await;
    assert!(
        warnings_seen().contains("\"w-same\""),
        "{}",
        warnings_seen()
    );
    let (ids_one, ids_two) = (ids_in(&one), ids_in(&two));
    // Only the host elements themselves share the id.
    assert!(
        ids_two
            .iter()
            .all(|id| !ids_one.contains(id) && id != "w-same"),
        "{ids_two:?}"
    );
    // Each label names an input of its own widget.
    assert!(two.contains(Some(
        &document()
            .get_element_by_id(&find(&two, "label[for]").get_attribute("for").unwrap())
            .unwrap()
    )));
    type_into(&one, "Customer", "One").await;
    type_into(&two, "Customer", "Two").await;
    sleep(600).await;
    h1.unmount();
    h2.unmount();
    one.remove();
    two.remove();
    let (one, h1) = open_widget("w-same").await;
    let (two, h2) = open_widget("w-same").await;
    assert_eq!(field(&one, "Customer").value(), "One");
    assert_eq!(field(&two, "Customer").value(), "Two");
    h1.unmount();
    h2.unmount();
}

#[wasm_bindgen_test]
async fn should_keep_the_storage_key_when_initial_answers_are_bad() {
    storage::forget("w-own-key");
    let options =
        js_sys::JSON::parse(r#"{"storageKey": "w-own-key", "initialAnswers": "nonsense"}"#)
            .unwrap();
    let (host, h) = open_widget_with("w-bad-initial", options).await;
    assert!(see_text(&host).contains("initialAnswers is not an object; ignored"));
    type_into(&host, "Customer", "Keyed").await;
    sleep(600).await;
    assert!(raw_item("w-own-key").unwrap_or_default().contains("Keyed"));
    h.unmount();
}

/// A widget with "Mine" saved under its key.
async fn open_with_saved_draft(id: &str) -> (HtmlElement, Handle, String) {
    let key = format!("historical-import-checklist:{id}");
    storage::forget(&key);
    let (host, handle) = open_widget(id).await;
    type_into(&host, "Customer", "Mine").await;
    sleep(600).await;
    (host, handle, key)
}

#[wasm_bindgen_test]
async fn should_offer_the_newer_draft_of_another_tab_and_keep_this_pages_answers() {
    let (host, h, key) = open_with_saved_draft("w-tab-load").await;
    other_tab_saves(&key, "Theirs", true);
    settle().await;
    assert!(see_text(&host).contains("Another tab or window saved a newer draft"));
    click(&button(&host, "Load the newer draft")).await;
    assert_eq!(field(&host, "Customer").value(), "Theirs");
    assert!(raw_item(&format!("{key}.backup"))
        .unwrap_or_default()
        .contains("Mine"));
    assert!(see_text(&host).contains(&format!("kept under \"{key}.backup\"")));
    sleep(600).await;
    assert!(raw_item(&key).unwrap_or_default().contains("Theirs"));
    h.unmount();
}

#[wasm_bindgen_test]
async fn should_keep_this_pages_answers_and_set_the_other_draft_aside() {
    let (host, h, key) = open_with_saved_draft("w-tab-keep").await;
    other_tab_saves(&key, "Theirs", true);
    settle().await;
    click(&button(&host, "Keep mine")).await;
    assert_eq!(field(&host, "Customer").value(), "Mine");
    assert!(raw_item(&key).unwrap_or_default().contains("Mine"));
    assert!(raw_item(&format!("{key}.backup"))
        .unwrap_or_default()
        .contains("Theirs"));
    h.unmount();
}

#[wasm_bindgen_test]
async fn should_never_save_over_a_newer_draft_of_another_tab() {
    let (host, h, key) = open_with_saved_draft("w-tab-stale").await;
    // Written before this page heard of it.
    other_tab_saves(&key, "Theirs", false);
    type_into(&host, "Customer", "Mine again").await;
    sleep(600).await;
    assert!(raw_item(&key).unwrap_or_default().contains("Theirs"));
    assert!(see_text(&host).contains("Another tab or window saved a newer draft"));
    // Leaving (unmount, pagehide) keeps this page's answers aside, not over theirs.
    h.unmount();
    assert!(raw_item(&key).unwrap_or_default().contains("Theirs"));
    assert!(raw_item(&format!("{key}.backup"))
        .unwrap_or_default()
        .contains("Mine again"));
}

#[wasm_bindgen_test]
async fn should_not_clear_a_newer_draft_of_another_tab_on_start_over() {
    let (host, h, key) = open_with_saved_draft("w-tab-clear").await;
    other_tab_saves(&key, "Theirs", false);
    click(&button(&host, "Start over")).await;
    click(&button(&host, "Clear answers")).await;
    sleep(600).await;
    assert!(raw_item(&key).unwrap_or_default().contains("Theirs"));
    click(&button(&host, "Load the newer draft")).await;
    assert_eq!(field(&host, "Customer").value(), "Theirs");
    h.unmount();
}

#[wasm_bindgen_test]
async fn should_stop_listening_to_other_tabs_when_unmounted() {
    count_storage_listeners();
    let before = storage_listeners();
    let (_host, h) = open_widget("w-tab-listener").await;
    assert_eq!(storage_listeners(), before + 1);
    h.unmount();
    assert_eq!(storage_listeners(), before);
}

/// Pastes `json` into the import box and imports it.
async fn import_pasted(root: &Element, json: &str) {
    let area: HtmlTextAreaElement =
        find(root, "textarea[aria-label='Answers as JSON, to import']").unchecked_into();
    area.set_value(json);
    dispatch(&area, "input");
    click(&button(root, "Import pasted JSON")).await;
}

#[wasm_bindgen_test]
async fn should_refuse_json_that_holds_no_checklist_answers() {
    use historical_import_checklist::browser::files::from_json;
    let (host, h, _key) = open_with_saved_draft("w-import-foreign").await;
    import_pasted(&host, r#"{"foo": 1}"#).await;
    assert!(see_text(&host).contains("This file holds no checklist answers."));
    assert!(!see_text(&host).contains("Replace your current answers"));
    assert_eq!(field(&host, "Customer").value(), "Mine");
    h.unmount();
    // An older schema is read as a draft is: in this one.
    let (old, problems) = from_json(r#"{"schema_version": 0, "customer": "Old"}"#).unwrap();
    assert_eq!((old.customer.as_str(), old.schema_version.0), ("Old", 1));
    assert!(problems.is_empty());
    let newer = from_json(r#"{"schema_version": 9, "customer": "New"}"#).unwrap_err();
    assert!(newer.contains("newer version"), "{newer}");
}

#[wasm_bindgen_test]
async fn should_keep_the_replaced_answers_in_storage_past_autosave() {
    let (host, h, key) = open_with_saved_draft("w-import-replace").await;
    let backup = format!("{key}.backup");
    storage::forget(&backup);
    import_pasted(&host, r#"{"schema_version": 1, "customer": "Theirs"}"#).await;
    let handoff = find(&host, "section[aria-labelledby$='handoff-title']");
    click(&button(&handoff, "Replace")).await;
    assert_eq!(field(&host, "Customer").value(), "Theirs");
    assert!(see_text(&host).contains(&format!("kept in this browser under \"{backup}\"")));
    // Autosave writes the new answers over the draft; the old ones stay readable.
    sleep(600).await;
    assert!(raw_item(&key).unwrap_or_default().contains("Theirs"));
    assert!(raw_item(&backup).unwrap_or_default().contains("Mine"));
    h.unmount();
    storage::forget(&backup);
}

#[wasm_bindgen_test]
fn should_tell_a_blocked_pop_up_from_an_opened_tab_that_cannot_reach_us() {
    use historical_import_checklist::browser::url::open_in_new_tab;
    stub_window_open(false);
    let blocked = open_in_new_tab("https://tickets.example/new");
    stub_window_open(true);
    let opened = open_in_new_tab("https://tickets.example/new");
    let (features, reaches) = (opened_features(), opened_tab_reaches_us());
    restore_window_open();
    assert!(!blocked, "window.open gave no window: blocked");
    assert!(opened);
    assert!(
        !features.contains("noopener") && !features.contains("noreferrer"),
        "{features}"
    );
    assert!(!reaches, "the new tab's opener is cut");
}

#[wasm_bindgen_test]
async fn should_say_when_the_browser_blocks_the_ticket() {
    let options =
        js_sys::JSON::parse(r#"{"ticketUrl": "https://tickets.example/new?body={body}"}"#).unwrap();
    let (host, h) = open_widget_with("w-ticket-blocked", options).await;
    stub_window_open(false);
    click(&button(&host, "Open as ticket")).await;
    settle().await;
    restore_window_open();
    assert!(
        see_text(&host).contains("The browser blocked the new tab"),
        "{}",
        see_text(&host)
    );
    h.unmount();
}

#[wasm_bindgen_test]
fn should_list_kept_answers_newest_first_count_the_unreadable_and_never_stop_keeping() {
    use historical_import_checklist::checklist::Answers;
    let key = "historical-import-checklist:w-kept";
    let backup = |n: u32| match n {
        1 => format!("{key}.backup"),
        n => format!("{key}.backup-{n}"),
    };
    for n in 1..=50 {
        storage::forget(&backup(n));
    }
    let named = |customer: &str| Answers {
        customer: customer.into(),
        ..Answers::default()
    };
    storage::put_raw(&backup(1), "{damaged").unwrap();
    storage::put_raw(
        &backup(2),
        r#"{"saved_at": 5, "answers": {"schema_version": 9, "customer": "Future"}}"#,
    )
    .unwrap();
    storage::put_raw(
        &backup(3),
        r#"{"saved_at": 10, "answers": {"schema_version": 1, "customer": "Older"}}"#,
    )
    .unwrap();
    let first = storage::back_up(key, &named("Newer")).unwrap();
    assert_eq!(first, backup(4));
    // The same answers again are not kept twice.
    assert_eq!(storage::back_up(key, &named("Newer")), Some(first));
    let (kept, others) = storage::kept(key);
    let names: Vec<&str> = kept.iter().map(|k| k.answers.customer.as_str()).collect();
    assert_eq!(names, ["Newer", "Older"]);
    assert_eq!(others, 2);
    // Every slot taken: the oldest readable answers ("Older", saved at 10) make room;
    // the damaged and the newer version's backups stay.
    for n in 5..=50 {
        storage::put_raw(
            &backup(n),
            &format!(
                r#"{{"saved_at": {}, "answers": {{"schema_version": 1, "customer": "C{n}"}}}}"#,
                100 + n
            ),
        )
        .unwrap();
    }
    assert_eq!(storage::back_up(key, &named("Latest")), Some(backup(3)));
    assert_eq!(raw_item(&backup(1)).as_deref(), Some("{damaged"));
    assert!(raw_item(&backup(2)).unwrap_or_default().contains("Future"));
    for n in 1..=50 {
        storage::forget(&backup(n));
    }
}

/// The sample question's box.
fn sample_box(root: &Element) -> HtmlTextAreaElement {
    find(root, "[data-field='sample'] textarea").unchecked_into()
}

/// Pastes `text` into the sample box, as one input event.
async fn paste_sample(root: &Element, text: &str) {
    let area = sample_box(root);
    area.set_value(text);
    dispatch(&area, "input");
    settle().await;
}

fn sample_said(root: &Element) -> String {
    find(root, ".hic-sample-said")
        .text_content()
        .unwrap_or_default()
}

/// Waits (up to 5 s) for the widget to show `text`.
async fn until_seen(root: &Element, text: &str) {
    for _ in 0..500 {
        if see_text(root).contains(text) {
            return;
        }
        sleep(10).await;
    }
    panic!("never saw {text:?} in {}", see_text(root));
}

const SAMPLE_BATCH: &str = r#"{"api_key": "phc_secret123", "historical_migration": true, "batch": [{"event": "$identify", "distinct_id": "a"}, {"event": "paid", "distinct_id": "b"}]}"#;

#[wasm_bindgen_test]
async fn should_say_a_pasted_sample_in_words_and_fill_answers_only_when_asked() {
    let (host, _h) = open_widget("w-sample").await;
    click(&find(&host, "input[type=radio][value=import]")).await;
    paste_sample(&host, SAMPLE_BATCH).await;
    until_seen(&host, "Read 2 events as /batch request bodies.").await;
    let said = sample_said(&host);
    assert!(said.contains("historical_migration: set in the one /batch request."));
    assert!(said.contains("An api_key or token was in the sample: it is not kept or shown."));
    assert!(!see_text(&host).contains("secret"));
    // Nothing is filled yet.
    assert_eq!(field(&host, "Average event size").value(), "");
    assert!(!preview(&host).contains("**Measured**"));

    let area = find(&host, "[data-field='sample']");
    click(&button(&area, "Use these answers")).await;
    assert!(see_text(&area).contains("Filled how events are sent, events per request, event sizes, historical_migration and event names from 2 events."));
    assert_eq!(field(&host, "Events per request").value(), "2");
    assert_ne!(field(&host, "Average event size").value(), "");
    assert!(preview(&host).contains("**Measured** how requests are sent"));
    assert!(!preview(&host).contains("secret"));
    // The pasted text stays in the box, and only there.
    assert_eq!(sample_box(&host).value(), SAMPLE_BATCH);

    click(&button(&area, "Undo")).await;
    assert_eq!(field(&host, "Average event size").value(), "");
    assert!(!preview(&host).contains("**Measured**"));
    assert!(see_text(&area).contains("Put back the answers from before the sample."));
}

/// About 1.6 MB of JSON lines: several slices.
fn large_sample() -> String {
    (0..40_000)
        .map(|i| format!("{{\"event\": \"big\", \"distinct_id\": \"u{i}\"}}\n"))
        .collect()
}

#[wasm_bindgen_test]
async fn should_read_a_large_paste_in_slices_and_let_a_newer_paste_win() {
    let (host, _h) = open_widget("w-sample-slices").await;
    paste_sample(&host, &large_sample()).await;
    // Still reading after the first slices: the page had turns in between.
    assert!(see_text(&host).contains("Reading… "), "{}", see_text(&host));
    paste_sample(&host, r#"{"event": "small", "distinct_id": "u"}"#).await;
    until_seen(&host, "Read 1 event as single-event request bodies.").await;
    // The older read stopped: it never replaces the newer summary.
    sleep(300).await;
    assert!(sample_said(&host).starts_with("Read 1 event as"));
    assert!(!see_text(&host).contains("Reading… "));
}

#[wasm_bindgen_test]
async fn should_stop_reading_a_sample_when_unmounted() {
    let (host, handle) = open_widget("w-sample-unmount").await;
    paste_sample(&host, &large_sample()).await;
    assert!(see_text(&host).contains("Reading… "));
    handle.unmount();
    // The read's next slice finds the widget gone and stops (a disposed signal read
    // would abort the page, and this test with it).
    sleep(300).await;
    assert_eq!(see_text(&host), "");
}
