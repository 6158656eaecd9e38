//! Property tests of the engine on random small feeds with overlapping groups, equivalences,
//! prerequisites, expiry, cycles and dangling ids:
//! - the planner's route is optimal: a brute-force oracle over every subset of base credentials
//!   finds the same (objective, number of credentials), and the route itself is valid;
//! - the evaluator's assignment is exact: brute force over every assignment of held credentials
//!   to leaves gives the same satisfiability and the same remaining units;
//! - no engine function panics, and results respect their invariants.

use proptest::prelude::*;
use stackway_engine::bench_support::Rng;
use stackway_engine::catalog::{Catalog, CredIx, GroupKind, Target};
use stackway_engine::engine::evaluate::{assign, leaf_options, Fill};
use stackway_engine::engine::holdings::Holdings;
use stackway_engine::engine::next_steps::prerequisites_met;
use stackway_engine::engine::tree::{TKind, Tree};
use stackway_engine::engine::{self};
use stackway_engine::plan::{self, value_of, Objective};
use stackway_engine::Record;
use stackway_feed::feed::{Cost, Credential, Equivalence, Feed, Kind, Requirement, Text};
use stackway_feed::Date;

struct Gen {
    feed: Feed,
    record: Record,
    goals: Vec<String>,
}

/// A random small feed. `wild` adds cycles, dangling ids and odd numbers.
fn generate(seed: u64, wild: bool) -> Gen {
    let mut r = Rng(seed | 1);
    let n_base = 3 + r.index(4); // 3..=6
    let n_derived = 1 + r.index(3); // 1..=3
    let mut generator = Generator {
        r,
        wild,
        base_ids: (0..n_base).map(|i| format!("b{i}")).collect(),
        derived_ids: (0..n_derived).map(|i| format!("d{i}")).collect(),
    };
    // The order of these steps is the order of the draws: a seed describes the same feed as
    // long as it is kept (proptest's saved regressions are seeds).
    let mut creds = generator.base_credentials();
    creds.extend(generator.derived_credentials());
    generator.add_base_prerequisites(&mut creds);
    let equivalences = generator.equivalences();
    let record = generator.record();
    Gen {
        feed: Feed {
            equivalences,
            ..stackway_engine::bench_support::feed(creds)
        },
        record,
        goals: generator.derived_ids,
    }
}

/// The state of [`generate`] while it draws one feed.
struct Generator {
    r: Rng,
    /// Whether to add cycles, dangling ids and odd numbers.
    wild: bool,
    /// The base credentials (courses), `b0`, `b1`, …
    base_ids: Vec<String>,
    /// The derived credentials (certificates, the goals), `d0`, `d1`, …
    derived_ids: Vec<String>,
}

impl Generator {
    /// A base credential's id, drawn.
    fn any_base(&mut self) -> String {
        self.base_ids[self.r.index(self.base_ids.len())].clone()
    }

    /// A derived credential's id, drawn.
    fn any_derived(&mut self) -> String {
        self.derived_ids[self.r.index(self.derived_ids.len())].clone()
    }

    /// The base credentials, with random cost, hours, credits and validity.
    fn base_credentials(&mut self) -> Vec<Credential> {
        let r = &mut self.r;
        let mut creds = Vec::new();
        for i in 0..self.base_ids.len() {
            let mut c = Credential::new(format!("b{i}"), Kind::Course, format!("B{i}"));
            if r.chance(80) {
                c.cost = Some(Cost {
                    amount: (r.below(5) * 50) as f64,
                    currency: "CAD".into(),
                });
            }
            if r.chance(70) {
                c.hours = Some(r.below(4) as f64 * 10.0);
            }
            c.credits = Some(1.0 + r.below(3) as f64);
            if r.chance(30) {
                c.valid_years = Some(1.0 + r.below(3) as f64);
            }
            if self.wild && r.chance(10) {
                c.credits = Some(if r.chance(50) { f64::NAN } else { -3.0 });
            }
            creds.push(c);
        }
        creds
    }

