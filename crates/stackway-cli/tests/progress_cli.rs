//! The `stackway progress` contract: JSON shape, human table, date handling and errors.

use std::process::Command;

use serde_json::Value;

fn feed() -> String {
    format!(
        "{}/tests/data/engine_college.json",
        env!("CARGO_MANIFEST_DIR")
    )
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

#[test]
fn json_lists_every_stackable_goal_with_the_contract_fields() {
    let f = feed();
    let (code, out, err) = stackway(&[
        "progress",
        &f,
        "--have",
        "py-intro,sql",
        "--as-of",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    let goals = v["goals"].as_array().expect("goals");
    let ids: Vec<&str> = goals.iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["cert-data", "dipl-data"]);
    for g in goals {
        assert!(g["satisfied"].is_boolean());
        assert!(g["fraction"].is_number());
        assert!(g["remaining"].is_array());
    }
    let cert = &goals[0];
    assert_eq!(cert["satisfied"], false);
    // 2 of the 3 parts are met: remaining units 1 of 3.
    assert!((cert["fraction"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        cert["remaining"][0]["options"],
        serde_json::json!(["viz", "stats"])
    );
    assert_eq!(v["as_of"], "2025-01-01");
}

#[test]
fn dates_in_have_make_credentials_expire() {
    let f = feed();
    let (code, out, _) = stackway(&[
        "progress",
        &f,
        "--goal",
        "dipl-data",
        "--have",
        "ethics@2020-01-01",
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let e = &v["goals"][0]["explanations"][0];
    assert_eq!(e["status"], "expired");
    assert_eq!(e["expired_on"], "2023-01-01");
    // The same credential earned later still counts.
    let (_, out, _) = stackway(&[
        "progress",
        &f,
        "--goal",
        "dipl-data",
        "--have",
        "ethics@2022-01-01",
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["goals"][0]["explanations"][0]["status"], "counted");
}

#[test]
fn equivalence_and_ladder_in_one_goal() {
    let f = feed();
    let (code, out, _) = stackway(&[
        "progress",
        &f,
        "--goal",
        "cert-data",
        "--have",
        "py-intro,sql,partner-stats",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["goals"][0]["satisfied"], true);
    assert_eq!(v["goals"][0]["fraction"], 1.0);
    assert_eq!(v["goals"][0]["used"][2]["credential"], "partner-stats");
    assert_eq!(v["goals"][0]["used"][2]["fills"], "stats");
}

#[test]
fn human_output_is_a_table() {
    let f = feed();
    let (code, out, _) = stackway(&[
        "progress",
        &f,
        "--have",
        "py-intro,sql,viz",
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("GOAL"), "{out}");
    assert!(out.contains("cert-data"));
    assert!(out.contains("complete"));
    assert!(out.contains("dipl-data"));
    assert!(out.contains("in progress"));
    assert!(out.contains("more credits"), "{out}");
}

#[test]
fn unknown_ids_name_the_closest_known_id() {
    let f = feed();
    let (code, _, err) = stackway(&["progress", &f, "--have", "py-intr"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"py-intr\"") && err.contains("did you mean \"py-intro\""),
        "{err}"
    );
    let (code, _, err) = stackway(&["progress", &f, "--goal", "cert-dta"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean \"cert-data\""), "{err}");
    let (code, _, err) = stackway(&["progress", &f, "--have", "sql@2024-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a date"), "{err}");
}

#[test]
fn an_invalid_feed_prints_its_diagnostics_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("stackway-progress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        "{\"stackway\": 1, \"id\": \"x\",\n \"credentials\": [}",
    )
    .unwrap();
    let (code, _, err) = stackway(&["progress", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.json:2:"), "{err}");
    let (code, _, _) = stackway(&["progress", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(code, 2);
}
