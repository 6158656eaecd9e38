//! A field for a number (hours, credits, weeks, an amount). What is typed is kept even when it
//! is not a number yet ("12,5"): it is saved as text, and the validator says what is wrong
//! right next to it.

use crate::doc::{Json, Number};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_shell::{described_by, FieldShell};
use crate::components::text_input::shown;
use crate::doc::{self, Edit, Path};
use crate::form;
use crate::state::{use_ctx, Action};
use stackway_core::field_table::Range;

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub path: Path,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// A whole number (`choose`), or any decimal.
    #[prop_or_default]
    pub integer: bool,
    /// The values the field table allows, said in words after the help (the input stays a text
    /// input, so that what is typed is kept even when it is out of range or not a number).
    #[prop_or_default]
    pub range: Option<Range>,
}

/// Typed text as a JSON value: a number when it reads as one, else the text itself.
pub fn number_value(text: &str) -> Option<Json> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    // A JSON number is kept as typed ("2.50" stays "2.50"); anything else is kept as text.
    match Number::parse(trimmed) {
        Some(number) => Some(Json::Number(number)),
        None => Some(Json::String(text.to_owned())),
    }
}

#[function_component(NumberInput)]
pub fn number_input(props: &NumberInputProps) -> Html {
    let ctx = use_ctx();
    let value = shown(doc::get(&ctx.doc.borrow(), &props.path));
    let diagnostics = ctx.diagnostics_at(&props.path);
    let oninput = {
        let ctx = ctx.clone();
        let path = props.path.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            ctx.dispatch(Action::Edit {
                edit: Edit::Set {
                    at: path.clone(),
                    value: number_value(&text),
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
    let limits = props
        .range
        .map(|range| form::limits(&range, props.integer, ctx.i18n.lang));
    let help = match (&props.help, limits) {
        (Some(help), Some(limits)) => Some(AttrValue::from(format!("{help} {limits}"))),
        (None, Some(limits)) => Some(AttrValue::from(limits)),
        (help, None) => help.clone(),
    };
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={help}
                    required={props.required} diagnostics={diagnostics}>
            <input id={props.path.dom_id()} class="number" type="text"
                   inputmode={if props.integer { "numeric" } else { "decimal" }}
                   value={value} {oninput} {onblur}
                   aria-describedby={described_by(&props.path)}
                   aria-invalid={invalid.then_some("true")} />
        </FieldShell>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    #[test]
    fn typed_numbers_become_numbers_and_anything_else_is_kept_as_typed() {
        assert_eq!(number_value("30"), Some(json(r#"30"#)));
        assert_eq!(number_value(" 2.50 "), Some(json(r#"2.50"#)), "as typed");
        assert_eq!(number_value("-1"), Some(json(r#"-1"#)));
        assert_eq!(
            number_value("1e400"),
            Some(json(r#"1e400"#)),
            "the validator says why"
        );
        assert_eq!(number_value("12,5"), Some(json(r#""12,5""#)));
        assert_eq!(number_value("12."), Some(json(r#""12.""#)));
        assert_eq!(number_value(""), None);
        assert_eq!(number_value("  "), None);
    }
}
