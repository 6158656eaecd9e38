//! Every rule of the launch, and every rejection issue 5 lists, through `router().oneshot`.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::*;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use stackway_lti::Options;

fn set(claims: &mut Value, key: &str, value: Value) {
    claims
        .as_object_mut()
        .unwrap()
        .insert(key.to_string(), value);
}

fn remove(claims: &mut Value, key: &str) {
    claims.as_object_mut().unwrap().remove(key);
}

#[tokio::test]
async fn valid_launch_serves_the_widget_with_its_configuration_and_the_learners_progress() {
    let tool = tool().await;
    tool.platform.held.lock().unwrap().insert(
        "learner-1".into(),
        json!({"held": [{"id": "mc-python", "earned": "2026-05-01"}, {"id": "mc-sql"}]}),
    );
    let reply = tool.launch_with(|_| {}).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains(r#"<stackway-pathways feed="https://feeds.example.edu/pathways.json" lang="en" goal="dipl-data" view="programs">"#), "{}", reply.body);
    assert!(
        reply
            .body
            .contains(r#""held":[{"id":"mc-python","earned":"2026-05-01"},{"id":"mc-sql"}]"#),
        "{}",
        reply.body
    );
    assert!(
        !reply.body.contains("<script>"),
        "no inline executable script"
    );
    let csp = reply
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains(&format!(
            "frame-ancestors 'self' {} https://canvas.example.edu https://sso.canvas.example.edu",
            tool.issuer
        )),
        "{csp}"
    );
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(reply.headers.get("x-frame-options").is_none());
    let requests = tool.platform.progress_requests.lock().unwrap().clone();
    assert_eq!(requests, vec![("learner-1".to_string(), None)]);
}

#[tokio::test]
async fn login_redirects_to_the_platform_with_every_oidc_parameter_and_sets_the_state_cookie() {
    let tool = tool().await;
    let reply = tool.login_with(&[]).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let location = url::Url::parse(reply.headers[header::LOCATION].to_str().unwrap()).unwrap();
    assert_eq!(location.path(), "/auth");
    let query: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    for (key, value) in [
        ("scope", "openid"),
        ("response_type", "id_token"),
        ("response_mode", "form_post"),
        ("prompt", "none"),
        ("client_id", CLIENT_ID),
        ("redirect_uri", "http://localhost:8080/lti/launch"),
        ("login_hint", "learner-1"),
        ("lti_message_hint", "hint-123"),
    ] {
        assert_eq!(query.get(key).map(String::as_str), Some(value), "{key}");
    }
    assert_eq!(query["state"].len(), 43);
    assert_eq!(query["nonce"].len(), 43);
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with(&format!(
            "__Host-stackway-state-{}={}",
            query["state"], query["state"]
        )),
        "{cookie}"
    );
    for attribute in [
        "Path=/",
        "Secure",
        "HttpOnly",
        "SameSite=None",
        "Partitioned",
    ] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
}

#[tokio::test]
async fn login_also_accepts_post_and_refuses_unknown_platforms_deployments_and_foreign_targets() {
    let tool = tool().await;
    let body = form_body(&[
        ("iss", &tool.issuer),
        ("login_hint", "x"),
        ("target_link_uri", "http://localhost:8080/lti/launch"),
        ("lti_deployment_id", "7"),
    ]);
    let request = Request::post("/lti/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(
        send(&tool.router, request).await.status,
        StatusCode::FOUND,
        "POST without client_id: the issuer's only registration"
    );

    let reply = tool.login_with(&[("lti_deployment_id", "99")]).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "unknown-deployment")
    );
    let reply = tool
        .login_with(&[("target_link_uri", "https://evil.example/steal")])
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "bad-target-link-uri")
    );
    let uri = format!(
        "/lti/login?{}",
        form_body(&[
            ("iss", "https://unknown.example"),
            ("login_hint", "x"),
            ("target_link_uri", BASE_URL)
        ])
    );
    let reply = send(&tool.router, Request::get(uri).body(Body::empty()).unwrap()).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "unknown-platform")
    );
    let reply = send(
        &tool.router,
        Request::get("/lti/login").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "bad-request")
    );
}

#[tokio::test]
async fn bad_signature_is_rejected() {
    let tool = tool().await;
    let login = tool.login().await;
    // Signed with key 2 but claiming key 1's kid.
    let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_2, "platform-1");
    let reply = tool.launch(&token, &login).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "bad-signature")
    );
    // A tampered payload with the original signature.
    let login = tool.login().await;
    let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_1, "platform-1");
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = tool.claims(&login.nonce);
    set(&mut claims, "sub", json!("someone-else"));
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        parts[2]
    );
    let reply = tool.launch(&forged, &login).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "bad-signature")
    );
}

