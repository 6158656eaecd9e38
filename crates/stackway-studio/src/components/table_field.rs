//! One field of the format, drawn from its entry in core's field table: its label, help,
//! required marker and limits, and the input its type calls for (`form::input`).
//! [`FormFields`] draws several fields of one object in the table's order.

use yew::prelude::*;

use crate::components::checks_field::ChecksField;
use crate::components::field_shell::FieldShell;
use crate::components::id_datalists::{CREDENTIAL_IDS, SKILL_IDS};
use crate::components::id_field::{first_text, shown_text, IdField, Shown};
use crate::components::id_list::IdList;
use crate::components::number_input::NumberInput;
use crate::components::object_list::ObjectList;
use crate::components::requirement_field::RequirementField;
use crate::components::select_field::SelectField;
use crate::components::text_field::{feed_languages, TextField};
use crate::components::text_input::TextInput;
use crate::doc::{self, Json, Path};
use crate::form::{self, Input, ListItem, ObjectRef};
use crate::i18n::Arg;
use crate::state::{use_ctx, Ctx};
use stackway_core::field_table::{Target, Type};

#[derive(Properties, PartialEq)]
pub struct FormFieldsProps {
    /// The object whose fields these are.
    pub object: ObjectRef,
    /// The object's path in the document.
    pub at: Path,
    /// The keys to draw, in this order; every field of the object when `None`.
    #[prop_or_default]
    pub keys: Option<&'static [&'static str]>,
    /// Whether the object may be absent (a credential's cost): its required fields are still
    /// marked, but emptying one removes it instead of keeping an empty string.
    #[prop_or_default]
    pub optional: bool,
    /// The item these fields belong to ("Employer 2"), named in each label.
    #[prop_or_default]
    pub item: Option<AttrValue>,
    /// Whether all the fields share one row (a cost's amount and currency).
    #[prop_or_default]
    pub row: bool,
}

/// Fields of one object; numbers next to each other share a row.
#[function_component(FormFields)]
pub fn form_fields(props: &FormFieldsProps) -> Html {
    let object = props.object.0;
    let keys: Vec<&'static str> = match props.keys {
        Some(keys) => keys.to_vec(),
        None => object.fields.iter().map(|f| f.key).collect(),
    };
    let draw = |key: &'static str| {
        html! { <TableField object={props.object} key={key} name={key} at={props.at.clone()}
        optional={props.optional} item={props.item.clone()} /> }
    };
    if props.row {
        return html! { <div class="field-row">{ for keys.into_iter().map(draw) }</div> };
    }
    // Runs of numbers (hours, credits, weeks) share a row.
    let mut runs: Vec<Vec<&'static str>> = Vec::new();
    let mut last_was_number = false;
    for key in keys {
        let number = matches!(
            form::input(object, form::field(object, key)),
            Input::Number { .. }
        );
        match runs.last_mut() {
            Some(run) if number && last_was_number => run.push(key),
            _ => runs.push(vec![key]),
        }
        last_was_number = number;
    }
    html! { <>
        { for runs.into_iter().map(|run| if run.len() > 1 {
            html! { <div class="field-row">{ for run.into_iter().map(draw) }</div> }
        } else {
            html! { <>{ for run.into_iter().map(draw) }</> }
        }) }
    </> }
}

#[derive(Properties, PartialEq)]
pub struct TableFieldProps {
    /// The object the field belongs to.
    pub object: ObjectRef,
    /// The field's key in the table.
    pub name: AttrValue,
    /// The object's path (the field's value is at `at/key`).
    pub at: Path,
    /// Whether the object may be absent (see [`FormFieldsProps::optional`]).
    #[prop_or_default]
    pub optional: bool,
    /// The item the field belongs to, named in its label.
    #[prop_or_default]
    pub item: Option<AttrValue>,
}

/// What ids of `list` stand for: the title (or name) of the item with that id.
fn describe(ctx: &Ctx, list: &'static str, title: &'static str) -> Callback<String, Option<Shown>> {
    let ctx = ctx.clone();
    Callback::from(move |id: String| {
        let doc = ctx.doc.borrow();
        let languages = feed_languages(&doc);
        doc::get_list(&doc, &Path::root().key(list))
            .iter()
            .find(|c| c.get("id").and_then(Json::as_str) == Some(id.as_str()))
            .map(|c| shown_text(c.get(title), ctx.i18n.lang.tag(), &languages))
    })
}

/// The institutions a credential may name as its provider: (id, "name (id)").
fn institution_options(ctx: &Ctx) -> Vec<(String, String)> {
    let doc = ctx.doc.borrow();
    let mut order = vec![ctx.i18n.lang.tag().to_owned()];
    order.extend(feed_languages(&doc));
    let provider = doc.get("provider").into_iter();
    let others = doc::get_list(&doc, &Path::root().key("institutions")).iter();
    provider
        .chain(others)
        .filter_map(|institution| {
            let id = institution.get("id").and_then(Json::as_str)?;
            let name = first_text(institution.get("name"), &order);
            Some((id.to_owned(), format!("{name} ({id})")))
        })
        .collect()
}

