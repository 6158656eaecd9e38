//! The goal's requirement tree compiled for the search's hot loop: dense node, option and
//! credential-slot arrays, so that one relaxation of the whole tree is a single allocation-free
//! pass over flat arrays (no maps, no per-leaf vectors, no closures).
//!
//! A *slot* is a credential that some leaf of the goal tree may use (directly or in an
//! equivalence), numbered in feed order. The search prices slots (`cost[slot]`) and restricts
//! where a slot may be used (`Restriction`s); [`Goal::eval`] then gives every node's relaxed
//! minimum and [`Goal::collect`] the fills of the relaxed optimum. Both follow exactly the rules
//! (and tie rules) of the generic relaxation in `relax.rs`.

use crate::catalog::{Catalog, CredIx, GroupKind, Target};
use crate::engine::tree::{TKind, Tree};

use super::relax::{cheapest, gcd, knapsack, knapsack_step};
use super::{add, Planner, Restriction, INF};

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
enum Node {
    /// A leaf with options `opts[start..end]`; `exp` is the root of its expansion, if any.
    Leaf { start: u32, end: u32, exp: u32 },
    /// `all`, `any` or `choose`: the `need` cheapest children.
    Choose { need: u32 },
    /// `credits`: an exact 0/1 knapsack over the children.
    Credits { need: u64 },
}

/// One way to fill a leaf: the credentials `slots[start..end]` (distinct), or impossible when
/// it names an unknown id.
#[derive(Debug, Clone, Copy)]
struct Opt {
    start: u32,
    end: u32,
    unknown: bool,
}

/// The compiled goal tree (same node numbering as the [`Tree`] it was built from).
#[derive(Debug, Clone, Default)]
pub(super) struct Goal {
    nodes: Vec<Node>,
    /// Children of node v: `kids[kid_range[v].0..kid_range[v].1]`; `worth` is aligned with
    /// `kids` (credits of a child leaf, for `credits` groups).
    kid_range: Vec<(u32, u32)>,
    kids: Vec<u32>,
    worth: Vec<u64>,
    opts: Vec<Opt>,
    opt_slots: Vec<u32>,
    /// The credential of each slot, ascending.
    pub(super) slot_cred: Vec<CredIx>,
}

/// Reusable buffers for [`Goal::eval`].
#[derive(Debug, Default)]
pub(super) struct Scratch {
    xs: Vec<u128>,
    dp: Vec<u128>,
}

impl Goal {
    pub(super) fn compile(cat: &Catalog, tree: &Tree) -> Goal {
        let mut g = Goal::default();
        let n = tree.len() as u32;
        let mut options = Vec::with_capacity(tree.len());
        for v in 0..n {
            let opts = Planner::leaf_options(cat, tree, v);
            for (_, ts) in &opts {
                for t in ts {
                    if let Target::Known(c) = t {
                        g.slot_cred.push(*c);
                    }
                }
            }
            options.push(opts);
        }
        g.slot_cred.sort_unstable();
        g.slot_cred.dedup();
        for (v, opts) in (0..n).zip(options) {
            let node = tree.nodes.get(v as usize);
            let kids = tree.kids(v);
            let ks = g.kids.len() as u32;
            for &k in kids {
                g.kids.push(k);
                let worth = match tree.nodes.get(k as usize).map(|n| n.kind) {
                    Some(TKind::Leaf {
                        target: Target::Known(c),
                        ..
                    }) => cat.credits_scaled(c),
                    _ => 0,
                };
                g.worth.push(worth);
            }
            g.kid_range.push((ks, g.kids.len() as u32));
            let compiled = match node.map(|n| n.kind) {
                Some(TKind::Leaf { expanded, .. }) => {
                    let start = g.opts.len() as u32;
                    for (_, ts) in opts {
                        let os = g.opt_slots.len();
                        let mut unknown = false;
                        for t in ts {
                            match t {
                                Target::Known(c) => {
                                    if let Ok(s) = g.slot_cred.binary_search(&c) {
                                        let s = s as u32;
                                        if !g.opt_slots[os..].contains(&s) {
                                            g.opt_slots.push(s);
                                        }
                                    }
                                }
                                Target::Unknown(_) => unknown = true,
                            }
                        }
                        g.opts.push(Opt {
                            start: os as u32,
                            end: g.opt_slots.len() as u32,
                            unknown,
                        });
                    }
                    let exp = match (expanded, kids.first()) {
                        (true, Some(&k)) => k,
                        _ => NONE,
                    };
                    Node::Leaf {
                        start,
                        end: g.opts.len() as u32,
                        exp,
                    }
                }
                Some(TKind::Group {
                    kind: GroupKind::Credits,
                    credits,
                    ..
                }) => Node::Credits { need: credits },
                Some(TKind::Group { need, .. }) => Node::Choose { need },
                None => Node::Choose { need: 0 },
            };
            g.nodes.push(compiled);
        }
        g
    }

