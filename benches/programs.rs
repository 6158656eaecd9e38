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
//!   first, which is all "show more" computes), `goal-change` (another goal: the cards are kept,
//!   the goal's route and unlocks recomputed).
//! - `programs/diplomas/*`: larger goals, each with its own exact search: 3,000
//!   micro-credentials (every tenth with a prerequisite among the first ten) and 100 diplomas,
//!   each `all` of 8 groups `choose 3 of 10` (30 % of the options shared with other diplomas)
//!   and `credits 6 from 8`; a learner holding 150. Same cases as `1k`.
//!
//! Native only (the widget's own wasm32 timing is the browser bench, tests/bench/widget-bench.mjs).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};
    use stackway::bench::{Insights, Plan, Planner, PAGE_SIZE};
    use stackway_core::bench_support::{base, big_feed, feed, Rng};
    use stackway_core::feed::{Credential, Kind, Requirement};
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

    /// The `diplomas` feed (see the module docs) and its learner's plan.
    fn diplomas() -> (Catalog, Plan) {
        let mut r = Rng(0xd1b1);
        let pool = 3_000u64;
        let mut credentials: Vec<Credential> =
            (0..pool).map(|i| base(&mut r, format!("m{i}"))).collect();
        for i in (10..pool as usize).step_by(10) {
            credentials[i].prerequisites =
                Some(Requirement::Credential(format!("m{}", r.below(10))));
        }
        for d in 0..100u64 {
            let mut parts: Vec<Requirement> = (0..8u64)
                .map(|g| Requirement::Choose {
                    choose: 3,
                    from: (0..10u64)
                        .map(|k| {
                            let own = (d * 80 + g * 10 + k) % pool;
                            let id = if r.below(100) < 30 {
                                r.below(pool)
                            } else {
                                own
                            };
                            Requirement::Credential(format!("m{id}"))
                        })
                        .collect(),
                    label: None,
                })
                .collect();
            parts.push(Requirement::Credits {
                credits: 6.0,
                from: (0..8).map(|_| format!("m{}", r.below(pool))).collect(),
                label: None,
            });
            let mut diploma = Credential::new(format!("d{d}"), Kind::Diploma, "d");
            diploma.requires = Some(Requirement::All {
                all: parts,
                label: None,
            });
            credentials.push(diploma);
        }
        let mut plan = Plan::default();
        for _ in 0..150 {
            plan.held.insert(format!("m{}", r.below(pool)), None);
        }
        plan.goal = Some("d50".to_owned());
        (Catalog::new(&feed(credentials)), plan)
    }

    /// The planner, as the widget's second module gives it once it has arrived.
    const PLANNER: Option<&Planner> = Some(&Planner::CORE);

    /// The cases of one large feed: no page, one page, two pages, and "show more".
    fn pages(
        g: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
        name: &str,
        cat: &Catalog,
        plan: &Plan,
        today: Option<Date>,
    ) {
        let first = Insights::compute(cat, plan, today, PAGE_SIZE, PLANNER);
        let routes: Vec<_> = first
            .programs
            .iter()
            .filter_map(|p| p.route.as_ref())
            .collect();
        eprintln!(
            "programs/{name}: {} programs, {} card routes on the first page, {} search nodes, {} not proven optimal",
            first.programs.len(),
            routes.len(),
            routes.iter().map(|r| r.explored).sum::<u64>(),
            routes.iter().filter(|r| !r.optimal).count(),
        );
        g.bench_function(format!("{name}/bars-only"), |b| {
            b.iter(|| black_box(Insights::compute(cat, plan, today, 0, PLANNER)))
        });
        g.bench_function(format!("{name}/plan-change"), |b| {
            b.iter(|| black_box(Insights::compute(cat, plan, today, PAGE_SIZE, PLANNER)))
        });
        g.bench_function(format!("{name}/plan-change-2-pages"), |b| {
            b.iter(|| black_box(Insights::compute(cat, plan, today, 2 * PAGE_SIZE, PLANNER)))
        });
        g.bench_function(format!("{name}/show-more"), |b| {
            b.iter(|| black_box(first.detail_first(cat, plan, today, 2 * PAGE_SIZE, PLANNER)))
        });
        let mut other_goal = plan.clone();
        other_goal.goal = first.programs.get(3).map(|p| p.id.clone());
        g.bench_function(format!("{name}/goal-change"), |b| {
            b.iter(|| black_box(first.with_goal(cat, &other_goal, today, PLANNER)))
        });
    }

    fn bench(c: &mut Criterion) {
        let mut g = c.benchmark_group("programs");
        g.sample_size(20);
        let (cat, plan) = sample();
        let today = Date::parse("2026-11-29");
        g.bench_function("sample/plan-change", |b| {
            b.iter(|| black_box(Insights::compute(&cat, &plan, today, PAGE_SIZE, PLANNER)))
        });

        let (cat, plan, today) = large();
        pages(&mut g, "1k", &cat, &plan, today);
        let (cat, plan) = diplomas();
        pages(&mut g, "diplomas", &cat, &plan, None);
        g.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
