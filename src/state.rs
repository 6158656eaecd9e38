//! The widget's one state and the actions that change it.
//!
//! Components dispatch [`Action`]s; [`State::reduce`] applies them. Everything about
//! stackability (progress, routes, what counts toward what) is asked of `stackway-core` in
//! [`crate::state::insights`], recomputed whenever the learner's plan changes, so components only
//! render results.
//!
//! The widget's second module is part of the state: it arrives as a value
//! (`Action::LaterLoaded`), the state keeps it, hands its route planner to the insights, and the
//! components reach its views and words through the state. Until it arrives the insights leave
//! the routes out.

use std::cell::OnceCell;
use std::rc::Rc;

use stackway_core::layout::MapGraph;
use stackway_core::plan::Objective;
use stackway_core::{Catalog, Date, Feed};
use yew::Reducible;

use crate::config::View;
use crate::json_text;
use crate::later_module::{LaterModule, Planner};
use crate::search::{Filters, SearchIndex};

pub mod ids;
pub mod insights;

pub use ids::{IdMap, IdSet};
pub use insights::Insights;

/// Shared, immutable data compared by identity (a catalog is built once per feed, so two states
/// share it exactly when they come from the same feed).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Something derived from the feed that only the views of the second module use (the map's
/// graph, Explore's search index). It is built the first time one of those views asks for it,
/// not with the state: so the code that builds it is reached only from the second module and
/// stays out of the first download, and a learner who never opens those views never pays for it.
/// Every state of one feed shares the same cell (compared by identity, as [`Shared`] is).
pub type Derived<T> = Shared<OnceCell<Shared<T>>>;

impl<T> Derived<T> {
    /// The value, made by `make` on the first call.
    fn get_or(&self, make: impl FnOnce() -> T) -> Shared<T> {
        self.get_or_init(|| Shared(Rc::new(make()))).clone()
    }
}

impl<T> Default for Shared<OnceCell<T>> {
    fn default() -> Self {
        Shared(Rc::new(OnceCell::new()))
    }
}

/// The learner's what-if plan: saved per feed id, exported and imported as JSON
/// (`{"held": {id: date or null}, "planned": [ids], "goal": id or null, "minimize": "cost"}`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Held credentials, each with the date earned (`YYYY-MM-DD`) when known.
    pub held: IdMap<Option<String>>,
    /// Planned credentials (treated as held, without a date).
    pub planned: IdSet,
    /// The chosen goal.
    pub goal: Option<String>,
    /// What the best route minimises.
    pub minimize: Objective,
}

impl Plan {
    /// The plan as JSON text (the saved and exported form).
    pub fn to_json(&self) -> String {
        let held = self
            .held
            .iter()
            .fold(json_text::ObjectWriter::new(), |held, (id, date)| {
                held.optional_string(id, date.as_deref())
            })
            .finish();
        json_text::ObjectWriter::new()
            .raw("held", &held)
            .raw(
                "planned",
                &json_text::array(self.planned.iter().map(|id| json_text::quoted(id))),
            )
            .optional_string("goal", self.goal.as_deref())
            .string("minimize", self.minimize.as_str())
            .finish()
    }

    /// Reads a saved or exported plan. Every key may be missing and unknown keys are ignored;
    /// a key of the wrong type, or text that is not JSON, is an error saying where.
    pub fn from_json(text: &str) -> Result<Plan, json_text::ReadError> {
        json_text::read(text, |root| {
            let mut plan = Plan::default();
            for (key, value) in json_text::members(root, "plan")? {
                match key {
                    "held" => {
                        for (id, date) in json_text::members(value, "held")? {
                            let date = json_text::optional_string(date, "held")?;
                            plan.held.insert(id.to_owned(), date);
                        }
                    }
                    "planned" => {
                        for id in json_text::items(value, "planned")? {
                            plan.planned.insert(json_text::string(id, "planned")?);
                        }
                    }
                    "goal" => plan.goal = json_text::optional_string(value, "goal")?,
                    "minimize" => {
                        let name = json_text::string(value, "minimize")?;
                        plan.minimize = Objective::parse(&name).ok_or_else(|| {
                            format!("`minimize` must be cost, weeks, hours or credits, not {name}")
                        })?;
                    }
                    _ => {}
                }
            }
            Ok(plan)
        })
    }

