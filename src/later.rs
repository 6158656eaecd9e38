//! The widget's second WebAssembly module: what the first screen (Programs) does not need.
//!
//! The release build (`cargo xtask build`, feature `split`) marks [`later_module`] as a split
//! point: `wasm-split-cli` moves it, and everything only it reaches, into
//! `pkg/split_later.wasm`. That is the map, explore, plan and pathways views and the credential
//! detail (`components/later_view.rs`), the map's layout, the route planner, which the
//! cards' "cheapest route" lines and the plan's best route need, what a route's steps unlock,
//! and the words of those views (`locales/*/views.ftl`, with the data only moved code uses).
//! The shell fetches the module
//! as soon as the first screen is up; the cards show their progress at once and their routes
//! when it arrives. Without the feature (tests, clippy, the native build) everything is in one
//! module and [`loaded`] always answers.

#[cfg(feature = "split")]
use std::cell::Cell;

use stackway_core::engine::EngineError;
use stackway_core::plan::{self, Objective, Route};
use stackway_core::{Catalog, Record};
use yew::{Html, UseReducerDispatcher};

use crate::components::later_view::{render, Later};
use crate::state::{Action, State};

/// The planner's entry point, as the widget calls it (see [`plan::best_route_within`]).
pub type RouteFn = fn(&Catalog, &Record, &str, Objective, u64) -> Result<Route, EngineError>;

/// The credentials a learner can start (see [`plan::startable`]).
pub type StartableFn =
    fn(&Catalog, &[bool], Option<&[stackway_core::catalog::CredIx]>) -> Vec<String>;

/// What the second module provides: functions that live in it.
#[derive(Clone, Copy)]
pub struct LaterModule {
    /// Renders one of its views.
    pub render: fn(&Later) -> Html,
    /// The best route to a goal.
    pub best_route: RouteFn,
    /// These views' words in a language (see `crate::i18n`).
    pub messages: fn(&str) -> crate::i18n::catalog::Messages,
    /// What each step of a route unlocks (see [`plan::step_unlocks`]).
    pub step_unlocks: fn(&Catalog, &Record, &Route) -> Vec<plan::Unlocks>,
    /// Converts CTDL feed text with the interop module (see [`crate::interop::convert`]).
    pub convert_feed: fn(std::rc::Rc<String>, Option<String>) -> crate::interop::ConvertFuture,
    /// A feed's diagnostics as JSON, for `checkFeed`.
    pub check_feed: fn(&str) -> String,
    /// Lists the validator's findings (see `components::status::Findings`).
    pub diagnostics: fn(&[stackway_core::Diagnostic]) -> Html,
    /// The credentials the learner can start now (see [`plan::startable`]): only the map's
    /// marks and the detail's prerequisites, both in this module, show them.
    pub startable: StartableFn,
    /// The map's layout of a bare graph, for the browser benchmark page (`layoutGraph`).
    pub layout_graph: fn(u32, &[u32]) -> Vec<f64>,
}

/// The module's functions; only the split point (or, without the split, [`loaded`]) names it.
const LATER_MODULE: LaterModule = LaterModule {
    render,
    best_route: plan::best_route_within,
    step_unlocks: plan::step_unlocks,
    startable: plan::startable,
    diagnostics: crate::components::diagnostic_list::render,
    check_feed: crate::check_feed_now,
    convert_feed: crate::interop::convert,
    messages: crate::i18n::catalog::later,
    layout_graph: crate::layout_graph_now,
};

/// The split point: only it reaches what the second module holds. `fallible`: a failed fetch
/// is an error, not a panic.
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

/// [`load`], then tells the widget's state (`Action::LaterLoaded`), which computes the routes
/// it had to leave out. Returns whether the module is in.
pub async fn load_and_tell(state: UseReducerDispatcher<State>) -> bool {
    let loaded = load().await;
    if loaded {
        state.dispatch(Action::LaterLoaded);
    }
    loaded
}

/// Fetches the second module (once; a failed fetch is tried again on the next call) and keeps
/// its functions. Returns whether it is in.
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
