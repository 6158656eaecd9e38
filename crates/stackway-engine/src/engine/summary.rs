//! The overview numbers of progress (satisfied, held, fraction) for every stackable credential,
//! computed by a lean exact evaluator: the numbers are those of the full [`Progress`] report
//! (`crate::engine::progress`), without building trees, remaining groups, uses or explanations.
//!
//! Method, per goal, with buffers reused across goals (no per-node allocation):
//! 1. The goal's requirements are expanded with [`Tree::build`]'s own rules (`tree::node_kind`,
//!    `tree::expansion`, `tree::too_big`) into a flat preorder arena of plain `Copy` nodes: a subtree is the range
//!    `v..end`, and the children of `v` are `v + 1`, then each child's `end`.
//! 2. Every held credential is counted over the fill options of the leaves (the credential
//!    itself, or an applicable equivalence). When no held credential can fill two places, the
//!    assignment is uncontested and filling every fillable leaf is optimal at every node at once
//!    (filling more leaves never lowers a node), so satisfied and remaining units come from one
//!    bottom-up pass with the same formulas as the report.
//! 3. Otherwise (a held credential is contested in this goal), the goal falls back to the exact
//!    assignment of [`crate::engine::evaluate`] and the report's own arithmetic.
//!
//! `tests/engine_props.rs` checks on random feeds that every summary equals the full report.

use crate::catalog::{Catalog, CredIx, GroupKind, ReqNode, Target};
use crate::engine::evaluate::credits_rem;
use crate::engine::holdings::Holdings;
use crate::engine::report::{evaluate_goal, Report};
use crate::engine::tree::{self, TKind};
use crate::engine::{resolve, EngineError};
use crate::record::Record;

#[cfg(doc)]
use crate::engine::{progress::Progress, tree::Tree};

/// The overview of progress toward one goal: the `satisfied`, `held` and `fraction` fields of
/// the full [`Progress`] report, identical to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProgressSummary {
    /// The goal (use [`Catalog::id`] for its id).
    pub goal: CredIx,
    /// Met: held directly, or its requirements are met.
    pub satisfied: bool,
    /// The goal itself is in the record (unexpired) or planned.
    pub held: bool,
    /// Fraction complete in [0, 1] (docs/semantics.md); 1 exactly when satisfied.
    pub fraction: f64,
}

/// The summary of progress toward `goal` for `record`.
pub fn progress_summary(
    cat: &Catalog,
    record: &Record,
    goal: &str,
) -> Result<ProgressSummary, EngineError> {
    let g = resolve(cat, goal)?;
    let holdings = Holdings::new(cat, record);
    Ok(Summarizer::new(cat, &holdings).summary(g))
}

/// The summary of progress toward every stackable credential, in feed order (the same goals,
/// in the same order, as [`crate::engine::progress_all`]).
pub fn progress_summary_all(cat: &Catalog, record: &Record) -> Vec<ProgressSummary> {
    let holdings = Holdings::new(cat, record);
    summaries(cat, &holdings)
}

/// [`progress_summary_all`] for a record already resolved against the catalog.
pub fn summaries(cat: &Catalog, holdings: &Holdings) -> Vec<ProgressSummary> {
    let mut s = Summarizer::new(cat, holdings);
    cat.stackables().map(|g| s.summary(g)).collect()
}

/// [`summaries`] for the `goals` given only (stackable credentials; others are summarised as
/// their requirements, which is none), in their order, sharing one summariser's buffers.
pub fn summaries_of(cat: &Catalog, holdings: &Holdings, goals: &[CredIx]) -> Vec<ProgressSummary> {
    let mut s = Summarizer::new(cat, holdings);
    goals.iter().map(|&g| s.summary(g)).collect()
}

#[derive(Debug, Clone, Copy)]
struct LNode {
    kind: TKind,
    owner: CredIx,
    end: u32,
}

/// Reusable buffers for summarising many goals.
struct Summarizer<'a> {
    cat: &'a Catalog,
    holdings: &'a Holdings,
    nodes: Vec<LNode>,
    path: Vec<CredIx>,
    /// Per credential: how many fill options of the current tree use it.
    occ: Vec<u32>,
    /// Credentials whose `occ` is non-zero (to reset it).
    touched: Vec<CredIx>,
    /// Per node: whether the leaf can be filled.
    fillable: Vec<bool>,
    sat: Vec<bool>,
    /// Per node: satisfied with no fills (the report's totals pass).
    sat0: Vec<bool>,
    rem: Vec<f64>,
    total: Vec<f64>,
    scratch: Vec<f64>,
}

