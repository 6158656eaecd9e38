//! Stackway's core: the feed model, validation, the stackability engine, graph layout and
//! interoperability, in one crate for the front doors (the widget, the CLI, the LTI tool, the
//! studio, the sheet importer).
//!
//! This is a facade, like ripgrep's `grep` crate: the work is done by four crates usable alone,
//! and this one re-exports them under the paths every caller uses (`stackway_core::parse_feed`,
//! `stackway_core::engine`, `stackway_core::layout`, `stackway_core::interop::ctdl`, …):
//!
//! ```text
//! stackway-feed      model, JSON reader, decimal, dates, diagnostics, validation, field table
//!   ↑        ↑    ↑
//!   │        │   stackway-interop   CTDL, Open Badges / CLR, canonical text, JSON Schema
//!   │   stackway-layout             the pathway map's layout
//! stackway-engine                   catalog, record, engine, planner, messages
//! ```
//!
//! Each depends on stackway-feed and on none of the others; only stackway-interop has serde_json
//! (`tests/dependency_policy.rs` enforces both, and that no core crate depends on a web binding
//! or an I/O crate).
//!
//! Invariants (see ARCHITECTURE.md): no core crate does I/O, none panics on any input, and every
//! public function is deterministic. They build for wasm32 and run unchanged in the widget, the
//! CLI and the LTI tool.

pub use stackway_feed::*;

pub use stackway_engine::{catalog, engine, messages, plan, record};
pub use stackway_engine::{Catalog, HeldCredential, Record};

pub use stackway_layout as layout;

pub use stackway_interop as interop;
pub use stackway_interop::canonical;
#[cfg(feature = "schema")]
pub use stackway_interop::schema;

/// Generated feeds for the benchmarks and tests (feature `bench-support`, not an API): the feed
/// crate's generator and feed builder with the engine's generated instances.
#[cfg(feature = "bench-support")]
#[doc(hidden)]
pub use stackway_engine::bench_support;
