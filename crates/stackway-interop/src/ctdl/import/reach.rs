//! Which nodes of the document a pathway holds.
//!
//! Real exports do not only use `ceterms:PathwayComponent` subclasses: a career pathway may
//! list `ceterms:Certification` nodes, a badge pathway `ceterms:OpenBadge` nodes, through
//! `hasChild` or a condition's `targetComponent`. So a node belongs to the pathway when it is
//! reached from a pathway through its structure (whatever its class, as long as it is something
//! a learner completes), or when it is a pathway component at all. Only a reference to a node
//! the document does not contain is dropped, with a warning that names it.

use crate::diagnostics::Code;
use std::collections::{HashMap, HashSet};

use super::super::graph::{iri, Graph, NodeId};
use super::super::vocab::{Family, NodeClass};

/// Properties that go down from a pathway or a node to the nodes it is made of.
const DOWN: [&str; 3] = ["hasChild", "hasPart", "hasComponent"];
/// Properties by which a node says where it belongs.
const UP: [&str; 3] = ["isPartOf", "isChildOf", "isDestinationComponentOf"];

/// The nodes a pathway holds, in document order, and the conditions met on the way.
pub(in crate::ctdl) struct Reached {
    pub nodes: Vec<NodeId>,
    pub conditions: usize,
}

struct Walk<'g, 'd> {
    g: &'g mut Graph<'d>,
    included: HashSet<NodeId>,
    queue: Vec<NodeId>,
    conditions: HashSet<NodeId>,
    /// Node → the nodes that say they belong to it.
    up: HashMap<NodeId, Vec<NodeId>>,
}

/// Every node the document's pathways hold, plus every pathway component of the document.
pub(in crate::ctdl) fn pathway_nodes(g: &mut Graph<'_>, pathways: &[NodeId]) -> Reached {
    let mut walk = Walk {
        g,
        included: HashSet::new(),
        queue: Vec::new(),
        conditions: HashSet::new(),
        up: HashMap::new(),
    };
    walk.index_up();
    for node in 0..walk.g.nodes.len() {
        if let NodeClass::Learnable(_, Family::Component) = walk.g.class(node) {
            walk.include(node);
        }
    }
    for &pathway in pathways {
        walk.down(pathway, &["hasDestinationComponent"]);
        walk.down(pathway, &DOWN);
        walk.join_from_below(pathway);
    }
    while let Some(node) = walk.queue.pop() {
        walk.down(node, &DOWN);
        walk.conditions_of(node);
        walk.join_from_below(node);
    }
    let mut nodes: Vec<NodeId> = walk.included.into_iter().collect();
    nodes.sort_unstable();
    Reached {
        nodes,
        conditions: walk.conditions.len(),
    }
}

impl Walk<'_, '_> {
    /// Who says they belong to whom (`isPartOf`, `isChildOf`, `isDestinationComponentOf`).
    fn index_up(&mut self) {
        for node in 0..self.g.nodes.len() {
            for property in UP {
                for value in self.g.values(node, "ceterms", property) {
                    if let Some(target) = iri(value).and_then(|id| self.g.get(id)) {
                        self.up.entry(target).or_default().push(node);
                    }
                }
            }
        }
    }

    fn include(&mut self, node: NodeId) {
        if self.included.insert(node) {
            self.queue.push(node);
        }
    }

    fn down(&mut self, from: NodeId, properties: &[&str]) {
        for property in properties {
            for (target, at) in self.g.refs_at(from, "ceterms", property) {
                self.consider(from, target, at, property);
            }
        }
    }

    /// Nodes that say they belong to `node` join it when a learner can complete them.
    fn join_from_below(&mut self, node: NodeId) {
        for below in self.up.get(&node).cloned().unwrap_or_default() {
            if let NodeClass::Learnable(..) | NodeClass::Unknown(_) = self.g.class(below) {
                self.include(below);
            }
        }
    }

    /// The targets of a node's conditions, nested conditions included.
    fn conditions_of(&mut self, node: NodeId) {
        let mut stack: Vec<NodeId> = self.g.refs(node, "ceterms", "hasCondition");
        while let Some(condition) = stack.pop() {
            if !self.conditions.insert(condition) {
                continue;
            }
            for (target, at) in self.g.refs_at(condition, "ceterms", "targetComponent") {
                self.consider(condition, target, at, "targetComponent");
            }
            stack.extend(self.g.refs(condition, "ceterms", "hasCondition"));
        }
    }

    /// A node reached through `property`: part of the pathway if a learner can complete it.
    fn consider(&mut self, from: NodeId, target: NodeId, at: u32, property: &str) {
        if target == from {
            return;
        }
        let what = match self.g.class(target) {
            NodeClass::Learnable(..) | NodeClass::Unknown(_) => {
                self.include(target);
                return;
            }
            NodeClass::Pathway => "a pathway".to_owned(),
            NodeClass::Structural(class) => format!("a `{class}`"),
        };
        let (from_id, target_id) = (self.g.id(from).to_owned(), self.g.id(target).to_owned());
        self.g.warn(
            Code::CtdlNotAComponent,
            at,
            format!(
                "node `{from_id}` refers through `{property}` to `{target_id}`, which is {what}, \
                 not something a learner completes; the reference is ignored"
            ),
        );
    }
}
