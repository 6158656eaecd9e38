//! Layout of a 2,000-node pathway graph (the widget's map budget is 100 ms in wasm).
//! Run: `cargo bench -p stackway-layout --bench layout`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use stackway_layout::{layout, Edge, LayoutOptions, Size};

/// The same generator shape as the browser benchmark page: `rows` rows, each node above the
/// first counting toward from 2–4 nodes below (mostly the row just below), shuffled indices.
fn pathway_graph(seed: u64, rows: usize, per_row: usize) -> (usize, Vec<Edge>) {
    let mut state = seed;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % n as u64) as usize
    };
    let n = rows * per_row;
    let mut permutation: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        permutation.swap(i, next(i + 1));
    }
    let mut edges = Vec::new();
    for row in 1..rows {
        for k in 0..per_row {
            let to = row * per_row + k;
            for _ in 0..2 + next(3) {
                let from_row = if next(4) == 0 { next(row) } else { row - 1 };
                edges.push(Edge {
                    from: permutation[from_row * per_row + next(per_row)],
                    to: permutation[to],
                    class: 0,
                });
            }
        }
    }
    (n, edges)
}

fn bench_layout(c: &mut Criterion) {
    let options = LayoutOptions::default();
    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    for &(rows, per_row) in &[(4, 50), (5, 400)] {
        let (n, edges) = pathway_graph(42, rows, per_row);
        let sizes = vec![Size::default(); n];
        let result = layout(&sizes, &edges, &options);
        eprintln!(
            "layout {n} nodes, {} edges: crossings {}",
            edges.len(),
            result.crossings
        );
        group.bench_function(format!("{n}_nodes"), |b| {
            b.iter(|| layout(black_box(&sizes), black_box(&edges), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
