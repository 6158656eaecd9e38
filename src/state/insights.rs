//! What the engine says about the learner's plan, kept in the shape the components render.
//! Every number and decision here comes from `stackway_core` (progress, best routes, counts
//! toward, prerequisites, expiry); this module only asks and stores the answers.

use std::collections::BTreeSet;

use stackway_core::engine::holdings::Holdings;
use stackway_core::engine::{self, next_steps::prerequisites_met, Progress, ProgressSummary};
use stackway_core::messages::{Message, MessageId};
use stackway_core::plan::{self, Route};
use stackway_core::{Catalog, Date, HeldCredential, Record};

use super::{Objective, Plan};

/// Above this many stackable credentials, cards show progress but no per-card route (each route
/// is an exact search; the plan view still computes the goal's), and programs not started (no
/// progress) show their progress bar from the lean summary, without the words of the full report.
pub const CARD_ROUTE_LIMIT: usize = 60;

/// Search node limit for the routes the widget computes. Routes are recomputed on every change
/// of the plan, on the page's only thread: real goals need tens to hundreds of nodes, and a
/// pathological one stops here within a second or two with the best route found, which the plan
/// view then says may not be the best (the CLI searches up to `plan::NODE_LIMIT`).
pub const ROUTE_NODE_LIMIT: u64 = 2_000;

/// Progress toward one stackable credential.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramStatus {
    pub id: String,
    pub satisfied: bool,
    /// 0 to 1.
    pub fraction: f64,
    /// Plain-language summary parts ("2 of 3 electives", "4 more credits").
    pub summary: Vec<Message>,
    /// Credentials that would fill an unmet group, in tree order, without duplicates.
    pub missing: Vec<String>,
    /// Why held credentials do or do not count (expired, already used, not accepted).
    pub explanations: Vec<Message>,
    /// The cheapest route to it.
    pub route: Option<Route>,
}

/// One step of the goal's route with what taking it unlocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlocks {
    /// Stackable credentials completed once this step (and the ones before it) are taken.
    pub completes: Vec<String>,
    /// Credentials whose prerequisites become met.
    pub opens: Vec<String>,
}

/// Everything computed for one plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Insights {
    /// Every stackable credential, in feed order.
    pub programs: Vec<ProgramStatus>,
    /// The best route to the plan's goal by the plan's measure.
    pub goal_route: Option<Route>,
    /// What each step of `goal_route` unlocks, step by step.
    pub unlocks: Vec<Unlocks>,
    /// Credentials not held whose prerequisites the learner meets now.
    pub available: BTreeSet<String>,
    /// Held credentials that no longer count (their validity has passed).
    pub expired: BTreeSet<String>,
    /// Routes were left out because the planner (in the widget's second module) was not in
    /// yet; `Action::LaterLoaded` computes them.
    pub routes_pending: bool,
}

/// The best route to `goal`, or `None` when there is none or the planner is not in yet (it lives
/// in the widget's second module, see `crate::later`).
fn best_route(
    cat: &Catalog,
    record: &Record,
    goal: &str,
    objective: plan::Objective,
) -> Option<Route> {
    let planner = crate::later::loaded()?.best_route;
    planner(cat, record, goal, objective, ROUTE_NODE_LIMIT).ok()
}

/// The engine's record for a plan evaluated on `today`.
pub fn record(plan: &Plan, today: Option<Date>) -> Record {
    Record {
        held: plan
            .held
            .iter()
            .map(|(id, earned)| HeldCredential {
                id: id.clone(),
                earned: earned.as_deref().and_then(Date::parse),
            })
            .collect(),
        planned: plan.planned.iter().cloned().collect(),
        as_of: today,
    }
}

fn objective(o: Objective) -> plan::Objective {
    match o {
        Objective::Cost => plan::Objective::Cost,
        Objective::Weeks => plan::Objective::Weeks,
        Objective::Hours => plan::Objective::Hours,
        Objective::Credits => plan::Objective::Credits,
    }
}

/// A card from the overview numbers alone (large feeds, programs not started: no words).
fn overview_status(cat: &Catalog, summary: &ProgressSummary) -> ProgramStatus {
    ProgramStatus {
        id: cat.id(summary.goal).to_owned(),
        satisfied: summary.satisfied,
        fraction: summary.fraction,
        summary: Vec::new(),
        missing: Vec::new(),
        explanations: Vec::new(),
        route: None,
    }
}

fn status(progress: Progress, route: Option<Route>) -> ProgramStatus {
    let mut missing = Vec::new();
    for remaining in &progress.remaining {
        for option in &remaining.options {
            if !missing.contains(option) {
                missing.push(option.clone());
            }
        }
    }
    ProgramStatus {
        id: progress.goal,
        satisfied: progress.satisfied,
        fraction: progress.fraction,
        summary: progress.summary,
        missing,
        explanations: progress
            .explanations
            .into_iter()
            .map(|e| e.message)
            .filter(|m| m.id != MessageId::ExplainCounted)
            .collect(),
        route,
    }
}

/// Credentials not held (nor planned) whose prerequisites `held` meets.
fn startable(cat: &Catalog, held: &[bool], only: Option<&[String]>) -> BTreeSet<String> {
    let candidates: Vec<u32> = match only {
        Some(ids) => ids.iter().filter_map(|id| cat.index_of(id)).collect(),
        None => (0..cat.len() as u32).collect(),
    };
    candidates
        .into_iter()
        .filter(|&c| {
            !cat.is_stackable(c)
                && !held.get(c as usize).copied().unwrap_or(false)
                && prerequisites_met(cat, held, c)
        })
        .map(|c| cat.id(c).to_owned())
        .collect()
}

