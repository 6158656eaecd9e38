//! Next steps toward a goal: credentials the learner can start now (prerequisites met) that
//! advance it, ranked by how much they advance it.

use serde::Serialize;

use crate::catalog::{Catalog, CredIx, Target};
use crate::engine::evaluate::assign;
use crate::engine::holdings::Holdings;
use crate::engine::report::{evaluate_goal, Evaluation, Report};
use crate::engine::tree::Tree;
use crate::engine::{resolve, EngineError};
use crate::record::Record;

/// One credential to take next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextStep {
    pub credential: String,
    /// Fraction complete of the goal after taking it.
    pub fraction_after: f64,
    /// `fraction_after` minus the current fraction (> 0).
    pub advance: f64,
    /// Taking it completes the goal.
    pub completes: bool,
}

/// Whether `c`'s prerequisites are met by `held` (evaluated on their own: nothing is consumed
/// from the goal, and derived credentials count once their own requirements are met).
pub fn prerequisites_met(cat: &Catalog, held: &[bool], c: CredIx) -> bool {
    match cat.prerequisites(c) {
        None => true,
        Some(root) => {
            let tree = Tree::build(cat, root, c, held);
            assign(cat, &tree, held).satisfied
        }
    }
}

/// Base credentials (no `requires`) that appear in the goal's expanded tree, directly or in an
/// applicable equivalence, in tree order.
pub(crate) fn candidates(cat: &Catalog, tree: &Tree) -> Vec<CredIx> {
    let mut seen = vec![false; cat.len()];
    let mut out = Vec::new();
    let mut push = |c: CredIx, out: &mut Vec<CredIx>| {
        let first = seen
            .get_mut(c as usize)
            .is_some_and(|seen| !std::mem::replace(seen, true));
        if first && !cat.is_stackable(c) {
            out.push(c);
        }
    };
    for (v, t) in tree.leaf_targets() {
        let Target::Known(c) = t else { continue };
        push(c, &mut out);
        let owner = tree.nodes.get(v as usize).map_or(0, |n| n.owner);
        for &e in cat.equivalences_for(c) {
            if let Some(eq) = cat.equivalences().get(e as usize) {
                if eq.applies_within(owner) {
                    for h in &eq.holding {
                        if let Target::Known(h) = h {
                            push(*h, &mut out);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Credentials to take next toward `goal`: prerequisites met now, not held, advancing the goal.
/// Ranked by completes first, then advance (largest first), then feed order.
pub fn next_steps(
    cat: &Catalog,
    record: &Record,
    goal: &str,
) -> Result<Vec<NextStep>, EngineError> {
    let g = resolve(cat, goal)?;
    let mut holdings = Holdings::new(cat, record);
    let now = evaluate_goal(cat, &holdings, g);
    if now.held_goal || now.assignment.satisfied {
        return Ok(Vec::new());
    }
    let fraction_of = |ev: &Evaluation, h: &Holdings| {
        if ev.assignment.satisfied {
            1.0
        } else {
            Report::new(cat, ev, h).frac.first().copied().unwrap_or(0.0)
        }
    };
    let before = fraction_of(&now, &holdings);
    let mut steps: Vec<(CredIx, NextStep)> = Vec::new();
    for c in candidates(cat, &now.tree) {
        if holdings.is_held(c) || !prerequisites_met(cat, &holdings.held, c) {
            continue;
        }
        if let Some(slot) = holdings.held.get_mut(c as usize) {
            *slot = true;
        }
        let after = evaluate_goal(cat, &holdings, g);
        let fraction_after = fraction_of(&after, &holdings);
        if let Some(slot) = holdings.held.get_mut(c as usize) {
            *slot = false;
        }
        let advance = fraction_after - before;
        if advance > 0.0 || after.assignment.satisfied {
            steps.push((
                c,
                NextStep {
                    credential: cat.id(c).to_owned(),
                    fraction_after,
                    advance,
                    completes: after.assignment.satisfied,
                },
            ));
        }
    }
    steps.sort_by(|(ca, a), (cb, b)| {
        b.completes
            .cmp(&a.completes)
            .then(b.advance.total_cmp(&a.advance))
            .then(ca.cmp(cb))
    });
    Ok(steps.into_iter().map(|(_, s)| s).collect())
}
