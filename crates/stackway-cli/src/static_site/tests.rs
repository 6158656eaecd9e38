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
async fn the_root_serves_the_demo_page_with_the_feed_pages_csp() {
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
             img-src 'self' https: data:; connect-src 'self' https: http://localhost:* http://127.0.0.1:*"
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
async fn widget_files_may_be_loaded_by_lms_pages_on_other_origins() {
    let site = Site::new();
    for uri in [
        "/pkg/stackway.js",
        "/pkg/stackway_bg.wasm",
        "/www/feeds/sample.json",
    ] {
        let response = get(
            &site,
            uri,
            &[(header::ORIGIN, "https://moodle.example.org")],
        )
        .await;
        assert_eq!(
            header_str(&response, header::ACCESS_CONTROL_ALLOW_ORIGIN),
            Some("*"),
            "{uri}"
        );
    }
    let page = get(&site, "/", &[]).await;
    assert_eq!(header_str(&page, header::ACCESS_CONTROL_ALLOW_ORIGIN), None);
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

/// Writes `contents` as a precompressed sibling and makes the original older or newer than it.
fn write_sibling(
    site: &Site,
    file: &str,
    extension: &str,
    contents: &[u8],
    original_is_newer: bool,
) {
    let original = site.path().join(file);
    let sibling = site.path().join(format!("{file}.{extension}"));
    std::fs::write(&sibling, contents).unwrap();
    let sibling_time = std::fs::metadata(&sibling).unwrap().modified().unwrap();
    let original_time = if original_is_newer {
        sibling_time + std::time::Duration::from_secs(60)
    } else {
        sibling_time - std::time::Duration::from_secs(60)
    };
    std::fs::File::options()
        .write(true)
        .open(&original)
        .unwrap()
        .set_modified(original_time)
        .unwrap();
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        std::io::Write::write_all(&mut writer, bytes).unwrap();
    }
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut decoded = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut decoded)
        .unwrap();
    decoded
}

