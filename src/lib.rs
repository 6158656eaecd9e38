//! The Stackway learner widget, compiled to WebAssembly.
//!
//! The root is glue: [`mount`] and [`mount_with`] turn a host element and a configuration into a
//! running Yew app; everything about stackability is asked of `stackway-core`. See
//! ARCHITECTURE.md for the data flow (feed text → core → one reducer → components).

/// The allocator in the browser: talc instead of the standard library's dlmalloc, for its
/// smaller code (see Cargo.toml). The native build (tests, benchmarks) keeps the system's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod app;
mod components;
mod config;
mod format;
mod hooks;
pub mod i18n;
mod interop;
mod json_text;
mod later;
pub mod search;
mod state;

pub use app::{App, AppProps};
pub use config::{Config, View};
pub use state::insights::engine_message_ids;

/// What `benches/programs.rs` times (the work of one plan change); not part of the API.
#[doc(hidden)]
pub mod bench {
    pub use crate::state::{Insights, Plan, PAGE_SIZE};
}

use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// A mounted widget; `unmount()` removes it and stops its work.
#[wasm_bindgen]
pub struct MountHandle {
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget from its element. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Mounts the widget inside `element` with a JSON configuration
/// (`{"feed", "feedText", "goal", "view", "lang", "frameResize"}`, every key optional). A
/// configuration that is not valid JSON mounts the widget's error state rather than failing.
///
/// `feed_text`, when given, is a promise of the feed's text (or of `null`) that the embed loader
/// started downloading before the WebAssembly was ready; the widget uses it instead of fetching
/// the feed's URL again.
#[wasm_bindgen(js_name = mountWith)]
pub fn mount_with(
    element: web_sys::Element,
    config_json: &str,
    feed_text: Option<js_sys::Promise>,
) -> MountHandle {
    start(
        element,
        Config::from_json(config_json),
        feed_text.map(hooks::Prefetched),
    )
}

/// Reads feed text and resolves to its diagnostics as JSON (`[{code, severity, pointer,
/// message, line, column}]`): the demo page uses it to preview a dropped feed before mounting
/// it. The JSON writing lives in the second module, fetched first if need be: a learner's page
/// never asks for it.
#[wasm_bindgen(js_name = checkFeed)]
pub async fn check_feed(text: String) -> Result<String, JsError> {
    load_later().await?;
    let module = later::loaded()
        .ok_or_else(|| JsError::new("the widget's second module could not be fetched"))?;
    Ok((module.check_feed)(&text))
}

/// The diagnostics of feed text as `[{code, severity, pointer, message, line, column}]` (line
/// and column are `null` when unknown).
pub(crate) fn check_feed_now(text: &str) -> String {
    let parsed = stackway_core::parse_feed(text);
    diagnostics_json(&parsed.diagnostics)
}

fn diagnostics_json(diagnostics: &[stackway_core::Diagnostic]) -> String {
    json_text::array(diagnostics.iter().map(|d| {
        json_text::ObjectWriter::new()
            .string("code", &d.code)
            .string("severity", d.severity.as_str())
            .string("pointer", &d.pointer)
            .string("message", &d.message)
            .optional_number("line", d.line)
            .optional_number("column", d.column)
            .finish()
    }))
}

fn start(
    element: web_sys::Element,
    config: Config,
    prefetched: Option<hooks::Prefetched>,
) -> MountHandle {
    let props = AppProps { config, prefetched };
    let handle = yew::Renderer::<App>::with_root_and_props(element, props).render();
    MountHandle {
        handle: Some(handle),
    }
}

/// Fetches the widget's second module (the views after the first screen and the map's layout)
/// if it is not in yet. The widget does this by itself; pages that call [`layout_graph`] wait
/// for it first.
#[wasm_bindgen(js_name = loadLater)]
pub async fn load_later() -> Result<(), JsError> {
    if later::load().await {
        Ok(())
    } else {
        Err(JsError::new(
            "the widget's second module could not be fetched",
        ))
    }
}

/// Lays out a graph with the map's layout (for the browser benchmark page, which compares it
/// with dagre on the same graph), once [`load_later`] has finished. `edges` is
/// `[from, to, from, to, …]`. Returns `[crossings, input_order_crossings, n₀, x, y, x, y, …,
/// n₁, …]`: the two crossing counts, then each edge's polyline as its point count followed by
/// its points.
#[wasm_bindgen(js_name = layoutGraph)]
pub fn layout_graph(node_count: u32, edges: &[u32]) -> Result<Vec<f64>, JsError> {
    let module =
        later::loaded().ok_or_else(|| JsError::new("call loadLater() before layoutGraph()"))?;
    Ok((module.layout_graph)(node_count, edges))
}

/// [`layout_graph`]'s work, which lives in the second module.
pub(crate) fn layout_graph_now(node_count: u32, edges: &[u32]) -> Vec<f64> {
    use stackway_core::layout::{layout, Edge, LayoutOptions};
    let edges: Vec<Edge> = edges
        .chunks_exact(2)
        .map(|pair| Edge {
            from: pair[0] as usize,
            to: pair[1] as usize,
        })
        .collect();
    let result = layout(node_count as usize, &edges, &LayoutOptions::default());
    let mut out = vec![result.crossings as f64, result.input_order_crossings as f64];
    for points in &result.edges {
        out.push(points.len() as f64);
        for p in points {
            out.push(p.x);
            out.push(p.y);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_feed_answers_what_serde_wrote() {
        // The demo page reads this answer; it must keep the shape serde_json gave it (line and
        // column `null` when unknown), including for text that needs escaping.
        let broken = "{\"stackway\": 1, \"id\": \"x\\\"y\", \"credentials\": [{\"id\": 3}]}";
        let diagnostics = stackway_core::parse_feed(broken).diagnostics;
        assert!(!diagnostics.is_empty());
        let mut with_unknown_position = diagnostics[0].clone();
        with_unknown_position.line = None;
        with_unknown_position.column = None;
        with_unknown_position.message = "tab\t quote\" newline\n \u{1}".into();
        for list in [diagnostics, vec![with_unknown_position]] {
            assert_eq!(
                diagnostics_json(&list),
                serde_json::to_string(&list).unwrap()
            );
        }
    }
}
