//! One node of a requirement tree: a credential, or a group (all / any / choose n / credits
//! from) with its items, each movable up and down, removable, and groups nestable. Every
//! control is a native button, input or select, so the whole tree works from the keyboard;
//! each carries the node's outline number ("2.1") in its accessible name.

use crate::doc::Json;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::field_shell::{DiagnosticLine, DiagnosticLineProps};
use crate::components::number_input::number_value;
use crate::components::requirement_controls::RequirementControls;
use crate::components::requirement_leaf::RequirementLeaf;
use crate::components::text_field::TextField;
use crate::doc::{self, Edit, Path};
use crate::form;
use crate::i18n::{Arg, I18n};
use crate::requirement::{children, convert, new_group, only_ids, NodeKind};
use crate::state::{use_ctx, Action, Ctx};
use stackway_core::field_table;

#[derive(Properties, PartialEq)]
pub struct RequirementNodeProps {
    /// The node's path.
    pub path: Path,
    /// The outline number ("" for the root, "1", "2.1", …).
    pub number: AttrValue,
    /// The requirement's short name ("Requires", "Prerequisites"): with the outline number, it
    /// names each control uniquely on the page.
    pub field: AttrValue,
    /// When the node is an item of a group: that group's list path, the item's index and the
    /// list's length.
    #[prop_or_default]
    pub item: Option<(Path, usize, usize)>,
    /// Whether the node is an item of a `credits` group (ids only).
    #[prop_or_default]
    pub in_credits: bool,
}

/// The `<option>`s of the node kinds, for a select.
pub fn kind_options(i18n: &I18n, with_credential: bool, allow_groups_in: bool) -> Html {
    let kinds = [
        NodeKind::Credential,
        NodeKind::All,
        NodeKind::Any,
        NodeKind::Choose,
        NodeKind::Credits,
    ];
    let options = kinds
        .into_iter()
        .filter(|k| with_credential || *k != NodeKind::Credential)
        .map(|k| html! {
            <option value={k.slug()} disabled={!allow_groups_in && k == NodeKind::Credits}>{ kind_name(i18n, k) }</option>
        });
    options.collect::<Html>()
}

/// A node kind's name: a group's from the field table ("All of", "Credits from"), a single
/// credential's from the studio's words (the table has no object for it).
pub fn kind_name(i18n: &I18n, kind: NodeKind) -> String {
    match field_table::group_by_key(kind.slug()) {
        Some(group) => group.doc.label.get(i18n.lang.tag()).to_owned(),
        None => i18n.t("req-kind-credential"),
    }
}

fn edit(ctx: &Ctx, edit: Edit) {
    ctx.dispatch(Action::Edit { edit, group: None });
}

/// Adds `value` at the end of a group's list and focuses it.
fn on_add(ctx: &Ctx, list: &Path, at: usize, value: Json) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    let list = list.clone();
    Callback::from(move |_| {
        let insert = Edit::Insert {
            list: list.clone(),
            index: at,
            value: value.clone(),
        };
        edit(&ctx, insert);
        ctx.dispatch(Action::Jump(list.index(at)));
    })
}

/// The number a `choose` or `credits` group asks for, in its head; nothing for other groups.
fn count_input(ctx: &Ctx, path: &Path, value: &Json, group_kind: NodeKind, name: &str) -> Html {
    let key = match group_kind {
        NodeKind::Choose => "choose",
        NodeKind::Credits => "credits",
        _ => return Html::default(),
    };
    let i18n = &ctx.i18n;
    let at = path.key(key);
    let shown = crate::components::text_input::shown(value.get(key));
    let oninput = {
        let ctx = ctx.clone();
        let at = at.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let value = number_value(&text).unwrap_or(Json::String(String::new()));
            let edit = Edit::Set {
                at: at.clone(),
                value: Some(value),
            };
            let group = Some(at.pointer());
            ctx.dispatch(Action::Edit { edit, group });
        })
    };
    let group = field_table::group_by_key(key).expect("a group of the table");
    let (field, _) = form::words(form::field(group, key), i18n.lang);
    let label = i18n.t_with(
        "req-count-of",
        &[("field", Arg::from(field)), ("item", Arg::from(name))],
    );
    html! { <input id={at.dom_id()} class="number short" type="text" inputmode="decimal"
    value={shown} {oninput} aria-label={label} /> }
}

