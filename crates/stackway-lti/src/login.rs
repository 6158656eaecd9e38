//! OIDC third-party login initiation (`GET|POST /lti/login`).
//!
//! The tool issues a fresh `state` and `nonce`, remembers them in the one-time store, binds the state
//! to this browser with a `__Host-` cookie, and sends the browser to the platform's auth endpoint.
//! When the platform offers platform storage (`lti_storage_target`), the state is also written there
//! from a small page, because the cookie may be blocked inside the LMS iframe.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::claims::accept_language;
use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::form::{parse_form, random_token};
use crate::pages;
use crate::state::AppState;

/// What the tool remembers between login and launch, under `state:<state>`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct LoginRecord {
    pub issuer: String,
    pub client_id: String,
    pub nonce: String,
    /// Frame name for platform storage, when the platform offered it.
    pub storage_target: Option<String>,
}

/// Name of the cookie binding `state` to the browser. One cookie per state lets several launches
/// (several tools on one course page) proceed at once.
pub(crate) fn state_cookie_name(state: &str) -> String {
    format!("__Host-stackway-state-{state}")
}

pub(crate) async fn login_get(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = parse_form(query.unwrap_or_default().as_bytes());
    login(state, params, &headers)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

pub(crate) async fn login_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params = parse_form(&body);
    login(state, params, &headers)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn login(
    state: AppState,
    params: HashMap<String, String>,
    headers: &HeaderMap,
) -> Result<Response, LtiError> {
    let lang = accept_language(headers).unwrap_or_default();
    let get = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let platform = checked_platform(&state, &params)
        .await
        .map_err(|e| e.in_lang(lang))?;
    let login_hint = get("login_hint").unwrap_or_default();
    let storage_target = get("lti_storage_target").map(str::to_string);
    let (oidc_state, nonce) = remember(&state, &platform, storage_target.clone())
        .await
        .map_err(|e| e.in_lang(lang))?;

    let mut auth = platform.auth_url.clone();
    {
        let mut query = auth.query_pairs_mut();
        query
            .append_pair("scope", "openid")
            .append_pair("response_type", "id_token")
            .append_pair("response_mode", "form_post")
            .append_pair("prompt", "none")
            .append_pair("client_id", &platform.client_id)
            .append_pair("redirect_uri", &state.config().launch_url())
            .append_pair("login_hint", login_hint)
            .append_pair("state", &oidc_state)
            .append_pair("nonce", &nonce);
        if let Some(hint) = get("lti_message_hint") {
            query.append_pair("lti_message_hint", hint);
        }
    }
    tracing::info!(platform = %platform.name, "LTI login initiated");
    let mut response = match &storage_target {
        // Write the state into platform storage first, then continue to the platform.
        Some(target) => pages::platform_storage_put_page(
            lang,
            &state.frame_ancestors(&platform).join(" "),
            target,
            &platform.storage_origin(),
            &oidc_state,
            &nonce,
            auth.as_str(),
        ),
        None => {
            let mut response = StatusCode::FOUND.into_response();
            let location = HeaderValue::from_str(auth.as_str())
                .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
            response.headers_mut().insert(header::LOCATION, location);
            response
        }
    };
    let cookie = format!(
        "{}={oidc_state}; Path=/; Max-Age={}; Secure; HttpOnly; SameSite=None; Partitioned",
        state_cookie_name(&oidc_state),
        state.inner().options.login_ttl.as_secs()
    );
    let cookie = HeaderValue::from_str(&cookie)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The platform of a login initiation, once its parameters are checked: required ones present,
/// the deployment (when named) registered, and the launch coming back to this tool.
async fn checked_platform(
    state: &AppState,
    params: &HashMap<String, String>,
) -> Result<Arc<Platform>, LtiError> {
    let get = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let missing = |name: &str| {
        LtiError::new(
            Reason::BadRequest,
            format!("login initiation without {name}"),
        )
    };
    let issuer = get("iss").ok_or_else(|| missing("iss"))?;
    get("login_hint").ok_or_else(|| missing("login_hint"))?;
    let target_link_uri = get("target_link_uri").ok_or_else(|| missing("target_link_uri"))?;
    let client_id = get("client_id");
    let platform = state.platform(issuer, client_id).await?.ok_or_else(|| {
        LtiError::new(
            Reason::UnknownPlatform,
            format!("no registration for issuer {issuer:?} and client_id {client_id:?}"),
        )
    })?;
    if let Some(deployment) = get("lti_deployment_id") {
        if !platform.allows_deployment(deployment) {
            return Err(LtiError::new(
                Reason::UnknownDeployment,
                format!(
                    "login for deployment {deployment:?}, not registered for {}",
                    platform.name
                ),
            ));
        }
    }
    // The launch must come back to this tool, never be redirected elsewhere.
    let base_url = &state.config().base_url;
    let target_ok = Url::parse(target_link_uri)
        .map(|url| url.origin().ascii_serialization() == *base_url)
        .unwrap_or(false);
    if !target_ok {
        return Err(LtiError::new(
            Reason::BadTargetLinkUri,
            format!("target_link_uri {target_link_uri:?} is not on {base_url}"),
        ));
    }
    Ok(platform)
}

/// Issues a fresh state and nonce and remembers them, for the login's lifetime, in the one-time
/// store.
async fn remember(
    state: &AppState,
    platform: &Platform,
    storage_target: Option<String>,
) -> Result<(String, String), LtiError> {
    let oidc_state = random_token();
    let nonce = random_token();
    let record = LoginRecord {
        issuer: platform.issuer.clone(),
        client_id: platform.client_id.clone(),
        nonce: nonce.clone(),
        storage_target,
    };
    let record = serde_json::to_string(&record)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    let ttl = state.inner().options.login_ttl;
    let store_err = |e: crate::StoreError| LtiError::new(Reason::StoreUnavailable, e.to_string());
    state
        .store()
        .put(&format!("state:{oidc_state}"), &record, ttl)
        .await
        .map_err(store_err)?;
    state
        .store()
        .put(&format!("nonce:{nonce}"), "1", ttl)
        .await
        .map_err(store_err)?;
    Ok((oidc_state, nonce))
}