#[tokio::test]
async fn alg_none_is_rejected() {
    let tool = tool().await;
    let login = tool.login().await;
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT","kid":"platform-1"}"#);
    let payload = URL_SAFE_NO_PAD.encode(tool.claims(&login.nonce).to_string());
    let reply = tool.launch(&format!("{header}.{payload}."), &login).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "algorithm-not-allowed")
    );
}

#[tokio::test]
async fn hs256_signed_with_the_public_key_as_secret_is_rejected() {
    let tool = tool().await;
    let login = tool.login().await;
    let public_pem = {
        use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey, LineEnding};
        let key = rsa::RsaPrivateKey::from_pkcs8_pem(PLATFORM_KEY_1).unwrap();
        key.to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .unwrap()
    };
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("platform-1".into());
    let token = jsonwebtoken::encode(
        &header,
        &tool.claims(&login.nonce),
        &EncodingKey::from_secret(public_pem.as_bytes()),
    )
    .unwrap();
    let reply = tool.launch(&token, &login).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "algorithm-not-allowed")
    );
}

#[tokio::test]
async fn expired_token_is_rejected_but_small_skew_is_tolerated() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| set(c, "exp", json!(now() - 3600)))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "token-expired")
    );
    let reply = tool.launch_with(|c| set(c, "exp", json!(now() - 20))).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "20 s of clock skew is tolerated: {}",
        reply.body
    );
}

#[tokio::test]
async fn iat_in_the_future_is_rejected() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| set(c, "iat", json!(now() + 3600)))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "iat-in-future")
    );
}

#[tokio::test]
async fn wrong_issuer_and_wrong_audience_are_rejected() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| set(c, "aud", json!("another-tool")))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "wrong-audience")
    );
    let reply = tool
        .launch_with(|c| set(c, "iss", json!("https://canvas.example.edu")))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "wrong-issuer")
    );
}

#[tokio::test]
async fn azp_must_name_the_client_when_present_or_when_there_are_several_audiences() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| set(c, "aud", json!([CLIENT_ID, "other"])))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "azp-mismatch")
    );
    let reply = tool.launch_with(|c| set(c, "azp", json!("other"))).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "azp-mismatch")
    );
    let reply = tool
        .launch_with(|c| {
            set(c, "aud", json!([CLIENT_ID, "other"]));
            set(c, "azp", json!(CLIENT_ID));
        })
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test]
async fn unknown_deployment_is_rejected() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| set(c, &format!("{LTI}deployment_id"), json!("42")))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "unknown-deployment")
    );
}

#[tokio::test]
async fn replayed_nonce_is_rejected() {
    let tool = tool().await;
    let first = tool.login().await;
    let token = sign(&tool.claims(&first.nonce), PLATFORM_KEY_1, "platform-1");
    assert_eq!(tool.launch(&token, &first).await.status, StatusCode::OK);
    // The same id_token replayed through a fresh login (new state and cookie).
    let second = tool.login().await;
    let reply = tool.launch(&token, &second).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "nonce-replayed")
    );
    // The same id_token and state replayed as is.
    let reply = tool.launch(&token, &first).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "state-unknown")
    );
}

#[tokio::test]
async fn a_nonce_issued_for_another_login_is_rejected() {
    let tool = tool().await;
    let first = tool.login().await;
    let second = tool.login().await;
    let token = sign(&tool.claims(&first.nonce), PLATFORM_KEY_1, "platform-1");
    let reply = tool.launch(&token, &second).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "nonce-mismatch")
    );
}

#[tokio::test]
async fn state_mismatch_is_rejected() {
    let tool = tool().await;
    let login = tool.login().await;
    let other = tool.login().await;
    let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_1, "platform-1");
    // No cookie at all (and no platform storage offered at login).
    let body = form_body(&[("id_token", &token), ("state", &login.state)]);
    let reply = tool.launch_raw(&body, None).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "state-mismatch")
    );
    // The cookie of another login under this state's name.
    let login = tool.login().await;
    let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_1, "platform-1");
    let body = form_body(&[("id_token", &token), ("state", &login.state)]);
    let forged_cookie = format!("__Host-stackway-state-{}={}", login.state, other.state);
    let reply = tool.launch_raw(&body, Some(&forged_cookie)).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "state-mismatch")
    );
    // A state the tool never issued.
    let body = form_body(&[("id_token", &token), ("state", "made-up")]);
    let reply = tool.launch_raw(&body, Some(&login.cookie)).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "state-unknown")
    );
}

