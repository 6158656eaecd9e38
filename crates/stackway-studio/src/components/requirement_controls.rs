//! The buttons beside an item of a requirement group: move it up, move it down, remove it. Each
//! names the item by its outline number ("Move Requires 2.1 up").

use yew::prelude::*;

use crate::doc::{Edit, Path};
use crate::i18n::Arg;
use crate::state::{use_ctx, Action, Ctx};

#[derive(Properties, PartialEq)]
pub struct RequirementControlsProps {
    /// The group's list the item is in.
    pub list: Path,
    /// The item's position in it.
    pub index: usize,
    /// How many items the list has.
    pub len: usize,
    /// The item's name for accessible names ("Requires 2.1").
    pub name: AttrValue,
}

/// Moves item `from` to `to` and keeps the focus on it.
fn on_move(ctx: &Ctx, list: &Path, from: usize, to: usize) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    let list = list.clone();
    Callback::from(move |_| {
        let edit = Edit::Move {
            list: list.clone(),
            from,
            to,
        };
        ctx.dispatch(Action::Edit { edit, group: None });
        ctx.dispatch(Action::Jump(list.index(to)));
    })
}

/// Removes item `index` and focuses the item now in its place (or the list).
fn on_remove(ctx: &Ctx, list: &Path, index: usize, len: usize) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    let list = list.clone();
    Callback::from(move |_| {
        let edit = Edit::Remove {
            list: list.clone(),
            index,
        };
        ctx.dispatch(Action::Edit { edit, group: None });
        let focus = if len > 1 {
            list.index(index.min(len - 2))
        } else {
            list.clone()
        };
        ctx.dispatch(Action::Jump(focus));
    })
}

#[function_component(RequirementControls)]
pub fn requirement_controls(props: &RequirementControlsProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let (index, len) = (props.index, props.len);
    let item = || [("item", Arg::from(props.name.as_str()))];
    let up = on_move(&ctx, &props.list, index, index.saturating_sub(1));
    let down = on_move(
        &ctx,
        &props.list,
        index,
        (index + 1).min(len.saturating_sub(1)),
    );
    let remove = on_remove(&ctx, &props.list, index, len);
    html! {
        <span class="req-controls">
            <button type="button" class="icon" disabled={index == 0} onclick={up}
                    aria-label={i18n.t_with("req-move-up", &item())}
                    title={i18n.t("req-move-up-short")}>{"↑"}</button>
            <button type="button" class="icon" disabled={index + 1 >= len} onclick={down}
                    aria-label={i18n.t_with("req-move-down", &item())}
                    title={i18n.t("req-move-down-short")}>{"↓"}</button>
            <button type="button" class="icon danger" onclick={remove}
                    aria-label={i18n.t_with("req-remove", &item())}
                    title={i18n.t("req-remove-short")}>{"✕"}</button>
        </span>
    }
}
