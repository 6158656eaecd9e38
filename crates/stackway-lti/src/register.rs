//! LTI Dynamic Registration (`GET|POST /lti/register`): an administrator pastes one URL into the
//! LMS, which opens it with `openid_configuration` and `registration_token`.
//!
//! `GET` checks the operator's consent (registration open in `tool.toml`, or a one-time link from
//! `stackway register-link`), fetches the platform's configuration with the registration token,
//! checks it ([`crate::discovery`]) and shows a confirmation page in English or French. The
//! administrator's choice comes back as `POST` with a one-time ticket: the tool posts its
//! registration to the platform's registration endpoint with the token, keeps the platform in the
//! registration store, uses up the link, and answers with a page that tells the LMS it is done
//! (`{subject: "org.imsglobal.lti.close"}`). Nothing about the platform comes from the browser
//! except through the ticket, which the tool issued.

use std::collections::HashMap;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::claims::accept_language;
use crate::discovery::{self, PlatformConfiguration, RegisteredClient, ToolDescription};
use crate::error::{LtiError, Reason};
use crate::feeds::read_limited;
use crate::form::{parse_form, random_token};
use crate::lang::Lang;
use crate::pages::{self, RegistrationSummary};
use crate::registrations::{new_id, unix_now, Invite, Registration};
use crate::state::AppState;

/// How long the administrator may take to confirm (a registration token lives about an hour).
const CONFIRM_TTL: Duration = Duration::from_secs(3600);
/// Largest configuration or registration answer accepted.
const MAX_ANSWER: usize = 256 * 1024;

/// What the tool keeps between the confirmation page and the administrator's choice.
#[derive(Serialize, Deserialize)]
struct Pending {
    configuration_url: String,
    registration_token: Option<String>,
    invite: Option<String>,
    /// The origin of the LMS page that opened the registration, when the browser said.
    opener_origin: Option<String>,
    issuer: String,
    authorization_endpoint: String,
    jwks_uri: String,
    registration_endpoint: String,
    product: Option<String>,
    request: serde_json::Value,
    lang: Lang,
}

pub(crate) async fn register_get(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = parse_form(query.unwrap_or_default().as_bytes());
    let lang = page_lang(&params, &headers);
    confirm(&state, &params, &headers, lang)
        .await
        .unwrap_or_else(|e| e.in_lang(lang).into_response())
}

pub(crate) async fn register_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let lang = page_lang(&form, &headers);
    complete(&state, &form)
        .await
        .unwrap_or_else(|e| e.in_lang(lang).into_response())
}

/// The language: `lang` in the URL (the page's language switch), else the browser's.
fn page_lang(params: &HashMap<String, String>, headers: &HeaderMap) -> Lang {
    params
        .get("lang")
        .and_then(|l| Lang::from_tag(l))
        .or_else(|| accept_language(headers))
        .unwrap_or_default()
}

/// Checks consent and the platform, then shows what will be registered.
async fn confirm(
    state: &AppState,
    params: &HashMap<String, String>,
    headers: &HeaderMap,
    lang: Lang,
) -> Result<Response, LtiError> {
    let invite = consent(state, params.get("invite").map(String::as_str)).await?;
    let source = params
        .get("openid_configuration")
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| {
            // Opened in a browser rather than from the LMS's registration screen.
            LtiError::new(
                Reason::PlatformConfigInvalid,
                "registration without openid_configuration: it must be opened from the LMS",
            )
        })?;
    let source = discovery::endpoint(source.trim(), "openid_configuration")
        .map_err(|e| LtiError::new(Reason::PlatformConfigInvalid, e))?;
    no_loopback_unless_local(state, &source)?;
    let token = params
        .get("registration_token")
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let platform = fetch_configuration(state, &source, token.as_deref()).await?;
    for url in [
        &platform.authorization_endpoint,
        &platform.jwks_uri,
        &platform.registration_endpoint,
    ] {
        no_loopback_unless_local(state, url)?;
    }
    let settings = &state.config().registration;
    let tool = ToolDescription {
        base_url: &state.config().base_url,
        name: &settings.tool_name,
        wants_person_sourcedid: settings.wants_person_sourcedid(),
    };
    let request = discovery::registration_request(&tool, &platform);
    let existing = state
        .registrations()
        .find_by_issuer(&platform.issuer)
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
        .len()
        + state.config().platforms_of(&platform.issuer);
    let feed_hosts = match invite.as_ref().and_then(|i| i.feed_hosts.clone()) {
        Some(hosts) => hosts,
        None => settings
            .operator
            .feed_hosts
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    let summary = RegistrationSummary {
        tool_name: settings.tool_name.clone(),
        platform_name: invite
            .as_ref()
            .and_then(|i| i.name.clone())
            .unwrap_or_else(|| default_name(&platform.issuer, platform.product.as_deref())),
        issuer: platform.issuer.clone(),
        product: platform.product.clone(),
        feed_hosts,
        default_feed: state.config().default_feed.as_ref().map(Url::to_string),
        deep_linking: platform.deep_linking,
        custom_parameters: custom_parameter_names(&request),
        base_url: state.config().base_url.clone(),
        existing_registrations: existing,
        client_id: None,
        deployment_id: None,
    };
    let ticket = random_token();
    let pending = Pending {
        configuration_url: source.to_string(),
        registration_token: token,
        invite: invite.map(|_| params["invite"].clone()),
        opener_origin: opener_origin(headers),
        issuer: platform.issuer.clone(),
        authorization_endpoint: platform.authorization_endpoint.to_string(),
        jwks_uri: platform.jwks_uri.to_string(),
        registration_endpoint: platform.registration_endpoint.to_string(),
        product: platform.product.clone(),
        request,
        lang,
    };
    let pending = serde_json::to_string(&pending)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    state
        .store()
        .put(&format!("register:{ticket}"), &pending, CONFIRM_TTL)
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?;
    tracing::info!(issuer = %platform.issuer, product = ?platform.product, "dynamic registration: confirmation shown");
    Ok(pages::registration_confirm_page(
        lang,
        &summary,
        &ticket,
        &language_links(params),
    ))
}

