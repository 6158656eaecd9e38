//! The split point of the widget's interop module, and nothing else.
//!
//! The release build (`cargo xtask build`, feature `split`) marks [`interop_module`] as a split
//! point of its own, `interop`: `wasm-split-cli` moves it, and everything only it reaches
//! (stackway-core's CTDL import and its Open Badges / CLR reader), into
//! `pkg/split_interop.wasm`. It is separate from the later views' module (`crate::later`) so
//! that a CTDL feed waits for the importer alone, which the embed loader starts downloading as
//! soon as the feed's first bytes show JSON-LD, while the first module still downloads.
//!
//! [`FETCH`] is the one way to reach it: the root hands it down (see
//! `crate::interop::FetchInterop`). Without the feature (tests, clippy, the native build)
//! everything is in one module and a fetch answers at once.

use stackway_core::interop::badges;
use stackway_core::interop::detect::read_feed_text;
use stackway_core::{Feed, HeldCredential};

use crate::interop::{BadgeReport, FetchInterop, Interop, InteropFuture, Matched, Unmatched};

/// The module's functions; only the split point (or, without the split, [`fetch`]) names it.
const INTEROP: Interop = Interop {
    read_feed: read_feed_text,
    read_badges,
};

/// The split point: only it reaches what the interop module holds. `fallible`: a failed fetch
/// is an error, not a panic (the loader tries again on the next call).
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(interop, fallible)]
fn interop_module() -> Result<Interop, wasm_split_helpers::SplitLoaderError> {
    Ok(INTEROP)
}

/// Fetches the interop module; `None` when it could not be fetched.
fn fetch() -> InteropFuture {
    Box::pin(async {
        #[cfg(feature = "split")]
        {
            interop_module().await.ok()
        }
        #[cfg(not(feature = "split"))]
        {
            Some(INTEROP)
        }
    })
}

/// How the widget fetches its interop module.
pub const FETCH: FetchInterop = FetchInterop(fetch);

/// Reads a learner's records against the feed the widget shows (a CTDL feed's own imported
/// ids included), in the shape the badge panel shows.
fn read_badges(feed: &Feed, text: &str) -> BadgeReport {
    let report = badges::read_badges(feed, text);
    BadgeReport {
        held: report
            .held()
            .held
            .into_iter()
            .map(|h| HeldCredential {
                id: h.id,
                earned: h.earned,
            })
            .collect(),
        matched: report
            .matched
            .into_iter()
            .map(|m| Matched {
                credential: m.credential,
                achievement_name: m.achievement_name,
            })
            .collect(),
        unmatched: report
            .unmatched
            .into_iter()
            .map(|u| Unmatched {
                achievement_id: u.achievement_id,
                achievement_name: u.achievement_name,
                earned: u.earned.map(|date| date.to_string()),
            })
            .collect(),
        diagnostics: report.diagnostics,
    }
}
