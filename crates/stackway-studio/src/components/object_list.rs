//! A list of small things inside a credential: its learning outcomes (each a Text) and its
//! employer partners (objects of the field table, each drawn with its fields). Items are added,
//! removed and reordered.

use crate::doc::Json;
use yew::prelude::*;

use crate::components::field_shell::FieldShell;
use crate::components::text_field::TextField;
use crate::doc::{self, Edit, Path};
use crate::form::ObjectRef;
use crate::i18n::Arg;
use crate::state::{use_ctx, Action};
use stackway_core::field_table::Type;

/// Draws the fields of one item, given its path and its name ("Employer 2").
pub type ItemFields = Callback<(Path, AttrValue), Html>;

#[derive(Properties, PartialEq)]
pub struct ObjectListProps {
    /// The list's path.
    pub path: Path,
    /// The list's label.
    pub label: AttrValue,
    /// Help under the label, if any.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// The object each item is (an employer) and what draws an item's fields (given its path
    /// and its name, "Employer 2"); `None` for a list of texts (outcomes).
    #[prop_or_default]
    pub item: Option<(ObjectRef, ItemFields)>,
}

/// A new item: an object with an empty text for each of its required texts, or an empty text.
fn new_item(item: Option<ObjectRef>) -> Json {
    let members = item
        .map(|object| {
            object
                .0
                .fields
                .iter()
                .filter(|f| f.required && matches!(f.ty, Type::Text))
                .map(|f| (f.key.to_owned(), Json::Object(Vec::new())))
                .collect()
        })
        .unwrap_or_default();
    Json::Object(members)
}

#[function_component(ObjectList)]
pub fn object_list(props: &ObjectListProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let len = doc::get_list(&ctx.doc.borrow(), &props.path).len();
    let mut diagnostics = ctx.diagnostics_at(&props.path);
    diagnostics.retain(|d| d.pointer == props.path.pointer());
    let add = {
        let ctx = ctx.clone();
        let path = props.path.clone();
        let item = props.item.as_ref().map(|(object, _)| *object);
        Callback::from(move |_| {
            let value = new_item(item);
            let edit = if len == 0 {
                Edit::Set {
                    at: path.clone(),
                    value: Some(Json::Array(vec![value])),
                }
            } else {
                Edit::Insert {
                    list: path.clone(),
                    index: len,
                    value,
                }
            };
            ctx.dispatch(Action::Edit { edit, group: None });
            let focus = match item.and_then(|object| object.0.fields.first()) {
                Some(first) => path.index(len).key(first.key),
                None => path.index(len),
            };
            ctx.dispatch(Action::Jump(focus));
        })
    };
    // The studio's words for one item and for adding one: `outcome-…` for texts, else named
    // after the object (`employer-…`).
    let word = props
        .item
        .as_ref()
        .map_or("outcome", |(object, _)| object.0.name);
    let (item_word, add_word) = (format!("{word}-item"), format!("{word}-add"));
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    diagnostics={diagnostics} group=true>
            <ol class="object-list">
                { for (0..len).map(|i| {
                    let at = props.path.index(i);
                    let name = i18n.t_with(&item_word, &[("number", Arg::from(i + 1))]);
                    let remove = {
                        let ctx = ctx.clone();
                        let path = props.path.clone();
                        Callback::from(move |_| {
                            let edit = if len == 1 { Edit::Set { at: path.clone(), value: None } } else { Edit::Remove { list: path.clone(), index: i } };
                            ctx.dispatch(Action::Edit { edit, group: None });
                        })
                    };
                    let mover = |to: usize| {
                        let ctx = ctx.clone();
                        let path = props.path.clone();
                        Callback::from(move |_| ctx.dispatch(Action::Edit { edit: Edit::Move { list: path.clone(), from: i, to }, group: None }))
                    };
                    html! {
                        <li key={i}>
                            { match &props.item {
                                None => html! { <TextField path={at.clone()} label={name.clone()} multiline=true /> },
                                Some((_, fields)) => fields.emit((at.clone(), AttrValue::from(name.clone()))),
                            } }
                            <div class="item-controls">
                                <button type="button" class="icon" disabled={i == 0} onclick={mover(i.saturating_sub(1))}
                                        aria-label={i18n.t_with("list-move-up", &[("item", Arg::from(name.as_str()))])} title={i18n.t("req-move-up-short")}>{"↑"}</button>
                                <button type="button" class="icon" disabled={i + 1 >= len} onclick={mover((i + 1).min(len.saturating_sub(1)))}
                                        aria-label={i18n.t_with("list-move-down", &[("item", Arg::from(name.as_str()))])} title={i18n.t("req-move-down-short")}>{"↓"}</button>
                                <button type="button" class="icon danger" onclick={remove}
                                        aria-label={i18n.t_with("list-remove", &[("item", Arg::from(name.as_str()))])} title={i18n.t("req-remove-short")}>{"✕"}</button>
                            </div>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" onclick={add}>{ i18n.t(&add_word) }</button>
        </FieldShell>
    }
}
