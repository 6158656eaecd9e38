//! The static site, exercised with `oneshot` requests (no sockets).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use http_body_util::BodyExt;
use tower::ServiceExt;

use super::*;

const WASM: &[u8] =
    b"\0asm\x01\0\0\0 a stand-in for the widget's WebAssembly, long enough to compress";
const FEED: &str = r#"{"stackway": 1, "id": "demo", "credentials": [], "padding": "make it worth compressing, make it worth compressing"}"#;

/// A throwaway site folder laid out like the repository root.
struct Site(PathBuf);

impl Site {
    fn new() -> Site {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "stackway-static-site-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let files: &[(&str, &[u8])] = &[
            (
                "index.html",
                b"<!doctype html><title>Demo</title><p>Stackway demo page</p>",
            ),
            ("pkg/stackway_bg.wasm", WASM),
            (
                "pkg/stackway.js",
                b"export default function init() { return 42; }",
            ),
            ("www/stackway.css", b".stackway { font: inherit; }"),
            ("www/feeds/sample.json", FEED.as_bytes()),
            ("www/locales/en/main.ftl", b"title = Stackway"),
            ("www/stackway-3f9a0c1d2e.js", b"// fingerprinted"),
            (".git/config", b"[core] secret"),
        ];
        for (path, contents) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
        Site(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn get(site: &Site, uri: &str, headers: &[(header::HeaderName, &str)]) -> Response {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    router(site.path().to_owned())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

async fn body_bytes(response: Response) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec()
}

fn header_str(response: &Response, name: header::HeaderName) -> Option<&str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn the_root_serves_the_demo_page_with_the_strict_csp() {
    let site = Site::new();
    let response = get(&site, "/", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header_str(&response, header::CONTENT_TYPE)
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(
        header_str(&response, header::CONTENT_SECURITY_POLICY),
        Some(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' https: data:; connect-src 'self'"
        )
    );
    assert_eq!(
        header_str(&response, header::CACHE_CONTROL),
        Some("no-cache")
    );
    assert_eq!(
        header_str(&response, header::X_CONTENT_TYPE_OPTIONS),
        Some("nosniff")
    );
    assert!(String::from_utf8(body_bytes(response).await)
        .unwrap()
        .contains("Stackway demo page"));
}

#[tokio::test]
async fn content_types_fit_each_kind_of_file() {
    let site = Site::new();
    for (uri, expected) in [
        ("/pkg/stackway_bg.wasm", "application/wasm"),
        ("/pkg/stackway.js", "text/javascript"),
        ("/www/stackway.css", "text/css"),
        ("/www/feeds/sample.json", "application/json"),
        ("/www/locales/en/main.ftl", "text/plain; charset=utf-8"),
    ] {
        let response = get(&site, uri, &[]).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        let content_type = header_str(&response, header::CONTENT_TYPE).unwrap();
        assert!(
            content_type.starts_with(expected),
            "{uri}: {content_type}, expected {expected}"
        );
        assert_eq!(
            header_str(&response, header::CONTENT_SECURITY_POLICY),
            None,
            "{uri}: the policy belongs on pages only"
        );
    }
}

#[tokio::test]
async fn gzip_is_used_when_asked_for_and_decodes_to_the_file() {
    let site = Site::new();
    let response = get(
        &site,
        "/pkg/stackway_bg.wasm",
        &[(header::ACCEPT_ENCODING, "gzip")],
    )
    .await;
    assert_eq!(
        header_str(&response, header::CONTENT_ENCODING),
        Some("gzip")
    );
    assert_eq!(
        header_str(&response, header::CONTENT_TYPE),
        Some("application/wasm")
    );
    let compressed = body_bytes(response).await;
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, WASM);
}

#[tokio::test]
async fn brotli_is_preferred_when_the_browser_accepts_it() {
    let site = Site::new();
    let response = get(
        &site,
        "/www/feeds/sample.json",
        &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
    )
    .await;
    assert_eq!(header_str(&response, header::CONTENT_ENCODING), Some("br"));
    let compressed = body_bytes(response).await;
    let mut decoded = Vec::new();
    brotli::Decompressor::new(&compressed[..], 4096)
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, FEED.as_bytes());
}

#[tokio::test]
async fn without_accept_encoding_the_file_is_sent_as_is() {
    let site = Site::new();
    let response = get(&site, "/pkg/stackway_bg.wasm", &[]).await;
    assert_eq!(header_str(&response, header::CONTENT_ENCODING), None);
    assert_eq!(body_bytes(response).await, WASM);
}

#[tokio::test]
async fn a_matching_etag_gets_304_and_a_stale_one_gets_the_file() {
    let site = Site::new();
    let first = get(&site, "/www/feeds/sample.json", &[]).await;
    let etag = header_str(&first, header::ETAG).unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");

    let revalidated = get(
        &site,
        "/www/feeds/sample.json",
        &[(header::IF_NONE_MATCH, &etag)],
    )
    .await;
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header_str(&revalidated, header::ETAG), Some(etag.as_str()));
    assert!(body_bytes(revalidated).await.is_empty());

    let stale = get(
        &site,
        "/www/feeds/sample.json",
        &[(header::IF_NONE_MATCH, "W/\"1-0000000000000000\"")],
    )
    .await;
    assert_eq!(stale.status(), StatusCode::OK);
    assert_eq!(body_bytes(stale).await, FEED.as_bytes());
}

#[tokio::test]
async fn fingerprinted_files_are_cached_for_a_year() {
    let site = Site::new();
    let response = get(&site, "/www/stackway-3f9a0c1d2e.js", &[]).await;
    assert_eq!(
        header_str(&response, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
    let plain = get(&site, "/pkg/stackway.js", &[]).await;
    assert_eq!(header_str(&plain, header::CACHE_CONTROL), Some("no-cache"));
}

#[tokio::test]
async fn hidden_files_and_escapes_from_the_root_are_not_served() {
    let site = Site::new();
    for uri in [
        "/.git/config",
        "/%2egit/config",
        "/www/../.git/config",
        "/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let response = get(&site, uri, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{uri}");
        let body = String::from_utf8(body_bytes(response).await).unwrap();
        assert!(!body.contains("secret"), "{uri}: {body}");
    }
}

#[tokio::test]
async fn a_missing_file_is_a_plain_404() {
    let site = Site::new();
    let response = get(&site, "/www/feeds/missing.json", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(body_bytes(response).await, b"Not found\n");
}

#[test]
fn fingerprints_need_a_long_hex_part_with_a_digit() {
    assert!(is_fingerprinted("/a/app-3f9a0c1d.js"));
    assert!(is_fingerprinted("/app.3f9a0c1d2e.css"));
    assert!(!is_fingerprinted("/pkg/stackway_bg.wasm"));
    assert!(!is_fingerprinted("/app-deadbeef.js"));
    assert!(!is_fingerprinted("/3f9a0c1d2e.js"));
    assert!(!is_fingerprinted("/"));
}

#[test]
fn if_none_match_lists_and_wildcards_match() {
    let ours = HeaderValue::from_static("W/\"10-abc\"");
    let matches = |list: &'static str| matches_etag(&HeaderValue::from_static(list), &ours);
    assert!(matches("W/\"10-abc\""));
    assert!(matches("\"10-abc\""));
    assert!(matches("\"x\", W/\"10-abc\""));
    assert!(matches("*"));
    assert!(!matches("W/\"11-abc\""));
}
