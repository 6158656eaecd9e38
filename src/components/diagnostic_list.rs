//! The validator's findings as a list: severity, place and message of each (shown under the
//! first module's summary line, `status::Findings`).

use stackway_core::{Diagnostic, Severity};
use yew::prelude::*;

use crate::hooks::use_i18n;
use crate::i18n::Arg;

/// The list of `diagnostics`, as the second module renders it for the first module's error
/// screen and notices (see `status::Findings`).
pub fn render(diagnostics: &[Diagnostic]) -> Html {
    html! { <DiagnosticList diagnostics={diagnostics.to_vec()} /> }
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
                <code>{ d.code.as_str() }</code>{ " " }
                { place }{ " " }
                if !d.pointer.is_empty() { <code>{ d.pointer.clone() }</code>{ " " } }
                // The validator writes its messages in English (stackway-core's diagnostics are
                // for tools and logs too): marked as such for screen readers in the French widget.
                <span lang={(!stackway_core::feed::same_language(i18n.lang(), "en")).then_some("en")}>{ d.message.clone() }</span>
            </li>
        }
    });
    html! { <ul class="sw-diagnostic-list">{ for items }</ul> }
}