#[tokio::test]
async fn a_fresh_precompressed_file_is_sent_as_is() {
    let site = Site::new();
    let best = brotli(WASM);
    write_sibling(&site, "pkg/stackway_bg.wasm", "br", &best, false);
    let response = get(
        &site,
        "/pkg/stackway_bg.wasm",
        &[(header::ACCEPT_ENCODING, "gzip, br")],
    )
    .await;
    assert_eq!(header_str(&response, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(
        header_str(&response, header::CONTENT_TYPE),
        Some("application/wasm")
    );
    assert_eq!(body_bytes(response).await, best);
}

#[tokio::test]
async fn a_stale_precompressed_file_is_never_sent() {
    let site = Site::new();
    // An old build's output, left next to a newer file.
    write_sibling(
        &site,
        "pkg/stackway_bg.wasm",
        "br",
        &brotli(b"old widget"),
        true,
    );
    let response = get(
        &site,
        "/pkg/stackway_bg.wasm",
        &[(header::ACCEPT_ENCODING, "gzip, br")],
    )
    .await;
    assert_eq!(header_str(&response, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(unbrotli(&body_bytes(response).await), WASM);
}

#[test]
fn codings_are_removed_from_accept_encoding_with_their_weights() {
    assert_eq!(
        without_codings("gzip, deflate, br", &["br"]),
        "gzip, deflate"
    );
    assert_eq!(without_codings("br;q=1.0, gzip;q=0.8", &["br", "gzip"]), "");
    assert_eq!(without_codings("BR, identity", &["br"]), "identity");
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

/// Files as `cargo xtask dist` compiles them in: sorted by path, a `.br` sibling for the
/// WebAssembly.
fn built_in_files() -> &'static [EmbeddedFile] {
    let leak = |bytes: Vec<u8>| -> &'static [u8] { Box::leak(bytes.into_boxed_slice()) };
    let files = vec![
        EmbeddedFile {
            path: "index.html",
            bytes: b"<!doctype html><title>Demo</title><p>built-in demo page",
            etag: "\"00000000000000a1\"",
        },
        EmbeddedFile {
            path: "pkg/stackway_bg.wasm",
            bytes: WASM,
            etag: "\"00000000000000b2\"",
        },
        EmbeddedFile {
            path: "pkg/stackway_bg.wasm.br",
            bytes: leak(brotli(WASM)),
            etag: "\"00000000000000c3\"",
        },
        EmbeddedFile {
            path: "pkg/widget/stackway.3f9a0c1d2e.js",
            bytes: b"// the hashed loader",
            etag: "\"00000000000000d4\"",
        },
        EmbeddedFile {
            path: "www/builder.html",
            bytes: b"<!doctype html><title>Builder</title>",
            etag: "\"00000000000000e5\"",
        },
    ];
    Box::leak(files.into_boxed_slice())
}

async fn get_from(
    app: Router,
    method: &str,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> Response {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    app.oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn built_in_files_are_served_with_the_site_headers_and_no_folder() {
    let app = || site(None, built_in_files());
    let page = get_from(app(), "GET", "/", &[]).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(header_str(&page, header::CONTENT_TYPE)
        .unwrap()
        .starts_with("text/html"));
    assert!(header_str(&page, header::CONTENT_SECURITY_POLICY).is_some());
    assert!(String::from_utf8(body_bytes(page).await)
        .unwrap()
        .contains("built-in demo page"));

    let wasm = get_from(
        app(),
        "GET",
        "/pkg/stackway_bg.wasm",
        &[(header::ACCEPT_ENCODING, "gzip, br")],
    )
    .await;
    assert_eq!(
        header_str(&wasm, header::CONTENT_TYPE),
        Some("application/wasm")
    );
    assert_eq!(header_str(&wasm, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(
        header_str(&wasm, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        Some("*")
    );
    assert_eq!(header_str(&wasm, header::CACHE_CONTROL), Some("no-cache"));
    let etag = header_str(&wasm, header::ETAG).unwrap().to_owned();
    assert_eq!(etag, "\"00000000000000b2-br\"");
    assert_eq!(unbrotli(&body_bytes(wasm).await), WASM);

    let refused = get_from(
        app(),
        "GET",
        "/pkg/stackway_bg.wasm",
        &[(header::ACCEPT_ENCODING, "br;q=0")],
    )
    .await;
    assert_eq!(header_str(&refused, header::CONTENT_ENCODING), None);
    assert_eq!(
        header_str(&refused, header::ETAG),
        Some("\"00000000000000b2\"")
    );
    assert_eq!(body_bytes(refused).await, WASM);

    let again = get_from(
        app(),
        "GET",
        "/pkg/stackway_bg.wasm",
        &[
            (header::ACCEPT_ENCODING, "br"),
            (header::IF_NONE_MATCH, &etag),
        ],
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(body_bytes(again).await.is_empty());

    let hashed = get_from(app(), "GET", "/pkg/widget/stackway.3f9a0c1d2e.js", &[]).await;
    assert_eq!(
        header_str(&hashed, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
    assert!(header_str(&hashed, header::CONTENT_TYPE)
        .unwrap()
        .starts_with("text/javascript"));

    let head = get_from(app(), "HEAD", "/www/builder.html", &[]).await;
    assert_eq!(head.status(), StatusCode::OK);
    assert!(body_bytes(head).await.is_empty());
    for uri in [
        "/missing.html",
        "/www/../index.html",
        "/%69ndex.html",
        "/.git/config",
    ] {
        let response = get_from(app(), "GET", uri, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    let post = get_from(app(), "POST", "/index.html", &[]).await;
    assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn a_file_in_the_folder_wins_over_the_built_in_one_and_the_rest_comes_from_the_binary() {
    let folder = Site::new();
    let app = || site(Some(folder.path().to_owned()), built_in_files());
    let page = get_from(app(), "GET", "/", &[]).await;
    assert!(String::from_utf8(body_bytes(page).await)
        .unwrap()
        .contains("Stackway demo page"));
    let builder = get_from(app(), "GET", "/www/builder.html", &[]).await;
    assert_eq!(builder.status(), StatusCode::OK);
    assert!(String::from_utf8(body_bytes(builder).await)
        .unwrap()
        .contains("Builder"));
    let feed = get_from(app(), "GET", "/www/feeds/sample.json", &[]).await;
    assert_eq!(body_bytes(feed).await, FEED.as_bytes());
}

#[test]
fn a_binary_built_without_the_site_has_none() {
    // Normal builds compile nothing in (the release's test unpacks and serves the real one).
    assert_eq!(built_in().is_some(), !embedded::BUILT_IN.is_empty());
    assert!(cfg!(feature = "embedded-site") || embedded::BUILT_IN.is_empty());
}

#[tokio::test]
async fn the_feed_pages_may_read_feeds_from_other_origins_and_other_pages_may_not() {
    let app = || site(None, built_in_files());
    // Regression: the demo offers `?feed=URL` but had `connect-src 'self'`, so a feed from
    // another origin was blocked in the browser.
    for (uri, policy) in [
        ("/www/builder.html", FEED_PAGE_CSP),
        ("/index.html", FEED_PAGE_CSP),
        ("/", FEED_PAGE_CSP),
    ] {
        let page = get_from(app(), "GET", uri, &[]).await;
        assert_eq!(
            header_str(&page, header::CONTENT_SECURITY_POLICY),
            Some(policy),
            "{uri}"
        );
    }
    assert!(
        FEED_PAGE_CSP.contains("connect-src 'self' https: http://localhost:* http://127.0.0.1:*")
    );
    // Any other page keeps `connect-src 'self'`.
    let folder = Site::new();
    std::fs::write(folder.path().join("www/other.html"), "<!doctype html><p>x").unwrap();
    let other = get(&folder, "/www/other.html", &[]).await;
    assert_eq!(
        header_str(&other, header::CONTENT_SECURITY_POLICY),
        Some(CSP)
    );
    assert!(CSP.ends_with("connect-src 'self'"));
    // Apart from where feeds may come from, the feed pages are as strict as every other page.
    let strip = |policy: &str| {
        policy
            .split("; ")
            .filter(|d| !d.starts_with("connect-src"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    assert_eq!(strip(FEED_PAGE_CSP), strip(CSP));
}
