//! The views that are not on the first screen (map, explore, plan, pathways, credential
//! detail): they live in the widget's second WebAssembly module (see `crate::later`), and
//! [`LaterView`] shows one once that module is in.

use yew::prelude::*;

use super::use_ctx;
use crate::later::{load_and_tell, loaded};

use super::detail::Detail;
use super::explore::Explore;
use super::map::Map;
use super::pathways::Pathways;
use super::plan::PlanView;

/// A view of the second module.
#[derive(Clone, PartialEq, Debug)]
pub enum Later {
    Map,
    Explore,
    Plan,
    Pathways,
    /// The detail panel of one credential (its id).
    Detail(AttrValue),
}

/// The views' renderer: a plain function, so that the whole body stays in the second module.
pub fn render(view: &Later) -> Html {
    match view {
        Later::Map => html! { <Map /> },
        Later::Explore => html! { <Explore /> },
        Later::Plan => html! { <PlanView /> },
        Later::Pathways => html! { <Pathways /> },
        Later::Detail(id) => html! { <Detail id={id.to_string()} /> },
    }
}

/// Properties of [`LaterView`].
#[derive(Properties, PartialEq)]
pub struct LaterViewProps {
    /// The view to show.
    pub view: Later,
}

/// A view of the second module: at once when it is in; else a short "loading" line until it
/// is, or a notice with a retry button when it cannot be fetched.
#[function_component]
pub fn LaterView(props: &LaterViewProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    // How the last fetch ended (`None` while one runs), and how many times the learner asked to
    // try again: a new attempt starts on mount, on another view, and on each retry.
    let outcome = use_state(|| None::<bool>);
    let attempt = use_state(|| 0_u32);
    {
        let outcome = outcome.clone();
        let dispatcher = ctx.state.dispatcher();
        use_effect_with((props.view.clone(), *attempt), move |_| {
            if loaded().is_none() {
                outcome.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    outcome.set(Some(load_and_tell(dispatcher).await));
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    match (loaded(), *outcome) {
        (Some(module), _) => (module.render)(&props.view),
        (None, Some(false)) => html! {
            <div class="sw-notice" role="alert">
                <p>{ i18n.t("error-view") }</p>
                <button type="button" class="sw-button" onclick={retry}>{ i18n.t("action-retry") }</button>
            </div>
        },
        (None, _) => html! {
            <p class="sw-notice" role="status">{ i18n.t("status-loading-view") }</p>
        },
    }
}
