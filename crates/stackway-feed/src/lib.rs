//! Stackway's feed: the format v1 model, its JSON reader and its validation.
//!
//! What it holds: the feed model as serde types ([`feed`]: `Feed`, `Credential`, `Requirement`,
//! `Text`, …), calendar dates ([`date`]), a JSON reader that keeps every value's position
//! ([`json`]), correctly rounded decimal numbers without `f64`'s tables ([`decimal`]), the
//! diagnostics every core crate reports ([`diagnostics`]: one `Code` enum with stable strings),
//! the validator ([`parse`] + [`validate`]: text → the feed it could read and every diagnostic),
//! and the field table ([`field_table`]: format v1 described once, from which the validator, the
//! JSON Schema, the canonical key order and the studio's forms are built).
//!
//! It depends on serde (derives only) and nothing else: not serde_json, which only
//! stackway-interop uses, and no web binding or I/O crate (`tests/dependency_policy.rs` in
//! stackway-core enforces both). Everything the widget's first screen needs to read a feed is
//! here.
//!
//! Invariants (see ARCHITECTURE.md): no I/O, never panics on any input (reading a feed never
//! fails: [`parse_feed`] returns what it could read together with every diagnostic), and every
//! public function is deterministic. It builds for wasm32.

pub mod date;
pub mod decimal;
pub mod diagnostics;
pub mod feed;
pub mod field_table;
pub mod json;
pub mod parse;
pub mod validate;

pub use date::Date;
pub use diagnostics::{Code, Diagnostic, Severity};
pub use feed::*;
pub use parse::{parse_feed, parse_feed_bytes, Parsed};
#[cfg(feature = "bench-support")]
#[doc(hidden)]
pub mod bench_support;
