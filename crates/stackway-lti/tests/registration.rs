//! LTI Dynamic Registration end to end through `router().oneshot`, against a platform side
//! written from the 1EdTech LTI Dynamic Registration 1.0 specification: its OpenID configuration
//! (behind the registration token, as Canvas serves it), its registration endpoint, then a launch
//! through the new registration.

mod common;

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use common::*;
use serde_json::{json, Value};
use stackway_lti::registrations::{unix_now, Invite};
use stackway_lti::{AppState, MemoryStore, Options, SqliteRegistrations, ToolConfig, ToolKeys};

const REGISTRATION_TOKEN: &str = "registration-token-1";
const NEW_CLIENT: &str = "dyn-client-1";
const NEW_DEPLOYMENT: &str = "dep-9";

/// A registration request as the platform received it: the Authorization header and the body.
type Received = (Option<String>, Value);

/// The platform side: what it serves and what it received.
#[derive(Clone, Default)]
struct Lms {
    origin: String,
    /// Issuer written into the configuration (the origin unless a test changes it).
    issuer: Arc<Mutex<String>>,
    /// Registration requests received, with their Authorization header.
    registrations: Arc<Mutex<Vec<Received>>>,
    /// When set, the registration endpoint refuses.
    refuse: Arc<Mutex<bool>>,
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

async fn configuration(State(lms): State<Lms>, headers: HeaderMap) -> Response {
    // Like Canvas, the configuration is served only with the registration token.
    if bearer(&headers).as_deref() != Some(&format!("Bearer {REGISTRATION_TOKEN}")) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let o = &lms.origin;
    Json(json!({
        "issuer": *lms.issuer.lock().unwrap(),
        "authorization_endpoint": format!("{o}/auth"),
        "registration_endpoint": format!("{o}/register"),
        "jwks_uri": format!("{o}/jwks"),
        "token_endpoint": format!("{o}/token"),
        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid"],
        "response_types_supported": ["id_token"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "claims_supported": ["sub", "iss", "name", "locale"],
        "subject_types_supported": ["public"],
        "https://purl.imsglobal.org/spec/lti-platform-configuration": {
            "product_family_code": "spec-lms",
            "version": "1.0",
            "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}],
            "variables": ["Message.locale"]
        }
    }))
    .into_response()
}

async fn register(
    State(lms): State<Lms>,
    headers: HeaderMap,
    Json(request): Json<Value>,
) -> Response {
    lms.registrations
        .lock()
        .unwrap()
        .push((bearer(&headers), request.clone()));
    if *lms.refuse.lock().unwrap() {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_client_metadata"})),
        )
            .into_response();
    }
    let mut answer = request;
    answer["client_id"] = json!(NEW_CLIENT);
    answer["https://purl.imsglobal.org/spec/lti-tool-configuration"]["deployment_id"] =
        json!(NEW_DEPLOYMENT);
    Json(answer).into_response()
}

async fn jwks() -> Json<Value> {
    Json(json!({ "keys": [jwk(PLATFORM_KEY_1, "platform-1")] }))
}

struct Setup {
    lms: Lms,
    state: AppState,
    router: Router,
}

async fn setup(registration_toml: &str) -> Setup {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let lms = Lms {
        origin: origin.clone(),
        issuer: Arc::new(Mutex::new(origin.clone())),
        ..Lms::default()
    };
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(configuration))
        .route("/register", post(register))
        .route("/jwks", get(jwks))
        .with_state(lms.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let toml = format!(
        "[tool]\nbase_url = \"{BASE_URL}\"\nkeys = \"keys/\"\ndefault_feed = \"https://feeds.example.edu/pathways.json\"\n\n{registration_toml}\n"
    );
    let config = ToolConfig::parse(&toml, "test.toml", std::path::Path::new(".")).expect("config");
    let keys = ToolKeys::from_pems(&[("tool-1", TOOL_KEY)]).unwrap();
    let state = AppState::with_registrations(
        config,
        keys,
        Arc::new(MemoryStore::default()),
        Arc::new(SqliteRegistrations::in_memory()),
        Options::default(),
    );
    let router = stackway_lti::router(state.clone());
    Setup { lms, state, router }
}

const SETTINGS: &str = "[registration]\ntool_name = \"Stackway pathways\"\nfeed_hosts = [\"feeds.example.edu\", \"feeds.example.edu:8443\"]\n";

impl Setup {
    fn configuration_url(&self) -> String {
        format!("{}/.well-known/openid-configuration", self.lms.origin)
    }

