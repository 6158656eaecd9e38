//! Deep linking, the platform-storage fallback and the learner's progress, through `oneshot`.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{json, Value};

const DL: &str = "https://purl.imsglobal.org/spec/lti-dl/claim/";

fn attribute<'a>(body: &'a str, name: &str) -> &'a str {
    let start = body
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} in {body}"))
        + name.len()
        + 2;
    &body[start..start + body[start..].find('"').unwrap()]
}

fn deep_linking_claims(tool: &TestTool, nonce: &str) -> Value {
    let mut claims = tool.claims(nonce);
    let map = claims.as_object_mut().unwrap();
    map.insert(format!("{LTI}message_type"), json!("LtiDeepLinkingRequest"));
    map.remove(&format!("{LTI}resource_link"));
    map.remove(&format!("{LTI}custom"));
    map.insert(
        format!("{DL}deep_linking_settings"),
        json!({
            "deep_link_return_url": format!("{}/deep_link_return", tool.issuer),
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe", "window"],
            "data": "opaque-platform-data-123"
        }),
    );
    claims
}

/// A deep linking launch: the designer page.
async fn designer(tool: &TestTool) -> Reply {
    let login = tool.login().await;
    let token = sign(
        &deep_linking_claims(tool, &login.nonce),
        PLATFORM_KEY_1,
        "platform-1",
    );
    tool.launch(&token, &login).await
}

async fn submit_designer(tool: &TestTool, fields: &[(&str, &str)]) -> Reply {
    let request = Request::post("/lti/deep-link/return")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form_body(fields)))
        .unwrap();
    send(&tool.router, request).await
}

#[tokio::test]
async fn deep_linking_returns_a_signed_resource_link_with_the_designers_choices_and_echoes_data() {
    let tool = tool().await;
    let page = designer(&tool).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("<stackway-pathways id=\"preview\""),
        "live preview: {}",
        page.body
    );
    assert!(page.body.contains("/lti/assets/designer.js"));
    // The designer sees the feed's problems listed open, where learners see them collapsed.
    assert!(
        page.body.contains(" debug></stackway-pathways>"),
        "{}",
        page.body
    );
    let ticket = attribute(&page.body, "name=\"ticket\" value").to_string();

    let reply = submit_designer(
        &tool,
        &[
            ("ticket", &ticket),
            ("feed_url", "https://feeds.example.edu/pathways.json"),
            ("goal", "dipl-data"),
            ("view", "map"),
            ("lang", "fr"),
            ("title", "Parcours"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        attribute(&reply.body, "action"),
        format!("{}/deep_link_return", tool.issuer)
    );
    let csp = reply.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.contains(&format!("form-action {}", tool.issuer)),
        "{csp}"
    );
    let jwt = attribute(&reply.body, "name=\"JWT\" value");

    // The platform verifies it with the tool's published key.
    let jwks: jsonwebtoken::jwk::JwkSet = serde_json::from_str(
        &send(
            &tool.router,
            Request::get("/.well-known/jwks.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .body,
    )
    .unwrap();
    let header = jsonwebtoken::decode_header(jwt).unwrap();
    assert_eq!(header.alg, Algorithm::RS256);
    let key = DecodingKey::from_jwk(jwks.find(&header.kid.unwrap()).unwrap()).unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[tool.issuer.as_str()]);
    validation.set_issuer(&[CLIENT_ID]);
    let claims = jsonwebtoken::decode::<Value>(jwt, &key, &validation)
        .unwrap()
        .claims;
    assert_eq!(
        claims[format!("{LTI}message_type")],
        "LtiDeepLinkingResponse"
    );
    assert_eq!(claims[format!("{LTI}version")], "1.3.0");
    assert_eq!(claims[format!("{LTI}deployment_id")], "1");
    assert_eq!(claims[format!("{DL}data")], "opaque-platform-data-123");
    let item = &claims[format!("{DL}content_items")][0];
    assert_eq!(item["type"], "ltiResourceLink");
    assert_eq!(item["url"], "http://localhost:8080/lti/launch");
    assert_eq!(item["title"], "Parcours");
    assert_eq!(
        item["custom"],
        json!({"feed_url": "https://feeds.example.edu/pathways.json", "goal": "dipl-data", "view": "map", "lang": "fr"})
    );

    // The ticket is single use.
    let again = submit_designer(&tool, &[("ticket", &ticket)]).await;
    assert_eq!(
        (again.status, again.reason()),
        (StatusCode::UNAUTHORIZED, "ticket-unknown")
    );
}

#[tokio::test]
async fn the_designer_preview_csp_admits_every_allowed_feed_origin() {
    // Regression: the preview's `connect-src` allowed only `https://FEEDHOST` on port 443, so an
    // allowed feed on another port, or an http loopback feed, was blocked in the browser.
    let tool = tool().await;
    let page = designer(&tool).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    let port = url::Url::parse(&tool.issuer).unwrap().port().unwrap();
    assert!(
        csp.contains(&format!(
            "connect-src 'self' https://feeds.example.edu https://127.0.0.1:{port} http://127.0.0.1:{port};"
        )),
        "{csp}"
    );
    assert!(
        page.body.contains(&format!(
            "data-hosts=\"feeds.example.edu 127.0.0.1:{port}\""
        )),
        "the designer's own check knows the port: {}",
        page.body
    );
}

#[tokio::test]
async fn deep_linking_refuses_a_feed_on_a_host_not_allowed() {
    let tool = tool().await;
    let page = designer(&tool).await;
    let ticket = attribute(&page.body, "name=\"ticket\" value").to_string();
    let reply = submit_designer(
        &tool,
        &[
            ("ticket", &ticket),
            ("feed_url", "https://evil.example/feed.json"),
        ],
    )
    .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "feed-host-not-allowed")
    );
}

