//! Layered layout of the pathway map: which row each credential sits in, its order within the
//! row, its coordinates, and the points each edge is drawn through.
//!
//! This is the classic layered ("Sugiyama") method, written small because the widget ships it to
//! phones (a general-purpose layout crate costs more than half of the widget's size budget):
//!
//! 1. **Cycles** are tolerated: a depth-first search in index order finds back edges, which are
//!    laid out reversed and drawn in their original direction.
//! 2. **Layering** is the longest path from the sources, so micro-credentials sit in the first
//!    row and every edge points to a later row. Edges spanning several rows get one invisible
//!    "dummy" node per intermediate row, so they can bend around nodes.
//! 3. **Crossing reduction** alternates median sweeps down and up the rows, each followed by
//!    transposition of adjacent nodes, and keeps the best ordering seen (counted exactly).
//! 4. **Coordinates**: each row is placed in turn as close as possible to the median of its
//!    neighbours in the previous row, subject to the nodes not overlapping. That is a 1-D least
//!    squares problem under ordering constraints, solved exactly by pool-adjacent-violators.
//! 5. **Routing**: an edge runs from the bottom of its source through its dummies to the top of
//!    its target.
//!
//! Everything is deterministic (no hash-map order, ties broken by index) and never panics on any
//! input: edges naming nodes that do not exist, self-loops and duplicates are all accepted.

use std::collections::{BTreeMap, VecDeque};

use crate::feed::{Feed, Requirement};

/// A directed edge between two nodes given by index, pointing "up" the stack: from a
/// micro-credential to the certificate it counts toward, or from a prerequisite to what it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
}

/// Sizes of the drawing, in CSS pixels. The defaults follow the widget's 8 px grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Width of every node box.
    pub node_width: f64,
    /// Height of every node box.
    pub node_height: f64,
    /// Minimum horizontal space between two node boxes in a row.
    pub node_gap: f64,
    /// Vertical space between two rows.
    pub layer_gap: f64,
    /// Horizontal room an edge passing through a row takes.
    pub edge_gap: f64,
    /// Number of crossing-reduction sweeps (each alternates direction).
    pub sweeps: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            node_width: 160.0,
            node_height: 56.0,
            node_gap: 16.0,
            layer_gap: 48.0,
            edge_gap: 8.0,
            sweeps: 8,
        }
    }
}

/// A point of the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Where one node is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodePlacement {
    /// Row, from 0 (sources: micro-credentials) upward.
    pub layer: usize,
    /// Position within the row, from 0 (left).
    pub order: usize,
    /// Left edge of the box.
    pub x: f64,
    /// Top edge of the box.
    pub y: f64,
}

/// The finished layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// One placement per input node, by index.
    pub nodes: Vec<NodePlacement>,
    /// One polyline per input edge, in input order, drawn from `from` to `to`. Empty for edges
    /// that cannot be drawn (a self-loop, or an index out of range).
    pub edges: Vec<Vec<Point>>,
    /// The real nodes of each row, left to right.
    pub layers: Vec<Vec<usize>>,
    /// Width of every node box (copied from the options).
    pub node_width: f64,
    /// Height of every node box (copied from the options).
    pub node_height: f64,
    /// Total width of the drawing.
    pub width: f64,
    /// Total height of the drawing.
    pub height: f64,
    /// Edge crossings of the final ordering (counted between adjacent rows, including the
    /// segments of long edges).
    pub crossings: usize,
    /// Edge crossings had the nodes been left in input order: the baseline the reduction beats.
    pub input_order_crossings: usize,
}

