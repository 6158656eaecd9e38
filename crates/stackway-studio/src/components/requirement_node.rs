//! One node of a requirement tree: a credential, or a group (all / any / choose n / credits
//! from) with its items, each movable up and down, removable, and groups nestable. Every
//! control is a native button, input or select, so the whole tree works from the keyboard;
//! each carries the node's outline number ("2.1") in its accessible name.

use crate::doc::{Json, JsonExt};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::field_shell::{DiagnosticLine, DiagnosticLineProps};
use crate::components::id_field::{shown_text, Shown};
use crate::components::number_input::number_value;
use crate::components::table_field::TableField;
use crate::doc::{self, Edit, Path};
use crate::form::{self, ObjectRef};
use crate::i18n::{Arg, I18n};
use crate::requirement::{children, convert, new_group, only_ids, NodeKind};
use crate::state::{use_ctx, Action, Ctx};
use stackway_core::field_table;

/// The id of the page's list of credential ids and titles, which id inputs offer.
pub const CREDENTIAL_IDS: &str = "credential-ids";

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

/// The title of the credential `id`, to show beside it.
pub fn credential_title(doc: &Json, id: &str, ui: &str) -> Option<Shown> {
    let languages = crate::components::text_field::feed_languages(doc);
    doc.get("credentials")?
        .as_array()?
        .iter()
        .find(|c| c.get("id").and_then(Json::as_str) == Some(id))
        .map(|c| shown_text(c.get("title"), ui, &languages))
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
        let (list, index, len) = (list.clone(), *index, *len);
        let mover = |to: usize| {
            let ctx = ctx.clone();
            let list = list.clone();
            Callback::from(move |_| {
                edit(&ctx, Edit::Move { list: list.clone(), from: index, to });
                ctx.dispatch(Action::Jump(list.index(to)));
            })
        };
        let remove = {
            let ctx = ctx.clone();
            let list = list.clone();
            Callback::from(move |_| {
                edit(&ctx, Edit::Remove { list: list.clone(), index });
                let focus = if len > 1 { list.index(index.min(len - 2)) } else { list.clone() };
                ctx.dispatch(Action::Jump(focus));
            })
        };
        html! {
            <span class="req-controls">
                <button type="button" class="icon" disabled={index == 0} onclick={mover(index.saturating_sub(1))}
                        aria-label={i18n.t_with("req-move-up", &[("item", Arg::from(name.as_str()))])}
                        title={i18n.t("req-move-up-short")}>{"↑"}</button>
                <button type="button" class="icon" disabled={index + 1 >= len} onclick={mover((index + 1).min(len.saturating_sub(1)))}
                        aria-label={i18n.t_with("req-move-down", &[("item", Arg::from(name.as_str()))])}
                        title={i18n.t("req-move-down-short")}>{"↓"}</button>
                <button type="button" class="icon danger" onclick={remove}
                        aria-label={i18n.t_with("req-remove", &[("item", Arg::from(name.as_str()))])}
                        title={i18n.t("req-remove-short")}>{"✕"}</button>
            </span>
        }
    });

    let body = match kind {
        NodeKind::Credential | NodeKind::Other => {
            let id = value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_text());
            let title = credential_title(&ctx.doc.borrow(), &id, i18n.lang.tag());
            let oninput = {
                // Every keystroke is an edit (merged into one undo step), so the field and the
                // document never disagree, and the check says at once whether the id exists.
                let ctx = ctx.clone();
                let path = props.path.clone();
                Callback::from(move |e: InputEvent| {
                    let text = e.target_unchecked_into::<HtmlInputElement>().value();
                    ctx.dispatch(Action::Edit {
                        edit: Edit::Set {
                            at: path.clone(),
                            value: Some(Json::String(text.trim().to_owned())),
                        },
                        group: Some(path.pointer()),
                    });
                })
            };
            let to_group = (!props.in_credits).then(|| {
                let ctx = ctx.clone();
                let path = props.path.clone();
                let value = value.clone();
                let onclick = Callback::from(move |_| {
                    if let Some(group) = convert(&value, NodeKind::All) {
                        edit(&ctx, Edit::Set { at: path.clone(), value: Some(group) });
                    }
                });
                html! { <button type="button" class="link" {onclick}
                    aria-label={i18n.t_with("req-make-group-of", &[("item", Arg::from(name.as_str()))])}>{ i18n.t("req-make-group") }</button> }
            });
            html! {
                <div class="req-leaf">
                    <div class="req-row">
                        <input id={props.path.dom_id()} type="text" class="id-input" list={CREDENTIAL_IDS}
                               value={id} {oninput} spellcheck="false" autocomplete="off"
                               aria-label={i18n.t_with("req-credential-of", &[("item", Arg::from(name.as_str()))])}
                               aria-describedby={format!("{}-title", props.path.dom_id())} />
                        { controls.clone() }
                        { to_group }
                    </div>
                    { match title {
                        Some(title) => html! { <span class="req-title" id={format!("{}-title", props.path.dom_id())} lang={title.lang}>{ title.text }</span> },
                        None => html! { <span class="req-title" id={format!("{}-title", props.path.dom_id())}>{ i18n.t("req-unknown") }</span> },
                    } }
                </div>
            }
        }
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
            let count = match group_kind {
                NodeKind::Choose | NodeKind::Credits => {
                    let key = if group_kind == NodeKind::Choose {
                        "choose"
                    } else {
                        "credits"
                    };
                    let at = props.path.key(key);
                    let shown = crate::components::text_input::shown(value.get(key));
                    let ctx = ctx.clone();
                    let oninput = {
                        let at = at.clone();
                        Callback::from(move |e: InputEvent| {
                            let text = e.target_unchecked_into::<HtmlInputElement>().value();
                            ctx.dispatch(Action::Edit {
                                edit: Edit::Set {
                                    at: at.clone(),
                                    value: Some(
                                        number_value(&text).unwrap_or(Json::String(String::new())),
                                    ),
                                },
                                group: Some(at.pointer()),
                            });
                        })
                    };
                    let group = field_table::group_by_key(key).expect("a group of the table");
                    let (field, _) = form::words(form::field(group, key), i18n.lang);
                    let label = i18n.t_with(
                        "req-count-of",
                        &[
                            ("field", Arg::from(field)),
                            ("item", Arg::from(name.as_str())),
                        ],
                    );
                    html! { <input id={at.dom_id()} class="number short" type="text" inputmode="decimal"
                    value={shown} {oninput} aria-label={label} /> }
                }
                _ => html! {},
            };
            let add_credential = {
                let ctx = ctx.clone();
                let list = list.clone();
                let at = items.len();
                Callback::from(move |_| {
                    edit(
                        &ctx,
                        Edit::Insert {
                            list: list.clone(),
                            index: at,
                            value: Json::String(String::new()),
                        },
                    );
                    ctx.dispatch(Action::Jump(list.index(at)));
                })
            };
            let add_group = {
                let ctx = ctx.clone();
                let list = list.clone();
                let at = items.len();
                Callback::from(move |_| {
                    edit(
                        &ctx,
                        Edit::Insert {
                            list: list.clone(),
                            index: at,
                            value: new_group(NodeKind::All),
                        },
                    );
                    ctx.dispatch(Action::Jump(list.index(at)));
                })
            };
            let is_credits = group_kind == NodeKind::Credits;
            let prefix = if number.is_empty() {
                String::new()
            } else {
                format!("{number}.")
            };
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
                        <TableField object={ObjectRef(field_table::group_by_key(group_kind.slug()).unwrap_or(&field_table::ALL_GROUP))}
                                    name="label" at={props.path.clone()} />
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
