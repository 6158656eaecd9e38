//! Data-driven tests of the CTDL importer: every fixture under tests/data/ctdl/ is imported, the
//! feed must pass `parse_feed` with no error, the expected warnings (naming the node's `@id`)
//! must be present, and the feed plus warnings are snapshotted.

use std::path::Path;

use stackway_core::interop::ctdl::import_text;
use stackway_core::{parse_feed, Feed, Kind, Requirement, Severity};

/// Fixture → warning codes it must produce, each with a node `@id` its message must name.
const EXPECTED: &[(&str, &[(&str, &str)])] = &[
    ("graph-basic", &[]),
    ("single-resource", &[]),
    ("all-component-types", &[]),
    (
        "quirk-prefix-swap",
        &[
            ("ctdl-prefix", "`_:p` has `ceasn:hasDestinationComponent`"),
            ("ctdl-prefix", "`_:p` has `ceasn:hasChild`"),
            ("ctdl-prefix", "`_:goal` has `ceasn:isPartOf`"),
            ("ctdl-prefix", "`_:a` has `ceasn:name`"),
            ("ctdl-prefix", "`_:l1` has `ceterms:prefLabel`"),
            ("ctdl-no-condition", "`_:goal`"),
        ],
    ),
    (
        "quirk-single-vs-list",
        &[
            (
                "ctdl-single-for-list",
                "`_:p` has a single value for `hasDestinationComponent`",
            ),
            (
                "ctdl-single-for-list",
                "`_:p` has a single value for `hasChild`",
            ),
            (
                "ctdl-single-for-list",
                "`_:goal` has a single value for `hasCondition`",
            ),
            (
                "ctdl-single-for-list",
                "`_:a` has a single value for `creditValue`",
            ),
            ("ctdl-list-for-single", "`_:p` has a list for `name`"),
            (
                "ctdl-list-for-single",
                "`_:goal` has a list for `credentialType`",
            ),
        ],
    ),
    (
        "quirk-language-maps",
        &[
            (
                "ctdl-language-tag",
                "`_:p` has a language map keyed `en-US`",
            ),
            (
                "ctdl-language-tag",
                "`_:goal` has a language map keyed `en-us`",
            ),
            (
                "ctdl-list-for-single",
                "`_:goal` has a list of strings under `name`.`en-us`",
            ),
        ],
    ),
    (
        "quirk-missing-conditions",
        &[
            ("ctdl-no-condition", "`_:goal`"),
            ("ctdl-missing-required-number", "`_:cond`"),
            (
                "ctdl-missing-node",
                "`_:mid` refers through `hasCondition` to `_:absent-condition`",
            ),
            ("ctdl-missing-name", "`_:c`"),
        ],
    ),
    (
        "quirk-absent-nodes",
        &[
            (
                "ctdl-missing-node",
                "`_:p` refers through `hasChild` to `https://registry.example.org/resources/gone`",
            ),
            (
                "ctdl-missing-node",
                "`_:c` refers through `targetComponent`",
            ),
            (
                "ctdl-not-a-component",
                "`_:c` refers through `targetComponent` to `_:org`",
            ),
            ("ctdl-bad-url", "`_:a`"),
        ],
    ),
    ("quirk-duplicate-nodes", &[("ctdl-duplicate-node", "`_:a`")]),
    (
        "quirk-multiple-destinations",
        &[("ctdl-multiple-destinations", "`_:p`")],
    ),
    (
        "constraints",
        &[(
            "ctdl-constraint",
            "constraint `_:grade` of condition `_:gpa`",
        )],
    ),
    (
        "quirk-cycle",
        &[
            ("ctdl-cycle", "condition `_:loop` contains itself"),
            ("ctdl-cycle", "a cycle"),
        ],
    ),
    (
        "no-destination",
        &[
            (
                "ctdl-no-destination",
                "`https://registry.example.org/resources/Pathway%20X`",
            ),
            (
                "ctdl-unknown-type",
                "`_:b` has the unknown component type `FancyComponent`",
            ),
        ],
    ),
];