    /// The derived credentials, each requiring a random tree over the others.
    fn derived_credentials(&mut self) -> Vec<Credential> {
        let mut creds = Vec::new();
        for i in 0..self.derived_ids.len() {
            let mut c = Credential::new(self.derived_ids[i].clone(), Kind::Certificate, "D");
            c.requires = Some(self.requirement(0, i));
            if self.wild && self.r.chance(10) {
                c.prerequisites = Some(Requirement::Credential(self.derived_ids[0].clone()));
            }
            creds.push(c);
        }
        creds
    }

    /// A credential a requirement of derived credential `i` names.
    fn pick(&mut self, i: usize) -> String {
        if self.wild && self.r.chance(5) {
            return "ghost".into();
        }
        // Mostly base credentials; sometimes an earlier derived one (a ladder), and in wild
        // feeds any derived one (possibly a cycle).
        if self.r.chance(20) && (i > 0 || self.wild) {
            let lim = if self.wild { self.derived_ids.len() } else { i };
            if lim > 0 {
                return self.derived_ids[self.r.index(lim)].clone();
            }
        }
        self.any_base()
    }

    /// A random requirement tree of derived credential `i`, at most two groups deep.
    fn requirement(&mut self, depth: u32, i: usize) -> Requirement {
        if depth >= 2 || self.r.chance(25) {
            return Requirement::Credential(self.pick(i));
        }
        let n = 1 + self.r.index(3);
        let kids: Vec<Requirement> = (0..n).map(|_| self.requirement(depth + 1, i)).collect();
        match self.r.below(4) {
            0 => Requirement::All {
                all: kids,
                label: None,
            },
            1 => Requirement::Any {
                any: kids,
                label: None,
            },
            2 => Requirement::Choose {
                choose: self.r.below(n as u64 + if self.wild { 2 } else { 1 }) as u32,
                from: kids,
                label: Some(Text::from("group")),
            },
            _ => Requirement::Credits {
                credits: 1.0 + self.r.below(4) as f64,
                from: (0..n).map(|_| self.pick(i)).collect(),
                label: None,
            },
        }
    }

    /// Prerequisites on some base credentials (over other base or derived credentials);
    /// `creds` starts with the base credentials.
    fn add_base_prerequisites(&mut self, creds: &mut [Credential]) {
        for c in creds.iter_mut().take(self.base_ids.len()) {
            if !self.r.chance(25) {
                continue;
            }
            let other = if self.r.chance(20) {
                self.any_derived()
            } else {
                self.any_base()
            };
            if other != c.id || self.wild {
                c.prerequisites = Some(if self.r.chance(30) {
                    Requirement::Any {
                        any: vec![
                            Requirement::Credential(other),
                            Requirement::Credential(self.any_base()),
                        ],
                        label: None,
                    }
                } else {
                    Requirement::Credential(other)
                });
            }
        }
    }

    /// Up to two equivalences between base credentials, some only toward one goal.
    fn equivalences(&mut self) -> Vec<Equivalence> {
        let mut equivalences = Vec::new();
        for _ in 0..self.r.below(3) {
            let holding: Vec<String> = (0..1 + self.r.below(2)).map(|_| self.any_base()).collect();
            let counts_as = if self.wild && self.r.chance(10) {
                "ghost".to_owned()
            } else {
                self.any_base()
            };
            let toward = if self.r.chance(40) {
                Some(vec![self.any_derived()])
            } else {
                None
            };
            equivalences.push(Equivalence {
                holding,
                counts_as,
                toward,
                note: None,
            });
        }
        equivalences
    }

    /// The learner's record: some base credentials held (some earned long ago, so expired).
    fn record(&mut self) -> Record {
        let as_of = Date::parse("2024-06-01");
        let mut record = Record::new(as_of);
        for i in 0..self.base_ids.len() {
            if self.r.chance(30) {
                let earned = if self.r.chance(50) {
                    Date::parse(["2019-01-01", "2023-01-01", "2024-01-01"][self.r.index(3)])
                } else {
                    None
                };
                record = record.with_held(self.base_ids[i].clone(), earned);
            }
        }
        if self.r.chance(15) {
            record = record.with_held(self.derived_ids[0].clone(), None);
        }
        if self.wild && self.r.chance(20) {
            record = record.with_held("nobody", None);
        }
        record
    }
}