/// Lays out a graph of `node_count` nodes. Never panics; deterministic for a given input.
pub fn layout(node_count: usize, edges: &[Edge], options: &LayoutOptions) -> Layout {
    let options = sanitize_options(options);
    let usable: Vec<(usize, Edge)> = edges
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, e)| e.from < node_count && e.to < node_count && e.from != e.to)
        .collect();

    let reversed = back_edges(node_count, &usable);
    // Edges as laid out: acyclic, pointing from a lower row to a higher one.
    let dag: Vec<(usize, usize)> = usable
        .iter()
        .zip(&reversed)
        .map(|((_, e), &rev)| if rev { (e.to, e.from) } else { (e.from, e.to) })
        .collect();
    let rank = longest_path_layers(node_count, &dag);

    let mut graph = ProperGraph::new(&rank);
    let chains: Vec<Vec<usize>> = dag.iter().map(|&(u, v)| graph.add_chain(u, v)).collect();

    let mut order = graph.initial_order();
    let input_order_crossings = graph.total_crossings(&order);
    let crossings = graph.reduce_crossings(&mut order, input_order_crossings, options.sweeps);

    let x = graph.assign_x(&order, &options);
    let row_height = options.node_height + options.layer_gap;
    let y_of = |layer: usize| layer as f64 * row_height;

    let mut nodes = Vec::with_capacity(node_count);
    for (v, &layer) in rank.iter().enumerate() {
        nodes.push(NodePlacement {
            layer,
            order: graph.pos.get(v).copied().unwrap_or(0),
            x: x.get(v).copied().unwrap_or(0.0) - options.node_width / 2.0,
            y: y_of(layer),
        });
    }

    let mut paths = vec![Vec::new(); edges.len()];
    for (((index, _), &rev), chain) in usable.iter().zip(&reversed).zip(&chains) {
        let mut points = Vec::with_capacity(chain.len() * 2);
        for (i, &v) in chain.iter().enumerate() {
            let cx = x.get(v).copied().unwrap_or(0.0);
            let top = y_of(graph.layer.get(v).copied().unwrap_or(0));
            let bottom = top + options.node_height;
            if i == 0 {
                points.push(Point { x: cx, y: bottom });
            } else if i + 1 == chain.len() {
                points.push(Point { x: cx, y: top });
            } else {
                // A long edge passes straight through the rows it crosses.
                points.push(Point { x: cx, y: top });
                points.push(Point { x: cx, y: bottom });
            }
        }
        if rev {
            points.reverse();
        }
        if let Some(slot) = paths.get_mut(*index) {
            *slot = points;
        }
    }

    let layer_count = order.len();
    let layers = order
        .iter()
        .map(|row| row.iter().copied().filter(|&v| v < node_count).collect())
        .collect();
    let width = (0..graph.layer.len())
        .map(|v| x.get(v).copied().unwrap_or(0.0) + graph.half_width(v, &options))
        .fold(0.0, f64::max);
    let height = if layer_count == 0 {
        0.0
    } else {
        layer_count as f64 * row_height - options.layer_gap
    };

    Layout {
        nodes,
        edges: paths,
        layers,
        node_width: options.node_width,
        node_height: options.node_height,
        width,
        height,
        crossings,
        input_order_crossings,
    }
}

/// Replaces sizes that would make the drawing meaningless (negative, NaN, infinite).
fn sanitize_options(options: &LayoutOptions) -> LayoutOptions {
    // Sizes beyond a million pixels would overflow the sums of a wide row; they are not layouts.
    let size = |v: f64, fallback: f64| {
        if v.is_finite() && (0.0..=1e6).contains(&v) {
            v
        } else {
            fallback
        }
    };
    let d = LayoutOptions::default();
    LayoutOptions {
        node_width: size(options.node_width, d.node_width),
        node_height: size(options.node_height, d.node_height),
        node_gap: size(options.node_gap, d.node_gap),
        layer_gap: size(options.layer_gap, d.layer_gap),
        edge_gap: size(options.edge_gap, d.edge_gap),
        sweeps: options.sweeps.min(64),
    }
}

/// Marks the edges that close a cycle (back edges of a depth-first search in index order), so
/// that reversing them leaves an acyclic graph. Iterative: deep graphs cannot overflow the stack.
fn back_edges(node_count: usize, edges: &[(usize, Edge)]) -> Vec<bool> {
    let mut out_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); node_count];
    for (i, (_, e)) in edges.iter().enumerate() {
        out_edges[e.from].push((e.to, i));
    }
    // 0 = unvisited, 1 = on the current path, 2 = finished.
    let mut state = vec![0u8; node_count];
    let mut reversed = vec![false; edges.len()];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..node_count {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(w, edge)) = out_edges[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => reversed[edge] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    reversed
}

