//! The request block and the customer's message: one document model (`model.rs`),
//! built once per evaluation (`build.rs` and the summary table's rows in `rows.rs`;
//! the customer's message in `customer.rs`), written for GitHub (`github.rs`), Slack
//! (`slack.rs`) and plain text (`plain.rs`), and shown by the widget's rendered view
//! (`view.rs`). Typed text is escaped for where it goes by `escape.rs`, one function
//! per context.

pub mod build;
pub mod customer;
pub mod escape;
pub mod github;
pub mod model;
pub mod plain;
pub mod rows;
pub mod slack;
pub mod view;

use crate::checklist::settings::format::Format;
use model::Doc;

/// A document in the format of where it is pasted.
pub fn write(doc: &Doc, format: Format) -> String {
    match format {
        Format::GitHub => github::write(doc),
        Format::Slack => slack::write(doc),
        Format::Plain => plain::write(doc),
    }
}