/// The objective of a set of added credentials: (value in hundredths, number of credentials).
fn objective_of(cat: &Catalog, set: &[CredIx], o: Objective) -> (u128, usize) {
    let w = set
        .iter()
        .map(|&c| {
            let v = value_of(cat, c, o).unwrap_or(0.0);
            if v.is_finite() && v > 0.0 {
                (v * 100.0).round() as u128
            } else {
                0
            }
        })
        .sum();
    (w, set.len())
}

/// Whether adding `set` meets the goal: goal satisfied by held ∪ set, and the set can be
/// ordered so that each credential's prerequisites are met by held plus those before it.
fn valid(cat: &Catalog, held: &[bool], goal: CredIx, set: &[CredIx]) -> bool {
    let mut h = held.to_vec();
    for &c in set {
        h[c as usize] = true;
    }
    let goal_ok = h[goal as usize]
        || match cat.requires(goal) {
            Some(root) => {
                let t = Tree::build(cat, root, goal, held);
                assign(cat, &t, &h).satisfied
            }
            None => h[goal as usize],
        };
    if !goal_ok {
        return false;
    }
    let mut placed = held.to_vec();
    let mut left: Vec<CredIx> = set.to_vec();
    while let Some(i) = left
        .iter()
        .position(|&c| prerequisites_met(cat, &placed, c))
    {
        let c = left.remove(i);
        placed[c as usize] = true;
    }
    left.is_empty()
}

