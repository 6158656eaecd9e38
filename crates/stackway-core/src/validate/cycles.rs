//! Cycles through `requires` and through `prerequisites`. A cycle makes a credential impossible
//! to earn (and would send a naive engine round forever), so each one is reported, naming every
//! credential on it, and broken by removing the reference that closes it.

use super::Ctx;
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
    // The graph in compressed form: credential i's targets are
    // `targets[offsets[i]..offsets[i + 1]]`, in the order the tree names them (consecutive
    // repeats removed). They come from the references its tree recorded while it was read
    // (resolved, and still in the typed tree), so no id is looked up again.
    let mut offsets: Vec<usize> = Vec::with_capacity(feed.credentials.len() + 1);
    let mut targets: Vec<usize> = Vec::new();
    offsets.push(0);
    for i in 0..feed.credentials.len() {
        if tree(feed, i, relation).is_some() {
            let (from, to) = ctx
                .credential_sites
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
    let edges_of = |node: usize| -> &[usize] {
        match (offsets.get(node), offsets.get(node + 1)) {
            (Some(&from), Some(&to)) => targets.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    };
    let node_count = feed.credentials.len();

    // Iterative depth-first search (feeds can hold long chains; no recursion). Every back edge
    // closes a cycle; removing all back edges leaves the graph acyclic.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let mut colour = vec![Colour::White; node_count];
    let mut back_edges: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for start in 0..node_count {
        if colour[start] != Colour::White {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = Colour::Grey;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&target) = edges_of(node).get(*next) {
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

    let (code, field) = match relation {
        Relation::Requires => ("requires-cycle", "requires"),
        Relation::Prerequisites => ("prerequisites-cycle", "prerequisites"),
    };
    for (source, target, cycle) in back_edges {
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
}