#[tokio::test]
async fn deep_linking_requires_its_settings_claim() {
    let tool = tool().await;
    let login = tool.login().await;
    let mut claims = deep_linking_claims(&tool, &login.nonce);
    claims
        .as_object_mut()
        .unwrap()
        .remove(&format!("{DL}deep_linking_settings"));
    let reply = tool
        .launch(&sign(&claims, PLATFORM_KEY_1, "platform-1"), &login)
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "missing-claim")
    );
}

/// Logs in offering platform storage; returns (state, nonce) read from the storage page.
async fn storage_login(tool: &TestTool) -> (String, String, Reply) {
    let reply = tool
        .login_with(&[("lti_storage_target", "post_message_forwarding")])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let state = attribute(&reply.body, "data-state").to_string();
    let nonce = attribute(&reply.body, "data-nonce").to_string();
    (state, nonce, reply)
}

#[tokio::test]
async fn platform_storage_login_page_writes_state_then_goes_to_the_platform() {
    let tool = tool().await;
    let (_, _, reply) = storage_login(&tool).await;
    assert_eq!(attribute(&reply.body, "data-mode"), "put");
    assert_eq!(
        attribute(&reply.body, "data-target"),
        "post_message_forwarding"
    );
    assert_eq!(attribute(&reply.body, "data-origin"), tool.issuer);
    assert!(attribute(&reply.body, "data-redirect").starts_with(&format!("{}/auth?", tool.issuer)));
    assert!(reply
        .body
        .contains("<script src=\"/lti/assets/platform-storage.js\""));
    assert!(
        reply.headers.get(header::SET_COOKIE).is_some(),
        "the cookie is still set for browsers that keep it"
    );
}

