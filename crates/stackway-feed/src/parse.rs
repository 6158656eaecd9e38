//! Feed text → the feed it could read plus every diagnostic. Never fails, never panics.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Severity};
use crate::feed::Feed;
use crate::json;
use crate::validate::validate;

/// The result of reading a feed: whatever could be read, and every problem found.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The feed as far as it could be read (`None` when nothing usable was found: the text is
    /// not JSON, is too large or too deep, or is not a JSON object). Invalid parts are dropped
    /// and dangling references removed, so everything left is safe to show and to compute on.
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

/// Reads and validates feed text. Never fails and never panics: problems become diagnostics.
pub fn parse_feed(text: &str) -> Parsed {
    match json::read(text) {
        Ok(doc) => {
            let (feed, diagnostics) = validate(&doc);
            Parsed { feed, diagnostics }
        }
        Err(e) => Parsed {
            feed: None,
            diagnostics: vec![read_error_diagnostic(e)],
        },
    }
}

/// The diagnostic for text the JSON reader refused: the one [`parse_feed`] reports, for the other
/// readers of JSON text (the CTDL importer, the badge reader, `canonical::Json` in
/// stackway-interop) to report the same.
pub fn read_error_diagnostic(e: json::ReadError) -> Diagnostic {
    Diagnostic {
        code: e.code,
        severity: Severity::Error,
        pointer: String::new(),
        message: e.message,
        line: Some(e.pos.line),
        column: Some(e.pos.column),
    }
}

/// Reads and validates feed bytes: like [`parse_feed`], but reports text that is not UTF-8.
pub fn parse_feed_bytes(bytes: &[u8]) -> Parsed {
    if bytes.len() > json::MAX_BYTES {
        return parse_feed_oversized(bytes.len());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_feed(text),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default())
                .chars()
                .count()
                + 1;
            Parsed {
                feed: None,
                diagnostics: vec![Diagnostic {
                    code: Code::InvalidUtf8,
                    severity: Severity::Error,
                    pointer: String::new(),
                    message: "the feed is not valid UTF-8 text".to_owned(),
                    line: Some(line as u32),
                    column: Some(column as u32),
                }],
            }
        }
    }
}

fn parse_feed_oversized(len: usize) -> Parsed {
    Parsed {
        feed: None,
        diagnostics: vec![Diagnostic {
            code: Code::InputTooLarge,
            severity: Severity::Error,
            pointer: String::new(),
            message: format!(
                "the feed is {len} bytes; the limit is {} bytes (20 MiB)",
                json::MAX_BYTES
            ),
            line: Some(1),
            column: Some(1),
        }],
    }
}
