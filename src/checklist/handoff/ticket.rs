//! "Open as ticket": the host's new-ticket URL template (for example a GitHub "new
//! issue" URL with `{title}` and `{body}`) filled with the request block.

use crate::checklist::block::model::Doc;
use crate::checklist::block::{github, plain};

/// Longer URLs are refused by some ticket systems (GitHub answers 414 above about
/// 8 KB): the ticket then opens with a short body, and the block is copied first.
pub const TICKET_URL_MAX: usize = 8_000;

/// The body of a ticket whose block did not fit its URL.
pub const PASTE_NOTE: &str = "Paste the request block here: it was copied to your clipboard.";

/// The ticket to open, and whether the block is in it (if not, copy it first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    pub url: String,
    pub has_block: bool,
}

/// The ticket for this block (its body in GitHub Markdown); its title is the block's
/// heading, as plain text.
pub fn ticket(template: &str, block: &Doc) -> Ticket {
    let title = block.title().map(plain::text).unwrap_or_default();
    let title = title.as_str();
    let markdown = github::write(block);
    let markdown = markdown.as_str();
    let url = fill(template, title, markdown);
    if url.len() <= TICKET_URL_MAX {
        return Ticket {
            url,
            has_block: true,
        };
    }
    Ticket {
        url: fill(template, title, PASTE_NOTE),
        has_block: false,
    }
}

fn fill(template: &str, title: &str, body: &str) -> String {
    template
        .trim()
        .replace("{title}", &percent(title))
        .replace("{body}", &percent(body))
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::block::model::{line, strong, text, words, Part};
    use crate::checklist::settings::is_template;

    const GITHUB: &str = "https://github.com/acme/pipeline/issues/new?title={title}&body={body}";

    fn heading(title: &'static str) -> Part {
        Part::Heading {
            level: 2,
            line: line(title),
            close: false,
        }
    }

    #[test]
    fn the_block_fills_the_template() {
        let doc = Doc {
            parts: vec![
                heading("Historical import request: Acme & Co"),
                Part::Table {
                    head: vec![Vec::new(), Vec::new()],
                    rows: vec![vec![line("Kind"), vec![text("ü", 100)]]],
                },
            ],
        };
        let t = ticket(GITHUB, &doc);
        assert!(t.has_block);
        assert_eq!(
            t.url,
            "https://github.com/acme/pipeline/issues/new?title=Historical%20import%20request%3A%20Acme%20%26%20Co&body=%23%23%20Historical%20import%20request%3A%20Acme%20%26%20Co%0A%0A%7C%20%7C%20%7C%0A%7C---%7C---%7C%0A%7C%20Kind%20%7C%20%C3%BC%20%7C%0A"
        );
    }

    #[test]
    fn a_load_tests_alert_line_is_not_the_title() {
        let doc = Doc {
            parts: vec![
                Part::Paragraph(vec![
                    strong("Load test alert for the pipeline team:"),
                    words(" a load test is planned."),
                ]),
                heading("URGENT: load test request: Globex"),
            ],
        };
        let t = ticket(GITHUB, &doc);
        assert!(
            t.url
                .contains("title=URGENT%3A%20load%20test%20request%3A%20Globex&"),
            "{}",
            t.url
        );
    }

    #[test]
    fn a_block_too_long_for_a_url_is_pasted_instead() {
        let doc = Doc {
            parts: vec![
                heading("Historical import request: Acme"),
                Part::Paragraph(line("word ".repeat(3_000))),
            ],
        };
        let t = ticket(GITHUB, &doc);
        assert!(!t.has_block);
        assert!(t.url.ends_with(&percent(PASTE_NOTE)));
        assert!(t
            .url
            .contains("title=Historical%20import%20request%3A%20Acme&"));
    }

    #[test]
    fn only_http_templates_with_a_body_are_templates() {
        assert!(is_template(GITHUB));
        assert!(!is_template("javascript:alert(1)//{body}"));
        assert!(!is_template("https://example.com/new"));
    }
}
