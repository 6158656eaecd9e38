//! Data-driven tests of the CTDL importer: every fixture under tests/data/ctdl/ is imported; the
//! number of pathway nodes it holds and its warnings, counted by code, are exactly as listed;
//! the warnings name the node they are about; the feed passes `parse_feed` with no error; and
//! the feed plus warnings are snapshotted.
//!
//! The `registry-*` fixtures are written in the shapes real Credential Registry exports use:
//! credential classes as nodes, `en-US` keys, `ceasn:`/`ceterms:` prefixes mixed, conditions
//! with names, organisations in the graph.

use std::collections::BTreeMap;
use std::path::Path;

use stackway_feed::{parse_feed, Feed, Kind, Requirement, Severity, Text};
use stackway_interop::ctdl::{import_text, Import};

/// One fixture: how many pathway nodes it holds, its warnings by code (exactly), and fragments
/// some of those warnings must contain (the node they name).
struct Case {
    name: &'static str,
    components: usize,
    warnings: &'static [(&'static str, usize)],
    naming: &'static [(&'static str, &'static str)],
}

const NO_PROVIDER: (&str, usize) = ("ctdl-no-provider", 1);

const CASES: &[Case] = &[
    Case {
        name: "graph-basic",
        components: 6,
        warnings: &[],
        naming: &[],
    },
    Case {
        name: "single-resource",
        components: 3,
        warnings: &[NO_PROVIDER],
        naming: &[],
    },
    Case {
        name: "all-component-types",
        components: 11,
        warnings: &[NO_PROVIDER],
        naming: &[],
    },
    Case {
        name: "registry-career-pathway",
        components: 9,
        warnings: &[("ctdl-prefix", 1)],
        naming: &[(
            "ctdl-prefix",
            "3 properties are spelled with another prefix than CTDL's: `ceasn:hasChild` for \
             `ceterms:hasChild` (2), `ceasn:isPartOf` for `ceterms:isPartOf` (1)",
        )],
    },
    Case {
        name: "registry-badge-pathway",
        components: 53,
        warnings: &[("ctdl-prefix", 1)],
        naming: &[("ctdl-prefix", "`ceasn:isPartOf` for `ceterms:isPartOf` (53)")],
    },
    Case {
        name: "registry-mixed-classes",
        components: 11,
        warnings: &[
            ("ctdl-bad-duration", 1),
            ("ctdl-credit-unit", 1),
            ("ctdl-missing-node", 2),
            ("ctdl-not-a-component", 1),
            ("ctdl-prefix", 1),
        ],
        naming: &[
            (
                "ctdl-missing-node",
                "refers through `hasPart` to `https://registry.example.org/resources/retired-course`",
            ),
            (
                "ctdl-missing-node",
                "`https://registry.example.org/resources/degree › hasCondition 3` refers through \
                 `targetComponent` to `https://registry.example.org/resources/retired-course`",
            ),
            (
                "ctdl-not-a-component",
                "to `https://registry.example.org/resources/org-riverside`, which is a \
                 `CredentialOrganization`",
            ),
            ("ctdl-credit-unit", "in `QuarterHour` while most of the pathway counts `SemesterHour`"),
            ("ctdl-bad-duration", "`ten weeks`"),
        ],
    },
    Case {
        name: "quirk-prefix-swap",
        components: 3,
        warnings: &[("ctdl-prefix", 1), ("ctdl-no-condition", 1), NO_PROVIDER],
        naming: &[
            ("ctdl-prefix", "5 properties"),
            ("ctdl-prefix", "`ceasn:hasDestinationComponent` for `ceterms:hasDestinationComponent` (1)"),
            ("ctdl-prefix", "`ceterms:prefLabel` for `skos:prefLabel` (1)"),
            ("ctdl-no-condition", "`_:goal`"),
        ],
    },
    Case {
        name: "quirk-single-vs-list",
        components: 3,
        warnings: &[("ctdl-list-for-single", 2), NO_PROVIDER],
        naming: &[
            ("ctdl-list-for-single", "`_:p` has a list for `name`"),
            ("ctdl-list-for-single", "`_:goal` has a list for `credentialType`"),
        ],
    },
    Case {
        name: "quirk-language-maps",
        components: 3,
        warnings: &[("ctdl-list-for-single", 1), NO_PROVIDER],
        naming: &[(
            "ctdl-list-for-single",
            "`_:goal` has a list of strings under `name`.`en-us`",
        )],
    },
    Case {
        name: "quirk-missing-conditions",
        components: 5,
        warnings: &[
            ("ctdl-missing-name", 1),
            ("ctdl-missing-node", 1),
            ("ctdl-missing-required-number", 1),
            ("ctdl-no-condition", 1),
            NO_PROVIDER,
        ],
        naming: &[
            ("ctdl-no-condition", "`_:goal`"),
            ("ctdl-missing-required-number", "`_:cond`"),
            (
                "ctdl-missing-node",
                "`_:mid` refers through `hasCondition` to `_:absent-condition`",
            ),
            ("ctdl-missing-name", "`_:c`"),
        ],
    },
    Case {
        name: "quirk-absent-nodes",
        components: 2,
        warnings: &[
            ("ctdl-bad-url", 1),
            ("ctdl-missing-node", 2),
            ("ctdl-not-a-component", 1),
        ],
        naming: &[
            (
                "ctdl-missing-node",
                "`_:p` refers through `hasChild` to `https://registry.example.org/resources/gone`",
            ),
            ("ctdl-missing-node", "`_:c` refers through `targetComponent`"),
            (
                "ctdl-not-a-component",
                "`_:c` refers through `targetComponent` to `_:org`",
            ),
            ("ctdl-bad-url", "`_:a`"),
        ],
    },
    Case {
        name: "quirk-duplicate-nodes",
        components: 4,
        warnings: &[("ctdl-duplicate-node", 1), NO_PROVIDER],
        naming: &[("ctdl-duplicate-node", "`_:a`")],
    },
    Case {
        name: "quirk-multiple-destinations",
        components: 4,
        warnings: &[("ctdl-multiple-destinations", 1), NO_PROVIDER],
        naming: &[("ctdl-multiple-destinations", "`_:p`")],
    },
    Case {
        name: "constraints",
        components: 4,
        warnings: &[("ctdl-constraint", 1), NO_PROVIDER],
        naming: &[(
            "ctdl-constraint",
            "constraint `_:grade` of condition `_:gpa`",
        )],
    },
    Case {
        name: "quirk-cycle",
        components: 3,
        warnings: &[("ctdl-cycle", 2), ("ctdl-no-condition", 1), NO_PROVIDER],
        naming: &[
            ("ctdl-cycle", "condition `_:loop` contains itself"),
            ("ctdl-cycle", "a cycle"),
        ],
    },
    Case {
        name: "no-destination",
        components: 2,
        warnings: &[
            ("ctdl-no-destination", 1),
            ("ctdl-unknown-type", 1),
            NO_PROVIDER,
        ],
        naming: &[
            (
                "ctdl-no-destination",
                "`https://registry.example.org/resources/Pathway%20X`",
            ),
            (
                "ctdl-unknown-type",
                "`_:b` has the unknown component type `FancyComponent`",
            ),
        ],
    },
];

