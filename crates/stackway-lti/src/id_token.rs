//! Complete validation of a platform's id_token, in three stages:
//!
//! 1. the **header**: RS256 only, and a `kid`;
//! 2. the **key**: the platform's key for that `kid`, from its key set ([`crate::jwks`]);
//! 3. the **claims**: the signature with that key, `iss`, `aud`, `azp`, `exp` and `iat` with a
//!    small skew, the `nonce` (issued by us with this state, used once), then the LTI claims
//!    (`version`, `deployment_id`, `message_type`, `roles`, and the message's own required claims),
//!    which become a [`Launch`].

use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;
use subtle::ConstantTimeEq;

use crate::claims::{custom_parameters, DeepLinkSettings, Launch, MessageType, DL, LTI};
use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::state::AppState;

/// Validates `token` against the registration and the nonce issued at login.
pub async fn validate_id_token(
    state: &AppState,
    platform: &Platform,
    token: &str,
    expected_nonce: &str,
) -> Result<Launch, LtiError> {
    let kid = header_kid(token)?;
    let key = state
        .platform_keys()
        .key(platform.jwks_url.as_str(), &kid)
        .await?;
    let claims = verified_claims(state, platform, token, &key)?;
    take_nonce(state, &claims, expected_nonce).await?;
    lti_claims(platform, &claims)
}

/// Stage 1: the header names RS256 and a key.
fn header_kid(token: &str) -> Result<String, LtiError> {
    let header = token
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
    let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
    if alg != "RS256" {
        return Err(LtiError::new(
            Reason::AlgorithmNotAllowed,
            format!("id_token alg {alg:?}; only RS256 is accepted"),
        ));
    }
    header
        .get("kid")
        .and_then(Value::as_str)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| LtiError::new(Reason::KeyIdMissing, "id_token header has no kid"))
}

/// Stage 3a: the signature, `iss`, `aud`, `exp`, `iat` and `azp`.
fn verified_claims(
    state: &AppState,
    platform: &Platform,
    token: &str,
    key: &DecodingKey,
) -> Result<Value, LtiError> {
    let skew = state.inner().options.clock_skew.as_secs();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.algorithms = vec![Algorithm::RS256];
    validation.leeway = skew;
    validation.set_issuer(&[platform.issuer.as_str()]);
    validation.set_audience(&[platform.client_id.as_str()]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud"]);
    validation.validate_exp = true;
    let claims = jsonwebtoken::decode::<Value>(token, key, &validation)
        .map_err(|err| {
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
        })?
        .claims;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let iat = claims
        .get("iat")
        .and_then(Value::as_u64)
        .ok_or_else(|| LtiError::new(Reason::MissingClaim, "iat is not a number"))?;
    if iat > now + skew {
        return Err(LtiError::new(
            Reason::IssuedInFuture,
            format!("iat is {}s in the future", iat - now),
        ));
    }
    check_azp(platform, &claims)?;
    Ok(claims)
}

/// `azp`, when present, is the client_id; with several audiences it must be present.
fn check_azp(platform: &Platform, claims: &Value) -> Result<(), LtiError> {
    let several_audiences = claims
        .get("aud")
        .and_then(Value::as_array)
        .is_some_and(|a| a.len() > 1);
    match claims.get("azp").and_then(Value::as_str) {
        Some(azp) if azp != platform.client_id => Err(LtiError::new(
            Reason::AzpMismatch,
            format!("azp {azp:?} is not the client_id"),
        )),
        None if several_audiences => Err(LtiError::new(
            Reason::AzpMismatch,
            "several audiences and no azp",
        )),
        _ => Ok(()),
    }
}

/// Stage 3b: the nonce was issued by this tool, is used now for the first time, and belongs to
/// this login's state.
async fn take_nonce(state: &AppState, claims: &Value, expected: &str) -> Result<(), LtiError> {
    let nonce = claims
        .get("nonce")
        .and_then(Value::as_str)
        .ok_or_else(|| LtiError::new(Reason::MissingClaim, "no nonce claim"))?;
    let fresh = state
        .store()
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
    if !bool::from(nonce.as_bytes().ct_eq(expected.as_bytes())) {
        return Err(LtiError::new(
            Reason::NonceMismatch,
            "nonce was issued for another state",
        ));
    }
    Ok(())
}

/// A required LTI claim as non-empty text.
fn required(claims: &Value, name: &str) -> Result<String, LtiError> {
    claims
        .get(format!("{LTI}{name}"))
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .ok_or_else(|| LtiError::new(Reason::MissingClaim, format!("missing claim {name}")))
}

/// Stage 3c: the LTI claims, checked and read into a [`Launch`].
fn lti_claims(platform: &Platform, claims: &Value) -> Result<Launch, LtiError> {
    let version = required(claims, "version")?;
    if version != "1.3.0" {
        return Err(LtiError::new(
            Reason::WrongVersion,
            format!("LTI version {version:?}"),
        ));
    }
    let deployment_id = required(claims, "deployment_id")?;
    if !platform.allows_deployment(&deployment_id) {
        return Err(LtiError::new(
            Reason::UnknownDeployment,
            format!(
                "deployment {deployment_id:?} is not registered for {}",
                platform.name
            ),
        ));
    }
    let message_type = match required(claims, "message_type")?.as_str() {
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
    let resource_link_id = claims
        .get(format!("{LTI}resource_link"))
        .and_then(|link| link.get("id"))
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    let deep_link = match message_type {
        MessageType::LtiResourceLinkRequest if resource_link_id.is_none() => {
            return Err(LtiError::new(
                Reason::MissingClaim,
                "missing claim resource_link.id",
            ))
        }
        MessageType::LtiResourceLinkRequest => None,
        MessageType::LtiDeepLinkingRequest => Some(deep_linking_settings(claims)?),
    };
    let custom = claims
        .get(format!("{LTI}custom"))
        .map(custom_parameters)
        .unwrap_or_default();
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
        sub: claims
            .get("sub")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        roles,
        resource_link_id,
        locale: claims
            .get(format!("{LTI}launch_presentation"))
            .and_then(|p| p.get("locale"))
            .and_then(Value::as_str)
            .map(str::to_string),
        custom,
        person_sourcedid,
        deep_link,
    })
}

/// The deep linking settings of an `LtiDeepLinkingRequest`.
fn deep_linking_settings(claims: &Value) -> Result<DeepLinkSettings, LtiError> {
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
    Ok(DeepLinkSettings {
        return_url: return_url.to_string(),
        data: settings.get("data").filter(|d| !d.is_null()).cloned(),
        accept_types,
    })
}