#[tokio::test]
async fn without_cookie_the_launch_completes_through_platform_storage() {
    let tool = tool().await;
    let (state, nonce, _) = storage_login(&tool).await;
    let token = sign(&tool.claims(&nonce), PLATFORM_KEY_1, "platform-1");
    let body = form_body(&[
        ("id_token", &token),
        ("state", &state),
        ("lti_storage_target", "post_message_forwarding"),
    ]);
    let check = tool.launch_raw(&body, None).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    assert_eq!(attribute(&check.body, "data-mode"), "get");
    assert_eq!(
        attribute(&check.body, "data-state-key"),
        format!("state_{state}")
    );
    assert!(
        !check.body.contains("stackway-pathways"),
        "nothing is shown before the state is proven"
    );
    let ticket = attribute(&check.body, "name=\"ticket\" value").to_string();

    let verify = |fields: Vec<(&'static str, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Request::post("/lti/launch/verify")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form_body(&pairs)))
            .unwrap()
    };
    let reply = send(
        &tool.router,
        verify(vec![("ticket", ticket.clone()), ("state", state.clone())]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply
        .body
        .contains("<stackway-pathways feed=\"https://feeds.example.edu/pathways.json\""));
    let reply = send(
        &tool.router,
        verify(vec![("ticket", ticket), ("state", state)]),
    )
    .await;
    assert_eq!(
        reply.reason(),
        "ticket-unknown",
        "a ticket completes one launch only"
    );
}

#[tokio::test]
async fn platform_storage_holding_another_state_is_a_state_mismatch() {
    let tool = tool().await;
    let (state, nonce, _) = storage_login(&tool).await;
    let token = sign(&tool.claims(&nonce), PLATFORM_KEY_1, "platform-1");
    let check = tool
        .launch_raw(&form_body(&[("id_token", &token), ("state", &state)]), None)
        .await;
    let ticket = attribute(&check.body, "name=\"ticket\" value").to_string();
    let request = Request::post("/lti/launch/verify")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form_body(&[
            ("ticket", &ticket),
            ("state", "attacker-state"),
        ])))
        .unwrap();
    let reply = send(&tool.router, request).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "state-mismatch")
    );
}

