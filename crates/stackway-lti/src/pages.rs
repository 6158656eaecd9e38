//! Every HTML page the tool serves, rendered from plain data: the launch page that hands the
//! widget its configuration, the platform-storage pages, the deep linking designer and its
//! return, the registration pages, the refusal page, and the tool's static assets.
//!
//! Rendering does no I/O and knows nothing of requests or stores: the handlers (`login`,
//! `launch`, `deep_link`, `register`, `error`) fetch and decide, then call these functions.
//! Pages carry no inline script (the CSP forbids it): configuration travels as element attributes
//! and a `<script type="application/json">` block, read by the tool's own external scripts.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use stackway_core::interop::badges::BadgeFormat;
use url::Url;

use crate::claims::{WidgetConfig, VIEWS};
use crate::html::{escape_html, html, json_for_script};
use crate::lang::Lang;
use crate::record::{BadgeSummary, Held, Progress};

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
    platform_origins: &'a [String],
}

/// What the launch page shows.
pub struct LaunchView<'a> {
    pub lang: Lang,
    pub widget: &'a WidgetConfig,
    pub progress: &'a Progress,
    /// URL of the widget's custom-element script.
    pub widget_script: &'a str,
    /// The launching platform's origins: resize messages go there.
    pub platform_origins: &'a [String],
    /// Origins that may frame the page (`frame-ancestors`).
    pub frame_ancestors: &'a [String],
}

/// The page for an `LtiResourceLinkRequest`.
pub fn launch_page(view: &LaunchView) -> Response {
    let widget = view.widget;
    let lang = view.lang;
    let (held, badges, problem) = match view.progress {
        Progress::Held { held, badges } => (Some(held.as_slice()), badges.as_ref(), None),
        Progress::Unavailable(problem) => (None, None, Some(*problem)),
        Progress::NotConfigured => (None, None, None),
    };
    let data = LaunchData {
        widget,
        held,
        progress_unavailable: problem.is_some(),
        progress_problem: problem.map(|p| p.code()),
        badges,
        widget_script: view.widget_script,
        platform_origins: view.platform_origins,
    };
    let mut notice = match problem {
        Some(problem) => {
            let (sentence, code_label) = match lang {
                Lang::En => ("Your progress could not be loaded right now; you can still explore and plan.", "Reason code:"),
                Lang::Fr => ("Votre progression n’a pas pu être chargée pour le moment\u{202f}; vous pouvez tout de même explorer et planifier.", "Code de motif\u{a0}:"),
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
        ancestors = view.frame_ancestors.join(" "),
    );
    html(StatusCode::OK, body, &csp)
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
            "Déclaré par l’apprenant\u{a0}: les signatures des badges n’ont pas été vérifiées."
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
                format!("{n} partie de votre dossier n’a pas pu être lue et a été ignorée.")
            }
            (Lang::Fr, true) => {
                format!("{n} parties de votre dossier n’ont pas pu être lues et ont été ignorées.")
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
        Lang::Fr => "Connexion à votre plateforme d’apprentissage…",
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
    lang: Lang,
    ancestors: &str,
    target: &str,
    origin: &str,
    oidc_state: &str,
    ticket: &str,
) -> Response {
    let (message, failed) = match lang {
        Lang::En => ("Checking your sign-in with your learning platform…", "Your browser blocked the sign-in check. Please open the activity in a new window."),
        Lang::Fr => (
            "Vérification de votre connexion auprès de votre plateforme d’apprentissage…",
            "Votre navigateur a bloqué la vérification de connexion. Veuillez ouvrir l’activité dans une nouvelle fenêtre.",
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
        "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'self' {ancestors}; base-uri 'none'; form-action 'self'"
    );
    html(StatusCode::OK, body, &csp)
}

/// What the deep linking designer page shows.
pub struct DesignerView<'a> {
    pub lang: Lang,
    /// The one-time ticket under which the validated request waits.
    pub ticket: &'a str,
    /// The tool's default feed, or empty.
    pub default_feed: &'a str,
    /// The platform's allowed feed hosts (`host` or `host:port`).
    pub feed_hosts: &'a [String],
    /// Origins the live preview may fetch feeds from.
    pub feed_origins: &'a [String],
    pub widget_script: &'a str,
    pub frame_ancestors: &'a [String],
}

/// The designer page for an `LtiDeepLinkingRequest`: feed, goal, view, language, title, and a
/// live preview.
pub fn designer_page(view: &DesignerView) -> Response {
    let lang = view.lang;
    let t = |en: &'static str, fr: &'static str| if lang == Lang::Fr { fr } else { en };
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
         <stackway-pathways id=\"preview\" feed=\"{default_feed}\" lang=\"{lang_code}\" debug></stackway-pathways></section></main></body></html>\n",
        lang_code = lang.code(),
        title = t("Add Stackway to your course", "Ajouter Stackway à votre cours"),
        hosts_attr = escape_html(&view.feed_hosts.join(" ")),
        widget = escape_html(view.widget_script),
        ticket = escape_html(view.ticket),
        feed_label = t("Feed URL", "URL du flux"),
        default_feed = escape_html(view.default_feed),
        hosts_help = t("Allowed hosts:", "Hôtes autorisés\u{a0}:"),
        hosts = escape_html(&view.feed_hosts.join(", ")),
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
        feeds = view.feed_origins.join(" "),
        ancestors = view.frame_ancestors.join(" "),
    );
    html(StatusCode::OK, body, &csp)
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

/// The page that form-posts the signed deep linking response back to the platform.
pub fn deep_link_return_page(
    lang: Lang,
    return_url: &str,
    jwt: &str,
    ancestors: &[String],
) -> Response {
    let return_origin = Url::parse(return_url)
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
        action = escape_html(return_url),
        jwt = escape_html(jwt),
    );
    let csp = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'self' {}; base-uri 'none'; form-action {return_origin}",
        ancestors.join(" ")
    );
    html(StatusCode::OK, body, &csp)
}

