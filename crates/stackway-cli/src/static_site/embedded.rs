//! The site compiled into the binary by `cargo xtask dist` (feature `embedded-site`, see the
//! crate's build.rs): the widget, its loader, the demo, the iframe page, the embed builder and
//! the sample feed, so that the release serves them from an empty folder. Without the feature
//! [`BUILT_IN`] is empty.
//!
//! Files are answered as `ServeDir` answers files on disk: the content type by extension, the
//! `.br` or `.gz` sibling the build wrote when the browser accepts it, and a strong ETag from
//! the content with `If-None-Match` answered 304. The site's headers (CSP, CORS, cache policy)
//! are added around it by the router, as for files on disk.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{
    ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

/// One built-in file.
pub struct EmbeddedFile {
    /// Its path in the site, with `/` and no leading one (`pkg/stackway_bg.wasm`).
    pub path: &'static str,
    pub bytes: &'static [u8],
    /// A quoted strong validator computed from the bytes at build time.
    pub etag: &'static str,
}

/// The files compiled in, sorted by path.
pub static BUILT_IN: &[EmbeddedFile] = include!(concat!(env!("OUT_DIR"), "/embedded_site.rs"));

/// The file at `path` (sorted `files`), if any.
fn find<'a>(files: &'a [EmbeddedFile], path: &str) -> Option<&'a EmbeddedFile> {
    files
        .binary_search_by(|file| file.path.cmp(path))
        .ok()
        .map(|i| &files[i])
}

/// Answers `request` from `files`, or 404 (405 for methods other than GET and HEAD).
pub async fn serve(files: &'static [EmbeddedFile], request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let mut path = request.uri().path().trim_start_matches('/').to_owned();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    // Built-in paths are plain ASCII; a percent-encoded or climbing path names none of them.
    let Some(file) = (!path.contains(['%', '\\']) && !path.split('/').any(|s| s == ".."))
        .then(|| find(files, &path))
        .flatten()
    else {
        return super::not_found().await;
    };
    let accepted = request
        .headers()
        .get(ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (body, encoding) = [("br", "br"), ("gz", "gzip")]
        .into_iter()
        .filter(|(_, token)| accepts(accepted, token))
        .find_map(|(extension, token)| {
            find(files, &format!("{path}.{extension}")).map(|sibling| (sibling, Some(token)))
        })
        .unwrap_or((file, None));
    let etag = match encoding {
        // Each encoding is another representation, with its own validator.
        Some(token) => format!("{}-{token}\"", file.etag.trim_end_matches('"')),
        None => file.etag.to_owned(),
    };
    let mut response = if request
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|wanted| {
            wanted
                .split(',')
                .any(|t| t.trim() == etag || t.trim() == "*")
        }) {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        response
    } else {
        let mut response = if request.method() == Method::HEAD {
            Response::new(Body::empty())
        } else {
            Response::new(Body::from(body.bytes))
        };
        let headers = response.headers_mut();
        headers.insert(CONTENT_LENGTH, HeaderValue::from(body.bytes.len()));
        let mime = mime_guess::from_path(file.path).first_or_octet_stream();
        if let Ok(value) = HeaderValue::from_str(mime.as_ref()) {
            headers.insert(CONTENT_TYPE, value);
        }
        if let Some(token) = encoding {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static(token));
        }
        response
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(ETAG, value);
    }
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Whether an `Accept-Encoding` value accepts `token` (names it without `q=0`).
fn accepts(accepted: &str, token: &str) -> bool {
    accepted.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let coding = parts.next().unwrap_or("");
        let refused = parts.any(|parameter| {
            parameter
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        coding.eq_ignore_ascii_case(token) && !refused
    })
}