impl<'a> Summarizer<'a> {
    fn new(cat: &'a Catalog, holdings: &'a Holdings) -> Self {
        Summarizer {
            cat,
            holdings,
            nodes: Vec::new(),
            path: Vec::new(),
            occ: vec![0; cat.len()],
            touched: Vec::new(),
            fillable: Vec::new(),
            sat: Vec::new(),
            sat0: Vec::new(),
            rem: Vec::new(),
            total: Vec::new(),
            scratch: Vec::new(),
        }
    }

    fn summary(&mut self, goal: CredIx) -> ProgressSummary {
        let held = self.holdings.is_held(goal);
        let Some(root) = self.cat.requires(goal) else {
            return ProgressSummary {
                goal,
                satisfied: held,
                held,
                fraction: if held { 1.0 } else { 0.0 },
            };
        };
        self.nodes.clear();
        self.path.clear();
        self.path.push(goal);
        self.expand(root, goal, 0);
        let (sat, frac) = if self.count_options() {
            self.fast()
        } else {
            let ev = evaluate_goal(self.cat, self.holdings, goal);
            let report = Report::new(self.cat, &ev, self.holdings);
            (
                ev.assignment.satisfied,
                report.frac.first().copied().unwrap_or(0.0),
            )
        };
        let satisfied = held || sat;
        ProgressSummary {
            goal,
            satisfied,
            held,
            fraction: if satisfied { 1.0 } else { frac },
        }
    }

    /// Mirrors `Tree::expand` (the same nodes in the same preorder).
    fn expand(&mut self, node: u32, owner: CredIx, depth: u32) {
        let cat = self.cat;
        let me = self.nodes.len();
        self.nodes.push(LNode {
            kind: tree::node_kind(cat, node),
            owner,
            end: me as u32 + 1,
        });
        let too_big = tree::too_big(self.nodes.len(), depth);
        match cat.node(node) {
            // Too large to expand: the group keeps no children (as in `Tree::build`).
            Some(ReqNode::Group { start, end, .. }) if !too_big => {
                for &k in cat.children_of(*start, *end) {
                    self.expand(k, owner, depth + 1);
                }
            }
            Some(ReqNode::Leaf(Target::Known(c))) => {
                let c = *c;
                let is_held = self.holdings.is_held(c);
                if let Some(expansion) = tree::expansion(cat, c, is_held, &self.path, too_big) {
                    if let Ok(sub) = expansion {
                        self.path.push(c);
                        self.expand(sub, c, depth + 1);
                        self.path.pop();
                    }
                    if let Some(n) = self.nodes.get_mut(me) {
                        n.kind = TKind::Leaf {
                            target: Target::Known(c),
                            expanded: expansion.is_ok(),
                            blocked: expansion.err(),
                        };
                    }
                }
            }
            _ => {}
        }
        let end = self.nodes.len() as u32;
        if let Some(n) = self.nodes.get_mut(me) {
            n.end = end;
        }
    }

    /// Marks fillable leaves and counts, per held credential, the fill options that use it (as
    /// `evaluate::assign` does). Returns whether no held credential is contested.
    fn count_options(&mut self) -> bool {
        let cat = self.cat;
        let held = &self.holdings.held;
        let is_held = |x: CredIx| held.get(x as usize).copied().unwrap_or(false);
        self.fillable.clear();
        self.fillable.resize(self.nodes.len(), false);
        let mut uncontested = true;
        for (v, n) in self.nodes.iter().enumerate() {
            let TKind::Leaf {
                target: Target::Known(c),
                expanded,
                ..
            } = n.kind
            else {
                continue;
            };
            let mut any = false;
            if is_held(c) && !expanded {
                any = true;
                bump(&mut self.occ, &mut self.touched, &mut uncontested, c);
            }
            for &e in cat.equivalences_for(c) {
                let Some(eq) = cat.equivalences().get(e as usize) else {
                    continue;
                };
                if eq.holding.is_empty() || !eq.applies_within(n.owner) {
                    continue;
                }
                let ok = eq
                    .holding
                    .iter()
                    .all(|h| matches!(h, Target::Known(h) if is_held(*h)));
                if !ok {
                    continue;
                }
                any = true;
                // Each distinct credential of the option counts once.
                for (i, h) in eq.holding.iter().enumerate() {
                    if let Target::Known(h) = h {
                        if !eq.holding[..i].contains(&Target::Known(*h)) {
                            bump(&mut self.occ, &mut self.touched, &mut uncontested, *h);
                        }
                    }
                }
            }
            if let Some(slot) = self.fillable.get_mut(v) {
                *slot = any;
            }
        }
        for &c in &self.touched {
            if let Some(o) = self.occ.get_mut(c as usize) {
                *o = 0;
            }
        }
        self.touched.clear();
        uncontested
    }

