//! Engine benchmarks (criterion). Run: `cargo bench -p stackway-core --bench engine`.
//!
//! - `progress_all/10k`: progress for every stackable credential of a generated feed of 10,000
//!   credentials (1,000 stackable, with ladders), for a learner holding 60 credentials.
//! - `best_route/300`: optimal route to a goal whose expanded tree references 300 credentials
//!   in overlapping `choose` groups, plus a `credits` group and prerequisites.
//! - `plan_scaling/<size>/<overlap>`: the same shape at other sizes and overlap shares; the
//!   search-node counts are printed to stderr for the table in docs/benchmarks.md.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use stackway_core::feed::{Cost, Credential, Feed, Institution, Kind, Requirement, Text};
use stackway_core::plan::{best_route, Objective};
use stackway_core::{engine, Catalog, Record};

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        if n == 0 {
            0
        } else {
            self.0 % n
        }
    }
}

fn feed(credentials: Vec<Credential>) -> Feed {
    Feed {
        stackway: 1,
        id: "bench".into(),
        updated: None,
        languages: vec!["en".into()],
        credit_label: None,
        provider: Institution {
            id: "p".into(),
            name: Text::from("P"),
            url: None,
        },
        institutions: Vec::new(),
        skills: Vec::new(),
        credentials,
        equivalences: Vec::new(),
        pathways: Vec::new(),
    }
}

fn base(r: &mut Rng, id: String) -> Credential {
    let mut c = Credential::new(id, Kind::MicroCredential, "m");
    c.cost = Some(Cost {
        amount: (100 + r.below(10) * 50) as f64,
        currency: "CAD".into(),
    });
    c.hours = Some((10 + r.below(40)) as f64);
    c.credits = Some((1 + r.below(3)) as f64);
    c.weeks = Some((2 + r.below(8)) as f64);
    c
}

fn ids(r: &mut Rng, n: usize, pool: usize) -> Vec<Requirement> {
    (0..n)
        .map(|_| Requirement::Credential(format!("m{}", r.below(pool as u64))))
        .collect()
}

/// 9,000 micro-credentials and 1,000 stackable credentials (a tenth of them ladders).
fn big_feed() -> (Catalog, Record) {
    let mut r = Rng(0x5eed);
    let n_base = 9_000;
    let mut creds: Vec<Credential> = (0..n_base).map(|i| base(&mut r, format!("m{i}"))).collect();
    for i in 0..1_000 {
        let mut c = Credential::new(format!("s{i}"), Kind::Certificate, "s");
        let mut parts = vec![
            Requirement::Choose {
                choose: 2,
                from: ids(&mut r, 5, n_base),
                label: None,
            },
            Requirement::Credits {
                credits: 4.0,
                from: (0..4)
                    .map(|_| format!("m{}", r.below(n_base as u64)))
                    .collect(),
                label: None,
            },
            Requirement::Any {
                any: ids(&mut r, 3, n_base),
                label: None,
            },
        ];
        if i >= 10 && i % 10 == 0 {
            parts.push(Requirement::Credential(format!("s{}", r.below(i as u64))));
        }
        c.requires = Some(Requirement::All {
            all: parts,
            label: None,
        });
        creds.push(c);
    }
    let mut record = Record::new(stackway_core::Date::parse("2026-01-01"));
    for _ in 0..60 {
        record = record.with_held(format!("m{}", r.below(n_base as u64)), None);
    }
    (Catalog::from_feed(feed(creds)), record)
}

/// A goal of `groups` groups (choose 3 of 10) over `size` credentials, where `overlap` percent
/// of each group's options are shared with other groups; plus a credits group, and
/// prerequisites on a tenth of the credentials.
fn route_feed(size: usize, overlap: u64, seed: u64) -> (Catalog, Record) {
    let mut r = Rng(seed);
    let mut creds: Vec<Credential> = (0..size).map(|i| base(&mut r, format!("m{i}"))).collect();
    for i in (10..size).step_by(10) {
        creds[i].prerequisites = Some(Requirement::Credential(format!("m{}", r.below(10))));
    }
    let groups = size / 10;
    let mut parts = Vec::new();
    for g in 0..groups {
        let from = (0..10)
            .map(|k| {
                let own = g * 10 + k;
                let id = if r.below(100) < overlap {
                    r.below(size as u64) as usize
                } else {
                    own
                };
                Requirement::Credential(format!("m{id}"))
            })
            .collect();
        parts.push(Requirement::Choose {
            choose: 3,
            from,
            label: None,
        });
    }
    parts.push(Requirement::Credits {
        credits: 6.0,
        from: (0..8)
            .map(|_| format!("m{}", r.below(size as u64)))
            .collect(),
        label: None,
    });
    let mut goal = Credential::new("goal", Kind::Diploma, "goal");
    goal.requires = Some(Requirement::All {
        all: parts,
        label: None,
    });
    creds.push(goal);
    let mut record = Record::new(None);
    for _ in 0..size / 20 {
        record = record.with_held(format!("m{}", r.below(size as u64)), None);
    }
    (Catalog::from_feed(feed(creds)), record)
}

fn bench_progress(c: &mut Criterion) {
    let (cat, record) = big_feed();
    let empty = Record::new(record.as_of);
    let mut g = c.benchmark_group("progress_all");
    g.sample_size(30);
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