fn import_fixture(name: &str) -> (Feed, Vec<stackway_core::Diagnostic>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/ctdl/{name}.json"));
    let text = std::fs::read_to_string(&path).expect("fixture is readable");
    let parsed = import_text(&text);
    let feed = parsed
        .feed
        .unwrap_or_else(|| panic!("{name}: no feed: {:?}", parsed.diagnostics));
    (feed, parsed.diagnostics)
}

#[test]
fn every_fixture_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ctdl");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_owned))
        .collect();
    names.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|(n, _)| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(names, listed);
}

#[test]
fn fixtures_import_to_valid_feeds_with_expected_warnings() {
    for (name, expected) in EXPECTED {
        let (feed, diagnostics) = import_fixture(name);
        let json = serde_json::to_string_pretty(&feed).unwrap();
        let reparsed = parse_feed(&json);
        assert!(
            !reparsed.has_errors(),
            "{name}: imported feed does not validate: {:?}",
            reparsed.diagnostics
        );
        assert!(
            diagnostics.iter().all(|d| d.severity == Severity::Warning),
            "{name}: {diagnostics:?}"
        );
        for (code, fragment) in *expected {
            assert!(
                diagnostics
                    .iter()
                    .any(|d| d.code == *code && d.message.contains(fragment)),
                "{name}: expected a `{code}` warning mentioning {fragment}; got {diagnostics:#?}"
            );
        }
        if expected.is_empty() {
            assert!(
                diagnostics.is_empty(),
                "{name}: unexpected warnings {diagnostics:#?}"
            );
        }
        let warnings: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{} {}: {}", d.code, d.pointer, d.message))
            .collect();
        insta::assert_snapshot!(*name, format!("{json}\n\n{}", warnings.join("\n")));
    }
}

