//! Historical-import checklist widget. Layers, each importing only those below it:
//! `checklist` (the product's brain, plain Rust), `browser` (storage, clipboard,
//! `Intl`), `ui` (Leptos components), and at the top `mount` (host elements and their
//! `data-*` configuration) and `js_api` (`mount(element, options)`).

pub mod browser;
pub mod checklist;
pub mod js_api;
pub mod mount;
pub mod ui;

pub use js_api::{mount, Handle};
pub use mount::start;
