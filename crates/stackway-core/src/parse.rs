//! Feed text → the feed it could read plus every diagnostic. Never fails, never panics.

use crate::diagnostics::{Diagnostic, Severity};
use crate::feed::Feed;

/// The result of reading a feed: whatever could be read, and every problem found.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The feed as far as it could be read (`None` when nothing usable was found).
    pub feed: Option<Feed>,
    /// Every problem found, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Reads feed text. Placeholder until the validator lands: strict serde parse.
pub fn parse_feed(text: &str) -> Parsed {
    match serde_json::from_str::<Feed>(text) {
        Ok(feed) => Parsed {
            feed: Some(feed),
            diagnostics: Vec::new(),
        },
        Err(e) => Parsed {
            feed: None,
            diagnostics: vec![Diagnostic {
                code: "invalid-json".into(),
                severity: Severity::Error,
                pointer: String::new(),
                message: e.to_string(),
                line: Some(e.line() as u32),
                column: Some(e.column() as u32),
            }],
        },
    }
}
