//! Where the feed comes from and goes to: the `stackway studio` server, or the browser alone.
//!
//! With the server, the page was opened from the link it printed, whose fragment carries the
//! run's token (`#token=…`); the token is kept for the tab in `sessionStorage` and taken out
//! of the address bar. Without a token the studio works from any static host: files are
//! opened from the computer, saved by downloading, and a draft is kept in `localStorage`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The header that carries the token (as the server names it).
const TOKEN_HEADER: &str = "X-Stackway-Token";
const TOKEN_KEY: &str = "stackway-studio-token";
const DRAFT_KEY: &str = "stackway-studio-draft";
/// The server's API, relative to the studio's page (`/pkg/studio/`).
const API_FEED: &str = "/api/feed";

/// The run's token: from the URL's fragment (then removed from the address bar), or from this
/// tab's earlier visit.
pub fn token() -> Option<String> {
    let window = web_sys::window()?;
    let session = window.session_storage().ok().flatten();
    let hash = window.location().hash().unwrap_or_default();
    if let Some(token) = hash.strip_prefix("#token=").filter(|t| !t.is_empty()) {
        if let Some(storage) = &session {
            let _ = storage.set_item(TOKEN_KEY, token);
        }
        if let Ok(history) = window.history() {
            let path = window.location().pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
        return Some(token.to_owned());
    }
    session.and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
}

/// Whether this page was reached through a `stackway studio` server's front door (`/`
/// redirects to the page with `?server`), rather than from a static host.
pub fn served_by_studio() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|query| {
            query
                .trim_start_matches('?')
                .split('&')
                .any(|p| p == "server")
        })
}

/// The file the server was started on.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerFile {
    pub file: String,
    pub path: String,
    /// `None` when the file does not exist yet.
    pub text: Option<String>,
    pub version: String,
}

/// Why the server could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerError {
    /// The server refused the token (an old link, another run).
    Refused(String),
    /// No server answers (a static host) or the request failed.
    Unreachable(String),
}

async fn fetch(
    method: &str,
    token: &str,
    body: Option<(&str, &str)>,
) -> Result<(u16, String), String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(|e| format!("{e:?}"))?;
    headers
        .set(TOKEN_HEADER, token)
        .map_err(|e| format!("{e:?}"))?;
    if let Some((version, text)) = body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|e| format!("{e:?}"))?;
        headers
            .set("If-Match", version)
            .map_err(|e| format!("{e:?}"))?;
        init.set_body(&JsValue::from_str(text));
    }
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(API_FEED, &init).map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}

fn field(json: &serde_json::Value, key: &str) -> String {
    json.get(key)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

thread_local! {
    /// The feed's response the page's boot script started fetching before the WebAssembly was
    /// ready (a large feed takes as long to arrive as the studio takes to start).
    static PREFETCHED: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the boot script's fetch of the feed for [`load`].
pub fn prefetched(response: Option<js_sys::Promise>) {
    PREFETCHED.with(|p| *p.borrow_mut() = response);
}

/// The response to `GET /api/feed`: the prefetched one, or a new request.
async fn feed_response(token: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = match PREFETCHED.with(|p| p.borrow_mut().take()) {
        Some(promise) => promise,
        None => {
            let init = web_sys::RequestInit::new();
            let headers = web_sys::Headers::new().map_err(|e| format!("{e:?}"))?;
            headers
                .set(TOKEN_HEADER, token)
                .map_err(|e| format!("{e:?}"))?;
            init.set_headers(&headers);
            window.fetch_with_str_and_init(API_FEED, &init)
        }
    };
    JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a response".to_owned())
}

fn header(response: &web_sys::Response, name: &str) -> String {
    let value = response
        .headers()
        .get(name)
        .ok()
        .flatten()
        .unwrap_or_default();
    js_sys::decode_uri_component(&value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or(value)
}

/// Reads the file the server was started on (`Ok(None)`: it was started without one). The body
/// is the file itself; headers say its name, path, version and whether it exists.
pub async fn load(token: &str) -> Result<Option<ServerFile>, ServerError> {
    let response = feed_response(token)
        .await
        .map_err(ServerError::Unreachable)?;
    let status = response.status();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if status != 200 {
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let message = field(&json, "message");
        return Err(match status {
            401 | 403 | 421 => ServerError::Refused(message),
            _ if !message.is_empty() => ServerError::Unreachable(message),
            _ => ServerError::Unreachable(format!("HTTP {status}")),
        });
    }
    let state = header(&response, "X-Stackway-File-State");
    if state == "none" {
        return Ok(None);
    }
    Ok(Some(ServerFile {
        file: header(&response, "X-Stackway-File-Name"),
        path: header(&response, "X-Stackway-File-Path"),
        text: (state == "exists").then_some(text),
        version: header(&response, "X-Stackway-Version"),
    }))
}

/// What a save came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written; the file's new version.
    Done {
        version: String,
    },
    /// The file changed on disk since it was loaded; its version there.
    ChangedOnDisk {
        version: String,
    },
    Failed(String),
}

/// Saves `text` over the file, provided it is still at `version` on disk.
pub async fn save(token: &str, version: &str, text: &str) -> Saved {
    match fetch("PUT", token, Some((version, text))).await {
        Err(message) => Saved::Failed(message),
        Ok((status, body)) => {
            let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            match status {
                200 => Saved::Done {
                    version: field(&json, "version"),
                },
                409 if field(&json, "error") == "changed-on-disk" => Saved::ChangedOnDisk {
                    version: field(&json, "version"),
                },
                _ => Saved::Failed(field(&json, "message")),
            }
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A draft kept in the browser: the file name it belongs to, when, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub file: String,
    pub saved_at: f64,
    pub text: String,
}

/// Keeps a draft (storage may be full or denied: then there is simply no draft).
pub fn keep_draft(file: &str, text: &str) {
    if let Some(storage) = local_storage() {
        let draft =
            serde_json::json!({ "file": file, "saved_at": js_sys::Date::now(), "text": text });
        let _ = storage.set_item(DRAFT_KEY, &draft.to_string());
    }
}

/// The draft kept in this browser, if any.
pub fn draft() -> Option<Draft> {
    let text = local_storage()?.get_item(DRAFT_KEY).ok()??;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some(Draft {
        file: field(&json, "file"),
        saved_at: json.get("saved_at")?.as_f64()?,
        text: field(&json, "text"),
    })
}

pub fn forget_draft() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

/// Offers `text` as a download named `file`.
pub fn download(file: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