/// What a list of strings offers as it is typed into (a `<datalist>`), and what shows beside
/// each item (the title of the credential, the name of the skill).
fn list_suggestions(
    ctx: &Ctx,
    item: ListItem,
) -> (Option<AttrValue>, Option<Callback<String, Option<Shown>>>) {
    match item {
        ListItem::Tag | ListItem::Reference(Target::Institution) => (None, None),
        ListItem::Language => (Some(AttrValue::Static(form::LANGUAGE_TAGS)), None),
        ListItem::Reference(Target::Skill) => (
            Some(AttrValue::Static(SKILL_IDS)),
            Some(describe(ctx, "skills", "name")),
        ),
        ListItem::Reference(Target::Credential) => (
            Some(AttrValue::Static(CREDENTIAL_IDS)),
            Some(describe(ctx, "credentials", "title")),
        ),
    }
}

#[function_component(TableField)]
pub fn table_field(props: &TableFieldProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let lang = i18n.lang;
    let object = props.object.0;
    let field = form::field(object, &props.name);
    let (label, help) = form::words(field, lang);
    let label = AttrValue::from(match &props.item {
        Some(item) => i18n.t_with(
            "item-field",
            &[
                ("item", Arg::from(item.as_str())),
                ("field", Arg::from(label)),
            ],
        ),
        None => label.to_owned(),
    });
    let help = help.map(AttrValue::Static);
    let path = props.at.key(field.key);
    let required = field.required;
    let keep_empty = required && !props.optional;
    match form::input(object, field) {
        Input::None => Html::default(),
        Input::Line => html! {
            <TextInput {path} {label} {help} {required} {keep_empty} />
        },
        Input::Url => html! {
            <TextInput {path} {label} {help} {required} {keep_empty} kind="url" />
        },
        Input::Date => html! {
            <TextInput {path} {label} {help} {required} {keep_empty} kind="date" />
        },
        Input::Text { paragraph } => html! {
            <TextField {path} {label} {help} {required} multiline={paragraph} />
        },
        Input::Number { range, integer } => html! {
            <NumberInput {path} {label} {help} {required} {integer} range={Some(range)} />
        },
        Input::Id(Some(kind)) => html! {
            <IdField item={props.at.clone()} {kind} {label} {help}
                     title={props.at.key(form::title_key(object))} />
        },
        Input::Id(None) => html! {
            <TextInput {path} {label} {help} {required} {keep_empty} />
        },
        Input::Reference(Target::Institution) => {
            let empty = (!required).then(|| AttrValue::from(i18n.t("provider-default")));
            html! {
                <SelectField {path} {label} {help} {required} options={institution_options(&ctx)} {empty} />
            }
        }
        Input::Reference(target) => {
            let list = match target {
                Target::Skill => SKILL_IDS,
                _ => CREDENTIAL_IDS,
            };
            html! {
                <TextInput {path} {label} {help} {required} {keep_empty} list={AttrValue::Static(list)} />
            }
        }
        Input::Select(values) => {
            let options: Vec<(String, String)> = values
                .iter()
                .map(|v| ((*v).to_owned(), form::choice_label(&field.ty, v, lang)))
                .collect();
            // "Choose one…" rather than a blank line while nothing is chosen.
            let empty = Some(AttrValue::from(i18n.t("choose-one")));
            html! { <SelectField {path} {label} {help} {required} {options} {empty} /> }
        }
        Input::Checks(values) => {
            let options: Vec<(String, String)> = values
                .iter()
                .map(|v| ((*v).to_owned(), form::choice_label(&field.ty, v, lang)))
                .collect();
            html! { <ChecksField {path} {label} {help} {options} /> }
        }
        Input::StringList { item, ordered } => {
            let (options, describe) = list_suggestions(&ctx, item);
            html! { <IdList {path} {label} {help} {required} {ordered} {options} {describe} /> }
        }
        Input::TextList => html! { <ObjectList {path} {label} {help} /> },
        Input::ObjectList(item) => {
            // Each item's fields are drawn here, so that the list needs no import of this
            // module (which imports it).
            let item_fields = Callback::from(move |(at, name): (Path, AttrValue)| {
                html! { <FormFields object={item} {at} item={Some(name)} /> }
            });
            html! { <ObjectList {path} {label} {help} item={Some((item, item_fields))} /> }
        }
        Input::Object(inner) => {
            let mut diagnostics = ctx.diagnostics_at(&path);
            // Problems of its fields are shown at those fields.
            diagnostics.retain(|d| crate::check::anchor(d) == path);
            // Short fields side by side (a cost's amount and currency, a badge's two addresses);
            // texts and ids (the provider's name in each language) need the width.
            let row = inner
                .0
                .fields
                .iter()
                .all(|f| !matches!(f.ty, Type::Text | Type::Id));
            html! {
                <FieldShell path={path.clone()} {label} {help} {required} {diagnostics} group=true>
                    <FormFields object={inner} at={path} optional={!keep_empty} {row} />
                </FieldShell>
            }
        }
        Input::Requirement => {
            let short = AttrValue::from(i18n.t(&format!("req-name-{}", field.key)));
            html! { <RequirementField {path} {label} {help} {short} /> }
        }
    }
}
