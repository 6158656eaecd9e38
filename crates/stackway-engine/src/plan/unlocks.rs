//! What each step of a route unlocks: the stackable credentials it completes and the
//! credentials whose prerequisites it meets, taking the steps in order.

use serde::Serialize;

use crate::catalog::{Catalog, CredIx, Target};
use crate::engine::holdings::Holdings;
use crate::engine::next_steps::prerequisites_met;
use crate::engine::{self, summary};
use crate::Record;

use super::Route;

/// What taking one step of a route (after the ones before it) unlocks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Unlocks {
    /// Stackable credentials completed once this step (and the ones before it) are taken.
    pub completes: Vec<String>,
    /// Credentials whose prerequisites become met.
    pub opens: Vec<String>,
}

/// Credentials that are not stackable, not held (nor planned) and whose prerequisites `held`
/// meets: every such credential, or only those among `only`; their ids, sorted, each once.
pub fn startable(cat: &Catalog, held: &[bool], only: Option<&[CredIx]>) -> Vec<String> {
    let all: Vec<CredIx>;
    let candidates = match only {
        Some(candidates) => candidates,
        None => {
            all = (0..cat.len() as CredIx).collect();
            &all
        }
    };
    let ids = candidates
        .iter()
        .copied()
        .filter(|&c| {
            !cat.is_stackable(c)
                && !held.get(c as usize).copied().unwrap_or(false)
                && prerequisites_met(cat, held, c)
        })
        .map(|c| cat.id(c).to_owned())
        .collect();
    sorted(ids)
}

/// `ids` sorted, each once.
fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The ids of `after` that are not in `before` (both sorted).
fn newly(after: Vec<String>, before: &[String]) -> Vec<String> {
    after
        .into_iter()
        .filter(|id| before.binary_search(id).is_err())
        .collect()
}

/// What each step of `route` unlocks for `record`, step by step: each step is added to the
/// record as planned after the ones before it. A step the catalog does not define unlocks
/// nothing.
pub fn step_unlocks(cat: &Catalog, record: &Record, route: &Route) -> Vec<Unlocks> {
    // Who names each credential among its prerequisites, found in one pass (not once a step).
    let mut dependants: Vec<Vec<CredIx>> = vec![Vec::new(); cat.len()];
    for c in &cat.feed().credentials {
        let (Some(prerequisites), Some(owner)) = (&c.prerequisites, cat.index_of(&c.id)) else {
            continue;
        };
        let mut named = prerequisites.referenced_ids();
        named.sort_unstable();
        named.dedup();
        for id in named {
            if let Some(slot) = cat
                .index_of(id)
                .and_then(|ix| dependants.get_mut(ix as usize))
            {
                slot.push(owner);
            }
        }
    }
    let mut record = record.clone();
    // The holdings after one step are those before the next: each is resolved once.
    let mut holdings = Holdings::new(cat, &record);
    let mut out = Vec::with_capacity(route.steps.len());
    for step in &route.steps {
        let id = &step.credential;
        let goals: Vec<CredIx> = engine::counts_toward(cat, id)
            .map(|list| list.iter().filter_map(|c| cat.index_of(&c.goal)).collect())
            .unwrap_or_default();
        // The lean summary's `satisfied` is the full report's, for less work.
        let satisfied = |holdings: &Holdings| -> Vec<String> {
            sorted(
                summary::summaries_of(cat, holdings, &goals)
                    .into_iter()
                    .filter(|s| s.satisfied)
                    .map(|s| cat.id(s.goal).to_owned())
                    .collect(),
            )
        };
        let candidates = cat
            .index_of(id)
            .map(|step| may_open(cat, step, &dependants))
            .unwrap_or_default();
        let before_done = satisfied(&holdings);
        let before_open = startable(cat, &holdings.held, Some(&candidates));
        record.planned.push(id.clone());
        holdings = Holdings::new(cat, &record);
        let after_done = satisfied(&holdings);
        let after_open = startable(cat, &holdings.held, Some(&candidates));
        out.push(Unlocks {
            completes: newly(after_done, &before_done),
            opens: newly(after_open, &before_open),
        });
    }
    out
}

/// The credentials whose prerequisites taking `step` may meet, given who names each credential
/// among their prerequisites (`dependants`): those that name the step itself, a credential the
/// step stands in for (an equivalence whose holding includes it), or a stackable credential
/// above either (a prerequisite that names a certificate is met once the certificate's
/// requirements are), and so on upward. A superset, sorted: each candidate is then checked
/// exactly, and every other credential's prerequisites do not mention the step at all.
fn may_open(cat: &Catalog, step: CredIx, dependants: &[Vec<CredIx>]) -> Vec<CredIx> {
    let mut reached = vec![false; cat.len()];
    let mut pending = vec![step];
    let mut candidates = Vec::new();
    while let Some(c) = pending.pop() {
        match reached.get_mut(c as usize) {
            Some(seen) if !*seen => *seen = true,
            _ => continue,
        }
        candidates.extend(dependants.get(c as usize).into_iter().flatten().copied());
        pending.extend_from_slice(cat.parents(c));
        for equivalence in cat.equivalences() {
            if let (true, Target::Known(stands_for)) = (
                equivalence.holding.contains(&Target::Known(c)),
                &equivalence.counts_as,
            ) {
                pending.push(*stands_for);
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}
