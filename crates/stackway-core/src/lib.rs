//! Stackway's core: the feed model, validation, the stackability engine, graph layout and
//! interoperability.
//!
//! Invariants (see ARCHITECTURE.md): this crate does no I/O, never panics on any input, and every
//! public function is deterministic. It builds for wasm32 and runs unchanged in the widget, the
//! CLI and the LTI tool.

pub mod date;
pub mod diagnostics;
pub mod feed;
pub mod interop;
pub mod parse;

pub use date::Date;
pub use diagnostics::{Diagnostic, Severity};
pub use feed::*;
pub use parse::{parse_feed, Parsed};
