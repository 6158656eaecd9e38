//! The optimal route to a goal: which credentials to add so that the goal is met, minimising
//! total cost, hours, credits or weeks, with every added credential's prerequisites met.
//!
//! Exact branch and bound (see docs/semantics.md, "Optimal route"):
//! - The objective is an integer key per added credential, `value × 100 × M + 1` (M larger than
//!   the number of candidates), so that sums are exact and, among routes of equal value, the one
//!   with fewest credentials wins. Remaining ties go to the first route found by the fixed search
//!   order (below), so answers are deterministic.
//! - Lower bound (`goal.rs` computes the relaxation): the requirement tree is solved as if a
//!   credential could fill several leaves (per-node minimum: sums for `all`, the n cheapest
//!   children for `choose`/`any`, an exact 0/1 knapsack for `credits`). Two kinds of Lagrange
//!   multipliers tighten it, both following subgradient steps (40 at the root, 6 per node,
//!   warm-started from the parent): λ ≥ 0 prices each use of a credential that the relaxation
//!   puts at several leaves (Σλ subtracted: a route uses a credential once), and μ ≥ 0 prices
//!   the prerequisite clauses "c added ⇒ one of p₁…pₙ added" (`prereq.rs`: μ of cost moves from
//!   the prerequisites to the dependant, keeping every reduced cost non-negative). When the
//!   relaxed optimum uses each credential once, violates no clause, every multiplier's
//!   constraint is tight, and every prerequisite is met, it is optimal for the subproblem.
//! - Rounding and ties: values are multiples of their gcd, so a bound is rounded up to the next
//!   value a route can have; a second bound on the number of credentials (`count_bound`: the
//!   same relaxation at unit prices, with multipliers on held and taken credentials' extra
//!   uses) then bounds the key of a route of that value, so that proving "fewest credentials"
//!   among routes of the optimal value does not need a full search.
//! - Branching: a credential used at k leaves of the relaxed optimum gives k + 1 children (it
//!   may fill only leaf i, or none of them), visited by increasing relaxed value under the
//!   parent's prices (ties: leaf order, then "none"). When prerequisites are unmet, the search
//!   branches on a credential of the failing prerequisite trees first (taken, or never taken:
//!   every candidate whose prerequisites then cannot be met is blocked, which the bound sees),
//!   and only then on the failing credential itself.
//! - Dense state: the goal tree is compiled once into flat arrays (`goal.rs`), and a search
//!   node's prices, restrictions and multipliers are vectors indexed by credential slot,
//!   candidate or clause, so one relaxation pass allocates nothing.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CredIx, GroupKind, Target, CREDIT_SCALE};
use crate::engine::holdings::Holdings;
use crate::engine::tree::{Blocked, TKind, Tree};
use crate::engine::{resolve, EngineError};
use crate::feed::Text;
use crate::messages::{Message, MessageId};
use crate::record::Record;

mod goal;
mod prereq;
mod relax;
mod search;
mod unlocks;

pub use unlocks::{startable, step_unlocks, Unlocks};

use goal::{Goal, Restr, Scratch};
use prereq::Clause;
use relax::{gcd128, relax_all};

/// What to minimise. The cost by default, as learners most often ask.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Objective {
    #[default]
    Cost,
    Hours,
    Credits,
    Weeks,
}

impl Objective {
    /// Every objective.
    pub const ALL: [Objective; 4] = [
        Objective::Cost,
        Objective::Hours,
        Objective::Credits,
        Objective::Weeks,
    ];

    /// The objective's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Cost => "cost",
            Objective::Hours => "hours",
            Objective::Credits => "credits",
            Objective::Weeks => "weeks",
        }
    }

    /// Parses a name.
    pub fn parse(s: &str) -> Option<Objective> {
        Objective::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// The objective's value of a credential, if the feed gives it.
pub fn value_of(cat: &Catalog, c: CredIx, o: Objective) -> Option<f64> {
    let cred = cat.credential(c)?;
    match o {
        Objective::Cost => cred.cost.as_ref().map(|c| c.amount),
        Objective::Hours => cred.hours,
        Objective::Credits => cred.credits,
        Objective::Weeks => cred.weeks,
    }
}

/// Sums of the four values over the added credentials (missing values count as 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Totals {
    pub cost: f64,
    pub hours: f64,
    pub credits: f64,
    pub weeks: f64,
}

