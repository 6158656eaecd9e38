//! Stackway Studio: program staff build, check and preview a pathway feed without writing JSON.
//!
//! A Yew app compiled to WebAssembly, its own bundle (`pkg/studio/`): learner pages never load
//! it. It runs from `stackway studio FEED`, which serves it and saves the file, or from any
//! static host, opening and downloading files in the browser (`session.rs`).
//!
//! The data flow is the widget's: the document (`doc.rs`, the feed as JSON, so that nothing
//! typed is lost) → one reducer (`state.rs`, every edit with its inverse for undo,
//! `history.rs`) → components (`components/`). The core validator checks the document after
//! each edit (`check.rs`), and its JSON Pointers place each diagnostic at its field.

mod app_hooks;
pub mod check;
mod components;
pub mod doc;
mod file_actions;
pub mod form;
pub mod history;
pub mod i18n;
pub mod ids;
pub mod incremental;
mod perf;
pub mod requirement;
mod session;
mod state;
mod whole_check;

pub use components::app::{new_feed, App};

use wasm_bindgen::prelude::*;

/// Starts the studio inside `element` (the page's `#studio`). `feed`, when given, is the
/// response of `GET /api/feed` the boot script already started fetching.
#[wasm_bindgen]
pub fn start(element: web_sys::Element, feed: Option<js_sys::Promise>) {
    session::prefetched(feed);
    yew::Renderer::<App>::with_root(element).render();
}

/// Checks feed text with the core validator and returns its diagnostics as JSON: the work of
/// the studio's check worker (`www/check-worker.js`).
#[wasm_bindgen(js_name = checkFeedText)]
pub fn check_feed_text(text: &str) -> String {
    serde_json::to_string(&check::check_text(text)).unwrap_or_else(|_| "[]".to_owned())
}