    /// Satisfied and fraction with every fillable leaf filled (the uncontested case), using the
    /// report's formulas (`Report::compute`) so that the numbers are bit-for-bit the same.
    fn fast(&mut self) -> (bool, f64) {
        let n = self.nodes.len();
        self.sat.clear();
        self.sat.resize(n, false);
        self.sat0.clear();
        self.sat0.resize(n, false);
        self.rem.clear();
        self.rem.resize(n, 0.0);
        self.total.clear();
        self.total.resize(n, 0.0);
        for v in (0..n).rev() {
            let node = self.nodes[v];
            let filled = self.fillable.get(v).copied().unwrap_or(false);
            let (s, r, s0, t) = match node.kind {
                TKind::Leaf { expanded, .. } => {
                    let k = v + 1;
                    let (ks, kr, ks0, kt) = if expanded && k < n {
                        (self.sat[k], self.rem[k], self.sat0[k], self.total[k])
                    } else {
                        (false, 1.0, false, 1.0)
                    };
                    let (s, r) = if filled {
                        (true, 0.0)
                    } else if expanded {
                        (ks, kr)
                    } else {
                        (false, 1.0)
                    };
                    let (s0, t) = if expanded { (ks0, kt) } else { (false, 1.0) };
                    (s, r, s0, t)
                }
                TKind::Group {
                    kind: GroupKind::Credits,
                    credits: need,
                    ..
                } => {
                    let (mut largest, mut got, mut got0) = (0u64, 0u64, 0u64);
                    let mut k = v + 1;
                    while k < node.end as usize {
                        let worth = match self.nodes[k].kind {
                            TKind::Leaf {
                                target: Target::Known(c),
                                ..
                            } => self.cat.credits_scaled(c),
                            _ => 0,
                        };
                        largest = largest.max(worth);
                        if self.sat[k] {
                            got = got.saturating_add(worth);
                        }
                        if self.sat0[k] {
                            got0 = got0.saturating_add(worth);
                        }
                        k = self.nodes[k].end as usize;
                    }
                    (
                        got >= need,
                        credits_rem(got, need, largest),
                        got0 >= need,
                        credits_rem(got0, need, largest),
                    )
                }
                TKind::Group { need, .. } => {
                    let (mut nsat, mut nsat0, mut count) = (0u32, 0u32, 0u32);
                    self.scratch.clear();
                    let mut k = v + 1;
                    while k < node.end as usize {
                        nsat += u32::from(self.sat[k]);
                        nsat0 += u32::from(self.sat0[k]);
                        count += 1;
                        self.scratch.push(self.rem[k]);
                        k = self.nodes[k].end as usize;
                    }
                    let shortfall = f64::from(need.saturating_sub(count));
                    let r = sum_smallest(&mut self.scratch, need) + shortfall;
                    self.scratch.clear();
                    let mut k = v + 1;
                    while k < node.end as usize {
                        self.scratch.push(self.total[k]);
                        k = self.nodes[k].end as usize;
                    }
                    let t = sum_smallest(&mut self.scratch, need) + shortfall;
                    (nsat >= need, r, nsat0 >= need, t)
                }
            };
            self.sat[v] = s;
            self.sat0[v] = s0;
            self.rem[v] = r;
            self.total[v] = t;
        }
        let (s, r, t) = (self.sat[0], self.rem[0], self.total[0]);
        let frac = if s {
            1.0
        } else if t > 0.0 {
            ((t - r) / t).clamp(0.0, 0.999_999)
        } else {
            0.0
        };
        (s, frac)
    }
}

fn bump(occ: &mut [u32], touched: &mut Vec<CredIx>, uncontested: &mut bool, c: CredIx) {
    if let Some(o) = occ.get_mut(c as usize) {
        if *o == 0 {
            touched.push(c);
        }
        *o += 1;
        if *o > 1 {
            *uncontested = false;
        }
    }
}

/// The sum of the `need` smallest values, in ascending order (as `Report::compute` sums them).
fn sum_smallest(xs: &mut [f64], need: u32) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.iter().take(need as usize).sum::<f64>()
}