/// A platform on a loopback address is accepted only by a tool that runs on one itself (a test or
/// a developer's machine): otherwise registration, which makes the tool fetch and post to the
/// URLs it is given, could reach services on the tool's own host.
fn no_loopback_unless_local(state: &AppState, url: &Url) -> Result<(), LtiError> {
    let tool_is_local =
        Url::parse(&state.config().base_url).is_ok_and(|base| crate::config::is_loopback(&base));
    if crate::config::is_loopback(url) && !tool_is_local {
        return Err(LtiError::new(
            Reason::PlatformConfigInvalid,
            format!("{url} is a loopback address and this tool is not on one"),
        ));
    }
    Ok(())
}

/// The operator's consent: a live one-time link, or registration opened in `tool.toml`.
async fn consent(state: &AppState, invite: Option<&str>) -> Result<Option<Invite>, LtiError> {
    match invite.filter(|i| !i.is_empty()) {
        Some(token) => state
            .registrations()
            .invite(token)
            .await
            .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
            .map(Some)
            .ok_or_else(|| {
                LtiError::new(
                    Reason::RegistrationLinkUnknown,
                    "registration link unknown, expired or already used",
                )
            }),
        None if state.config().registration.open => Ok(None),
        None => Err(LtiError::new(
            Reason::RegistrationClosed,
            "registration is closed and the URL carries no registration link",
        )),
    }
}

async fn fetch_configuration(
    state: &AppState,
    source: &Url,
    token: Option<&str>,
) -> Result<PlatformConfiguration, LtiError> {
    let mut request = state
        .http()
        .get(source.as_str())
        .header(header::ACCEPT, "application/json");
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let (_, body) = read_limited(request, MAX_ANSWER).await.map_err(|e| {
        LtiError::new(
            Reason::PlatformConfigUnavailable,
            format!("fetching {source}: {}", e),
        )
    })?;
    discovery::read_configuration(source, &body)
        .map_err(|e| LtiError::new(Reason::PlatformConfigInvalid, format!("{source}: {e}")))
}

/// The name of a platform registered without one: `moodle 4.5 (lms.example.edu)`, or the
/// issuer's host.
fn default_name(issuer: &str, product: Option<&str>) -> String {
    let host = Url::parse(issuer)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| issuer.to_owned());
    match product {
        Some(product) => format!("{product} ({host})"),
        None => host,
    }
}

fn custom_parameter_names(request: &serde_json::Value) -> Vec<String> {
    request[discovery::TOOL_CONFIGURATION]["custom_parameters"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                .collect()
        })
        .unwrap_or_default()
}

/// The origin of the LMS page that opened the registration (`Origin` or `Referer`), kept as a
/// frame origin: hosted LMSs serve their pages from the school's domain, not the issuer's.
fn opener_origin(headers: &HeaderMap) -> Option<String> {
    [header::ORIGIN, header::REFERER]
        .iter()
        .filter_map(|name| headers.get(name)?.to_str().ok())
        .filter_map(|value| Url::parse(value).ok())
        .filter(|url| url.scheme() == "https" || crate::config::is_loopback(url))
        .map(|url| url.origin().ascii_serialization())
        .find(|origin| origin != "null")
}

