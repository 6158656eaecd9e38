//! The Stackway widget, compiled to WebAssembly.
//!
//! This is the minimal widget of the foundation issue: it fetches one feed, reads it with
//! `stackway_core::parse_feed` and lists its credentials and stackable programs. It exists to
//! prove the whole path from feed text to the browser; the full widget replaces it.

mod app;
mod strings;

pub use app::{App, AppProps};
pub use strings::Strings;

use wasm_bindgen::prelude::*;

/// Mounts the widget inside `element`, loading the feed at `feed_url` and writing its own text in
/// `lang` (`en` or `fr`; anything else falls back to English).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, feed_url: String, lang: String) {
    let props = AppProps {
        feed_url: feed_url.into(),
        lang: lang.into(),
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render();
}
