//! The static site behind `stackway serve`: the demo page, the widget's files (`pkg/`, `www/`) and
//! the feeds, with correct content types, gzip and brotli, cache validators and a strict
//! Content-Security-Policy on HTML.
//!
//! [`router`] is a plain axum `Router` with only a fallback service, so another router (the LTI
//! tool) can `merge` it and keep its own routes.

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    LAST_MODIFIED, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// The policy sent with every HTML page. The widget needs `'wasm-unsafe-eval'` to compile its
/// WebAssembly; nothing else may run inline code, load foreign scripts or styles, or connect to
/// another origin.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                       style-src 'self'; img-src 'self' https: data:; connect-src 'self'";

/// For files whose name carries a content hash: they never change, so caches keep them a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For everything else: caches must revalidate (with the ETag or Last-Modified) before reuse, so
/// a rebuilt widget or an edited feed shows up at once.
const REVALIDATE: &str = "no-cache";

/// The static site rooted at `root`: `/` serves `root/index.html`.
pub fn router(root: PathBuf) -> Router {
    let files = ServeDir::new(root)
        .append_index_html_on_directories(true)
        .not_found_service(axum::routing::any(not_found));
    // Layers run outside-in in the reverse order they are added: compression sees the final
    // response, and `site_headers` sees the uncompressed length it derives the ETag from.
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(site_headers))
        .layer(CompressionLayer::new().gzip(true).br(true))
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Not found\n",
    )
        .into_response()
}

/// Refuses hidden paths, then adds content-type fixes, cache headers, an ETag (answering
/// `If-None-Match` with 304) and, on HTML, the Content-Security-Policy.
async fn site_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    // Serving the repository root must not expose `.git`, `.env` files and the like.
    if is_hidden(&path) {
        return not_found().await;
    }
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();

    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if let Some(content_type) = content_type_override(&path) {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    if is_html(headers) {
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    }
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let cache = if is_fingerprinted(&path) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    if status == StatusCode::OK {
        if let Some(etag) = etag(headers) {
            if if_none_match.is_some_and(|wanted| matches_etag(&wanted, &etag)) {
                return not_modified(response.headers(), etag);
            }
            response.headers_mut().insert(ETAG, etag);
        }
    }
    response
}

fn not_modified(original: &HeaderMap, etag: HeaderValue) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    for name in [CACHE_CONTROL, LAST_MODIFIED, CONTENT_SECURITY_POLICY] {
        if let Some(value) = original.get(&name) {
            headers.insert(name, value.clone());
        }
    }
    headers.insert(ETAG, etag);
    response
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Whether any segment of the (still percent-encoded) path starts with a dot.
fn is_hidden(path: &str) -> bool {
    path.split('/').any(|segment| {
        let segment = segment.to_ascii_lowercase();
        segment.starts_with('.') || segment.starts_with("%2e")
    })
}

/// Content types the generic table gets wrong or leaves out for our files.
fn content_type_override(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.').map(|(_, ext)| ext)?;
    match extension {
        // Fluent message files, which the widget fetches as text.
        "ftl" => Some("text/plain; charset=utf-8"),
        "wasm" => Some("application/wasm"),
        "webmanifest" => Some("application/manifest+json"),
        _ => None,
    }
}

/// Whether the file name carries a content hash, as in `widget-3f9a0c1d2e.js` or
/// `widget.3f9a0c1d2e.css`: one dot- or dash-separated part of at least 8 hex digits, digits
/// included (so plain words like `deadbeef` alone do not count).
fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    stem.split(['.', '-', '_']).skip(1).any(|part| {
        part.len() >= 8
            && part.bytes().all(|b| b.is_ascii_hexdigit())
            && part.bytes().any(|b| b.is_ascii_digit())
    })
}

/// A weak validator from the file's length and modification time, both set by `ServeDir`.
fn etag(headers: &HeaderMap) -> Option<HeaderValue> {
    let length = headers.get(CONTENT_LENGTH)?.to_str().ok()?;
    let modified = headers.get(LAST_MODIFIED)?.to_str().ok()?;
    // FNV-1a: stable across runs and builds, unlike the standard library's hasher.
    let hash = modified.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    HeaderValue::from_str(&format!("W/\"{length}-{hash:016x}\"")).ok()
}

/// `If-None-Match` is a comma-separated list of tags, or `*`; weak comparison applies.
fn matches_etag(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(list) = if_none_match.to_str() else {
        return false;
    };
    let ours = etag.to_str().unwrap_or("").trim_start_matches("W/");
    list.split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == ours)
}

#[cfg(test)]
mod tests;
