//! What the engine says about the learner's plan, kept in the shape the components render.
//! Every number and decision here comes from `stackway_core` (progress, best routes, counts
//! toward, prerequisites, expiry); this module only asks and stores the answers.
//!
//! The route planner lives in the widget's second module, so it is an argument
//! ([`Planner`], `None` until that module has arrived): without it the insights leave the
//! routes, what their steps unlock and the startable credentials out and say so
//! ([`Insights::routes_pending`]).

use std::rc::Rc;

use stackway_core::engine::holdings::Holdings;
use stackway_core::engine::{self, Progress, ProgressSummary, RequirementGroup};
use stackway_core::messages::{Message, MessageId};
use stackway_core::plan::{self, Route, Unlocks};
use stackway_core::{Catalog, Date, HeldCredential, Record};

use super::{IdSet, Plan};
use crate::later_module::Planner;

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
    /// Its requirements as named groups, each member held, planned, started or missing
    /// (shared, like the route: every card's properties hold a copy of the status).
    pub groups: Rc<[RequirementGroup]>,
    /// The stackable credentials it counts toward, nearest first (its ladder).
    pub counts_toward: Vec<String>,
    /// Why held credentials do or do not count (expired, already used, not accepted).
    pub explanations: Vec<Message>,
    /// The cheapest route to it (shared: the state and each card's properties hold copies of
    /// the status, and a route is the largest part of it).
    pub route: Option<Rc<Route>>,
}

/// Everything computed for one plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Insights {
    /// Every stackable credential, in feed order. The first `detailed` carry their full card
    /// (report and route), the goal its report; the others their bar only.
    pub programs: Vec<ProgramStatus>,
    /// How many programs, from the first, carry their full card.
    pub detailed: usize,
    /// The best route to the plan's goal by the plan's measure.
    pub goal_route: Option<Rc<Route>>,
    /// What each step of `goal_route` unlocks, step by step.
    pub unlocks: Vec<Unlocks>,
    /// Credentials not held whose prerequisites the learner meets now (empty until the second
    /// module is in, as the routes).
    pub available: IdSet,
    /// Held credentials that no longer count (their validity has passed).
    pub expired: IdSet,
    /// Routes were left out because they were computed without the planner (the widget's
    /// second module had not arrived); `Action::LaterLoaded` computes them.
    pub routes_pending: bool,
}

/// The best route to `goal`, or `None` when there is none or no planner.
fn best_route(
    planner: Option<&Planner>,
    cat: &Catalog,
    record: &Record,
    goal: &str,
    objective: plan::Objective,
) -> Option<Rc<Route>> {
    (planner?.best_route)(cat, record, goal, objective, ROUTE_NODE_LIMIT)
        .ok()
        .map(Rc::new)
}

