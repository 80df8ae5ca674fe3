//! Historical-import checklist widget: the checklist core (`checklist`, plain Rust), its
//! Leptos UI (`ui`), and the browser edges: drafts (`storage`) and the host page
//! (`embed`).

pub mod checklist;
pub mod embed;
pub mod storage;
pub mod ui;

pub use embed::{mount, start, Handle};
