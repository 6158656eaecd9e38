//! Engine benchmarks (criterion). Run: `cargo bench -p stackway-engine --bench engine`.
//!
//! - `progress_all/10k`: progress for every stackable credential of a generated feed of 10,000
//!   credentials (1,000 stackable, with ladders), for a learner holding 60 credentials: the
//!   overview numbers (`summary-*`, `engine::progress_summary_all`), the full reports
//!   (`held-60`, `empty-record`, `engine::progress_all`) and, as the baseline, indexing the feed
//!   (`catalog-build`, done once per feed). The generators live in `stackway_engine::bench_support`.
//! - `best_route/300`: optimal route to a goal whose expanded tree references 300 credentials
//!   in overlapping `choose` groups, plus a `credits` group and prerequisites.
//! - `plan_scaling/<size>/<overlap>`: the same shape at other sizes and overlap shares; the
//!   search-node counts are printed to stderr for the table in docs/benchmarks.md.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use stackway_engine::bench_support::{big_feed, route_feed};
use stackway_engine::plan::{best_route, Objective};
use stackway_engine::{engine, Catalog, Record};

fn bench_progress(c: &mut Criterion) {
    let (cat, record) = big_feed();
    let empty = Record::new(record.as_of);
    let mut g = c.benchmark_group("progress_all");
    g.sample_size(30);
    g.bench_function("10k/summary-held-60", |b| {
        b.iter(|| black_box(engine::progress_summary_all(&cat, &record)))
    });
    g.bench_function("10k/summary-empty-record", |b| {
        b.iter(|| black_box(engine::progress_summary_all(&cat, &empty)))
    });
    g.bench_function("10k/held-60", |b| {
        b.iter(|| black_box(engine::progress_all(&cat, &record)))
    });
    g.bench_function("10k/empty-record", |b| {
        b.iter(|| black_box(engine::progress_all(&cat, &empty)))
    });
    g.bench_function("10k/catalog-build", |b| {
        b.iter(|| black_box(Catalog::new(cat.feed())))
    });
    g.finish();
}

fn bench_route(c: &mut Criterion) {
    let mut g = c.benchmark_group("best_route");
    g.sample_size(20);
    let (cat, record) = route_feed(300, 30, 0xbeef);
    let route = best_route(&cat, &record, "goal", Objective::Cost).unwrap();
    eprintln!(
        "best_route/300: feasible {} optimal {} added {} explored {}",
        route.feasible,
        route.optimal,
        route.add.len(),
        route.explored
    );
    g.bench_function("300/overlap-30", |b| {
        b.iter(|| black_box(best_route(&cat, &record, "goal", Objective::Cost).unwrap()))
    });
    g.finish();

    let mut g = c.benchmark_group("plan_scaling");
    g.sample_size(10);
    for size in [50usize, 100, 300, 1000] {
        for overlap in [0u64, 30, 60, 90] {
            let (cat, record) = route_feed(size, overlap, 0xbeef + size as u64);
            let route = best_route(&cat, &record, "goal", Objective::Cost).unwrap();
            eprintln!(
                "plan_scaling/{size}/{overlap}: feasible {} optimal {} added {} explored {}",
                route.feasible,
                route.optimal,
                route.add.len(),
                route.explored
            );
            g.bench_with_input(
                BenchmarkId::new(format!("{size}"), overlap),
                &(cat, record),
                |b, (cat, record)| {
                    b.iter(|| black_box(best_route(cat, record, "goal", Objective::Cost).unwrap()))
                },
            );
        }
    }
    g.finish();
}

criterion_group!(benches, bench_progress, bench_route);
criterion_main!(benches);
