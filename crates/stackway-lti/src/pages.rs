//! The HTML the tool serves: the launch page that hands the widget its configuration, the
//! platform-storage pages, and the tool's static assets.
//!
//! Pages carry no inline script (the CSP forbids it): configuration travels as element attributes
//! and a `<script type="application/json">` block, read by the tool's own external scripts.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use url::Url;

use crate::config::Platform;
use crate::error::{LtiError, Reason};
use crate::lang::Lang;
use crate::launch::Launch;
use crate::progress::{self, BadgeSummary, Held, Progress};
use crate::AppState;
use stackway_core::interop::badges::BadgeFormat;

/// Views the widget knows.
pub const VIEWS: [&str; 5] = ["programs", "map", "explore", "plan", "pathways"];

/// What the widget is told to show, resolved from the launch's custom parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WidgetConfig {
    pub feed: String,
    pub goal: Option<String>,
    pub view: Option<String>,
    pub lang: &'static str,
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
    let goal = launch
        .custom
        .get("goal")
        .filter(|g| progress::is_feed_id(g))
        .cloned();
    let view = launch
        .custom
        .get("view")
        .filter(|v| VIEWS.contains(&v.as_str()))
        .cloned();
    Ok(WidgetConfig {
        feed,
        goal,
        view,
        lang: launch.lang().code(),
    })
}

#[derive(Serialize)]
struct LaunchData<'a> {
    #[serde(flatten)]
    widget: &'a WidgetConfig,
    /// `null` when the platform has no progress source; the learner's own record otherwise.
    held: Option<&'a [Held]>,
    progress_unavailable: bool,
    /// Why progress is unavailable (a stable code), when it is.
    progress_problem: Option<&'static str>,
    /// When the held list was read from the learner's badges: what matched and what did not.
    badges: Option<&'a BadgeSummary>,
    widget_script: &'a str,
    /// Origins allowed to receive resize messages.
    platform_origins: Vec<String>,
}

/// The page for an `LtiResourceLinkRequest`.
pub async fn launch_page(
    state: &AppState,
    platform: &Platform,
    launch: &Launch,
) -> Result<Response, LtiError> {
    let widget = widget_config(state, platform, launch)?;
    let inner = state.inner();
    let progress = progress::fetch(&inner.http, &inner.feeds, platform, launch, &widget.feed).await;
    let (held, badges, problem) = match &progress {
        Progress::Held { held, badges } => (Some(held.as_slice()), badges.as_ref(), None),
        Progress::Unavailable(problem) => (None, None, Some(*problem)),
        Progress::NotConfigured => (None, None, None),
    };
    let data = LaunchData {
        widget: &widget,
        held,
        progress_unavailable: problem.is_some(),
        progress_problem: problem.map(|p| p.code()),
        badges,
        widget_script: &inner.options.widget_script,
        platform_origins: platform.origins(),
    };
    let lang = launch.lang();
    let mut notice = match problem {
        Some(problem) => {
            let (sentence, code_label) = match lang {
                Lang::En => ("Your progress could not be loaded right now; you can still explore and plan.", "Reason code:"),
                Lang::Fr => ("Votre progression n'a pas pu être chargée pour le moment; vous pouvez tout de même explorer et planifier.", "Code de motif\u{a0}:"),
            };
            format!(
                "<p class=\"lti-notice\" role=\"status\">{sentence} <span class=\"lti-code\">{code_label} <code>{}</code></span></p>",
                problem.code()
            )
        }
        None => String::new(),
    };
    if let (Some(summary), Some(held)) = (badges, held) {
        notice.push_str(&badges_notice(lang, summary, held.len()));
    }
    let mut attributes = format!(
        " feed=\"{}\" lang=\"{}\"",
        escape_html(&widget.feed),
        widget.lang
    );
    if let Some(goal) = &widget.goal {
        attributes.push_str(&format!(" goal=\"{}\"", escape_html(goal)));
    }
    if let Some(view) = &widget.view {
        attributes.push_str(&format!(" view=\"{}\"", escape_html(view)));
    }
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Stackway</title><link rel=\"stylesheet\" href=\"/lti/assets/lti.css\">\
         <script type=\"application/json\" id=\"stackway-lti-config\">{json}</script>\
         <script type=\"module\" src=\"/lti/assets/launch.js\"></script></head>\n\
         <body class=\"lti-launch\"><main>{notice}<stackway-pathways{attributes}></stackway-pathways></main></body>\n</html>\n",
        lang = lang.code(),
        json = json_for_script(&data),
    );
    let feed_origin = Url::parse(&widget.feed)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_default();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; \
         connect-src 'self' {feed_origin}; frame-ancestors 'self' {ancestors}; base-uri 'none'; form-action 'self'; object-src 'none'",
        ancestors = state.config().frame_ancestors().join(" "),
    );
    tracing::info!(platform = %platform.name, goal = ?widget.goal, view = ?widget.view, "LTI resource link launch");
    Ok(html(StatusCode::OK, body, &csp))
}