    /// Keeps only what refers to credentials of the catalog's feed (an imported or old plan
    /// may name credentials that no longer exist); returns how many entries were dropped.
    pub fn retain_known(&mut self, catalog: &Catalog) -> usize {
        let known = |id: &str| catalog.index_of(id).is_some();
        let before = self.held.len() + self.planned.len() + usize::from(self.goal.is_some());
        self.held.retain(|id, _| known(id));
        self.planned
            .retain(|id| known(id) && !self.held.contains_key(id));
        if self.goal.as_deref().is_some_and(|g| !known(g)) {
            self.goal = None;
        }
        for (_, date) in self.held.iter_mut() {
            if date
                .as_deref()
                .is_some_and(|d| stackway_core::Date::parse(d).is_none())
            {
                *date = None;
            }
        }
        before - (self.held.len() + self.planned.len() + usize::from(self.goal.is_some()))
    }

    /// The plan with its held credentials replaced by `held` (the learner's record an
    /// institution supplied at an LTI launch), each date as the plan writes it.
    pub fn with_held(mut self, held: Vec<stackway_core::HeldCredential>) -> Plan {
        self.held = IdMap::new();
        for credential in held {
            let earned = credential.earned.map(|date| date.to_string());
            self.held.insert(credential.id, earned);
        }
        self
    }
}

/// How a credential stands in the learner's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Held,
    Planned,
    None,
}

/// The whole state of one widget instance.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub feed: Shared<Feed>,
    /// The feed indexed for the engine, built once.
    pub catalog: Shared<Catalog>,
    /// The evaluation date (today), for expiry.
    pub today: Option<Date>,
    /// The map's graph, built the first time [`State::graph`] is asked (see [`Derived`]).
    graph: Derived<MapGraph>,
    /// Explore's search index, built the first time [`State::search_index`] is asked.
    index: Derived<SearchIndex>,
    pub view: View,
    /// The credential whose detail is open.
    pub selected: Option<String>,
    pub filters: Filters,
    /// How many Explore results are shown (grows by pages).
    pub shown: usize,
    /// How many program cards the Programs view shows (grows by pages, separately from
    /// Explore's); the insights carry full cards (words and route) for exactly these.
    pub programs_shown: usize,
    /// Whether the map is shown as its accessible list.
    pub map_as_list: bool,
    pub plan: Plan,
    /// Everything computed by the engine for the current plan.
    pub insights: Shared<Insights>,
    /// The last change to announce to screen readers (a message id and its count).
    pub announcement: Option<(&'static str, usize)>,
    /// The widget's second module once it has arrived (`Action::LaterLoaded`): the later views,
    /// their words and the route planner.
    pub later: Option<LaterModule>,
}

/// Explore shows this many results at a time, and Programs this many cards.
pub const PAGE_SIZE: usize = 25;

impl State {
    /// The state for a freshly loaded feed and the learner's saved plan, before the second
    /// module has arrived.
    pub fn new(
        feed: Rc<Feed>,
        view: View,
        mut plan: Plan,
        goal: Option<String>,
        today: Option<Date>,
    ) -> Self {
        let catalog = Shared(Rc::new(Catalog::new(&feed)));
        plan.retain_known(&catalog);
        if let Some(goal) = goal.filter(|g| catalog.index_of(g).is_some()) {
            plan.goal = Some(goal);
        }
        let insights = Shared(Rc::new(Insights::compute(
            &catalog, &plan, today, PAGE_SIZE, None,
        )));
        State {
            catalog,
            today,
            graph: Derived::default(),
            index: Derived::default(),
            feed: Shared(feed),
            view,
            selected: None,
            filters: Filters::default(),
            shown: PAGE_SIZE,
            programs_shown: PAGE_SIZE,
            map_as_list: false,
            plan,
            insights,
            announcement: None,
            later: None,
        }
    }

    /// The route planner, once the second module has arrived.
    pub fn planner(&self) -> Option<&Planner> {
        self.later.as_ref().map(|later| &later.planner)
    }

    /// The map's graph of the feed (the map and its accessible list).
    pub fn graph(&self) -> Shared<MapGraph> {
        self.graph.get_or(|| MapGraph::from_feed(&self.feed))
    }

    /// Explore's search index of the feed.
    pub fn search_index(&self) -> Shared<SearchIndex> {
        self.index.get_or(|| SearchIndex::new(&self.feed))
    }

    /// How `id` stands in the plan.
    pub fn mark(&self, id: &str) -> Mark {
        if self.plan.held.contains_key(id) {
            Mark::Held
        } else if self.plan.planned.contains(id) {
            Mark::Planned
        } else {
            Mark::None
        }
    }

