//! The static site behind `stackway serve`: the demo page, the widget's files (`pkg/`, `www/`) and
//! the feeds, with correct content types, gzip and brotli, cache validators and a strict
//! Content-Security-Policy on HTML.
//!
//! [`router`] is a plain axum `Router` with only a fallback service, so another router (the LTI
//! tool) can `merge` it and keep its own routes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    ACCEPT_ENCODING, ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_LENGTH,
    CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH, LAST_MODIFIED, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::HeaderName;
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

/// The policy of the pages whose job is to show a feed from anywhere: the iframe page
/// (`www/embed.html?feed=URL`, what LMS pages embed), the embed builder (which checks the feed a
/// designer types) and the demo (`/?feed=URL`, which its first lines offer to try). They may read
/// feeds from any https origin, and over plain http from this machine (a feed being written);
/// everything else is as strict as [`CSP`].
pub const FEED_PAGE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                                 style-src 'self'; img-src 'self' https: data:; \
                                 connect-src 'self' https: http://localhost:* http://127.0.0.1:*";

/// The pages served with [`FEED_PAGE_CSP`]: `/` is the demo, as `/index.html` is.
const FEED_PAGES: [&str; 4] = ["/", "/index.html", "/www/embed.html", "/www/builder.html"];

/// For files whose name carries a content hash: they never change, so caches keep them a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For everything else: caches must revalidate (with the ETag or Last-Modified) before reuse, so
/// a rebuilt widget or an edited feed shows up at once.
const REVALIDATE: &str = "no-cache";

/// The static site rooted at `root`: `/` serves `root/index.html`. A path with no file under
/// `root` is answered from the files built into the binary ([`embedded::BUILT_IN`], only in the
/// release), so that a folder of feeds beside the release still has the widget.
///
/// A file with a fresh `.br` or `.gz` sibling (written at maximum compression by
/// `cargo xtask build`) is sent as that sibling to browsers that accept it; everything else is
/// compressed on the fly.
pub fn router(root: PathBuf) -> Router {
    site(Some(root), embedded::BUILT_IN)
}

/// Only the files built into the binary, no folder: what the release serves without `--dir`.
/// `None` when this binary has none (it was not built by `cargo xtask dist`).
pub fn built_in() -> Option<Router> {
    (!embedded::BUILT_IN.is_empty()).then(|| site(None, embedded::BUILT_IN))
}

/// The files of `root` (when given), then `files`, with the site's headers and compression.
fn site(root: Option<PathBuf>, files: &'static [EmbeddedFile]) -> Router {
    let built_in = axum::routing::any(move |request: Request| embedded::serve(files, request));
    // Layers run outside-in in the reverse order they are added: compression sees the final
    // response (and leaves precompressed ones alone), `site_headers` sees the length it derives
    // the ETag from, and `skip_stale_precompressed` runs just before the files are looked up.
    let router = match root {
        Some(root) => {
            let on_disk = ServeDir::new(&root)
                .append_index_html_on_directories(true)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(built_in);
            Router::new()
                .fallback_service(on_disk)
                .layer(middleware::from_fn_with_state(
                    Arc::new(root),
                    skip_stale_precompressed,
                ))
        }
        None => Router::new().fallback_service(built_in),
    };
    router
        .layer(middleware::from_fn(site_headers))
        .layer(CompressionLayer::new().gzip(true).br(true))
}

/// The precompressed siblings `ServeDir` looks for, with the `Accept-Encoding` token of each.
const PRECOMPRESSED: [(&str, &str); 2] = [("br", "br"), ("gz", "gzip")];

/// `ServeDir` serves a `.br` or `.gz` sibling whenever one exists. One older than its file was
/// left by an earlier build (say the widget was rebuilt with plain `wasm-pack`) and would send
/// the old contents, so for such a file the encoding is taken out of this request's
/// `Accept-Encoding` and `ServeDir` serves the file itself (compressed on the fly by the outer
/// layer, which still sees the browser's original header).
async fn skip_stale_precompressed(
    State(root): State<Arc<PathBuf>>,
    mut request: Request,
    next: Next,
) -> Response {
    let stale: Vec<&str> = stale_encodings(&root, request.uri().path());
    if !stale.is_empty() {
        let kept = request
            .headers()
            .get(ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .map(|accepted| without_codings(accepted, &stale));
        if let Some(kept) = kept.and_then(|k| HeaderValue::from_str(&k).ok()) {
            request.headers_mut().insert(ACCEPT_ENCODING, kept);
        }
    }
    next.run(request).await
}

/// The `Accept-Encoding` tokens whose precompressed sibling of `path` must not be served.
fn stale_encodings(root: &Path, path: &str) -> Vec<&'static str> {
    // Percent-encoded paths are rare for these files; rather than decode them the way ServeDir
    // does, never serve a precompressed sibling for them.
    if path.contains('%') {
        return PRECOMPRESSED.iter().map(|(_, token)| *token).collect();
    }
    let mut file = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file.push("index.html");
    }
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(file_modified) = modified(&file) else {
        return Vec::new();
    };
    PRECOMPRESSED
        .iter()
        .filter(|(extension, _)| {
            let mut sibling = file.clone().into_os_string();
            sibling.push(".");
            sibling.push(extension);
            modified(Path::new(&sibling)).is_some_and(|m| m < file_modified)
        })
        .map(|(_, token)| *token)
        .collect()
}

/// `accepted` (an `Accept-Encoding` value) without the codings in `remove`.
fn without_codings(accepted: &str, remove: &[&str]) -> String {
    accepted
        .split(',')
        .map(str::trim)
        .filter(|item| {
            let coding = item.split(';').next().unwrap_or("").trim();
            !remove.iter().any(|r| coding.eq_ignore_ascii_case(r))
        })
        .collect::<Vec<_>>()
        .join(", ")
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
/// `If-None-Match` with 304), and the Content-Security-Policy on HTML or CORS on everything else.
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
        let policy = if FEED_PAGES.contains(&path.as_str()) {
            FEED_PAGE_CSP
        } else {
            CSP
        };
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    } else {
        // The widget is embedded in LMS pages on other origins: their module script, the
        // WebAssembly it fetches and the feeds are cross-origin requests. These files are
        // public and sent without credentials, so any origin may read them.
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        headers.insert(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        );
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

mod embedded;
pub use embedded::EmbeddedFile;

#[cfg(test)]
mod tests;
