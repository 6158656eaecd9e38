//! The data of a validated launch, and what the widget is told: plain types and pure helpers
//! that every other module may use (this module uses only [`crate::lang`]).
//!
//! [`crate::id_token`] fills a [`Launch`] from a verified id_token; nothing else creates one.

use std::collections::BTreeMap;

use axum::http::{header, HeaderMap};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lang::Lang;

/// Prefix of the LTI 1.3 core claims.
pub const LTI: &str = "https://purl.imsglobal.org/spec/lti/claim/";
/// Prefix of the LTI Deep Linking 2.0 claims.
pub const DL: &str = "https://purl.imsglobal.org/spec/lti-dl/claim/";

/// Views the widget knows.
pub const VIEWS: [&str; 5] = ["programs", "map", "explore", "plan", "pathways"];

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

/// What the widget is told to show, resolved from the launch's custom parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WidgetConfig {
    pub feed: String,
    pub goal: Option<String>,
    pub view: Option<String>,
    pub lang: &'static str,
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
pub fn lang_hint(token: Option<&str>, headers: &HeaderMap) -> Lang {
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
        .or_else(|| accept_language(headers))
        .unwrap_or_default()
}

/// The first supported language of the browser's `Accept-Language`.
pub fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
}

/// Feed ids: `^[a-z0-9][a-z0-9._-]{0,63}$`.
pub fn is_feed_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes.iter().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}