    /// After a change of goal or measure: the record is the same, so the cards are kept.
    fn regoal(&mut self) {
        self.insights = Shared(Rc::new(self.insights.with_goal(
            &self.catalog,
            &self.plan,
            self.today,
            self.planner(),
        )));
    }

    fn replan(&mut self) {
        self.insights = Shared(Rc::new(Insights::compute(
            &self.catalog,
            &self.plan,
            self.today,
            self.programs_shown,
            self.planner(),
        )));
    }
}

/// Everything a learner can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Show(View),
    Open(String),
    Close,
    /// Mark as held, with the date earned if known.
    Hold(String, Option<String>),
    Plan(String),
    /// Mark several credentials as held at once (the learner's badges): a date given replaces
    /// a missing one and an earlier date wins; ids not in the feed are ignored.
    HoldAll(Vec<stackway_core::HeldCredential>),
    Unmark(String),
    SetGoal(Option<String>),
    Minimize(Objective),
    ResetPlan,
    ImportPlan(Plan),
    Filter(Filters),
    /// Show the next page of Explore's results.
    ShowMore,
    /// Show the next page of program cards (computing their reports and routes).
    ShowMorePrograms,
    ToggleMapList,
    /// The widget's second module has arrived: the state keeps it (its views and words), and
    /// the routes left out of the insights are computed with its planner.
    LaterLoaded(LaterModule),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::LaterLoaded(_)) && self.later.is_some() {
            // It was already in: no new state, so nothing renders again.
            return self;
        }
        let mut next = (*self).clone();
        next.announcement = None;
        match action {
            Action::Show(view) => {
                next.view = view;
                next.selected = None;
            }
            Action::Open(id) => {
                if next.feed.credential(&id).is_some() {
                    next.selected = Some(id);
                }
            }
            Action::Close => next.selected = None,
            Action::Hold(id, date) => {
                if next.feed.credential(&id).is_some() {
                    next.plan.planned.remove(&id);
                    let date = date.filter(|d| stackway_core::Date::parse(d).is_some());
                    next.plan.held.insert(id, date);
                    next.replan();
                }
            }
            Action::Plan(id) => {
                if next.feed.credential(&id).is_some() {
                    next.plan.held.remove(&id);
                    next.plan.planned.insert(id);
                    next.replan();
                }
            }
            Action::HoldAll(held) => {
                for credential in held {
                    if next.feed.credential(&credential.id).is_none() {
                        continue;
                    }
                    next.plan.planned.remove(&credential.id);
                    let date = credential.earned;
                    let entry = next.plan.held.entry(credential.id).or_insert(None);
                    let kept = entry.as_deref().and_then(Date::parse);
                    let earliest = match (kept, date) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    *entry = earliest.map(|d| d.to_string());
                }
                next.replan();
            }
            Action::Unmark(id) => {
                next.plan.held.remove(&id);
                next.plan.planned.remove(&id);
                next.replan();
            }
            Action::SetGoal(goal) => {
                next.plan.goal = goal.filter(|g| next.feed.credential(g).is_some());
                next.regoal();
            }
            Action::Minimize(objective) => {
                next.plan.minimize = objective;
                next.regoal();
            }
            Action::ResetPlan => {
                next.plan = Plan::default();
                next.replan();
                next.announcement = Some(("announce-plan-reset", 0));
            }
            Action::ImportPlan(mut plan) => {
                let dropped = plan.retain_known(&next.catalog);
                next.plan = plan;
                next.replan();
                next.announcement = Some(("announce-plan-imported", dropped));
            }
            Action::Filter(filters) => {
                next.filters = filters;
                next.shown = PAGE_SIZE;
            }
            Action::ShowMore => next.shown += PAGE_SIZE,
            Action::ShowMorePrograms => {
                let total = next.insights.programs.len();
                if next.programs_shown < total {
                    next.programs_shown += PAGE_SIZE;
                    next.insights = Shared(Rc::new(next.insights.detail_first(
                        &next.catalog,
                        &next.plan,
                        next.today,
                        next.programs_shown,
                        next.planner(),
                    )));
                }
            }
            Action::ToggleMapList => next.map_as_list = !next.map_as_list,
            Action::LaterLoaded(later) => {
                next.later = Some(later);
                if next.insights.routes_pending {
                    next.replan();
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackway_core::HeldCredential;

    #[test]
    fn a_plan_written_by_an_earlier_version_still_reads() {
        // What serde_json wrote for a plan before the widget had its own JSON writer: saved
        // plans and exported files in this form must keep working.
        let saved =
            r#"{"held":{"a":"2024-01-02","b":null},"planned":["c"],"goal":"d","minimize":"weeks"}"#;
        let plan = Plan::from_json(saved).unwrap();
        assert_eq!(plan.held.get("a"), Some(&Some("2024-01-02".to_owned())));
        assert_eq!(plan.held.get("b"), Some(&None));
        assert!(plan.planned.contains("c"));
        assert_eq!(plan.goal.as_deref(), Some("d"));
        assert_eq!(plan.minimize, Objective::Weeks);
        assert_eq!(plan.to_json(), saved);
        assert_eq!(Plan::from_json(&plan.to_json()), Ok(plan));
    }

    #[test]
    fn a_plan_tolerates_missing_keys_and_rejects_wrong_types() {
        assert_eq!(Plan::from_json("{}"), Ok(Plan::default()));
        assert_eq!(
            Plan::from_json(r#"{"goal": null, "other": [1]}"#),
            Ok(Plan::default())
        );
        for bad in [
            r#"{"held": ["a"]}"#,
            r#"{"planned": "a"}"#,
            r#"{"minimize": "cheapest"}"#,
            r#"{"goal": 3}"#,
            "[]",
            "not json",
        ] {
            assert!(Plan::from_json(bad).is_err(), "{bad}");
        }
    }

    fn state() -> Rc<State> {
        let feed = stackway_core::parse_feed(include_str!("../tests/fixtures/tiny-feed.json"))
            .feed
            .unwrap();
        Rc::new(State::new(
            Rc::new(feed),
            View::Plan,
            Plan::default(),
            None,
            None,
        ))
        .reduce(Action::LaterLoaded(LaterModule::for_tests()))
    }

    fn held(id: &str, earned: Option<&str>) -> HeldCredential {
        HeldCredential {
            id: id.into(),
            earned: earned.and_then(Date::parse),
        }
    }

    #[test]
    fn a_supplied_record_replaces_the_saved_held_list_and_keeps_the_rest() {
        let saved = Plan::from_json(
            r#"{"held":{"a":"2024-01-02","b":null},"planned":["c"],"goal":"d","minimize":"hours"}"#,
        )
        .unwrap();
        let plan = saved
            .clone()
            .with_held(vec![held("e", Some("2025-03-04")), held("b", None)]);
        let listed: Vec<(&String, &Option<String>)> = plan.held.iter().collect();
        assert_eq!(
            listed,
            [
                (&"b".to_owned(), &None),
                (&"e".to_owned(), &Some("2025-03-04".to_owned()))
            ]
        );
        assert_eq!(plan.planned, saved.planned);
        assert_eq!((plan.goal, plan.minimize), (saved.goal, saved.minimize));
    }

    #[test]
    fn badges_mark_known_credentials_held_with_the_earliest_date() {
        let state = state()
            .reduce(Action::Plan("data-visualisation".into()))
            .reduce(Action::Hold(
                "data-basics".into(),
                Some("2025-06-01".into()),
            ));
        let next = state.reduce(Action::HoldAll(vec![
            held("data-basics", Some("2025-04-30")),
            held("data-visualisation", Some("2025-05-02")),
            held("not-in-the-feed", Some("2024-01-01")),
        ]));
        assert_eq!(
            next.plan.held.get("data-basics"),
            Some(&Some("2025-04-30".to_owned()))
        );
        assert_eq!(
            next.plan.held.get("data-visualisation"),
            Some(&Some("2025-05-02".to_owned()))
        );
        assert!(next.plan.planned.is_empty());
        assert!(!next.plan.held.contains_key("not-in-the-feed"));

        // A later badge date, or none, keeps the earlier date already known.
        let again = next.clone().reduce(Action::HoldAll(vec![
            held("data-basics", Some("2026-01-01")),
            held("data-visualisation", None),
        ]));
        assert_eq!(again.plan.held, next.plan.held);
    }

    /// A feed of `programs` certificates, each `choose 1` of its own two micro-credentials
    /// (m{2i}, m{2i+1}), none started.
    fn programs_state(programs: usize) -> Rc<State> {
        use stackway_core::bench_support::{base, feed, Rng};
        use stackway_core::feed::{Credential, Kind, Requirement};
        let mut r = Rng(7);
        let mut credentials: Vec<Credential> = (0..2 * programs)
            .map(|i| base(&mut r, format!("m{i}")))
            .collect();
        for i in 0..programs {
            let mut c = Credential::new(format!("p{i}"), Kind::Certificate, "p");
            c.requires = Some(Requirement::Choose {
                choose: 1,
                from: vec![
                    Requirement::Credential(format!("m{}", 2 * i)),
                    Requirement::Credential(format!("m{}", 2 * i + 1)),
                ],
                label: None,
            });
            credentials.push(c);
        }
        Rc::new(State::new(
            Rc::new(feed(credentials)),
            View::Programs,
            Plan::default(),
            None,
            None,
        ))
    }

    /// [`programs_state`] once the second module has arrived.
    fn planned_programs_state(programs: usize) -> Rc<State> {
        programs_state(programs).reduce(Action::LaterLoaded(LaterModule::for_tests()))
    }

    fn routes(state: &State) -> usize {
        state
            .insights
            .programs
            .iter()
            .filter(|p| p.route.is_some())
            .count()
    }

    #[test]
    fn programs_page_by_page_with_routes_for_the_shown_cards_only() {
        let state = planned_programs_state(70);
        assert_eq!(state.programs_shown, PAGE_SIZE);
        assert_eq!(state.insights.programs.len(), 70);
        assert_eq!(routes(&state), PAGE_SIZE);
        assert!(state.insights.programs[..PAGE_SIZE]
            .iter()
            .all(|p| p.route.is_some() && !p.summary.is_empty()));

        let state = state.reduce(Action::ShowMorePrograms);
        assert_eq!(state.programs_shown, 2 * PAGE_SIZE);
        assert_eq!(routes(&state), 2 * PAGE_SIZE);
        // Explore's page is its own.
        assert_eq!(state.shown, PAGE_SIZE);

        // A change to the plan recomputes the shown pages, not just the first.
        let state = state.reduce(Action::Hold("m60".into(), None));
        assert_eq!(state.programs_shown, 2 * PAGE_SIZE);
        assert_eq!(routes(&state), 2 * PAGE_SIZE - 1);
        assert!(state.insights.program("p30").unwrap().satisfied);

        // The last page is partial; past it "show more" changes nothing.
        let state = state.reduce(Action::ShowMorePrograms);
        assert_eq!(state.programs_shown, 3 * PAGE_SIZE);
        assert_eq!(routes(&state), 70 - 1);
        let again = state.clone().reduce(Action::ShowMorePrograms);
        assert_eq!(again.programs_shown, 3 * PAGE_SIZE);
        assert_eq!(again.insights, state.insights);
    }

    #[test]
    fn explore_paging_and_filtering_leave_the_programs_page_alone() {
        let state = planned_programs_state(30)
            .reduce(Action::ShowMore)
            .reduce(Action::Filter(Filters::default()));
        assert_eq!(state.programs_shown, PAGE_SIZE);
        assert_eq!(routes(&state), PAGE_SIZE);
        let state = state
            .reduce(Action::ShowMorePrograms)
            .reduce(Action::ShowMore);
        assert_eq!(state.programs_shown, 2 * PAGE_SIZE);
        assert_eq!(state.shown, 2 * PAGE_SIZE);
        assert_eq!(routes(&state), 30);
    }

    #[test]
    fn the_second_module_arriving_brings_the_routes_of_the_cards() {
        // A new state has no second module yet: its cards have their words, no route.
        let state = programs_state(3);
        assert!(state.later.is_none() && state.insights.routes_pending);
        assert_eq!(routes(&state), 0);
        assert!(state
            .insights
            .programs
            .iter()
            .all(|p| !p.summary.is_empty()));
        // The action carries the module in: the state keeps it, and the cards get their routes
        // from its planner.
        let next = state.reduce(Action::LaterLoaded(LaterModule::for_tests()));
        assert!(next.later.is_some() && !next.insights.routes_pending);
        assert_eq!(routes(&next), 3);
        // Arriving again changes nothing: the same state, so nothing renders again.
        assert!(Rc::ptr_eq(
            &next,
            &next
                .clone()
                .reduce(Action::LaterLoaded(LaterModule::for_tests()))
        ));
        // From then on every change of the plan is planned with it.
        let next = next.reduce(Action::Hold("m0".into(), None));
        assert!(!next.insights.routes_pending);
        assert_eq!(routes(&next), 2);
    }
}
