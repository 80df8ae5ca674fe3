//! The request block and the customer's message, and escaping for where they go.

pub mod customer;
pub mod escape;
pub mod formats;
pub mod markdown;
pub mod preview;