    /// Number of slots.
    pub(super) fn slots(&self) -> usize {
        self.slot_cred.len()
    }

    /// The slot of credential `c`, if some leaf may use it.
    pub(super) fn slot_of(&self, c: CredIx) -> Option<u32> {
        self.slot_cred.binary_search(&c).ok().map(|s| s as u32)
    }

    /// The credentials of option `o`.
    pub(super) fn opt_creds(&self, o: u32) -> impl Iterator<Item = u32> + '_ {
        let (s, e) = self
            .opts
            .get(o as usize)
            .map_or((0, 0), |o| (o.start as usize, o.end as usize));
        self.opt_slots.get(s..e).unwrap_or(&[]).iter().copied()
    }

    fn kids_of(&self, v: u32) -> (&[u32], &[u64]) {
        let (s, e) = self
            .kid_range
            .get(v as usize)
            .map_or((0, 0), |&(s, e)| (s as usize, e as usize));
        (
            self.kids.get(s..e).unwrap_or(&[]),
            self.worth.get(s..e).unwrap_or(&[]),
        )
    }

    fn opt_cost(&self, o: &Opt, leaf: u32, cost: &[u128], restr: &Restr) -> u128 {
        if o.unknown {
            return INF;
        }
        let mut total = 0u128;
        for &s in self
            .opt_slots
            .get(o.start as usize..o.end as usize)
            .unwrap_or(&[])
        {
            let c = if restr.blocks(s, leaf) {
                INF
            } else {
                cost.get(s as usize).copied().unwrap_or(INF)
            };
            total = add(total, c);
        }
        total
    }

    /// Relaxed minimum of every node (children before parents) for slot prices `cost`.
    pub(super) fn eval(
        &self,
        cost: &[u128],
        restr: &Restr,
        vals: &mut Vec<u128>,
        sc: &mut Scratch,
    ) {
        vals.clear();
        vals.resize(self.nodes.len(), INF);
        for v in (0..self.nodes.len()).rev() {
            let x = match self.nodes[v] {
                Node::Leaf { start, end, exp } => {
                    let mut best = INF;
                    for o in self.opts.get(start as usize..end as usize).unwrap_or(&[]) {
                        best = best.min(self.opt_cost(o, v as u32, cost, restr));
                    }
                    if exp != NONE {
                        best = best.min(vals.get(exp as usize).copied().unwrap_or(INF));
                    }
                    best
                }
                Node::Choose { need } => {
                    let (kids, _) = self.kids_of(v as u32);
                    if need as usize > kids.len() {
                        INF
                    } else {
                        sc.xs.clear();
                        sc.xs.extend(
                            kids.iter()
                                .map(|&k| vals.get(k as usize).copied().unwrap_or(INF)),
                        );
                        sc.xs.sort_unstable();
                        sc.xs.iter().take(need as usize).fold(0, |a, &b| add(a, b))
                    }
                }
                Node::Credits { need } => {
                    let (kids, worth) = self.kids_of(v as u32);
                    knapsack_value(kids, worth, vals, need, &mut sc.dp)
                }
            };
            vals[v] = x;
        }
    }

    /// The fills (leaf, option) of the relaxed optimum below `v`, in the order of the generic
    /// `relax::collect`.
    pub(super) fn collect(
        &self,
        v: u32,
        vals: &[u128],
        cost: &[u128],
        restr: &Restr,
        out: &mut Vec<(u32, u32)>,
    ) {
        let val = |k: u32| vals.get(k as usize).copied().unwrap_or(INF);
        match self.nodes.get(v as usize).copied() {
            None => {}
            Some(Node::Leaf { start, end, exp }) => {
                let mut best: Option<(u32, u128)> = None;
                for o in start..end {
                    let Some(opt) = self.opts.get(o as usize) else {
                        continue;
                    };
                    let c = self.opt_cost(opt, v, cost, restr);
                    if c != INF && best.is_none_or(|(_, b)| c < b) {
                        best = Some((o, c));
                    }
                }
                let exp = (exp != NONE).then(|| (exp, val(exp)));
                match (best, exp) {
                    (Some((_, c)), Some((k, e))) if e < c => {
                        self.collect(k, vals, cost, restr, out)
                    }
                    (Some((o, _)), _) => out.push((v, o)),
                    (None, Some((k, e))) if e != INF => self.collect(k, vals, cost, restr, out),
                    _ => {}
                }
            }
            Some(Node::Credits { need }) => {
                let (kids, worth) = self.kids_of(v);
                let items: Vec<(u128, u64)> =
                    kids.iter().zip(worth).map(|(&k, &w)| (val(k), w)).collect();
                let (_, chosen) = knapsack(&items, need);
                for i in chosen {
                    if let Some(&k) = kids.get(i) {
                        self.collect(k, vals, cost, restr, out);
                    }
                }
            }
            Some(Node::Choose { need }) => {
                let (kids, _) = self.kids_of(v);
                for i in cheapest(kids.iter().map(|&k| val(k)), need) {
                    if let Some(&k) = kids.get(i) {
                        self.collect(k, vals, cost, restr, out);
                    }
                }
            }
        }
    }
}