fn oracle(cat: &Catalog, held: &[bool], goal: CredIx, o: Objective) -> Option<(u128, usize)> {
    if held[goal as usize] {
        return Some((0, 0));
    }
    let base: Vec<CredIx> = (0..cat.len() as CredIx)
        .filter(|&c| !cat.is_stackable(c) && !held[c as usize])
        .collect();
    let mut best: Option<(u128, usize)> = None;
    for mask in 0u32..(1 << base.len()) {
        let set: Vec<CredIx> = base
            .iter()
            .enumerate()
            .filter(|(i, _)| mask >> i & 1 == 1)
            .map(|(_, &c)| c)
            .collect();
        let obj = objective_of(cat, &set, o);
        if best.is_some_and(|b| b <= obj) {
            continue;
        }
        if valid(cat, held, goal, &set) {
            best = Some(obj);
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1200, ..ProptestConfig::default() })]

    #[test]
    fn planner_matches_brute_force_oracle(seed in any::<u64>(), objective in 0usize..4) {
        let g = generate(seed, false);
        let cat = Catalog::new(&g.feed);
        let holdings = Holdings::new(&cat, &g.record);
        let o = Objective::ALL[objective];
        for goal in &g.goals {
            let gi = cat.index_of(goal).unwrap();
            let route = plan::best_route(&cat, &g.record, goal, o).unwrap();
            prop_assert!(route.optimal);
            let expected = oracle(&cat, &holdings.held, gi, o);
            match expected {
                None => prop_assert!(!route.feasible, "seed {seed}: planner found {:?} but oracle none", route.add),
                Some(best) => {
                    prop_assert!(route.feasible, "seed {seed} goal {goal}: oracle found {best:?}, planner none ({:?})", route.infeasible);
                    let set: Vec<CredIx> = route.add.iter().map(|id| cat.index_of(id).unwrap()).collect();
                    prop_assert!(valid(&cat, &holdings.held, gi, &set), "seed {seed}: route {:?} invalid", route.add);
                    // The order itself respects prerequisites.
                    let mut placed = holdings.held.clone();
                    for &c in &set {
                        prop_assert!(prerequisites_met(&cat, &placed, c), "seed {seed}: {} before its prerequisites", cat.id(c));
                        placed[c as usize] = true;
                    }
                    prop_assert_eq!(objective_of(&cat, &set, o), best, "seed {} goal {}: route {:?}", seed, goal, route.add);
                }
            }
        }
    }

    #[test]
    fn evaluator_matches_brute_force(seed in any::<u64>()) {
        let g = generate(seed, false);
        let cat = Catalog::new(&g.feed);
        let holdings = Holdings::new(&cat, &g.record);
        for goal in &g.goals {
            let gi = cat.index_of(goal).unwrap();
            let Some(root) = cat.requires(gi) else { continue };
            let tree = Tree::build(&cat, root, gi, &holdings.held);
            if tree.len() > 40 { continue; }
            let a = assign(&cat, &tree, &holdings.held);
            let (sat, rem) = brute_assign(&cat, &tree, &holdings.held);
            prop_assert_eq!(a.satisfied, sat, "seed {} goal {}", seed, goal);
            prop_assert!((a.remaining - rem).abs() < 1e-9, "seed {seed} goal {goal}: evaluator {} brute {rem}", a.remaining);
            // The reported assignment uses each held credential at most once.
            let mut used = Vec::new();
            for (v, f) in a.fills.iter().enumerate() {
                if let Some(f) = f {
                    let opts = leaf_options(&cat, &tree, v as u32, &holdings.held);
                    let creds = &opts.iter().find(|(x, _)| x == f).unwrap().1;
                    for c in creds {
                        prop_assert!(!used.contains(c), "seed {seed}: {} used twice", cat.id(*c));
                        used.push(*c);
                    }
                }
            }
        }
    }

    #[test]
    fn engine_never_panics(seed in any::<u64>(), objective in 0usize..4) {
        let g = generate(seed, true);
        let cat = Catalog::new(&g.feed);
        let all = engine::progress_all(&cat, &g.record);
        for p in &all {
            prop_assert!((0.0..=1.0).contains(&p.fraction));
            prop_assert!(!p.satisfied || p.fraction == 1.0);
            prop_assert!(p.satisfied || p.fraction < 1.0);
            // The card's groups agree with the evaluation: every section is met exactly when
            // the goal is (unless the goal is held itself, when there are none), and a group
            // says something is still needed exactly when it is not met.
            let groups = engine::requirement_groups(&cat, &g.record, p);
            if p.held || p.tree.is_none() {
                prop_assert!(groups.is_empty());
            } else {
                prop_assert_eq!(groups.iter().all(|s| s.satisfied), p.satisfied, "seed {} {}", seed, p.goal);
                let mut stack: Vec<&engine::RequirementGroup> = groups.iter().collect();
                while let Some(group) = stack.pop() {
                    let needs = group.still_needed > 0 || group.credits_still_needed.is_some_and(|c| c > 0.0);
                    prop_assert_eq!(needs, !group.satisfied, "seed {} {}", seed, p.goal);
                    stack.extend(&group.groups);
                }
            }
        }
        for c in &g.feed.credentials {
            let _ = engine::progress(&cat, &g.record, &c.id).unwrap();
            let _ = engine::counts_toward(&cat, &c.id).unwrap();
            let _ = engine::next_steps(&cat, &g.record, &c.id).unwrap();
            for other in &g.feed.credentials {
                let _ = engine::explain(&cat, &g.record, &c.id, &other.id).unwrap();
            }
            let route = plan::best_route(&cat, &g.record, &c.id, Objective::ALL[objective]).unwrap();
            prop_assert!(route.feasible || route.infeasible.is_some());
            prop_assert!(serde_json::to_string(&route).is_ok());
        }
        prop_assert!(engine::progress(&cat, &g.record, "ghost").is_err());
    }
}

/// Brute force: every way of filling leaves (each held credential at most once), returning
/// whether any satisfies the tree and the least remaining units over all of them (satisfying
/// ones first).
fn brute_assign(cat: &Catalog, tree: &Tree, held: &[bool]) -> (bool, f64) {
    let leaves: Vec<u32> = tree.leaf_targets().map(|(v, _)| v).collect();
    let options: Vec<Vec<(Fill, Vec<CredIx>)>> = leaves
        .iter()
        .map(|&v| leaf_options(cat, tree, v, held))
        .collect();
    let mut fills: Vec<bool> = vec![false; tree.len()];
    let mut best = (false, f64::INFINITY);
    #[allow(clippy::too_many_arguments)]
    fn rec(
        i: usize,
        leaves: &[u32],
        options: &[Vec<(Fill, Vec<CredIx>)>],
        used: &mut Vec<CredIx>,
        fills: &mut Vec<bool>,
        cat: &Catalog,
        tree: &Tree,
        best: &mut (bool, f64),
    ) {
        if i == leaves.len() {
            let (sat, rem) = score(cat, tree, 0, fills);
            if (sat && !best.0) || (sat == best.0 && rem < best.1) {
                *best = (sat, rem);
            }
            return;
        }
        rec(i + 1, leaves, options, used, fills, cat, tree, best);
        for (_, creds) in &options[i] {
            if creds.iter().any(|c| used.contains(c)) {
                continue;
            }
            used.extend(creds.iter().copied());
            fills[leaves[i] as usize] = true;
            rec(i + 1, leaves, options, used, fills, cat, tree, best);
            fills[leaves[i] as usize] = false;
            used.truncate(used.len() - creds.len());
        }
    }
    let mut used = Vec::new();
    rec(
        0, &leaves, &options, &mut used, &mut fills, cat, tree, &mut best,
    );
    best
}

