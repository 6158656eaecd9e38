//! The views that are not on the first screen (map, explore, plan, pathways, credential detail),
//! behind one door that the release build moves into a second WebAssembly module.
//!
//! The release build (`cargo xtask build`, feature `split`) marks [`later_views`] as a split
//! point: `wasm-split-cli` moves it, and everything only it reaches (those views, the graph
//! layout, badge import), into `pkg/split_later.wasm`, fetched the first time one of those views
//! is shown, or right after the first screen has rendered (see [`prefetch`]). Without the
//! feature (tests, clippy, the native build) the views are ordinary components rendered at
//! once.

use yew::prelude::*;

use super::use_ctx;

#[cfg(feature = "split")]
use std::cell::Cell;

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

/// What the second module provides: functions that live in it.
#[derive(Clone, Copy)]
pub struct LaterModule {
    /// Renders one of its views.
    pub render: fn(&Later) -> Html,
    /// The map's layout of a bare graph, for the browser benchmark page (`layoutGraph`).
    pub layout_graph: fn(u32, &[u32]) -> Vec<f64>,
}

/// The module's functions; only the split point (or, without the split, [`loaded`]) names it.
const LATER_MODULE: LaterModule = LaterModule {
    render,
    layout_graph: crate::layout_graph_now,
};

/// The views' renderer: a plain function, so that the whole body stays in the second module.
fn render(view: &Later) -> Html {
    match view {
        Later::Map => html! { <Map /> },
        Later::Explore => html! { <Explore /> },
        Later::Plan => html! { <PlanView /> },
        Later::Pathways => html! { <Pathways /> },
        Later::Detail(id) => html! { <Detail id={id.to_string()} /> },
    }
}

/// The split point: only it reaches the views and the layout. `fallible`: a failed fetch is an
/// error, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(later, fallible)]
fn later_module() -> Result<LaterModule, wasm_split_helpers::SplitLoaderError> {
    Ok(LATER_MODULE)
}

#[cfg(feature = "split")]
thread_local! {
    /// The second module's functions once it is in.
    static LOADED: Cell<Option<LaterModule>> = const { Cell::new(None) };
}

/// The second module's functions if it is already in (always, without the split).
pub fn loaded() -> Option<LaterModule> {
    #[cfg(feature = "split")]
    {
        LOADED.with(Cell::get)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(LATER_MODULE)
    }
}

/// Fetches the second module (once; a failed fetch is retried on the next call) and keeps its
/// functions. Returns whether it is in.
pub async fn load() -> bool {
    #[cfg(feature = "split")]
    {
        if loaded().is_none() {
            match later_module().await {
                Ok(module) => LOADED.with(|l| l.set(Some(module))),
                Err(_) => return false,
            }
        }
    }
    true
}

/// Starts fetching the second module without waiting for it: the shell calls this once the
/// first screen is up, so that the other views open at once when the learner gets to them.
pub fn prefetch() {
    if loaded().is_none() {
        wasm_bindgen_futures::spawn_local(async {
            load().await;
        });
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
        use_effect_with((props.view.clone(), *attempt), move |_| {
            if loaded().is_none() {
                outcome.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    outcome.set(Some(load().await));
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
