//! A one-line field for a string value (URLs, dates, a framework's name, a currency code).
//! Emptying it removes the member, so optional fields stay out of the file.

use crate::doc::{Json, JsonExt};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_shell::{described_by, FieldShell};
use crate::doc::{self, Edit, Path};
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct TextInputProps {
    /// The value's path.
    pub path: Path,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// The input's `type`: `text`, `url` or `date`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// `inputmode` and `autocomplete` hints.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Whether an empty field keeps `""` (a required value of an object that is always there)
    /// rather than removing the member.
    #[prop_or_default]
    pub keep_empty: bool,
    /// The id of a `<datalist>` of values to offer (credential ids).
    #[prop_or_default]
    pub list: Option<AttrValue>,
}

/// The value as a field shows it: strings as they are, other JSON (a number typed where a
/// string belongs) as written, so that nothing is hidden.
pub fn shown(value: Option<&Json>) -> String {
    match value {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_text(),
    }
}

#[function_component(TextInput)]
pub fn text_input(props: &TextInputProps) -> Html {
    let ctx = use_ctx();
    let value = shown(doc::get(&ctx.doc.borrow(), &props.path));
    let diagnostics = ctx.diagnostics_at(&props.path);
    let oninput = {
        let ctx = ctx.clone();
        let path = props.path.clone();
        let keep_empty = props.keep_empty;
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let value = if text.is_empty() && !keep_empty {
                None
            } else {
                Some(Json::String(text))
            };
            ctx.dispatch(Action::Edit {
                edit: Edit::Set {
                    at: path.clone(),
                    value,
                },
                group: Some(path.pointer()),
            });
        })
    };
    let onblur = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Seal))
    };
    let invalid = diagnostics
        .iter()
        .any(|d| d.severity == stackway_core::Severity::Error);
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    required={props.required} diagnostics={diagnostics}>
            <input id={props.path.dom_id()} type={props.kind.clone()} value={value}
                   inputmode={props.inputmode.clone()} list={props.list.clone()} {oninput} {onblur}
                   aria-describedby={described_by(&props.path)}
                   aria-invalid={invalid.then_some("true")} />
        </FieldShell>
    }
}
