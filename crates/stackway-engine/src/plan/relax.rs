//! The relaxed requirement tree on any tree (prerequisite trees, the unrestricted goal tree):
//! each node's minimum cost when a credential could fill several leaves (sums for `all`, the n
//! cheapest children for `choose`/`any`, an exact 0/1 knapsack for `credits`), and the fills of
//! that relaxed optimum. The search's hot loop uses the compiled form in `goal.rs` instead, which
//! gives the same values and fills with dense arrays.

use crate::catalog::{Catalog, CredIx, GroupKind, Target};
use crate::engine::tree::{TKind, Tree};

use super::{add, LeafFill, Planner, INF};

/// Relaxed minimum cost of every node (children before parents: reverse preorder).
pub(super) fn relax_all(
    cat: &Catalog,
    tree: &Tree,
    cost: &dyn Fn(u32, CredIx) -> u128,
) -> Vec<u128> {
    let mut vals = vec![INF; tree.len()];
    for v in (0..tree.len() as u32).rev() {
        let x = node_value(cat, tree, v, &vals, cost);
        if let Some(slot) = vals.get_mut(v as usize) {
            *slot = x;
        }
    }
    vals
}

/// The options of a leaf: (equivalence or direct, credentials it uses, cost).
fn leaf_costs(
    cat: &Catalog,
    tree: &Tree,
    v: u32,
    cost: &dyn Fn(u32, CredIx) -> u128,
) -> Vec<(Vec<CredIx>, u128)> {
    let mut out = Vec::new();
    for (_, ts) in Planner::leaf_options(cat, tree, v) {
        let mut creds = Vec::new();
        let mut total = 0u128;
        for t in ts {
            match t {
                Target::Known(c) => {
                    if !creds.contains(&c) {
                        creds.push(c);
                        total = add(total, cost(v, c));
                    }
                }
                Target::Unknown(_) => total = INF,
            }
        }
        out.push((creds, total));
    }
    out
}

fn node_value(
    cat: &Catalog,
    tree: &Tree,
    v: u32,
    vals: &[u128],
    cost: &dyn Fn(u32, CredIx) -> u128,
) -> u128 {
    let Some(n) = tree.nodes.get(v as usize) else {
        return INF;
    };
    let kids = tree.kids(v);
    let val = |k: u32| vals.get(k as usize).copied().unwrap_or(INF);
    match n.kind {
        TKind::Leaf { expanded, .. } => {
            let mut best = INF;
            for (_, c) in leaf_costs(cat, tree, v, cost) {
                best = best.min(c);
            }
            if expanded {
                if let Some(&k) = kids.first() {
                    best = best.min(val(k));
                }
            }
            best
        }
        TKind::Group {
            kind: GroupKind::Credits,
            credits,
            ..
        } => knapsack(&credit_items(cat, tree, kids, vals), credits).0,
        TKind::Group { need, .. } => {
            let mut xs: Vec<u128> = kids.iter().map(|&k| val(k)).collect();
            xs.sort_unstable();
            if (need as usize) > xs.len() {
                return INF;
            }
            xs.iter().take(need as usize).fold(0, |a, &b| add(a, b))
        }
    }
}

fn credit_items(cat: &Catalog, tree: &Tree, kids: &[u32], vals: &[u128]) -> Vec<(u128, u64)> {
    kids.iter()
        .map(|&k| {
            let worth = match tree.nodes.get(k as usize).map(|n| n.kind) {
                Some(TKind::Leaf {
                    target: Target::Known(c),
                    ..
                }) => cat.credits_scaled(c),
                _ => 0,
            };
            (vals.get(k as usize).copied().unwrap_or(INF), worth)
        })
        .collect()
}

/// The children a `choose` (or `any`, `all`) group of `need` takes in the relaxed optimum: the
/// positions of its `need` cheapest children with a finite value, cheapest first, ties by
/// position.
pub(super) fn cheapest(values: impl Iterator<Item = u128>, need: u32) -> Vec<usize> {
    let mut xs: Vec<(u128, usize)> = values.enumerate().map(|(i, x)| (x, i)).collect();
    xs.sort_unstable();
    xs.into_iter()
        .take(need as usize)
        .take_while(|&(x, _)| x != INF)
        .map(|(_, i)| i)
        .collect()
}

pub(super) fn gcd128(a: u128, b: u128) -> u128 {
    if b == 0 {
        a
    } else {
        gcd128(b, a % b)
    }
}

