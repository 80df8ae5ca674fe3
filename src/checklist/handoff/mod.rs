//! Hand-off: prefilled links, imported answers and the new-ticket URL.

pub mod share;
pub mod ticket;
