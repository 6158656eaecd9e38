//! What the widget's second WebAssembly module provides, as a value.
//!
//! The second module (the views after the first screen, the route planner, those views' words;
//! see `crate::later`, its split point) is fetched after the first screen is up. When it
//! arrives it is a [`LaterModule`]: plain function pointers into that module. The widget's
//! state receives it with `Action::LaterLoaded`, the insights are given its [`Planner`], the
//! i18n is given its words, and the components reach its views through the state. No layer
//! asks a global switch whether it is in: whoever needs it is handed it, so the data flows one
//! way (feed → core → state → components) and every layer can be tested with or without it.
//!
//! This module only names types: it links none of the second module's code.

use std::future::Future;
use std::pin::Pin;

use stackway_core::catalog::CredIx;
use stackway_core::engine::{self, CountsToward, EngineError};
use stackway_core::plan::{self, Objective, Route, Unlocks};
use stackway_core::{Catalog, Diagnostic, Record};
use yew::{AttrValue, Html};

use crate::i18n::catalog::Messages;

/// A view that lives in the second module, as the shell asks for it.
#[derive(Clone, PartialEq, Debug)]
pub enum LaterPage {
    Map,
    Explore,
    Plan,
    Pathways,
    /// The detail panel of one credential (its id).
    Detail(AttrValue),
}

/// The planner's entry point (see [`plan::best_route_within`]).
pub type RouteFn = fn(&Catalog, &Record, &str, Objective, u64) -> Result<Route, EngineError>;

/// The credentials a learner can start (see [`plan::startable`]).
pub type StartableFn = fn(&Catalog, &[bool], Option<&[CredIx]>) -> Vec<String>;

/// What a credential counts toward (see [`engine::counts_toward`]).
pub type CountsTowardFn = fn(&Catalog, &str) -> Result<Vec<CountsToward>, EngineError>;

/// The route planner, as the insights call it: the functions of stackway-core's planner that
/// only the second module holds (they are named nowhere else, so `wasm-split-cli` moves them).
#[derive(Clone, Copy)]
pub struct Planner {
    /// The best route to a goal within a search node limit (see [`plan::best_route_within`]).
    pub best_route: RouteFn,
    /// What each step of a route unlocks (see [`plan::step_unlocks`]).
    pub step_unlocks: fn(&Catalog, &Record, &Route) -> Vec<Unlocks>,
    /// The credentials the learner can start now (see [`plan::startable`]).
    pub startable: StartableFn,
    /// What a credential counts toward, nearest first (see [`engine::counts_toward`]): the
    /// program cards' ladders, which arrive with their routes.
    pub counts_toward: CountsTowardFn,
}

impl Planner {
    /// stackway-core's planner. Only the split point (`crate::later`), tests and benchmarks
    /// name it: naming it anywhere else would bring the planner into the first download, which
    /// `cargo xtask size` would report.
    pub const CORE: Planner = Planner {
        best_route: plan::best_route_within,
        step_unlocks: plan::step_unlocks,
        startable: plan::startable,
        counts_toward: engine::counts_toward,
    };
}

/// Everything the second module provides: functions that live in it.
#[derive(Clone, Copy)]
pub struct LaterModule {
    /// Renders one of its views.
    pub render: fn(&LaterPage) -> Html,
    /// The route planner, for the insights.
    pub planner: Planner,
    /// Its views' words in a language (`locales/*/views.ftl`), for the i18n.
    pub messages: fn(&str) -> Messages,
    /// A feed's diagnostics as JSON, for `checkFeed`.
    pub check_feed: fn(&str) -> String,
    /// Lists the validator's findings (the error screen's and the partly-invalid notice's).
    pub diagnostics: fn(&[Diagnostic]) -> Html,
    /// The map's layout of a bare graph, for the browser benchmark page (`layoutGraph`).
    pub layout_graph: fn(u32, &[u32]) -> Vec<f64>,
}

/// There is one second module: every value of it is the same.
impl PartialEq for LaterModule {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for LaterModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LaterModule")
    }
}

/// The future of a fetch of the second module: the module, or `None` when it could not be
/// fetched (a later fetch tries again).
pub type LaterFuture = Pin<Box<dyn Future<Output = Option<LaterModule>>>>;

/// How to fetch the second module. The root (`App`) hands it down, as a property to the
/// components and an argument to `use_feed`, so that nothing below the root names the split
/// point.
#[derive(Clone, Copy)]
pub struct FetchLater(pub fn() -> LaterFuture);

impl FetchLater {
    /// Fetches the module (at once when it is already in).
    pub fn fetch(self) -> LaterFuture {
        (self.0)()
    }
}

/// There is one way to fetch the second module: every value of it is the same.
impl PartialEq for FetchLater {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
impl LaterModule {
    /// A second module with stackway-core's planner and the later words but no views, for
    /// native tests (the real one is assembled by the split point, above every layer).
    pub fn for_tests() -> LaterModule {
        LaterModule {
            render: |_| Html::default(),
            planner: Planner::CORE,
            messages: crate::i18n::catalog::later,
            check_feed: |_| String::new(),
            diagnostics: |_| Html::default(),
            layout_graph: |_, _| Vec::new(),
        }
    }
}
