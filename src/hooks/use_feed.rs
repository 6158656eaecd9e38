//! Loading the feed: fetch it as text, read it with the core, keep the last good copy in
//! localStorage and fall back to it when offline, and retry on demand. Text that looks like
//! JSON-LD (a CTDL pathway) is read by stackway-core's CTDL importer, which lives in the
//! widget's interop module; the caller says how to fetch it ([`FetchInterop`]). The importer
//! hands over the feed model itself, with its warnings.

use std::rc::Rc;

use super::storage;
use crate::interop::FetchInterop;
use crate::json_text;
use crate::state::Shared;
use stackway_core::{parse_feed, Diagnostic, Feed};
use yew::prelude::*;

/// A feed that can be shown.
#[derive(Debug)]
pub struct Loaded {
    pub feed: Rc<Feed>,
    /// Problems found while reading it (a partly invalid feed still shows what is valid),
    /// compared by identity.
    pub diagnostics: Shared<Vec<Diagnostic>>,
    /// When the feed could not be fetched and the saved copy is shown: when it was saved
    /// (ISO 8601).
    pub offline_since: Option<String>,
    /// The text the feed was read from (a Stackway feed or a CTDL document), kept as the
    /// offline copy.
    pub text: Rc<String>,
}

/// Why no feed can be shown.
#[derive(Debug, PartialEq)]
pub enum Failure {
    /// No feed URL or text was given, or the configuration could not be read.
    NotConfigured(String),
    /// The network request failed or answered with an error status.
    Fetch(String),
    /// The text was fetched but is not a usable feed (its diagnostics, compared by identity).
    Invalid(Shared<Vec<Diagnostic>>),
    /// The text is JSON-LD (CTDL) and the interop module that reads it could not be fetched.
    Interop(String),
}

/// Where loading stands.
#[derive(Debug, PartialEq, Clone)]
pub enum FeedLoad {
    Loading,
    /// Compared by identity: a feed is read once per load, and comparing two feeds of 10,000
    /// credentials field by field would cost more than re-rendering.
    Ready(Shared<Loaded>),
    Failed(Rc<Failure>),
}

/// The feed's text as the embed loader is already downloading it (it starts the download while
/// the WebAssembly downloads and compiles): a promise of the text, or of `null` when that
/// download failed, in which case the widget fetches the feed itself to explain the failure or
/// show its saved copy.
#[derive(Debug, Clone)]
pub struct Prefetched(pub js_sys::Promise);

impl PartialEq for Prefetched {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

impl Prefetched {
    async fn text(self) -> Option<String> {
        wasm_bindgen_futures::JsFuture::from(self.0)
            .await
            .ok()
            .and_then(|value| value.as_string())
    }
}

/// The offline copy of a feed: `{"saved_at", "text"}` in localStorage.
struct SavedFeed {
    saved_at: String,
    text: String,
}

impl SavedFeed {
    fn to_json(&self) -> String {
        json_text::ObjectWriter::new()
            .string("saved_at", &self.saved_at)
            .string("text", &self.text)
            .finish()
    }

