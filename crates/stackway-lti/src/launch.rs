//! `POST /lti/launch`: the OIDC `state` (known, unused, bound to this browser by cookie or, when
//! the cookie is blocked, by platform storage), then the id_token ([`crate::id_token`]), then the
//! launch itself: the widget page for a resource link, the designer for deep linking.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use url::Url;

use crate::claims::{is_feed_id, lang_hint, Launch, MessageType, WidgetConfig, VIEWS};
use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::form::{cookie_value, parse_form, random_token};
use crate::lang::Lang;
use crate::login::{state_cookie_name, LoginRecord};
use crate::pages::{self, LaunchView};
use crate::state::AppState;
use crate::{deep_link, progress};

pub use crate::id_token::validate_id_token;

/// A launch held while the browser proves, through platform storage, that it started the login.
#[derive(Serialize, Deserialize)]
struct PendingLaunch {
    state: String,
    launch: Launch,
}

pub(crate) async fn launch_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let lang = lang_hint(form.get("id_token").map(String::as_str), &headers);
    match launch(&state, &form, &headers, lang).await {
        Ok(response) => response,
        Err(err) => err.in_lang(lang).into_response(),
    }
}

async fn launch(
    state: &AppState,
    form: &HashMap<String, String>,
    headers: &HeaderMap,
    lang: Lang,
) -> Result<Response, LtiError> {
    if let Some(error) = form.get("error") {
        let description = form
            .get("error_description")
            .map(String::as_str)
            .unwrap_or("");
        return Err(LtiError::new(
            Reason::PlatformError,
            format!("platform returned error {error:?}: {description}"),
        ));
    }
    let token = form
        .get("id_token")
        .filter(|t| !t.is_empty())
        .ok_or_else(|| LtiError::new(Reason::BadRequest, "launch without id_token"))?;
    let oidc_state = form
        .get("state")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| LtiError::new(Reason::BadRequest, "launch without state"))?;
    let record = login_record(state, oidc_state).await?;
    let deferred = browser_must_prove_later(headers, oidc_state, &record)?;
    let platform = state
        .platform(&record.issuer, Some(&record.client_id))
        .await?
        .ok_or_else(|| {
            LtiError::new(Reason::UnknownPlatform, "registration removed since login")
        })?;
    let launch = validate_id_token(state, &platform, token, &record.nonce).await?;
    if !deferred {
        return respond(state, &platform, launch).await;
    }
    let ticket = random_token();
    let storage_target = form
        .get("lti_storage_target")
        .cloned()
        .or(record.storage_target)
        .unwrap_or_default();
    let pending = PendingLaunch {
        state: oidc_state.clone(),
        launch,
    };
    let pending = serde_json::to_string(&pending)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    state
        .store()
        .put(
            &format!("ticket:{ticket}"),
            &pending,
            state.inner().options.login_ttl,
        )
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?;
    Ok(pages::platform_storage_get_page(
        lang,
        &state.frame_ancestors(&platform).join(" "),
        &storage_target,
        &platform.storage_origin(),
        oidc_state,
        &ticket,
    ))
}

/// What the login remembered under this state, taken so that it is used once.
async fn login_record(state: &AppState, oidc_state: &str) -> Result<LoginRecord, LtiError> {
    let record = state
        .store()
        .take(&format!("state:{oidc_state}"))
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
        .ok_or_else(|| {
            LtiError::new(
                Reason::StateUnknown,
                "state is unknown, expired or already used",
            )
        })?;
    serde_json::from_str(&record)
        .map_err(|e| LtiError::new(Reason::Internal, format!("stored state: {e}")))
}

/// The browser must prove it is the one that started this login: by the state cookie now
/// (`false`), or, when the cookie is blocked and the platform offers platform storage, later
/// through the storage page (`true`).
fn browser_must_prove_later(
    headers: &HeaderMap,
    oidc_state: &str,
    record: &LoginRecord,
) -> Result<bool, LtiError> {
    match cookie_value(headers, &state_cookie_name(oidc_state)) {
        Some(value) if bool::from(value.as_bytes().ct_eq(oidc_state.as_bytes())) => Ok(false),
        Some(_) => Err(LtiError::new(
            Reason::StateMismatch,
            "state cookie holds another state",
        )),
        None if record.storage_target.is_some() => Ok(true),
        None => Err(LtiError::new(
            Reason::StateMismatch,
            "no state cookie for this state and no platform storage",
        )),
    }
}