/// One credential to add, in route order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteStep {
    pub credential: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<f64>,
    /// Requirement leaves of the goal it fills (itself, or what it stands in for).
    pub fills: Vec<String>,
    /// Other added credentials whose prerequisites mention it.
    pub prerequisite_for: Vec<String>,
}

/// Why no route exists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Infeasibility {
    /// The credential whose requirements contain the unsatisfiable part.
    pub part: String,
    /// The unsatisfiable group's label, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The reason, localisable.
    pub reason: Message,
}

/// The optimal route to a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    pub goal: String,
    pub objective: Objective,
    /// A route exists (possibly empty, when the goal is already met).
    pub feasible: bool,
    /// The goal is already met: nothing to add.
    pub already_met: bool,
    /// The search ran to completion, so the route is proven optimal (false only when the node
    /// limit was hit on a huge instance).
    pub optimal: bool,
    /// Credentials to add, in an order that respects prerequisites.
    pub add: Vec<String>,
    pub steps: Vec<RouteStep>,
    /// Sums over `add` of cost, hours, credits and weeks (missing values count as 0).
    pub total: Totals,
    /// The currency of `total.cost` when every costed step uses the same one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Ids in `add` whose value for the objective is missing (counted as 0).
    pub unknown: Vec<String>,
    /// Ids in `add` missing each value, by field ("cost", "hours", "credits", "weeks").
    pub unknown_by_field: BTreeMap<&'static str, Vec<String>>,
    /// When infeasible: which part cannot be met, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infeasible: Option<Infeasibility>,
    /// Search nodes explored (for benchmarks and curiosity).
    pub explored: u64,
}

/// Search node limit. Real feeds with a few overlapping groups need tens to hundreds of nodes;
/// large goals with heavy overlap can need far more (docs/benchmarks.md), so the limit bounds
/// the time (2–4 s at 300 credentials and 10–13 s at 1,000, at 0.1–0.6 ms per node natively on
/// a loaded machine). Hitting it returns the best route found so far with `optimal: false`.
pub const NODE_LIMIT: u64 = 20_000;

/// Subgradient steps on the Lagrange multipliers at the root and at every other search node.
const ROOT_STEPS: u32 = 40;
const NODE_STEPS: u32 = 6;
/// Subgradient steps of the count bound (`Planner::count_bound`).
const COUNT_STEPS: u32 = 4;

const INF: u128 = u128::MAX;

fn add(a: u128, b: u128) -> u128 {
    a.saturating_add(b)
}

/// The cheapest route to `goal` for `record`, minimising `objective`.
pub fn best_route(
    cat: &Catalog,
    record: &Record,
    goal: &str,
    objective: Objective,
) -> Result<Route, EngineError> {
    best_route_within(cat, record, goal, objective, NODE_LIMIT)
}

/// [`best_route`] with a caller's own search node limit. An interactive page that recomputes
/// routes on every change passes a lower limit than [`NODE_LIMIT`], so that a pathological goal
/// answers within a second or two with the best route found (`optimal: false`) rather than
/// freezing the page for the full search.
pub fn best_route_within(
    cat: &Catalog,
    record: &Record,
    goal: &str,
    objective: Objective,
    node_limit: u64,
) -> Result<Route, EngineError> {
    let g = resolve(cat, goal)?;
    let holdings = Holdings::new(cat, record);
    let mut planner = Planner::new(cat, &holdings, g, objective);
    planner.node_limit = node_limit;
    Ok(planner.run())
}

