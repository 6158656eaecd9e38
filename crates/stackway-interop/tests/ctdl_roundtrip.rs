//! Property tests: a random feed pathway exported to CTDL and imported back gives an equivalent
//! feed (with nodes of every class a registry pathway holds: components, and credentials,
//! courses, assessments, competencies and jobs used directly as nodes), and neither importer
//! panics on arbitrary bytes or arbitrary JSON.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value;
use stackway_feed::bench_support;
use stackway_feed::feed::LangMap;
use stackway_feed::{parse_feed, Credential, Feed, Institution, Kind, Pathway, Requirement, Text};
use stackway_interop::badges::read_badges;
use stackway_interop::ctdl::{export_pathway, import_text};
use stackway_interop::detect::read_feed_text;

/// Kinds that CTDL can say exactly (graduate certificates and advanced diplomas are exported as
/// certificates and diplomas, a documented loss).
const ROUND_TRIP_KINDS: [Kind; 8] = [
    Kind::MicroCredential,
    Kind::Badge,
    Kind::Course,
    Kind::Certificate,
    Kind::Diploma,
    Kind::Degree,
    Kind::PriorLearning,
    Kind::Career,
];

/// The CTDL classes a credential of each kind may have been imported from (kept in a `ctdl:`
/// tag); `None` is the kind's own export class.
fn classes(kind: Kind) -> Vec<Option<&'static str>> {
    let classes: &[&str] = match kind {
        Kind::MicroCredential => &[
            "MicroCredential",
            "CompetencyComponent",
            "BasicComponent",
            "Competency",
            "MultiComponent",
        ],
        Kind::Badge => &[
            "OpenBadge",
            "DigitalBadge",
            "Badge",
            "CocurricularComponent",
            "ExtracurricularComponent",
        ],
        Kind::Course => &[
            "Course",
            "LearningOpportunityProfile",
            "CollectionComponent",
        ],
        Kind::Certificate => &[
            "Certification",
            "Certificate",
            "License",
            "ApprenticeshipCertificate",
            "SelectionComponent",
            "LearningProgram",
        ],
        Kind::Diploma => &["Diploma", "SecondarySchoolDiploma"],
        Kind::Degree => &["BachelorDegree", "MasterDegree", "Degree", "DoctoralDegree"],
        Kind::PriorLearning => &["AssessmentProfile", "WorkExperienceComponent"],
        Kind::Career => &["Job", "Occupation", "WorkRole", "Task"],
        _ => &[],
    };
    std::iter::once(None)
        .chain(classes.iter().copied().map(Some))
        .collect()
}

fn kind_and_class() -> impl Strategy<Value = (Kind, Option<&'static str>)> {
    prop::sample::select(ROUND_TRIP_KINDS.to_vec())
        .prop_flat_map(|kind| (Just(kind), prop::sample::select(classes(kind))))
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        "[A-Za-z][A-Za-z ]{0,12}[a-z]".prop_map(Text::Plain),
        ("[A-Za-z]{1,10}", "[A-Za-zé]{1,10}").prop_map(|(en, fr)| {
            Text::Localized(LangMap::from([
                ("en".to_owned(), en),
                ("fr".to_owned(), fr),
            ]))
        }),
    ]
}

/// A requirement over credentials `0..below` (ids `c0`, `c1`, …), so the graph stays acyclic.
fn requirement(below: usize) -> impl Strategy<Value = Requirement> {
    let leaf = (0..below).prop_map(|i| Requirement::Credential(format!("c{i}")));
    leaf.prop_recursive(3, 12, 4, move |inner| {
        (
            prop::collection::vec(inner, 1..4),
            any::<u8>(),
            prop::option::of(text()),
        )
            .prop_map(move |(mut items, pick, label)| {
                // Items of one group are distinct, as the feed format asks.
                let mut distinct = Vec::new();
                items.retain(|r| {
                    if distinct.contains(r) {
                        false
                    } else {
                        distinct.push(r.clone());
                        true
                    }
                });
                match pick % 4 {
                    0 => Requirement::All { all: items, label },
                    1 => Requirement::Any { any: items, label },
                    2 => Requirement::Choose {
                        choose: 1 + u32::from(pick) % (items.len() as u32),
                        from: items,
                        label,
                    },
                    _ => {
                        let mut from: Vec<String> = Vec::new();
                        for id in items.iter().flat_map(|r| r.referenced_ids()) {
                            if !from.iter().any(|f| f == id) {
                                from.push(id.to_owned());
                            }
                        }
                        Requirement::Credits {
                            credits: f64::from(pick % 7),
                            from,
                            label,
                        }
                    }
                }
            })
    })
}

