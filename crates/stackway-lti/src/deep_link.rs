//! Deep linking: the designer page (feed, goal, view, language, live preview) and the signed
//! `LtiDeepLinkingResponse` form-posted back to the platform.
//!
//! The validated deep-linking request is kept server-side under a one-time ticket; the designer's
//! form carries only the ticket and the choices, so the return URL, deployment and `data` cannot be
//! altered from the browser.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use url::Url;

use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::lang::Lang;
use crate::launch::{lang_hint, Launch};
use crate::pages::{escape_html, html, VIEWS};
use crate::progress::is_feed_id;
use crate::{parse_form, random_token, AppState};

/// How long a designer may take to choose.
const DESIGNER_TTL: Duration = Duration::from_secs(3600);

/// The designer page for an `LtiDeepLinkingRequest`.
pub(crate) async fn designer_page(
    state: &AppState,
    platform: &Platform,
    launch: &Launch,
) -> Result<Response, LtiError> {
    let inner = state.inner();
    let ticket = random_token();
    let saved = serde_json::to_string(launch)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    inner
        .store
        .put(&format!("deeplink:{ticket}"), &saved, DESIGNER_TTL)
        .await
        .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?;
    let lang = launch.lang();
    let t = |en: &'static str, fr: &'static str| if lang == Lang::Fr { fr } else { en };
    let default_feed = inner
        .config
        .default_feed
        .as_ref()
        .map(Url::to_string)
        .unwrap_or_default();
    let hosts: Vec<String> = platform
        .feed_hosts
        .iter()
        .map(ToString::to_string)
        .collect();
    let view_options: String = VIEWS
        .iter()
        .map(|v| format!("<option value=\"{v}\">{}</option>", view_label(v, lang)))
        .collect();
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang_code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/lti/assets/lti.css\"><script type=\"module\" src=\"/lti/assets/designer.js\"></script></head>\n\
         <body class=\"lti-designer\"><main><h1>{title}</h1>\
         <form method=\"post\" action=\"/lti/deep-link/return\" id=\"designer\" data-hosts=\"{hosts_attr}\" data-widget-script=\"{widget}\">\
         <input type=\"hidden\" name=\"ticket\" value=\"{ticket}\">\
         <p><label for=\"feed_url\">{feed_label}</label><input type=\"url\" id=\"feed_url\" name=\"feed_url\" value=\"{default_feed}\" required aria-describedby=\"feed-help\">\
         <small id=\"feed-help\">{hosts_help} {hosts}</small></p>\
         <p><label for=\"goal\">{goal_label}</label><input type=\"text\" id=\"goal\" name=\"goal\" pattern=\"[a-z0-9][a-z0-9._\\-]{{0,63}}\" aria-describedby=\"goal-help\">\
         <small id=\"goal-help\">{goal_help}</small></p>\
         <p><label for=\"view\">{view_label}</label><select id=\"view\" name=\"view\">{view_options}</select></p>\
         <p><label for=\"lang\">{lang_label}</label><select id=\"lang\" name=\"lang\"><option value=\"en\"{en_selected}>English</option><option value=\"fr\"{fr_selected}>Français</option></select></p>\
         <p><label for=\"title\">{title_label}</label><input type=\"text\" id=\"title\" name=\"title\" value=\"{default_title}\" maxlength=\"200\"></p>\
         <p id=\"designer-error\" role=\"alert\" hidden></p>\
         <p><button type=\"submit\">{submit}</button></p></form>\
         <section aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">{preview}</h2>\
         <stackway-pathways id=\"preview\" feed=\"{default_feed}\" lang=\"{lang_code}\"></stackway-pathways></section></main></body></html>\n",
        lang_code = lang.code(),
        title = t("Add Stackway to your course", "Ajouter Stackway à votre cours"),
        hosts_attr = escape_html(&hosts.join(" ")),
        widget = escape_html(&inner.options.widget_script),
        ticket = escape_html(&ticket),
        feed_label = t("Feed URL", "URL du flux"),
        default_feed = escape_html(&default_feed),
        hosts_help = t("Allowed hosts:", "Hôtes autorisés :"),
        hosts = escape_html(&hosts.join(", ")),
        goal_label = t("Goal (credential id, optional)", "Objectif (identifiant de titre, facultatif)"),
        goal_help = t("For example: cert-data-analytics", "Par exemple : cert-data-analytics"),
        view_label = t("View", "Vue"),
        lang_label = t("Language", "Langue"),
        en_selected = if lang == Lang::En { " selected" } else { "" },
        fr_selected = if lang == Lang::Fr { " selected" } else { "" },
        title_label = t("Link title", "Titre du lien"),
        default_title = t("Stackway pathways", "Parcours Stackway"),
        submit = t("Add to course", "Ajouter au cours"),
        preview = t("Preview", "Aperçu"),
    );
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self' {feeds}; \
         frame-ancestors 'self' {ancestors}; base-uri 'none'; form-action 'self'; object-src 'none'",
        feeds = platform.feed_origins().join(" "),
        ancestors = inner.config.frame_ancestors().join(" "),
    );
    Ok(html(StatusCode::OK, body, &csp))
}

