//! The mark of a required question, shared by the one question view and the editors
//! it hands lists and event types to.

use crate::checklist::questions::{Question, Required};
use leptos::prelude::*;

/// The asterisk of a required question (hidden from screen readers, which hear
/// `aria-required` instead).
pub fn required_mark(q: &Question) -> Option<impl IntoView> {
    (!matches!(q.required, Required::Never))
        .then(|| view! { <span class="hic-req" aria-hidden="true">" *"</span> })
}
