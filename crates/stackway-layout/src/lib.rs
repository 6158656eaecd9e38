//! Layout of the pathway map, drawn left to right like the career ladders and program maps
//! colleges print: micro-credentials on the left, what they stack into further right, each
//! level a column. Lines run at right angles, in channels between the columns, and end with
//! an arrow at their target.
//!
//! This is the layered ("Sugiyama") method with orthogonal routing, after ELK Layered, written
//! small because the widget ships it to phones (a general-purpose layout engine costs more
//! than the widget's whole budget):
//!
//! 1. **Cycles** are tolerated: a depth-first search in index order finds back edges, which are
//!    laid out reversed and drawn in their original direction ([`rank`]).
//! 2. **Columns** are the longest path from the sources, then sources move right next to what
//!    they feed ([`rank`]).
//! 3. **Dummies and order**: a line spanning several columns passes them through dummies shared
//!    by every line into the same target with the same meaning; the order within each column
//!    comes from barycentre sweeps and transposition; unrelated families are ordered apart and
//!    stacked ([`order`]).
//! 4. **Places**: each column is placed as close as possible to its neighbours under the
//!    no-overlap constraints, exactly, by pool-adjacent-violators ([`place`]).
//! 5. **Routing**: one vertical bus per target in each channel, ordered to cross as little as
//!    possible, one port per outgoing line on a box's right side ([`route`]).
//!
//! Boxes may differ in size: the widget gives each credential the box its wrapped title needs
//! ([`wrap`]). [`check`] measures any drawing (crossings, lines through boxes) the same way.
//!
//! Everything is deterministic (no hash-map order, ties broken by index) and never panics on any
//! input: edges naming nodes that do not exist, self-loops, duplicates and absurd sizes are all
//! accepted. No I/O.
//!
//! The crate depends on stackway-feed only, for [`MapGraph`], the map's nodes and lines read from
//! a feed's credentials, requirements and prerequisites; the layout itself works on indices and
//! sizes and knows nothing of the feed. It does not depend on the engine: the map shows what
//! stacks into what, not a learner's progress (`tests/dependency_policy.rs` in stackway-core
//! enforces the edges). In the widget it runs only in the second module (the map view).

use std::collections::BTreeMap;

pub mod check;
mod graph;
mod order;
mod place;
mod rank;
mod route;
pub mod wrap;

pub use graph::{MapEdge, MapEdgeKind, MapGraph};
use order::ProperGraph;

// The feed's model under the path this crate's code has always used (`crate::feed::…`).
#[cfg(test)]
use stackway_feed::bench_support;
use stackway_feed::feed;

/// A directed edge between two nodes given by index, pointing "up" the stack: from a
/// micro-credential to the certificate it counts toward, or from a prerequisite to what it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// What the edge means. Lines of one class into one target merge into one bus; lines of
    /// different classes never share a stretch (they are drawn differently).
    pub class: u8,
}

/// The size of a node's box, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            width: 176.0,
            height: 64.0,
        }
    }
}

/// Spacing of the drawing, in CSS pixels. The defaults follow the widget's 8 px grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Vertical space between two boxes in a column.
    pub node_gap: f64,
    /// Vertical space between a box and a line passing its column.
    pub line_gap: f64,
    /// Vertical space between two unrelated families of credentials.
    pub band_gap: f64,
    /// Horizontal space between a box and the nearest vertical line of a channel.
    pub channel_margin: f64,
    /// Horizontal space between two vertical lines in a channel.
    pub track_gap: f64,
    /// Most crossing-reduction sweeps (each alternates direction; stops early without progress).
    pub sweeps: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            node_gap: 16.0,
            line_gap: 12.0,
            band_gap: 48.0,
            channel_margin: 24.0,
            track_gap: 12.0,
            sweeps: 24,
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
    /// Column, from 0 (left: micro-credentials) to the right.
    pub column: usize,
    /// Position within the column, from 0 (top).
    pub order: usize,
    /// Left edge of the box.
    pub x: f64,
    /// Top edge of the box.
    pub y: f64,
    /// Width of the box.
    pub width: f64,
    /// Height of the box.
    pub height: f64,
}

