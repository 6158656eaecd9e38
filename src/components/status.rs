//! The widget's states other than "here is your feed": loading, errors, and the notices shown
//! above a feed (offline copy, partly invalid, empty).

use std::rc::Rc;

use stackway_core::{Diagnostic, Severity};
use yew::prelude::*;

use crate::hooks::{use_i18n, use_later_module, Failure, LaterStatus};
use crate::i18n::{Arg, I18n};
use crate::later_module::FetchLater;
use crate::state::Shared;

/// A skeleton of the widget that reserves its height while the feed loads, so the LMS page does
/// not jump when it arrives.
#[function_component]
pub fn Loading() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="sw-skeleton" role="status" aria-busy="true">
            <span class="sw-visually-hidden">{ i18n.t("status-loading") }</span>
            <div class="sw-skeleton-bar sw-skeleton-nav" aria-hidden="true"></div>
            <div class="sw-skeleton-card" aria-hidden="true"></div>
            <div class="sw-skeleton-card" aria-hidden="true"></div>
            <div class="sw-skeleton-card" aria-hidden="true"></div>
        </div>
    }
}

/// Properties of [`ErrorState`].
#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    /// Why no feed can be shown.
    pub failure: Rc<Failure>,
    /// Called when the learner asks to try again.
    pub on_retry: Callback<()>,
    /// How to fetch the widget's second module, which lists the findings.
    pub fetch_later: FetchLater,
    /// Whether the validator's findings are shown open (see `Config::debug`).
    #[prop_or_default]
    pub debug: bool,
}

/// A friendly explanation of why the feed cannot be shown, its diagnostics, and a retry button.
#[function_component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let i18n = use_i18n();
    let (title, detail, diagnostics) = match &*props.failure {
        Failure::NotConfigured(reason) => (i18n.t("error-config-title"), reason.clone(), None),
        Failure::Fetch(reason) => (i18n.t("error-fetch-title"), reason.clone(), None),
        Failure::Interop(reason) => (i18n.t("error-interop-title"), reason.clone(), None),
        Failure::Invalid(diagnostics) => (
            i18n.t("error-invalid-title"),
            i18n.t_args(
                "error-invalid-detail",
                &[("count", Arg::from(diagnostics.len()))],
            ),
            Some(diagnostics.clone()),
        ),
    };
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="sw-error" role="alert">
            <h2 class="sw-error-title">
                <span class="sw-icon" aria-hidden="true">{ "⚠" }</span>
                { title }
            </h2>
            <p>{ i18n.t("error-help") }</p>
            <p class="sw-error-detail">{ detail }</p>
            if let Some(diagnostics) = diagnostics {
                <Findings {diagnostics} fetch_later={props.fetch_later} open={props.debug} />
            }
            <button type="button" class="sw-button sw-primary" onclick={retry}>
                { i18n.t("action-retry") }
            </button>
        </div>
    }
}

/// Properties of [`Findings`].
#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// The validator's findings, in document order (compared by identity).
    pub diagnostics: Shared<Vec<Diagnostic>>,
    /// How to fetch the widget's second module, which lists them.
    pub fetch_later: FetchLater,
    /// Whether they are shown open: for the institutions and designers who fix the feed
    /// (`Config::debug`); a learner sees them behind their summary line.
    pub open: bool,
}

/// The validator's findings behind a summary line ("Details for the institution (19
/// findings)"), listed by the second module's `DiagnosticList` with that module's words: they
/// are for whoever fixes the feed, so the first download does without their code and words.
/// The list appears once that module is in; an error screen, which has no shell, fetches it
/// here (under the shell the fetch answers with the module the shell fetched).
#[function_component]
fn Findings(props: &FindingsProps) -> Html {
    let i18n = use_i18n();
    let later = use_later_module(None, Callback::noop(), props.fetch_later);
    if props.diagnostics.is_empty() {
        return html! {};
    }
    html! {
        <details class="sw-diagnostics" open={props.open}>
            <summary>{ i18n.t_args("diagnostics-summary", &[("count", Arg::from(props.diagnostics.len()))]) }</summary>
            if let LaterStatus::Ready(later) = later {
                <ContextProvider<Rc<I18n>> context={Rc::new(i18n.with_later(later.messages))}>
                    { (later.diagnostics)(&props.diagnostics) }
                </ContextProvider<Rc<I18n>>>
            }
        </details>
    }
}

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// When the feed shown is the saved copy, when it was saved (ISO 8601).
    pub offline_since: Option<String>,
    /// Problems found in a feed that could still be shown (compared by identity).
    pub diagnostics: Shared<Vec<Diagnostic>>,
    /// Whether the feed has no credentials at all.
    pub empty: bool,
    /// How to fetch the widget's second module, which lists the findings.
    pub fetch_later: FetchLater,
    /// Whether the validator's findings are shown open (see `Config::debug`).
    #[prop_or_default]
    pub debug: bool,
}

/// Notices above a feed that can be shown: offline copy, partly invalid, empty. A partly
/// invalid feed gives learners one short line in their language, the validator's findings
/// collapsed under it (open for designers).
#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let i18n = use_i18n();
    let errors = props
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let offline = props.offline_since.as_ref().map(|since| {
        let date = js_sys::Date::new(&since.as_str().into());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        let when: String = date.to_locale_string(i18n.lang(), &options).into();
        html! {
            <p class="sw-notice sw-notice-offline" role="status">
                <span class="sw-icon" aria-hidden="true">{ "⟳" }</span>
                { i18n.t_args("notice-offline", &[("when", Arg::from(when))]) }
            </p>
        }
    });
    html! {
        <>
            { for offline }
            if errors > 0 {
                <div class="sw-notice sw-notice-partial" role="status">
                    <p>
                        <span class="sw-icon" aria-hidden="true">{ "▲" }</span>
                        { i18n.t("notice-partial") }
                    </p>
                    <Findings diagnostics={props.diagnostics.clone()} fetch_later={props.fetch_later} open={props.debug} />
                </div>
            }
            if props.empty {
                <p class="sw-notice sw-empty" role="status">
                    <span class="sw-icon" aria-hidden="true">{ "∅" }</span>
                    { i18n.t("notice-empty") }
                </p>
            }
        </>
    }
}