/// What a refusal page shows: never the detail, which goes to the log.
pub struct RefusalView<'a> {
    pub lang: Lang,
    pub status: StatusCode,
    /// The stable reason code.
    pub code: &'static str,
    pub title: &'a str,
    pub explanation: &'a str,
}

/// The refusal page, with the reason code also in the `X-Stackway-Reason` header.
pub fn refusal_page(view: &RefusalView) -> Response {
    let code_label = match view.lang {
        Lang::En => "Reason code:",
        Lang::Fr => "Code de motif\u{a0}:",
    };
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/lti/assets/lti.css\"></head>\n<body class=\"lti-error\">\
         <main><h1>{title}</h1><p>{explanation}</p><p>{code_label} <code>{code}</code></p></main></body>\n</html>\n",
        lang = view.lang.code(),
        title = view.title,
        explanation = escape_html(view.explanation),
        code = view.code,
    );
    let mut response = html(
        view.status,
        body,
        "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'",
    );
    response
        .headers_mut()
        .insert("x-stackway-reason", HeaderValue::from_static(view.code));
    response
}

/// What the registration pages show: the tool, the platform, and what the registration allows.
#[derive(Debug, Clone, Default)]
pub struct RegistrationSummary {
    /// The name administrators see in their LMS.
    pub tool_name: String,
    /// The name the operator sees (`stackway platforms list`).
    pub platform_name: String,
    pub issuer: String,
    /// The platform's product and version.
    pub product: Option<String>,
    /// Where learners' feeds may come from (`host` or `host:port`).
    pub feed_hosts: Vec<String>,
    pub default_feed: Option<String>,
    /// Whether designers choose through deep linking.
    pub deep_linking: bool,
    /// `name=$Variable` custom parameters asked for.
    pub custom_parameters: Vec<String>,
    /// The tool's origin.
    pub base_url: String,
    /// How many registrations this issuer already has.
    pub existing_registrations: usize,
    /// What the platform answered (the done page).
    pub client_id: Option<String>,
    pub deployment_id: Option<String>,
}

