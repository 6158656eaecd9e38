//! What each step of a route unlocks (`plan::step_unlocks`) against the plain computation: a
//! full progress report per goal and step, and every credential of the feed checked for whether
//! its prerequisites became met.

use std::collections::BTreeSet;

use stackway_engine::bench_support::{base, feed, Rng};
use stackway_engine::engine;
use stackway_engine::engine::holdings::Holdings;
use stackway_engine::plan::{self, startable, Objective, Route, Unlocks};
use stackway_engine::{Catalog, HeldCredential, Record};
use stackway_feed::feed::{Credential, Equivalence, Kind, Requirement};

/// What each step unlocks, computed the plain way (a full report per goal and step, every
/// credential's prerequisites checked before and after each step): the answer
/// [`plan::step_unlocks`] must give.
fn step_unlocks_reference(cat: &Catalog, record: &Record, route: &Route) -> Vec<Unlocks> {
    let mut record = record.clone();
    let mut out = Vec::with_capacity(route.steps.len());
    for step in &route.steps {
        let id = &step.credential;
        let goals: Vec<String> = engine::counts_toward(cat, id)
            .map(|list| list.into_iter().map(|c| c.goal).collect())
            .unwrap_or_default();
        let satisfied = |record: &Record| -> BTreeSet<String> {
            goals
                .iter()
                .filter(|g| engine::progress(cat, record, g).is_ok_and(|p| p.satisfied))
                .cloned()
                .collect()
        };
        let before_done = satisfied(&record);
        let before_open: BTreeSet<String> = startable(cat, &Holdings::new(cat, &record).held, None)
            .into_iter()
            .collect();
        record.planned.push(id.clone());
        let after_done = satisfied(&record);
        let after_open: BTreeSet<String> = startable(cat, &Holdings::new(cat, &record).held, None)
            .into_iter()
            .collect();
        out.push(Unlocks {
            completes: after_done.difference(&before_done).cloned().collect(),
            opens: after_open.difference(&before_open).cloned().collect(),
        });
    }
    out
}

/// Diplomas of `groups` groups `choose 2 of 4` over a pool of micro-credentials, some
/// shared between diplomas, one in five with a prerequisite, and certificates that stand in
/// a diploma's group (so that steps complete and open things along a route).
fn ladders(seed: u64) -> (Catalog, Record) {
    let mut r = Rng(seed);
    let pool = 60u64;
    let mut credentials: Vec<Credential> =
        (0..pool).map(|i| base(&mut r, format!("m{i}"))).collect();
    for i in (5..pool as usize).step_by(5) {
        credentials[i].prerequisites = Some(Requirement::Credential(format!("m{}", r.below(5))));
    }
    let pick = |r: &mut Rng| Requirement::Credential(format!("m{}", r.below(pool)));
    for c in 0..4u64 {
        let mut cert = Credential::new(format!("c{c}"), Kind::Certificate, "c");
        cert.requires = Some(Requirement::All {
            all: (0..2).map(|_| pick(&mut r)).collect(),
            label: None,
        });
        credentials.push(cert);
    }
    for d in 0..6u64 {
        let groups = (0..3u64)
            .map(|g| Requirement::Choose {
                choose: 2,
                from: (0..4u64)
                    .map(|k| {
                        if k == 0 && g == d % 3 {
                            Requirement::Credential(format!("c{}", d % 4))
                        } else {
                            pick(&mut r)
                        }
                    })
                    .collect(),
                label: None,
            })
            .collect();
        let mut diploma = Credential::new(format!("d{d}"), Kind::Diploma, "d");
        diploma.requires = Some(Requirement::All {
            all: groups,
            label: None,
        });
        credentials.push(diploma);
    }
    // Courses outside every program whose prerequisite is a certificate, a diploma, or a course
    // that two pool courses stand in for (an equivalence): a step opens them without being
    // named in their prerequisites.
    for k in 0..4u64 {
        let mut after_certificate = Credential::new(format!("n{k}"), Kind::MicroCredential, "n");
        after_certificate.prerequisites = Some(Requirement::Credential(format!("c{k}")));
        credentials.push(after_certificate);
    }
    let mut after_diploma = Credential::new("n-diploma", Kind::MicroCredential, "n");
    after_diploma.prerequisites = Some(Requirement::Credential(format!("d{}", r.below(6))));
    credentials.push(after_diploma);
    credentials.push(Credential::new("x0", Kind::MicroCredential, "x"));
    let mut after_equivalent = Credential::new("n-equivalent", Kind::MicroCredential, "n");
    after_equivalent.prerequisites = Some(Requirement::Credential("x0".into()));
    credentials.push(after_equivalent);
    let mut feed = feed(credentials);
    feed.equivalences.push(Equivalence {
        holding: vec![format!("m{}", r.below(pool)), format!("m{}", r.below(pool))],
        counts_as: "x0".into(),
        toward: None,
        note: None,
    });
    let mut record = Record::default();
    for _ in 0..6 {
        record.held.push(HeldCredential {
            id: format!("m{}", r.below(pool)),
            earned: None,
        });
    }
    (Catalog::new(&feed), record)
}

#[test]
fn what_each_step_unlocks_is_what_the_plain_computation_gives() {
    let mut steps = 0;
    let mut unlocked = 0;
    let mut opened_indirectly = 0;
    for seed in 1..=12 {
        let (cat, record) = ladders(seed);
        for goal in cat
            .stackables()
            .map(|g| cat.id(g).to_owned())
            .collect::<Vec<_>>()
        {
            let route = plan::best_route(&cat, &record, &goal, Objective::Cost).unwrap();
            let fast = plan::step_unlocks(&cat, &record, &route);
            assert_eq!(
                fast,
                step_unlocks_reference(&cat, &record, &route),
                "seed {seed}, {goal}"
            );
            steps += fast.len();
            opened_indirectly += fast
                .iter()
                .flat_map(|u| &u.opens)
                .filter(|id| id.starts_with("n"))
                .count();
            unlocked += fast
                .iter()
                .filter(|u| !u.completes.is_empty() || !u.opens.is_empty())
                .count();
        }
    }
    // The cases compared are not empty: routes have steps, and steps unlock things.
    assert!(
        steps > 100 && unlocked > 50 && opened_indirectly > 10,
        "{steps} steps, {unlocked} unlocking, {opened_indirectly} opening a course through a \
         certificate, a diploma or an equivalence"
    );
}