#[function_component(RequirementNode)]
pub fn requirement_node(props: &RequirementNodeProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let value = doc::get(&ctx.doc.borrow(), &props.path)
        .cloned()
        .unwrap_or(Json::Null);
    let kind = NodeKind::of(&value);
    let number = props.number.to_string();
    let name = if number.is_empty() {
        props.field.to_string()
    } else {
        format!("{} {number}", props.field)
    };
    let here: Vec<_> = ctx
        .diagnostics
        .iter()
        .filter(|d| {
            let anchor = crate::check::anchor(d);
            anchor == props.path
                || (anchor.starts_with(&props.path)
                    && kind.list_key().is_some_and(|k| anchor == props.path.key(k)))
                || anchor == props.path.key("choose")
                || anchor == props.path.key("credits")
        })
        .cloned()
        .collect();

    let controls = props.item.as_ref().map(|(list, index, len)| {
        html! { <RequirementControls list={list.clone()} index={*index} len={*len} name={name.clone()} /> }
    });

    let body = match kind {
        NodeKind::Credential | NodeKind::Other => html! {
            <RequirementLeaf path={props.path.clone()} value={value.clone()} name={name.clone()}
                             in_credits={props.in_credits} controls={controls.clone()} />
        },
        group_kind => {
            let items = children(&value).to_vec();
            let list = props.path.key(group_kind.list_key().unwrap_or("all"));
            let change_kind = {
                let ctx = ctx.clone();
                let path = props.path.clone();
                let value = value.clone();
                Callback::from(move |e: Event| {
                    let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
                    if let Some(converted) =
                        NodeKind::from_slug(&slug).and_then(|k| convert(&value, k))
                    {
                        edit(
                            &ctx,
                            Edit::Set {
                                at: path.clone(),
                                value: Some(converted),
                            },
                        );
                    }
                })
            };
            let count = count_input(&ctx, &props.path, &value, group_kind, &name);
            let add_credential = on_add(&ctx, &list, items.len(), Json::String(String::new()));
            let add_group = on_add(&ctx, &list, items.len(), new_group(NodeKind::All));
            let is_credits = group_kind == NodeKind::Credits;
            let prefix = if number.is_empty() {
                String::new()
            } else {
                format!("{number}.")
            };
            // A group's label, in the field table's words (the same field in every group).
            let label_words = form::words(form::field(&field_table::ALL_GROUP, "label"), i18n.lang);
            let label_words = (
                AttrValue::Static(label_words.0),
                label_words.1.map(AttrValue::Static),
            );
            let select_label = i18n.t_with("req-kind-of", &[("item", Arg::from(name.as_str()))]);
            html! {
                <div class={classes!("req-group", format!("req-{}", group_kind.slug()))}>
                    <div class="req-head">
                        <select id={props.path.dom_id()} onchange={change_kind} aria-label={select_label}>
                            { for [NodeKind::All, NodeKind::Any, NodeKind::Choose, NodeKind::Credits].into_iter().map(|k| {
                                let disabled = k == NodeKind::Credits && !only_ids(&items);
                                html! { <option value={k.slug()} selected={k == group_kind} disabled={disabled}>
                                    { kind_name(&i18n, k) }</option> }
                            }) }
                        </select>
                        { count }
                        { controls.clone() }
                    </div>
                    <ol class="req-items">
                        { for items.iter().enumerate().map(|(i, _)| html! {
                            <li key={i}>
                                <RequirementNode path={list.index(i)} number={AttrValue::from(format!("{prefix}{}", i + 1))} field={props.field.clone()}
                                                 item={Some((list.clone(), i, items.len()))} in_credits={is_credits} />
                            </li>
                        }) }
                    </ol>
                    <div class="req-add">
                        <button type="button" onclick={add_credential}
                                aria-label={i18n.t_with("req-add-credential-to", &[("item", Arg::from(name.as_str()))])}>
                            { i18n.t("req-add-credential") }</button>
                        if !is_credits {
                            <button type="button" onclick={add_group}
                                    aria-label={i18n.t_with("req-add-group-to", &[("item", Arg::from(name.as_str()))])}>
                                { i18n.t("req-add-group") }</button>
                        }
                    </div>
                    <details class="req-label" open={value.get("label").is_some()}>
                        <summary>{ i18n.t_with("req-label-of", &[("item", Arg::from(name.as_str()))]) }</summary>
                        <TextField path={props.path.key("label")} label={label_words.0} help={label_words.1} />
                    </details>
                </div>
            }
        }
    };
    html! {
        <div class="req-node" data-path={props.path.pointer()}>
            { body }
            { for here.into_iter().map(|d| html! { <DiagnosticLine ..DiagnosticLineProps::from(&d) /> }) }
        </div>
    }
}
