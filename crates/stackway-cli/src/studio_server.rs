//! The HTTP side of `stackway studio`: the studio's page and the widget it previews with, and a
//! two-request API to read and save the one feed file the studio was started on.
//!
//! Why the guards: the server runs on the author's computer, so any web page they visit could
//! try to talk to it. Every request must name this server as its `Host` (a DNS-rebinding page
//! names its own), every API request must carry the run's random token (only the page opened
//! from the printed link knows it: it travels in the URL's fragment, which is never sent to a
//! server), and a write with an `Origin` other than the studio's own is refused. The API has no
//! path parameter at all: it can only ever write the file given on the command line, and its
//! `.bak` copy beside it.
//!
//! [`router`] is a plain axum `Router`, tested with `oneshot` in `studio_server/tests.rs`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, HOST, IF_MATCH, LOCATION, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::static_site;

/// The studio's page, relative to the assets folder; `/` redirects to it.
pub const STUDIO_INDEX: &str = "pkg/studio/index.html";
/// Where `/` sends the browser (the fragment carrying the token survives the redirect). The
/// query tells the page it has a server behind it, so that a link without the token gets an
/// explanation rather than the static-host mode.
const STUDIO_PATH: &str = "/pkg/studio/?server";
/// The request header that carries the run's token.
pub const TOKEN_HEADER: &str = "x-stackway-token";
/// The version of a file that does not exist (yet): a save with this `If-Match` creates it.
pub const ABSENT: &str = "absent";
/// Feeds are at most 20 MiB (the core refuses larger ones); a little room for the request.
const MAX_BODY_BYTES: usize = 21 * 1024 * 1024;

/// What the server knows for one run.
#[derive(Clone)]
pub struct StudioState(Arc<Inner>);

struct Inner {
    /// The only file the API reads and writes; `None` when the studio was started without one.
    feed: Option<PathBuf>,
    /// The folder holding `pkg/` and `www/`.
    assets: PathBuf,
    token: String,
    /// The `Host` values this server answers to.
    hosts: Vec<String>,
    /// One save at a time, so that the check against the disk and the write cannot interleave.
    saving: tokio::sync::Mutex<()>,
}

impl StudioState {
    /// The state of a run editing `feed`, serving `assets`, guarded by `token`, listening on
    /// `address`.
    pub fn new(
        feed: Option<PathBuf>,
        assets: PathBuf,
        token: String,
        address: SocketAddr,
    ) -> StudioState {
        StudioState(Arc::new(Inner {
            feed,
            assets,
            token,
            hosts: host_names(address),
            saving: tokio::sync::Mutex::new(()),
        }))
    }
}

/// The names a browser may use for this server: the address itself and, on loopback,
/// `localhost`. An empty list (a wildcard address such as 0.0.0.0) accepts any name.
fn host_names(address: SocketAddr) -> Vec<String> {
    let port = address.port();
    if address.ip().is_unspecified() {
        return Vec::new();
    }
    let mut hosts = vec![address.to_string()];
    if address.ip().is_loopback() {
        hosts.push(format!("localhost:{port}"));
        hosts.push(format!("127.0.0.1:{port}"));
        hosts.push(format!("[::1]:{port}"));
    }
    hosts
}

/// A fresh random token: 32 bytes from the operating system, as 64 hex digits.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The studio's routes: `/` (a redirect to the page), `/api/feed` (GET reads, PUT saves), the
/// built files under `/pkg/` and `/www/` (through `stackway serve`'s static site, with its
/// Content-Security-Policy), and nothing else.
pub fn router(state: StudioState) -> Router {
    Router::new()
        .route("/", get(to_studio))
        .route("/api/feed", get(read_feed).put(save_feed))
        .fallback_service(static_site::router(state.0.assets.clone()))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

async fn to_studio() -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, STUDIO_PATH)]).into_response()
}

/// Why a request is refused, as the page shows it.
fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": code, "message": message });
    (
        status,
        [(CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        axum::Json(body),
    )
        .into_response()
}

/// The checks every request goes through (see the module doc): a known `Host`, only the
/// studio's own paths, the token on the API, no foreign `Origin` on the API or on a write.
async fn guard(State(state): State<StudioState>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let hosts = &state.0.hosts;
    if !hosts.is_empty() && !hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "unknown-host",
            "this server only answers to its own address",
        );
    }
    let path = request.uri().path();
    let is_api = path.starts_with("/api/");
    if !(is_api || path == "/" || path.starts_with("/pkg/") || path.starts_with("/www/")) {
        return refuse(StatusCode::NOT_FOUND, "not-found", "not found");
    }
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if (is_api || writes) && !same_origin(headers, host) {
        return refuse(
            StatusCode::FORBIDDEN,
            "foreign-origin",
            "requests from other web sites are refused",
        );
    }
    if is_api && !has_token(headers, &state.0.token) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "missing-token",
            "open the studio with the link `stackway studio` printed: it carries this run's key",
        );
    }
    let mut response = next.run(request).await;
    // The studio's page is never framed by another site (clickjacking a Save button).
    response
        .headers_mut()
        .insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

/// No `Origin` (not a browser, or a same-origin GET), or exactly this server's.
fn same_origin(headers: &HeaderMap, host: &str) -> bool {
    match headers.get(ORIGIN) {
        None => true,
        Some(origin) => origin.to_str().is_ok_and(|o| {
            o.strip_prefix("http://")
                .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
        }),
    }
}

