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
mod context;
mod engine_words;
mod format;
mod hooks;
pub mod i18n;
mod interop;
mod interop_split;
mod json_text;
mod later;
mod later_module;
pub mod search;
mod state;

pub use app::{App, AppProps};
pub use config::{Config, View};
pub use state::insights::engine_message_ids;

/// What `benches/programs.rs` times (the work of one plan change); not part of the API.
#[doc(hidden)]
pub mod bench {
    pub use crate::later_module::Planner;
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
    Ok((fetch_later().await?.check_feed)(&text))
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

/// The widget's second module (the views after the first screen, the planner, the map's
/// layout), fetched if it is not in yet.
async fn fetch_later() -> Result<later_module::LaterModule, JsError> {
    later::FETCH
        .fetch()
        .await
        .ok_or_else(|| JsError::new("the widget's second module could not be fetched"))
}

/// Fetches the widget's second module if it is not in yet. The widget does this by itself;
/// pages may call it to have it ready before [`layout_graph`].
#[wasm_bindgen(js_name = loadLater)]
pub async fn load_later() -> Result<(), JsError> {
    fetch_later().await.map(|_| ())
}

/// Lays out a graph with the map's layout (for the browser benchmark page, which compares it
/// with dagre on the same graph), fetching the second module first if need be. `edges` is
/// `[from, to, from, to, …]`. Resolves to `[crossings, j, x, y, …, n₀, x, y, …, n₁, …]`: the
/// layout's own crossing count, the number of junction dots and their points, then each edge's
/// polyline as its point count followed by its points.
#[wasm_bindgen(js_name = layoutGraph)]
pub async fn layout_graph(node_count: u32, edges: Vec<u32>) -> Result<Vec<f64>, JsError> {
    Ok((fetch_later().await?.layout_graph)(node_count, &edges))
}
