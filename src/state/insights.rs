//! What the engine says about the learner's plan, in the shape the components render. Every
//! number and decision here comes from `stackway_core`; this module only calls it and keeps
//! the results.

use std::collections::BTreeSet;

use stackway_core::Feed;

use super::Plan;
use crate::i18n::{Arg, I18n};

/// A localisable message from the engine: a message id and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: String,
    pub args: Vec<(String, Arg)>,
}

impl Message {
    /// The message in the widget's language (engine ids are prefixed `engine-` in the Fluent
    /// files).
    pub fn render(&self, i18n: &I18n) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        i18n.t_args(&format!("engine-{}", self.id), &args)
    }
}

/// Sums over a route's added credentials.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub cost: f64,
    pub hours: f64,
    pub credits: f64,
    pub weeks: f64,
}

/// One credential to add, with the stackable credentials it completes or advances.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteStep {
    pub id: String,
    pub unlocks: Vec<String>,
}

/// The best route to a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub feasible: bool,
    /// Credentials to add, in an order that respects prerequisites.
    pub steps: Vec<RouteStep>,
    pub total: Totals,
    /// The currency of the costs (the feed's first).
    pub currency: String,
    /// Added credentials whose value for the measure is unknown.
    pub unknown: Vec<String>,
    /// Why no route exists.
    pub reason: Option<Message>,
}

/// Progress toward one stackable credential.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramStatus {
    pub id: String,
    pub satisfied: bool,
    /// 0 to 1.
    pub fraction: f64,
    /// Plain-language summary parts ("2 of 3 electives", "4 more credits").
    pub summary: Vec<Message>,
    /// Credentials that would still fill a requirement.
    pub missing: Vec<String>,
    /// The cheapest route to it.
    pub route: Option<Route>,
}

/// Everything computed for one plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Insights {
    /// Every stackable credential, in feed order.
    pub programs: Vec<ProgramStatus>,
    /// The best route to the plan's goal by the plan's measure.
    pub goal_route: Option<Route>,
    /// Credentials not held whose prerequisites the learner meets now.
    pub available: BTreeSet<String>,
    /// Held credentials that no longer count (their validity has passed).
    pub expired: BTreeSet<String>,
}

impl Insights {
    /// Asks the engine about `plan` over `feed`.
    pub fn compute(feed: &Feed, plan: &Plan) -> Insights {
        engine::compute(feed, plan)
    }

    /// The status of the stackable credential `id`.
    pub fn program(&self, id: &str) -> Option<&ProgramStatus> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// Whether the learner meets the prerequisites of `id` now (true when it has none).
    pub fn prerequisites_met(&self, id: &str) -> bool {
        self.available.contains(id)
    }
}

/// The stackable credentials `id` can count toward, directly or through a ladder.
pub fn counts_toward(feed: &Feed, id: &str) -> Vec<String> {
    engine::counts_toward(feed, id)
}

mod engine;

/// Every message id the engine can produce; the message test checks each has a translation.
pub fn engine_message_ids() -> Vec<String> {
    engine::message_ids()
}