fn feed() -> impl Strategy<Value = Feed> {
    (2usize..8).prop_flat_map(|n| {
        let credentials = (0..n)
            .map(|i| {
                (
                    kind_and_class(),
                    text(),
                    prop::option::of(text()),
                    prop::option::of((0u32..40).prop_map(|x| f64::from(x) / 2.0)),
                    prop::option::of((0u32..400).prop_map(f64::from)),
                    prop::option::of(Just(format!("https://college.example.org/c/{i}"))),
                    prop::collection::vec(
                        prop_oneof!["[a-z]{2,8}", "code:[A-Z]{3}-[0-9]{3}", "level:Year [1-4]"],
                        0..3,
                    ),
                    match i {
                        0 => Just(None).boxed(),
                        // The goal of a curated pathway is earned by stacking.
                        _ if i == n - 1 => requirement(i).prop_map(Some).boxed(),
                        _ => prop::option::of(requirement(i)).boxed(),
                    },
                    (
                        prop::option::of((1u32..200).prop_map(|x| f64::from(x) / 2.0)),
                        prop::option::of((
                            (0u32..5000).prop_map(f64::from),
                            prop::sample::select(vec!["CAD", "USD"]),
                        )),
                    ),
                )
                    .prop_map(
                        move |(
                            (kind, class),
                            title,
                            summary,
                            credits,
                            hours,
                            url,
                            tags,
                            requires,
                            (weeks, cost),
                        )| {
                            let mut c = Credential::new(format!("c{i}"), kind, "");
                            c.weeks = weeks;
                            c.cost = cost.map(|(amount, currency)| stackway_feed::Cost {
                                amount,
                                currency: currency.to_owned(),
                            });
                            c.title = title;
                            c.summary = summary;
                            c.credits = credits;
                            c.hours = hours;
                            c.url = url;
                            let mut seen = Vec::new();
                            let mut has_code = false;
                            for tag in tags {
                                // One coded notation per component, and no repeated tags.
                                if tag.starts_with("code:")
                                    && std::mem::replace(&mut has_code, true)
                                {
                                    continue;
                                }
                                if !seen.contains(&tag) {
                                    seen.push(tag);
                                }
                            }
                            if let Some(class) = class {
                                seen.push(format!("ctdl:{class}"));
                            }
                            c.tags = seen;
                            c.requires = requires;
                            c
                        },
                    )
            })
            .collect::<Vec<_>>();
        (
            credentials,
            text(),
            prop::sample::subsequence((0..n - 1).collect::<Vec<_>>(), 1..n),
        )
            .prop_map(move |(credentials, title, steps)| Feed {
                id: "feed".into(),
                provider: Institution {
                    id: "college".into(),
                    name: Text::Plain("College".into()),
                    url: None,
                },
                pathways: vec![Pathway {
                    id: "route".into(),
                    title,
                    summary: None,
                    goal: format!("c{}", n - 1),
                    steps: steps.into_iter().map(|i| format!("c{i}")).collect(),
                }],
                ..bench_support::feed(credentials)
            })
    })
}

