//! `POST /lti/launch`: complete validation of the platform's id_token, then the launch itself.
//!
//! Checks, in order: the OIDC `state` (known, unused, bound to this browser by cookie or, when the
//! cookie is blocked, by platform storage); the JWT header (RS256 only, a `kid`); the signature with
//! the platform's key for that `kid`; `iss`, `aud`, `azp`; `exp` and `iat` with a small skew; the
//! `nonce` (issued by us with this state, used once); then the LTI claims (`version`,
//! `deployment_id`, `message_type`, `roles`, and the message's own required claims).

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use subtle::ConstantTimeEq;

use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::lang::Lang;
use crate::login::{state_cookie_name, LoginRecord};
use crate::{deep_link, pages, parse_form, random_token, AppState};

const LTI: &str = "https://purl.imsglobal.org/spec/lti/claim/";
const DL: &str = "https://purl.imsglobal.org/spec/lti-dl/claim/";

/// The two messages this tool handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageType {
    LtiResourceLinkRequest,
    LtiDeepLinkingRequest,
}

/// Deep linking settings of an `LtiDeepLinkingRequest`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeepLinkSettings {
    pub return_url: String,
    /// Opaque to the tool and echoed back as is (a string per the spec; some platforms send JSON).
    pub data: Option<Value>,
    pub accept_types: Vec<String>,
}

/// A validated launch: everything the tool may rely on, all from the signed id_token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Launch {
    pub message_type: MessageType,
    pub issuer: String,
    pub client_id: String,
    pub deployment_id: String,
    pub sub: Option<String>,
    pub roles: Vec<String>,
    pub resource_link_id: Option<String>,
    /// Custom parameters with numbers turned into text and unresolved `$Variables` removed.
    pub custom: BTreeMap<String, String>,
    pub locale: Option<String>,
    pub person_sourcedid: Option<String>,
    pub deep_link: Option<DeepLinkSettings>,
}

impl Launch {
    /// The page language: the `lang` custom parameter, else `launch_presentation.locale`, else English.
    pub fn lang(&self) -> Lang {
        self.custom
            .get("lang")
            .and_then(|l| Lang::from_tag(l))
            .or_else(|| self.locale.as_deref().and_then(Lang::from_tag))
            .unwrap_or_default()
    }
}

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
    form: &std::collections::HashMap<String, String>,
    headers: &HeaderMap,
    lang: Lang,
) -> Result<Response, LtiError> {
    let inner = state.inner();
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

    let record = inner
        .store
        .take(&format!("state:{oidc_state}"))
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
        .ok_or_else(|| {
            LtiError::new(
                Reason::StateUnknown,
                "state is unknown, expired or already used",
            )
        })?;
    let record: LoginRecord = serde_json::from_str(&record)
        .map_err(|e| LtiError::new(Reason::Internal, format!("stored state: {e}")))?;

    // The browser must prove it is the one that started this login.
    let cookie = cookie_value(headers, &state_cookie_name(oidc_state));
    let deferred = match cookie {
        Some(value) if bool::from(value.as_bytes().ct_eq(oidc_state.as_bytes())) => false,
        Some(_) => {
            return Err(LtiError::new(
                Reason::StateMismatch,
                "state cookie holds another state",
            ))
        }
        None if record.storage_target.is_some() => true,
        None => {
            return Err(LtiError::new(
                Reason::StateMismatch,
                "no state cookie for this state and no platform storage",
            ))
        }
    };

    let platform = inner
        .config
        .platform(&record.issuer, Some(&record.client_id))
        .ok_or_else(|| {
            LtiError::new(Reason::UnknownPlatform, "registration removed since login")
        })?;
    let launch = validate_id_token(state, platform, token, &record.nonce).await?;

    if deferred {
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
        inner
            .store
            .put(
                &format!("ticket:{ticket}"),
                &pending,
                inner.options.login_ttl,
            )
            .await
            .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?;
        return Ok(pages::platform_storage_get_page(
            state,
            lang,
            &storage_target,
            &platform.storage_origin(),
            oidc_state,
            &ticket,
        ));
    }
    respond(state, platform, launch).await
}

