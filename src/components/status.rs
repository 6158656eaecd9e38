//! The widget's states other than "here is your feed": loading, errors, and the notices shown
//! above a feed (offline copy, partly invalid, empty).

use std::rc::Rc;

use stackway_core::{Diagnostic, Severity};
use yew::prelude::*;

use crate::hooks::{use_i18n, Failure};
use crate::i18n::Arg;

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
}

/// A friendly explanation of why the feed cannot be shown, its diagnostics, and a retry button.
#[function_component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let i18n = use_i18n();
    let (title, detail, diagnostics): (String, String, &[Diagnostic]) = match &*props.failure {
        Failure::NotConfigured(reason) => (i18n.t("error-config-title"), reason.clone(), &[]),
        Failure::Fetch(reason) => (i18n.t("error-fetch-title"), reason.clone(), &[]),
        Failure::Interop(reason) => (i18n.t("error-interop-title"), reason.clone(), &[]),
        Failure::Invalid(diagnostics) => (
            i18n.t("error-invalid-title"),
            i18n.t_args(
                "error-invalid-detail",
                &[("count", Arg::from(diagnostics.len()))],
            ),
            diagnostics.as_slice(),
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
            <DiagnosticList diagnostics={diagnostics.to_vec()} />
            <button type="button" class="sw-button sw-primary" onclick={retry}>
                { i18n.t("action-retry") }
            </button>
        </div>
    }
}

/// Properties of [`DiagnosticList`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticListProps {
    /// The validator's findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The validator's findings: severity (by word and icon), where (line, column, JSON pointer),
/// and the validator's message (in English, marked `lang="en"` in another language). At most 50
/// are listed.
#[function_component]
pub fn DiagnosticList(props: &DiagnosticListProps) -> Html {
    let i18n = use_i18n();
    if props.diagnostics.is_empty() {
        return html! {};
    }
    let items = props.diagnostics.iter().take(50).map(|d| {
        let (icon, severity, class) = match d.severity {
            Severity::Error => ("✖", i18n.t("severity-error"), "sw-diag sw-diag-error"),
            Severity::Warning => ("▲", i18n.t("severity-warning"), "sw-diag sw-diag-warning"),
        };
        let place = match (d.line, d.column) {
            (Some(line), Some(column)) => i18n.t_args(
                "diagnostic-place",
                &[
                    ("line", Arg::from(line as usize)),
                    ("column", Arg::from(column as usize)),
                ],
            ),
            _ => String::new(),
        };
        html! {
            <li class={class}>
                <span aria-hidden="true">{ icon }{ " " }</span>
                <strong>{ severity }</strong>{ " " }
                <code>{ d.code.clone() }</code>{ " " }
                { place }{ " " }
                if !d.pointer.is_empty() { <code>{ d.pointer.clone() }</code>{ " " } }
                // The validator writes its messages in English (stackway-core's diagnostics are
                // for tools and logs too): marked as such for screen readers in the French widget.
                <span lang={(!stackway_core::feed::same_language(i18n.lang(), "en")).then_some("en")}>{ d.message.clone() }</span>
            </li>
        }
    });
    html! {
        <details class="sw-diagnostics" open=true>
            <summary>{ i18n.t_args("diagnostics-summary", &[("count", Arg::from(props.diagnostics.len()))]) }</summary>
            <ul>{ for items }</ul>
        </details>
    }
}

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// When the feed shown is the saved copy, when it was saved (ISO 8601).
    pub offline_since: Option<String>,
    /// Problems found in a feed that could still be shown.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the feed has no credentials at all.
    pub empty: bool,
}

/// Notices above a feed that can be shown: offline copy, partly invalid, empty.
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
                        { i18n.t_args("notice-partial", &[("count", Arg::from(errors))]) }
                    </p>
                    <DiagnosticList diagnostics={props.diagnostics.clone()} />
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
