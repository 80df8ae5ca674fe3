//! Where the request is pasted: the `copy-format` setting and the "Copy for" choice.

/// Where the request will be pasted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    GitHub,
    Slack,
    Plain,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::GitHub, Format::Slack, Format::Plain];

    /// The name hosts use in `data-copy-format` / `copyFormat`.
    pub fn code(self) -> &'static str {
        match self {
            Format::GitHub => "github",
            Format::Slack => "slack",
            Format::Plain => "plain",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::GitHub => "GitHub",
            Format::Slack => "Slack",
            Format::Plain => "Plain text",
        }
    }

    pub fn from_code(code: &str) -> Option<Format> {
        let code = code.trim();
        Format::ALL
            .into_iter()
            .find(|f| f.code().eq_ignore_ascii_case(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names() {
        assert_eq!(Format::from_code(" Slack "), Some(Format::Slack));
        assert_eq!(Format::from_code("plain"), Some(Format::Plain));
        assert_eq!(Format::from_code("html"), None);
    }
}