/// `POST /lti/launch/verify`: the launch page read the state back from platform storage.
pub(crate) async fn verify_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    let lang = lang_hint(None, &headers);
    let result = async {
        let inner = state.inner();
        let ticket = form
            .get("ticket")
            .ok_or_else(|| LtiError::new(Reason::BadRequest, "verification without ticket"))?;
        let pending = take_ticket(
            inner.store.as_ref(),
            &format!("ticket:{ticket}"),
            "platform storage ticket",
        )
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
        let platform = inner
            .config
            .platform(&pending.launch.issuer, Some(&pending.launch.client_id))
            .ok_or_else(|| {
                LtiError::new(Reason::UnknownPlatform, "registration removed since login")
            })?;
        respond(&state, platform, pending.launch)
            .await
            .map_err(|e| e.in_lang(lang))
    }
    .await;
    result.unwrap_or_else(|err| {
        if err.reason == Reason::StateMismatch {
            err.into_response()
        } else {
            err.in_lang(lang).into_response()
        }
    })
}

async fn respond(
    state: &AppState,
    platform: &Platform,
    launch: Launch,
) -> Result<Response, LtiError> {
    let lang = launch.lang();
    let result = match launch.message_type {
        MessageType::LtiResourceLinkRequest => pages::launch_page(state, platform, &launch).await,
        MessageType::LtiDeepLinkingRequest => {
            deep_link::designer_page(state, platform, &launch).await
        }
    };
    result.map_err(|e| e.in_lang(lang))
}

