//! Tests of the layered layout. Graphs come from a small seeded generator, so every failure
//! reproduces; proptest covers arbitrary (including hostile) inputs.

use proptest::prelude::*;

use super::*;
use crate::feed::{Credential, Institution, Kind, Text};

/// A tiny deterministic pseudo-random generator (SplitMix64) for building test graphs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A pathway-shaped graph: `rows` rows of credentials; each node above the first row has 2–4
/// sources in lower rows (mostly the row just below). Node indices are shuffled so that input
/// order carries no layout information.
fn pathway_graph(seed: u64, rows: usize, per_row: usize) -> (usize, Vec<Edge>) {
    let mut rng = Rng(seed);
    let n = rows * per_row;
    let mut permutation: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        permutation.swap(i, rng.below(i + 1));
    }
    let mut edges = Vec::new();
    for row in 1..rows {
        for k in 0..per_row {
            let to = row * per_row + k;
            for _ in 0..2 + rng.below(3) {
                let from_row = if rng.below(4) == 0 {
                    rng.below(row)
                } else {
                    row - 1
                };
                let from = from_row * per_row + rng.below(per_row);
                edges.push(Edge {
                    from: permutation[from],
                    to: permutation[to],
                });
            }
        }
    }
    (n, edges)
}

/// Counts crossings geometrically from the drawn polylines: two segments joining the same pair
/// of rows cross when their horizontal order swaps. Independent of the ordering-based counter.
fn geometric_crossings(layout: &Layout) -> usize {
    let layer_gap = LayoutOptions::default().layer_gap;
    let mut segments: BTreeMap<i64, Vec<(f64, f64)>> = BTreeMap::new();
    for points in &layout.edges {
        for pair in points.windows(2) {
            let (top, bottom) = if pair[0].y < pair[1].y {
                (pair[0], pair[1])
            } else {
                (pair[1], pair[0])
            };
            // Only segments spanning the gap between two rows can cross; the parts of long
            // edges running through a row are vertical and meet no other edge there.
            if (bottom.y - top.y - layer_gap).abs() < 1e-9 {
                segments
                    .entry(top.y.round() as i64)
                    .or_default()
                    .push((top.x, bottom.x));
            }
        }
    }
    let mut crossings = 0;
    for list in segments.values() {
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                let (a, b) = (list[i], list[j]);
                if (a.0 - b.0) * (a.1 - b.1) < -1e-9 {
                    crossings += 1;
                }
            }
        }
    }
    crossings
}