/// The same requirement in the forms CTDL keeps: `any` is `choose 1`, `choose n` of n is `all`,
/// an unlabelled group of one is its item, and leaves (sorted) come before nested groups.
fn normalize(r: &Requirement) -> Requirement {
    let items = |list: &[Requirement]| -> Vec<Requirement> {
        let normalized: Vec<Requirement> = list.iter().map(normalize).collect();
        let (mut leaves, groups): (Vec<_>, Vec<_>) = normalized
            .into_iter()
            .partition(|r| matches!(r, Requirement::Credential(_)));
        // Order within a group carries no meaning; nested groups can collapse into leaves.
        leaves.sort_by_key(|r| r.referenced_ids().concat());
        leaves.extend(groups);
        leaves
    };
    let group = |choose: usize, from: Vec<Requirement>, label: &Option<Text>| {
        if choose >= from.len() {
            if from.len() == 1 && label.is_none() {
                return from.into_iter().next().unwrap();
            }
            Requirement::All {
                all: from,
                label: label.clone(),
            }
        } else {
            Requirement::Choose {
                choose: choose as u32,
                from,
                label: label.clone(),
            }
        }
    };
    match r {
        Requirement::Credential(_) | Requirement::Credits { .. } => r.clone(),
        Requirement::All { all, label } => group(all.len(), items(all), label),
        Requirement::Any { any, label } => group(1, items(any), label),
        Requirement::Choose {
            choose,
            from,
            label,
        } => group(*choose as usize, items(from), label),
    }
}

/// Credentials of the exported pathway, normalised, keyed by id.
fn comparable(feed: &Feed, ids: &[String]) -> BTreeMap<String, Credential> {
    feed.credentials
        .iter()
        .filter(|c| ids.contains(&c.id))
        .map(|c| {
            let mut c = c.clone();
            c.requires = c.requires.as_ref().map(normalize);
            c.tags.sort();
            if let Text::Localized(m) = &c.title {
                if m.len() == 1 {
                    let only = m.values().next().unwrap().clone();
                    c.title = Text::Plain(only);
                }
            }
            (c.id.clone(), c)
        })
        .collect()
}

fn reachable(feed: &Feed) -> Vec<String> {
    let p = &feed.pathways[0];
    let mut out: Vec<String> = Vec::new();
    let mut queue: Vec<String> = vec![p.goal.clone()];
    queue.extend(p.steps.iter().cloned());
    while let Some(id) = queue.pop() {
        if out.contains(&id) {
            continue;
        }
        if let Some(r) = feed.credential(&id).and_then(|c| c.requires.as_ref()) {
            queue.extend(r.referenced_ids().into_iter().map(str::to_owned));
        }
        out.push(id);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_an_equivalent_feed(original in feed()) {
        // Only valid feeds are expected to survive (random credit groups can be unreachable).
        prop_assume!(!parse_feed(&serde_json::to_string(&original).unwrap()).has_errors());
        let exported = export_pathway(&original, "route").unwrap();
        let text = serde_json::to_string(&exported).unwrap();
        let imported = import_text(&text);
        let feed = imported.feed.expect("the export imports");
        prop_assert!(imported.diagnostics.is_empty(), "{:#?}", imported.diagnostics);
        let reparsed = parse_feed(&serde_json::to_string(&feed).unwrap());
        prop_assert!(!reparsed.has_errors(), "{:#?}", reparsed.diagnostics);
        let ids = reachable(&original);
        prop_assert_eq!(comparable(&feed, &ids), comparable(&original, &ids));
        prop_assert_eq!(feed.credentials.len(), ids.len());
        let (p, q) = (&feed.pathways[0], &original.pathways[0]);
        prop_assert_eq!(&p.id, &q.id);
        prop_assert_eq!(&p.goal, &q.goal);
        prop_assert_eq!(&p.steps, &q.steps);
        prop_assert_eq!(&feed.provider.name, &original.provider.name);
        // The widget's entry point recognises the export as CTDL and gives the same feed.
        prop_assert_eq!(read_feed_text(&text).feed, Some(feed));
    }

    #[test]
    fn importers_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = import_text(&text);
        let _ = read_feed_text(&text);
        let _ = read_badges(&minimal_feed(), &text);
    }

    #[test]
    fn importers_never_panic_on_arbitrary_ctdl_like_json(value in ctdl_like_json()) {
        let parsed = import_text(&value.to_string());
        if let Some(feed) = &parsed.feed {
            // Whatever it read must be a valid feed, exactly as the feed reader reads it back
            // (the widget hands it to the catalog without that round trip).
            let reparsed = parse_feed(&serde_json::to_string(feed).unwrap());
            prop_assert!(!reparsed.has_errors(), "{:?}\n{}", reparsed.diagnostics, value);
            prop_assert_eq!(reparsed.feed.as_ref(), Some(feed), "{}", value);
        }
        let text = value.to_string();
        let _ = read_feed_text(&text);
        let feed = minimal_feed();
        let _ = read_badges(&feed, &text);
    }
}

