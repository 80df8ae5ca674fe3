//! Mounting widgets into the host page: every element marked
//! `data-historical-import-checklist` at start-up, with its `data-*` configuration, and
//! any element the JS API names. Sits above the UI and the browser edges; nothing
//! imports it but the crate root and the JS API.

use crate::browser::answers_js::to_js;
use crate::browser::drafts::{self, OtherTab};
use crate::browser::intl::browser_zone;
use crate::browser::{crash, prop, storage, url, warn};
use crate::checklist::drafts::DraftNote;
use crate::checklist::handoff::share;
use crate::checklist::settings::SETTINGS;
use crate::checklist::{Answers, Config};
use crate::ui::{Offer, Widget, WidgetProps};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const MARKER: &str = "data-historical-import-checklist";

/// How a widget is mounted: its configuration and what the host asked for.
pub struct Setup {
    pub config: Config,
    /// Problems with the configuration, reported in the console and the widget.
    pub notices: Vec<String>,
    pub storage_key: Option<String>,
    /// Used when no draft is stored.
    pub initial: Option<Answers>,
    pub on_change: Option<js_sys::Function>,
}

/// A mounted widget, for the JS API's handle.
pub struct Mounted {
    pub id: u32,
    pub answers: RwSignal<Answers>,
    pub key: String,
}

/// A widget on the page: what unmounting it needs.
struct Entry {
    id: u32,
    element: web_sys::HtmlElement,
    /// Of its DOM ids.
    prefix: String,
    key: String,
    /// Leptos' mount handle, once its view is mounted: dropping it removes the widget.
    handle: Option<Box<dyn Any>>,
    /// Its `storage` listener (other tabs' drafts), removed on unmount.
    listener: Closure<dyn Fn(JsValue)>,
}

