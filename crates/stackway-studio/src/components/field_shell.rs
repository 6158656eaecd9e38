//! The frame every form field shares: its label, a required marker, its help, and the
//! diagnostics that belong to it, linked to the control for screen readers.

use stackway_core::{Diagnostic, Severity};
use yew::prelude::*;

use crate::doc::Path;
use crate::form::{self, Span};
use crate::i18n::Arg;
use crate::state::use_ctx;

#[derive(Properties, PartialEq)]
pub struct FieldShellProps {
    /// The value's path: the control's `id` is derived from it, and so is the diagnostics' id.
    pub path: Path,
    /// The label text.
    pub label: AttrValue,
    /// Help text under the label, if any.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// The diagnostics to show (those of this field).
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the label is a `<legend>` of a `<fieldset>` (groups of controls) rather than a
    /// `<label for>`.
    #[prop_or_default]
    pub group: bool,
    /// The control(s).
    pub children: Html,
}

/// A help text of the field table, whose Markdown `code` and *emphasis* become `<code>` and
/// `<em>` (the studio's own help has neither, and reads as it is).
pub fn rich_text(text: &str) -> Html {
    html! { <>
        { for form::spans(text).into_iter().map(|span| match span {
            Span::Plain(text) => html! { { text.to_owned() } },
            Span::Code(text) => html! { <code>{ text.to_owned() }</code> },
            Span::Emphasis(text) => html! { <em>{ text.to_owned() }</em> },
        }) }
    </> }
}

/// The id of the element that describes the field at `path` (help and diagnostics).
pub fn described_by(path: &Path) -> String {
    format!("{}-about", path.dom_id())
}

#[function_component(FieldShell)]
pub fn field_shell(props: &FieldShellProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let id = props.path.dom_id();
    let required = props.required.then(|| {
        html! { <span class="required" title={i18n.t("field-required")}>
            {" *"}<span class="visually-hidden">{i18n.t("field-required")}</span>
        </span> }
    });
    let label = if props.group {
        html! { <legend class="field-label">{ props.label.clone() }{ required }</legend> }
    } else {
        html! { <label class="field-label" for={id.clone()}>{ props.label.clone() }{ required }</label> }
    };
    let has_error = props
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    let class = classes!(
        "field",
        has_error.then_some("has-error"),
        (!has_error && !props.diagnostics.is_empty()).then_some("has-warning")
    );
    let about = html! {
        <div class="field-about" id={described_by(&props.path)}>
            if let Some(help) = &props.help { <p class="help">{ rich_text(help) }</p> }
            { for props.diagnostics.iter().map(|d| html! { <DiagnosticLine ..DiagnosticLineProps::from(d) /> }) }
        </div>
    };
    if props.group {
        html! {
            <fieldset class={class} id={format!("{id}-field")} data-path={props.path.pointer()} tabindex="-1">
                { label }{ about }{ props.children.clone() }
            </fieldset>
        }
    } else {
        html! {
            <div class={class} data-path={props.path.pointer()}>
                { label }{ about }{ props.children.clone() }
            </div>
        }
    }
}

/// A problem to put in words: the validator's [`Diagnostic`]s, and the spreadsheet importer's
/// problems, whose codes are its own as well as the validator's (so a plain text here, not
/// core's `Code`).
#[derive(Properties, PartialEq)]
pub struct DiagnosticLineProps {
    pub severity: Severity,
    /// The stable code, which names the explanation in the studio's words (`code-<code>`).
    pub code: AttrValue,
    /// The English message of the validator or importer.
    pub message: AttrValue,
}

impl From<&Diagnostic> for DiagnosticLineProps {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticLineProps {
            severity: d.severity,
            code: AttrValue::Static(d.code.as_str()),
            message: AttrValue::from(d.message.clone()),
        }
    }
}

/// One diagnostic in words: in English the validator's own message; in French the code's
/// explanation, followed by the validator's English details (marked as English).
#[function_component(DiagnosticLine)]
pub fn diagnostic_line(props: &DiagnosticLineProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let d = props;
    let (class, severity) = match d.severity {
        Severity::Error => ("diag diag-error", i18n.t("severity-error")),
        Severity::Warning => ("diag diag-warning", i18n.t("severity-warning")),
    };
    let explanation_id = format!("code-{}", d.code);
    let body = if ctx.i18n.lang == crate::i18n::Lang::En || !i18n.has(&explanation_id) {
        html! { <span lang="en">{ d.message.clone() }</span> }
    } else {
        html! { <>
            { i18n.t(&explanation_id) }
            { " " }
            <span class="diag-detail">{ i18n.t_with("diag-detail", &[("code", Arg::from(d.code.as_str()))]) }
                { " " }<span lang="en">{ d.message.clone() }</span></span>
        </> }
    };
    html! {
        <p class={class}><strong class="diag-severity">{ severity }{ ": " }</strong>{ body }</p>
    }
}
