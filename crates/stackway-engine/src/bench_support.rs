//! Generated instances shared by the engine benchmarks (`benches/engine.rs`) and the planner's
//! wasm32 measurement in headless Chromium (`tests/wasm_plan_bench.rs` at the workspace root),
//! so that both time the same instances; with everything of stackway-feed's `bench_support` (the
//! seeded generator, the feed builder), which it re-exports so that one path serves both. Behind
//! the `bench-support` feature: not part of the API.

pub use stackway_feed::bench_support::*;

use crate::feed::{Credential, Kind, Requirement};
use crate::{Catalog, Record};

fn ids(r: &mut Rng, n: usize, pool: usize) -> Vec<Requirement> {
    (0..n)
        .map(|_| Requirement::Credential(format!("m{}", r.below(pool as u64))))
        .collect()
}

/// 9,000 micro-credentials and 1,000 stackable credentials (a tenth of them ladders).
pub fn big_feed() -> (Catalog, Record) {
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
    let mut record = Record::new(crate::date::Date::parse("2026-01-01"));
    for _ in 0..60 {
        record = record.with_held(format!("m{}", r.below(n_base as u64)), None);
    }
    (Catalog::from_feed(feed(creds)), record)
}

/// A goal of `groups` groups (choose 3 of 10) over `size` credentials, where `overlap` percent
/// of each group's options are shared with other groups; plus a credits group, and
/// prerequisites on a tenth of the credentials.
pub fn route_feed(size: usize, overlap: u64, seed: u64) -> (Catalog, Record) {
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
