//! The pathway map's graph, read from a feed: one node per credential, one edge per
//! "counts toward" or "needed before" relation.

use std::collections::BTreeMap;

use super::{layout, Edge, Layout, LayoutOptions, Size};
use crate::feed::{Feed, Requirement};

/// What an edge of the pathway map means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapEdgeKind {
    /// The source is named in the target's `requires`: it counts toward it.
    CountsToward,
    /// The source is named in the target's `prerequisites`: it must be held before starting.
    Prerequisite,
}

impl MapEdgeKind {
    /// The class the layout merges lines by: lines of one meaning into one target share a bus.
    pub fn class(self) -> u8 {
        match self {
            MapEdgeKind::CountsToward => 0,
            MapEdgeKind::Prerequisite => 1,
        }
    }
}

/// An edge of the pathway map between credentials given by their index in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MapEdge {
    pub from: usize,
    pub to: usize,
    pub kind: MapEdgeKind,
}

/// The pathway map's graph: one node per credential (feed order), one edge per distinct
/// (credential named, credential naming it, kind). Unknown ids are skipped (validation reports
/// them); duplicate ids resolve to their first credential.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapGraph {
    /// Credential ids, in feed order; node `i` is `feed.credentials[i]`.
    pub ids: Vec<String>,
    pub edges: Vec<MapEdge>,
}

impl MapGraph {
    /// Builds the map's graph from a feed.
    pub fn from_feed(feed: &Feed) -> Self {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, c) in feed.credentials.iter().enumerate() {
            index.entry(c.id.as_str()).or_insert(i);
        }
        let mut edges = Vec::new();
        for (to, credential) in feed.credentials.iter().enumerate() {
            let mut add = |requirement: &Option<Requirement>, kind: MapEdgeKind| {
                if let Some(requirement) = requirement {
                    let mut named: Vec<usize> = requirement
                        .referenced_ids()
                        .into_iter()
                        .filter_map(|id| index.get(id).copied())
                        .filter(|&from| from != to)
                        .collect();
                    named.sort_unstable();
                    named.dedup();
                    edges.extend(named.into_iter().map(|from| MapEdge { from, to, kind }));
                }
            };
            add(&credential.requires, MapEdgeKind::CountsToward);
            add(&credential.prerequisites, MapEdgeKind::Prerequisite);
        }
        MapGraph {
            ids: feed.credentials.iter().map(|c| c.id.clone()).collect(),
            edges,
        }
    }

    /// The edges as the layout takes them (same order as `edges`).
    pub fn layout_edges(&self) -> Vec<Edge> {
        self.edges
            .iter()
            .map(|e| Edge {
                from: e.from,
                to: e.to,
                class: e.kind.class(),
            })
            .collect()
    }

    /// Lays the map out with one box size per credential; `Layout::edges[i]` draws
    /// `self.edges[i]`.
    pub fn layout(&self, sizes: &[Size], options: &LayoutOptions) -> Layout {
        let mut sizes = sizes.to_vec();
        sizes.resize(self.ids.len(), Size::default());
        layout(&sizes, &self.layout_edges(), options)
    }

    /// Nodes joined to `node` by an edge in either direction, sorted, without duplicates: what
    /// the map highlights around the focused node.
    pub fn neighbours(&self, node: usize) -> Vec<usize> {
        let mut out = self.sources_of(node);
        out.extend(self.targets_of(node));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// What `node` counts toward or is needed before, sorted, without duplicates.
    pub fn targets_of(&self, node: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .edges
            .iter()
            .filter(|e| e.from == node)
            .map(|e| e.to)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// What counts toward `node` or is needed before it, sorted, without duplicates.
    pub fn sources_of(&self, node: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .edges
            .iter()
            .filter(|e| e.to == node)
            .map(|e| e.from)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
