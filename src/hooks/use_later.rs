//! The widget's second module as a component sees it: given when known (the state holds it
//! once it has arrived), else fetched with the [`FetchLater`] the root hands down.

use yew::prelude::*;

use crate::later_module::{FetchLater, LaterModule};

/// Where the second module stands for one component.
#[derive(Clone, PartialEq, Debug)]
pub enum LaterStatus {
    /// It is in.
    Ready(LaterModule),
    /// A fetch is running.
    Loading,
    /// The last fetch failed; emitting this tries again.
    Failed(Callback<()>),
}

/// The second module: `known` when given, else fetched with `fetch` on mount and again on each
/// retry; `on_arrival` is told when a fetch brings it.
#[hook]
pub fn use_later_module(
    known: Option<LaterModule>,
    on_arrival: Callback<LaterModule>,
    fetch: FetchLater,
) -> LaterStatus {
    // What this component's own fetch gave: `None` while it runs, `Some(None)` when it failed.
    let fetched = use_state(|| None::<Option<LaterModule>>);
    let start = {
        let fetched = fetched.clone();
        Callback::from(move |()| {
            fetched.set(None);
            let fetched = fetched.clone();
            let on_arrival = on_arrival.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let module = fetch.fetch().await;
                if let Some(module) = module {
                    on_arrival.emit(module);
                }
                fetched.set(Some(module));
            });
        })
    };
    {
        let start = start.clone();
        use_effect_with((), move |()| {
            if known.is_none() {
                start.emit(());
            }
        });
    }
    match (known, *fetched) {
        (Some(module), _) | (None, Some(Some(module))) => LaterStatus::Ready(module),
        (None, Some(None)) => LaterStatus::Failed(start),
        (None, None) => LaterStatus::Loading,
    }
}