thread_local! {
    /// Mounted widgets. A widget stays until it is unmounted, even when the host drops
    /// (or garbage-collects) the handle `mount` returned.
    static MOUNTED: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget into `element`, replacing its content: its answers, draft and
/// settings at once (the JS API's handle works from here on), its view in a task of its
/// own (the first call of its code compiles it), which adds the rest in parts.
pub fn mount_into(element: web_sys::HtmlElement, setup: Setup) -> Mounted {
    crash::install();
    // As Leptos' own mount does, before anything may spawn (the view mounts later).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    unmount_earlier(&element);
    let Setup {
        config,
        notices,
        storage_key,
        initial,
        on_change,
    } = setup;
    for n in &notices {
        warn(&format!("Historical import checklist: {n}"));
    }
    let (prefix, key) = names(&element.id(), storage_key);
    let fresh = Answers {
        time_zone: browser_zone(),
        ..Answers::default()
    };
    let start = drafts::start(&key, initial, &fresh);
    let may_save = start.may_save;
    let (link, link_problem) = link_offer(&config);
    let (start, note, link, from_link) = with_link(start.answers, start.note, link, &fresh);
    let answers = RwSignal::new(start);
    let draft_note = RwSignal::new(note);
    // Another tab's newer draft is offered.
    let newer = RwSignal::new(false);
    let listener = listen_to_other_tabs(&key, answers, &fresh, draft_note, newer);
    let resolve = resolver(&key, answers, &fresh, draft_note, newer);
    let saving = Saving {
        key: may_save.then(|| key.clone()),
        from_link,
        fresh: fresh.clone(),
        on_change,
    };
    let props = WidgetProps::builder()
        .answers(answers)
        .config(config)
        .prefix(prefix.clone())
        .fresh(fresh)
        .notices(notices)
        .draft_note(draft_note)
        .offer(link)
        .link_problem(link_problem)
        .newer(newer)
        .resolve(resolve)
        .key(key.clone())
        .build();
    let id = next_instance();
    MOUNTED.with(|m| {
        m.borrow_mut().push(Entry {
            id,
            element: element.clone(),
            prefix,
            key: key.clone(),
            handle: None,
            listener,
        })
    });
    set_timeout(
        move || mount_view(id, element, props, saving, draft_note, newer),
        std::time::Duration::ZERO,
    );
    Mounted { id, answers, key }
}

/// What the widget's autosave needs: the draft's key (none when it may not save), whether
/// the starting answers came from a link (saved at once), the answers of a new checklist
/// and the host's `onChange`.
struct Saving {
    key: Option<String>,
    from_link: bool,
    fresh: Answers,
    on_change: Option<js_sys::Function>,
}

/// Mounts the view of widget `id`, unless it was unmounted meanwhile.
fn mount_view(
    id: u32,
    element: web_sys::HtmlElement,
    props: WidgetProps,
    saving: Saving,
    draft_note: RwSignal<Option<String>>,
    newer: RwSignal<bool>,
) {
    if !MOUNTED.with(|m| m.borrow().iter().any(|e| e.id == id)) {
        return;
    }
    element.set_text_content(None);
    let answers = props.answers;
    let handle = leptos::mount::mount_to(element, move || {
        autosave(answers, saving, draft_note, newer);
        Widget(props)
    });
    MOUNTED.with(|m| {
        if let Some(e) = m.borrow_mut().iter_mut().find(|e| e.id == id) {
            e.handle = Some(Box::new(handle));
        }
    });
}

/// Autosave and onChange, owned by the widget: they stop when it is unmounted.
fn autosave(
    answers: RwSignal<Answers>,
    saving: Saving,
    draft_note: RwSignal<Option<String>>,
    newer: RwSignal<bool>,
) {
    Effect::new(move |first: Option<()>| {
        let a = answers.get();
        // The starting answers are the draft's, unless a link brought new ones.
        if first.is_none() && !saving.from_link {
            return;
        }
        let is_fresh = a == saving.fresh;
        if let Some(key) = &saving.key {
            storage::schedule_save(key, &a, is_fresh, move |result| {
                if let Err(e) = result {
                    let (note, offered) = drafts::save_refused(e);
                    draft_note.try_set(Some(note));
                    if offered {
                        newer.try_set(true);
                    }
                }
            });
        }
        if let Some(f) = &saving.on_change {
            if let Err(e) = f.call1(&JsValue::NULL, &to_js(&a)) {
                web_sys::console::error_2(
                    &JsValue::from_str("Historical import checklist: onChange threw"),
                    &e,
                );
            }
        }
    });
}

/// The starting answers and draft line with a prefilled link's answers: a link fills a
/// new checklist (`true`: saved at once, as the reader's draft); over a draft it stays
/// an offer, and the reader chooses.
fn with_link(
    start: Answers,
    note: Option<String>,
    link: Option<Offer>,
    fresh: &Answers,
) -> (Answers, Option<String>, Option<Offer>, bool) {
    match link {
        Some(o) if !share::replaces_work(&start, fresh, &o.answers) => {
            (o.answers, Some(DraftNote::FromLink.text()), None, true)
        }
        other => (start, note, other, false),
    }
}

/// The answers of a prefilled link in the page's URL (`#hic=…`), for the first widget
/// that mounts: the fragment is then removed, so a reload or a second widget does not
/// apply it again. A damaged or newer link changes nothing and says why. A host that
/// turned links off (`data-share-link="false"`) gets neither.
fn link_offer(config: &Config) -> (Option<Offer>, Option<&'static str>) {
    if !config.share_link {
        return (None, None);
    }
    match share::decode(&url::fragment()) {
        Ok(None) => (None, None),
        Ok(Some(answers)) => {
            url::clear_fragment();
            let offer = Offer {
                answers,
                what: "the answers from the link you opened",
            };
            (Some(offer), None)
        }
        Err(e) => (None, Some(e.message())),
    }
}

/// Listens for other tabs' writes to the widget's draft, to offer a newer one.
fn listen_to_other_tabs(
    key: &str,
    answers: RwSignal<Answers>,
    fresh: &Answers,
    note: RwSignal<Option<String>>,
    newer: RwSignal<bool>,
) -> Closure<dyn Fn(JsValue)> {
    let (key, fresh) = (key.to_string(), fresh.clone());
    let listener = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        if prop(&event, "key").as_string().as_deref() != Some(key.as_str()) {
            return;
        }
        let Some(mine) = answers.try_get_untracked() else {
            return;
        };
        match drafts::other_tab_wrote(&key, &mine, &fresh) {
            OtherTab::Newer(line) => {
                note.try_set(Some(line));
                newer.try_set(true);
            }
            OtherTab::Settled if newer.try_get_untracked() == Some(true) => {
                newer.try_set(false);
                note.try_set(None);
            }
            OtherTab::Settled => {}
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    }
    listener
}

/// The reader's choice about another tab's newer draft: load it (`true`; this page's
/// answers go to a backup key first) or keep this page's answers (the other draft goes
/// to a backup key).
fn resolver(
    key: &str,
    answers: RwSignal<Answers>,
    fresh: &Answers,
    note: RwSignal<Option<String>>,
    newer: RwSignal<bool>,
) -> Callback<bool> {
    let (key, fresh) = (key.to_string(), fresh.clone());
    Callback::new(move |load: bool| {
        let Some(mine) = answers.try_get_untracked() else {
            return;
        };
        let outcome = if load {
            drafts::load_other(&key, &mine, &fresh).map(|start| {
                answers.set(start.answers);
                start.note
            })
        } else {
            drafts::keep_ours(&key, &mine, &fresh)
        };
        let said = match outcome {
            Ok(said) => said,
            Err(why) => {
                note.set(Some(why));
                return;
            }
        };
        note.set(said);
        newer.set(false);
    })
}

/// The prefix of a widget's DOM ids and the key of its draft (`drafts::key_for`), each
/// unique among the widgets on the page. A widget uses its element's id as the prefix;
/// one without an id, or whose id another widget uses, a generated one (reported in the
/// console).
fn names(id: &str, storage_key: Option<String>) -> (String, String) {
    let (id_taken, key) = MOUNTED.with(|m| {
        let m = m.borrow();
        let id_taken = !id.is_empty() && m.iter().any(|e| e.prefix == id);
        let key = drafts::key_for(id, storage_key, |k| m.iter().any(|e| e.key == k));
        (id_taken, key)
    });
    if id_taken {
        warn(&format!("Historical import checklist: another widget on this page has the element id \"{id}\" (each must be unique); this one's DOM ids start with a generated prefix."));
    }
    let prefix = if id.is_empty() || id_taken {
        format!("hic{}", next_instance())
    } else {
        id.to_string()
    };
    (prefix, key)
}

/// A widget mounted earlier on this element is unmounted first (its draft is saved).
fn unmount_earlier(element: &web_sys::HtmlElement) {
    let earlier = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .find(|e| e.element == *element)
            .map(|e| (e.id, e.key.clone()))
    });
    if let Some((id, key)) = earlier {
        warn("Historical import checklist: a widget was already mounted on this element; it is unmounted first (its draft is saved).");
        unmount(id, &key);
    }
}