#[tokio::test]
async fn missing_required_claims_are_rejected() {
    let tool = tool().await;
    for (claim, code) in [
        ("nonce".to_string(), "missing-claim"),
        ("exp".to_string(), "missing-claim"),
        (format!("{LTI}version"), "missing-claim"),
        (format!("{LTI}deployment_id"), "missing-claim"),
        (format!("{LTI}message_type"), "missing-claim"),
        (format!("{LTI}roles"), "missing-claim"),
        (format!("{LTI}resource_link"), "missing-claim"),
    ] {
        let reply = tool.launch_with(|c| remove(c, &claim)).await;
        assert_eq!(
            (reply.status, reply.reason()),
            (StatusCode::BAD_REQUEST, code),
            "without {claim}"
        );
    }
}

#[tokio::test]
async fn wrong_version_and_unknown_message_types_are_rejected() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| set(c, &format!("{LTI}version"), json!("1.1")))
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "wrong-version")
    );
    let reply = tool
        .launch_with(|c| {
            set(
                c,
                &format!("{LTI}message_type"),
                json!("LtiSubmissionReviewRequest"),
            )
        })
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "unsupported-message-type")
    );
}

#[tokio::test]
async fn feed_url_on_a_host_not_allowed_is_rejected() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| {
            set(
                c,
                &format!("{LTI}custom"),
                json!({"feed_url": "https://evil.example/feed.json"}),
            )
        })
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "feed-host-not-allowed")
    );
    let reply = tool
        .launch_with(|c| {
            set(
                c,
                &format!("{LTI}custom"),
                json!({"feed_url": "https://feeds.example.edu.evil.example/feed.json"}),
            )
        })
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "feed-host-not-allowed")
    );
}

#[tokio::test]
async fn a_feed_on_another_port_of_an_allowed_host_is_refused() {
    // Regression: `feed_hosts = ["127.0.0.1"]` admitted every port on that host, so a launch could
    // point the widget (and the tool's badge matching) at any local service.
    let tool = tool().await;
    let other_port = url::Url::parse(&tool.issuer).unwrap().port().unwrap() ^ 1;
    let reply = tool
        .launch_with(|c| {
            set(
                c,
                &format!("{LTI}custom"),
                json!({"feed_url": format!("http://127.0.0.1:{other_port}/feed.json")}),
            )
        })
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "feed-host-not-allowed")
    );
    let allowed = format!("{}/feeds/pathways.json", tool.issuer);
    let reply = tool
        .launch_with(|c| set(c, &format!("{LTI}custom"), json!({ "feed_url": allowed })))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test]
async fn unresolved_substitution_variables_count_as_missing_and_numbers_are_accepted() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| {
            set(c, &format!("{LTI}custom"), json!({"feed_url": "$Canvas.feed", "goal": 2026, "view": "$View", "lang": "$User.locale"}));
            set(c, &format!("{LTI}launch_presentation"), json!({"locale": "fr-CA"}));
        })
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains(r#"<stackway-pathways feed="https://feeds.example.edu/pathways.json" lang="fr" goal="2026">"#), "{}", reply.body);
    assert!(reply.body.contains(r#"<html lang="fr">"#));
}

#[tokio::test]
async fn lang_custom_parameter_wins_over_the_locale() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| {
            set(c, &format!("{LTI}custom"), json!({"lang": "fr"}));
            set(
                c,
                &format!("{LTI}launch_presentation"),
                json!({"locale": "en-US"}),
            );
        })
        .await;
    assert!(reply.body.contains(r#"lang="fr""#), "{}", reply.body);
}

#[tokio::test]
async fn unknown_kid_becomes_valid_after_the_platform_rotates_its_key() {
    let tool = tool().await;
    // First launch caches key 1.
    assert_eq!(tool.launch_with(|_| {}).await.status, StatusCode::OK);
    let login = tool.login().await;
    let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_2, "platform-2");
    let reply = tool.launch(&token, &login).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "kid-unknown"),
        "not yet published"
    );
    // The platform rotates: key 2 is published.
    *tool.platform.jwks.lock().unwrap() =
        json!({ "keys": [jwk(PLATFORM_KEY_1, "platform-1"), jwk(PLATFORM_KEY_2, "platform-2")] });
    let login = tool.login().await;
    let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_2, "platform-2");
    let reply = tool.launch(&token, &login).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test]
async fn unknown_kids_cause_at_most_one_refetch_per_interval() {
    let tool = tool_with(
        Options {
            jwks_min_refetch: Duration::from_secs(60),
            ..Options::default()
        },
        "",
    )
    .await;
    assert_eq!(tool.launch_with(|_| {}).await.status, StatusCode::OK);
    assert_eq!(*tool.platform.jwks_requests.lock().unwrap(), 1);
    for _ in 0..5 {
        let login = tool.login().await;
        let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_2, "forged-kid");
        let reply = tool.launch(&token, &login).await;
        assert_eq!(reply.reason(), "kid-unknown");
    }
    assert_eq!(
        *tool.platform.jwks_requests.lock().unwrap(),
        1,
        "rate-limited: no refetch within the interval"
    );
}

