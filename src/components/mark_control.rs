//! The learner's controls for one credential: "I have it", "Planned", "Remove". Shown only for
//! credentials that are taken (those without `requires`); stackable ones are earned by stacking.

use yew::prelude::*;

use crate::hooks::use_dispatch;
use crate::hooks::use_i18n;
use crate::state::{Action, Mark};

/// Properties of [`MarkControl`].
#[derive(Properties, PartialEq)]
pub struct MarkControlProps {
    /// The credential's id.
    pub id: AttrValue,
    /// The credential's title, for the buttons' accessible names.
    pub title: AttrValue,
    /// How the credential stands in the learner's plan now.
    pub mark: Mark,
}

/// Buttons that mark a credential as held or planned, or remove the mark; the state is shown by
/// word and icon, not colour alone. It reads no state of its own (the mark comes in its props),
/// so a list of them re-renders only the ones whose credential changed.
#[function_component]
pub fn MarkControl(props: &MarkControlProps) -> Html {
    let i18n = use_i18n();
    let dispatcher = use_dispatch();
    let mark = props.mark;
    let id = props.id.to_string();
    let dispatch = |action: fn(String) -> Action| {
        let id = id.clone();
        dispatcher
            .to_callback()
            .reform(move |_: MouseEvent| action(id.clone()))
    };
    let hold = dispatch(|id| Action::Hold(id, None));
    let plan = dispatch(Action::Plan);
    let unmark = dispatch(Action::Unmark);
    let label = |id: &str| {
        i18n.t_args(
            id,
            &[("title", crate::i18n::Arg::from(props.title.to_string()))],
        )
    };
    html! {
        <div class="sw-mark" role="group" aria-label={label("mark-group-label")}>
            {
                match mark {
                    Mark::Held => html! {
                        <span class="sw-badge sw-badge-held">
                            <span aria-hidden="true">{ "✓ " }</span>{ i18n.t("mark-held") }
                        </span>
                    },
                    Mark::Planned => html! {
                        <span class="sw-badge sw-badge-planned">
                            <span aria-hidden="true">{ "◷ " }</span>{ i18n.t("mark-planned") }
                        </span>
                    },
                    Mark::None => html! {},
                }
            }
            if mark != Mark::Held {
                <button type="button" class="sw-button" onclick={hold} aria-label={label("action-hold-label")}>
                    { i18n.t("action-hold") }
                </button>
            }
            if mark != Mark::Planned {
                <button type="button" class="sw-button" onclick={plan} aria-label={label("action-plan-label")}>
                    { i18n.t("action-plan") }
                </button>
            }
            if mark != Mark::None {
                <button type="button" class="sw-button sw-quiet" onclick={unmark} aria-label={label("action-unmark-label")}>
                    { i18n.t("action-unmark") }
                </button>
            }
        </div>
    }
}
