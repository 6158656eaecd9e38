//! Diagnostics: what validation found wrong with a feed, and where.

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The feed cannot be used as intended; `stackway check` exits 1.
    Error,
    /// Probably a mistake (a typo'd key, a missing translation), but the feed still works.
    Warning,
}

impl Severity {
    /// The name used in JSON output: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `unknown-reference`.
    pub code: String,
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the offending value; "" is the whole document.
    pub pointer: String,
    /// English message for tools and logs (the widget localises by `code`).
    pub message: String,
    /// 1-based line of the offending value, when known.
    pub line: Option<u32>,
    /// 1-based column (in characters) of the offending value, when known.
    pub column: Option<u32>,
}