#[tokio::test]
async fn each_learner_sees_only_their_own_record_fetched_with_the_bearer_token() {
    std::env::set_var("STACKWAY_TEST_SIS_TOKEN", "sis-secret");
    let tool = tool_with(
        stackway_lti::Options {
            jwks_min_refetch: std::time::Duration::ZERO,
            ..Default::default()
        },
        "progress_token_env = \"STACKWAY_TEST_SIS_TOKEN\"",
    )
    .await;
    tool.platform
        .held
        .lock()
        .unwrap()
        .insert("learner-1".into(), json!({"held": [{"id": "mc-one"}]}));
    tool.platform
        .held
        .lock()
        .unwrap()
        .insert("learner 2".into(), json!({"held": [{"id": "mc-two"}]}));
    let reply = tool.launch_with(|c| c["sub"] = json!("learner 2")).await;
    assert!(
        reply.body.contains(r#""held":[{"id":"mc-two"}]"#),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("mc-one"));
    assert!(
        !reply.body.contains("sis-secret"),
        "the token never reaches the page"
    );
    // Query parameters from the browser cannot choose another learner.
    let login = tool.login().await;
    let mut claims = tool.claims(&login.nonce);
    claims["sub"] = json!("learner 2");
    let token = sign(&claims, PLATFORM_KEY_1, "platform-1");
    let body = form_body(&[
        ("id_token", &token),
        ("state", &login.state),
        ("sub", "learner-1"),
        ("user", "learner-1"),
    ]);
    let reply = tool.launch_raw(&body, Some(&login.cookie)).await;
    assert!(
        reply.body.contains("mc-two") && !reply.body.contains("mc-one"),
        "{}",
        reply.body
    );
    let requests = tool.platform.progress_requests.lock().unwrap().clone();
    assert_eq!(requests.len(), 2);
    for (user, auth) in requests {
        assert_eq!(user, "learner 2");
        assert_eq!(auth.as_deref(), Some("Bearer sis-secret"));
    }
}

#[tokio::test]
async fn person_sourcedid_names_the_learner_when_configured() {
    let tool = tool_with(
        stackway_lti::Options {
            jwks_min_refetch: std::time::Duration::ZERO,
            ..Default::default()
        },
        "progress_identity = \"person_sourcedid\"",
    )
    .await;
    tool.platform
        .held
        .lock()
        .unwrap()
        .insert("S1234".into(), json!({"held": [{"id": "mc-sis"}]}));
    let reply = tool
        .launch_with(|c| c[format!("{LTI}lis")] = json!({"person_sourcedid": "S1234"}))
        .await;
    assert!(
        reply.body.contains(r#""held":[{"id":"mc-sis"}]"#),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn an_unavailable_progress_source_is_said_not_hidden() {
    let tool = tool().await;
    // No record for learner-1: the source answers 404.
    let reply = tool.launch_with(|_| {}).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains(r#""held":null"#)
            && reply.body.contains(r#""progress_unavailable":true"#),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("class=\"lti-notice\""));
}

#[tokio::test]
async fn a_dot_segment_sub_never_asks_the_progress_source_about_another_path() {
    // Regression: a `sub` of `..` turned `/learners/{user}/credentials` into `/credentials`.
    let tool = tool().await;
    for sub in ["..", "."] {
        let reply = tool.launch_with(|c| c["sub"] = json!(sub)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert!(
            reply
                .body
                .contains(r#""progress_problem":"progress-identity-refused""#),
            "{}",
            reply.body
        );
    }
    assert!(
        tool.platform.progress_requests.lock().unwrap().is_empty(),
        "the progress source was not asked"
    );
    assert_eq!(
        *tool.platform.stray_requests.lock().unwrap(),
        Vec::<String>::new(),
        "nor any other path of the platform"
    );
}

#[tokio::test]
async fn feed_text_cannot_break_out_of_the_configuration_block() {
    let tool = tool().await;
    tool.platform.held.lock().unwrap().insert(
        "learner-1".into(),
        json!({"held": [{"id": "</script><script>alert(1)</script>"}, {"id": "ok-id"}]}),
    );
    let reply = tool
        .launch_with(|c| {
            c[format!("{LTI}custom")] =
                json!({"goal": "\"><script>alert(1)</script>", "view": "<b>"})
        })
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(!reply.body.contains("<script>alert"), "{}", reply.body);
    assert!(
        reply.body.contains(r#""held":[{"id":"ok-id"}]"#),
        "ids that are not feed ids are dropped: {}",
        reply.body
    );
}

#[tokio::test]
async fn tool_assets_are_served_with_their_types() {
    let tool = tool().await;
    for (path, kind) in [
        ("/lti/assets/launch.js", "text/javascript"),
        ("/lti/assets/platform-storage.js", "text/javascript"),
        ("/lti/assets/lti.css", "text/css"),
    ] {
        let reply = send(
            &tool.router,
            Request::get(path).body(Body::empty()).unwrap(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(reply.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with(kind));
    }
    let reply = send(
        &tool.router,
        Request::get("/lti/assets/../../Cargo.toml")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_ne!(reply.status, StatusCode::OK);
}

/// Regression: lti1p3platform sends `data` as a JSON object; it must come back unchanged, not dropped.
#[tokio::test]
async fn deep_linking_echoes_json_object_data_unchanged() {
    let tool = tool().await;
    let login = tool.login().await;
    let mut claims = deep_linking_claims(&tool, &login.nonce);
    claims[format!("{DL}deep_linking_settings")]["data"] = json!({"session": "dl-42"});
    let page = tool
        .launch(&sign(&claims, PLATFORM_KEY_1, "platform-1"), &login)
        .await;
    let ticket = attribute(&page.body, "name=\"ticket\" value").to_string();
    let reply = submit_designer(&tool, &[("ticket", &ticket)]).await;
    let jwt = attribute(&reply.body, "name=\"JWT\" value");
    let payload = jwt.split('.').nth(1).unwrap();
    use base64::Engine;
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims[format!("{DL}data")], json!({"session": "dl-42"}));
}

#[tokio::test]
async fn deep_linking_that_accepts_no_resource_link_is_refused() {
    let tool = tool().await;
    let login = tool.login().await;
    let mut claims = deep_linking_claims(&tool, &login.nonce);
    claims[format!("{DL}deep_linking_settings")]["accept_types"] = json!(["file", "html"]);
    let reply = tool
        .launch(&sign(&claims, PLATFORM_KEY_1, "platform-1"), &login)
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "unsupported-message-type")
    );
}