#[test]
fn basic_pathway_maps_conditions_codes_credits_levels_and_urls() {
    let (feed, _) = import_fixture("graph-basic");
    let goal_id = "ce-aaaaaaaa-0000-4000-8000-000000000001";
    let pathway = &feed.pathways[0];
    assert_eq!(pathway.id, "ce-6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    assert_eq!(pathway.goal, goal_id);
    assert_eq!(pathway.steps.len(), 5);
    assert_eq!(
        feed.provider.url.as_deref(),
        Some("https://college.example.org/")
    );
    let goal = feed.credential(goal_id).unwrap();
    assert_eq!(goal.kind, Kind::Certificate);
    assert_eq!(goal.url.as_deref(), Some("https://credentialengineregistry.org/resources/ce-cccccccc-0000-4000-8000-000000000001"));
    let Some(Requirement::All { all, label: None }) = &goal.requires else {
        panic!("{:?}", goal.requires)
    };
    assert!(matches!(&all[0], Requirement::All { all, label: Some(_) } if all.len() == 2));
    assert!(
        matches!(&all[1], Requirement::Choose { choose: 2, from, label: Some(_) } if from.len() == 3)
    );
    let stats = feed
        .credential("ce-aaaaaaaa-0000-4000-8000-000000000003")
        .unwrap();
    assert_eq!((stats.credits, stats.hours), (Some(3.0), Some(42.0)));
    assert!(stats.tags.contains(&"code:BAN-102".to_owned()));
    assert!(stats.tags.contains(&"level:Year 1".to_owned()));
    let viz = feed
        .credential("ce-aaaaaaaa-0000-4000-8000-000000000004")
        .unwrap();
    assert_eq!(viz.credits, Some(1.5));
    let micro = feed
        .credential("ce-aaaaaaaa-0000-4000-8000-000000000006")
        .unwrap();
    assert_eq!(micro.kind, Kind::MicroCredential);
    assert!(micro.tags.contains(&"dashboards".to_owned()));
}

#[test]
fn component_subtypes_map_to_fitting_kinds_and_nested_conditions_nest() {
    let (feed, _) = import_fixture("all-component-types");
    let kind = |id: &str| feed.credential(id).unwrap().kind;
    assert_eq!(kind("degree"), Kind::Degree);
    assert_eq!(kind("course"), Kind::Course);
    assert_eq!(kind("cert"), Kind::Badge);
    assert_eq!(kind("competency"), Kind::MicroCredential);
    assert_eq!(kind("basic"), Kind::MicroCredential);
    assert_eq!(kind("cocurricular"), Kind::Badge);
    assert_eq!(kind("extracurricular"), Kind::Badge);
    assert_eq!(kind("assessment"), Kind::PriorLearning);
    assert_eq!(kind("job"), Kind::PriorLearning);
    assert_eq!(kind("work"), Kind::PriorLearning);
    assert_eq!(kind("selection"), Kind::Certificate);
    let degree = feed.credential("degree").unwrap();
    assert!(degree
        .tags
        .contains(&"credential-type:BachelorDegree".to_owned()));
    // 3 of (course, cert, experience group, extras group) → choose 3 with two nested groups.
    let Some(Requirement::Choose {
        choose: 3, from, ..
    }) = &degree.requires
    else {
        panic!("{:?}", degree.requires)
    };
    assert_eq!(from.len(), 4);
    assert!(matches!(&from[2], Requirement::Choose { choose: 1, from, .. } if from.len() == 3));
    assert!(matches!(&from[3], Requirement::Choose { choose: 2, from, .. } if from.len() == 5));
}

#[test]
fn quirks_resolve_as_documented() {
    let (feed, _) = import_fixture("quirk-language-maps");
    assert_eq!(feed.languages, vec!["en".to_owned(), "fr".to_owned()]);
    assert_eq!(
        feed.credential("goal").unwrap().title.get("fr", "en"),
        "But"
    );
    assert_eq!(
        feed.credential("goal").unwrap().title.get("en", "en"),
        "Goal"
    );

    let (feed, _) = import_fixture("quirk-missing-conditions");
    // No requiredNumber: all targets. No condition: all children.
    assert_eq!(
        feed.credential("mid").unwrap().requires,
        Some(Requirement::All {
            all: vec![
                Requirement::Credential("a".into()),
                Requirement::Credential("b".into())
            ],
            label: None
        })
    );
    assert_eq!(
        feed.credential("goal").unwrap().requires,
        Some(Requirement::All {
            all: vec![
                Requirement::Credential("mid".into()),
                Requirement::Credential("c".into())
            ],
            label: None
        })
    );

    let (feed, _) = import_fixture("quirk-duplicate-nodes");
    assert_eq!(feed.credentials.iter().filter(|c| c.id == "a").count(), 1);
    assert_eq!(
        feed.credential("a").unwrap().title.get("en", "en"),
        "Course A"
    );
    assert!(feed
        .credential("a")
        .unwrap()
        .tags
        .contains(&"code:A-1".to_owned()));
    assert!(feed
        .credential("ce-11111111-2222-4333-8444-555555555555-2")
        .is_some());

    let (feed, _) = import_fixture("quirk-multiple-destinations");
    assert_eq!(feed.pathways[0].goal, "diploma");
    assert!(feed.pathways[0].steps.contains(&"certificate".to_owned()));

    let (feed, _) = import_fixture("constraints");
    let goal = feed.credential("goal").unwrap();
    let Some(Requirement::All { all, .. }) = &goal.requires else {
        panic!("{:?}", goal.requires)
    };
    assert!(
        matches!(&all[0], Requirement::Credits { credits, from, .. } if *credits == 6.0 && from.len() == 3)
    );

    let (feed, _) = import_fixture("no-destination");
    let goal = feed.credential(&feed.pathways[0].goal).unwrap();
    assert_eq!(
        goal.requires.as_ref().map(|r| r.referenced_ids().len()),
        Some(2)
    );
    assert!(feed
        .credential("a")
        .unwrap()
        .tags
        .contains(&"level:intro".to_owned()));
}

#[test]
fn documents_without_components_give_an_error_and_no_feed() {
    for text in [
        "{}",
        "[]",
        "null",
        "{\"@graph\": [{\"@id\": \"x\", \"@type\": \"ceterms:Pathway\"}]}",
        "{not json",
    ] {
        let parsed = import_text(text);
        assert!(parsed.feed.is_none(), "{text}");
        assert!(parsed.has_errors(), "{text}");
    }
}
