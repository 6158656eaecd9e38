//! The studio's server, exercised with `oneshot` requests (no sockets): the token, `Host` and
//! `Origin` guards, the one-file API, saves with a backup, and the changed-on-disk refusal.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use http_body_util::BodyExt;
use tower::ServiceExt;

use super::*;

const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const HOST: &str = "127.0.0.1:4321";
const FEED: &str = "{\n  \"stackway\": 1\n}\n";

/// A throwaway folder with built assets and a feed file.
struct Workspace(PathBuf);

impl Workspace {
    fn new() -> Workspace {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "stackway-studio-server-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        for (path, contents) in [
            (
                STUDIO_INDEX,
                "<!doctype html><title>Stackway Studio</title>",
            ),
            ("pkg/stackway.js", "export default 1;"),
            ("www/stackway.js", "export default 2;"),
            ("index.html", "<!doctype html><title>Demo</title>"),
            ("Cargo.toml", "[package]"),
            ("feeds/feed.json", FEED),
        ] {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
        Workspace(dir)
    }

    fn feed(&self) -> PathBuf {
        self.0.join("feeds/feed.json")
    }

    fn router_for(&self, feed: Option<PathBuf>) -> Router {
        router(StudioState::new(
            feed,
            self.0.clone(),
            TOKEN.to_owned(),
            HOST.parse().unwrap(),
        ))
    }

    fn router(&self) -> Router {
        self.router_for(Some(self.feed()))
    }

    fn read(&self, path: &Path) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::HOST, HOST)
}

fn put(text: &str, version: &str) -> Request<Body> {
    Request::put("/api/feed")
        .header(header::HOST, HOST)
        .header(TOKEN_HEADER, TOKEN)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::IF_MATCH, version)
        .body(Body::from(text.to_owned()))
        .unwrap()
}

async fn send(router: Router, request: Request<Body>) -> Response {
    router.oneshot(request).await.unwrap()
}

async fn json_of(response: Response) -> serde_json::Value {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes).unwrap()
}