/// What the learner is told when their progress came from badges: how many credentials were
/// recognised, that signatures were not verified, and every achievement that matched nothing.
fn badges_notice(lang: Lang, summary: &BadgeSummary, held: usize) -> String {
    let formats: Vec<&str> = summary
        .formats
        .iter()
        .map(|f| match f {
            BadgeFormat::OpenBadges3 => "Open Badges 3.0",
            BadgeFormat::OpenBadges3Jwt => "Open Badges 3.0 (JWT)",
            BadgeFormat::Clr => "CLR 2.0",
            BadgeFormat::OpenBadges2 => "Open Badges 2.0",
        })
        .collect();
    let formats = formats.join(", ");
    // English: "0 credentials"; French: "0 titre" (the singular up to one).
    let plural = |n: usize| match lang {
        Lang::En => n != 1,
        Lang::Fr => n > 1,
    };
    let recognised = match (lang, plural(held)) {
        (Lang::En, false) => format!("Your progress was filled in from your badge records ({formats}): {held} credential of this program recognised."),
        (Lang::En, true) => format!("Your progress was filled in from your badge records ({formats}): {held} credentials of this program recognised."),
        (Lang::Fr, false) => format!("Votre progression a été remplie à partir de vos badges ({formats})\u{a0}: {held} titre de compétences de ce programme reconnu."),
        (Lang::Fr, true) => format!("Votre progression a été remplie à partir de vos badges ({formats})\u{a0}: {held} titres de compétences de ce programme reconnus."),
    };
    let verification = match lang {
        Lang::En => "Self-reported: the badges' signatures were not verified.",
        Lang::Fr => {
            "Déclaré par l'apprenant\u{a0}: les signatures des badges n'ont pas été vérifiées."
        }
    };
    let mut out = format!(
        "<div class=\"lti-badges\"><p role=\"status\">{} {}</p>",
        escape_html(&recognised),
        escape_html(verification)
    );
    if summary.warnings > 0 {
        let n = summary.warnings;
        let sentence = match (lang, plural(n)) {
            (Lang::En, false) => {
                format!("{n} part of your record could not be read and was ignored.")
            }
            (Lang::En, true) => {
                format!("{n} parts of your record could not be read and were ignored.")
            }
            (Lang::Fr, false) => {
                format!("{n} partie de votre dossier n'a pas pu être lue et a été ignorée.")
            }
            (Lang::Fr, true) => {
                format!("{n} parties de votre dossier n'ont pas pu être lues et ont été ignorées.")
            }
        };
        out.push_str(&format!("<p>{}</p>", escape_html(&sentence)));
    }
    if summary.unmatched_count > 0 {
        let n = summary.unmatched_count;
        let title = match (lang, plural(n)) {
            (Lang::En, false) => {
                format!("{n} badge in your record matches nothing in this program")
            }
            (Lang::En, true) => format!("{n} badges in your record match nothing in this program"),
            (Lang::Fr, false) => {
                format!("{n} badge de votre dossier ne correspond à rien dans ce programme")
            }
            (Lang::Fr, true) => {
                format!("{n} badges de votre dossier ne correspondent à rien dans ce programme")
            }
        };
        out.push_str(&format!(
            "<details class=\"lti-badges-unmatched\"><summary>{}</summary><ul>",
            escape_html(&title)
        ));
        for badge in &summary.unmatched {
            let unnamed = match lang {
                Lang::En => "(unnamed badge)",
                Lang::Fr => "(badge sans nom)",
            };
            let name = badge.name.as_deref().unwrap_or(unnamed);
            out.push_str(&format!("<li>{}", escape_html(name)));
            if let Some(id) = &badge.id {
                out.push_str(&format!(
                    " <span class=\"lti-badge-id\">{}</span>",
                    escape_html(id)
                ));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        let more = n.saturating_sub(summary.unmatched.len());
        if more > 0 {
            let sentence = match lang {
                Lang::En => format!("and {more} more."),
                Lang::Fr => format!("et {more} de plus."),
            };
            out.push_str(&format!("<p>{}</p>", escape_html(&sentence)));
        }
        out.push_str("</details>");
    }
    out.push_str("</div>");
    out
}

/// The login page that writes `state` and `nonce` into platform storage, then goes to `auth_url`.
pub fn platform_storage_put_page(
    lang: Lang,
    ancestors: &str,
    target: &str,
    origin: &str,
    state: &str,
    nonce: &str,
    auth_url: &str,
) -> Response {
    let message = match lang {
        Lang::En => "Connecting to your learning platform…",
        Lang::Fr => "Connexion à votre plateforme d'apprentissage…",
    };
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Stackway</title>\
         <link rel=\"stylesheet\" href=\"/lti/assets/lti.css\"><script src=\"/lti/assets/platform-storage.js\" defer></script></head>\
         <body><main id=\"lti-storage\" data-mode=\"put\" data-target=\"{target}\" data-origin=\"{origin}\" data-state=\"{state}\" data-nonce=\"{nonce}\" \
         data-redirect=\"{redirect}\"><p role=\"status\">{message}</p><p><a href=\"{redirect}\">{continue_label}</a></p></main></body></html>\n",
        lang = lang.code(),
        target = escape_html(target),
        origin = escape_html(origin),
        state = escape_html(state),
        nonce = escape_html(nonce),
        redirect = escape_html(auth_url),
        continue_label = if lang == Lang::Fr { "Continuer" } else { "Continue" },
    );
    let csp = format!("default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'self' {ancestors}; base-uri 'none'; form-action 'none'");
    html(StatusCode::OK, body, &csp)
}

/// The launch page that reads `state` back from platform storage (the cookie was blocked) and
/// completes the launch with `POST /lti/launch/verify`.
pub fn platform_storage_get_page(
    state: &AppState,
    lang: Lang,
    target: &str,
    origin: &str,
    oidc_state: &str,
    ticket: &str,
) -> Response {
    let (message, failed) = match lang {
        Lang::En => ("Checking your sign-in with your learning platform…", "Your browser blocked the sign-in check. Please open the activity in a new window."),
        Lang::Fr => (
            "Vérification de votre connexion auprès de votre plateforme d'apprentissage…",
            "Votre navigateur a bloqué la vérification de connexion. Veuillez ouvrir l'activité dans une nouvelle fenêtre.",
        ),
    };
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Stackway</title>\
         <link rel=\"stylesheet\" href=\"/lti/assets/lti.css\"><script src=\"/lti/assets/platform-storage.js\" defer></script></head>\
         <body><main id=\"lti-storage\" data-mode=\"get\" data-target=\"{target}\" data-origin=\"{origin}\" data-state-key=\"{key}\" data-failed=\"{failed}\">\
         <p role=\"status\">{message}</p>\
         <form method=\"post\" action=\"/lti/launch/verify\" id=\"lti-verify\"><input type=\"hidden\" name=\"ticket\" value=\"{ticket}\">\
         <input type=\"hidden\" name=\"state\" value=\"\"></form></main></body></html>\n",
        lang = lang.code(),
        target = escape_html(target),
        origin = escape_html(origin),
        key = escape_html(&format!("state_{oidc_state}")),
        ticket = escape_html(ticket),
    );
    let csp = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'self' {}; base-uri 'none'; form-action 'self'",
        state.config().frame_ancestors().join(" ")
    );
    html(StatusCode::OK, body, &csp)
}

