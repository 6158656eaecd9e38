//! Prerequisite clauses for the Lagrangian bound.
//!
//! A clause `c ⇒ p₁ ∨ … ∨ pₙ` says that a route adding candidate `c` also adds one of the
//! candidates `pᵢ` (a prerequisite of `c` that no held credential can meet). Clauses are read off
//! prerequisite trees where that is implied exactly: a single-credential leaf, each leaf of an
//! `all`, the leaves of an `any` (or `choose 1`). Leaves with an equivalence of several
//! credentials, expansions of derived credentials and `credits` groups give no clause (the
//! search still checks every prerequisite exactly; a clause is only a valid consequence).
//!
//! With y the 0/1 "added" variables, each clause is priced by a multiplier μ ≥ 0 as
//! μ·(y_c − Σ y_pᵢ) ≤ 0, which moves μ of cost from the prerequisites to the dependant: the
//! relaxation then sees that a dependant whose prerequisite is not otherwise in the route costs
//! more. Multipliers are capped so that no reduced cost is negative (then leaving a credential
//! out is always optimal in the relaxation when no leaf needs it, and the tree relaxation stays
//! exact for the priced problem).

use crate::catalog::{Catalog, CredIx, GroupKind, Target};
use crate::engine::tree::{TKind, Tree};

use super::Planner;

/// `owner ⇒ one of ps` (candidate indices).
#[derive(Debug, Clone)]
pub(super) struct Clause {
    pub(super) owner: usize,
    pub(super) ps: Vec<usize>,
}

enum LeafSet {
    /// A held credential meets it: no clause.
    Always,
    /// Met exactly when one of these candidates is added.
    Set(Vec<usize>),
    /// Not expressible as a clause.
    Other,
}

/// The clauses implied by `owner`'s prerequisite tree.
pub(super) fn clauses_of(
    cat: &Catalog,
    t: &Tree,
    held: &dyn Fn(CredIx) -> bool,
    local: &dyn Fn(CredIx) -> Option<usize>,
    owner: usize,
    out: &mut Vec<Clause>,
) {
    let leaf_set = |v: u32| -> LeafSet {
        match t.nodes.get(v as usize).map(|n| n.kind) {
            Some(TKind::Leaf {
                expanded: false, ..
            }) => {}
            _ => return LeafSet::Other,
        }
        let mut ps = Vec::new();
        for (_, ts) in Planner::leaf_options(cat, t, v) {
            match ts.as_slice() {
                [Target::Known(c)] => {
                    if held(*c) {
                        return LeafSet::Always;
                    }
                    if let Some(i) = local(*c) {
                        if !ps.contains(&i) {
                            ps.push(i);
                        }
                    }
                    // Otherwise a derived credential that is not expanded (a cycle): never met.
                }
                [Target::Unknown(_)] => {}
                _ => return LeafSet::Other,
            }
        }
        LeafSet::Set(ps)
    };
    let mut push = |ps: Vec<usize>| {
        if !ps.is_empty() && !ps.contains(&owner) {
            out.push(Clause { owner, ps });
        }
    };
    match t.nodes.first().map(|n| n.kind) {
        Some(TKind::Leaf { .. }) => {
            if let LeafSet::Set(ps) = leaf_set(0) {
                push(ps);
            }
        }
        Some(TKind::Group { kind, need, .. }) if kind != GroupKind::Credits => {
            let kids = t.kids(0);
            if need as usize == kids.len() {
                for &k in kids {
                    if let LeafSet::Set(ps) = leaf_set(k) {
                        push(ps);
                    }
                }
            } else if need == 1 {
                let mut all = Vec::new();
                for &k in kids {
                    match leaf_set(k) {
                        LeafSet::Set(ps) => {
                            for p in ps {
                                if !all.contains(&p) {
                                    all.push(p);
                                }
                            }
                        }
                        LeafSet::Always | LeafSet::Other => return,
                    }
                }
                push(all);
            }
        }
        _ => {}
    }
}