/// How a leaf is filled in a relaxed solution.
#[derive(Debug, Clone)]
struct LeafFill {
    leaf: u32,
    creds: Vec<CredIx>,
}

#[derive(Debug, Clone)]
enum Restriction {
    Only(u32),
    Not(Vec<u32>),
}

#[derive(Debug, Clone)]
struct State {
    forced: Vec<bool>,
    excluded: Vec<bool>,
    /// Candidates whose prerequisites can no longer be met (every way needs an excluded
    /// credential): they cannot be added in this subtree of the search.
    blocked: Vec<bool>,
    /// Where goal-tree slots may be used (branching on shared credentials).
    restr: Restr,
    /// Lagrange multipliers of "a credential fills at most one leaf", by goal-tree slot.
    lambda: Vec<u128>,
    /// Lagrange multipliers of the prerequisite clauses (`prereq.rs`), by clause.
    mu: Vec<u128>,
}

struct Planner<'a> {
    /// The search stops after this many nodes (see [`best_route_within`]).
    node_limit: u64,
    cat: &'a Catalog,
    holdings: &'a Holdings,
    goal: CredIx,
    objective: Objective,
    tree: Tree,
    /// Candidate credentials (base, not held), sorted by index ([`Planner::local`] maps back).
    cands: Vec<CredIx>,
    /// The goal tree compiled for the search, and each of its slots' candidate index.
    goal_tree: Goal,
    slot_cand: Vec<Option<usize>>,
    cand_slot: Vec<Option<u32>>,
    /// Prerequisite clauses priced in the bound.
    clauses: Vec<Clause>,
    keys: Vec<u128>,
    /// Keys are `scaled value × m + 1`; every scaled value is a multiple of `grain` (their gcd),
    /// so a lower bound can be rounded up to the next key a route can actually have.
    m: u128,
    grain: u128,
    takeable: Vec<bool>,
    prereq_trees: BTreeMap<CredIx, Tree>,
    base_vals: Vec<u128>,
    best_key: u128,
    best: Option<(Vec<CredIx>, Vec<LeafFill>)>,
    explored: u64,
    limit_hit: bool,
    prereq_failure: Option<CredIx>,
}

impl<'a> Planner<'a> {
    fn new(cat: &'a Catalog, holdings: &'a Holdings, goal: CredIx, objective: Objective) -> Self {
        let tree = match cat.requires(goal) {
            Some(root) => Tree::build(cat, root, goal, &holdings.held),
            None => Tree::single(Target::Known(goal), goal),
        };
        let mut p = Planner {
            node_limit: NODE_LIMIT,
            cat,
            holdings,
            goal,
            objective,
            tree,
            cands: Vec::new(),
            goal_tree: Goal::default(),
            slot_cand: Vec::new(),
            cand_slot: Vec::new(),
            clauses: Vec::new(),
            keys: Vec::new(),
            m: 1,
            grain: 0,
            takeable: Vec::new(),
            prereq_trees: BTreeMap::new(),
            base_vals: Vec::new(),
            best_key: INF,
            best: None,
            explored: 0,
            limit_hit: false,
            prereq_failure: None,
        };
        p.collect_candidates();
        p
    }

    /// Credentials a leaf may use: its own (if not expanded) and each applicable equivalence's.
    fn leaf_options(cat: &Catalog, tree: &Tree, v: u32) -> Vec<(Option<u32>, Vec<Target>)> {
        let mut out = Vec::new();
        let Some(n) = tree.nodes.get(v as usize) else {
            return out;
        };
        if let TKind::Leaf {
            target, expanded, ..
        } = n.kind
        {
            if !expanded {
                out.push((None, vec![target]));
            }
            if let Target::Known(c) = target {
                for &e in cat.equivalences_for(c) {
                    if let Some(eq) = cat.equivalences().get(e as usize) {
                        if eq.applies_within(n.owner) && !eq.holding.is_empty() {
                            out.push((Some(e), eq.holding.clone()));
                        }
                    }
                }
            }
        }
        out
    }

