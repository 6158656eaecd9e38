//! What a change to the learner's plan costs the Programs view (criterion, native). Run:
//! `cargo bench -p stackway --bench programs`.
//!
//! Each change recomputes `Insights`: every program's bar from the lean summary, the full report
//! and cheapest route of each card on the shown pages, the goal's route and what its steps
//! unlock. Cases:
//! - `programs/sample/plan-change`: the bundled sample feed (9 programs, all on the first page).
//! - `programs/1k/*`: stackway-core's benchmark feed (9,000 micro-credentials, 1,000 programs,
//!   a learner holding 60): `bars-only` (no page shown: the summary, the goal's route and
//!   unlocks, the baseline every change pays), `plan-change` (the first page of 25 cards shown),
//!   `plan-change-2-pages` (50 shown), `show-more` (the second page's 25 cards added to the
//!   first, which is all "show more" computes).
//!
//! Native only (the widget's own wasm32 timing is the browser bench, tests/bench/widget-bench.mjs).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};
    use stackway::bench::{Insights, Plan, PAGE_SIZE};
    use stackway_core::bench_support::big_feed;
    use stackway_core::{parse_feed, Catalog, Date};

    fn sample() -> (Catalog, Plan) {
        let text = include_str!("../www/feeds/sample.json");
        let feed = parse_feed(text).feed.expect("the sample feed reads");
        let mut plan = Plan::default();
        for id in ["data-foundations", "data-spreadsheets", "cyber-foundations"] {
            plan.held.insert(id.to_owned(), None);
        }
        plan.goal = Some("diploma-business-analytics".to_owned());
        (Catalog::new(&feed), plan)
    }

    fn large() -> (Catalog, Plan, Option<Date>) {
        let (cat, record) = big_feed();
        let mut plan = Plan::default();
        for held in &record.held {
            plan.held.insert(held.id.clone(), None);
        }
        plan.goal = Some("s500".to_owned());
        (cat, plan, record.as_of)
    }

    fn bench(c: &mut Criterion) {
        let mut g = c.benchmark_group("programs");
        g.sample_size(20);
        let (cat, plan) = sample();
        let today = Date::parse("2026-11-29");
        g.bench_function("sample/plan-change", |b| {
            b.iter(|| black_box(Insights::compute(&cat, &plan, today, PAGE_SIZE)))
        });

        let (cat, plan, today) = large();
        let first = Insights::compute(&cat, &plan, today, PAGE_SIZE);
        let routes = first.programs.iter().filter(|p| p.route.is_some()).count();
        let nodes: u64 = first
            .programs
            .iter()
            .filter_map(|p| p.route.as_ref())
            .map(|r| r.explored)
            .sum();
        eprintln!(
            "programs/1k: {} programs, {routes} card routes on the first page, {nodes} search nodes",
            first.programs.len()
        );
        g.bench_function("1k/bars-only", |b| {
            b.iter(|| black_box(Insights::compute(&cat, &plan, today, 0)))
        });
        g.bench_function("1k/plan-change", |b| {
            b.iter(|| black_box(Insights::compute(&cat, &plan, today, PAGE_SIZE)))
        });
        g.bench_function("1k/plan-change-2-pages", |b| {
            b.iter(|| black_box(Insights::compute(&cat, &plan, today, 2 * PAGE_SIZE)))
        });
        g.bench_function("1k/show-more", |b| {
            b.iter(|| black_box(first.detail_first(&cat, &plan, today, 2 * PAGE_SIZE)))
        });
        g.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