fn view_label(view: &str, lang: Lang) -> &'static str {
    match (view, lang) {
        ("programs", Lang::En) => "Programs and progress",
        ("programs", Lang::Fr) => "Programmes et progression",
        ("map", Lang::En) => "Pathway map",
        ("map", Lang::Fr) => "Carte des parcours",
        ("explore", Lang::En) => "Explore",
        ("explore", Lang::Fr) => "Explorer",
        ("plan", Lang::En) => "My plan",
        ("plan", Lang::Fr) => "Mon plan",
        (_, Lang::En) => "Curated pathways",
        (_, Lang::Fr) => "Parcours suggérés",
    }
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
    form: &std::collections::HashMap<String, String>,
) -> Result<Response, LtiError> {
    let inner = state.inner();
    let ticket = form
        .get("ticket")
        .ok_or_else(|| LtiError::new(Reason::BadRequest, "deep linking form without ticket"))?;
    let saved = crate::launch::take_ticket(
        inner.store.as_ref(),
        &format!("deeplink:{ticket}"),
        "deep linking ticket",
    )
    .await?;
    let launch: Launch =
        serde_json::from_str(&saved).map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    let lang = launch.lang();
    let platform = inner
        .config
        .platform(&launch.issuer, Some(&launch.client_id))
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

    let field = |name: &str| form.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let mut custom = BTreeMap::new();
    if let Some(feed) = field("feed_url") {
        let url = Url::parse(feed).map_err(|_| {
            LtiError::new(
                Reason::FeedHostNotAllowed,
                format!("feed_url {feed:?} is not a URL"),
            )
            .in_lang(lang)
        })?;
        if !platform.allows_feed(&url) {
            return Err(LtiError::new(
                Reason::FeedHostNotAllowed,
                format!("designer chose feed host {:?}", url.host_str()),
            )
            .in_lang(lang));
        }
        custom.insert("feed_url", url.to_string());
    }
    if let Some(goal) = field("goal") {
        if !is_feed_id(goal) {
            return Err(LtiError::new(
                Reason::BadRequest,
                format!("goal {goal:?} is not a credential id"),
            )
            .in_lang(lang));
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
        "https://purl.imsglobal.org/spec/lti/claim/deployment_id": launch.deployment_id,
        "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiDeepLinkingResponse",
        "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
        "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": [{
            "type": "ltiResourceLink",
            "title": title,
            "url": inner.config.launch_url(),
            "custom": custom,
        }],
    });
    if let (Some(data), Value::Object(map)) = (&settings.data, &mut claims) {
        map.insert(
            "https://purl.imsglobal.org/spec/lti-dl/claim/data".into(),
            data.clone(),
        );
    }
    let jwt = inner
        .keys
        .sign(&claims)
        .map_err(|e| LtiError::new(Reason::Internal, e.to_string()))?;
    tracing::info!(platform = %platform.name, "deep linking response signed");

    let return_origin = Url::parse(&settings.return_url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_default();
    let (message, button) = match lang {
        Lang::En => ("Returning to your course…", "Continue"),
        Lang::Fr => ("Retour à votre cours…", "Continuer"),
    };
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Stackway</title>\
         <link rel=\"stylesheet\" href=\"/lti/assets/lti.css\"><script src=\"/lti/assets/autosubmit.js\" defer></script></head>\
         <body><main><p role=\"status\">{message}</p><form method=\"post\" action=\"{action}\" id=\"autosubmit\">\
         <input type=\"hidden\" name=\"JWT\" value=\"{jwt}\"><button type=\"submit\">{button}</button></form></main></body></html>\n",
        lang = lang.code(),
        action = escape_html(&settings.return_url),
        jwt = escape_html(&jwt),
    );
    let csp = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'self' {}; base-uri 'none'; form-action {return_origin}",
        inner.config.frame_ancestors().join(" ")
    );
    Ok(html(StatusCode::OK, body, &csp))
}