/// Validates `token` against the registration and the nonce issued at login.
pub async fn validate_id_token(
    state: &AppState,
    platform: &Platform,
    token: &str,
    expected_nonce: &str,
) -> Result<Launch, LtiError> {
    let inner = state.inner();
    let header_json = token
        .split('.')
        .next()
        .and_then(|h| URL_SAFE_NO_PAD.decode(h.trim_end_matches('=')).ok())
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .ok_or_else(|| {
            LtiError::new(
                Reason::MalformedToken,
                "id_token header is not base64url JSON",
            )
        })?;
    // Read alg ourselves: jsonwebtoken cannot even represent `none`, and we want a clear code for it.
    let alg = header_json.get("alg").and_then(Value::as_str).unwrap_or("");
    if alg != "RS256" {
        return Err(LtiError::new(
            Reason::AlgorithmNotAllowed,
            format!("id_token alg {alg:?}; only RS256 is accepted"),
        ));
    }
    let kid = header_json
        .get("kid")
        .and_then(Value::as_str)
        .filter(|k| !k.is_empty())
        .ok_or_else(|| LtiError::new(Reason::KeyIdMissing, "id_token header has no kid"))?;
    let key = inner
        .platform_keys
        .key(platform.jwks_url.as_str(), kid)
        .await?;

    let mut validation = Validation::new(Algorithm::RS256);
    validation.algorithms = vec![Algorithm::RS256];
    validation.leeway = inner.options.clock_skew.as_secs();
    validation.set_issuer(&[platform.issuer.as_str()]);
    validation.set_audience(&[platform.client_id.as_str()]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud"]);
    validation.validate_exp = true;
    let data = jsonwebtoken::decode::<Value>(token, &key, &validation).map_err(|err| {
        let reason = match err.kind() {
            ErrorKind::InvalidSignature => Reason::BadSignature,
            ErrorKind::ExpiredSignature => Reason::TokenExpired,
            ErrorKind::InvalidIssuer => Reason::WrongIssuer,
            ErrorKind::InvalidAudience => Reason::WrongAudience,
            ErrorKind::MissingRequiredClaim(_) => Reason::MissingClaim,
            ErrorKind::InvalidAlgorithm => Reason::AlgorithmNotAllowed,
            ErrorKind::ImmatureSignature => Reason::IssuedInFuture,
            _ => Reason::MalformedToken,
        };
        LtiError::new(reason, format!("id_token from {}: {err}", platform.name))
    })?;
    let claims = data.claims;

    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let iat = claims
        .get("iat")
        .and_then(Value::as_u64)
        .ok_or_else(|| LtiError::new(Reason::MissingClaim, "iat is not a number"))?;
    if iat > now + inner.options.clock_skew.as_secs() {
        return Err(LtiError::new(
            Reason::IssuedInFuture,
            format!("iat is {}s in the future", iat - now),
        ));
    }
    let several_audiences = claims
        .get("aud")
        .and_then(Value::as_array)
        .is_some_and(|a| a.len() > 1);
    match claims.get("azp").and_then(Value::as_str) {
        Some(azp) if azp != platform.client_id => {
            return Err(LtiError::new(
                Reason::AzpMismatch,
                format!("azp {azp:?} is not the client_id"),
            ));
        }
        None if several_audiences => {
            return Err(LtiError::new(
                Reason::AzpMismatch,
                "several audiences and no azp",
            ))
        }
        _ => {}
    }

    let nonce = claims
        .get("nonce")
        .and_then(Value::as_str)
        .ok_or_else(|| LtiError::new(Reason::MissingClaim, "no nonce claim"))?;
    let fresh = inner
        .store
        .take(&format!("nonce:{nonce}"))
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
        .is_some();
    if !fresh {
        return Err(LtiError::new(
            Reason::NonceReplayed,
            "nonce already used, expired or never issued",
        ));
    }
    if !bool::from(nonce.as_bytes().ct_eq(expected_nonce.as_bytes())) {
        return Err(LtiError::new(
            Reason::NonceMismatch,
            "nonce was issued for another state",
        ));
    }

    let text = |name: &str| {
        claims
            .get(format!("{LTI}{name}"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let required = |name: &str| {
        text(name)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| LtiError::new(Reason::MissingClaim, format!("missing claim {name}")))
    };

    let version = required("version")?;
    if version != "1.3.0" {
        return Err(LtiError::new(
            Reason::WrongVersion,
            format!("LTI version {version:?}"),
        ));
    }
    let deployment_id = required("deployment_id")?;
    if !platform.deployment_ids.contains(&deployment_id) {
        return Err(LtiError::new(
            Reason::UnknownDeployment,
            format!(
                "deployment {deployment_id:?} is not registered for {}",
                platform.name
            ),
        ));
    }
    let message_type = match required("message_type")?.as_str() {
        "LtiResourceLinkRequest" => MessageType::LtiResourceLinkRequest,
        "LtiDeepLinkingRequest" => MessageType::LtiDeepLinkingRequest,
        other => {
            return Err(LtiError::new(
                Reason::UnsupportedMessage,
                format!("message_type {other:?}"),
            ))
        }
    };
    let roles = claims
        .get(format!("{LTI}roles"))
        .and_then(Value::as_array)
        .ok_or_else(|| LtiError::new(Reason::MissingClaim, "missing claim roles"))?
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    let sub = claims
        .get("sub")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string);

    let resource_link_id = claims
        .get(format!("{LTI}resource_link"))
        .and_then(|link| link.get("id"))
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    let deep_link = match message_type {
        MessageType::LtiResourceLinkRequest => {
            if resource_link_id.is_none() {
                return Err(LtiError::new(
                    Reason::MissingClaim,
                    "missing claim resource_link.id",
                ));
            }
            None
        }
        MessageType::LtiDeepLinkingRequest => {
            let settings = claims
                .get(format!("{DL}deep_linking_settings"))
                .ok_or_else(|| {
                    LtiError::new(Reason::MissingClaim, "missing claim deep_linking_settings")
                })?;
            let return_url = settings
                .get("deep_link_return_url")
                .and_then(Value::as_str)
                .and_then(|u| url::Url::parse(u).ok())
                .filter(|u| matches!(u.scheme(), "https" | "http"))
                .ok_or_else(|| {
                    LtiError::new(
                        Reason::MissingClaim,
                        "deep_link_return_url missing or not a URL",
                    )
                })?;
            let accept_types: Vec<String> = settings
                .get("accept_types")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            // Stackway can only return an LTI resource link; a placement that accepts none of
            // those (for example only files) cannot use it.
            if !accept_types.is_empty() && !accept_types.iter().any(|t| t == "ltiResourceLink") {
                return Err(LtiError::new(
                    Reason::UnsupportedMessage,
                    format!("deep linking accepts {accept_types:?}, not ltiResourceLink"),
                ));
            }
            Some(DeepLinkSettings {
                return_url: return_url.to_string(),
                data: settings.get("data").filter(|d| !d.is_null()).cloned(),
                accept_types,
            })
        }
    };

    let custom = claims
        .get(format!("{LTI}custom"))
        .map(custom_parameters)
        .unwrap_or_default();
    let locale = claims
        .get(format!("{LTI}launch_presentation"))
        .and_then(|p| p.get("locale"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let person_sourcedid = custom.get("person_sourcedid").cloned().or_else(|| {
        claims
            .get(format!("{LTI}lis"))
            .and_then(|lis| lis.get("person_sourcedid"))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty() && !s.starts_with('$'))
            .map(str::to_string)
    });

    Ok(Launch {
        message_type,
        issuer: platform.issuer.clone(),
        client_id: platform.client_id.clone(),
        deployment_id,
        sub,
        roles,
        resource_link_id,
        custom,
        locale,
        person_sourcedid,
        deep_link,
    })
}

/// Custom parameters as text: numbers and booleans become their text, values that still start with
/// `$` are substitution variables the LMS did not resolve and count as missing, blanks are dropped.
pub fn custom_parameters(custom: &Value) -> BTreeMap<String, String> {
    let Some(map) = custom.as_object() else {
        return BTreeMap::new();
    };
    map.iter()
        .filter_map(|(key, value)| {
            let text = match value {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            (!text.is_empty() && !text.starts_with('$')).then(|| (key.clone(), text))
        })
        .collect()
}

/// The language for an error page: from the (unverified) token's `lang` or locale, which only picks
/// the language of the refusal, else the browser's `Accept-Language`.
pub(crate) fn lang_hint(token: Option<&str>, headers: &HeaderMap) -> Lang {
    let from_token = token
        .and_then(|t| t.split('.').nth(1))
        .and_then(|p| URL_SAFE_NO_PAD.decode(p.trim_end_matches('=')).ok())
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .and_then(|claims| {
            let custom = claims
                .get(format!("{LTI}custom"))
                .map(custom_parameters)
                .unwrap_or_default();
            custom
                .get("lang")
                .and_then(|l| Lang::from_tag(l))
                .or_else(|| {
                    claims
                        .get(format!("{LTI}launch_presentation"))
                        .and_then(|p| p.get("locale"))
                        .and_then(Value::as_str)
                        .and_then(Lang::from_tag)
                })
        });
    from_token
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then(|| value.to_string())
        })
}

/// Takes a single-use ticket (a page handed to the browser between two steps of a flow) from the
/// store: an unknown, expired or already used ticket is refused with `ticket-unknown`.
pub(crate) async fn take_ticket(
    store: &dyn crate::OneTimeStore,
    key: &str,
    what: &str,
) -> Result<String, LtiError> {
    store
        .take(key)
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
        .ok_or_else(|| {
            LtiError::new(
                Reason::TicketUnknown,
                format!("{what} unknown, expired or used"),
            )
        })
}