/// Removes a mounted widget (saving its draft first). Its element loses the marker
/// attribute, and with it the space `widget.css` reserves for a widget still to come.
pub fn unmount(id: u32, key: &str) {
    storage::flush(key);
    let removed = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|e| e.id == id);
        at.map(|i| m.remove(i))
    });
    // Dropping the mount handle outside the borrow removes the widget's DOM.
    if let Some(e) = removed {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "storage",
                e.listener.as_ref().unchecked_ref(),
            );
        }
        drop(e.handle);
        let _ = e.element.remove_attribute(MARKER);
    }
}

/// Reads `data-*` settings; bad values are reported and their defaults kept.
fn setup_from_attributes(element: &web_sys::Element) -> Setup {
    let mut config = Config::default();
    let mut notices = Vec::new();
    for s in SETTINGS {
        if let Some(value) = element.get_attribute(&format!("data-{}", s.attribute)) {
            if let Err(e) = config.set_attribute(s.attribute, &value) {
                notices.push(e);
            }
        }
    }
    notices.extend(config.check_together());
    for name in element
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
    {
        if let Some(attr) = name.strip_prefix("data-") {
            let known = name == MARKER
                || attr == "storage-key"
                || SETTINGS.iter().any(|s| s.attribute == attr);
            if !known {
                notices.push(format!(
                    "{name} is not a setting of this widget; it is ignored"
                ));
            }
        }
    }
    Setup {
        config,
        notices,
        storage_key: element.get_attribute("data-storage-key"),
        initial: None,
        on_change: None,
    }
}

fn next_instance() -> u32 {
    thread_local!(static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    COUNT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

/// Mounts a widget into every marked element of the page (called once at start-up),
/// each in a task of its own after the one that started the wasm (which has compiled
/// it), so that no task of the host page's is long. An element the JS API mounted a
/// widget on meanwhile keeps that one.
pub fn start() {
    crash::install();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = doc.query_selector_all(&format!("[{MARKER}]")) else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(el) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        set_timeout(
            move || {
                let taken = MOUNTED.with(|m| m.borrow().iter().any(|e| e.element == el));
                if !taken {
                    let setup = setup_from_attributes(&el);
                    mount_into(el, setup);
                }
            },
            std::time::Duration::ZERO,
        );
    }
}