/// The same registration URL in English and in French.
fn language_links(params: &HashMap<String, String>) -> [(Lang, String); 2] {
    [Lang::En, Lang::Fr].map(|lang| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        let mut names: Vec<&String> = params.keys().filter(|k| *k != "lang").collect();
        names.sort();
        for name in names {
            query.append_pair(name, &params[name]);
        }
        query.append_pair("lang", lang.code());
        (lang, format!("/lti/register?{}", query.finish()))
    })
}

/// The administrator confirmed: register with the platform and keep the registration.
async fn complete(state: &AppState, form: &HashMap<String, String>) -> Result<Response, LtiError> {
    let ticket = form
        .get("ticket")
        .ok_or_else(|| LtiError::new(Reason::BadRequest, "registration without ticket"))?;
    let pending = state
        .take_ticket(&format!("register:{ticket}"), "registration ticket")
        .await?;
    let pending: Pending = serde_json::from_str(&pending)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    let lang = pending.lang;
    // The link is used up now, so that two confirmations cannot both register with it.
    let invite = match &pending.invite {
        Some(token) => Some(
            state
                .registrations()
                .take_invite(token)
                .await
                .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()).in_lang(lang))?
                .ok_or_else(|| {
                    LtiError::new(
                        Reason::RegistrationLinkUnknown,
                        "registration link used meanwhile",
                    )
                    .in_lang(lang)
                })?,
        ),
        None => None,
    };
    let client = match post_registration(state, &pending).await {
        Ok(client) => client,
        Err(error) => {
            // The platform refused: the same link may be tried again.
            if let (Some(token), Some(invite)) = (&pending.invite, &invite) {
                let _ = state.registrations().add_invite(token, invite).await;
            }
            return Err(error.in_lang(lang));
        }
    };
    let registration = Registration {
        id: new_id(),
        name: invite
            .as_ref()
            .and_then(|i| i.name.clone())
            .unwrap_or_else(|| default_name(&pending.issuer, pending.product.as_deref())),
        issuer: pending.issuer.clone(),
        client_id: client.client_id.clone(),
        deployment_ids: client.deployment_id.clone().into_iter().collect(),
        auth_url: pending.authorization_endpoint.clone(),
        jwks_url: pending.jwks_uri.clone(),
        frame_origins: pending.opener_origin.clone().into_iter().collect(),
        feed_hosts: invite.as_ref().and_then(|i| i.feed_hosts.clone()),
        product: pending.product.clone(),
        openid_configuration: pending.configuration_url.clone(),
        registered_at: unix_now(),
    };
    let added = state
        .registrations()
        .add(&registration)
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()).in_lang(lang))?;
    if !added {
        return Err(LtiError::new(
            Reason::AlreadyRegistered,
            format!(
                "issuer {} already has client_id {}",
                registration.issuer, registration.client_id
            ),
        )
        .in_lang(lang));
    }
    tracing::info!(id = %registration.id, issuer = %registration.issuer, client_id = %registration.client_id,
        deployment = ?client.deployment_id, "dynamic registration completed");
    let settings = &state.config().registration;
    let summary = RegistrationSummary {
        tool_name: settings.tool_name.clone(),
        platform_name: registration.name.clone(),
        issuer: registration.issuer.clone(),
        product: registration.product.clone(),
        feed_hosts: Vec::new(),
        default_feed: None,
        deep_linking: false,
        custom_parameters: Vec::new(),
        base_url: state.config().base_url.clone(),
        existing_registrations: 0,
        client_id: Some(client.client_id),
        deployment_id: client.deployment_id,
    };
    Ok(pages::registration_done_page(lang, &summary))
}

/// Posts the tool's registration with the registration token and reads the platform's answer.
async fn post_registration(
    state: &AppState,
    pending: &Pending,
) -> Result<RegisteredClient, LtiError> {
    let mut request = state
        .http()
        .post(&pending.registration_endpoint)
        .header(header::ACCEPT, "application/json")
        .json(&pending.request);
    if let Some(token) = &pending.registration_token {
        request = request.bearer_auth(token);
    }
    let (_, body) = read_limited(request, MAX_ANSWER).await.map_err(|e| {
        LtiError::new(
            Reason::RegistrationRefused,
            format!("posting to {}: {}", pending.registration_endpoint, e),
        )
    })?;
    discovery::read_registration_response(&body).map_err(|e| {
        LtiError::new(
            Reason::RegistrationRefused,
            format!("{}: {e}", pending.registration_endpoint),
        )
    })
}