fn assert_no_overlaps(layout: &Layout, options: &LayoutOptions) {
    for row in &layout.layers {
        for pair in row.windows(2) {
            let (a, b) = (layout.nodes[pair[0]], layout.nodes[pair[1]]);
            assert!(
                b.x - (a.x + layout.node_width) >= options.node_gap - 1e-6,
                "nodes {} and {} overlap: {a:?} {b:?}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn a_twisted_pair_is_untangled() {
    // 0 → 3 and 1 → 2 cross in input order; swapping one row removes the crossing.
    let edges = [Edge { from: 0, to: 3 }, Edge { from: 1, to: 2 }];
    let result = layout(4, &edges, &LayoutOptions::default());
    assert_eq!(result.input_order_crossings, 1);
    assert_eq!(result.crossings, 0);
    assert_eq!(geometric_crossings(&result), 0);
}

#[test]
fn layers_follow_the_longest_path_and_every_edge_points_up() {
    // A micro-credential counting toward a certificate and directly toward a degree: the degree
    // sits above the certificate, not beside it.
    let edges = [
        Edge { from: 0, to: 1 },
        Edge { from: 1, to: 2 },
        Edge { from: 0, to: 2 },
        Edge { from: 3, to: 2 },
    ];
    let result = layout(4, &edges, &LayoutOptions::default());
    let layers: Vec<usize> = result.nodes.iter().map(|n| n.layer).collect();
    assert_eq!(layers, vec![0, 1, 2, 0]);
    assert_eq!(result.layers, vec![vec![0, 3], vec![1], vec![2]]);
    // The long edge 0 → 2 bends through one dummy: 4 points.
    assert_eq!(result.edges[2].len(), 4);
    assert!(result.height > 0.0 && result.width >= result.node_width);
}

#[test]
fn generated_graphs_respect_edges_and_do_not_overlap() {
    let options = LayoutOptions::default();
    for seed in 0..20 {
        let (n, edges) = pathway_graph(seed, 4, 12);
        let result = layout(n, &edges, &options);
        for e in &edges {
            assert!(result.nodes[e.from].layer < result.nodes[e.to].layer);
        }
        assert_no_overlaps(&result, &options);
        for (e, points) in edges.iter().zip(&result.edges) {
            let (first, last) = (points[0], points[points.len() - 1]);
            let from = result.nodes[e.from];
            let to = result.nodes[e.to];
            assert!((first.x - (from.x + result.node_width / 2.0)).abs() < 1e-6);
            assert!((first.y - (from.y + result.node_height)).abs() < 1e-6);
            assert!((last.x - (to.x + result.node_width / 2.0)).abs() < 1e-6);
            assert!((last.y - to.y).abs() < 1e-6);
        }
    }
}

#[test]
fn crossing_reduction_beats_input_order_by_a_wide_margin() {
    let options = LayoutOptions::default();
    let (mut before, mut after) = (0, 0);
    for seed in 0..20 {
        let (n, edges) = pathway_graph(seed, 4, 12);
        let result = layout(n, &edges, &options);
        assert!(result.crossings <= result.input_order_crossings);
        assert_eq!(
            result.crossings,
            geometric_crossings(&result),
            "seed {seed}"
        );
        before += result.input_order_crossings;
        after += result.crossings;
    }
    // Random order of a dense pathway graph crosses a lot; sweeps must remove at least half.
    assert!(after * 2 < before, "before {before}, after {after}");
}

#[test]
fn layout_is_deterministic() {
    let (n, edges) = pathway_graph(7, 5, 30);
    let options = LayoutOptions::default();
    assert_eq!(layout(n, &edges, &options), layout(n, &edges, &options));
}

#[test]
fn cycles_self_loops_and_bad_indices_are_tolerated() {
    let edges = [
        Edge { from: 0, to: 1 },
        Edge { from: 1, to: 2 },
        Edge { from: 2, to: 0 },
        Edge { from: 1, to: 1 },
        Edge { from: 9, to: 0 },
    ];
    let result = layout(3, &edges, &LayoutOptions::default());
    assert_eq!(result.nodes.len(), 3);
    // The cycle's edges are all drawn, in their own direction.
    for (e, points) in edges.iter().zip(&result.edges).take(3) {
        assert!(points.len() >= 2);
        let from = result.nodes[e.from];
        assert!((points[0].x - (from.x + result.node_width / 2.0)).abs() < 1e-6);
    }
    assert!(result.edges[3].is_empty() && result.edges[4].is_empty());
}

#[test]
fn an_empty_graph_has_an_empty_layout() {
    let result = layout(0, &[], &LayoutOptions::default());
    assert!(result.nodes.is_empty() && result.layers.is_empty());
    assert_eq!((result.width, result.height), (0.0, 0.0));
}

#[test]
fn the_map_graph_links_requirements_and_prerequisites() {
    let mut micro = Credential::new("m1", Kind::MicroCredential, "Micro 1");
    micro.prerequisites = Some(Requirement::Credential("m0".into()));
    let mut certificate = Credential::new("cert", Kind::Certificate, "Certificate");
    certificate.requires = Some(Requirement::All {
        all: vec![
            Requirement::Credential("m0".into()),
            Requirement::Credential("m1".into()),
            Requirement::Credential("m1".into()),
            Requirement::Credential("missing".into()),
        ],
        label: None,
    });
    let feed = Feed {
        stackway: 1,
        id: "t".into(),
        updated: None,
        languages: vec!["en".into()],
        credit_label: None,
        provider: Institution {
            id: "p".into(),
            name: Text::Plain("P".into()),
            url: None,
        },
        institutions: vec![],
        skills: vec![],
        credentials: vec![
            Credential::new("m0", Kind::MicroCredential, "Micro 0"),
            micro,
            certificate,
        ],
        equivalences: vec![],
        pathways: vec![],
    };
    let graph = MapGraph::from_feed(&feed);
    assert_eq!(
        graph.edges,
        vec![
            MapEdge {
                from: 0,
                to: 1,
                kind: MapEdgeKind::Prerequisite
            },
            MapEdge {
                from: 0,
                to: 2,
                kind: MapEdgeKind::CountsToward
            },
            MapEdge {
                from: 1,
                to: 2,
                kind: MapEdgeKind::CountsToward
            },
        ]
    );
    assert_eq!(graph.neighbours(1), vec![0, 2]);
    let result = graph.layout(&LayoutOptions::default());
    assert_eq!(
        result.nodes.iter().map(|n| n.layer).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_never_overlaps(
        n in 0usize..40,
        raw in prop::collection::vec((0usize..45, 0usize..45), 0..120),
        sweeps in 0usize..10,
    ) {
        let edges: Vec<Edge> = raw.iter().map(|&(from, to)| Edge { from, to }).collect();
        let options = LayoutOptions { sweeps, ..LayoutOptions::default() };
        let result = layout(n, &edges, &options);
        prop_assert_eq!(result.nodes.len(), n);
        prop_assert_eq!(result.edges.len(), edges.len());
        prop_assert!(result.crossings <= result.input_order_crossings);
        assert_no_overlaps(&result, &options);
        for node in &result.nodes {
            prop_assert!(node.x.is_finite() && node.x >= -1e-6);
            prop_assert!(node.x + result.node_width <= result.width + 1e-6);
        }
        let placed: usize = result.layers.iter().map(Vec::len).sum();
        prop_assert_eq!(placed, n);
    }

    #[test]
    fn hostile_options_are_replaced(
        width in prop::num::f64::ANY,
        gap in prop::num::f64::ANY,
        sweeps in 0usize..1_000_000,
    ) {
        let options = LayoutOptions { node_width: width, node_gap: gap, sweeps, ..LayoutOptions::default() };
        let (n, edges) = pathway_graph(3, 3, 5);
        let result = layout(n, &edges, &options);
        prop_assert!(result.width.is_finite() && result.height.is_finite());
    }
}
