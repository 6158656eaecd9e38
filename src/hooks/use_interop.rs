//! The interop module (CTDL feeds and learners' badges), fetched the first time a component asks
//! for it (see `crate::interop`).

use yew::prelude::*;

use crate::interop::{FetchInterop, Interop};

/// Where loading the interop module stands.
#[derive(Clone, Debug)]
pub enum InteropLoad {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready(Interop),
    /// It could not be fetched (a retry fetches it again).
    Failed,
}

/// The interop module, fetched with `fetch`, and a callback that starts fetching it (again,
/// after a failure).
#[hook]
pub fn use_interop(fetch: FetchInterop) -> (InteropLoad, Callback<()>) {
    let module = use_state(|| InteropLoad::Idle);
    let load = {
        let module = module.clone();
        Callback::from(move |()| {
            module.set(InteropLoad::Loading);
            let module = module.clone();
            wasm_bindgen_futures::spawn_local(async move {
                module.set(match fetch.fetch().await {
                    Some(loaded) => InteropLoad::Ready(loaded),
                    None => InteropLoad::Failed,
                });
            });
        })
    };
    ((*module).clone(), load)
}
