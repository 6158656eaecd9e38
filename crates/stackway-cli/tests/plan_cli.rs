//! The `stackway plan` contract: JSON shape, valid order, totals, unknown values, infeasibility,
//! and what each step unlocks.

use std::process::Command;

use serde_json::Value;
use stackway_core::plan::{best_route, step_unlocks, Objective};
use stackway_core::{parse_feed, Catalog, Date, Record};

fn feed() -> String {
    data("engine_college.json")
}

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn stackway(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stackway"))
        .args(args)
        .output()
        .expect("runs stackway");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn plan_json(args: &[&str]) -> Value {
    plan_json_of(&feed(), args)
}

/// `stackway plan FEED ARGS --format json --as-of 2025-01-01`, which must succeed, as JSON.
fn plan_json_of(feed: &str, args: &[&str]) -> Value {
    let mut all = vec!["plan", feed];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json", "--as-of", "2025-01-01"]);
    let (code, out, err) = stackway(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

#[test]
fn cheapest_route_to_the_diploma_in_a_valid_order() {
    let v = plan_json(&["--goal", "dipl-data", "--minimize", "cost"]);
    assert_eq!(v["goal"], "dipl-data");
    assert_eq!(v["feasible"], true);
    let add: Vec<&str> = v["add"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    // cert-data needs py-intro, sql and one of viz/stats; 6 more credits from stats/ml/viz
    // (distinct from the certificate's option); ethics; capstone after the certificate.
    // Taking viz as the option would force ml (6 credits) whose prerequisite is stats anyway
    // (1,800); taking stats as the option leaves ml alone for the credits (1,420).
    assert_eq!(
        add,
        ["py-intro", "sql", "stats", "ml", "ethics", "capstone"]
    );
    let pos = |id: &str| add.iter().position(|x| *x == id).unwrap();
    assert!(pos("py-intro") < pos("ml") && pos("stats") < pos("ml"));
    assert!(pos("sql") < pos("capstone") && pos("stats") < pos("capstone"));
    assert_eq!(v["total"]["cost"], 450.0 + 400.0 + 520.0 + 900.0 + 1200.0);
    assert_eq!(v["total"]["hours"], 30.0 + 24.0 + 36.0 + 40.0 + 12.0 + 60.0);
    assert_eq!(v["total"]["credits"], 3.0 + 3.0 + 3.0 + 6.0 + 1.0 + 6.0);
    assert_eq!(v["total"]["weeks"], 6.0 + 4.0 + 6.0 + 8.0 + 2.0 + 10.0);
    assert_eq!(v["unknown"], serde_json::json!(["ethics"]));
    assert_eq!(v["currency"], "CAD");
}

#[test]
fn held_credentials_and_transfers_shorten_the_route() {
    let v = plan_json(&[
        "--goal",
        "cert-data",
        "--have",
        "py-intro,partner-stats",
        "--minimize",
        "hours",
    ]);
    assert_eq!(v["add"], serde_json::json!(["sql"]));
    assert_eq!(v["total"]["hours"], 24.0);
    let v = plan_json(&["--goal", "cert-data", "--have", "py-intro,sql,viz"]);
    assert_eq!(v["feasible"], true);
    assert_eq!(v["already_met"], true);
    assert_eq!(v["add"], serde_json::json!([]));
}

#[test]
fn infeasible_goals_say_why() {
    // A valid feed whose two groups both need `b`, which can count only once within the goal.
    let dir = std::env::temp_dir().join(format!("stackway-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("feed.json");
    std::fs::write(
        &path,
        r#"{"stackway":1,"id":"x","languages":["en"],"provider":{"id":"p","name":"P"},
            "credentials":[{"id":"a","kind":"course","title":"A","credits":3},
            {"id":"b","kind":"course","title":"B","credits":6},
            {"id":"c","kind":"certificate","title":"C",
             "requires":{"all":[{"credits":9,"from":["a","b"],"label":"Core"},"b"]}}]}"#,
    )
    .unwrap();
    let (code, out, _) = stackway(&[
        "plan",
        path.to_str().unwrap(),
        "--goal",
        "c",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["feasible"], false);
    assert_eq!(v["add"], serde_json::json!([]));
    assert_eq!(
        v["infeasible"]["reason"]["id"],
        "infeasible-shared-credentials"
    );
    assert_eq!(v["infeasible"]["part"], "c");
    let (_, out, _) = stackway(&["plan", path.to_str().unwrap(), "--goal", "c"]);
    assert!(out.contains("No route exists"), "{out}");
    assert!(out.contains("share credentials"), "{out}");
}

#[test]
fn a_credits_group_its_list_cannot_fill_is_a_feed_error() {
    // Regression: the planner's "not enough credits" answer used to be reachable from a feed
    // the validator rejects; the CLI must print the diagnostics and exit 1 instead of planning.
    let dir = std::env::temp_dir().join(format!("stackway-plan-credits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("feed.json");
    std::fs::write(
        &path,
        r#"{"stackway":1,"id":"x","languages":["en"],"provider":{"id":"p","name":"P"},
            "credentials":[{"id":"a","kind":"course","title":"A","credits":3},
            {"id":"c","kind":"certificate","title":"C","requires":{"credits":9,"from":["a"],"label":"Core"}}]}"#,
    )
    .unwrap();
    let (code, out, err) = stackway(&["plan", path.to_str().unwrap(), "--goal", "c"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("error[credits-unreachable]"), "{err}");
    assert!(
        out.is_empty(),
        "no route is printed for an invalid feed: {out}"
    );
}

#[test]
fn human_route_has_numbered_steps_and_totals() {
    let f = feed();
    let (code, out, _) = stackway(&[
        "plan",
        &f,
        "--goal",
        "cert-data",
        "--minimize",
        "weeks",
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("  1. py-intro"), "{out}");
    assert!(out.contains("  3. viz"), "{out}");
    assert!(out.contains("prerequisite for viz"), "{out}");
    assert!(out.contains("Total: CAD 1230"), "{out}");
}

#[test]
fn unknown_goal_names_the_closest_id() {
    let f = feed();
    let (code, _, err) = stackway(&["plan", &f, "--goal", "dipl-dat"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean \"dipl-data\""), "{err}");
}

/// The lines printed under step `n` (its unlocks), up to the next step or the blank line before
/// the totals, trimmed.
fn under_step(out: &str, n: usize, id: &str) -> Vec<String> {
    let head = format!("{n:>3}. {id} ");
    let mut lines = out.lines().skip_while(|l| !l.starts_with(&head));
    assert!(lines.next().is_some(), "no step {head:?} in:\n{out}");
    lines
        .take_while(|l| l.starts_with("     ") && !l.trim().is_empty())
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn human_route_shows_what_each_step_unlocks_under_it() {
    let f = data("prerequisite_chain.json");
    let (code, out, err) = stackway(&["plan", &f, "--goal", "dipl-web", "--as-of", "2025-01-01"]);
    assert_eq!(code, 0, "{err}");
    // web-1 → web-2 → web-3 is a prerequisite chain; a11y (not on the route) also needs web-1.
    assert_eq!(
        under_step(&out, 1, "web-1"),
        ["Lets you start: a11y (Accessible design), web-2 (Web applications)"],
        "{out}"
    );
    assert_eq!(
        under_step(&out, 2, "web-2"),
        [
            "Completes: cert-web (Certificate in Web Development)",
            "Lets you start: web-3 (Web services)"
        ],
        "{out}"
    );
    assert_eq!(
        under_step(&out, 3, "web-3"),
        ["Completes: dipl-web (Diploma in Web Development)"],
        "{out}"
    );
    // Held credentials count: with web-1 held, the route starts at web-2.
    let (_, out, _) = stackway(&[
        "plan",
        &f,
        "--goal",
        "dipl-web",
        "--have",
        "web-1",
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(
        under_step(&out, 1, "web-2"),
        [
            "Completes: cert-web (Certificate in Web Development)",
            "Lets you start: web-3 (Web services)"
        ],
        "{out}"
    );
    // A step that unlocks nothing has nothing under it.
    let (_, out, _) = stackway(&[
        "plan",
        &feed(),
        "--goal",
        "dipl-data",
        "--as-of",
        "2025-01-01",
    ]);
    assert!(under_step(&out, 2, "sql").is_empty(), "{out}");
    // One credit is singular.
    assert!(
        out.lines()
            .any(|l| l.contains("5. ethics") && l.contains(" · 1 credit · ")),
        "{out}"
    );
    // Regression: capstone's prerequisites name cert-data, not stats; the step that completes
    // the certificate opens it too.
    assert_eq!(
        under_step(&out, 3, "stats"),
        [
            "Completes: cert-data (Certificate in Data Analysis)",
            "Lets you start: capstone (Capstone project), ml (Machine learning)"
        ],
        "{out}"
    );
}

#[test]
fn json_steps_carry_their_unlocks() {
    let f = data("prerequisite_chain.json");
    let (code, out, err) = stackway(&[
        "plan",
        &f,
        "--goal",
        "dipl-web",
        "--format",
        "json",
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(code, 0, "{err}");
    // The raw text too: it shows the order of each step's fields.
    let v: Value = serde_json::from_str(&out).expect("json");
    let unlocks: Vec<&Value> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["unlocks"])
        .collect();
    assert_eq!(
        unlocks,
        [
            &serde_json::json!({"completes": [], "opens": ["a11y", "web-2"]}),
            &serde_json::json!({"completes": ["cert-web"], "opens": ["web-3"]}),
            &serde_json::json!({"completes": ["dipl-web"], "opens": []}),
        ]
    );
    // The step's own fields come first, `unlocks` last.
    let step = &out[out.find("\"credential\": \"web-1\"").unwrap()..];
    assert!(
        step.find("\"prerequisite_for\"").unwrap() < step.find("\"unlocks\"").unwrap(),
        "{out}"
    );
    // A route with no steps has no unlocks to show.
    let met = plan_json(&["--goal", "cert-data", "--have", "py-intro,sql,viz"]);
    assert_eq!(met["steps"], serde_json::json!([]));
}

/// The route and unlocks computed by the core, as the widget does, for the CLI's arguments.
fn core_answer(file: &str, goal: &str, have: &[&str], objective: Objective) -> (Value, Value) {
    let text = std::fs::read_to_string(file).unwrap();
    let cat = Catalog::from_feed(parse_feed(&text).feed.expect("valid feed"));
    let mut record = Record::new(Date::parse("2025-01-01"));
    for id in have {
        record = record.with_held(*id, None);
    }
    let route = best_route(&cat, &record, goal, objective).expect("a route");
    let unlocks = step_unlocks(&cat, &record, &route);
    (
        serde_json::to_value(&route).unwrap(),
        serde_json::to_value(&unlocks).unwrap(),
    )
}

#[test]
fn json_is_the_core_route_with_the_core_unlocks_added() {
    // The existing fields are unchanged (exactly the core's `Route`), and each step's unlocks
    // are `plan::step_unlocks`, the widget's answer.
    let cases: [(String, &str, &[&str], Objective, &str); 4] = [
        (feed(), "dipl-data", &[], Objective::Cost, "cost"),
        (
            feed(),
            "dipl-data",
            &["py-intro"],
            Objective::Hours,
            "hours",
        ),
        (
            feed(),
            "cert-data",
            &["py-intro", "sql", "viz"],
            Objective::Cost,
            "cost",
        ),
        (
            data("prerequisite_chain.json"),
            "dipl-web",
            &[],
            Objective::Weeks,
            "weeks",
        ),
    ];
    for (file, goal, have, objective, minimize) in cases {
        let have_arg = have.join(",");
        let mut args = vec!["--goal", goal, "--minimize", minimize];
        if !have.is_empty() {
            args.extend_from_slice(&["--have", &have_arg]);
        }
        let mut cli = plan_json_of(&file, &args);
        let unlocks: Vec<Value> = cli["steps"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .map(|s| {
                s.as_object_mut()
                    .unwrap()
                    .remove("unlocks")
                    .expect("unlocks")
            })
            .collect();
        let (route, core_unlocks) = core_answer(&file, goal, have, objective);
        assert_eq!(cli, route, "{goal} {have:?}");
        assert_eq!(Value::from(unlocks), core_unlocks, "{goal} {have:?}");
    }
}
