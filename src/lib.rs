//! Historical-import checklist widget: the checklist core (`checklist`, plain Rust) and
//! its Leptos UI (`ui`), with the browser edges in `storage` and `embed`.

pub mod checklist;