/// Longest-path layering of an acyclic graph: sources in row 0, every edge at least one row up.
/// The result is unique, so the processing order does not affect determinism.
fn longest_path_layers(node_count: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; node_count];
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for &(u, v) in dag {
        indegree[v] += 1;
        out_edges[u].push(v);
    }
    let mut rank = vec![0usize; node_count];
    let mut queue: VecDeque<usize> = (0..node_count).filter(|&v| indegree[v] == 0).collect();
    while let Some(u) = queue.pop_front() {
        for &v in &out_edges[u] {
            rank[v] = rank[v].max(rank[u] + 1);
            indegree[v] -= 1;
            if indegree[v] == 0 {
                queue.push_back(v);
            }
        }
    }
    rank
}

/// The layered graph with dummy nodes, so that every edge joins adjacent rows.
struct ProperGraph {
    /// Row of each node; real nodes first (same indices as the input), then dummies.
    layer: Vec<usize>,
    /// Neighbours in the row above (lower index).
    up: Vec<Vec<usize>>,
    /// Neighbours in the row below (higher index).
    down: Vec<Vec<usize>>,
    real_count: usize,
    /// Position of each node within its row, kept in step with the current order.
    pos: Vec<usize>,
}

impl ProperGraph {
    fn new(rank: &[usize]) -> Self {
        let n = rank.len();
        ProperGraph {
            layer: rank.to_vec(),
            up: vec![Vec::new(); n],
            down: vec![Vec::new(); n],
            real_count: n,
            pos: vec![0; n],
        }
    }

    /// Adds the edge `u → v` (rank of `v` above rank of `u`) as a chain through dummies and
    /// returns the chain's nodes, `u` first.
    fn add_chain(&mut self, u: usize, v: usize) -> Vec<usize> {
        let (lu, lv) = (self.layer[u], self.layer[v]);
        let mut chain = vec![u];
        let mut previous = u;
        for l in lu + 1..lv {
            let dummy = self.layer.len();
            self.layer.push(l);
            self.up.push(vec![previous]);
            self.down.push(Vec::new());
            self.pos.push(0);
            self.down[previous].push(dummy);
            chain.push(dummy);
            previous = dummy;
        }
        self.down[previous].push(v);
        self.up[v].push(previous);
        chain.push(v);
        chain
    }

    fn is_dummy(&self, v: usize) -> bool {
        v >= self.real_count
    }

    fn half_width(&self, v: usize, options: &LayoutOptions) -> f64 {
        if self.is_dummy(v) {
            0.0
        } else {
            options.node_width / 2.0
        }
    }

    /// Rows in input order (real nodes by index, then dummies in creation order).
    fn initial_order(&mut self) -> Vec<Vec<usize>> {
        let layer_count = self.layer.iter().max().map_or(0, |m| m + 1);
        let mut order = vec![Vec::new(); layer_count];
        for (v, &l) in self.layer.iter().enumerate() {
            order[l].push(v);
        }
        self.sync_positions(&order);
        order
    }

    fn sync_positions(&mut self, order: &[Vec<usize>]) {
        for row in order {
            for (i, &v) in row.iter().enumerate() {
                self.pos[v] = i;
            }
        }
    }

    /// Crossings between row `l` and row `l + 1`: the inversions of the lower endpoints when
    /// edges are sorted by upper endpoint (Barth, Jünger and Mutzel), counted with a Fenwick tree.
    fn crossings_between(&self, upper: &[usize], lower_len: usize) -> usize {
        let mut tree = vec![0usize; lower_len + 1];
        let mut seen = 0usize;
        let mut crossings = 0usize;
        let mut targets: Vec<usize> = Vec::new();
        for &u in upper {
            targets.clear();
            targets.extend(self.down[u].iter().map(|&w| self.pos[w]));
            targets.sort_unstable();
            for &t in &targets {
                // Earlier edges ending strictly to the right of `t` cross this one.
                let mut at_most = 0;
                let mut i = t + 1;
                while i > 0 {
                    at_most += tree[i];
                    i &= i - 1;
                }
                crossings += seen - at_most;
            }
            for &t in &targets {
                let mut i = t + 1;
                while i <= lower_len {
                    tree[i] += 1;
                    i += i & i.wrapping_neg();
                }
                seen += 1;
            }
        }
        crossings
    }

    fn total_crossings(&self, order: &[Vec<usize>]) -> usize {
        order
            .windows(2)
            .map(|pair| self.crossings_between(&pair[0], pair[1].len()))
            .sum()
    }

