//! LTI Dynamic Registration 1.0, the messages of the tool's side, as pure functions: reading and
//! checking a platform's OpenID configuration, building the tool's registration request, and
//! reading the platform's answer. The handlers in [`crate::register`] do the fetching.
//!
//! What is checked in the configuration (1EdTech LTI Dynamic Registration 1.0, §3.4–3.5):
//! the `issuer` has the origin of the configuration URL it was read from (so a platform cannot
//! register in another's name); the authorization, key set and registration endpoints are https
//! URLs (http only on loopback, as everywhere in the tool); RS256 is among the id_token
//! algorithms when the list is given; and the platform launches resource links. Moodle lists
//! `messages_supported` as strings and Canvas as objects with placements: both are read.

use serde_json::{json, Map, Value};
use url::Url;

use crate::config::is_loopback;

/// The LTI part of the platform's configuration.
const PLATFORM_CONFIGURATION: &str = "https://purl.imsglobal.org/spec/lti-platform-configuration";
/// The LTI part of the tool's registration.
pub const TOOL_CONFIGURATION: &str = "https://purl.imsglobal.org/spec/lti-tool-configuration";

/// Deep linking placements the tool asks for where the platform offers them (Canvas): adding a
/// module item, an assignment, and content in the rich content editor.
const DEEP_LINKING_PLACEMENTS: [&str; 3] =
    ["link_selection", "assignment_selection", "editor_button"];

/// What the tool needs from a platform's OpenID configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformConfiguration {
    pub issuer: String,
    pub authorization_endpoint: Url,
    pub jwks_uri: Url,
    pub registration_endpoint: Url,
    /// `product_family_code` and `version`, for the operator (`moodle 4.5.1`).
    pub product: Option<String>,
    /// Whether the platform sends `LtiDeepLinkingRequest` (true when it does not say).
    pub deep_linking: bool,
    /// The deep linking placements the platform lists (Canvas); empty when it lists none.
    pub deep_linking_placements: Vec<String>,
    /// The substitution variables the platform resolves in custom parameters.
    pub variables: Vec<String>,
}

/// Reads the platform's configuration document fetched from `source`.
pub fn read_configuration(source: &Url, body: &[u8]) -> Result<PlatformConfiguration, String> {
    let document: Value =
        serde_json::from_slice(body).map_err(|e| format!("the configuration is not JSON: {e}"))?;
    let text = |name: &str| {
        document
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("the configuration has no {name}"))
    };
    let issuer = text("issuer")?.trim_end_matches('/').to_owned();
    let issuer_url = endpoint(&issuer, "issuer")?;
    if issuer_url.origin() != source.origin() {
        return Err(format!(
            "the issuer {issuer} is not on the origin of the configuration URL {}",
            source.origin().ascii_serialization()
        ));
    }
    if let Some(algorithms) = document
        .get("id_token_signing_alg_values_supported")
        .and_then(Value::as_array)
    {
        if !algorithms.iter().any(|a| a.as_str() == Some("RS256")) {
            return Err("the platform does not sign id_tokens with RS256".into());
        }
    }
    let lti = document.get(PLATFORM_CONFIGURATION);
    let messages = lti
        .and_then(|l| l.get("messages_supported"))
        .and_then(Value::as_array);
    let supports = |message: &str| {
        messages.is_none_or(|list| list.iter().any(|m| message_type(m) == Some(message)))
    };
    if !supports("LtiResourceLinkRequest") {
        return Err("the platform does not send LtiResourceLinkRequest launches".into());
    }
    let product = lti
        .and_then(|l| l.get("product_family_code"))
        .and_then(Value::as_str)
        .map(
            |code| match lti.and_then(|l| l.get("version")).and_then(Value::as_str) {
                Some(version) => format!("{code} {version}"),
                None => code.to_owned(),
            },
        );
    Ok(PlatformConfiguration {
        authorization_endpoint: endpoint(
            text("authorization_endpoint")?,
            "authorization_endpoint",
        )?,
        jwks_uri: endpoint(text("jwks_uri")?, "jwks_uri")?,
        registration_endpoint: endpoint(text("registration_endpoint")?, "registration_endpoint")?,
        issuer,
        product,
        deep_linking: supports("LtiDeepLinkingRequest"),
        deep_linking_placements: placements(messages, "LtiDeepLinkingRequest"),
        variables: strings(lti.and_then(|l| l.get("variables"))),
    })
}

/// The type of one `messages_supported` entry: a string (Moodle) or `{type, placements}`.
fn message_type(entry: &Value) -> Option<&str> {
    entry
        .as_str()
        .or_else(|| entry.get("type").and_then(Value::as_str))
}

fn placements(messages: Option<&Vec<Value>>, message: &str) -> Vec<String> {
    messages
        .into_iter()
        .flatten()
        .filter(|m| message_type(m) == Some(message))
        .flat_map(|m| strings(m.get("placements")))
        .collect()
}

