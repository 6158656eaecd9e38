//! The views that are not on the first screen (map, explore, plan, pathways, credential detail),
//! behind one door that the release build moves into a second WebAssembly module.
//!
//! The release build (`cargo xtask build`, feature `split`) marks [`later_views`] as a split
//! point: `wasm-split-cli` moves it, and everything only it reaches (those views, the graph
//! layout, search, badge import), into `pkg/split/`, fetched the first time one of those views
//! is shown, or right after the first screen has rendered (see [`prefetch`]). Without the
//! feature (tests, clippy, the native build) the views are ordinary components rendered at
//! once.

use yew::prelude::*;

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

/// Renders a view of the second module. The function lives in that module.
type Renderer = fn(&Later) -> Html;

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

/// The split point: it returns the renderer, and only it reaches the views. `fallible`: a
/// failed fetch is an error, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(later, fallible)]
fn later_views() -> Result<Renderer, wasm_split_helpers::SplitLoaderError> {
    Ok(render)
}

#[cfg(feature = "split")]
thread_local! {
    /// The renderer once the second module is in.
    static LOADED: Cell<Option<Renderer>> = const { Cell::new(None) };
}

/// The renderer if the second module is already in (always, without the split).
fn loaded() -> Option<Renderer> {
    #[cfg(feature = "split")]
    {
        LOADED.with(Cell::get)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(render)
    }
}

/// Fetches the second module (once; a failed fetch is retried on the next call) and keeps its
/// renderer. Returns whether it is in.
async fn load() -> bool {
    #[cfg(feature = "split")]
    {
        if loaded().is_none() {
            match later_views().await {
                Ok(renderer) => LOADED.with(|l| l.set(Some(renderer))),
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
    /// What to show while the second module is fetched (it reserves the view's room).
    pub loading: Html,
    /// What to show when it cannot be fetched (the learner can retry by switching views).
    pub failed: Html,
}

/// A view of the second module: at once when it is in, else a placeholder until it is.
#[function_component]
pub fn LaterView(props: &LaterViewProps) -> Html {
    // Bumped when the fetch ends, to render again; `None` while it runs.
    let outcome = use_state(|| None::<bool>);
    {
        let outcome = outcome.clone();
        // Keyed on the view, so that after a failed fetch choosing another tab tries again.
        use_effect_with(props.view.clone(), move |_| {
            if loaded().is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    outcome.set(Some(load().await));
                });
            }
        });
    }
    match (loaded(), *outcome) {
        (Some(renderer), _) => renderer(&props.view),
        (None, Some(false)) => props.failed.clone(),
        (None, _) => props.loading.clone(),
    }
}