#[tokio::test]
async fn a_key_set_that_also_lists_an_es512_key_still_validates_launches() {
    // Regression: one key the JWT library cannot read (EC P-521 / ES512) made the whole set fail
    // with 503 jwks-unavailable, so after a restart every launch from that platform failed.
    let tool = tool().await;
    let es512: Value = serde_json::from_str(PLATFORM_KEY_ES512_JWK).unwrap();
    *tool.platform.jwks.lock().unwrap() =
        json!({ "keys": [es512, jwk(PLATFORM_KEY_1, "platform-1")] });
    let reply = tool.launch_with(|_| {}).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test]
async fn failed_key_set_fetches_are_rate_limited_with_backoff() {
    // Regression: 4 launches while the platform's key set was down made 4 fetches.
    let tool = tool_with(Options::default(), "").await;
    *tool.platform.jwks_failing.lock().unwrap() = true;
    for _ in 0..4 {
        let reply = tool.launch_with(|_| {}).await;
        assert_eq!(
            (reply.status, reply.reason()),
            (StatusCode::SERVICE_UNAVAILABLE, "jwks-unavailable")
        );
    }
    assert_eq!(
        *tool.platform.jwks_requests.lock().unwrap(),
        1,
        "one fetch, then the backoff"
    );
    assert_eq!(tool.state.platform_keys().fetch_count(), 1);
}

#[tokio::test]
async fn a_key_set_that_fails_to_refresh_keeps_serving_the_keys_already_known() {
    let tool = tool().await;
    assert_eq!(tool.launch_with(|_| {}).await.status, StatusCode::OK);
    *tool.platform.jwks_failing.lock().unwrap() = true;
    let unknown_kid = || async {
        let login = tool.login().await;
        let token = sign(&tool.claims(&login.nonce), PLATFORM_KEY_2, "platform-2");
        tool.launch(&token, &login).await
    };
    assert_eq!(unknown_kid().await.reason(), "jwks-unavailable");
    assert_eq!(*tool.platform.jwks_requests.lock().unwrap(), 2);
    let reply = tool.launch_with(|_| {}).await;
    assert_eq!(reply.status, StatusCode::OK, "the cached key still works");
    assert_eq!(unknown_kid().await.reason(), "jwks-unavailable");
    assert_eq!(
        *tool.platform.jwks_requests.lock().unwrap(),
        2,
        "no new fetch during the backoff, although unknown kids are otherwise refetched at once"
    );
}

#[tokio::test]
async fn rejections_render_a_safe_page_in_the_launch_language() {
    let tool = tool().await;
    let reply = tool
        .launch_with(|c| {
            set(
                c,
                &format!("{LTI}launch_presentation"),
                json!({"locale": "fr-CA"}),
            );
            set(c, "exp", json!(now() - 3600));
        })
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(reply.body.contains(r#"<html lang="fr">"#), "{}", reply.body);
    assert!(
        reply.body.contains("Code de motif") && reply.body.contains("token-expired"),
        "{}",
        reply.body
    );
    assert!(
        !reply.body.contains("learner-1")
            && !reply.body.contains("ExpiredSignature")
            && !reply.body.contains("eyJ"),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("BEGIN"), "no key material");

    let reply = tool.launch_raw("id_token=x&state=y", None).await;
    assert!(reply.body.contains(r#"<html lang="en">"#));
    assert!(reply.body.contains("Reason code") && reply.body.contains("state-unknown"));
}

#[tokio::test]
async fn platform_errors_and_garbage_get_a_clear_refusal() {
    let tool = tool().await;
    let reply = tool
        .launch_raw("error=login_required&error_description=no+session", None)
        .await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "platform-error")
    );
    let reply = tool.launch_raw("", None).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "bad-request")
    );
    let login = tool.login().await;
    let reply = tool.launch("not.a.jwt", &login).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::BAD_REQUEST, "malformed-token")
    );
}

#[tokio::test]
async fn jwks_lists_the_tool_public_key() {
    let tool = tool().await;
    let reply = send(
        &tool.router,
        Request::get("/.well-known/jwks.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    let jwks: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(jwks["keys"][0]["kid"], "tool-1");
    assert_eq!(jwks["keys"][0]["alg"], "RS256");
    assert!(
        jwks["keys"][0].get("d").is_none(),
        "never the private exponent"
    );
}
