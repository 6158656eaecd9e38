//! A list of small objects inside a credential: its learning outcomes (each a Text) and its
//! employer partners (a name and a web site). Items are added, removed and reordered.

use crate::doc::Json;
use yew::prelude::*;

use crate::components::field_shell::FieldShell;
use crate::components::text_field::TextField;
use crate::components::text_input::TextInput;
use crate::doc::{self, Edit, Path};
use crate::i18n::Arg;
use crate::state::{use_ctx, Action};

/// What the list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// Learning outcomes: Texts.
    Outcome,
    /// Employer partners: `{name, url}`.
    Employer,
}

#[derive(Properties, PartialEq)]
pub struct ObjectListProps {
    pub path: Path,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    pub kind: ObjectKind,
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
        let kind = props.kind;
        Callback::from(move |_| {
            let value = match kind {
                ObjectKind::Outcome => Json::Object(Vec::new()),
                ObjectKind::Employer => {
                    Json::Object(vec![("name".into(), Json::Object(Vec::new()))])
                }
            };
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
            let focus = match kind {
                ObjectKind::Outcome => path.index(len),
                ObjectKind::Employer => path.index(len).key("name"),
            };
            ctx.dispatch(Action::Jump(focus));
        })
    };
    let (item_word, add_word) = match props.kind {
        ObjectKind::Outcome => ("outcome-item", "outcome-add"),
        ObjectKind::Employer => ("employer-item", "employer-add"),
    };
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    diagnostics={diagnostics} group=true>
            <ol class="object-list">
                { for (0..len).map(|i| {
                    let at = props.path.index(i);
                    let name = i18n.t_with(item_word, &[("number", Arg::from(i + 1))]);
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
                            { match props.kind {
                                ObjectKind::Outcome => html! { <TextField path={at.clone()} label={name.clone()} multiline=true /> },
                                ObjectKind::Employer => html! { <>
                                    <TextField path={at.key("name")} label={i18n.t_with("employer-name", &[("item", Arg::from(name.as_str()))])} required=true />
                                    <TextInput path={at.key("url")} label={i18n.t_with("employer-url", &[("item", Arg::from(name.as_str()))])} kind="url" />
                                </> },
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
            <button type="button" onclick={add}>{ i18n.t(add_word) }</button>
        </FieldShell>
    }
}
