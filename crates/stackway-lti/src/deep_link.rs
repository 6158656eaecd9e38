//! Deep linking: the designer page (feed, goal, view, language, live preview) and the signed
//! `LtiDeepLinkingResponse` form-posted back to the platform.
//!
//! The validated deep-linking request is kept server-side under a one-time ticket; the designer's
//! form carries only the ticket and the choices, so the return URL, deployment and `data` cannot be
//! altered from the browser.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use url::Url;

use crate::claims::{is_feed_id, lang_hint, DeepLinkSettings, Launch, DL, LTI, VIEWS};
use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::form::{parse_form, random_token};
use crate::lang::Lang;
use crate::pages::{self, DesignerView};
use crate::state::AppState;

/// How long a designer may take to choose.
const DESIGNER_TTL: Duration = Duration::from_secs(3600);

/// The designer page for an `LtiDeepLinkingRequest`.
pub(crate) async fn designer_page(
    state: &AppState,
    platform: &Platform,
    launch: &Launch,
) -> Result<Response, LtiError> {
    let ticket = random_token();
    let saved = serde_json::to_string(launch)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    state
        .store()
        .put(&format!("deeplink:{ticket}"), &saved, DESIGNER_TTL)
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?;
    let default_feed = state
        .config()
        .default_feed
        .as_ref()
        .map(Url::to_string)
        .unwrap_or_default();
    let hosts: Vec<String> = platform
        .feed_hosts
        .iter()
        .map(ToString::to_string)
        .collect();
    Ok(pages::designer_page(&DesignerView {
        lang: launch.lang(),
        ticket: &ticket,
        default_feed: &default_feed,
        feed_hosts: &hosts,
        feed_origins: &platform.feed_origins(),
        widget_script: &state.inner().options.widget_script,
        frame_ancestors: &state.frame_ancestors(platform),
    }))
}

/// `POST /lti/deep-link/return`: builds the signed response and form-posts it to the platform.
pub(crate) async fn return_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let lang = lang_hint(None, &headers);
    deep_link_response(&state, &form)
        .await
        .unwrap_or_else(|e| e.in_lang(lang).into_response())
}

async fn deep_link_response(
    state: &AppState,
    form: &HashMap<String, String>,
) -> Result<Response, LtiError> {
    let ticket = form
        .get("ticket")
        .ok_or_else(|| LtiError::new(Reason::BadRequest, "deep linking form without ticket"))?;
    let saved = state
        .take_ticket(&format!("deeplink:{ticket}"), "deep linking ticket")
        .await?;
    let launch: Launch =
        serde_json::from_str(&saved).map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    let lang = launch.lang();
    let platform = state
        .platform(&launch.issuer, Some(&launch.client_id))
        .await?
        .ok_or_else(|| {
            LtiError::new(
                Reason::UnknownPlatform,
                "registration removed since the request",
            )
        })?;
    let settings = launch
        .deep_link
        .as_ref()
        .ok_or_else(|| LtiError::new(Reason::Internal, "ticket is not a deep linking request"))?;
    let (custom, title) = designer_choices(form, &platform).map_err(|e| e.in_lang(lang))?;
    let claims = response_claims(state, &platform, &launch, settings, custom, title);
    let jwt = state
        .inner()
        .keys
        .sign(&claims)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    tracing::info!(platform = %platform.name, "deep linking response signed");
    Ok(pages::deep_link_return_page(
        lang,
        &settings.return_url,
        &jwt,
        &state.frame_ancestors(&platform),
    ))
}

/// The designer's choices as the link's custom parameters (each checked as a launch would check
/// it), and the link's title.
fn designer_choices(
    form: &HashMap<String, String>,
    platform: &Platform,
) -> Result<(BTreeMap<&'static str, String>, String), LtiError> {
    let field = |name: &str| form.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let mut custom = BTreeMap::new();
    if let Some(feed) = field("feed_url") {
        let url = Url::parse(feed).map_err(|_| {
            LtiError::new(
                Reason::FeedHostNotAllowed,
                format!("feed_url {feed:?} is not a URL"),
            )
        })?;
        if !platform.allows_feed(&url) {
            return Err(LtiError::new(
                Reason::FeedHostNotAllowed,
                format!("designer chose feed host {:?}", url.host_str()),
            ));
        }
        custom.insert("feed_url", url.to_string());
    }
    if let Some(goal) = field("goal") {
        if !is_feed_id(goal) {
            return Err(LtiError::new(
                Reason::BadRequest,
                format!("goal {goal:?} is not a credential id"),
            ));
        }
        custom.insert("goal", goal.to_string());
    }
    if let Some(view) = field("view").filter(|v| VIEWS.contains(v)) {
        custom.insert("view", view.to_string());
    }
    if let Some(chosen) = field("lang").and_then(Lang::from_tag) {
        custom.insert("lang", chosen.code().to_string());
    }
    let title: String = field("title")
        .unwrap_or("Stackway")
        .chars()
        .take(200)
        .collect();
    Ok((custom, title))
}

/// The claims of the `LtiDeepLinkingResponse`: one resource link back to this tool.
fn response_claims(
    state: &AppState,
    platform: &Platform,
    launch: &Launch,
    settings: &DeepLinkSettings,
    custom: BTreeMap<&'static str, String>,
    title: String,
) -> Value {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut claims = json!({
        "iss": platform.client_id,
        "aud": platform.issuer,
        "iat": now,
        "exp": now + 300,
        "nonce": random_token(),
        format!("{LTI}deployment_id"): launch.deployment_id,
        format!("{LTI}message_type"): "LtiDeepLinkingResponse",
        format!("{LTI}version"): "1.3.0",
        format!("{DL}content_items"): [{
            "type": "ltiResourceLink",
            "title": title,
            "url": state.config().launch_url(),
            "custom": custom,
        }],
    });
    if let (Some(data), Value::Object(map)) = (&settings.data, &mut claims) {
        map.insert(format!("{DL}data"), data.clone());
    }
    claims
}