/// Whether the request carries the run's token, compared in constant time.
fn has_token(headers: &HeaderMap, token: &str) -> bool {
    let Some(given) = headers.get(TOKEN_HEADER).map(HeaderValue::as_bytes) else {
        return false;
    };
    given.len() == token.len()
        && given
            .iter()
            .zip(token.as_bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// A file's version: its length and a hash of its bytes (FNV-1a, stable across runs). It only
/// tells whether the file changed, so a fast non-cryptographic hash is enough.
pub fn version_of(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{}-{hash:016x}", bytes.len())
}

/// The feed's bytes now, or `None` when it does not exist.
fn read_disk(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn no_store_json(status: StatusCode, body: serde_json::Value) -> Response {
    (
        status,
        [(CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        axum::Json(body),
    )
        .into_response()
}

/// `GET /api/feed`: the file's bytes as they are (a 10,000-credential feed is megabytes: no
/// JSON wrapping to build and to undo), described by headers: [`FILE_STATE_HEADER`] (`exists`,
/// `absent` for a file the first save creates, or `none` when the studio was started without
/// one), [`VERSION_HEADER`], and the file's name and full path, percent-encoded.
async fn read_feed(State(state): State<StudioState>) -> Response {
    let Some(path) = &state.0.feed else {
        return feed_response("none", "", "", "", Vec::new());
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let full = path.display().to_string();
    match read_disk(path) {
        Ok(None) => feed_response("absent", ABSENT, &name, &full, Vec::new()),
        Ok(Some(bytes)) if std::str::from_utf8(&bytes).is_err() => refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-utf8",
            "the file is not UTF-8 text, so the studio cannot edit it",
        ),
        Ok(Some(bytes)) => {
            let version = version_of(&bytes);
            feed_response("exists", &version, &name, &full, bytes)
        }
        Err(e) => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "read-failed",
            &format!("cannot read {}: {e}", path.display()),
        ),
    }
}

/// Whether the file exists (`exists`, `absent`, `none`), on a feed read.
pub const FILE_STATE_HEADER: &str = "x-stackway-file-state";
/// The file's version (what a save must name in `If-Match`).
pub const VERSION_HEADER: &str = "x-stackway-version";
/// The file's name and full path, percent-encoded (header values are ASCII).
pub const FILE_NAME_HEADER: &str = "x-stackway-file-name";
pub const FILE_PATH_HEADER: &str = "x-stackway-file-path";

fn feed_response(state: &str, version: &str, name: &str, path: &str, body: Vec<u8>) -> Response {
    let mut response = Response::new(axum::body::Body::from(body));
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for (name, value) in [
        (FILE_STATE_HEADER, state.to_owned()),
        (VERSION_HEADER, version.to_owned()),
        (FILE_NAME_HEADER, percent_encode(name)),
        (FILE_PATH_HEADER, percent_encode(path)),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}

/// Every byte but ASCII letters, digits and `-._~/` as `%XX` (what `decodeURIComponent` reads).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// `PUT /api/feed` with the new text and `If-Match: <the version it was loaded as>`: saves it
/// when the file on disk is still that version (the previous contents go to `FEED.bak`), and
/// answers 409 with the version on disk otherwise, so that the page can offer a choice.
async fn save_feed(State(state): State<StudioState>, headers: HeaderMap, body: String) -> Response {
    let Some(path) = &state.0.feed else {
        return refuse(
            StatusCode::CONFLICT,
            "no-file",
            "the studio was started without a file: download the feed instead",
        );
    };
    let Some(expected) = headers.get(IF_MATCH).and_then(|v| v.to_str().ok()) else {
        return refuse(
            StatusCode::PRECONDITION_REQUIRED,
            "missing-version",
            "a save must say which version of the file it replaces (If-Match)",
        );
    };
    if headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.starts_with("application/json") && !v.starts_with("text/plain"))
    {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "wrong-content-type",
            "a feed is sent as application/json",
        );
    }
    let _saving = state.0.saving.lock().await;
    let on_disk = match read_disk(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "read-failed",
                &format!("cannot read {}: {e}", path.display()),
            )
        }
    };
    let disk_version = on_disk.as_deref().map_or(ABSENT.to_owned(), version_of);
    if expected != disk_version {
        return no_store_json(
            StatusCode::CONFLICT,
            serde_json::json!({
                "error": "changed-on-disk",
                "message": "the file changed on disk since the studio loaded it",
                "version": disk_version,
            }),
        );
    }
    match write_atomically(path, on_disk.as_deref(), body.as_bytes()) {
        Ok(backup) => no_store_json(
            StatusCode::OK,
            serde_json::json!({
                "version": version_of(body.as_bytes()),
                "backup": backup.map(|b| b.display().to_string()),
            }),
        ),
        Err(e) => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "write-failed",
            &format!("cannot save {}: {e}", path.display()),
        ),
    }
}

/// `path` with `extension` appended to its whole name (`feed.json` → `feed.json.bak`).
fn sibling(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(extension);
    PathBuf::from(name)
}

/// Writes `contents` to `path` so that a reader never sees half a file: into a temporary file
/// beside it, flushed to disk, then renamed over it. The previous contents (`previous`, when
/// the file existed) first go to `path.bak` the same way. Returns the backup's path.
fn write_atomically(
    path: &Path,
    previous: Option<&[u8]>,
    contents: &[u8],
) -> std::io::Result<Option<PathBuf>> {
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let backup = match previous {
        Some(previous) => {
            let backup = sibling(path, ".bak");
            replace_file(&backup, previous, permissions.clone())?;
            Some(backup)
        }
        None => None,
    };
    replace_file(path, contents, permissions)?;
    Ok(backup)
}

fn replace_file(
    path: &Path,
    contents: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    use std::io::Write;
    let temporary = sibling(path, &format!(".studio-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        if let Some(permissions) = permissions {
            std::fs::set_permissions(&temporary, permissions)?;
        }
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests;
