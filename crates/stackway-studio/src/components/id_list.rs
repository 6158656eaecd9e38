//! An ordered list of strings: credential ids (a pathway's steps, an equivalence's credentials),
//! skill ids, tags, languages. Items are added, removed and moved with buttons, so the order is
//! kept by keyboard as well as by mouse; ids are offered from a list of the feed's own.

use crate::doc::Json;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_shell::{
    described_by, DiagnosticLine, DiagnosticLineProps, FieldShell,
};
use crate::components::id_field::Shown;
use crate::doc::{self, Edit, Path};
use crate::i18n::Arg;
use crate::state::{use_ctx, Action, Ctx};

#[derive(Properties, PartialEq)]
pub struct IdListProps {
    pub path: Path,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// The id of a `<datalist>` offering values (credential ids, skill ids), if any.
    #[prop_or_default]
    pub options: Option<AttrValue>,
    /// Whether the order means something (pathway steps): then items can be moved.
    #[prop_or_default]
    pub ordered: bool,
    /// Turns an id into what to show beside it (a credential's title).
    #[prop_or_default]
    pub describe: Option<Callback<String, Option<Shown>>>,
}

fn dispatch(ctx: &Ctx, edit: Edit) {
    ctx.dispatch(Action::Edit { edit, group: None });
}

/// Adds a typed value at the end of the list (creating the list when it is absent), then
/// empties the input.
fn on_add(
    ctx: &Ctx,
    path: &Path,
    len: usize,
    new_item: UseStateHandle<String>,
) -> Callback<String> {
    let ctx = ctx.clone();
    let path = path.clone();
    Callback::from(move |value: String| {
        let value = value.trim().to_owned();
        if value.is_empty() {
            return;
        }
        let edit = if len == 0 {
            Edit::Set {
                at: path.clone(),
                value: Some(Json::Array(vec![Json::String(value)])),
            }
        } else {
            Edit::Insert {
                list: path.clone(),
                index: len,
                value: Json::String(value),
            }
        };
        dispatch(&ctx, edit);
        new_item.set(String::new());
    })
}

/// Removes item `i` (the whole list with its last item) and focuses the item now in its place.
fn on_remove(ctx: &Ctx, path: &Path, i: usize, len: usize) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    let path = path.clone();
    Callback::from(move |_| {
        let edit = if len == 1 {
            Edit::Set {
                at: path.clone(),
                value: None,
            }
        } else {
            Edit::Remove {
                list: path.clone(),
                index: i,
            }
        };
        dispatch(&ctx, edit);
        let focus = if len > 1 {
            path.index(i.min(len - 2))
        } else {
            path.clone()
        };
        ctx.dispatch(Action::Jump(focus));
    })
}

/// Moves item `from` to `to` and keeps the focus on it.
fn on_move(ctx: &Ctx, path: &Path, from: usize, to: usize) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    let path = path.clone();
    Callback::from(move |_| {
        dispatch(
            &ctx,
            Edit::Move {
                list: path.clone(),
                from,
                to,
            },
        );
        ctx.dispatch(Action::Jump(path.index(to)));
    })
}

#[function_component(IdList)]
pub fn id_list(props: &IdListProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let items: Vec<Json> = doc::get_list(&ctx.doc.borrow(), &props.path).to_vec();
    let mut diagnostics = ctx.diagnostics_at(&props.path);
    // Item problems are shown at the item.
    let item_diagnostics: Vec<Vec<_>> = (0..items.len())
        .map(|i| {
            let at = props.path.index(i);
            diagnostics
                .iter()
                .filter(|d| crate::check::anchor(d).starts_with(&at))
                .cloned()
                .collect()
        })
        .collect();
    diagnostics
        .retain(|d| d.pointer == props.path.pointer() || crate::check::anchor(d) == props.path);
    let path = props.path.clone();
    let len = items.len();
    let new_item = use_state(String::new);
    let add = on_add(&ctx, &path, len, new_item.clone());
    let add_input_id = format!("{}-new", path.dom_id());
    let onkeydown = {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                add.emit(e.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    let oninput = {
        let new_item = new_item.clone();
        Callback::from(move |e: InputEvent| {
            new_item.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let add_click = {
        let add = add.clone();
        let new_item = new_item.clone();
        Callback::from(move |_| add.emit((*new_item).clone()))
    };
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    required={props.required} diagnostics={diagnostics} group=true>
            if !items.is_empty() {
                <ol class={classes!("id-list", (!props.ordered).then_some("unordered"))}>
                    { for items.iter().enumerate().map(|(i, item)| {
                        let text = crate::components::text_input::shown(Some(item));
                        let name = format!("{} ({})", text, i + 1);
                        let remove = on_remove(&ctx, &path, i, len);
                        let mover = |to: usize| on_move(&ctx, &path, i, to);
                        let description = props.describe.as_ref().and_then(|d| d.emit(text.clone()));
                        html! {
                            <li key={i} id={path.index(i).dom_id()} tabindex="-1">
                                <span class="id-chip">{ text.clone() }</span>
                                if let Some(description) = description { <span class="id-description" lang={description.lang}>{ description.text }</span> }
                                if props.ordered {
                                    <button type="button" class="icon" disabled={i == 0} onclick={mover(i.saturating_sub(1))}
                                            aria-label={i18n.t_with("list-move-up", &[("item", Arg::from(name.as_str()))])}
                                            title={i18n.t("req-move-up-short")}>{"↑"}</button>
                                    <button type="button" class="icon" disabled={i + 1 >= len} onclick={mover((i + 1).min(len.saturating_sub(1)))}
                                            aria-label={i18n.t_with("list-move-down", &[("item", Arg::from(name.as_str()))])}
                                            title={i18n.t("req-move-down-short")}>{"↓"}</button>
                                }
                                <button type="button" class="icon danger" onclick={remove}
                                        aria-label={i18n.t_with("list-remove", &[("item", Arg::from(name.as_str()))])}
                                        title={i18n.t("req-remove-short")}>{"✕"}</button>
                                { for item_diagnostics[i].iter().map(|d| html! { <DiagnosticLine ..DiagnosticLineProps::from(d) /> }) }
                            </li>
                        }
                    }) }
                </ol>
            }
            <div class="id-add">
                <input id={add_input_id} type="text" list={props.options.clone()} value={(*new_item).clone()}
                       {oninput} {onkeydown} spellcheck="false" autocomplete="off"
                       aria-label={i18n.t_with("list-add-to", &[("list", Arg::from(props.label.as_str()))])}
                       aria-describedby={described_by(&props.path)} />
                <button type="button" onclick={add_click}
                        aria-label={i18n.t_with("list-add-to", &[("list", Arg::from(props.label.as_str()))])}>{ i18n.t("list-add") }</button>
            </div>
        </FieldShell>
    }
}