fn strings(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// An endpoint URL: https, or http on a loopback host.
pub fn endpoint(value: &str, what: &str) -> Result<Url, String> {
    let url = Url::parse(value).map_err(|e| format!("{what} {value:?} is not a URL: {e}"))?;
    match url.scheme() {
        "https" if url.host().is_some() => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        _ => Err(format!(
            "{what} {value:?} must be an https URL (http only on loopback)"
        )),
    }
}

/// What the tool says about itself when it registers.
pub struct ToolDescription<'a> {
    /// The tool's origin (`base_url`).
    pub base_url: &'a str,
    /// The name administrators see in the LMS.
    pub name: &'a str,
    /// Whether learners' progress is looked up by `person_sourcedid` (asked for as a custom
    /// parameter where the platform resolves `$Person.sourcedId`).
    pub wants_person_sourcedid: bool,
}

/// The tool's registration request (the body POSTed to the registration endpoint).
pub fn registration_request(tool: &ToolDescription, platform: &PlatformConfiguration) -> Value {
    let launch = format!("{}/lti/launch", tool.base_url);
    let domain = Url::parse(tool.base_url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| u.port().map_or(h.to_owned(), |p| format!("{h}:{p}")))
        })
        .unwrap_or_default();
    let mut messages = vec![json!({
        "type": "LtiResourceLinkRequest",
        "target_link_uri": launch,
        "label": tool.name,
    })];
    if platform.deep_linking {
        let mut message = json!({
            "type": "LtiDeepLinkingRequest",
            "target_link_uri": launch,
            "label": tool.name,
        });
        let offered: Vec<&str> = DEEP_LINKING_PLACEMENTS
            .into_iter()
            .filter(|p| platform.deep_linking_placements.iter().any(|o| o == p))
            .collect();
        if !offered.is_empty() {
            message["placements"] = json!(offered);
        }
        messages.push(message);
    }
    let mut configuration = json!({
        "domain": domain,
        "target_link_uri": launch,
        "description": "Micro-credential pathways: what learners hold, what stacks toward what, and the best route to a goal.",
        "description#fr": "Parcours de microcertifications\u{a0}: ce que l’apprenant détient, ce qui s’empile vers quoi, et le meilleur chemin vers un objectif.",
        "claims": ["iss", "sub"],
        "messages": messages,
    });
    let custom = custom_parameters(tool, platform);
    if !custom.is_empty() {
        configuration["custom_parameters"] = Value::Object(custom);
    }
    json!({
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": format!("{}/lti/login", tool.base_url),
        "redirect_uris": [launch],
        "client_name": tool.name,
        "jwks_uri": format!("{}/.well-known/jwks.json", tool.base_url),
        "token_endpoint_auth_method": "private_key_jwt",
        // Stackway uses no LTI Advantage service; some platforms require the field.
        "scope": "",
        TOOL_CONFIGURATION: configuration,
    })
}

/// Substitution variables the tool reads, asked for only where the platform resolves them:
/// the learner's language (Canvas sends no `launch_presentation.locale`) and, when progress is
/// looked up by it, the SIS id.
fn custom_parameters(
    tool: &ToolDescription,
    platform: &PlatformConfiguration,
) -> Map<String, Value> {
    let resolves = |variable: &str| platform.variables.iter().any(|v| v == variable);
    let mut custom = Map::new();
    if resolves("Message.locale") {
        custom.insert("lang".into(), "$Message.locale".into());
    }
    if tool.wants_person_sourcedid && resolves("Person.sourcedId") {
        custom.insert("person_sourcedid".into(), "$Person.sourcedId".into());
    }
    custom
}

/// What the platform answered to the registration request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredClient {
    pub client_id: String,
    /// The deployment the platform created, when it created one (Moodle does; Canvas does later).
    pub deployment_id: Option<String>,
}