/// The finished layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// One placement per input node, by index.
    pub nodes: Vec<NodePlacement>,
    /// One orthogonal polyline per input edge, in input order, drawn from `from`'s box to
    /// `to`'s box. Empty for edges that cannot be drawn (a self-loop, an index out of range).
    pub edges: Vec<Vec<Point>>,
    /// Where lines join a bus: drawn as dots, so that a join never reads as a crossing.
    pub junctions: Vec<Point>,
    /// The nodes of each column, top to bottom.
    pub columns: Vec<Vec<usize>>,
    /// Total width of the drawing.
    pub width: f64,
    /// Total height of the drawing.
    pub height: f64,
    /// Places where two lines cross (a join at a bus is not a crossing).
    pub crossings: usize,
}

/// Lays out a graph of `sizes.len()` nodes. Never panics; deterministic for a given input.
///
/// The phases of the module doc, in order: the edges that can be drawn, columns, dummies and
/// order with places (band by band), routing, then the geometry across the drawing (columns
/// and channels), the boxes and the lines.
pub fn layout(sizes: &[Size], edges: &[Edge], options: &LayoutOptions) -> Layout {
    let options = sanitize_options(options);
    let sizes: Vec<Size> = sizes.iter().map(sanitize_size).collect();
    let n = sizes.len();

    let usable = UsableEdges::of(edges, n);
    let ranking = Ranking::of(n, &usable.distinct);
    let (mut graph, chains) = ProperGraph::new(&ranking.column, &ranking.dag);
    let heights: Vec<f64> = (0..graph.len())
        .map(|v| sizes.get(v).map_or(0.0, |s| s.height))
        .collect();
    let (y, order) = place_bands(&mut graph, &heights, ranking.column_count, &options);
    let routing = route::route(
        &graph,
        &y,
        &heights,
        options.line_gap,
        ranking.column_count.saturating_sub(1),
    );
    let across = Across::measure(&sizes, &ranking, &routing.tracks, &options);
    let nodes = node_placements(&sizes, &ranking.column, &order, &y, &across);

    let drawn: Vec<Vec<Point>> = chains
        .iter()
        .zip(&ranking.dag)
        .zip(&ranking.reversed)
        .map(|((chain, &(_, _, class)), &reversed)| {
            let mut points = simplify(chain_points(chain, class, &routing, &nodes, &across));
            if reversed {
                points.reverse();
            }
            points
        })
        .collect();
    let lines: Vec<Vec<Point>> = usable
        .canonical
        .iter()
        .map(|c| c.and_then(|i| drawn.get(i).cloned()).unwrap_or_default())
        .collect();

    let junctions = junctions(&routing.buses, |bus, track| across.track_x(bus, track));
    let columns = order
        .iter()
        .map(|col| col.iter().copied().filter(|&v| v < n).collect())
        .collect();
    let height = nodes
        .iter()
        .map(|p| p.y + p.height)
        .chain(y.iter().copied())
        .fold(0.0, f64::max);
    Layout {
        nodes,
        edges: lines,
        junctions,
        columns,
        width: across.width,
        height,
        crossings: routing.crossings,
    }
}

/// The edges of the input that can be drawn (both ends exist, not a self-loop), each distinct
/// (from, to, class) once: two copies of one edge are drawn as one line.
struct UsableEdges {
    /// Each distinct usable edge as (from, to, class), in the order of its first copy.
    distinct: Vec<(usize, usize, u8)>,
    /// For each input edge, its index in `distinct`; `None` for an edge that cannot be drawn.
    canonical: Vec<Option<usize>>,
}

impl UsableEdges {
    fn of(edges: &[Edge], n: usize) -> Self {
        let mut index: BTreeMap<(usize, usize, u8), usize> = BTreeMap::new();
        let mut distinct: Vec<(usize, usize, u8)> = Vec::new();
        let canonical = edges
            .iter()
            .map(|e| {
                (e.from < n && e.to < n && e.from != e.to).then(|| {
                    let key = (e.from, e.to, e.class);
                    *index.entry(key).or_insert_with(|| {
                        distinct.push(key);
                        distinct.len() - 1
                    })
                })
            })
            .collect();
        UsableEdges {
            distinct,
            canonical,
        }
    }
}

/// Phases 1 and 2: which edges are laid out reversed (to break cycles), and each node's column.
struct Ranking {
    /// For each distinct usable edge, whether it closes a cycle and is laid out reversed.
    reversed: Vec<bool>,
    /// The edges as laid out: acyclic, each pointing to a column further right.
    dag: Vec<(usize, usize, u8)>,
    /// Each node's column.
    column: Vec<usize>,
    /// How many columns there are.
    column_count: usize,
}