/// What `GET /api/feed` says, as `{state, version, file, path, text}`.
async fn read_api(router: Router) -> serde_json::Value {
    let response = send(
        router,
        get("/api/feed")
            .header(TOKEN_HEADER, TOKEN)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (state, version, file, path) = (
        header(FILE_STATE_HEADER),
        header(VERSION_HEADER),
        header(FILE_NAME_HEADER),
        header(FILE_PATH_HEADER),
    );
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::json!({
        "state": state, "version": version, "file": file, "path": path,
        "text": String::from_utf8(bytes.to_vec()).unwrap(),
    })
}

#[tokio::test]
async fn the_root_redirects_to_the_studio_page_which_gets_the_strict_policy() {
    let workspace = Workspace::new();
    let response = send(workspace.router(), get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/pkg/studio/?server");
    let response = send(
        workspace.router(),
        get("/pkg/studio/").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_SECURITY_POLICY],
        static_site::CSP
    );
    assert_eq!(response.headers()["x-frame-options"], "DENY");
}

#[tokio::test]
async fn only_the_studio_and_widget_files_are_served() {
    let workspace = Workspace::new();
    for path in ["/pkg/stackway.js", "/www/stackway.js"] {
        let response = send(workspace.router(), get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    for path in [
        "/index.html",
        "/Cargo.toml",
        "/feeds/feed.json",
        "/api/other",
        "/pkg/../Cargo.toml",
    ] {
        let response = send(
            workspace.router(),
            get(path)
                .header(TOKEN_HEADER, TOKEN)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn reading_the_feed_needs_the_token() {
    let workspace = Workspace::new();
    for token in [None, Some("wrong"), Some(&TOKEN[1..])] {
        let mut request = get("/api/feed");
        if let Some(token) = token {
            request = request.header(TOKEN_HEADER, token);
        }
        let response = send(workspace.router(), request.body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{token:?}");
        let body = json_of(response).await;
        assert_eq!(body["error"], "missing-token");
        assert!(body.to_string().find("stackway").is_some());
        assert!(!body.to_string().contains(FEED.trim()));
    }
    let body = read_api(workspace.router()).await;
    assert_eq!(body["file"], "feed.json");
    assert_eq!(body["state"], "exists");
    assert_eq!(body["text"], FEED, "the file's bytes as they are");
    assert_eq!(body["version"], version_of(FEED.as_bytes()));
    assert!(body["path"].as_str().unwrap().ends_with("/feeds/feed.json"));
}

#[tokio::test]
async fn another_host_name_is_refused_even_with_the_token() {
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    let workspace = Workspace::new();
    let response = send(
        workspace.router(),
        Request::get("/api/feed")
            .header(header::HOST, "evil.example:4321")
            .header(TOKEN_HEADER, TOKEN)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST);
    let response = send(
        workspace.router(),
        Request::get("/pkg/studio/")
            .header(header::HOST, "localhost:4321")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "localhost is this server"
    );
}

#[tokio::test]
async fn a_save_without_the_token_or_from_another_origin_writes_nothing() {
    let workspace = Workspace::new();
    let version = version_of(FEED.as_bytes());
    let mut no_token = put("{}", &version);
    no_token.headers_mut().remove(TOKEN_HEADER);
    let response = send(workspace.router(), no_token).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    for origin in [
        "http://evil.example",
        "https://127.0.0.1:4321",
        "http://127.0.0.1:4322",
        "null",
    ] {
        let mut foreign = put("{}", &version);
        foreign
            .headers_mut()
            .insert(header::ORIGIN, origin.parse().unwrap());
        let response = send(workspace.router(), foreign).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{origin}");
        assert_eq!(json_of(response).await["error"], "foreign-origin");
    }
    assert_eq!(workspace.read(&workspace.feed()).as_deref(), Some(FEED));
    assert!(!sibling(&workspace.feed(), ".bak").exists());
}

#[tokio::test]
async fn a_save_replaces_the_file_and_keeps_the_previous_one_as_bak() {
    let workspace = Workspace::new();
    let loaded = read_api(workspace.router()).await;
    let version = loaded["version"].as_str().unwrap();
    let edited = "{\n  \"stackway\": 1,\n  \"id\": \"edited\"\n}\n";
    let response = send(workspace.router(), put(edited, version)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = json_of(response).await;
    assert_eq!(body["version"], version_of(edited.as_bytes()));
    let backup = sibling(&workspace.feed(), ".bak");
    assert_eq!(body["backup"], backup.display().to_string());
    assert_eq!(workspace.read(&workspace.feed()).as_deref(), Some(edited));
    assert_eq!(workspace.read(&backup).as_deref(), Some(FEED));
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(workspace.0.join("feeds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // The next save replaces the new version, and the backup follows.
    let again = "{}\n";
    let response = send(
        workspace.router(),
        put(again, &version_of(edited.as_bytes())),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(workspace.read(&backup).as_deref(), Some(edited));
}

#[tokio::test]
async fn a_file_changed_on_disk_is_not_overwritten_without_being_asked() {
    let workspace = Workspace::new();
    let loaded = read_api(workspace.router()).await;
    let version = loaded["version"].as_str().unwrap().to_owned();
    let theirs = "{\"changed\": \"by someone else\"}\n";
    std::fs::write(workspace.feed(), theirs).unwrap();

    let response = send(workspace.router(), put("{\"mine\": 1}", &version)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = json_of(response).await;
    assert_eq!(body["error"], "changed-on-disk");
    assert_eq!(body["version"], version_of(theirs.as_bytes()));
    assert_eq!(workspace.read(&workspace.feed()).as_deref(), Some(theirs));

    // Overwriting is a deliberate second request naming the version now on disk.
    let response = send(
        workspace.router(),
        put("{\"mine\": 1}", body["version"].as_str().unwrap()),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        workspace.read(&workspace.feed()).as_deref(),
        Some("{\"mine\": 1}")
    );
    assert_eq!(
        workspace
            .read(&sibling(&workspace.feed(), ".bak"))
            .as_deref(),
        Some(theirs)
    );
}

#[tokio::test]
async fn a_save_must_name_the_version_it_replaces() {
    let workspace = Workspace::new();
    let mut request = put("{}", "x");
    request.headers_mut().remove(header::IF_MATCH);
    let response = send(workspace.router(), request).await;
    assert_eq!(response.status(), StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(workspace.read(&workspace.feed()).as_deref(), Some(FEED));
}

#[tokio::test]
async fn a_new_file_is_created_by_the_first_save_without_a_backup() {
    let workspace = Workspace::new();
    let new = workspace.0.join("feeds/new.json");
    let loaded = read_api(workspace.router_for(Some(new.clone()))).await;
    assert_eq!(loaded["state"], "absent");
    assert_eq!(loaded["version"], ABSENT);
    assert_eq!(loaded["text"], "");
    let response = send(
        workspace.router_for(Some(new.clone())),
        put("{\"id\": \"new\"}", ABSENT),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json_of(response).await["backup"], serde_json::Value::Null);
    assert_eq!(workspace.read(&new).as_deref(), Some("{\"id\": \"new\"}"));
    assert!(!sibling(&new, ".bak").exists());
    // Saving "new" again as if it did not exist is a conflict: it does now.
    let response = send(workspace.router_for(Some(new)), put("{}", ABSENT)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn only_the_opened_file_can_be_written() {
    let workspace = Workspace::new();
    let version = version_of(FEED.as_bytes());
    // No path parameter exists; one given anyway is ignored.
    let mut request = put("{\"x\": 1}", &version);
    *request.uri_mut() = "/api/feed?path=../Cargo.toml&file=/tmp/x".parse().unwrap();
    let response = send(workspace.router(), request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        workspace.read(&workspace.0.join("Cargo.toml")).as_deref(),
        Some("[package]")
    );
    assert_eq!(
        workspace.read(&workspace.feed()).as_deref(),
        Some("{\"x\": 1}")
    );
    // Writes to the static files go nowhere.
    let response = send(
        workspace.router(),
        Request::put("/pkg/stackway.js")
            .header(header::HOST, HOST)
            .header(TOKEN_HEADER, TOKEN)
            .body(Body::from("overwritten"))
            .unwrap(),
    )
    .await;
    assert!(response.status().is_client_error(), "{}", response.status());
    assert_eq!(
        workspace
            .read(&workspace.0.join("pkg/stackway.js"))
            .as_deref(),
        Some("export default 1;")
    );
    // Without a file, nothing is written at all.
    let response = send(workspace.router_for(None), put("{}", ABSENT)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json_of(response).await["error"], "no-file");
    let body = read_api(workspace.router_for(None)).await;
    assert_eq!(body["state"], "none");
}

#[test]
fn tokens_are_long_random_and_different() {
    let a = new_token().unwrap();
    let b = new_token().unwrap();
    assert_eq!(a.len(), 64);
    assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(a, b);
}

#[test]
fn names_and_paths_travel_percent_encoded() {
    assert_eq!(
        percent_encode("/home/anne/feed.json"),
        "/home/anne/feed.json"
    );
    assert_eq!(
        percent_encode("/srv/Collège Nord/flux 1.json"),
        "/srv/Coll%C3%A8ge%20Nord/flux%201.json"
    );
}
