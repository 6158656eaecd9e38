//! The search: one node of the branch and bound (`Planner::visit`: the Lagrangian bound with its
//! subgradient steps, the count bound, pruning, branching) and the helpers it prices slots,
//! clauses and prerequisites with. The method is described in the module doc of `plan`.

use std::collections::BTreeSet;

use crate::catalog::CredIx;
use crate::engine::evaluate::assign;

use super::goal::Scratch;
use super::prereq::Clause;
use super::relax::{collect, relax_all};
use super::{add, LeafFill, Planner, Restriction, State, COUNT_STEPS, INF, NODE_STEPS, ROOT_STEPS};

/// What bounding one node leaves for branching.
struct NodeBound {
    /// A lower bound on the key of every route below the node.
    lb: u128,
    /// The relaxed route at the last prices: (leaf, option) pairs.
    fills: Vec<(u32, u32)>,
    /// How many leaves of the relaxed route each goal-tree slot fills.
    uses: Vec<u32>,
    /// The slot prices of the last step, by which the children are ordered.
    costs: Vec<u128>,
    /// Buffers of [`super::goal::Goal::eval`], reused when ordering the children.
    vals: Vec<u128>,
    sc: Scratch,
}

impl Planner<'_> {
    /// A slot's cost before restrictions and multipliers: 0 when held or taken, its key when it
    /// may be added, INF when it cannot be.
    fn slot_base(&self, st: Option<&State>, s: usize) -> u128 {
        let Some(&c) = self.goal_tree.slot_cred.get(s) else {
            return INF;
        };
        if self.holdings.is_held(c) {
            return 0;
        }
        match self.slot_cand.get(s).copied().flatten() {
            Some(i) => {
                if !self.takeable.get(i).copied().unwrap_or(false) {
                    return INF;
                }
                if let Some(st) = st {
                    if st.excluded.get(i).copied().unwrap_or(false)
                        || st.blocked.get(i).copied().unwrap_or(false)
                    {
                        return INF;
                    }
                    if st.forced.get(i).copied().unwrap_or(false) {
                        return 0;
                    }
                }
                self.keys.get(i).copied().unwrap_or(INF)
            }
            None => INF,
        }
    }

    /// Every slot's price in the relaxation: its base cost, moved by the prerequisite clauses'
    /// multipliers (`pin`, `pout`: what a candidate gives to and takes from them, empty when
    /// none), plus its own multiplier.
    pub(super) fn slot_costs(
        &self,
        st: Option<&State>,
        pin: &[u128],
        pout: &[u128],
        out: &mut Vec<u128>,
    ) {
        out.clear();
        for s in 0..self.goal_tree.slots() {
            let mut base = self.slot_base(st, s);
            if let (Some(i), Some(st)) = (self.slot_cand.get(s).copied().flatten(), st) {
                if base != INF && !st.forced.get(i).copied().unwrap_or(false) {
                    let gain = pout.get(i).copied().unwrap_or(0);
                    let give = pin.get(i).copied().unwrap_or(0);
                    base = add(base, gain).saturating_sub(give);
                }
            }
            let l = st.and_then(|st| st.lambda.get(s).copied()).unwrap_or(0);
            out.push(if base != INF && l > 0 {
                add(base, l)
            } else {
                base
            });
        }
    }

    /// The least key at or above `lb` that a route can have: a route of n credentials (n < m)
    /// with scaled values summing to W (a multiple of `grain`) has key W·m + n.
    ///
    /// With `n_lb` a lower bound on the number of credentials of any route here, a route of
    /// value W = w (the least value allowed by `lb`) has key at least w·m + n_lb, and a route of
    /// a greater value a key above that (n_lb < m); so the bound is max(lb, w·m + n_lb).
    fn round_up(&self, lb: u128, n_lb: u128) -> u128 {
        if lb == INF || n_lb == INF {
            return INF;
        }
        let m = self.m;
        // W ≥ (lb − (m − 1)) / m, rounded up to a multiple of grain.
        let w = lb.saturating_sub(m - 1).div_ceil(m);
        let w = if self.grain == 0 {
            0
        } else {
            w.div_ceil(self.grain).saturating_mul(self.grain)
        };
        lb.max(w.saturating_mul(m).saturating_add(n_lb.min(m - 1)))
    }

    /// A lower bound on the number of credentials of any route in this subtree: those taken
    /// plus the relaxation's fewest further credentials (unit prices, held ones free).
    ///
    /// Free credentials (held or taken) may fill only one leaf each: a few subgradient steps
    /// price their extra uses (multipliers in whole credentials, Σλ subtracted).
    fn count_bound(&self, st: &State, vals: &mut Vec<u128>, sc: &mut Scratch) -> u128 {
        let slots = self.goal_tree.slots();
        let unit: Vec<u128> = (0..slots)
            .map(|s| match self.slot_base(Some(st), s) {
                INF => INF,
                0 => 0,
                _ => 1,
            })
            .collect();
        let forced = st.forced.iter().filter(|&&f| f).count() as u128;
        let mut lam = vec![0u128; slots];
        let mut costs = unit.clone();
        let mut fills = Vec::new();
        let mut uses = vec![0u32; slots];
        let mut best = 0u128;
        let steps = COUNT_STEPS;
        for step in 0..=steps {
            for s in 0..slots {
                costs[s] = if unit[s] == INF {
                    INF
                } else {
                    unit[s] + lam[s]
                };
            }
            self.goal_tree.eval(&costs, &st.restr, vals, sc);
            let root = vals.first().copied().unwrap_or(INF);
            if root == INF {
                return INF;
            }
            let lb = root.saturating_sub(lam.iter().sum::<u128>());
            best = best.max(lb);
            if step == steps {
                break;
            }
            fills.clear();
            self.goal_tree
                .collect(0, vals, &costs, &st.restr, &mut fills);
            uses.iter_mut().for_each(|u| *u = 0);
            for &(_, o) in &fills {
                for s in self.goal_tree.opt_creds(o) {
                    if let Some(u) = uses.get_mut(s as usize) {
                        *u += 1;
                    }
                }
            }
            let mut moved = false;
            for s in 0..slots {
                if unit[s] == 0 && uses[s] > 1 {
                    lam[s] += 1;
                    moved = true;
                } else if uses[s] == 0 && lam[s] > 0 {
                    lam[s] -= 1;
                    moved = true;
                }
            }
            if !moved {
                break;
            }
        }
        add(forced, best)
    }

    fn forced_key(&self, st: &State) -> u128 {
        st.forced
            .iter()
            .zip(&self.keys)
            .filter(|(f, _)| **f)
            .fold(0, |a, (_, k)| add(a, *k))
    }

    /// One node of the branch and bound: prune it, bound it, then branch (or, when its relaxed
    /// route is a real route, keep it as the best so far).
    pub(super) fn visit(&mut self, mut st: State) {
        if self.pruned_before_bound(&st) {
            return;
        }
        let Some(bound) = self.bound(&mut st) else {
            return;
        };
        match self.conflict(&bound) {
            Some(slot) => self.branch_on_shared_slot(st, slot, bound),
            None => self.keep_or_branch_on_prerequisites(st, &bound),
        }
    }

    /// Counts the node, and whether it can be dropped before it is bounded: the node limit is
    /// reached, or a credential taken has prerequisites that can no longer be met.
    fn pruned_before_bound(&mut self, st: &State) -> bool {
        if self.explored >= self.node_limit {
            self.limit_hit = true;
            return true;
        }
        self.explored += 1;
        st.forced.iter().zip(&st.blocked).any(|(f, b)| *f && *b)
    }

    /// The node's Lagrangian bound, or `None` when the node is pruned (no route below it, or
    /// none that can beat the best found).
    ///
    /// The relaxation may use a credential at several leaves; pricing each use of a
    /// conflicting credential by a multiplier λ ≥ 0 and subtracting Σλ keeps a valid lower
    /// bound (a route uses each credential at most once) that is much tighter when credentials
    /// are shared. Subgradient steps, warm-started from the parent's λ (and the prerequisite
    /// clauses' μ, see `prereq.rs`).
    fn bound(&self, st: &mut State) -> Option<NodeBound> {
        let forced_key = self.forced_key(st);
        let max_steps = if self.explored == 1 {
            ROOT_STEPS
        } else {
            NODE_STEPS
        };
        let slots = self.goal_tree.slots();
        let mut b = NodeBound {
            lb: 0,
            fills: Vec::new(),
            uses: vec![0u32; slots],
            costs: Vec::with_capacity(slots),
            vals: Vec::with_capacity(self.tree.len()),
            sc: Scratch::default(),
        };
        let (mut steps, mut best_lb, mut halvings) = (0u32, 0u128, 0u32);
        let n_c = self.cands.len();
        let mut pin = vec![0u128; n_c];
        let mut pout = vec![0u128; n_c];
        let active = self.activate_clauses(st);
        let mut y = vec![false; n_c];
        let mut g: Vec<i64> = vec![0; self.clauses.len()];
        let n_lb = self.count_bound(st, &mut b.vals, &mut b.sc);
        if n_lb == INF {
            return None;
        }
        loop {
            let mu_const = self.reduced_costs(st, &mut pin, &mut pout);
            self.slot_costs(Some(st), &pin, &pout, &mut b.costs);
            self.goal_tree
                .eval(&b.costs, &st.restr, &mut b.vals, &mut b.sc);
            let root = b.vals.first().copied().unwrap_or(INF);
            if root == INF {
                return None;
            }
            let lambda_sum = st.lambda.iter().fold(0u128, |a, &l| add(a, l));
            let lb = add(add(forced_key, root), mu_const).saturating_sub(lambda_sum);
            if self.round_up(lb, n_lb) >= self.best_key {
                return None;
            }
            b.lb = lb;
            self.relaxed_route(st, &mut b);
            let (violated, slack) = self.clause_subgradients(st, &active, &b.uses, &mut y, &mut g);
            let over = b.uses.iter().filter(|&&u| u > 1).count();
            let idle = st
                .lambda
                .iter()
                .zip(&b.uses)
                .filter(|(l, u)| **l > 0 && **u == 0)
                .count();
            if over == 0 && violated == 0 {
                if idle == 0 && slack == 0 {
                    // Conflict-free, no clause violated, and every multiplier's constraint
                    // tight: the bound is the relaxed route's exact cost.
                    return Some(b);
                }
                // Conflict-free, but the bound still counts multipliers of constraints that
                // are slack: drop them, so that the bound becomes exact (or a conflict shows
                // again).
                for (l, &u) in st.lambda.iter_mut().zip(&b.uses) {
                    if u == 0 {
                        *l = 0;
                    }
                }
                for (m, &gk) in st.mu.iter_mut().zip(&g) {
                    if gk < 0 {
                        *m = 0;
                    }
                }
                continue;
            }
            if steps >= max_steps {
                return Some(b);
            }
            steps += 1;
            if lb > best_lb {
                best_lb = lb;
            } else {
                halvings += 1;
            }
            let step = self.step_size(st, &b, &g, idle, halvings);
            self.move_multipliers(st, &b.uses, &g, step, &mut pin);
        }
    }

    /// Which prerequisite clauses can still be violated in this subtree; the others' μ is 0.
    fn activate_clauses(&self, st: &mut State) -> Vec<bool> {
        let mut active = vec![false; self.clauses.len()];
        for (k, cl) in self.clauses.iter().enumerate() {
            active[k] = self.clause_active(st, cl);
            if !active[k] {
                st.mu[k] = 0;
            }
        }
        active
    }

    /// Reduced costs: each clause moves μ from its prerequisites (`pin`) to its dependant
    /// (`pout`); a dependant already taken adds μ to the bound directly, which is returned.
    fn reduced_costs(&self, st: &State, pin: &mut [u128], pout: &mut [u128]) -> u128 {
        pin.iter_mut().for_each(|x| *x = 0);
        pout.iter_mut().for_each(|x| *x = 0);
        let mut mu_const = 0u128;
        for (cl, &m) in self.clauses.iter().zip(&st.mu) {
            if m == 0 {
                continue;
            }
            for &p in &cl.ps {
                if self.available(st, p) {
                    pin[p] = add(pin[p], m);
                }
            }
            if st.forced[cl.owner] {
                mu_const = add(mu_const, m);
            } else {
                pout[cl.owner] = add(pout[cl.owner], m);
            }
        }
        mu_const
    }

    /// The relaxed route at the current prices (its leaf fills), and the uses of each slot: the
    /// number of leaves it fills (each leaf is filled once).
    fn relaxed_route(&self, st: &State, b: &mut NodeBound) {
        b.fills.clear();
        self.goal_tree
            .collect(0, &b.vals, &b.costs, &st.restr, &mut b.fills);
        b.uses.iter_mut().for_each(|u| *u = 0);
        for &(_, o) in &b.fills {
            for s in self.goal_tree.opt_creds(o) {
                if let Some(u) = b.uses.get_mut(s as usize) {
                    *u += 1;
                }
            }
        }
    }

    /// Each active clause's subgradient `y_owner − Σ y_p` into `g`, where `y` (filled here)
    /// says which candidates the relaxed route adds (> 0: violated; < 0 with μ > 0: slack).
    /// Returns the numbers of violated and of slack clauses.
    fn clause_subgradients(
        &self,
        st: &State,
        active: &[bool],
        uses: &[u32],
        y: &mut [bool],
        g: &mut [i64],
    ) -> (usize, usize) {
        for (i, yi) in y.iter_mut().enumerate() {
            *yi = st.forced[i]
                || self
                    .cand_slot
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|s| uses.get(s as usize).is_some_and(|&u| u > 0));
        }
        let (mut violated, mut slack) = (0usize, 0usize);
        for (k, cl) in self.clauses.iter().enumerate() {
            if !active[k] {
                g[k] = 0;
                continue;
            }
            let mut gk = i64::from(y[cl.owner]);
            for &p in &cl.ps {
                if y[p] && self.available(st, p) {
                    gk -= 1;
                }
            }
            g[k] = gk;
            if gk > 0 {
                violated += 1;
            } else if gk < 0 && st.mu[k] > 0 {
                slack += 1;
            }
        }
        (violated, slack)
    }

    /// The subgradient step: the gap to the best route found (or, before one is found, the
    /// largest price at stake), halved after every step that did not raise the bound, over
    /// the subgradient's squared norm.
    fn step_size(&self, st: &State, b: &NodeBound, g: &[i64], idle: usize, halvings: u32) -> u128 {
        let norm: u128 = b
            .uses
            .iter()
            .filter(|&&u| u > 1)
            .map(|&u| u128::from(u - 1).pow(2))
            .sum::<u128>()
            + idle as u128
            + g.iter()
                .zip(&st.mu)
                .filter(|(gk, m)| **gk > 0 || (**gk < 0 && **m > 0))
                .map(|(gk, _)| u128::from(gk.unsigned_abs()).pow(2))
                .sum::<u128>();
        let gap = if self.best_key != INF {
            self.best_key - b.lb
        } else {
            let shared = (0..b.uses.len())
                .filter(|&s| b.uses[s] > 1)
                .map(|s| self.gap_cost(st, s));
            let prereqs = self
                .clauses
                .iter()
                .zip(g)
                .filter(|(_, gk)| **gk > 0)
                .flat_map(|(cl, _)| cl.ps.iter())
                .filter(|&&p| self.available(st, p))
                .map(|&p| self.keys.get(p).copied().unwrap_or(INF));
            shared
                .chain(prereqs)
                .filter(|&k| k != INF)
                .max()
                .unwrap_or(1)
        };
        let step = (gap >> halvings.min(60)) / norm.max(1);
        step.max(1)
    }

    /// Moves λ and μ along the subgradient by `step`, then caps each μ so that every reduced
    /// cost stays non-negative: a prerequisite gives away at most its key (`pin` is scratch).
    fn move_multipliers(
        &self,
        st: &mut State,
        uses: &[u32],
        g: &[i64],
        step: u128,
        pin: &mut [u128],
    ) {
        for (l, &u) in st.lambda.iter_mut().zip(uses) {
            if u > 1 {
                *l = add(*l, step.saturating_mul(u128::from(u - 1)));
            } else if u == 0 && *l > 0 {
                *l = l.saturating_sub(step);
            }
        }
        for (m, &gk) in st.mu.iter_mut().zip(g) {
            let d = step.saturating_mul(u128::from(gk.unsigned_abs()));
            if gk > 0 {
                *m = add(*m, d);
            } else if gk < 0 {
                *m = m.saturating_sub(d);
            }
        }
        pin.iter_mut().for_each(|x| *x = 0);
        for (k, cl) in self.clauses.iter().enumerate() {
            if st.mu[k] == 0 {
                continue;
            }
            let room = cl
                .ps
                .iter()
                .filter(|&&p| self.available(st, p))
                .map(|&p| {
                    self.keys
                        .get(p)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(pin[p])
                })
                .min()
                .unwrap_or(0);
            st.mu[k] = st.mu[k].min(room);
            for &p in &cl.ps {
                if self.available(st, p) {
                    pin[p] = add(pin[p], st.mu[k]);
                }
            }
        }
    }

    /// The first slot, in the relaxed route's order, that fills more than one leaf.
    fn conflict(&self, b: &NodeBound) -> Option<u32> {
        b.fills
            .iter()
            .flat_map(|&(_, o)| self.goal_tree.opt_creds(o))
            .find(|&s| b.uses.get(s as usize).is_some_and(|&u| u > 1))
    }

    /// Branches on a slot the relaxed route uses at several leaves: one child per such leaf
    /// where the slot may fill only that leaf, and one where it may fill none of them.
    fn branch_on_shared_slot(&mut self, st: State, s: u32, mut b: NodeBound) {
        let leaves: Vec<u32> = b
            .fills
            .iter()
            .filter(|&&(_, o)| self.goal_tree.opt_creds(o).any(|x| x == s))
            .map(|&(leaf, _)| leaf)
            .collect();
        let mut children: Vec<State> = Vec::with_capacity(leaves.len() + 1);
        for &l in &leaves {
            let mut child = st.clone();
            child.restr.set(s, Restriction::Only(l));
            children.push(child);
        }
        let mut child = st;
        let mut not = match child.restr.get(s) {
            Some(Restriction::Not(ls)) => ls.clone(),
            _ => Vec::new(),
        };
        not.extend(leaves);
        not.sort_unstable();
        not.dedup();
        child.restr.set(s, Restriction::Not(not));
        children.push(child);
        // Most promising child first (the parent's prices with the child's restriction; ties
        // keep the order above), so that good routes are found early.
        let mut keyed: Vec<(u128, State)> = children
            .into_iter()
            .map(|c| {
                self.goal_tree
                    .eval(&b.costs, &c.restr, &mut b.vals, &mut b.sc);
                (b.vals.first().copied().unwrap_or(INF), c)
            })
            .collect();
        keyed.sort_by_key(|(k, _)| *k);
        for (_, child) in keyed {
            self.visit(child);
        }
    }

    /// The relaxed route uses each credential once: it is the best route so far when the
    /// prerequisites of what it adds can be put in order; otherwise branch on a prerequisite.
    fn keep_or_branch_on_prerequisites(&mut self, st: State, b: &NodeBound) {
        let mut set: BTreeSet<CredIx> = BTreeSet::new();
        for (i, &c) in self.cands.iter().enumerate() {
            if st.forced[i] {
                set.insert(c);
            }
        }
        for &(_, o) in &b.fills {
            for s in self.goal_tree.opt_creds(o) {
                if let Some(&c) = self.goal_tree.slot_cred.get(s as usize) {
                    if !self.holdings.is_held(c) {
                        set.insert(c);
                    }
                }
            }
        }
        match self.prereq_order(&set) {
            Ok(order) => {
                self.best_key = b.lb;
                let fills = b
                    .fills
                    .iter()
                    .map(|&(leaf, o)| LeafFill {
                        leaf,
                        creds: self
                            .goal_tree
                            .opt_creds(o)
                            .filter_map(|s| self.goal_tree.slot_cred.get(s as usize).copied())
                            .collect(),
                    })
                    .collect();
                self.best = Some((order, fills));
            }
            Err(failing) => self.branch_on_prerequisite(st, &failing),
        }
    }

    /// Branches on a prerequisite first (take it, or never take it: then every credential that
    /// needs it is blocked and the bound sees it); only when the failing credentials'
    /// prerequisite trees have nothing left to decide, on a failing credential itself.
    fn branch_on_prerequisite(&mut self, st: State, failing: &[CredIx]) {
        if self.prereq_failure.is_none() {
            self.prereq_failure = failing.first().copied();
        }
        let pick = self.prereq_branch_var(&st, failing).or_else(|| {
            failing.iter().copied().find(|&c| {
                self.local(c)
                    .is_some_and(|i| !st.forced.get(i).copied().unwrap_or(true))
            })
        });
        let Some(p) = pick else { return };
        let Some(i) = self.local(p) else { return };
        let mut with = st.clone();
        with.forced[i] = true;
        self.visit(with);
        let mut without = st;
        without.excluded[i] = true;
        let startable = self.startable(&without.excluded);
        for (b, ok) in without.blocked.iter_mut().zip(startable) {
            *b = !ok;
        }
        self.visit(without);
    }

    /// Whether candidate `i` may still be added in this subtree.
    fn available(&self, st: &State, i: usize) -> bool {
        self.takeable.get(i).copied().unwrap_or(false)
            && !st.excluded.get(i).copied().unwrap_or(true)
            && !st.blocked.get(i).copied().unwrap_or(true)
    }

    /// Whether a clause still says something: its dependant may be (or is) added, none of its
    /// prerequisites is taken yet, and one of them may still be.
    fn clause_active(&self, st: &State, cl: &Clause) -> bool {
        let owner_ok =
            st.forced.get(cl.owner).copied().unwrap_or(false) || self.available(st, cl.owner);
        owner_ok
            && !cl
                .ps
                .iter()
                .any(|&p| st.forced.get(p).copied().unwrap_or(false))
            && cl.ps.iter().any(|&p| self.available(st, p))
    }

    /// A slot's cost for the step size before an incumbent exists (as the first search did:
    /// restrictions read against the root).
    fn gap_cost(&self, st: &State, s: usize) -> u128 {
        if st.restr.blocks(s as u32, 0) {
            return INF;
        }
        self.slot_base(Some(st), s)
    }
    fn prereq_branch_var(&self, st: &State, failing: &[CredIx]) -> Option<CredIx> {
        let undecided = |c: CredIx| {
            self.local(c).is_some_and(|i| {
                !st.forced[i]
                    && !st.excluded[i]
                    && !st.blocked[i]
                    && self.takeable.get(i).copied().unwrap_or(false)
            })
        };
        let free_cost = |_: u32, c: CredIx| -> u128 {
            if self.holdings.is_held(c) {
                return 0;
            }
            match self.local(c) {
                Some(i) if st.forced[i] => 0,
                Some(i)
                    if !st.excluded[i]
                        && !st.blocked[i]
                        && self.takeable.get(i).copied().unwrap_or(false) =>
                {
                    self.keys.get(i).copied().unwrap_or(INF)
                }
                _ => INF,
            }
        };
        for a in failing {
            if let Some(t) = self.prereq_trees.get(a) {
                let vals = relax_all(self.cat, t, &free_cost);
                let mut fills = Vec::new();
                collect(self.cat, t, 0, &vals, &free_cost, &mut fills);
                if let Some(c) = fills
                    .iter()
                    .flat_map(|f| f.creds.iter())
                    .copied()
                    .find(|&c| undecided(c))
                {
                    return Some(c);
                }
            }
        }
        for a in failing {
            if let Some(t) = self.prereq_trees.get(a) {
                let mut creds = BTreeSet::new();
                Self::tree_creds(self.cat, t, &mut creds);
                if let Some(c) = creds.into_iter().find(|&c| undecided(c)) {
                    return Some(c);
                }
            }
        }
        None
    }

    /// Orders `set` so that each credential's prerequisites are met by held credentials plus
    /// those before it (feed order among the ready ones), or returns the ones that never are.
    fn prereq_order(&self, set: &BTreeSet<CredIx>) -> Result<Vec<CredIx>, Vec<CredIx>> {
        let mut held = self.holdings.held.clone();
        let mut left: Vec<CredIx> = set.iter().copied().collect();
        let mut order = Vec::new();
        loop {
            let ready = left.iter().position(|&c| match self.prereq_trees.get(&c) {
                None => true,
                Some(t) => assign(self.cat, t, &held).satisfied,
            });
            match ready {
                Some(i) => {
                    let c = left.remove(i);
                    if let Some(slot) = held.get_mut(c as usize) {
                        *slot = true;
                    }
                    order.push(c);
                }
                None => break,
            }
        }
        if left.is_empty() {
            Ok(order)
        } else {
            Err(left)
        }
    }
}
