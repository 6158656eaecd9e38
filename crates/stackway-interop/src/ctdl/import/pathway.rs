//! `ceterms:Pathway`s → curated pathways: the destination is the goal, the children (in
//! document order) are the steps; and the cycles CTDL allows but feeds do not are broken.

use crate::diagnostics::Code;
use std::collections::{HashMap, HashSet};

use super::super::graph::{iri, NodeId};
use super::super::ids::IdAllocator;
use super::{combine_all, distinct, Importer};
use crate::feed::{ChooseShortfall, Credential, Kind, Pathway, Requirement, Text};

/// A pathway read from the document, before its steps can be ordered.
pub(super) struct Pending {
    pathway: Pathway,
    children: Vec<String>,
    extra_destinations: Vec<String>,
}

/// Reads one pathway node (`None` when it holds nothing).
pub(super) fn read(
    importer: &mut Importer<'_>,
    node: NodeId,
    ids: &mut IdAllocator,
) -> Option<Pending> {
    let destinations = destinations(importer, node);
    let members = members(importer, node);
    let mut children = included(importer, node, "hasChild");
    for property in ["hasPart", "hasComponent"] {
        if children.is_empty() {
            children = included(importer, node, property);
        }
    }
    if children.is_empty() {
        children = members.clone();
    }
    let g = &mut importer.g;
    let title = g.text(node, "ceterms", "name");
    let summary = g.text(node, "ceterms", "description");
    let ctid = g.single(node, "ceterms", "ctid").and_then(|v| v.as_str());
    let id = ids.allocate(ctid, g.id(node));
    warn_multiple(importer, node, destinations.len());
    let goal = match destinations.first() {
        Some(&goal) => goal,
        None => goal_from_pathway(
            importer,
            node,
            &children,
            ctid_owned(ctid),
            &title,
            &summary,
        )?,
    };
    if importer
        .credentials
        .get(goal)
        .is_some_and(|c| c.requires.is_none())
    {
        let all: Vec<usize> = children.iter().chain(&members).copied().collect();
        require_other_members(importer, node, goal, &destinations, &distinct(all));
    }
    let goal_id = importer.credentials.get(goal)?.id.clone();
    let to_ids = |list: &[usize], credentials: &[Credential]| -> Vec<String> {
        list.iter()
            .filter(|&&i| i != goal)
            .filter_map(|&i| credentials.get(i).map(|c| c.id.clone()))
            .collect()
    };
    let title = title.unwrap_or_else(|| {
        let node_id = importer.g.id(node).to_owned();
        let at = importer.g.at(node);
        importer.g.warn(
            Code::CtdlMissingName,
            at,
            format!("pathway `{node_id}` has no `ceterms:name`; its id is shown"),
        );
        Text::Plain(id.clone())
    });
    importer.pathway_sources.push(node);
    Some(Pending {
        children: to_ids(&children, &importer.credentials),
        extra_destinations: to_ids(destinations.get(1..).unwrap_or(&[]), &importer.credentials),
        pathway: Pathway {
            id,
            title,
            summary,
            goal: goal_id,
            steps: Vec::new(),
        },
    })
}

fn ctid_owned(ctid: Option<&str>) -> Option<String> {
    ctid.map(str::to_owned)
}

/// The credentials a pathway property names, among the pathway's nodes.
fn included(importer: &mut Importer<'_>, node: NodeId, property: &str) -> Vec<usize> {
    let nodes = importer.g.refs(node, "ceterms", property);
    distinct(
        nodes
            .into_iter()
            .filter_map(|n| importer.credential_of.get(&n).copied())
            .collect(),
    )
}

/// The pathway's destinations: `hasDestinationComponent`, then the nodes that say they are its
/// destination (`isDestinationComponentOf`).
fn destinations(importer: &mut Importer<'_>, node: NodeId) -> Vec<usize> {
    let mut out = included(importer, node, "hasDestinationComponent");
    out.extend(pointing_back(importer, node, "isDestinationComponentOf"));
    distinct(out)
}

/// The credentials whose nodes say they are part of the pathway (`isPartOf`).
fn members(importer: &mut Importer<'_>, node: NodeId) -> Vec<usize> {
    pointing_back(importer, node, "isPartOf")
}

fn pointing_back(importer: &mut Importer<'_>, node: NodeId, property: &str) -> Vec<usize> {
    let pathway_id = importer.g.id(node).to_owned();
    let mut out = Vec::new();
    for (i, &source) in importer.sources.clone().iter().enumerate() {
        let values = importer.g.values(source, "ceterms", property);
        if values
            .into_iter()
            .filter_map(iri)
            .any(|id| id == pathway_id)
        {
            out.push(i);
        }
    }
    out
}

fn warn_multiple(importer: &mut Importer<'_>, node: NodeId, destinations: usize) {
    if destinations > 1 {
        let (id, at) = (importer.g.id(node).to_owned(), importer.g.at(node));
        importer.g.warn(
            Code::CtdlMultipleDestinations,
            at,
            format!(
                "pathway `{id}` has {destinations} destination components; the first is its goal \
                 and the others are listed as steps"
            ),
        );
    }
}