impl Ranking {
    fn of(n: usize, usable: &[(usize, usize, u8)]) -> Self {
        let pairs: Vec<(usize, usize)> = usable.iter().map(|&(u, v, _)| (u, v)).collect();
        let reversed = rank::back_edges(n, &pairs);
        let dag: Vec<(usize, usize, u8)> = usable
            .iter()
            .zip(&reversed)
            .map(|(&(u, v, c), &rev)| if rev { (v, u, c) } else { (u, v, c) })
            .collect();
        let dag_pairs: Vec<(usize, usize)> = dag.iter().map(|&(u, v, _)| (u, v)).collect();
        let column = rank::columns(n, &dag_pairs);
        let column_count = column.iter().max().map_or(0, |m| m + 1);
        Ranking {
            reversed,
            dag,
            column,
            column_count,
        }
    }
}

/// The drawing across: columns as wide as their widest box, and after each but the last a
/// channel as wide as its tracks need.
struct Across {
    /// Each column's left edge.
    column_left: Vec<f64>,
    /// Each column's width.
    column_width: Vec<f64>,
    /// The drawing's total width.
    width: f64,
    /// Space between a column's boxes and its channel's first track.
    channel_margin: f64,
    /// Space between two tracks of a channel.
    track_gap: f64,
}

impl Across {
    fn measure(
        sizes: &[Size],
        ranking: &Ranking,
        tracks: &[usize],
        options: &LayoutOptions,
    ) -> Self {
        let mut column_width = vec![0.0f64; ranking.column_count];
        for (v, size) in sizes.iter().enumerate() {
            let c = ranking.column[v];
            column_width[c] = column_width[c].max(size.width);
        }
        let mut column_left = Vec::with_capacity(ranking.column_count);
        let mut cursor = 0.0;
        for (c, width) in column_width.iter().enumerate() {
            column_left.push(cursor);
            cursor += width;
            if let Some(&tracks) = tracks.get(c) {
                cursor += 2.0 * options.channel_margin
                    + options.track_gap * tracks.saturating_sub(1) as f64;
            }
        }
        Across {
            column_left,
            column_width,
            width: cursor,
            channel_margin: options.channel_margin,
            track_gap: options.track_gap,
        }
    }

    /// Where track `track` of `bus`'s channel runs.
    fn track_x(&self, bus: &route::Bus, track: usize) -> f64 {
        self.column_left[bus.channel]
            + self.column_width[bus.channel]
            + self.channel_margin
            + self.track_gap * track as f64
    }
}

/// Each real node's box: centred in its column, around its place `y`.
fn node_placements(
    sizes: &[Size],
    column: &[usize],
    order: &[Vec<usize>],
    y: &[f64],
    across: &Across,
) -> Vec<NodePlacement> {
    let n = sizes.len();
    (0..n)
        .map(|v| {
            let c = column[v];
            let order_in_column = order[c]
                .iter()
                .filter(|&&w| w < n)
                .position(|&w| w == v)
                .unwrap_or(0);
            NodePlacement {
                column: c,
                order: order_in_column,
                x: across.column_left[c] + (across.column_width[c] - sizes[v].width) / 2.0,
                y: y[v] - sizes[v].height / 2.0,
                width: sizes[v].width,
                height: sizes[v].height,
            }
        })
        .collect()
}

/// The points of one laid-out edge, from its source's box to its target's, through the
/// dummies of `chain`: out of a port on the source's right side, along each channel's bus of
/// its class, into the target's left side. Not yet simplified, and in laid-out direction.
fn chain_points(
    chain: &[usize],
    class: u8,
    routing: &route::Routing,
    nodes: &[NodePlacement],
    across: &Across,
) -> Vec<Point> {
    let mut points = Vec::with_capacity(chain.len() * 2 + 2);
    for (hop, pair) in chain.windows(2).enumerate() {
        let Some(&b) = routing.bus_of.get(&(pair[0], pair[1], class)) else {
            continue;
        };
        let bus = &routing.buses[b];
        let port = bus
            .inputs
            .iter()
            .find(|&&(s, _)| s == pair[0])
            .map_or(bus.out, |&(_, py)| py);
        if hop == 0 {
            let from = &nodes[pair[0]];
            points.push(Point {
                x: from.x + from.width,
                y: port,
            });
        }
        if let Some(track) = bus.track {
            let x = across.track_x(bus, track);
            points.push(Point { x, y: port });
            points.push(Point { x, y: bus.out });
        }
        if hop + 2 == chain.len() {
            points.push(Point {
                x: nodes[pair[1]].x,
                y: bus.out,
            });
        }
    }
    points
}