    /// Median sweeps with transposition; leaves the best ordering found in `order` and returns
    /// its crossing count.
    fn reduce_crossings(
        &mut self,
        order: &mut Vec<Vec<usize>>,
        initial: usize,
        sweeps: usize,
    ) -> usize {
        let mut best = order.clone();
        let mut best_crossings = initial;
        for sweep in 0..sweeps {
            if best_crossings == 0 {
                break;
            }
            let downward = sweep % 2 == 0;
            if downward {
                for row in order.iter_mut().skip(1) {
                    self.order_by_median(row, true);
                }
            } else {
                let last = order.len().saturating_sub(1);
                for row in order.iter_mut().take(last).rev() {
                    self.order_by_median(row, false);
                }
            }
            self.transpose(order);
            let crossings = self.total_crossings(order);
            if crossings < best_crossings {
                best_crossings = crossings;
                best.clone_from(order);
            }
        }
        *order = best;
        self.sync_positions(order);
        best_crossings
    }

    fn neighbours(&self, v: usize, upward: bool) -> &[usize] {
        if upward {
            &self.up[v]
        } else {
            &self.down[v]
        }
    }

    /// Sorts one row by the median position of each node's neighbours in the fixed row (above
    /// when `upward`). Nodes without neighbours there keep their place.
    fn order_by_median(&mut self, row: &mut [usize], upward: bool) {
        let mut keyed: Vec<(f64, usize, usize)> = Vec::new();
        let mut positions: Vec<usize> = Vec::new();
        for &v in row.iter() {
            positions.clear();
            positions.extend(self.neighbours(v, upward).iter().map(|&w| self.pos[w]));
            if positions.is_empty() {
                continue;
            }
            positions.sort_unstable();
            let mid = positions.len() / 2;
            let median = if positions.len() % 2 == 1 {
                positions[mid] as f64
            } else {
                (positions[mid - 1] + positions[mid]) as f64 / 2.0
            };
            keyed.push((median, self.pos[v], v));
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut sorted = keyed.into_iter().map(|(_, _, v)| v);
        for slot in row.iter_mut() {
            let fixed = self.neighbours(*slot, upward).is_empty();
            if !fixed {
                if let Some(v) = sorted.next() {
                    *slot = v;
                }
            }
        }
        for (i, &v) in row.iter().enumerate() {
            self.pos[v] = i;
        }
    }

    /// Crossings between the edges of `a` and of `b` (with `a` left of `b`) toward one side.
    fn pair_crossings(&self, a: usize, b: usize, upward: bool, buf: &mut [Vec<usize>; 2]) -> usize {
        let [pa, pb] = buf;
        pa.clear();
        pa.extend(self.neighbours(a, upward).iter().map(|&w| self.pos[w]));
        pb.clear();
        pb.extend(self.neighbours(b, upward).iter().map(|&w| self.pos[w]));
        pa.sort_unstable();
        pb.sort_unstable();
        // Count pairs (x in a's, y in b's) with x > y: they cross.
        let mut count = 0;
        let mut j = 0;
        for &x in pa.iter() {
            while j < pb.len() && pb[j] < x {
                j += 1;
            }
            count += j;
        }
        count
    }

    /// Swaps adjacent nodes while that lowers the crossings with both neighbouring rows.
    fn transpose(&mut self, order: &mut [Vec<usize>]) {
        let mut buf = [Vec::new(), Vec::new()];
        for _pass in 0..4 {
            let mut improved = false;
            for row in order.iter_mut() {
                for i in 1..row.len() {
                    let (a, b) = (row[i - 1], row[i]);
                    let before = self.pair_crossings(a, b, true, &mut buf)
                        + self.pair_crossings(a, b, false, &mut buf);
                    let after = self.pair_crossings(b, a, true, &mut buf)
                        + self.pair_crossings(b, a, false, &mut buf);
                    if after < before {
                        row.swap(i - 1, i);
                        self.pos[a] = i;
                        self.pos[b] = i - 1;
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Horizontal centres: rows placed in turn toward the median of their neighbours, alternating
    /// direction, each solved exactly under the no-overlap constraints.
    fn assign_x(&self, order: &[Vec<usize>], options: &LayoutOptions) -> Vec<f64> {
        let mut x = vec![0.0; self.layer.len()];
        for row in order {
            let mut cursor = 0.0;
            for (i, &v) in row.iter().enumerate() {
                if i > 0 {
                    cursor += self.separation(row[i - 1], v, options);
                } else {
                    cursor = self.half_width(v, options);
                }
                x[v] = cursor;
            }
        }
        for round in 0..4 {
            let downward = round % 2 == 0;
            let rows: Vec<usize> = if downward {
                (1..order.len()).collect()
            } else {
                (0..order.len().saturating_sub(1)).rev().collect()
            };
            for l in rows {
                let row = &order[l];
                let desired: Vec<f64> = row
                    .iter()
                    .map(|&v| median_x(self.neighbours(v, downward), &x).unwrap_or(x[v]))
                    .collect();
                let gaps: Vec<f64> = row
                    .windows(2)
                    .map(|p| self.separation(p[0], p[1], options))
                    .collect();
                let weights: Vec<f64> = row
                    .iter()
                    .map(|&v| if self.is_dummy(v) { 2.0 } else { 1.0 })
                    .collect();
                let placed = place_row(&desired, &gaps, &weights);
                for (&v, px) in row.iter().zip(placed) {
                    x[v] = px;
                }
            }
        }
        // Shift so the drawing starts at 0.
        let left = (0..x.len())
            .map(|v| x[v] - self.half_width(v, options))
            .fold(f64::INFINITY, f64::min);
        if left.is_finite() {
            for value in &mut x {
                *value -= left;
            }
        }
        x
    }

    fn separation(&self, a: usize, b: usize, options: &LayoutOptions) -> f64 {
        let gap = if self.is_dummy(a) || self.is_dummy(b) {
            options.edge_gap
        } else {
            options.node_gap
        };
        self.half_width(a, options) + self.half_width(b, options) + gap
    }
}

fn median_x(neighbours: &[usize], x: &[f64]) -> Option<f64> {
    if neighbours.is_empty() {
        return None;
    }
    let mut xs: Vec<f64> = neighbours.iter().map(|&w| x[w]).collect();
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len() % 2 == 1 {
        xs[mid]
    } else {
        (xs[mid - 1] + xs[mid]) / 2.0
    })
}

/// Positions minimising Σ wᵢ(xᵢ − desiredᵢ)² subject to xᵢ₊₁ − xᵢ ≥ gapᵢ: substituting
/// yᵢ = xᵢ − Σ_{k<i} gap_k turns it into weighted isotonic regression, which the
/// pool-adjacent-violators algorithm solves exactly in linear time.
fn place_row(desired: &[f64], gaps: &[f64], weights: &[f64]) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(desired.len());
    let mut offset = 0.0;
    for i in 0..desired.len() {
        if i > 0 {
            offset += gaps.get(i - 1).copied().unwrap_or(0.0);
        }
        offsets.push(offset);
    }
    // Blocks of (weighted sum, total weight, count), each with one common value.
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..desired.len() {
        let w = weights.get(i).copied().unwrap_or(1.0);
        blocks.push((w * (desired[i] - offsets[i]), w, 1));
        while blocks.len() >= 2 {
            let last = blocks[blocks.len() - 1];
            let prev = blocks[blocks.len() - 2];
            if prev.0 / prev.1 > last.0 / last.1 {
                blocks.pop();
                let merged = blocks.len() - 1;
                blocks[merged] = (prev.0 + last.0, prev.1 + last.1, prev.2 + last.2);
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (sum, weight, count) in blocks {
        let value = sum / weight;
        for _ in 0..count {
            out.push(value + offsets[out.len()]);
        }
    }
    out
}

/// What an edge of the pathway map means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapEdgeKind {
    /// The source is named in the target's `requires`: it counts toward it.
    CountsToward,
    /// The source is named in the target's `prerequisites`: it must be held before starting.
    Prerequisite,
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
            })
            .collect()
    }

    /// Lays the map out; `Layout::edges[i]` draws `self.edges[i]`.
    pub fn layout(&self, options: &LayoutOptions) -> Layout {
        layout(self.ids.len(), &self.layout_edges(), options)
    }

    /// Nodes joined to `node` by an edge in either direction, sorted, without duplicates: what
    /// the map highlights around the focused node and where the arrow keys can go.
    pub fn neighbours(&self, node: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .edges
            .iter()
            .filter_map(|e| {
                if e.from == node {
                    Some(e.to)
                } else if e.to == node {
                    Some(e.from)
                } else {
                    None
                }
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests;