fn import(name: &str) -> Import {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/ctdl/{name}.json"));
    import_text(&std::fs::read_to_string(&path).expect("fixture is readable"))
}

fn import_fixture(name: &str) -> (Feed, Vec<stackway_feed::Diagnostic>) {
    let imported = import(name);
    let feed = imported
        .feed
        .unwrap_or_else(|| panic!("{name}: no feed: {:?}", imported.diagnostics));
    (feed, imported.diagnostics)
}

#[test]
fn every_fixture_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ctdl");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_owned))
        .collect();
    names.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.name.to_owned()).collect();
    listed.sort();
    assert_eq!(names, listed);
}

#[test]
fn fixtures_import_every_node_with_the_expected_warnings() {
    for case in CASES {
        let name = case.name;
        let imported = import(name);
        assert_eq!(
            imported.summary.components, case.components,
            "{name}: pathway nodes"
        );
        let expected: BTreeMap<&str, usize> = case.warnings.iter().copied().collect();
        assert_eq!(
            imported.counts_by_code(),
            expected,
            "{name}: {:#?}",
            imported.diagnostics
        );
        let diagnostics = &imported.diagnostics;
        assert!(
            diagnostics
                .iter()
                .all(|d| d.severity == Severity::Warning && d.line.is_some() && d.column.is_some()),
            "{name}: every warning is located: {diagnostics:?}"
        );
        for (code, fragment) in case.naming {
            assert!(
                diagnostics
                    .iter()
                    .any(|d| d.code.as_str() == *code && d.message.contains(fragment)),
                "{name}: expected a `{code}` warning mentioning {fragment}; got {diagnostics:#?}"
            );
        }
        let feed = imported.feed.clone().expect("a feed");
        // Every pathway node is a credential (goals made from a pathway come on top).
        assert!(feed.credentials.len() >= case.components, "{name}");
        let json = serde_json::to_string_pretty(&feed).unwrap();
        let reparsed = parse_feed(&json);
        assert!(
            !reparsed.has_errors(),
            "{name}: imported feed does not validate: {:?}",
            reparsed.diagnostics
        );
        assert_eq!(
            reparsed.feed.as_ref(),
            Some(&feed),
            "{name}: the feed reads back as is"
        );
        let warnings: Vec<String> = diagnostics
            .iter()
            .map(|d| {
                let (line, column) = (d.line.unwrap_or(0), d.column.unwrap_or(0));
                format!("{} {line}:{column} {}: {}", d.code, d.pointer, d.message)
            })
            .collect();
        insta::assert_snapshot!(name, format!("{json}\n\n{}", warnings.join("\n")));
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
    assert_eq!(kind("job"), Kind::Career);
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

/// The career pathway: eight of its nine nodes are `ceterms:Certification`s, reached
/// through the destination's `hasChild` and conditions. All nine become credentials.
#[test]
fn credential_classes_used_as_nodes_become_credentials() {
    let (feed, _) = import_fixture("registry-career-pathway");
    assert_eq!(feed.credentials.len(), 9);
    let goal = feed.credential(&feed.pathways[0].goal).unwrap();
    // The destination is a job: a career, which exports as a `JobComponent` again without a tag.
    assert_eq!(goal.kind, Kind::Career);
    assert!(
        !goal.tags.iter().any(|t| t.starts_with("ctdl:")),
        "{:?}",
        goal.tags
    );
    let certifications: Vec<_> = feed
        .credentials
        .iter()
        .filter(|c| c.tags.contains(&"ctdl:Certification".to_owned()))
        .collect();
    assert_eq!(certifications.len(), 8);
    assert!(certifications.iter().all(|c| c.kind == Kind::Certificate));
    // The pathway's owner is the provider; the certifying body owns seven certifications.
    assert_eq!(feed.provider.name.get("en", "en"), "Lakeshore Polytechnic");
    assert_eq!(
        feed.provider.name.get("fr", "en"),
        "Polytechnique Lakeshore"
    );
    assert_eq!(feed.institutions.len(), 1);
    let board = &feed.institutions[0];
    assert_eq!(
        board.name.get("en", "en"),
        "Canadian Information Security Board"
    );
    assert_eq!(
        certifications
            .iter()
            .filter(|c| c.provider.as_deref() == Some(board.id.as_str()))
            .count(),
        7
    );
    // Conditions are named by their name, else their description.
    let labels: Vec<&str> = match &goal.requires {
        Some(Requirement::All { all, .. }) => all
            .iter()
            .filter_map(|r| r.label().map(|l| l.get("en", "en")))
            .collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        labels,
        [
            "Entry-level certifications",
            "One specialist certification",
            "Advanced certification"
        ]
    );
    // Estimated cost: one price per kind of cost, added up; duration in weeks.
    let analyst = feed
        .credential("ce-11111111-aaaa-4aaa-8aaa-000000000007")
        .unwrap();
    let cost = analyst.cost.as_ref().unwrap();
    assert_eq!((cost.amount, cost.currency.as_str()), (520.0, "CAD"));
    let network = feed
        .credential("ce-11111111-aaaa-4aaa-8aaa-000000000002")
        .unwrap();
    assert_eq!(network.weeks, Some(13.0));
}

/// The 53-component badge pathway: every node is a credential, and the only warning is
/// one count of the `ceasn:` spellings (it had 139 warnings: 82 for `en-US` keys, 55 for
/// prefixes).
#[test]
fn the_registry_badge_pathway_imports_all_53_components_with_one_warning() {
    let imported = import("registry-badge-pathway");
    assert_eq!(imported.diagnostics.len(), 1, "{:#?}", imported.diagnostics);
    assert_eq!(imported.summary.components, 53);
    assert_eq!(imported.summary.conditions, 11);
    let feed = imported.feed.unwrap();
    assert_eq!(feed.credentials.len(), 53);
    assert_eq!(feed.languages, ["en"]);
    assert_eq!(
        feed.provider.name,
        Text::Plain("Northern Lakes College".into())
    );
    assert_eq!(
        feed.credit_label.as_ref().map(|l| l.get("en", "en")),
        Some("continuing education units")
    );
    let kinds = |kind: Kind| feed.credentials.iter().filter(|c| c.kind == kind).count();
    assert_eq!(kinds(Kind::Badge), 52);
    assert_eq!(kinds(Kind::PriorLearning), 1);
    for class in ["OpenBadge", "DigitalBadge", "Badge"] {
        let tag = format!("ctdl:{class}");
        assert!(
            feed.credentials.iter().any(|c| c.tags.contains(&tag)),
            "{class}"
        );
    }
    let tier = feed
        .credentials
        .iter()
        .find(|c| c.title.get("en", "en") == "Applied Tier Badge")
        .unwrap();
    assert!(tier.tags.contains(&"level:Applied".to_owned()));
    let Some(Requirement::All { all, label }) = &tier.requires else {
        panic!("{:?}", tier.requires)
    };
    assert_eq!(
        label.as_ref().map(|l| l.get("en", "en")),
        Some("Applied tier")
    );
    assert!(matches!(&all[1], Requirement::Choose { choose: 5, from, .. } if from.len() == 12));
    let capstone = feed
        .credentials
        .iter()
        .find(|c| c.kind == Kind::PriorLearning)
        .unwrap();
    assert_eq!(capstone.cost.as_ref().map(|c| c.amount), Some(150.0));
    assert_eq!(capstone.weeks, Some(4.0));
    let skill = feed
        .credentials
        .iter()
        .find(|c| c.title.get("en", "en") == "Cloud File Sharing")
        .unwrap();
    assert_eq!((skill.hours, skill.credits), (Some(4.0), Some(0.4)));
}

#[test]
fn every_learnable_class_maps_to_a_fitting_kind_and_is_kept_for_export() {
    let (feed, _) = import_fixture("registry-mixed-classes");
    let kind = |id: &str| feed.credential(id).unwrap().kind;
    let tagged = |id: &str, tag: &str| feed.credential(id).unwrap().tags.contains(&tag.to_owned());
    for (id, expected, class) in [
        ("degree", Kind::Degree, "BachelorOfScienceDegree"),
        ("course-hi101", Kind::Course, "Course"),
        ("lop-privacy", Kind::Course, "LearningOpportunityProfile"),
        ("pla", Kind::PriorLearning, "AssessmentProfile"),
        ("job-clinic", Kind::Career, "Job"),
        ("competency-records", Kind::MicroCredential, "Competency"),
        ("micro-data", Kind::MicroCredential, "MicroCredential"),
        ("diploma", Kind::Diploma, "Diploma"),
        ("electives", Kind::Course, "CollectionComponent"),
        ("either-stats", Kind::MicroCredential, "MultiComponent"),
    ] {
        assert_eq!(kind(id), expected, "{id}");
        assert!(tagged(id, &format!("ctdl:{class}")), "{id}");
    }
    // The destination says so itself (`isDestinationComponentOf`); the provider is the
    // organisation that says it owns the pathway.
    assert_eq!(feed.pathways[0].goal, "degree");
    assert_eq!(feed.provider.name.get("en", "en"), "Riverside University");
    assert_eq!(feed.languages, ["en", "fr"]);
    let degree = feed.credential("degree").unwrap();
    assert_eq!(degree.weeks, Some(208.0));
    let Some(Requirement::All { all, .. }) = &degree.requires else {
        panic!("{:?}", degree.requires)
    };
    // `logicalOperator` Or without `requiredNumber`: one of them.
    assert!(matches!(&all[1], Requirement::Choose { choose: 1, from, .. } if from.len() == 2));
    assert!(matches!(&all[2], Requirement::Choose { choose: 4, from, .. } if from.len() == 5));
    // Credits in the unit most components use; the quarter hours are left out.
    assert_eq!(feed.credential("course-hi101").unwrap().credits, Some(3.0));
    assert_eq!(feed.credential("lop-privacy").unwrap().credits, None);
    assert_eq!(feed.credential("lop-privacy").unwrap().hours, Some(12.0));
    assert_eq!(
        feed.credit_label.as_ref().map(|l| l.get("fr", "en")),
        Some("heures-semestre")
    );
    let cost = feed
        .credential("course-hi101")
        .unwrap()
        .cost
        .clone()
        .unwrap();
    assert_eq!((cost.amount, cost.currency.as_str()), (812.5, "CAD"));
}

#[test]
fn feed_pointers_lead_back_to_the_ctdl_node() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ctdl/registry-career-pathway.json");
    let text = std::fs::read_to_string(path).unwrap();
    let doc = stackway_feed::json::read(&text).unwrap();
    let imported = stackway_interop::ctdl::import_document(&doc);
    let feed = imported.feed.as_ref().unwrap();
    let analyst = feed
        .credentials
        .iter()
        .position(|c| c.id == "ce-11111111-aaaa-4aaa-8aaa-000000000007")
        .unwrap();
    let at = imported
        .locate(&doc, &format!("/credentials/{analyst}/cost/amount"))
        .unwrap();
    assert_eq!(at.pointer, "/@graph/13");
    assert_eq!((at.line, at.column), (128, 5));
    let pathway = imported.locate(&doc, "/pathways/0/title").unwrap();
    assert_eq!(pathway.pointer, "/@graph/0");
    let provider = imported.locate(&doc, "/provider/name").unwrap();
    assert_eq!(provider.pointer, "/@graph/1");
    assert!(imported.locate(&doc, "/credentials/99").is_none());
    assert!(imported.locate(&doc, "/languages/0").is_none());
}
