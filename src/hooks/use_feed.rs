//! Loading the feed: fetch it as text, read it with the core, keep the last good copy in
//! localStorage and fall back to it when offline, and retry on demand.

use std::rc::Rc;

use super::storage;
use serde::{Deserialize, Serialize};
use stackway_core::{parse_feed, Diagnostic, Feed};
use yew::prelude::*;

/// A feed that can be shown.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub feed: Rc<Feed>,
    /// Problems found while reading it (a partly invalid feed still shows what is valid).
    pub diagnostics: Vec<Diagnostic>,
    /// When the feed could not be fetched and the saved copy is shown: when it was saved
    /// (ISO 8601).
    pub offline_since: Option<String>,
}

/// Why no feed can be shown.
#[derive(Debug, PartialEq)]
pub enum Failure {
    /// No feed URL or text was given, or the configuration could not be read.
    NotConfigured(String),
    /// The network request failed or answered with an error status.
    Fetch(String),
    /// The text was fetched but is not a usable feed.
    Invalid(Vec<Diagnostic>),
}

/// Where loading stands.
#[derive(Debug, PartialEq, Clone)]
pub enum FeedLoad {
    Loading,
    Ready(Rc<Loaded>),
    Failed(Rc<Failure>),
}

#[derive(Serialize, Deserialize)]
struct SavedFeed {
    saved_at: String,
    text: String,
}

fn cache_key(url: &str) -> String {
    format!("stackway:feed:{url}")
}

/// Reads feed text; `None` when nothing usable could be read.
fn read(text: &str, offline_since: Option<String>) -> Result<Loaded, Vec<Diagnostic>> {
    let parsed = parse_feed(text);
    match parsed.feed {
        Some(feed) => Ok(Loaded {
            feed: Rc::new(feed),
            diagnostics: parsed.diagnostics,
            offline_since,
        }),
        None => Err(parsed.diagnostics),
    }
}

async fn fetch(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}

async fn load(url: String) -> FeedLoad {
    match fetch(&url).await {
        Ok(text) => match read(&text, None) {
            Ok(loaded) => {
                let saved = SavedFeed {
                    saved_at: js_sys::Date::new_0().to_iso_string().into(),
                    text,
                };
                // A feed too large for the storage quota is simply not kept for offline use.
                storage::set(&cache_key(&url), &saved);
                FeedLoad::Ready(Rc::new(loaded))
            }
            Err(diagnostics) => FeedLoad::Failed(Rc::new(Failure::Invalid(diagnostics))),
        },
        Err(reason) => {
            let saved: Option<SavedFeed> = storage::get(&cache_key(&url));
            match saved.and_then(|s| read(&s.text, Some(s.saved_at)).ok()) {
                Some(loaded) => FeedLoad::Ready(Rc::new(loaded)),
                None => FeedLoad::Failed(Rc::new(Failure::Fetch(reason))),
            }
        }
    }
}

/// Loads the feed given by URL or by text; returns where loading stands and a retry callback.
#[hook]
pub fn use_feed(url: Option<String>, text: Option<String>) -> (FeedLoad, Callback<()>) {
    let state = use_state(|| FeedLoad::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((url, text, *attempt), move |(url, text, _)| {
            state.set(FeedLoad::Loading);
            if let Some(text) = text {
                state.set(match read(text, None) {
                    Ok(loaded) => FeedLoad::Ready(Rc::new(loaded)),
                    Err(d) => FeedLoad::Failed(Rc::new(Failure::Invalid(d))),
                });
            } else if let Some(url) = url.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(load(url).await);
                });
            } else {
                state.set(FeedLoad::Failed(Rc::new(Failure::NotConfigured(
                    "no feed".into(),
                ))));
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