/// Without a destination, the pathway itself is the goal: a credential earned by completing
/// its components.
fn goal_from_pathway(
    importer: &mut Importer<'_>,
    node: NodeId,
    children: &[usize],
    ctid: Option<String>,
    title: &Option<Text>,
    summary: &Option<Text>,
) -> Option<usize> {
    let (id, at) = (importer.g.id(node).to_owned(), importer.g.at(node));
    importer.g.warn(
        Code::CtdlNoDestination,
        at,
        format!(
            "pathway `{id}` has no destination component; a goal credential is made from the \
             pathway itself"
        ),
    );
    if children.is_empty() {
        importer.g.warn(
            Code::CtdlEmptyPathway,
            at,
            format!("pathway `{id}` has no components; it is skipped"),
        );
        return None;
    }
    let credential_id = importer.credential_ids.allocate(ctid.as_deref(), &id);
    let mut goal = Credential::new(credential_id.clone(), Kind::Certificate, "");
    goal.title = title.clone().unwrap_or(Text::Plain(credential_id));
    goal.summary = summary.clone();
    Some(importer.add_credential(node, goal))
}

/// A destination without a condition requires all of the pathway's other nodes.
fn require_other_members(
    importer: &mut Importer<'_>,
    node: NodeId,
    goal: usize,
    destinations: &[usize],
    members: &[usize],
) {
    let others: Vec<Requirement> = members
        .iter()
        .filter(|&&i| i != goal && !destinations.contains(&i))
        .filter_map(|&i| importer.credentials.get(i))
        .map(|c| Requirement::Credential(c.id.clone()))
        .collect();
    if destinations.contains(&goal) {
        let (id, at) = (importer.g.id(node).to_owned(), importer.g.at(node));
        importer.g.warn(
            Code::CtdlDestinationWithoutCondition,
            at,
            format!(
                "the destination of pathway `{id}` has no condition; it requires all of the \
                 pathway's other components"
            ),
        );
    }
    if let Some(c) = importer.credentials.get_mut(goal) {
        c.requires = combine_all(others, None);
    }
}

/// Steps: the pathway's children in document order, else every credential the goal needs
/// (prerequisites first); then any extra destinations. Never the goal itself, unless nothing
/// else is left.
pub(super) fn order_steps(importer: &Importer<'_>, pending: Pending) -> Pathway {
    let Pending {
        mut pathway,
        children,
        extra_destinations,
    } = pending;
    let mut steps: Vec<String> = children
        .into_iter()
        .filter(|s| *s != pathway.goal)
        .collect();
    if steps.is_empty() {
        steps = post_order(&importer.credentials, &pathway.goal);
    }
    steps.extend(extra_destinations);
    let mut steps = distinct(steps);
    steps.retain(|s| *s != pathway.goal);
    if steps.is_empty() {
        steps.push(pathway.goal.clone());
    }
    pathway.steps = steps;
    pathway
}

/// Every credential reachable from `goal` through `requires`, each after what it needs.
fn post_order(credentials: &[Credential], goal: &str) -> Vec<String> {
    let index: HashMap<&str, &Credential> =
        credentials.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // Iterative, so that a long chain of components cannot overflow the stack.
    let mut stack: Vec<(&str, bool)> = vec![(goal, false)];
    while let Some((id, expanded)) = stack.pop() {
        if expanded {
            if id != goal {
                out.push(id.to_owned());
            }
            continue;
        }
        if !seen.insert(id) {
            continue;
        }
        stack.push((id, true));
        if let Some(requires) = index.get(id).and_then(|c| c.requires.as_ref()) {
            for child in requires.referenced_ids().into_iter().rev() {
                if !seen.contains(child) {
                    stack.push((child, false));
                }
            }
        }
    }
    out
}

/// Removes requirement edges that close a cycle (CTDL does not forbid them; feeds do).
pub(super) fn break_cycles(importer: &mut Importer<'_>) {
    let index: HashMap<&str, usize> = importer
        .credentials
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let edges: Vec<Vec<usize>> = importer
        .credentials
        .iter()
        .map(|c| {
            c.requires
                .as_ref()
                .map(|r| {
                    r.referenced_ids()
                        .iter()
                        .filter_map(|id| index.get(id).copied())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    for (from, to) in back_edges(&edges) {
        let Some(to_id) = importer.credentials.get(to).map(|c| c.id.clone()) else {
            continue;
        };
        let node = importer.sources.get(from).copied().unwrap_or(0);
        if let Some(c) = importer.credentials.get_mut(from) {
            c.requires = c
                .requires
                .take()
                .and_then(|r| r.prune_leaves(&|id| id == to_id, ChooseShortfall::BecomeAll));
        }
        let (node_id, at) = (importer.g.id(node).to_owned(), importer.g.at(node));
        importer.g.warn(
            Code::CtdlCycle,
            at,
            format!(
                "node `{node_id}` requires `{to_id}`, which already requires it (a cycle); that \
                 requirement is dropped"
            ),
        );
    }
}

/// The edges that close a cycle, found by one iterative depth-first search.
fn back_edges(edges: &[Vec<usize>]) -> Vec<(usize, usize)> {
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; edges.len()];
    let mut out = Vec::new();
    for start in 0..edges.len() {
        if state.get(start) != Some(&0) {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        if let Some(s) = state.get_mut(start) {
            *s = 1;
        }
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let Some(&target) = edges.get(node).and_then(|e| e.get(*next)) else {
                if let Some(s) = state.get_mut(node) {
                    *s = 2;
                }
                stack.pop();
                continue;
            };
            *next += 1;
            match state.get(target) {
                Some(0) => {
                    if let Some(s) = state.get_mut(target) {
                        *s = 1;
                    }
                    stack.push((target, 0));
                }
                Some(1) => out.push((node, target)),
                _ => {}
            }
        }
    }
    out
}
