//! The interop module (CTDL feeds and learners' badges), loaded the first time a component asks
//! for it (see `crate::interop`).

use yew::prelude::*;

use crate::interop::{self, Interop};

/// Where loading the interop module stands.
#[derive(Clone, Debug)]
pub enum InteropLoad {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready(Interop),
    /// It could not be loaded: the browser's reason.
    Failed(String),
}

/// The interop module at `url` (its default place when `None`), and a callback that starts
/// loading it (again, after a failure).
#[hook]
pub fn use_interop(url: Option<AttrValue>) -> (InteropLoad, Callback<()>) {
    let module = use_state(|| InteropLoad::Idle);
    let load = {
        let module = module.clone();
        Callback::from(move |()| {
            module.set(InteropLoad::Loading);
            let module = module.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                module.set(match interop::load(url.as_deref()).await {
                    Ok(loaded) => InteropLoad::Ready(loaded),
                    Err(reason) => InteropLoad::Failed(reason),
                });
            });
        })
    };
    ((*module).clone(), load)
}
