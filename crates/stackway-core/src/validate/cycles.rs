//! Cycles through `requires` and through `prerequisites`. A cycle makes a credential impossible
//! to earn (and would send a naive engine round forever), so each one is reported, naming every
//! credential on it, and broken by removing the reference that closes it.

use super::references::prune;
use super::Ctx;
use crate::diagnostics::Severity;
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
    let index = &ctx.credential_index;
    let edges: Vec<Vec<usize>> = (0..feed.credentials.len())
        .map(|i| {
            let mut targets: Vec<usize> = tree(feed, i, relation)
                .map(|r| {
                    r.referenced_ids()
                        .into_iter()
                        .filter_map(|id| index.get(id).copied())
                        .collect()
                })
                .unwrap_or_default();
            targets.dedup();
            targets
        })
        .collect();

    // Iterative depth-first search (feeds can hold long chains; no recursion). Every back edge
    // closes a cycle; removing all back edges leaves the graph acyclic.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let mut colour = vec![Colour::White; edges.len()];
    let mut back_edges: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for start in 0..edges.len() {
        if colour[start] != Colour::White {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = Colour::Grey;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let targets = edges.get(node).map(Vec::as_slice).unwrap_or_default();
            if let Some(&target) = targets.get(*next) {
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
            *slot = slot.take().and_then(|r| prune(r, &|id| id == target_id));
        }
    }
}