    async fn open(&self, invite: Option<&str>, lang: &str) -> Reply {
        let mut pairs = vec![
            ("openid_configuration", self.configuration_url()),
            ("registration_token", REGISTRATION_TOKEN.to_string()),
        ];
        if let Some(invite) = invite {
            pairs.push(("invite", invite.to_string()));
        }
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let request = Request::get(format!("/lti/register?{}", form_body(&pairs)))
            .header(header::ACCEPT_LANGUAGE, lang)
            .header(header::REFERER, "https://school.example.edu/admin/tools")
            .body(Body::empty())
            .unwrap();
        send(&self.router, request).await
    }

    async fn confirm(&self, page: &Reply) -> Reply {
        let ticket = attribute(&page.body, "name=\"ticket\" value");
        let request = Request::post("/lti/register")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form_body(&[("ticket", ticket)])))
            .unwrap();
        send(&self.router, request).await
    }

    async fn invite(&self, name: Option<&str>) -> String {
        let token = stackway_lti::form::random_token();
        let invite = Invite {
            name: name.map(str::to_owned),
            feed_hosts: None,
            expires_at: unix_now() + 3600,
        };
        self.state
            .registrations()
            .add_invite(&token, &invite)
            .await
            .unwrap();
        token
    }
}

fn attribute<'a>(body: &'a str, name: &str) -> &'a str {
    let start = body
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("{name} in {body}"))
        + name.len()
        + 2;
    let end = start + body[start..].find('"').unwrap();
    &body[start..end]
}

#[tokio::test]
async fn registration_is_closed_without_a_link_from_the_operator() {
    let setup = setup(SETTINGS).await;
    let reply = setup.open(None, "en").await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::FORBIDDEN, "registration-closed")
    );
    assert!(
        reply.body.contains("stackway register-link"),
        "{}",
        reply.body
    );
    let reply = setup.open(Some("made-up"), "en").await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::FORBIDDEN, "registration-link-unknown")
    );
    assert!(setup.lms.registrations.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_registration_link_registers_one_platform_then_a_launch_goes_through_it() {
    let setup = setup(SETTINGS).await;
    let invite = setup.invite(Some("Spec LMS")).await;
    let page = setup.open(Some(&invite), "en-CA,en;q=0.8").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for shown in [
        "Stackway pathways",
        "feeds.example.edu, feeds.example.edu:8443",
        "https://feeds.example.edu/pathways.json",
        "Spec LMS",
        "spec-lms 1.0",
        "lang=$Message.locale",
    ] {
        assert!(page.body.contains(shown), "{shown} in {}", page.body);
    }
    assert!(
        setup.lms.registrations.lock().unwrap().is_empty(),
        "nothing posted before the administrator confirms"
    );

    let done = setup.confirm(&page).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(
        done.body.contains("data-registration=\"done\"")
            && done.body.contains("/lti/assets/register.js"),
        "{}",
        done.body
    );
    assert!(
        done.body.contains(NEW_CLIENT) && done.body.contains(NEW_DEPLOYMENT),
        "{}",
        done.body
    );

    let (authorization, request) = setup.lms.registrations.lock().unwrap()[0].clone();
    assert_eq!(
        authorization.as_deref(),
        Some(&*format!("Bearer {REGISTRATION_TOKEN}"))
    );
    assert_eq!(
        request["initiate_login_uri"],
        format!("{BASE_URL}/lti/login")
    );
    assert_eq!(
        request["redirect_uris"],
        json!([format!("{BASE_URL}/lti/launch")])
    );
    assert_eq!(
        request["jwks_uri"],
        format!("{BASE_URL}/.well-known/jwks.json")
    );
    assert_eq!(request["token_endpoint_auth_method"], "private_key_jwt");
    assert_eq!(request["response_types"], json!(["id_token"]));
    assert_eq!(request["scope"], "");
    let tool = &request["https://purl.imsglobal.org/spec/lti-tool-configuration"];
    let messages: Vec<&str> = tool["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"]
    );
    assert_eq!(tool["claims"], json!(["iss", "sub"]));
    assert_eq!(
        tool["custom_parameters"],
        json!({"lang": "$Message.locale"})
    );

    let registered = setup.state.registrations().list().await.unwrap();
    assert_eq!(registered.len(), 1);
    assert_eq!(
        (
            registered[0].client_id.as_str(),
            registered[0].deployment_ids.as_slice()
        ),
        (NEW_CLIENT, &[NEW_DEPLOYMENT.to_string()][..])
    );
    assert_eq!(registered[0].name, "Spec LMS");
    assert_eq!(registered[0].frame_origins, ["https://school.example.edu"]);

    let again = setup.open(Some(&invite), "en").await;
    assert_eq!(
        (again.status, again.reason()),
        (StatusCode::FORBIDDEN, "registration-link-unknown"),
        "the link works once"
    );

    // A learner launches through the new registration.
    launch_through_the_new_registration(&setup).await;
}