/// (satisfied, remaining units) of node `v` given which leaves are filled (docs/semantics.md).
fn score(cat: &Catalog, tree: &Tree, v: u32, fills: &[bool]) -> (bool, f64) {
    let n = &tree.nodes[v as usize];
    let kids = tree.kids(v);
    match n.kind {
        TKind::Leaf { expanded, .. } => {
            if fills[v as usize] {
                (true, 0.0)
            } else if expanded {
                score(cat, tree, kids[0], fills)
            } else {
                (false, 1.0)
            }
        }
        TKind::Group {
            kind: GroupKind::Credits,
            credits,
            ..
        } => {
            let worth = |k: u32| match tree.nodes[k as usize].kind {
                TKind::Leaf {
                    target: Target::Known(c),
                    ..
                } => cat.credits_scaled(c),
                _ => 0,
            };
            let largest = kids.iter().map(|&k| worth(k)).max().unwrap_or(0);
            let got: u64 = kids
                .iter()
                .filter(|&&k| score(cat, tree, k, fills).0)
                .map(|&k| worth(k))
                .sum();
            let missing = credits.saturating_sub(got);
            let rem = if missing == 0 {
                0.0
            } else if largest == 0 {
                1.0
            } else {
                missing as f64 / largest as f64
            };
            (got >= credits, rem)
        }
        TKind::Group { need, .. } => {
            let scores: Vec<(bool, f64)> =
                kids.iter().map(|&k| score(cat, tree, k, fills)).collect();
            let nsat = scores.iter().filter(|s| s.0).count() as u32;
            let mut rems: Vec<f64> = scores.iter().map(|s| s.1).collect();
            rems.sort_by(f64::total_cmp);
            let rem: f64 = rems.iter().take(need as usize).sum::<f64>()
                + f64::from(need.saturating_sub(kids.len() as u32));
            (nsat >= need, rem)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The lean overview equals the full report's `satisfied`, `held` and `fraction` (bit for
    /// bit) for every goal, on plain and wild feeds, with held, expired and planned credentials.
    #[test]
    fn summary_equals_full_report(seed in any::<u64>(), wild in any::<bool>(), plan_one in any::<bool>()) {
        let mut g = generate(seed, wild);
        if plan_one {
            // A what-if: one more credential planned (possibly a derived one).
            let ids: Vec<String> = g.feed.credentials.iter().map(|c| c.id.clone()).collect();
            g.record.planned.push(ids[(seed % ids.len() as u64) as usize].clone());
        }
        let cat = Catalog::new(&g.feed);
        let full = engine::progress_all(&cat, &g.record);
        let lean = engine::progress_summary_all(&cat, &g.record);
        prop_assert_eq!(full.len(), lean.len());
        for (f, s) in full.iter().zip(&lean) {
            prop_assert_eq!(&f.goal, cat.id(s.goal), "seed {}", seed);
            prop_assert_eq!(f.satisfied, s.satisfied, "seed {} goal {}", seed, &f.goal);
            prop_assert_eq!(f.held, s.held, "seed {} goal {}", seed, &f.goal);
            prop_assert_eq!(f.fraction.to_bits(), s.fraction.to_bits(), "seed {} goal {}: {} vs {}", seed, &f.goal, f.fraction, s.fraction);
        }
        for c in &g.feed.credentials {
            let f = engine::progress(&cat, &g.record, &c.id).unwrap();
            let s = engine::progress_summary(&cat, &g.record, &c.id).unwrap();
            prop_assert_eq!((f.satisfied, f.held, f.fraction.to_bits()), (s.satisfied, s.held, s.fraction.to_bits()), "seed {} goal {}", seed, &c.id);
        }
        prop_assert!(engine::progress_summary(&cat, &g.record, "ghost").is_err());
        // Chosen goals through one summariser (in another order, some twice) give the same.
        let holdings = Holdings::new(&cat, &g.record);
        let mut chosen: Vec<u32> = lean.iter().rev().map(|s| s.goal).collect();
        chosen.extend(lean.iter().take(2).map(|s| s.goal));
        let some = engine::summary::summaries_of(&cat, &holdings, &chosen);
        prop_assert_eq!(some.len(), chosen.len());
        for (s, &goal) in some.iter().zip(&chosen) {
            let all = lean.iter().find(|l| l.goal == goal).unwrap();
            prop_assert_eq!((s.goal, s.satisfied, s.held, s.fraction.to_bits()), (all.goal, all.satisfied, all.held, all.fraction.to_bits()), "seed {}", seed);
        }
    }
}

/// The same on the benchmark's 10,000-credential feed (1,000 goals, ladders), for the
/// benchmark's learner, an empty record, and a learner holding many credentials (so that
/// credentials are contested within goals and the exact fallback runs too).
#[test]
fn summary_equals_full_report_on_the_benchmark_feed() {
    use stackway_engine::bench_support::{big_feed, Rng};
    let (cat, record) = big_feed();
    let mut heavy = Record::new(record.as_of);
    let mut r = Rng(0xfeed);
    for _ in 0..3_000 {
        heavy = heavy.with_held(format!("m{}", r.below(9_000)), None);
    }
    for i in (0..1_000).step_by(7) {
        heavy = heavy.with_planned(format!("s{i}"));
    }
    let mut fractions = 0;
    for rec in [&record, &Record::new(record.as_of), &heavy] {
        let full = engine::progress_all(&cat, rec);
        let lean = engine::progress_summary_all(&cat, rec);
        assert_eq!(full.len(), 1_000);
        assert_eq!(full.len(), lean.len());
        for (f, s) in full.iter().zip(&lean) {
            assert_eq!(f.goal, cat.id(s.goal));
            assert_eq!(
                (f.satisfied, f.held, f.fraction.to_bits()),
                (s.satisfied, s.held, s.fraction.to_bits()),
                "goal {}",
                f.goal
            );
            fractions += usize::from(f.fraction > 0.0 && f.fraction < 1.0);
        }
    }
    // The comparison covered partly complete goals, not only zeros and ones.
    assert!(fractions > 100, "{fractions}");
}

/// A caller's node limit stops a hard search early with a valid route flagged as not proven
/// optimal; the default limit proves the same goal optimal and is never costlier.
#[test]
fn a_lower_node_limit_answers_early_with_a_valid_route_not_proven_optimal() {
    use stackway_engine::bench_support::route_feed;
    use stackway_engine::plan::{best_route, best_route_within, Objective};
    // 90 % overlap at 100 credentials: the search needs a few dozen nodes to prove the best
    // route, and has a route (not yet proven the best) after twenty.
    let (cat, record) = route_feed(100, 90, 0xbeef + 100);
    let early = best_route_within(&cat, &record, "goal", Objective::Cost, 20).unwrap();
    assert!(early.feasible);
    assert!(!early.optimal, "20 nodes cannot prove this goal: {early:?}");
    assert!(early.explored <= 20, "explored {}", early.explored);
    let full = best_route(&cat, &record, "goal", Objective::Cost).unwrap();
    assert!(full.optimal);
    assert!(full.total.cost <= early.total.cost);
    // The early route still completes the goal.
    let mut planned = record.clone();
    for step in &early.steps {
        planned.planned.push(step.credential.clone());
    }
    assert!(
        stackway_engine::engine::progress(&cat, &planned, "goal")
            .unwrap()
            .satisfied
    );
}
