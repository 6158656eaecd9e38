//! Stackway's core: the feed model, validation, the stackability engine, graph layout and
//! interoperability.
//!
//! Invariants (see ARCHITECTURE.md): this crate does no I/O, never panics on any input, and every
//! public function is deterministic. It builds for wasm32 and runs unchanged in the widget, the
//! CLI and the LTI tool.

// The JSON Schema is one large `json!` literal.
#![recursion_limit = "256"]

pub mod canonical;
pub mod date;
pub mod decimal;
pub mod diagnostics;
pub mod feed;
pub mod field_table;
pub mod interop;
pub mod json;
pub mod layout;
pub mod parse;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;

pub use date::Date;
pub use diagnostics::{Code, Diagnostic, Severity};
pub use feed::*;
pub use parse::{parse_feed, parse_feed_bytes, Parsed};
#[cfg(feature = "bench-support")]
#[doc(hidden)]
pub mod bench_support;
pub mod catalog;
pub mod engine;
pub mod messages;
pub mod plan;
pub mod record;

pub use catalog::Catalog;
pub use record::{HeldCredential, Record};