    fn tree_creds(cat: &Catalog, tree: &Tree, out: &mut BTreeSet<CredIx>) {
        for (v, _) in tree.leaf_targets() {
            for (_, ts) in Self::leaf_options(cat, tree, v) {
                for t in ts {
                    if let Target::Known(c) = t {
                        out.insert(c);
                    }
                }
            }
        }
    }

    fn collect_candidates(&mut self) {
        let cat = self.cat;
        let mut all = BTreeSet::new();
        Self::tree_creds(cat, &self.tree, &mut all);
        // Close over prerequisites.
        let mut queue: Vec<CredIx> = all.iter().copied().collect();
        while let Some(c) = queue.pop() {
            if cat.is_stackable(c) || self.holdings.is_held(c) || self.prereq_trees.contains_key(&c)
            {
                continue;
            }
            if let Some(root) = cat.prerequisites(c) {
                let t = Tree::build(cat, root, c, &self.holdings.held);
                let mut more = BTreeSet::new();
                Self::tree_creds(cat, &t, &mut more);
                for m in more {
                    if all.insert(m) {
                        queue.push(m);
                    }
                }
                self.prereq_trees.insert(c, t);
            }
        }
        self.cands = all
            .into_iter()
            .filter(|&c| !cat.is_stackable(c) && !self.holdings.is_held(c))
            .collect();
        let m = self.cands.len() as u128 + 1;
        self.m = m;
        for &c in &self.cands {
            let v = value_of(cat, c, self.objective).unwrap_or(0.0);
            let scaled = if v.is_finite() && v > 0.0 {
                (v * 100.0).round().min(1e18) as u128
            } else {
                0
            };
            self.keys.push(scaled.saturating_mul(m).saturating_add(1));
            self.grain = gcd128(self.grain, scaled);
        }
        // Least fixpoint of "can ever be started": prerequisites relaxed-satisfiable from held
        // plus credentials already known to be startable.
        self.takeable = self.startable(&vec![false; self.cands.len()]);
        self.goal_tree = Goal::compile(cat, &self.tree);
        self.slot_cand = self
            .goal_tree
            .slot_cred
            .iter()
            .map(|&c| self.local(c))
            .collect();
        self.cand_slot = self
            .cands
            .iter()
            .map(|&c| self.goal_tree.slot_of(c))
            .collect();
        let mut clauses = Vec::new();
        for (&c, t) in &self.prereq_trees {
            if let Some(owner) = self.local(c) {
                prereq::clauses_of(
                    cat,
                    t,
                    &|x| self.holdings.is_held(x),
                    &|x| self.local(x),
                    owner,
                    &mut clauses,
                );
            }
        }
        self.clauses = clauses;
    }

    /// The candidate index of credential `c`.
    fn local(&self, c: CredIx) -> Option<usize> {
        self.cands.binary_search(&c).ok()
    }