impl Insights {
    /// Asks the engine about `plan` over the catalog, on `today` (for expiry).
    pub fn compute(cat: &Catalog, plan: &Plan, today: Option<Date>) -> Insights {
        let record = record(plan, today);
        let holdings = Holdings::new(cat, &record);
        // The overview numbers of every program come from the lean summary; the full report
        // (summary words, what is missing, explanations) only where a card shows it.
        let overview = engine::summary::summaries(cat, &holdings);
        let with_routes = overview.len() <= CARD_ROUTE_LIMIT;
        let programs = overview
            .iter()
            .map(|s| {
                let detailed = with_routes || s.satisfied || s.fraction > 0.0;
                let full = detailed
                    .then(|| engine::progress(cat, &record, cat.id(s.goal)).ok())
                    .flatten();
                match full {
                    Some(p) => {
                        let route = (with_routes && !p.satisfied)
                            .then(|| best_route(cat, &record, &p.goal, plan::Objective::Cost))
                            .flatten();
                        status(p, route)
                    }
                    None => overview_status(cat, s),
                }
            })
            .collect();
        let goal_route = plan
            .goal
            .as_deref()
            .and_then(|g| best_route(cat, &record, g, objective(plan.minimize)));
        let unlocks = goal_route
            .as_ref()
            .map(|route| step_unlocks(cat, &record, route))
            .unwrap_or_default();
        Insights {
            programs,
            goal_route,
            unlocks,
            available: startable(cat, &holdings.held, None),
            expired: holdings
                .expired
                .keys()
                .map(|&c| cat.id(c).to_owned())
                .collect(),
            routes_pending: crate::later::loaded().is_none(),
        }
    }

    /// The status of the stackable credential `id`.
    pub fn program(&self, id: &str) -> Option<&ProgramStatus> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// Whether the learner meets the prerequisites of `id` now (it is startable).
    pub fn prerequisites_met(&self, id: &str) -> bool {
        self.available.contains(id)
    }
}

/// For each step of a route, in order: the stackable credentials it completes and the
/// credentials it opens, given the steps before it (planned as what-ifs).
fn step_unlocks(cat: &Catalog, record: &Record, route: &Route) -> Vec<Unlocks> {
    let mut record = record.clone();
    let mut out = Vec::with_capacity(route.steps.len());
    for step in &route.steps {
        let id = &step.credential;
        let goals: Vec<String> = engine::counts_toward(cat, id)
            .map(|list| list.into_iter().map(|c| c.goal).collect())
            .unwrap_or_default();
        let satisfied = |record: &Record| -> BTreeSet<String> {
            goals
                .iter()
                .filter(|g| engine::progress(cat, record, g).is_ok_and(|p| p.satisfied))
                .cloned()
                .collect()
        };
        let dependants: Vec<String> = cat
            .feed()
            .credentials
            .iter()
            .filter(|c| {
                c.prerequisites
                    .as_ref()
                    .is_some_and(|p| p.referenced_ids().contains(&id.as_str()))
            })
            .map(|c| c.id.clone())
            .collect();
        let before_done = satisfied(&record);
        let before_open = startable(cat, &Holdings::new(cat, &record).held, Some(&dependants));
        record.planned.push(id.clone());
        let after_done = satisfied(&record);
        let after_open = startable(cat, &Holdings::new(cat, &record).held, Some(&dependants));
        out.push(Unlocks {
            completes: after_done.difference(&before_done).cloned().collect(),
            opens: after_open.difference(&before_open).cloned().collect(),
        });
    }
    out
}

/// The stackable credentials `id` can count toward, directly or through a ladder, nearest
/// first.
pub fn counts_toward(cat: &Catalog, id: &str) -> Vec<String> {
    engine::counts_toward(cat, id)
        .map(|list| list.into_iter().map(|c| c.goal).collect())
        .unwrap_or_default()
}

/// Every message id the engine can produce (the Fluent files have `engine-<id>` for each).
pub fn engine_message_ids() -> Vec<String> {
    MessageId::ALL
        .iter()
        .map(|id| id.as_str().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackway_core::bench_support::big_feed;

    /// On a large feed the cards' numbers come from the lean summary: they equal the full
    /// reports, and programs with progress still carry the report's words.
    #[test]
    fn large_feed_cards_use_the_summary_numbers() {
        let (cat, record) = big_feed();
        let mut plan = Plan::default();
        for h in &record.held {
            plan.held.insert(h.id.clone(), None);
        }
        let insights = Insights::compute(&cat, &plan, record.as_of);
        let full = engine::progress_all(&cat, &record);
        assert!(full.len() > CARD_ROUTE_LIMIT);
        assert_eq!(insights.programs.len(), full.len());
        let mut started = 0;
        for (card, p) in insights.programs.iter().zip(&full) {
            assert_eq!(card.id, p.goal);
            assert_eq!(card.satisfied, p.satisfied);
            assert_eq!(card.fraction.to_bits(), p.fraction.to_bits());
            if p.satisfied || p.fraction > 0.0 {
                started += 1;
                assert_eq!(card.summary, p.summary, "{}", p.goal);
            } else {
                assert!(card.summary.is_empty() && card.route.is_none());
            }
        }
        assert!(started > 0);
    }
}
