//! The components' shared context (see `crate::context`) and the state's dispatcher.

use yew::prelude::*;

use crate::context::Ctx;
use crate::state::State;

/// The context every component below the shell uses.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside the shell's context provider")
}

/// The state's dispatcher alone. Unlike [`use_ctx`], it never changes while a feed is shown, so
/// a component that takes everything else from its props (a result in a long list, a mark
/// control) is not re-rendered on every state change: only when its props change.
#[hook]
pub fn use_dispatch() -> UseReducerDispatcher<State> {
    use_context::<UseReducerDispatcher<State>>()
        .expect("components are rendered inside the shell's context provider")
}