/// The CSP of the registration pages: they are framed by the LMS (any origin: the platform is
/// not known before it registers) and run only the tool's own script.
const REGISTRATION_CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'";

/// The confirmation page: what will be registered, with Register and Cancel.
pub fn registration_confirm_page(
    lang: Lang,
    summary: &RegistrationSummary,
    ticket: &str,
    language_links: &[(Lang, String); 2],
) -> Response {
    let t = |en: &'static str, fr: &'static str| if lang == Lang::Fr { fr } else { en };
    let platform = match &summary.product {
        Some(product) => format!("{} — {product}", summary.issuer),
        None => summary.issuer.clone(),
    };
    let feeds = if summary.feed_hosts.is_empty() {
        t(
            "None: links can only show the default feed.",
            "Aucun\u{a0}: les liens ne peuvent afficher que le flux par défaut.",
        )
        .to_owned()
    } else {
        summary.feed_hosts.join(", ")
    };
    let default_feed = summary.default_feed.clone().unwrap_or_else(|| {
        t(
            "None: every link names its feed.",
            "Aucun\u{a0}: chaque lien nomme son flux.",
        )
        .to_owned()
    });
    let launches = if summary.deep_linking {
        t("Course links, and content selection so that designers choose the feed, goal, view and language.",
          "Liens de cours, et sélection de contenu pour que les concepteurs choisissent le flux, l’objectif, la vue et la langue.")
    } else {
        t(
            "Course links (this platform offers no content selection).",
            "Liens de cours (cette plateforme n’offre pas la sélection de contenu).",
        )
    };
    let mut data = t(
        "The learner's platform identifier and language only: no name, no email, no LTI services.",
        "L’identifiant de l’apprenant sur la plateforme et sa langue seulement\u{a0}: ni nom, ni courriel, ni services LTI.",
    )
    .to_owned();
    if !summary.custom_parameters.is_empty() {
        data.push_str(&format!(
            " {} {}",
            t("Custom parameters:", "Paramètres personnalisés\u{a0}:"),
            summary.custom_parameters.join(", ")
        ));
    }
    let mut rows = vec![
        (t("Tool", "Outil"), summary.tool_name.clone()),
        (
            t("Learning platform", "Plateforme d’apprentissage"),
            platform,
        ),
        (
            t("Registered as", "Inscrite sous le nom"),
            summary.platform_name.clone(),
        ),
        (t("Allowed feed hosts", "Hôtes de flux autorisés"), feeds),
        (t("Default feed", "Flux par défaut"), default_feed),
        (t("Launches", "Lancements"), launches.to_owned()),
        (
            t("Data the tool receives", "Données reçues par l’outil"),
            data,
        ),
        (
            t("Tool addresses", "Adresses de l’outil"),
            format!(
                "{0}/lti/login, {0}/lti/launch, {0}/.well-known/jwks.json",
                summary.base_url
            ),
        ),
    ];
    if summary.existing_registrations > 0 {
        rows.push((t("Already registered", "Déjà inscrite"), match lang {
            Lang::En => format!("{} registration(s) of this platform exist; registering again adds another.", summary.existing_registrations),
            Lang::Fr => format!("{} inscription(s) de cette plateforme existent déjà\u{202f}; une nouvelle inscription s’y ajoute.", summary.existing_registrations),
        }));
    }
    let rows = summary_list(&rows);
    let switch = language_links
        .iter()
        .filter(|(l, _)| *l != lang)
        .map(|(l, href)| {
            format!(
                "<a href=\"{}\" lang=\"{}\">{}</a>",
                escape_html(href),
                l.code(),
                if *l == Lang::Fr {
                    "Français"
                } else {
                    "English"
                }
            )
        })
        .collect::<String>();
    let title = t(
        "Register Stackway with your learning platform",
        "Inscrire Stackway auprès de votre plateforme d’apprentissage",
    );
    let main = format!(
        "<p class=\"lti-lang\">{switch}</p><h1>{title}</h1><p>{intro}</p>\
         <dl class=\"lti-summary\">{rows}</dl>\
         <form method=\"post\" action=\"/lti/register\"><input type=\"hidden\" name=\"ticket\" value=\"{ticket}\"><input type=\"hidden\" name=\"lang\" value=\"{lang_code}\">\
         <p class=\"lti-actions\"><button type=\"submit\" id=\"register\">{register}</button> <button type=\"button\" data-close>{cancel}</button></p></form>",
        lang_code = lang.code(),
        intro = escape_html(t(
            "Your learning platform asks to register Stackway as an LTI 1.3 tool. Check what will be registered, then choose Register.",
            "Votre plateforme d’apprentissage demande à inscrire Stackway comme outil LTI 1.3. Vérifiez ce qui sera inscrit, puis choisissez Inscrire.",
        )),
        ticket = escape_html(ticket),
        register = t("Register", "Inscrire"),
        cancel = t("Cancel", "Annuler"),
    );
    registration_document(lang, title, "confirm", &main)
}