fn minimal_feed() -> Feed {
    let mut c = Credential::new("c0", Kind::Badge, "Badge");
    c.badge = Some(stackway_feed::Badge {
        achievement: "https://b.example.org/a".into(),
        image: None,
    });
    bench_support::feed(vec![c])
}

/// JSON built from the keys and values CTDL and badge documents use, so that the importers'
/// deeper paths are reached, not just the "not an object" exits.
fn ctdl_like_json() -> impl Strategy<Value = Value> {
    let ids = prop::sample::select(vec![
        "_:a",
        "_:b",
        "_:c",
        "_:p",
        "x",
        "ce-11111111-2222-4333-8444-555555555555",
    ]);
    let keys = prop::sample::select(vec![
        "@id",
        "@type",
        "@graph",
        "@value",
        "@language",
        "ceterms:hasChild",
        "ceasn:hasChild",
        "ceterms:hasDestinationComponent",
        "ceterms:hasCondition",
        "ceterms:targetComponent",
        "ceterms:requiredNumber",
        "ceterms:name",
        "ceterms:ctid",
        "ceterms:creditValue",
        "schema:value",
        "ceterms:hasConstraint",
        "ceterms:comparator",
        "ceterms:leftSource",
        "ceterms:rightSource",
        "ceterms:isPartOf",
        "ceterms:hasProgressionLevel",
        "skos:prefLabel",
        "ceterms:subjectWebpage",
        "ceterms:isDestinationComponentOf",
        "ceasn:isPartOf",
        "ceterms:hasPart",
        "ceterms:estimatedCost",
        "ceterms:price",
        "ceterms:currency",
        "ceterms:directCostType",
        "ceterms:estimatedDuration",
        "ceterms:exactDuration",
        "ceterms:creditUnitType",
        "ceterms:targetNode",
        "ceterms:targetNodeName",
        "ceterms:ownedBy",
        "ceterms:offeredBy",
        "ceterms:owns",
        "ceterms:logicalOperator",
        "ceterms:proxyFor",
        "ceterms:credentialType",
        "ceterms:description",
        "en",
        "fr-CA",
        "en-US",
        "type",
        "credentialSubject",
        "achievement",
        "id",
        "alignment",
        "targetCode",
        "targetUrl",
        "verifiableCredential",
        "validFrom",
        "badge",
        "recipient",
        "vc",
    ]);
    let types = prop::sample::select(vec![
        "ceterms:Pathway",
        "ceterms:CourseComponent",
        "ceterms:CredentialComponent",
        "ceterms:ComponentCondition",
        "ceterms:Constraint",
        "asn:ProgressionLevel",
        "ceterms:Certification",
        "ceterms:OpenBadge",
        "ceterms:Course",
        "ceterms:Job",
        "ceterms:CredentialOrganization",
        "ceterms:CostProfile",
        "ceterms:DurationProfile",
        "P3M",
        "PT12H",
        "CAD",
        "creditUnit:SemesterHour",
        "creditUnit:ClockHour",
        "logic:Or",
        "https://college.example.org/x",
        "OpenBadgeCredential",
        "ClrCredential",
        "Assertion",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..10).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ids.prop_map(|s| Value::String(s.into())),
        types.prop_map(|s| Value::String(s.into())),
        "[ -~]{0,12}".prop_map(Value::String),
        Just(Value::String("2024-05-01T00:00:00Z".into())),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}