/// An HTML response with the security headers every tool page carries. There is deliberately no
/// `X-Frame-Options`: the CSP's `frame-ancestors` lets the registered platforms frame the page.
pub fn html(status: StatusCode, body: String, csp: &str) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Ok(value) = HeaderValue::from_str(csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// JSON safe inside `<script type="application/json">`: `<`, `>` and `&` are escaped so the text can
/// never close the element or open a comment.
pub fn json_for_script<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `GET /lti/assets/{file}`: the tool's scripts and stylesheet, compiled into the binary.
pub async fn asset(Path(file): Path<String>) -> Response {
    let (body, content_type): (&'static str, &'static str) = match file.as_str() {
        "launch.js" => (
            include_str!("../assets/launch.js"),
            "text/javascript; charset=utf-8",
        ),
        "platform-storage.js" => (
            include_str!("../assets/platform-storage.js"),
            "text/javascript; charset=utf-8",
        ),
        "designer.js" => (
            include_str!("../assets/designer.js"),
            "text/javascript; charset=utf-8",
        ),
        "autosubmit.js" => (
            include_str!("../assets/autosubmit.js"),
            "text/javascript; charset=utf-8",
        ),
        "lti.css" => (include_str!("../assets/lti.css"), "text/css; charset=utf-8"),
        _ => return (StatusCode::NOT_FOUND, "not found").into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}
