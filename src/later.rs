//! The split point of the widget's second WebAssembly module, and nothing else.
//!
//! The release build (`cargo xtask build`, feature `split`) marks [`later_module`] as a split
//! point: `wasm-split-cli` moves it, and everything only it reaches, into
//! `pkg/split_later.wasm`. That is the map, explore, plan and pathways views and the credential
//! detail (`components/later_pages.rs`), the map's layout, the route planner, which the cards'
//! "cheapest route" lines and the plan's best route need, what a route's steps unlock, and the
//! words of those views (`locales/*/views.ftl`, with the data only moved code uses).
//!
//! [`FETCH`] is the one way to reach it: the root hands it down (see
//! `crate::later_module::FetchLater`), and what arrives is a value, a
//! [`LaterModule`], that the state holds. Without the feature (tests, clippy, the native build)
//! everything is in one module and a fetch answers at once.

use crate::components::{diagnostic_list, later_pages};
use crate::later_module::{FetchLater, LaterFuture, LaterModule, Planner};

/// The module's functions; only the split point (or, without the split, [`fetch`]) names it.
const LATER_MODULE: LaterModule = LaterModule {
    render: later_pages::render,
    planner: Planner::CORE,
    messages: crate::i18n::catalog::later,
    check_feed,
    diagnostics: diagnostic_list::render,
    layout_graph,
};

/// The split point: only it reaches what the second module holds. `fallible`: a failed fetch
/// is an error, not a panic (and the loader tries again on the next call; a successful load is
/// kept, so later calls answer at once).
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(later, fallible)]
fn later_module() -> Result<LaterModule, wasm_split_helpers::SplitLoaderError> {
    Ok(LATER_MODULE)
}

/// Fetches the second module; `None` when it could not be fetched.
fn fetch() -> LaterFuture {
    Box::pin(async {
        #[cfg(feature = "split")]
        {
            later_module().await.ok()
        }
        #[cfg(not(feature = "split"))]
        {
            Some(LATER_MODULE)
        }
    })
}

/// How the widget fetches its second module.
pub const FETCH: FetchLater = FetchLater(fetch);

/// A feed's diagnostics as `checkFeed`'s JSON.
fn check_feed(text: &str) -> String {
    crate::json_text::diagnostics(&stackway_core::parse_feed(text).diagnostics)
}

/// Lays out a bare graph with the map's layout (for `layoutGraph`). `edges` is
/// `[from, to, from, to, …]`. Returns `[crossings, j, x, y, …, n₀, x, y, …, n₁, …]`: the
/// layout's own crossing count, the number of junction dots and their points, then each edge's
/// polyline as its point count followed by its points.
fn layout_graph(node_count: u32, edges: &[u32]) -> Vec<f64> {
    use stackway_core::layout::{layout, Edge, LayoutOptions, Size};
    let edges: Vec<Edge> = edges
        .chunks_exact(2)
        .map(|pair| Edge {
            from: pair[0] as usize,
            to: pair[1] as usize,
            class: 0,
        })
        .collect();
    let sizes = vec![Size::default(); node_count as usize];
    let result = layout(&sizes, &edges, &LayoutOptions::default());
    let mut out = vec![result.crossings as f64, result.junctions.len() as f64];
    for j in &result.junctions {
        out.push(j.x);
        out.push(j.y);
    }
    for points in &result.edges {
        out.push(points.len() as f64);
        for p in points {
            out.push(p.x);
            out.push(p.y);
        }
    }
    out
}