/// Orders and places each connected family on its own band, the bands stacked top to bottom
/// in the order of their first node (isolated nodes last). Returns every node's centre (y)
/// and each column's order over all bands.
fn place_bands(
    graph: &mut ProperGraph,
    heights: &[f64],
    column_count: usize,
    options: &LayoutOptions,
) -> (Vec<f64>, Vec<Vec<usize>>) {
    let (component, count) = graph.components();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (v, &c) in component.iter().enumerate() {
        if let Some(list) = members.get_mut(c) {
            list.push(v);
        }
    }
    let weights: Vec<f64> = (0..graph.len())
        .map(|v| if graph.is_dummy(v) { 2.0 } else { 1.0 })
        .collect();
    let mut y = vec![0.0; graph.len()];
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); column_count];
    let mut band_top = 0.0;
    for list in &members {
        let band = graph.order_component(list, column_count, options.sweeps);
        let separation = |a: usize, b: usize| {
            if graph.is_dummy(a) || graph.is_dummy(b) {
                options.line_gap
            } else {
                options.node_gap
            }
        };
        let neighbours = |v: usize, leftward: bool| -> &[(usize, u8)] {
            if leftward {
                &graph.pred[v]
            } else {
                &graph.succ[v]
            }
        };
        place::place_component(&band, heights, &weights, neighbours, separation, &mut y);
        let mut bottom: f64 = 0.0;
        for &v in band.iter().flatten() {
            y[v] += band_top;
            bottom = bottom.max(y[v] + heights[v] / 2.0);
        }
        band_top = bottom + options.band_gap;
        for (all, part) in order.iter_mut().zip(band) {
            all.extend(part);
        }
    }
    (y, order)
}

/// Drops repeated points and points in the middle of a straight stretch.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out
            .last()
            .is_some_and(|q| (q.x - p.x).abs() < 1e-9 && (q.y - p.y).abs() < 1e-9)
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let collinear = ((a.x - b.x).abs() < 1e-9 && (b.x - p.x).abs() < 1e-9)
                || ((a.y - b.y).abs() < 1e-9 && (b.y - p.y).abs() < 1e-9);
            if collinear {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// The points of a bus where three or more stretches of line meet.
fn junctions(buses: &[route::Bus], track_x: impl Fn(&route::Bus, usize) -> f64) -> Vec<Point> {
    let mut out = Vec::new();
    for bus in buses {
        let Some(track) = bus.track else { continue };
        let x = track_x(bus, track);
        let mut ys: Vec<f64> = bus.inputs.iter().map(|&(_, y)| y).collect();
        ys.push(bus.out);
        ys.sort_by(f64::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
        for y in ys {
            let arms = usize::from(y > bus.lo + 1e-6)
                + usize::from(y < bus.hi - 1e-6)
                + usize::from(bus.inputs.iter().any(|&(_, iy)| (iy - y).abs() < 1e-6))
                + usize::from((bus.out - y).abs() < 1e-6);
            if arms >= 3 {
                out.push(Point { x, y });
            }
        }
    }
    out
}

fn sanitize_size(size: &Size) -> Size {
    let d = Size::default();
    let ok = |v: f64, fallback: f64| {
        // Sizes beyond a hundred thousand pixels would overflow the sums of a tall column.
        if v.is_finite() && (0.0..=1e5).contains(&v) {
            v
        } else {
            fallback
        }
    };
    Size {
        width: ok(size.width, d.width),
        height: ok(size.height, d.height),
    }
}

/// Replaces spacings that would make the drawing meaningless (negative, NaN, infinite).
fn sanitize_options(options: &LayoutOptions) -> LayoutOptions {
    let d = LayoutOptions::default();
    let ok = |v: f64, fallback: f64| {
        if v.is_finite() && (0.0..=1e4).contains(&v) {
            v
        } else {
            fallback
        }
    };
    LayoutOptions {
        node_gap: ok(options.node_gap, d.node_gap),
        line_gap: ok(options.line_gap, d.line_gap),
        band_gap: ok(options.band_gap, d.band_gap),
        channel_margin: ok(options.channel_margin, d.channel_margin),
        track_gap: ok(options.track_gap, d.track_gap),
        sweeps: options.sweeps.min(64),
    }
}

#[cfg(test)]
mod tests;