/// Where restricted slots may be used: a dense flag per slot and the (few) restrictions.
#[derive(Debug, Clone, Default)]
pub(super) struct Restr {
    flagged: Vec<bool>,
    list: Vec<(u32, Restriction)>,
}

impl Restr {
    pub(super) fn new(slots: usize) -> Restr {
        Restr {
            flagged: vec![false; slots],
            list: Vec::new(),
        }
    }

    pub(super) fn get(&self, s: u32) -> Option<&Restriction> {
        if !self.flagged.get(s as usize).copied().unwrap_or(false) {
            return None;
        }
        self.list.iter().find(|(x, _)| *x == s).map(|(_, r)| r)
    }

    pub(super) fn set(&mut self, s: u32, r: Restriction) {
        if let Some(f) = self.flagged.get_mut(s as usize) {
            *f = true;
        }
        match self.list.iter_mut().find(|(x, _)| *x == s) {
            Some(e) => e.1 = r,
            None => self.list.push((s, r)),
        }
    }

    /// Whether slot `s` may not be used at `leaf`.
    pub(super) fn blocks(&self, s: u32, leaf: u32) -> bool {
        match self.get(s) {
            Some(Restriction::Only(l)) => *l != leaf,
            Some(Restriction::Not(ls)) => ls.contains(&leaf),
            None => false,
        }
    }
}

/// The value of `relax::knapsack` without recording the choice: the cheapest set of children
/// (value, worth) reaching `need` credits.
fn knapsack_value(
    kids: &[u32],
    worth: &[u64],
    vals: &[u128],
    need: u64,
    dp: &mut Vec<u128>,
) -> u128 {
    if need == 0 {
        return 0;
    }
    let item = |i: usize| {
        (
            kids.get(i)
                .and_then(|&k| vals.get(k as usize).copied())
                .unwrap_or(INF),
            worth.get(i).copied().unwrap_or(0),
        )
    };
    let useful = |i: usize| {
        let (c, w) = item(i);
        c != INF && w > 0
    };
    let n = kids.len().min(worth.len());
    let mut g = need;
    let mut total = 0u64;
    for i in (0..n).filter(|&i| useful(i)) {
        let w = item(i).1;
        g = gcd(g, w);
        total = total.saturating_add(w);
    }
    if total < need {
        return INF;
    }
    let g = g.max(1);
    let cap = need.div_ceil(g) as usize;
    dp.clear();
    dp.resize(cap + 1, INF);
    dp[0] = 0;
    for i in (0..n).filter(|&i| useful(i)) {
        let (c, w) = item(i);
        knapsack_step(dp, (w / g) as usize, c, |_, _| {});
    }
    dp[cap]
}