/// What each step of `route` unlocks; nothing without a route or a planner.
fn step_unlocks(
    planner: Option<&Planner>,
    cat: &Catalog,
    record: &Record,
    route: Option<&Route>,
) -> Vec<Unlocks> {
    match (route, planner) {
        (Some(route), Some(planner)) => (planner.step_unlocks)(cat, record, route),
        _ => Vec::new(),
    }
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

/// A card from the overview numbers alone (a program not on a shown page: bar and completion
/// mark, no words, no route).
fn overview_status(cat: &Catalog, summary: &ProgressSummary) -> ProgramStatus {
    ProgramStatus {
        id: cat.id(summary.goal).to_owned(),
        satisfied: summary.satisfied,
        fraction: summary.fraction,
        summary: Vec::new(),
        groups: Rc::new([]),
        counts_toward: Vec::new(),
        explanations: Vec::new(),
        route: None,
    }
}

/// The full card of the program `id`: the engine's report (words, what is missing,
/// explanations) and, when not yet satisfied, the cheapest route to it. `None` when the engine
/// cannot report on it (not a stackable credential of this catalog).
fn detailed_status(
    planner: Option<&Planner>,
    cat: &Catalog,
    record: &Record,
    id: &str,
) -> Option<ProgramStatus> {
    let progress = engine::progress(cat, record, id).ok()?;
    let route = (!progress.satisfied)
        .then(|| best_route(planner, cat, record, &progress.goal, plan::Objective::Cost))
        .flatten();
    Some(status(planner, cat, record, progress, route))
}

/// The full status of a program from its progress report: the report's words, its
/// requirement groups and its ladder, with `route`.
fn status(
    planner: Option<&Planner>,
    cat: &Catalog,
    record: &Record,
    progress: Progress,
    route: Option<Rc<Route>>,
) -> ProgramStatus {
    let groups = engine::requirement_groups(cat, record, &progress).into();
    // The ladder search lives in the second module, like the planner: it arrives with the routes.
    let counts_toward = planner
        .and_then(|planner| (planner.counts_toward)(cat, &progress.goal).ok())
        .map(|list| list.into_iter().map(|c| c.goal).collect())
        .unwrap_or_default();
    ProgramStatus {
        id: progress.goal,
        satisfied: progress.satisfied,
        fraction: progress.fraction,
        summary: progress.summary,
        groups,
        counts_toward,
        explanations: progress
            .explanations
            .into_iter()
            .map(|e| e.message)
            .filter(|m| m.id != MessageId::ExplainCounted)
            .collect(),
        route,
    }
}

impl Insights {
    /// Asks the engine about `plan` over the catalog, on `today` (for expiry). The first
    /// `shown` programs (the Programs view's shown pages) get their full card: the report's
    /// words, what is missing and the cheapest route; the plan's goal gets its full report
    /// wherever it is (the plan view shows its words). Every other program gets its bar and
    /// completion mark from the lean summary. Without a `planner`, routes, what their steps
    /// unlock and the startable credentials are left out (`routes_pending`).
    pub fn compute(
        cat: &Catalog,
        plan: &Plan,
        today: Option<Date>,
        shown: usize,
        planner: Option<&Planner>,
    ) -> Insights {
        let record = record(plan, today);
        let holdings = Holdings::new(cat, &record);
        // The overview numbers of every program come from the lean summary (cheap for
        // thousands); reports and routes (an exact search each) only where a card shows them.
        let overview = engine::summary::summaries(cat, &holdings);
        let goal = plan.goal.as_deref();
        let programs = overview
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let id = cat.id(s.goal);
                let full = if index < shown {
                    detailed_status(planner, cat, &record, id)
                } else if goal == Some(id) {
                    engine::progress(cat, &record, id)
                        .ok()
                        .map(|p| status(planner, cat, &record, p, None))
                } else {
                    None
                };
                full.unwrap_or_else(|| overview_status(cat, s))
            })
            .collect();
        let goal_route = goal.and_then(|g| best_route(planner, cat, &record, g, plan.minimize));
        let unlocks = step_unlocks(planner, cat, &record, goal_route.as_deref());
        Insights {
            programs,
            detailed: shown,
            goal_route,
            unlocks,
            // Left out without the planner, like the routes (`routes_pending`).
            available: planner
                .map(|planner| (planner.startable)(cat, &holdings.held, None))
                .unwrap_or_default()
                .into_iter()
                .collect(),
            expired: holdings
                .expired
                .iter()
                .map(|&(c, _)| cat.id(c).to_owned())
                .collect(),
            routes_pending: planner.is_none(),
        }
    }

    /// These insights with the first `shown` programs given their full card (the Programs
    /// view showed another page): only the programs not detailed yet are computed, the rest
    /// is kept as it is. Fewer than already detailed changes nothing.
    pub fn detail_first(
        &self,
        cat: &Catalog,
        plan: &Plan,
        today: Option<Date>,
        shown: usize,
        planner: Option<&Planner>,
    ) -> Insights {
        let mut next = self.clone();
        if shown <= self.detailed {
            return next;
        }
        let record = record(plan, today);
        let end = shown.min(next.programs.len());
        for card in next.programs.iter_mut().take(end).skip(self.detailed) {
            if let Some(full) = detailed_status(planner, cat, &record, &card.id) {
                *card = full;
            }
        }
        next.detailed = shown;
        next.routes_pending |= planner.is_none();
        next
    }

    /// These insights after a change of the plan's goal or measure only (the learner's record,
    /// and so every card, is unchanged): the goal's route, what its steps unlock and the goal's
    /// report are recomputed, the cards are kept. Equal to [`Insights::compute`] for the new
    /// plan.
    pub fn with_goal(
        &self,
        cat: &Catalog,
        plan: &Plan,
        today: Option<Date>,
        planner: Option<&Planner>,
    ) -> Insights {
        let record = record(plan, today);
        let goal = plan.goal.as_deref();
        let mut next = self.clone();
        for card in next.programs.iter_mut().skip(self.detailed) {
            if goal == Some(card.id.as_str()) {
                // Beyond the shown pages the goal has its report, without a route.
                if let Ok(p) = engine::progress(cat, &record, &card.id) {
                    *card = status(planner, cat, &record, p, None);
                }
            } else if !(card.summary.is_empty()
                && card.groups.is_empty()
                && card.explanations.is_empty()
                && card.route.is_none())
            {
                // The previous goal, beyond the shown pages: back to its bar only.
                *card = ProgramStatus {
                    id: std::mem::take(&mut card.id),
                    satisfied: card.satisfied,
                    fraction: card.fraction,
                    summary: Vec::new(),
                    groups: Rc::new([]),
                    counts_toward: Vec::new(),
                    explanations: Vec::new(),
                    route: None,
                };
            }
        }
        next.goal_route = goal.and_then(|g| best_route(planner, cat, &record, g, plan.minimize));
        next.routes_pending |= planner.is_none();
        next.unlocks = step_unlocks(planner, cat, &record, next.goal_route.as_deref());
        next
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

/// The stackable credentials `id` can count toward, directly or through a ladder, nearest
/// first.
pub fn counts_toward(cat: &Catalog, id: &str) -> Vec<String> {
    engine::counts_toward(cat, id)
        .map(|list| list.into_iter().map(|c| c.goal).collect())
        .unwrap_or_default()
}

/// The requirement groups of the program `id` for the state's plan: the ones its card already
/// carries, else asked of the engine (a program beyond the Programs view's shown pages, opened
/// from Explore or the map).
pub fn requirement_groups(state: &super::State, id: &str) -> Rc<[RequirementGroup]> {
    match state.insights.program(id) {
        Some(card) if !card.groups.is_empty() => card.groups.clone(),
        _ => {
            let record = record(&state.plan, state.today);
            engine::progress(&state.catalog, &record, id)
                .map(|p| engine::requirement_groups(&state.catalog, &record, &p))
                .unwrap_or_default()
                .into()
        }
    }
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

    use crate::state::PAGE_SIZE;
    use stackway_core::bench_support::big_feed;

    /// The planner, as the second module gives it.
    const PLANNER: Option<&Planner> = Some(&Planner::CORE);

    /// The benchmark's 1,000-program feed and its learner as a plan.
    fn big() -> (Catalog, Record, Plan) {
        let (cat, record) = big_feed();
        let mut plan = Plan::default();
        for h in &record.held {
            plan.held.insert(h.id.clone(), None);
        }
        (cat, record, plan)
    }

    fn route(cat: &Catalog, record: &Record, id: &str) -> Route {
        plan::best_route_within(cat, record, id, plan::Objective::Cost, ROUTE_NODE_LIMIT).unwrap()
    }

    /// Every card's numbers come from the lean summary and equal the full reports; the cards of
    /// the shown page carry the full report (words, what is missing) and the cheapest route
    /// whether the program is started or not, and the others only their bar.
    #[test]
    fn only_the_shown_programs_get_their_report_and_route() {
        let (cat, record, plan) = big();
        let insights = Insights::compute(&cat, &plan, record.as_of, PAGE_SIZE, PLANNER);
        let full = engine::progress_all(&cat, &record);
        assert!(full.len() > 10 * PAGE_SIZE);
        assert_eq!(insights.programs.len(), full.len());
        assert_eq!(insights.detailed, PAGE_SIZE);
        let mut unstarted_with_route = 0;
        for (index, (card, p)) in insights.programs.iter().zip(&full).enumerate() {
            assert_eq!(card.id, p.goal);
            assert_eq!(card.satisfied, p.satisfied);
            assert_eq!(card.fraction.to_bits(), p.fraction.to_bits());
            if index < PAGE_SIZE {
                assert_eq!(card.summary, p.summary, "{}", p.goal);
                assert!(!card.summary.is_empty(), "{}", p.goal);
                assert_eq!(
                    &*card.groups,
                    engine::requirement_groups(&cat, &record, p).as_slice(),
                    "{}",
                    p.goal
                );
                assert!(!card.groups.is_empty(), "{}", p.goal);
                assert!(!p.satisfied, "{}", p.goal);
                assert_eq!(card.route.as_deref(), Some(&route(&cat, &record, &p.goal)));
                if p.fraction == 0.0 {
                    unstarted_with_route += 1;
                }
            } else {
                assert!(
                    card.summary.is_empty() && card.groups.is_empty(),
                    "{}",
                    p.goal
                );
                assert!(card.route.is_none(), "{}", p.goal);
            }
        }
        // The case the old 60-program limit left bare: not started, on a large feed.
        assert!(unstarted_with_route > 0);
    }

    /// Showing another page details exactly the next programs, the same as computing the
    /// insights with both pages shown; asking for fewer changes nothing.
    #[test]
    fn the_next_page_is_detailed_as_if_computed_at_once() {
        let (cat, record, plan) = big();
        let first = Insights::compute(&cat, &plan, record.as_of, PAGE_SIZE, PLANNER);
        let two = first.detail_first(&cat, &plan, record.as_of, 2 * PAGE_SIZE, PLANNER);
        assert_eq!(
            two,
            Insights::compute(&cat, &plan, record.as_of, 2 * PAGE_SIZE, PLANNER)
        );
        assert_eq!(two.detailed, 2 * PAGE_SIZE);
        assert!(two.programs[2 * PAGE_SIZE - 1].route.is_some());
        assert!(two.programs[2 * PAGE_SIZE].route.is_none());
        assert_eq!(
            two.detail_first(&cat, &plan, record.as_of, PAGE_SIZE, PLANNER),
            two
        );
        // Past the last program: every card detailed, nothing out of range.
        let all = first.detail_first(&cat, &plan, record.as_of, usize::MAX, PLANNER);
        assert!(all
            .programs
            .iter()
            .all(|p| p.satisfied || p.route.is_some()));
    }

    /// The plan view shows the goal's words wherever the goal is in the list: it gets its full
    /// report even when its card is not on a shown page (the route is the goal route's job).
    #[test]
    fn the_goal_gets_its_report_beyond_the_shown_pages() {
        let (cat, record, mut plan) = big();
        let goal = engine::progress_all(&cat, &record)
            .into_iter()
            .skip(PAGE_SIZE)
            .find(|p| !p.satisfied)
            .unwrap();
        plan.goal = Some(goal.goal.clone());
        let insights = Insights::compute(&cat, &plan, record.as_of, PAGE_SIZE, PLANNER);
        let card = insights.program(&goal.goal).unwrap();
        assert_eq!(card.summary, goal.summary);
        assert!(!card.summary.is_empty());
        assert!(card.route.is_none());
        assert!(insights.goal_route.is_some());
    }

    /// Nothing shown: bars only (no report, no route), the numbers still right.
    #[test]
    fn with_no_page_shown_cards_have_bars_only() {
        let (cat, record, plan) = big();
        let insights = Insights::compute(&cat, &plan, record.as_of, 0, PLANNER);
        assert!(insights
            .programs
            .iter()
            .all(|p| p.route.is_none() && p.summary.is_empty()));
        assert!(insights.programs.iter().any(|p| p.fraction > 0.0));
    }

    /// A change of goal or measure keeps the cards and recomputes only the goal's part, with
    /// the same answer as computing everything again: from no goal, from a goal on the shown
    /// page, from a goal beyond it (whose words are dropped again), and to another measure.
    #[test]
    fn a_new_goal_gives_what_computing_everything_again_gives() {
        let (cat, record, plan) = big();
        let today = record.as_of;
        let beyond = engine::progress_all(&cat, &record)
            .into_iter()
            .skip(2 * PAGE_SIZE)
            .find(|p| !p.satisfied)
            .unwrap()
            .goal;
        let goals = [
            None,
            Some("s3".to_owned()),
            Some(beyond),
            Some("s7".to_owned()),
            None,
        ];
        let mut before = plan.clone();
        let mut insights = Insights::compute(&cat, &before, today, PAGE_SIZE, PLANNER);
        for goal in goals {
            let mut after = before.clone();
            after.goal = goal;
            let kept = insights.with_goal(&cat, &after, today, PLANNER);
            assert_eq!(
                kept,
                Insights::compute(&cat, &after, today, PAGE_SIZE, PLANNER),
                "{:?}",
                after.goal
            );
            before = after;
            insights = kept;
        }
        let mut weeks = before.clone();
        weeks.goal = Some("s3".to_owned());
        weeks.minimize = plan::Objective::Weeks;
        assert_eq!(
            insights.with_goal(&cat, &weeks, today, PLANNER),
            Insights::compute(&cat, &weeks, today, PAGE_SIZE, PLANNER)
        );
    }

    /// Without the planner (before the second module arrives) the cards have their words
    /// but no route, nothing is startable, and the insights say routes are pending; given it,
    /// the same plan gets its routes, and detailing another page or changing the goal without
    /// it leaves them pending again.
    #[test]
    fn without_the_planner_routes_are_pending_and_with_it_computed() {
        let (cat, record, mut plan) = big();
        plan.goal = Some("s3".to_owned());
        let today = record.as_of;
        let waiting = Insights::compute(&cat, &plan, today, PAGE_SIZE, None);
        assert!(waiting.routes_pending);
        assert!(waiting.goal_route.is_none() && waiting.unlocks.is_empty());
        assert!(waiting.available.is_empty());
        assert!(waiting.programs[..PAGE_SIZE]
            .iter()
            .all(|p| p.route.is_none() && !p.summary.is_empty()));

        let planned = Insights::compute(&cat, &plan, today, PAGE_SIZE, PLANNER);
        assert!(!planned.routes_pending);
        assert!(planned.goal_route.is_some() && !planned.available.is_empty());
        assert!(planned.programs[..PAGE_SIZE]
            .iter()
            .all(|p| p.satisfied || p.route.is_some()));
        // Only the routes and ladders differ: the words, numbers and requirement groups come
        // from the engine either way; the ladders (what a program counts toward) arrive with
        // the planner.
        for (a, b) in waiting.programs.iter().zip(&planned.programs) {
            assert_eq!(
                (&a.id, a.fraction.to_bits(), &a.summary, &a.groups),
                (&b.id, b.fraction.to_bits(), &b.summary, &b.groups)
            );
            assert!(a.counts_toward.is_empty());
        }
        for card in &planned.programs[..PAGE_SIZE] {
            assert_eq!(
                card.counts_toward,
                counts_toward(&cat, &card.id),
                "{}",
                card.id
            );
        }
        assert!(planned.programs[..PAGE_SIZE]
            .iter()
            .any(|p| !p.counts_toward.is_empty()));

        assert!(
            planned
                .detail_first(&cat, &plan, today, 2 * PAGE_SIZE, None)
                .routes_pending
        );
        assert!(planned.with_goal(&cat, &plan, today, None).routes_pending);
    }
}
