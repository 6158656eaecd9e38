//! Stackway's stackability engine and route planner.
//!
//! What it holds: the [`Catalog`] (a feed indexed once: ids → dense indices, requirement trees
//! compiled into one arena, reverse edges) and the learner's [`Record`] ([`record`]), the
//! [`engine`] (progress, what counts toward what, next steps, explanations, a goal's groups), the
//! [`plan`]ner (the optimal route, exact branch and bound) and the [`messages`] its results
//! carry (ids with arguments, localised by the front doors, never English baked into results).
//!
//! The catalog, the record and the messages live here and not in stackway-feed because only the
//! engine and the planner use them: the feed's reader and validator never index a feed, never
//! see a learner and never word a result. It depends on stackway-feed (the model) and serde
//! (its results serialise for the CLI's JSON), nothing else; not on the layout and not on
//! interop (`tests/dependency_policy.rs` in stackway-core enforces the edges).
//!
//! Invariants (see ARCHITECTURE.md, docs/semantics.md): no I/O ("today" is the record's
//! `as_of`, never a clock), never panics on any feed (broken references, duplicate ids and
//! cycles are tolerated), and every answer is deterministic (ties broken by feed order).

pub mod catalog;
pub mod engine;
pub mod messages;
pub mod plan;
pub mod record;

pub use catalog::Catalog;
pub use record::{HeldCredential, Record};
#[cfg(feature = "bench-support")]
#[doc(hidden)]
pub mod bench_support;

// The feed's modules under the paths this crate's code has always used (`crate::feed::…`).
use stackway_feed::{date, feed};
