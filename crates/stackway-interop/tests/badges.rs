//! Data-driven tests of reading learners' records: each fixture under tests/data/badges/ shows one
//! matching rule or format, checked explicitly and snapshotted.

use std::path::Path;

use stackway_feed::{parse_feed, Date, Feed};
use stackway_interop::badges::{
    read_achievements, read_badges, BadgeFormat, MatchRule, Verification,
};

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/badges")
        .join(name);
    std::fs::read_to_string(path).expect("fixture is readable")
}

fn feed() -> Feed {
    let parsed = parse_feed(&data("feed.json"));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    parsed.feed.unwrap()
}

fn date(s: &str) -> Option<Date> {
    Date::parse(s)
}

/// Fixture → (credential, rule, earned, format) of each match, and the number unmatched.
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &[(&str, MatchRule, &str, BadgeFormat)], usize)] = &[
    (
        "ob3-achievement-id.json",
        &[(
            "data-foundations",
            MatchRule::AchievementId,
            "2025-04-30",
            BadgeFormat::OpenBadges3,
        )],
        0,
    ),
    (
        "ob3-alignment-url.json",
        &[(
            "statistics",
            MatchRule::AlignmentUrl,
            "2024-12-12",
            BadgeFormat::OpenBadges3,
        )],
        0,
    ),
    (
        "ob3-alignment-code.json",
        &[(
            "visualisation",
            MatchRule::AlignmentCode,
            "2025-01-20",
            BadgeFormat::OpenBadges3,
        )],
        0,
    ),
    (
        "ob3-jwt.txt",
        &[(
            "data-foundations",
            MatchRule::AchievementId,
            "2025-05-02",
            BadgeFormat::OpenBadges3Jwt,
        )],
        0,
    ),
    (
        "clr.json",
        &[
            (
                "statistics",
                MatchRule::AlignmentUrl,
                "2024-12-12",
                BadgeFormat::Clr,
            ),
            (
                "visualisation",
                MatchRule::AlignmentCode,
                "2025-01-01",
                BadgeFormat::Clr,
            ),
        ],
        1,
    ),
    (
        "ob2-assertion.json",
        &[(
            "forecasting",
            MatchRule::AlignmentCode,
            "2023-06-15",
            BadgeFormat::OpenBadges2,
        )],
        0,
    ),
    ("unmatched.json", &[], 1),
];

#[test]
fn every_fixture_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/badges");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != "feed.json")
        .collect();
    names.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(n, _, _)| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(names, listed);
}

#[test]
fn each_rule_and_format_matches_as_expected() {
    let feed = feed();
    for (name, expected, unmatched) in CASES {
        let report = read_badges(&feed, &data(name));
        assert_eq!(report.verification, Verification::SelfReported);
        assert!(
            report.diagnostics.is_empty(),
            "{name}: {:?}",
            report.diagnostics
        );
        let got: Vec<(&str, MatchRule, Option<Date>, BadgeFormat)> = report
            .matched
            .iter()
            .map(|m| (m.credential.as_str(), m.rule, m.earned, m.format))
            .collect();
        let want: Vec<(&str, MatchRule, Option<Date>, BadgeFormat)> = expected
            .iter()
            .map(|(c, r, d, f)| (*c, *r, date(d), *f))
            .collect();
        assert_eq!(got, want, "{name}");
        assert_eq!(
            report.unmatched.len(),
            *unmatched,
            "{name}: {:?}",
            report.unmatched
        );
        insta::assert_json_snapshot!(name.replace('.', "-"), report);
    }
}

#[test]
fn unmatched_achievements_are_listed_with_their_details() {
    let report = read_badges(&feed(), &data("unmatched.json"));
    let a = &report.unmatched[0];
    assert_eq!(
        a.achievement_id.as_deref(),
        Some("https://elsewhere.example.org/achievements/first-aid")
    );
    assert_eq!(a.achievement_name.as_deref(), Some("First Aid"));
    assert_eq!(a.earned, date("2022-03-01"));
}

#[test]
fn held_list_has_each_credential_once_with_its_earliest_date() {
    let feed = feed();
    let mut text = data("ob3-achievement-id.json");
    text = format!("[{text}, {}]", data("clr.json"));
    let mut report = read_badges(&feed, &text);
    let jwt = read_badges(&feed, &data("ob3-jwt.txt"));
    report.matched.extend(jwt.matched);
    let held = serde_json::to_value(report.held()).unwrap();
    assert_eq!(
        held,
        serde_json::json!({"held": [
            {"id": "data-foundations", "earned": "2025-04-30"},
            {"id": "statistics", "earned": "2024-12-12"},
            {"id": "visualisation", "earned": "2025-01-01"}
        ]})
    );
}

#[test]
fn unreadable_records_give_diagnostics_not_panics() {
    for (text, code) in [
        ("not a token", "badge-unreadable"),
        ("{\"type\": \"Something\"}", "badge-unrecognised"),
        ("{oops", "invalid-json"),
        ("", "badge-none"),
        ("a.b.c", "badge-unreadable"),
    ] {
        let (achievements, diagnostics) = read_achievements(text);
        assert!(achievements.is_empty(), "{text}");
        assert!(
            diagnostics.iter().any(|d| d.code.as_str() == code),
            "{text}: {diagnostics:?}"
        );
    }
}