    fn from_json(text: &str) -> Option<SavedFeed> {
        json_text::read(text, |root| {
            let (mut saved_at, mut text) = (None, None);
            for (key, value) in json_text::members(root, "saved feed")? {
                match key {
                    "saved_at" => saved_at = Some(json_text::string(value, key)?),
                    "text" => text = Some(json_text::string(value, key)?),
                    _ => {}
                }
            }
            match (saved_at, text) {
                (Some(saved_at), Some(text)) => Ok(SavedFeed { saved_at, text }),
                _ => Err("`saved_at` and `text` are required".to_owned()),
            }
        })
        .ok()
    }
}

fn cache_key(url: &str) -> String {
    format!("stackway:feed:{url}")
}

/// Reads Stackway feed text; `Err` with the diagnostics when nothing usable could be read.
fn read_feed(text: Rc<String>, offline_since: Option<String>) -> Result<Loaded, Failure> {
    let parsed = parse_feed(&text);
    loaded(parsed.feed, parsed.diagnostics, text, offline_since)
}

/// A feed read from `text` with its diagnostics, or the diagnostics alone when there is none.
fn loaded(
    feed: Option<Feed>,
    diagnostics: Vec<Diagnostic>,
    text: Rc<String>,
    offline_since: Option<String>,
) -> Result<Loaded, Failure> {
    let diagnostics = Shared(Rc::new(diagnostics));
    match feed {
        Some(feed) => Ok(Loaded {
            feed: Rc::new(feed),
            diagnostics,
            offline_since,
            text,
        }),
        None => Err(Failure::Invalid(diagnostics)),
    }
}

/// Reads feed text of any kind: a Stackway feed directly, a JSON-LD (CTDL) document with the
/// core's CTDL importer in the interop module, which gives the feed it imported and its
/// warnings (the feed model itself: no JSON text in between).
async fn read(
    text: String,
    offline_since: Option<String>,
    interop: FetchInterop,
) -> Result<Loaded, Failure> {
    let text = Rc::new(text);
    if !crate::interop::looks_like_json_ld(&text) {
        return read_feed(text, offline_since);
    }
    let module = interop.fetch().await.ok_or_else(|| {
        Failure::Interop("the widget's interop module could not be fetched".into())
    })?;
    let parsed = (module.read_feed)(&text);
    loaded(parsed.feed, parsed.diagnostics, text, offline_since)
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

/// A fetched feed's text waiting to be kept as the offline copy once the feed is on screen.
struct PendingSave {
    url: String,
    saved_at: String,
    text: Rc<String>,
}

impl PendingSave {
    /// Serialises and stores the copy (a feed too large for the storage quota is simply not
    /// kept for offline use).
    fn store(self) {
        let saved = SavedFeed {
            saved_at: self.saved_at,
            text: (*self.text).clone(),
        };
        storage::set(&cache_key(&self.url), &saved.to_json());
    }
}

/// Resolves after the browser has painted the frame being rendered now: the next animation
/// frame, then a task after it. A hidden page draws no frames, so a one-second timer stands in
/// for it there.
async fn after_paint() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let fallback = resolve.clone();
        let timers = window.clone();
        let after_frame = Closure::once_into_js(move || {
            let _ = timers.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&fallback, 1_000);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads the feed from `url` (or the loader's download of it). A freshly fetched feed comes
/// with the offline copy to save, which the caller stores after the first render.
async fn load(
    url: String,
    prefetched: Option<Prefetched>,
    interop: FetchInterop,
) -> (FeedLoad, Option<PendingSave>) {
    let text = match prefetched {
        Some(prefetched) => prefetched.text().await,
        None => None,
    };
    let text = match text {
        Some(text) => Ok(text),
        None => fetch(&url).await,
    };
    match text {
        Ok(text) => match read(text, None, interop).await {
            Ok(loaded) => {
                let save = PendingSave {
                    saved_at: js_sys::Date::new_0().to_iso_string().into(),
                    text: loaded.text.clone(),
                    url,
                };
                (FeedLoad::Ready(Shared(Rc::new(loaded))), Some(save))
            }
            Err(failure) => (FeedLoad::Failed(Rc::new(failure)), None),
        },
        Err(reason) => {
            let saved = storage::get(&cache_key(&url)).and_then(|t| SavedFeed::from_json(&t));
            let loaded = match saved {
                Some(s) => read(s.text, Some(s.saved_at), interop).await.ok(),
                None => None,
            };
            let load = match loaded {
                Some(loaded) => FeedLoad::Ready(Shared(Rc::new(loaded))),
                None => FeedLoad::Failed(Rc::new(Failure::Fetch(reason))),
            };
            (load, None)
        }
    }
}

/// Loads the feed given by URL or by text; returns where loading stands and a retry callback.
/// The first attempt uses the loader's download of the URL when there is one; a retry fetches
/// afresh. `interop` fetches the widget's interop module, which reads CTDL feeds.
#[hook]
pub fn use_feed(
    url: Option<String>,
    text: Option<String>,
    prefetched: Option<Prefetched>,
    interop: FetchInterop,
) -> (FeedLoad, Callback<()>) {
    let state = use_state(|| FeedLoad::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((url, text, *attempt), move |(url, text, attempt)| {
            let prefetched = prefetched.filter(|_| *attempt == 0);
            state.set(FeedLoad::Loading);
            if let Some(text) = text.clone() {
                if crate::interop::looks_like_json_ld(&text) {
                    wasm_bindgen_futures::spawn_local(async move {
                        state.set(settle(read(text, None, interop).await));
                    });
                } else {
                    state.set(settle(read_feed(Rc::new(text), None)));
                }
            } else if let Some(url) = url.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let (load, save) = load(url, prefetched, interop).await;
                    state.set(load);
                    // Serialising and storing the offline copy (a string as large as the
                    // feed) waits until the feed is painted, so it does not delay the
                    // first render.
                    if let Some(save) = save {
                        after_paint().await;
                        save.store();
                    }
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

fn settle(result: Result<Loaded, Failure>) -> FeedLoad {
    match result {
        Ok(loaded) => FeedLoad::Ready(Shared(Rc::new(loaded))),
        Err(failure) => FeedLoad::Failed(Rc::new(failure)),
    }
}
