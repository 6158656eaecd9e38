//! Stackway's feed meets other formats: interoperability with the formats institutions and
//! learners already have, and the feed as other programs write and check it.
//!
//! - [`ctdl`]: Credential Transparency Description Language pathways (JSON-LD, as served by the
//!   Credential Registry) to and from feed v1.
//! - [`badges`]: learners' Open Badges 3.0, CLR 2.0 and Open Badges 2.0 records, matched to a
//!   feed's credentials to fill in what the learner holds.
//! - [`detect`]: one entry point that reads either a feed or a CTDL document.
//! - [`canonical`]: canonical feed text, and [`canonical::Json`], the owned JSON document editors
//!   change and write without losing what the typed model drops.
//! - `schema` (feature `schema`): the feed format's JSON Schema, for editors and other tools.
//!
//! This is the only core crate with serde_json among its dependencies: the CTDL export and the
//! schema are built as `serde_json::Value`s, and `canonical::Json` converts to and from them and
//! from any serialisable model value. `canonical` and `schema` live here rather than in
//! stackway-feed for that reason: only the tools that write feeds use them (the CLI, the studio,
//! the sheet importer), never the widget, so the crates the widget's first module is made of
//! (stackway-feed, -engine, -layout) have no serde_json anywhere in their dependency tree
//! (`tests/dependency_policy.rs` in stackway-core enforces both). The CTDL importer and the badge
//! reader read their documents with stackway-feed's JSON reader, like feeds, so the widget's
//! interop module, which runs them, links no serde_json either. This crate depends on
//! stackway-feed and not on the engine or the layout.
//!
//! Like the rest of the core, nothing here does I/O or panics on any input, and every output is
//! deterministic (document order, never hash-map order).

// The JSON Schema is one large `json!` literal.
#![recursion_limit = "256"]

pub mod badges;
mod base64url;
pub mod canonical;
pub mod ctdl;
pub mod detect;
#[cfg(feature = "schema")]
pub mod schema;

// The feed's modules under the paths this crate's code has always used (`crate::json::…`).
use stackway_feed::{date, decimal, diagnostics, feed, field_table, json, parse, validate};

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
