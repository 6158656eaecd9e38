//! A choice among known values (a credential's kind, its provider, a pathway's goal). A value
//! in the file that is not among the choices is shown as it is, marked, rather than hidden.

use crate::doc::Json;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field_shell::{described_by, FieldShell};
use crate::components::text_input::shown;
use crate::doc::{self, Edit, Path};
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub path: Path,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// The choices: the value written in the file, and its label.
    pub options: Vec<(String, String)>,
    /// The label of the empty choice (which removes the member), for optional fields.
    #[prop_or_default]
    pub empty: Option<AttrValue>,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let ctx = use_ctx();
    let current = shown(doc::get(&ctx.doc.borrow(), &props.path));
    let diagnostics = ctx.diagnostics_at(&props.path);
    let onchange = {
        let ctx = ctx.clone();
        let path = props.path.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let value = (!value.is_empty()).then_some(Json::String(value));
            ctx.dispatch(Action::Edit {
                edit: Edit::Set {
                    at: path.clone(),
                    value,
                },
                group: None,
            });
        })
    };
    let unknown = !current.is_empty() && !props.options.iter().any(|(v, _)| *v == current);
    let invalid = diagnostics
        .iter()
        .any(|d| d.severity == stackway_core::Severity::Error);
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    required={props.required} diagnostics={diagnostics}>
            <select id={props.path.dom_id()} {onchange} aria-describedby={described_by(&props.path)}
                    aria-invalid={invalid.then_some("true")}>
                if props.empty.is_some() || current.is_empty() {
                    <option value="" selected={current.is_empty()}>{ props.empty.clone().unwrap_or_default() }</option>
                }
                if unknown {
                    <option value={current.clone()} selected=true>{ format!("{current} ?") }</option>
                }
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == current}>{ label.clone() }</option>
                }) }
            </select>
        </FieldShell>
    }
}
