//! The door to the views that are not on the first screen (map, explore, plan, pathways,
//! credential detail). They live in the widget's second WebAssembly module: [`LaterView`] shows
//! one through the module the state holds (`State::later`), and fetches that module when it is
//! not in yet. Which component each view is, is said in one place, `later_pages`, which only
//! the second module reaches.

use yew::prelude::*;

use crate::hooks::{use_ctx, use_later_module, LaterStatus};
use crate::later_module::LaterPage;
use crate::state::Action;

/// Properties of [`LaterView`].
#[derive(Properties, PartialEq)]
pub struct LaterViewProps {
    /// The view to show.
    pub page: LaterPage,
}

/// A view of the second module: at once when it is in; else a short "loading" line until it
/// is, or a notice with a retry button when it cannot be fetched.
#[function_component]
pub fn LaterView(props: &LaterViewProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let arrived = ctx
        .state
        .dispatcher()
        .to_callback()
        .reform(Action::LaterLoaded);
    let status = use_later_module(ctx.state.later, arrived, ctx.fetch_later);
    // The view is drawn from the state's module, once the state has it: its words are then in
    // the i18n the shell provides.
    match (ctx.state.later, status) {
        (Some(later), _) => (later.render)(&props.page),
        (None, LaterStatus::Failed(retry)) => html! {
            <div class="sw-notice" role="alert">
                <p>{ i18n.t("error-view") }</p>
                <button type="button" class="sw-button" onclick={retry.reform(|_: MouseEvent| ())}>
                    { i18n.t("action-retry") }
                </button>
            </div>
        },
        (None, _) => html! {
            <p class="sw-notice" role="status">{ i18n.t("status-loading-view") }</p>
        },
    }
}
