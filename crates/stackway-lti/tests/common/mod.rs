//! A test platform: its signing keys, a real JWKS and progress server on an ephemeral port, and
//! helpers that drive the tool's router with `oneshot` as a browser would.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use http_body_util::BodyExt;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{json, Value};
use stackway_lti::{AppState, MemoryStore, OneTimeStore, Options, ToolConfig, ToolKeys};
use tower::ServiceExt;

pub const PLATFORM_KEY_1: &str = include_str!("../data/platform-key-1.pem");
pub const PLATFORM_KEY_2: &str = include_str!("../data/platform-key-2.pem");
pub const TOOL_KEY: &str = include_str!("../data/tool-key.pem");
/// The public JWK of an EC P-521 (ES512) key, which the JWT library cannot read.
pub const PLATFORM_KEY_ES512_JWK: &str = include_str!("../data/platform-key-es512.jwk.json");
pub const CLIENT_ID: &str = "stackway-1";
pub const BASE_URL: &str = "http://localhost:8080";

/// Progress requests seen: (user in the path, Authorization header).
pub type ProgressLog = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// The platform side: what its JWKS publishes and what its progress source answers.
#[derive(Clone, Default)]
pub struct PlatformServer {
    pub jwks: Arc<Mutex<Value>>,
    pub held: Arc<Mutex<HashMap<String, Value>>>,
    /// Raw progress answers by user, `(content type, body)`: badges documents. Win over `held`.
    pub records: Arc<Mutex<HashMap<String, (String, String)>>>,
    /// Feeds served at `/feeds/{name}`, and how many times they were requested.
    pub feeds: Arc<Mutex<HashMap<String, String>>>,
    pub feed_requests: Arc<Mutex<usize>>,
    pub progress_requests: ProgressLog,
    pub jwks_requests: Arc<Mutex<usize>>,
    /// Requests to paths the platform does not serve (a progress URL turned into another path).
    pub stray_requests: Arc<Mutex<Vec<String>>>,
    /// When set, the JWKS route answers 503 (a platform outage).
    pub jwks_failing: Arc<Mutex<bool>>,
}

pub struct TestTool {
    pub state: AppState,
    pub router: Router,
    pub platform: PlatformServer,
    pub issuer: String,
}

pub fn jwk(pem: &str, kid: &str) -> Value {
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(pem).expect("test key");
    json!({
        "kty": "RSA", "alg": "RS256", "use": "sig", "kid": kid,
        "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()),
    })
}

async fn jwks_route(State(server): State<PlatformServer>) -> Response {
    *server.jwks_requests.lock().unwrap() += 1;
    if *server.jwks_failing.lock().unwrap() {
        return (StatusCode::SERVICE_UNAVAILABLE, "down for maintenance").into_response();
    }
    axum::Json(server.jwks.lock().unwrap().clone()).into_response()
}

async fn progress_route(
    State(server): State<PlatformServer>,
    UrlPath(user): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    server
        .progress_requests
        .lock()
        .unwrap()
        .push((user.clone(), auth));
    if let Some((content_type, body)) = server.records.lock().unwrap().get(&user) {
        return (
            StatusCode::OK,
            [(header::CONTENT_TYPE, content_type.clone())],
            body.clone(),
        )
            .into_response();
    }
    match server.held.lock().unwrap().get(&user) {
        Some(held) => (StatusCode::OK, axum::Json(held.clone())).into_response(),
        None => (StatusCode::NOT_FOUND, axum::Json(json!({}))).into_response(),
    }
}