/// A learner's login and launch through the registration the platform just made: the page shows
/// the widget with a feed on a registration feed host, and the platform's page may frame it.
async fn launch_through_the_new_registration(setup: &Setup) {
    let login = send(
        &setup.router,
        Request::get(format!(
            "/lti/login?{}",
            form_body(&[
                ("iss", &setup.lms.origin),
                ("login_hint", "learner-1"),
                ("target_link_uri", &format!("{BASE_URL}/lti/launch")),
                ("client_id", NEW_CLIENT),
                ("lti_deployment_id", NEW_DEPLOYMENT),
            ])
        ))
        .body(Body::empty())
        .unwrap(),
    )
    .await;
    assert_eq!(login.status, StatusCode::FOUND, "{}", login.body);
    let location = url::Url::parse(login.headers[header::LOCATION].to_str().unwrap()).unwrap();
    assert_eq!(location.path(), "/auth");
    let query: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    let cookie = login.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let now = now();
    let claims = json!({
        "iss": setup.lms.origin, "aud": NEW_CLIENT, "sub": "learner-1", "iat": now, "exp": now + 300, "nonce": query["nonce"],
        "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
        "https://purl.imsglobal.org/spec/lti/claim/deployment_id": NEW_DEPLOYMENT,
        "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
        "https://purl.imsglobal.org/spec/lti/claim/roles": [],
        "https://purl.imsglobal.org/spec/lti/claim/resource_link": {"id": "link-1"},
        "https://purl.imsglobal.org/spec/lti/claim/custom": {"feed_url": "https://feeds.example.edu:8443/pathways.json", "lang": "fr"},
    });
    let token = sign(&claims, PLATFORM_KEY_1, "platform-1");
    let request = Request::post("/lti/launch")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(form_body(&[
            ("id_token", &token),
            ("state", &query["state"]),
        ])))
        .unwrap();
    let launch = send(&setup.router, request).await;
    assert_eq!(launch.status, StatusCode::OK, "{}", launch.body);
    assert!(
        launch
            .body
            .contains(r#"feed="https://feeds.example.edu:8443/pathways.json" lang="fr""#),
        "{}",
        launch.body
    );
    let csp = launch.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.contains(&format!(
            "frame-ancestors 'self' https://school.example.edu {}",
            setup.lms.origin
        )),
        "{csp}"
    );
}