/// `POST /lti/launch/verify`: the launch page read the state back from platform storage.
pub(crate) async fn verify_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let lang = lang_hint(None, &headers);
    verify(&state, &form).await.unwrap_or_else(|err| {
        if err.reason == Reason::StateMismatch {
            err.into_response()
        } else {
            err.in_lang(lang).into_response()
        }
    })
}

async fn verify(state: &AppState, form: &HashMap<String, String>) -> Result<Response, LtiError> {
    let ticket = form
        .get("ticket")
        .ok_or_else(|| LtiError::new(Reason::BadRequest, "verification without ticket"))?;
    let pending = state
        .take_ticket(&format!("ticket:{ticket}"), "platform storage ticket")
        .await?;
    let pending: PendingLaunch = serde_json::from_str(&pending)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    let lang = pending.launch.lang();
    let stored = form.get("state").map(String::as_str).unwrap_or("");
    if !bool::from(stored.as_bytes().ct_eq(pending.state.as_bytes())) {
        return Err(LtiError::new(
            Reason::StateMismatch,
            "platform storage holds another state (or none)",
        )
        .in_lang(lang));
    }
    let platform = state
        .platform(&pending.launch.issuer, Some(&pending.launch.client_id))
        .await?
        .ok_or_else(|| {
            LtiError::new(Reason::UnknownPlatform, "registration removed since login")
        })?;
    respond(state, &platform, pending.launch)
        .await
        .map_err(|e| e.in_lang(lang))
}

async fn respond(
    state: &AppState,
    platform: &Platform,
    launch: Launch,
) -> Result<Response, LtiError> {
    let lang = launch.lang();
    let result = match launch.message_type {
        MessageType::LtiResourceLinkRequest => resource_link(state, platform, &launch).await,
        MessageType::LtiDeepLinkingRequest => {
            deep_link::designer_page(state, platform, &launch).await
        }
    };
    result.map_err(|e| e.in_lang(lang))
}

/// The page for an `LtiResourceLinkRequest`: the widget's configuration and the learner's record.
async fn resource_link(
    state: &AppState,
    platform: &Platform,
    launch: &Launch,
) -> Result<Response, LtiError> {
    let widget = widget_config(state, platform, launch)?;
    let inner = state.inner();
    let progress = progress::fetch(&inner.http, &inner.feeds, platform, launch, &widget.feed).await;
    tracing::info!(platform = %platform.name, goal = ?widget.goal, view = ?widget.view, "LTI resource link launch");
    Ok(pages::launch_page(&LaunchView {
        lang: launch.lang(),
        widget: &widget,
        progress: &progress,
        widget_script: &inner.options.widget_script,
        platform_origins: &platform.origins(),
        frame_ancestors: &state.frame_ancestors(platform),
    }))
}

/// Resolves the custom parameters: `feed_url` must be on an allowed host (a launch naming another
/// host is refused), a missing one falls back to `default_feed`; `goal` must be a feed id; `view`
/// one of [`VIEWS`]; `lang` from the custom parameter, else the launch locale.
pub fn widget_config(
    state: &AppState,
    platform: &Platform,
    launch: &Launch,
) -> Result<WidgetConfig, LtiError> {
    let feed = match launch.custom.get("feed_url") {
        Some(raw) => {
            let url = Url::parse(raw).map_err(|_| {
                LtiError::new(
                    Reason::FeedHostNotAllowed,
                    format!("feed_url {raw:?} is not a URL"),
                )
            })?;
            if !platform.allows_feed(&url) {
                return Err(LtiError::new(
                    Reason::FeedHostNotAllowed,
                    format!(
                        "feed_url host {:?} is not in feed_hosts of {}",
                        url.host_str().unwrap_or(""),
                        platform.name
                    ),
                ));
            }
            url.to_string()
        }
        None => state
            .config()
            .default_feed
            .as_ref()
            .map(Url::to_string)
            .ok_or_else(|| {
                LtiError::new(
                    Reason::NoFeed,
                    "no feed_url in the launch and no default_feed",
                )
            })?,
    };
    Ok(WidgetConfig {
        feed,
        goal: launch.custom.get("goal").filter(|g| is_feed_id(g)).cloned(),
        view: launch
            .custom
            .get("view")
            .filter(|v| VIEWS.contains(&v.as_str()))
            .cloned(),
        lang: launch.lang().code(),
    })
}