async fn feed_route(
    State(server): State<PlatformServer>,
    UrlPath(name): UrlPath<String>,
) -> Response {
    *server.feed_requests.lock().unwrap() += 1;
    match server.feeds.lock().unwrap().get(&name) {
        Some(feed) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            feed.clone(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such feed").into_response(),
    }
}

async fn stray_route(State(server): State<PlatformServer>, uri: axum::http::Uri) -> StatusCode {
    server
        .stray_requests
        .lock()
        .unwrap()
        .push(uri.path().to_string());
    StatusCode::NOT_FOUND
}

/// Starts the platform's HTTP server on 127.0.0.1 and builds the tool around it.
pub async fn tool_with(options: Options, extra_platform_toml: &str) -> TestTool {
    tool_with_store(
        options,
        extra_platform_toml,
        Arc::new(MemoryStore::default()),
    )
    .await
}

/// Like [`tool_with`], with the given replay store.
pub async fn tool_with_store(
    options: Options,
    extra_platform_toml: &str,
    store: Arc<dyn OneTimeStore>,
) -> TestTool {
    let platform = PlatformServer::default();
    *platform.jwks.lock().unwrap() = json!({ "keys": [jwk(PLATFORM_KEY_1, "platform-1")] });
    let app = Router::new()
        .route("/jwks", get(jwks_route))
        .route("/learners/{user}/credentials", get(progress_route))
        .route("/feeds/{name}", get(feed_route))
        .fallback(stray_route)
        .with_state(platform.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let port = address.port();
    let issuer = format!("http://127.0.0.1:{port}");
    let toml = format!(
        r#"
[tool]
base_url = "{BASE_URL}"
keys = "keys/"
default_feed = "https://feeds.example.edu/pathways.json"

[[platform]]
name = "Test Moodle"
issuer = "{issuer}"
client_id = "{CLIENT_ID}"
deployment_ids = ["1", "7"]
auth_url = "{issuer}/auth"
jwks_url = "{issuer}/jwks"
feed_hosts = ["feeds.example.edu", "127.0.0.1:{port}"]
progress_url = "{issuer}/learners/{{user}}/credentials"
{extra_platform_toml}

[[platform]]
name = "Other Canvas"
issuer = "https://canvas.example.edu"
client_id = "stackway-canvas"
deployment_ids = ["c1"]
auth_url = "https://sso.canvas.example.edu/api/lti/authorize_redirect"
jwks_url = "https://sso.canvas.example.edu/api/lti/security/jwks"
"#
    );
    let config = ToolConfig::parse(&toml, "test.toml", Path::new(".")).expect("test config");
    let keys = ToolKeys::from_pems(&[("tool-1", TOOL_KEY)]).unwrap();
    let state = AppState::new(config, keys, store, options);
    let router = stackway_lti::router(state.clone());
    TestTool {
        state,
        router,
        platform,
        issuer,
    }
}

pub async fn tool() -> TestTool {
    tool_with(
        Options {
            jwks_min_refetch: Duration::ZERO,
            ..Options::default()
        },
        "",
    )
    .await
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// What the browser keeps from a login: the state, the nonce and the cookie header to send back.
pub struct LoginResult {
    pub state: String,
    pub nonce: String,
    pub cookie: String,
    pub location: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn reason(&self) -> &str {
        self.headers
            .get("x-stackway-reason")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub fn form_body(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

impl TestTool {
    pub async fn login_with(&self, extra: &[(&str, &str)]) -> Reply {
        let mut pairs = vec![
            ("iss", self.issuer.as_str()),
            ("login_hint", "learner-1"),
            ("target_link_uri", "http://localhost:8080/lti/launch"),
            ("client_id", CLIENT_ID),
            ("lti_message_hint", "hint-123"),
        ];
        // Extra pairs replace the defaults of the same name.
        pairs.retain(|(key, _)| !extra.iter().any(|(k, _)| k == key));
        pairs.extend_from_slice(extra);
        let uri = format!("/lti/login?{}", form_body(&pairs));
        send(&self.router, Request::get(uri).body(Body::empty()).unwrap()).await
    }

    pub async fn login(&self) -> LoginResult {
        let reply = self.login_with(&[]).await;
        assert_eq!(reply.status, StatusCode::FOUND, "{}", reply.body);
        let location = reply
            .headers
            .get(header::LOCATION)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let url = url::Url::parse(&location).unwrap();
        let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
        let set_cookie = reply
            .headers
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap();
        let cookie = set_cookie.split(';').next().unwrap().to_string();
        LoginResult {
            state: query["state"].clone(),
            nonce: query["nonce"].clone(),
            cookie,
            location,
        }
    }

    /// Claims of a valid resource link launch for `nonce`.
    pub fn claims(&self, nonce: &str) -> Value {
        let now = now();
        json!({
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": "learner-1",
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "1",
            "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
            "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": "http://localhost:8080/lti/launch",
            "https://purl.imsglobal.org/spec/lti/claim/roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            "https://purl.imsglobal.org/spec/lti/claim/resource_link": { "id": "link-1" },
            "https://purl.imsglobal.org/spec/lti/claim/launch_presentation": { "locale": "en-CA" },
            "https://purl.imsglobal.org/spec/lti/claim/custom": {
                "feed_url": "https://feeds.example.edu/pathways.json",
                "goal": "dipl-data",
                "view": "programs"
            }
        })
    }

    pub async fn launch(&self, token: &str, login: &LoginResult) -> Reply {
        self.launch_raw(
            &form_body(&[("id_token", token), ("state", &login.state)]),
            Some(&login.cookie),
        )
        .await
    }

    pub async fn launch_raw(&self, body: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::post("/lti/launch")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        send(
            &self.router,
            request.body(Body::from(body.to_string())).unwrap(),
        )
        .await
    }

    /// Logs in, then launches with claims changed by `edit`, signed with platform key 1.
    pub async fn launch_with(&self, edit: impl FnOnce(&mut Value)) -> Reply {
        let login = self.login().await;
        let mut claims = self.claims(&login.nonce);
        edit(&mut claims);
        let token = sign(&claims, PLATFORM_KEY_1, "platform-1");
        self.launch(&token, &login).await
    }
}

pub fn sign(claims: &Value, pem: &str, kid: &str) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(kid.to_string());
    jsonwebtoken::encode(
        &header,
        claims,
        &EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap(),
    )
    .unwrap()
}

pub const LTI: &str = "https://purl.imsglobal.org/spec/lti/claim/";

impl TestTool {
    /// A second server instance (same configuration and platform) using `store`.
    pub fn another_instance(&self, store: Arc<dyn OneTimeStore>) -> TestTool {
        let keys = ToolKeys::from_pems(&[("tool-1", TOOL_KEY)]).unwrap();
        let options = Options {
            jwks_min_refetch: Duration::ZERO,
            ..Options::default()
        };
        let state = AppState::new(self.state.config().clone(), keys, store, options);
        let router = stackway_lti::router(state.clone());
        TestTool {
            state,
            router,
            platform: self.platform.clone(),
            issuer: self.issuer.clone(),
        }
    }
}
