//! Interoperability with the formats institutions and learners already have.
//!
//! - [`ctdl`]: Credential Transparency Description Language pathways (JSON-LD, as served by the
//!   Credential Registry) to and from feed v1.
//! - [`badges`]: learners' Open Badges 3.0, CLR 2.0 and Open Badges 2.0 records, matched to a
//!   feed's credentials to fill in what the learner holds.
//! - [`detect`]: one entry point that reads either a feed or a CTDL document.
//!
//! Like the rest of the core, nothing here does I/O or panics on any input, and every output is
//! deterministic (document order, never hash-map order).

pub mod badges;
mod base64url;
pub mod ctdl;
pub mod detect;

use crate::diagnostics::{Code, Diagnostic, Severity};

/// A warning about a node of an imported document.
pub(crate) fn warning(code: Code, pointer: &str, message: String) -> Diagnostic {
    Diagnostic {
        code,
        severity: Severity::Warning,
        pointer: pointer.to_owned(),
        message,
        line: None,
        column: None,
    }
}

/// An error about an imported document as a whole.
pub(crate) fn error(code: Code, message: String) -> Diagnostic {
    Diagnostic {
        code,
        severity: Severity::Error,
        pointer: String::new(),
        message,
        line: None,
        column: None,
    }
}