#[tokio::test]
async fn the_confirmation_page_speaks_french_and_the_done_page_closes_the_registration() {
    let setup = setup(SETTINGS).await;
    let invite = setup.invite(None).await;
    let page = setup.open(Some(&invite), "fr-CA,fr;q=0.9").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("<html lang=\"fr\">") && page.body.contains("Inscrire"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("spec-lms 1.0 (127.0.0.1)"),
        "default name: {}",
        page.body
    );
    assert!(
        page.body.contains("lang=en"),
        "a link to the English page: {}",
        page.body
    );
    let done = setup.confirm(&page).await;
    assert!(done.body.contains("Stackway est inscrit"), "{}", done.body);
    let script = send(
        &setup.router,
        Request::get("/lti/assets/register.js")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        script.body.contains("org.imsglobal.lti.close"),
        "{}",
        script.body
    );
}

#[tokio::test]
async fn a_link_opened_in_a_browser_instead_of_the_lms_says_to_start_from_the_platform() {
    let setup = setup(SETTINGS).await;
    let invite = setup.invite(None).await;
    let request = Request::get(format!("/lti/register?invite={invite}"))
        .header(header::ACCEPT_LANGUAGE, "fr")
        .body(Body::empty())
        .unwrap();
    let reply = send(&setup.router, request).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "platform-configuration-invalid")
    );
    assert!(
        reply.body.contains("n’a pas pu être inscrit")
            && reply.body.contains("à partir de votre plateforme"),
        "{}",
        reply.body
    );
    assert!(setup
        .state
        .registrations()
        .invite(&invite)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn an_issuer_on_another_origin_than_its_configuration_is_refused() {
    let setup = setup(SETTINGS).await;
    *setup.lms.issuer.lock().unwrap() = "https://lms.example.edu".into();
    let invite = setup.invite(None).await;
    let reply = setup.open(Some(&invite), "en").await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "platform-configuration-invalid")
    );
    assert!(
        setup
            .state
            .registrations()
            .invite(&invite)
            .await
            .unwrap()
            .is_some(),
        "the link is not used up"
    );
}

#[tokio::test]
async fn a_refused_registration_leaves_the_link_usable() {
    let setup = setup(SETTINGS).await;
    *setup.lms.refuse.lock().unwrap() = true;
    let invite = setup.invite(None).await;
    let page = setup.open(Some(&invite), "en").await;
    let refused = setup.confirm(&page).await;
    assert_eq!(
        (refused.status, refused.reason()),
        (StatusCode::BAD_GATEWAY, "registration-refused")
    );
    assert!(setup.state.registrations().list().await.unwrap().is_empty());
    *setup.lms.refuse.lock().unwrap() = false;
    let page = setup.open(Some(&invite), "en").await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "the same link works again: {}",
        page.body
    );
    assert_eq!(setup.confirm(&page).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_public_tool_refuses_a_platform_on_a_loopback_address() {
    // Registration makes the tool fetch and post to URLs it is given: a tool on a public address
    // must not be led to its own host's services.
    let mut setup = setup(SETTINGS).await;
    let toml = format!("[tool]\nbase_url = \"https://stackway.example.edu\"\nkeys = \"keys/\"\n\n{SETTINGS}open = true\n");
    let config = ToolConfig::parse(&toml, "test.toml", std::path::Path::new(".")).unwrap();
    let keys = ToolKeys::from_pems(&[("tool-1", TOOL_KEY)]).unwrap();
    setup.state = AppState::new(
        config,
        keys,
        Arc::new(MemoryStore::default()),
        Options::default(),
    );
    setup.router = stackway_lti::router(setup.state.clone());
    let reply = setup.open(None, "en").await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "platform-configuration-invalid")
    );
}

#[tokio::test]
async fn registration_opened_in_the_config_needs_no_link() {
    let setup = setup(&format!("{SETTINGS}open = true\n")).await;
    let page = setup.open(None, "en").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(setup.confirm(&page).await.status, StatusCode::OK);
    assert_eq!(setup.state.registrations().list().await.unwrap().len(), 1);
}