    /// The least fixpoint of "can be started": candidates whose prerequisites are
    /// relaxed-satisfiable from held credentials plus startable, non-excluded candidates.
    fn startable(&self, excluded: &[bool]) -> Vec<bool> {
        let cat = self.cat;
        let mut ok = vec![false; self.cands.len()];
        loop {
            let mut changed = false;
            for i in 0..self.cands.len() {
                if ok[i] || excluded.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let c = self.cands[i];
                let met = match self.prereq_trees.get(&c) {
                    None => true,
                    Some(t) => {
                        let vals = relax_all(cat, t, &|_, x| {
                            if self.holdings.is_held(x) {
                                0
                            } else {
                                match self.local(x) {
                                    Some(j) if ok[j] => 0,
                                    _ => INF,
                                }
                            }
                        });
                        vals.first().copied().unwrap_or(INF) != INF
                    }
                };
                if met {
                    ok[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        ok
    }

    fn run(mut self) -> Route {
        let cat = self.cat;
        if self.holdings.is_held(self.goal) {
            return self.route(true, Vec::new(), Vec::new(), None);
        }
        let mut costs = Vec::new();
        self.slot_costs(None, &[], &[], &mut costs);
        let slots = self.goal_tree.slots();
        let mut vals = Vec::new();
        self.goal_tree.eval(
            &costs,
            &Restr::new(slots),
            &mut vals,
            &mut Scratch::default(),
        );
        self.base_vals = vals;
        if self.base_vals.first().copied().unwrap_or(INF) == INF {
            let why = self.why_infeasible(0);
            return self.route(false, Vec::new(), Vec::new(), Some(why));
        }
        let st = State {
            forced: vec![false; self.cands.len()],
            excluded: vec![false; self.cands.len()],
            blocked: vec![false; self.cands.len()],
            restr: Restr::new(slots),
            lambda: vec![0; slots],
            mu: vec![0; self.clauses.len()],
        };
        self.visit(st);
        match self.best.take() {
            Some((order, fills)) => self.route(true, order, fills, None),
            None => {
                let why = match (self.limit_hit, self.prereq_failure) {
                    (true, _) => Infeasibility {
                        part: cat.id(self.goal).to_owned(),
                        label: None,
                        reason: Message::new(MessageId::SearchLimit)
                            .num("nodes", self.explored as f64),
                    },
                    (false, Some(c)) => Infeasibility {
                        part: cat.id(c).to_owned(),
                        label: None,
                        reason: Message::new(MessageId::InfeasiblePrerequisites)
                            .id_arg("credential", cat.id(c)),
                    },
                    (false, None) => Infeasibility {
                        part: cat.id(self.goal).to_owned(),
                        label: None,
                        reason: Message::new(MessageId::InfeasibleSharedCredentials)
                            .id_arg("goal", cat.id(self.goal)),
                    },
                };
                self.route(false, Vec::new(), Vec::new(), Some(why))
            }
        }
    }

    /// Walks down the unrestricted relaxation to the part that can never be met.
    fn why_infeasible(&self, v: u32) -> Infeasibility {
        let cat = self.cat;
        let tree = &self.tree;
        let vals = &self.base_vals;
        let inf = |k: u32| vals.get(k as usize).copied().unwrap_or(INF) == INF;
        let Some(n) = tree.nodes.get(v as usize) else {
            return Infeasibility {
                part: cat.id(self.goal).to_owned(),
                label: None,
                reason: Message::new(MessageId::InfeasibleSharedCredentials)
                    .id_arg("goal", cat.id(self.goal)),
            };
        };
        let part = cat.id(n.owner).to_owned();
        let label = cat.node_label(n.source).cloned();
        let kids = tree.kids(v);
        match n.kind {
            TKind::Leaf {
                target,
                expanded,
                blocked,
            } => {
                if expanded {
                    if let Some(&k) = kids.first() {
                        return self.why_infeasible(k);
                    }
                }
                let reason = match (target, blocked) {
                    (Target::Unknown(u), _) => Message::new(MessageId::InfeasibleUnknownCredential)
                        .id_arg("credential", cat.unknown_id(u)),
                    (Target::Known(c), Some(Blocked::Cycle | Blocked::TooLarge)) => {
                        Message::new(MessageId::InfeasibleCycle).id_arg("credential", cat.id(c))
                    }
                    (Target::Known(c), None) => Message::new(MessageId::InfeasiblePrerequisites)
                        .id_arg("credential", cat.id(c)),
                };
                Infeasibility {
                    part,
                    label: None,
                    reason,
                }
            }
            TKind::Group {
                kind: GroupKind::Credits,
                credits,
                ..
            } => {
                let possible: u64 = kids
                    .iter()
                    .filter(|&&k| !inf(k))
                    .map(|&k| match tree.nodes.get(k as usize).map(|n| n.kind) {
                        Some(TKind::Leaf {
                            target: Target::Known(c),
                            ..
                        }) => cat.credits_scaled(c),
                        _ => 0,
                    })
                    .fold(0, u64::saturating_add);
                Infeasibility {
                    part: part.clone(),
                    label: label.clone(),
                    reason: Message::new(MessageId::InfeasibleNotEnoughCredits)
                        .num("possible", possible as f64 / CREDIT_SCALE)
                        .num("need", credits as f64 / CREDIT_SCALE)
                        .text("label", label.as_ref())
                        .id_arg("owner", part),
                }
            }
            TKind::Group { kind, need, .. } => {
                let possible = kids.iter().filter(|&&k| !inf(k)).count() as u32;
                if kind == GroupKind::All || possible + 1 == need || kids.len() == 1 {
                    if let Some(&k) = kids.iter().find(|&&k| inf(k)) {
                        if kind == GroupKind::All || kids.len() == 1 {
                            return self.why_infeasible(k);
                        }
                    }
                }
                Infeasibility {
                    part: part.clone(),
                    label: label.clone(),
                    reason: Message::new(MessageId::InfeasibleNotEnoughOptions)
                        .num("possible", f64::from(possible))
                        .num("need", f64::from(need))
                        .text("label", label.as_ref())
                        .id_arg("owner", part),
                }
            }
        }
    }

    fn route(
        &self,
        feasible: bool,
        order: Vec<CredIx>,
        fills: Vec<LeafFill>,
        infeasible: Option<Infeasibility>,
    ) -> Route {
        let cat = self.cat;
        let mut total = Totals::default();
        let mut currencies = BTreeSet::new();
        let mut unknown_by_field: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let mut steps = Vec::new();
        for &c in &order {
            let cred = cat.credential(c);
            let num = |o: Objective| value_of(cat, c, o).filter(|v| v.is_finite() && *v >= 0.0);
            for o in Objective::ALL {
                match num(o) {
                    Some(v) => match o {
                        Objective::Cost => total.cost += v,
                        Objective::Hours => total.hours += v,
                        Objective::Credits => total.credits += v,
                        Objective::Weeks => total.weeks += v,
                    },
                    None => unknown_by_field
                        .entry(o.as_str())
                        .or_default()
                        .push(cat.id(c).to_owned()),
                }
            }
            let currency = cred
                .and_then(|x| x.cost.as_ref())
                .map(|c| c.currency.clone());
            if let Some(cur) = &currency {
                currencies.insert(cur.clone());
            }
            let leaf_fills = fills
                .iter()
                .filter(|f| f.creds.contains(&c))
                .map(
                    |f| match self.tree.nodes.get(f.leaf as usize).map(|n| n.kind) {
                        Some(TKind::Leaf { target, .. }) => cat.target_id(target).to_owned(),
                        _ => String::new(),
                    },
                )
                .collect();
            let prerequisite_for = order
                .iter()
                .filter(|&&other| {
                    self.prereq_trees.get(&other).is_some_and(|t| {
                        let mut s = BTreeSet::new();
                        Self::tree_creds(cat, t, &mut s);
                        s.contains(&c)
                    })
                })
                .map(|&o| cat.id(o).to_owned())
                .collect();
            steps.push(RouteStep {
                credential: cat.id(c).to_owned(),
                cost: num(Objective::Cost),
                currency,
                hours: num(Objective::Hours),
                credits: num(Objective::Credits),
                weeks: num(Objective::Weeks),
                fills: leaf_fills,
                prerequisite_for,
            });
        }
        let unknown = unknown_by_field
            .get(self.objective.as_str())
            .cloned()
            .unwrap_or_default();
        Route {
            goal: cat.id(self.goal).to_owned(),
            objective: self.objective,
            feasible,
            already_met: feasible && order.is_empty(),
            optimal: !self.limit_hit,
            add: order.iter().map(|&c| cat.id(c).to_owned()).collect(),
            steps,
            total,
            currency: if currencies.len() == 1 {
                currencies.into_iter().next()
            } else {
                None
            },
            unknown,
            unknown_by_field,
            infeasible,
            explored: self.explored,
        }
    }
}