/// The page shown once the platform has accepted the registration; its script tells the LMS to
/// close the registration.
pub fn registration_done_page(lang: Lang, summary: &RegistrationSummary) -> Response {
    let t = |en: &'static str, fr: &'static str| if lang == Lang::Fr { fr } else { en };
    let deployment = match &summary.deployment_id {
        Some(id) => id.clone(),
        None => t(
            "created by the platform when the tool is enabled",
            "créé par la plateforme quand l’outil est activé",
        )
        .to_owned(),
    };
    let rows = [
        (
            t("Learning platform", "Plateforme d’apprentissage"),
            summary.platform_name.clone(),
        ),
        (
            t("Client ID", "ID client"),
            summary.client_id.clone().unwrap_or_default(),
        ),
        (t("Deployment", "Déploiement"), deployment),
    ];
    let rows = summary_list(&rows);
    let title = t("Stackway is registered", "Stackway est inscrit");
    let main = format!(
        "<h1>{title}</h1><p role=\"status\">{done}</p>\
         <dl class=\"lti-summary\">{rows}</dl><p class=\"lti-actions\"><button type=\"button\" data-close>{close}</button></p>",
        done = escape_html(t(
            "Your learning platform accepted the registration. It may ask you to enable the tool before designers can add it to courses.",
            "Votre plateforme d’apprentissage a accepté l’inscription. Elle peut vous demander d’activer l’outil avant que les concepteurs puissent l’ajouter aux cours.",
        )),
        close = t("Close", "Fermer"),
    );
    registration_document(lang, title, "done", &main)
}

/// A registration page around its `<main>` content; `stage` (`confirm` or `done`) tells
/// `register.js` whether to send the close message at once.
fn registration_document(lang: Lang, title: &str, stage: &str, main: &str) -> Response {
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/lti/assets/lti.css\"><script src=\"/lti/assets/register.js\" defer></script></head>\n\
         <body class=\"lti-register\"><main data-registration=\"{stage}\">{main}</main></body></html>\n",
        lang = lang.code(),
    );
    html(StatusCode::OK, body, REGISTRATION_CSP)
}

/// Terms and their values as the rows of a description list.
fn summary_list(rows: &[(&str, String)]) -> String {
    rows.iter()
        .map(|(term, value)| {
            format!(
                "<dt>{}</dt><dd>{}</dd>",
                escape_html(term),
                escape_html(value)
            )
        })
        .collect()
}

/// The tool's scripts and stylesheet (`GET /lti/assets/{file}`), compiled into the binary.
pub fn asset(file: &str) -> Response {
    let (body, content_type): (&'static str, &'static str) = match file {
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
        "register.js" => (
            include_str!("../assets/register.js"),
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