/// Reads the platform's answer: its `client_id` (a string, or a number on some platforms) and
/// the `deployment_id` of its LTI tool configuration.
pub fn read_registration_response(body: &[u8]) -> Result<RegisteredClient, String> {
    let answer: Value =
        serde_json::from_slice(body).map_err(|e| format!("the answer is not JSON: {e}"))?;
    let text = |value: Option<&Value>| match value {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let client_id = text(answer.get("client_id")).ok_or("the answer has no client_id")?;
    let deployment_id = text(
        answer
            .get(TOOL_CONFIGURATION)
            .and_then(|c| c.get("deployment_id")),
    );
    Ok(RegisteredClient {
        client_id,
        deployment_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moodle() -> Value {
        json!({
            "issuer": "https://lms.example.edu/moodle",
            "token_endpoint": "https://lms.example.edu/moodle/mod/lti/token.php",
            "jwks_uri": "https://lms.example.edu/moodle/mod/lti/certs.php",
            "authorization_endpoint": "https://lms.example.edu/moodle/mod/lti/auth.php",
            "registration_endpoint": "https://lms.example.edu/moodle/mod/lti/openid-registration.php",
            "id_token_signing_alg_values_supported": ["RS256"],
            PLATFORM_CONFIGURATION: {
                "product_family_code": "moodle",
                "version": "4.5.1",
                "messages_supported": ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"],
                "variables": ["Person.sourcedId", "Context.id"]
            }
        })
    }

    fn source() -> Url {
        Url::parse("https://lms.example.edu/moodle/mod/lti/openid-configuration.php").unwrap()
    }

    fn read(document: &Value) -> Result<PlatformConfiguration, String> {
        read_configuration(&source(), document.to_string().as_bytes())
    }

    #[test]
    fn reads_a_moodle_configuration() {
        let platform = read(&moodle()).unwrap();
        assert_eq!(platform.issuer, "https://lms.example.edu/moodle");
        assert_eq!(platform.product.as_deref(), Some("moodle 4.5.1"));
        assert!(platform.deep_linking);
        assert!(platform.deep_linking_placements.is_empty());
        assert_eq!(
            platform.registration_endpoint.as_str(),
            "https://lms.example.edu/moodle/mod/lti/openid-registration.php"
        );
    }

    #[test]
    fn reads_canvas_messages_as_objects_with_placements() {
        let mut canvas = moodle();
        canvas[PLATFORM_CONFIGURATION]["messages_supported"] = json!([
            {"type": "LtiResourceLinkRequest", "placements": ["course_navigation"]},
            {"type": "LtiDeepLinkingRequest", "placements": ["link_selection", "editor_button", "homework_submission"]}
        ]);
        let platform = read(&canvas).unwrap();
        assert_eq!(
            platform.deep_linking_placements,
            ["link_selection", "editor_button", "homework_submission"]
        );
        let request = registration_request(&tool(), &platform);
        assert_eq!(
            request[TOOL_CONFIGURATION]["messages"][1]["placements"],
            json!(["link_selection", "editor_button"])
        );
    }

    #[test]
    fn an_issuer_on_another_origin_than_its_configuration_is_refused() {
        let mut other = moodle();
        other["issuer"] = json!("https://other.example.edu");
        assert!(read(&other).unwrap_err().contains("not on the origin"));
        let mut port = moodle();
        port["issuer"] = json!("https://lms.example.edu:8443/moodle");
        assert!(read(&port).is_err(), "another port is another origin");
    }

    #[test]
    fn plain_http_endpoints_missing_endpoints_and_no_rs256_are_refused() {
        let mut http = moodle();
        http["jwks_uri"] = json!("http://lms.example.edu/certs");
        assert!(read(&http).unwrap_err().contains("https"));
        let mut missing = moodle();
        missing
            .as_object_mut()
            .unwrap()
            .remove("registration_endpoint");
        assert!(read(&missing)
            .unwrap_err()
            .contains("registration_endpoint"));
        let mut es = moodle();
        es["id_token_signing_alg_values_supported"] = json!(["ES256"]);
        assert!(read(&es).unwrap_err().contains("RS256"));
        let mut no_launch = moodle();
        no_launch[PLATFORM_CONFIGURATION]["messages_supported"] = json!(["LtiDeepLinkingRequest"]);
        assert!(read(&no_launch).is_err());
        assert!(read_configuration(&source(), b"<html>").is_err());
    }

    fn tool() -> ToolDescription<'static> {
        ToolDescription {
            base_url: "https://stackway.example.edu",
            name: "Stackway",
            wants_person_sourcedid: true,
        }
    }

    #[test]
    fn the_registration_request_names_the_tools_urls_messages_claims_and_custom_parameters() {
        let platform = read(&moodle()).unwrap();
        let request = registration_request(&tool(), &platform);
        insta::assert_snapshot!(serde_json::to_string_pretty(&request).unwrap());
    }

    #[test]
    fn the_answer_gives_the_client_id_and_the_deployment_when_there_is_one() {
        let moodle = br#"{"client_id": "aBc123", "https://purl.imsglobal.org/spec/lti-tool-configuration": {"deployment_id": "7"}}"#;
        assert_eq!(
            read_registration_response(moodle),
            Ok(RegisteredClient {
                client_id: "aBc123".into(),
                deployment_id: Some("7".into())
            })
        );
        let canvas = br#"{"client_id": 10000000000042, "https://purl.imsglobal.org/spec/lti-tool-configuration": {}}"#;
        assert_eq!(
            read_registration_response(canvas),
            Ok(RegisteredClient {
                client_id: "10000000000042".into(),
                deployment_id: None
            })
        );
        assert!(read_registration_response(br#"{"error": "invalid_token"}"#).is_err());
    }
}
