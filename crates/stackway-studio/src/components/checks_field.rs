//! A list of values from a fixed set (a credential's delivery modes), as one checkbox each.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_shell::FieldShell;
use crate::doc::{self, Edit, Json, Path};
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct ChecksFieldProps {
    /// The list's path.
    pub path: Path,
    /// The field's label.
    pub label: AttrValue,
    /// Help under the label, if any.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// The values and their labels, in the format's order (which the list keeps).
    pub options: Vec<(String, String)>,
}

/// The list after value `value` is checked (`on`) or unchecked, in the order of `options`, so
/// that files diff well; `None` when nothing is left (the member is removed).
pub fn toggled(
    current: &[String],
    options: &[(String, String)],
    value: &str,
    on: bool,
) -> Option<Json> {
    let mut next: Vec<String> = current.iter().filter(|m| *m != value).cloned().collect();
    if on {
        next.push(value.to_owned());
        next.sort_by_key(|m| {
            options
                .iter()
                .position(|(v, _)| v == m)
                .unwrap_or(usize::MAX)
        });
    }
    (!next.is_empty()).then(|| Json::Array(next.into_iter().map(Json::String).collect()))
}

#[function_component(ChecksField)]
pub fn checks_field(props: &ChecksFieldProps) -> Html {
    let ctx = use_ctx();
    let current: Vec<String> = doc::get_list(&ctx.doc.borrow(), &props.path)
        .iter()
        .filter_map(Json::as_str)
        .map(str::to_owned)
        .collect();
    let diagnostics = ctx.diagnostics_at(&props.path);
    let check = |(value, label): &(String, String)| {
        let onchange = {
            let ctx = ctx.clone();
            let path = props.path.clone();
            let current = current.clone();
            let options = props.options.clone();
            let value = value.clone();
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let value = toggled(&current, &options, &value, on);
                let edit = Edit::Set {
                    at: path.clone(),
                    value,
                };
                ctx.dispatch(Action::Edit { edit, group: None });
            })
        };
        let id = format!("{}-{value}", props.path.dom_id());
        let checked = current.contains(value);
        html! {
            <span class="check">
                <input type="checkbox" id={id.clone()} {checked} {onchange} />
                <label for={id}>{ label.clone() }</label>
            </span>
        }
    };
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    {diagnostics} group=true>
            <div class="checks">{ for props.options.iter().map(check) }</div>
        </FieldShell>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_values_keep_the_formats_order() {
        let options: Vec<(String, String)> = ["online", "in-person", "hybrid"]
            .iter()
            .map(|v| (v.to_string(), v.to_string()))
            .collect();
        let current = vec!["hybrid".to_owned()];
        assert_eq!(
            toggled(&current, &options, "online", true),
            Some(Json::parse(r#"["online", "hybrid"]"#).unwrap())
        );
        assert_eq!(toggled(&current, &options, "hybrid", false), None);
    }
}
