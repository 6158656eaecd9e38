//! Cycles through `requires` and through `prerequisites`. A cycle makes a credential impossible
//! to earn (and would send a naive engine round forever), so each one is reported, naming every
//! credential on it, and broken by removing the reference that closes it.

use super::Ctx;
use crate::diagnostics::Code;
use crate::diagnostics::Severity;
use crate::feed::ChooseShortfall;
use crate::feed::{Feed, Requirement};

#[derive(Clone, Copy)]
enum Relation {
    Requires,
    Prerequisites,
}

pub(crate) fn break_cycles(ctx: &mut Ctx, feed: &mut Feed) {
    for relation in [Relation::Requires, Relation::Prerequisites] {
        break_cycles_in(ctx, feed, relation);
    }
}

fn tree(feed: &Feed, i: usize, relation: Relation) -> Option<&Requirement> {
    let credential = feed.credentials.get(i)?;
    match relation {
        Relation::Requires => credential.requires.as_ref(),
        Relation::Prerequisites => credential.prerequisites.as_ref(),
    }
}

fn break_cycles_in(ctx: &mut Ctx, feed: &mut Feed, relation: Relation) {
    let graph = Graph::of(ctx, feed, relation);
    for (source, target, cycle) in graph.back_edges() {
        report_and_break(ctx, feed, relation, source, target, &cycle);
    }
}

/// One relation as a graph in compressed form: credential i's targets are
/// `targets[offsets[i]..offsets[i + 1]]`, in the order its tree names them (consecutive repeats
/// removed). They come from the references its tree recorded while it was read (resolved, and
/// still in the typed tree), so no id is looked up again.
struct Graph {
    offsets: Vec<usize>,
    targets: Vec<usize>,
}

impl Graph {
    fn of(ctx: &Ctx, feed: &Feed, relation: Relation) -> Graph {
        let mut offsets: Vec<usize> = Vec::with_capacity(feed.credentials.len() + 1);
        let mut targets: Vec<usize> = Vec::new();
        offsets.push(0);
        for i in 0..feed.credentials.len() {
            if tree(feed, i, relation).is_some() {
                let (from, to) =
                    ctx.credential_sites
                        .get(i)
                        .map_or((0, 0), |site| match relation {
                            Relation::Requires => site.requires_refs,
                            Relation::Prerequisites => site.prerequisites_refs,
                        });
                let start = targets.len();
                for reference in ctx.references.get(from..to).unwrap_or_default() {
                    if let (true, Some(j)) = (reference.in_tree, reference.resolved) {
                        if targets.len() == start || targets.last() != Some(&j) {
                            targets.push(j);
                        }
                    }
                }
            }
            offsets.push(targets.len());
        }
        Graph { offsets, targets }
    }

    fn edges_of(&self, node: usize) -> &[usize] {
        match (self.offsets.get(node), self.offsets.get(node + 1)) {
            (Some(&from), Some(&to)) => self.targets.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Every back edge of an iterative depth-first search (feeds can hold long chains; no
    /// recursion), as (source, target, the cycle it closes). Each closes a cycle, and removing
    /// all of them leaves the graph acyclic.
    fn back_edges(&self) -> Vec<(usize, usize, Vec<usize>)> {
        #[derive(Clone, Copy, PartialEq)]
        enum Colour {
            White,
            Grey,
            Black,
        }
        let node_count = self.offsets.len().saturating_sub(1);
        let mut colour = vec![Colour::White; node_count];
        let mut back_edges: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for start in 0..node_count {
            if colour[start] != Colour::White {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            colour[start] = Colour::Grey;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&target) = self.edges_of(node).get(*next) {
                    *next += 1;
                    match colour.get(target).copied() {
                        Some(Colour::White) => {
                            colour[target] = Colour::Grey;
                            stack.push((target, 0));
                        }
                        Some(Colour::Grey) => {
                            let from = stack.iter().position(|&(n, _)| n == target).unwrap_or(0);
                            let cycle = stack
                                .get(from..)
                                .unwrap_or_default()
                                .iter()
                                .map(|&(n, _)| n)
                                .collect();
                            back_edges.push((node, target, cycle));
                        }
                        _ => {}
                    }
                } else {
                    colour[node] = Colour::Black;
                    stack.pop();
                }
            }
        }
        back_edges
    }
}

/// Reports the cycle that the reference from `source` to `target` closes, naming every
/// credential on it, and removes that reference from `source`'s tree.
fn report_and_break(
    ctx: &mut Ctx,
    feed: &mut Feed,
    relation: Relation,
    source: usize,
    target: usize,
    cycle: &[usize],
) {
    let (code, field) = match relation {
        Relation::Requires => (Code::RequiresCycle, "requires"),
        Relation::Prerequisites => (Code::PrerequisitesCycle, "prerequisites"),
    };
    let mut names: Vec<&str> = cycle
        .iter()
        .filter_map(|&i| feed.credentials.get(i))
        .map(|c| c.id.as_str())
        .collect();
    if let Some(first) = names.first().copied() {
        names.push(first);
    }
    let at = ctx.credential_sites.get(source).map(|site| {
        match relation {
            Relation::Requires => site.requires,
            Relation::Prerequisites => site.prerequisites,
        }
        .unwrap_or(site.at)
    });
    let target_id = feed
        .credentials
        .get(target)
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let message = format!(
        "cycle through `{field}`: {}; the reference to `{target_id}` is ignored",
        names.join(" → ")
    );
    match at {
        Some(at) => ctx.error(code, at, message),
        None => ctx.report_at(code, Severity::Error, String::new(), 0, message),
    }
    if let Some(credential) = feed.credentials.get_mut(source) {
        let slot = match relation {
            Relation::Requires => &mut credential.requires,
            Relation::Prerequisites => &mut credential.prerequisites,
        };
        *slot = slot
            .take()
            .and_then(|r| r.prune_leaves(&|id| id == target_id, ChooseShortfall::Keep));
    }
}