pub(super) fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Exact 0/1 knapsack: the cheapest set of items (cost, credits) reaching `need` credits.
/// Returns the cost and the chosen item positions (ascending).
pub(super) fn knapsack(items: &[(u128, u64)], need: u64) -> (u128, Vec<usize>) {
    if need == 0 {
        return (0, Vec::new());
    }
    let useful: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].0 != INF && items[i].1 > 0)
        .collect();
    let g = useful.iter().fold(need, |g, &i| gcd(g, items[i].1)).max(1);
    let cap = need.div_ceil(g) as usize;
    let total: u64 = useful
        .iter()
        .fold(0u64, |a, &i| a.saturating_add(items[i].1));
    if total < need {
        return (INF, Vec::new());
    }
    // dp[j]: cheapest cost to reach min(j, cap) units; pred[i][j]: came from j' using item i.
    let mut dp = vec![INF; cap + 1];
    dp[0] = 0;
    let mut pred: Vec<Vec<(u32, u32)>> = Vec::with_capacity(useful.len());
    for &i in &useful {
        let (c, k) = items[i];
        let units = (k / g) as usize;
        let mut changes = Vec::new();
        knapsack_step(&mut dp, units, c, |t, j| changes.push((t as u32, j as u32)));
        pred.push(changes);
    }
    let best = dp[cap];
    if best == INF {
        return (INF, Vec::new());
    }
    // Walk back: at stage s, if the entry for j was last set by stage s, take that item.
    let mut chosen = Vec::new();
    let mut j = cap as u32;
    for s in (0..useful.len()).rev() {
        if let Some(&(_, from)) = pred[s].iter().rfind(|(t, _)| *t == j) {
            // Only take it if this stage's write is the one that produced the final value:
            // later stages overwrote j otherwise, and we are walking stages from last to first.
            chosen.push(useful[s]);
            j = from;
            if j == 0 {
                break;
            }
        }
    }
    chosen.sort_unstable();
    (best, chosen)
}

/// One item of the 0/1 knapsack's dynamic programme: `dp[j]` is the cheapest cost reaching
/// `min(j, cap)` units (`cap` = `dp.len() - 1`); adding an item of `units` units costing `cost`
/// improves entries in place, from the top down so that the item is used at most once, and
/// reports each improvement as `(to, from)`.
pub(super) fn knapsack_step(
    dp: &mut [u128],
    units: usize,
    cost: u128,
    mut improved: impl FnMut(usize, usize),
) {
    let cap = dp.len().saturating_sub(1);
    for j in (0..=cap).rev() {
        if dp[j] == INF {
            continue;
        }
        let t = (j + units).min(cap);
        let nv = add(dp[j], cost);
        if nv < dp[t] {
            dp[t] = nv;
            improved(t, j);
        }
    }
}

/// Collects the fills of the relaxed optimum below `v`.
pub(super) fn collect(
    cat: &Catalog,
    tree: &Tree,
    v: u32,
    vals: &[u128],
    cost: &dyn Fn(u32, CredIx) -> u128,
    out: &mut Vec<LeafFill>,
) {
    let Some(n) = tree.nodes.get(v as usize) else {
        return;
    };
    let kids = tree.kids(v);
    let val = |k: u32| vals.get(k as usize).copied().unwrap_or(INF);
    match n.kind {
        TKind::Leaf { expanded, .. } => {
            let mut best: Option<(Vec<CredIx>, u128)> = None;
            for (creds, c) in leaf_costs(cat, tree, v, cost) {
                if c != INF && (best.is_none() || best.as_ref().is_some_and(|(_, b)| c < *b)) {
                    best = Some((creds, c));
                }
            }
            let exp = if expanded {
                kids.first().map(|&k| (k, val(k)))
            } else {
                None
            };
            match (best, exp) {
                (Some((_, c)), Some((k, e))) if e < c => collect(cat, tree, k, vals, cost, out),
                (Some((creds, _)), _) => out.push(LeafFill { leaf: v, creds }),
                (None, Some((k, e))) if e != INF => collect(cat, tree, k, vals, cost, out),
                _ => {}
            }
        }
        TKind::Group {
            kind: GroupKind::Credits,
            credits,
            ..
        } => {
            let (_, chosen) = knapsack(&credit_items(cat, tree, kids, vals), credits);
            for i in chosen {
                if let Some(&k) = kids.get(i) {
                    collect(cat, tree, k, vals, cost, out);
                }
            }
        }
        TKind::Group { need, .. } => {
            for i in cheapest(kids.iter().map(|&k| val(k)), need) {
                if let Some(&k) = kids.get(i) {
                    collect(cat, tree, k, vals, cost, out);
                }
            }
        }
    }
}
