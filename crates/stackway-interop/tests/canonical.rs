//! Canonical feed text: the sample feed saved without edits is byte for byte what it was, an
//! edit changes only the lines it touches, nothing a feed holds is lost on a save (keys the
//! format does not define, keys written twice, invalid values, numbers as written), and for any
//! text parse → write → parse gives the same feed and the same diagnostics, with write
//! idempotent.

use proptest::prelude::*;
use similar::{ChangeTag, TextDiff};
use stackway_feed::feed::LangMap;
use stackway_feed::{
    parse_feed, Badge, Cost, Credential, Delivery, Employer, Equivalence, Feed, Institution, Kind,
    Pathway, Requirement, Skill, Text,
};
use stackway_interop::canonical::{canonicalize, write, write_feed, Json, Number};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");
const FEED_FORMAT_DOC: &str = include_str!("../../../docs/feed-format.md");

/// The lines `after` changes in `before`: (removed, added).
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let diff = TextDiff::from_lines(before, after);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => removed.push(change.value().trim_end().to_owned()),
            ChangeTag::Insert => added.push(change.value().trim_end().to_owned()),
            ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

/// Diagnostics as a sorted list of (code, severity, pointer, message): what a save may not
/// change (lines and columns move when keys are reordered, and so does document order).
fn findings(text: &str) -> Vec<String> {
    let mut out: Vec<String> = parse_feed(text)
        .diagnostics
        .iter()
        .map(|d| format!("{} {:?} {} {}", d.code, d.severity, d.pointer, d.message))
        .collect();
    out.sort();
    out
}

#[test]
fn the_sample_feed_saved_without_edits_is_unchanged_byte_for_byte() {
    assert_eq!(canonicalize(SAMPLE).unwrap(), SAMPLE);
    let doc = Json::parse(SAMPLE).unwrap();
    assert_eq!(write(&doc), SAMPLE);
    // The typed model written canonically is the same text too: the sample has no key the
    // model lacks except `$schema`, which goes first.
    let feed = parse_feed(SAMPLE).feed.unwrap();
    let from_model = write_feed(&feed);
    let (removed, added) = changed_lines(SAMPLE, &from_model);
    assert_eq!(
        removed,
        [r#"  "$schema": "https://stackway.example.org/schema/feed-v1.schema.json","#]
    );
    assert!(added.is_empty(), "{added:?}");
}

#[test]
fn changing_a_title_changes_one_line() {
    let mut doc = Json::parse(SAMPLE).unwrap();
    let title = doc.pointer_mut("/credentials/2/title/fr").unwrap();
    *title = Json::String("SQL pour les analystes".into());
    let (removed, added) = changed_lines(SAMPLE, &write(&doc));
    assert_eq!(removed, [r#"        "fr": "SQL pour analystes""#]);
    assert_eq!(added, [r#"        "fr": "SQL pour les analystes""#]);
}

#[test]
fn adding_a_field_adds_its_lines_in_documented_order_and_nothing_else_moves() {
    let mut doc = Json::parse(SAMPLE).unwrap();
    // An editor appends the new member; the writer puts it where the format documents it
    // (`provider` comes after `url` and before `hours`).
    let Some(Json::Object(members)) = doc.pointer_mut("/credentials/0") else {
        panic!("a credential")
    };
    members.push(("provider".into(), Json::String("northshore".into())));
    let written = write(&doc);
    let (removed, added) = changed_lines(SAMPLE, &written);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(added, [r#"      "provider": "northshore","#]);
    let provider_at = written.find(r#""provider": "northshore""#).unwrap();
    let url_at = written
        .find("https://www.trillium.example.ca/micro-credentials/data-foundations")
        .unwrap();
    assert!(url_at < provider_at);
}

#[test]
fn adding_and_removing_a_credential_touches_only_its_block() {
    let mut doc = Json::parse(SAMPLE).unwrap();
    let Some(Json::Array(credentials)) = doc.pointer_mut("/credentials") else {
        panic!("credentials")
    };
    let mut new = Credential::new("data-excel-pro", Kind::MicroCredential, "");
    new.title = Text::Localized(LangMap::from([
        ("fr".to_owned(), "Excel avancé".to_owned()),
        ("en".to_owned(), "Advanced Excel".to_owned()),
    ]));
    new.credits = Some(1.5);
    credentials.insert(2, Json::from_model(&new));
    // Credential 25 (after the insertion, 26) is referenced nowhere.
    let removed_block = credentials.remove(26);
    assert_eq!(
        removed_block.get("id").and_then(Json::as_str),
        Some("health-leadership")
    );
    let written = write(&doc);
    let (removed, added) = changed_lines(SAMPLE, &written);
    // The diff may pair the block's braces with its neighbours': compare the lines as a set.
    let mut added = added;
    added.sort();
    let mut expected = [
        "    {",
        r#"      "id": "data-excel-pro","#,
        r#"      "kind": "micro-credential","#,
        r#"      "title": {"#,
        r#"        "en": "Advanced Excel","#,
        r#"        "fr": "Excel avancé""#,
        "      },",
        r#"      "credits": 1.5"#,
        "    },",
    ];
    expected.sort();
    assert_eq!(added, expected);
    let removed_text = write(&removed_block);
    assert_eq!(
        removed.len(),
        removed_text.lines().count(),
        "only the removed credential's lines go"
    );
    // The edited feed still reads, with the new credential in it.
    let parsed = parse_feed(&written);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let feed = parsed.feed.unwrap();
    assert_eq!(feed.credentials[2], new);
}

/// A feed with what the model does not hold: keys the format does not define (at the top, in a
/// credential, a group, a badge, a text), a key written twice, values of the wrong type, a
/// credential of an unknown kind, numbers written unusually, escapes.
const UNUSUAL: &str = r#"{"x-owner": {"team": "registrar", "ticket": 42},
 "stackway": 1, "id": "f", "languages": ["fr", "en"],
 "provider": {"id": "p", "name": {"de": "Anbieter", "en": "Provider", "fr": "Fournisseur"}, "url": "https://p.example.org", "internal": true},
 "credentials": [
  {"kind": "course", "id": "a", "title": {"en": "A", "fr": "A"}, "hours": 1.50, "credits": 1E1, "weeks": -0,
   "notes": ["keep", "me"], "title": "second title, ignored but kept", "badge": {"achievement": "https://b.example.org/a", "colour": "teal"}},
  {"id": "b", "kind": "module", "title": "unknown kind: dropped by the validator, kept in the file"},
  {"id": "c", "kind": "certificate", "title": "C \"quoted\" \u00e9\t", "hours": "ten",
   "requires": {"label": {"fr": "Groupe", "en": "Group"}, "all": ["a", {"any": ["a"], "weight": 2}], "comment": "kept"}}
 ],
 "pathways": [{"steps": ["a", "c"], "goal": "c", "title": "Route", "id": "r", "extra": null}]
}"#;

#[test]
fn nothing_the_feed_holds_is_lost_on_a_save() {
    let saved = canonicalize(UNUSUAL).unwrap();
    assert_eq!(
        sorted(&Json::parse(&saved).unwrap()),
        sorted(&Json::parse(UNUSUAL).unwrap())
    );
    for kept in [
        r#""x-owner": {"#,
        r#""ticket": 42"#,
        r#""internal": true"#,
        r#""de": "Anbieter""#,
        r#""hours": 1.50"#,
        r#""credits": 1E1"#,
        r#""weeks": -0"#,
        r#""colour": "teal""#,
        r#""notes": ["#,
        r#""title": "second title, ignored but kept""#,
        r#""kind": "module""#,
        r#""hours": "ten""#,
        r#""weight": 2"#,
        r#""comment": "kept""#,
        r#""extra": null"#,
        r#""title": "C \"quoted\" é\t","#,
    ] {
        assert!(saved.contains(kept), "{kept} is missing from\n{saved}");
    }
    // The validator reads the saved file exactly as it read the original.
    assert_eq!(parse_feed(&saved).feed, parse_feed(UNUSUAL).feed);
    assert_eq!(findings(&saved), findings(UNUSUAL));
    // Known keys first in documented order, then the others by name; languages as declared
    // (fr, en), then the rest; the first of two `title`s stays first.
    let compact: String = saved.split_whitespace().collect();
    assert!(compact.starts_with(r#"{"stackway":1,"id":"f","languages":["fr","en"],"provider":{"id":"p","name":{"fr":"Fournisseur","en":"Provider","de":"Anbieter"},"url":"https://p.example.org","internal":true},"#), "{saved}");
    assert!(compact.contains(r#"{"id":"a","kind":"course","title":{"fr":"A","en":"A"},"title":"secondtitle,ignoredbutkept","hours":1.50,"credits":1E1,"weeks":-0,"badge":{"achievement":"https://b.example.org/a","colour":"teal"},"notes":["keep","me"]}"#), "{saved}");
    assert!(compact.contains(r#""requires":{"all":["a",{"any":["a"],"weight":2}],"label":{"fr":"Groupe","en":"Group"},"comment":"kept"}"#), "{saved}");
    assert!(compact.ends_with(r#""pathways":[{"id":"r","title":"Route","goal":"c","steps":["a","c"],"extra":null}],"x-owner":{"team":"registrar","ticket":42}}"#), "{saved}");
    assert_eq!(canonicalize(&saved).unwrap(), saved);
}

#[test]
fn text_that_is_not_json_is_refused_with_the_validators_diagnostic() {
    let error = canonicalize("{\"stackway\": 1,}").unwrap_err();
    let parsed = parse_feed("{\"stackway\": 1,}");
    assert_eq!(Some(&error), parsed.diagnostics.first());
}

#[test]
fn the_documentation_example_reads_the_same_once_canonical() {
    let example = FEED_FORMAT_DOC
        .split("## Complete example")
        .nth(1)
        .and_then(|after| after.split("```json\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .unwrap();
    let saved = canonicalize(example).unwrap();
    assert_eq!(parse_feed(&saved).feed, parse_feed(example).feed);
    assert!(parse_feed(&saved).diagnostics.is_empty());
    assert_eq!(canonicalize(&saved).unwrap(), saved);
}

/// Members sorted by key, stably (so the copies of a key written twice stay in order), at every
/// level: two documents equal under this hold the same things.
fn sorted(value: &Json) -> Json {
    match value {
        Json::Array(items) => Json::Array(items.iter().map(sorted).collect()),
        Json::Object(members) => {
            let mut members: Vec<(String, Json)> = members
                .iter()
                .map(|(k, v)| (k.clone(), sorted(v)))
                .collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(members)
        }
        other => other.clone(),
    }
}

/// JSON text on one line, members in the order given: the input of the property tests, in
/// no particular canonical form.
fn compact(value: &Json) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.as_str().to_owned(),
        Json::String(s) => serde_json::to_string(s).unwrap(),
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(compact).collect::<Vec<_>>().join(",")
        ),
        Json::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), compact(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// Feed-like JSON documents: the format's keys and values (and others), members in any order,
/// keys written twice, numbers written in every JSON form.
fn feed_like() -> impl Strategy<Value = Json> {
    let number = prop_oneof![
        (0u32..2000).prop_map(|n| n.to_string()),
        (0u32..2000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b:02}")),
        prop::sample::select(vec![
            "-0", "1e2", "1E+2", "2.50e-1", "-3", "1e400", "0.000001"
        ])
        .prop_map(str::to_owned),
    ]
    .prop_map(|text| Json::Number(Number::parse(&text).unwrap()));
    let word = prop::sample::select(vec![
        "a",
        "b",
        "c",
        "course",
        "certificate",
        "micro-credential",
        "CAD",
        "online",
        "en",
        "fr",
        "https://x.example.org",
        "2026-02-28",
        "Bad Id",
        "",
    ]);
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number,
        word.prop_map(|w| Json::String(w.to_owned())),
        "[ -~éà\"\\\\\n\t]{0,8}".prop_map(Json::String),
    ];
    let key = prop::sample::select(vec![
        "stackway",
        "id",
        "languages",
        "provider",
        "credentials",
        "kind",
        "title",
        "summary",
        "name",
        "url",
        "hours",
        "credits",
        "weeks",
        "cost",
        "amount",
        "currency",
        "delivery",
        "requires",
        "prerequisites",
        "all",
        "any",
        "choose",
        "from",
        "label",
        "badge",
        "achievement",
        "equivalences",
        "holding",
        "counts_as",
        "pathways",
        "goal",
        "steps",
        "en",
        "fr",
        "de",
        "x-extra",
        "zz",
    ]);
    leaf.prop_recursive(6, 96, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
            prop::collection::vec((key.clone().prop_map(str::to_owned), inner), 0..7)
                .prop_map(Json::Object),
        ]
    })
}

/// A feed document: an object with the format's top-level keys (so the validator goes deep).
fn feed_document() -> impl Strategy<Value = Json> {
    (
        prop::collection::vec(feed_like(), 0..4),
        feed_like(),
        prop::collection::vec(("[a-z$]{1,6}", feed_like()), 0..3),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(credentials, provider, extra, at)| {
            let mut members = vec![
                (
                    "stackway".to_owned(),
                    Json::Number(Number::parse("1").unwrap()),
                ),
                ("id".to_owned(), Json::String("feed".into())),
                (
                    "languages".to_owned(),
                    Json::Array(vec![Json::String("en".into()), Json::String("fr".into())]),
                ),
                ("provider".to_owned(), provider),
                ("credentials".to_owned(), Json::Array(credentials)),
            ];
            members.extend(extra);
            let len = members.len();
            members.rotate_left(at.index(len));
            Json::Object(members)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn writing_loses_nothing_is_idempotent_and_reads_the_same(doc in prop_oneof![feed_document(), feed_like()]) {
        let text = compact(&doc);
        let saved = canonicalize(&text).unwrap();
        prop_assert_eq!(sorted(&Json::parse(&saved).unwrap()), sorted(&doc));
        prop_assert_eq!(canonicalize(&saved).unwrap(), saved.clone());
        prop_assert_eq!(parse_feed(&saved).feed, parse_feed(&text).feed);
        prop_assert_eq!(findings(&saved), findings(&text));
    }

    #[test]
    fn a_typed_feed_written_reads_back_as_the_same_feed(feed in typed_feed()) {
        let text = write_feed(&feed);
        let parsed = parse_feed(&text);
        prop_assert!(!parsed.has_errors(), "{:?}\n{}", parsed.diagnostics, text);
        prop_assert_eq!(parsed.feed.as_ref(), Some(&feed));
        prop_assert_eq!(canonicalize(&text).unwrap(), text.clone());
        prop_assert_eq!(write(&Json::parse(&text).unwrap()), text);
    }
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        "[A-Za-z][A-Za-z \"\\\\]{0,12}".prop_map(Text::Plain),
        ("[A-Za-z]{1,10}", "[A-Za-zé\n]{1,10}").prop_map(|(en, fr)| {
            Text::Localized(LangMap::from([
                ("en".to_owned(), en),
                ("fr".to_owned(), fr),
            ]))
        }),
    ]
}

/// A number in `[0, max]` with any fraction: every one must come back bit for bit.
fn amount(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        (0.0..max),
        Just(0.1 + 0.2),
        Just(1e-7),
    ]
}

/// A requirement over credentials `0..below`.
fn requirement(below: usize) -> impl Strategy<Value = Requirement> {
    let leaf = (0..below).prop_map(|i| Requirement::Credential(format!("c{i}")));
    leaf.prop_recursive(3, 12, 3, move |inner| {
        (
            prop::collection::vec(inner, 1..4),
            any::<u8>(),
            prop::option::of(text()),
        )
            .prop_map(|(items, pick, label)| match pick % 4 {
                0 => Requirement::All { all: items, label },
                1 => Requirement::Any { any: items, label },
                2 => Requirement::Choose {
                    choose: 1,
                    from: items,
                    label,
                },
                _ => Requirement::Credits {
                    credits: 0.5,
                    from: items
                        .iter()
                        .flat_map(|r| r.referenced_ids())
                        .map(str::to_owned)
                        .collect(),
                    label,
                },
            })
    })
}

/// A valid feed using every field of the format.
fn typed_feed() -> impl Strategy<Value = Feed> {
    (2usize..6).prop_flat_map(|n| {
        let credentials: Vec<_> = (0..n)
            .map(|i| {
                (
                    (
                        prop::sample::select(Kind::ALL.to_vec()),
                        text(),
                        prop::option::of(text()),
                        prop::option::of(amount(100_000.0)),
                        // Every credential gives credits, so that credits groups can be filled.
                        (1.0..10_000.0f64),
                        prop::option::of(amount(1_000.0)),
                        prop::option::of(amount(1e9)),
                        prop::sample::subsequence(Delivery::ALL.to_vec(), 0..3),
                    ),
                    (
                        prop::collection::vec("[a-z ]{1,6}", 0..3),
                        prop::collection::vec(text(), 0..2),
                        prop::option::of(text()),
                        prop::option::of((1u32..1000).prop_map(|y| f64::from(y) / 10.0)),
                        prop::option::of(requirement(i.max(1))),
                        prop::option::of(requirement(i.max(1))),
                        any::<bool>(),
                    ),
                )
                    .prop_map(move |(a, b)| {
                        let (kind, title, summary, hours, credits, weeks, amount, delivery) = a;
                        let (tags, outcomes, level, valid_years, requires, prerequisites, rich) = b;
                        let mut c = Credential::new(format!("c{i}"), kind, "");
                        c.title = title;
                        c.summary = summary;
                        c.hours = hours;
                        c.credits = Some(credits);
                        c.weeks = weeks;
                        c.cost = amount.map(|amount| Cost { amount, currency: "CAD".into() });
                        c.delivery = delivery;
                        c.tags = tags;
                        c.outcomes = outcomes;
                        c.level = level;
                        c.valid_years = valid_years;
                        if rich {
                            c.url = Some(format!("https://college.example.org/c/{i}"));
                            c.provider = Some("partner".into());
                            c.skills = vec!["sql".into()];
                            c.assessment = Some(Text::Plain("Project".into()));
                            c.employers = vec![Employer { name: Text::Plain("Acme".into()), url: None }];
                            c.badge = Some(Badge {
                                achievement: format!("https://badges.example.org/{i}"),
                                image: None,
                            });
                        }
                        // Only later credentials require earlier ones: no cycle.
                        if i > 0 {
                            c.requires = requires;
                            c.prerequisites = prerequisites;
                        }
                        c
                    })
            })
            .collect();
        (credentials, text(), any::<bool>())
    })
    .prop_map(|(credentials, title, with_extras)| {
        let ids: Vec<String> = credentials.iter().map(|c| c.id.clone()).collect();
        Feed {
            stackway: 1,
            id: "generated".into(),
            updated: Some("2026-12-01".into()),
            languages: vec!["en".into(), "fr".into()],
            credit_label: Some(Text::Plain("credits".into())),
            provider: Institution { id: "college".into(), name: title.clone(), url: None },
            institutions: vec![Institution {
                id: "partner".into(),
                name: Text::Plain("Partner".into()),
                url: Some("https://partner.example.org".into()),
            }],
            skills: vec![Skill {
                id: "sql".into(),
                name: Text::Plain("SQL".into()),
                framework: Some("ESDC".into()),
                uri: None,
            }],
            credentials,
            equivalences: if with_extras {
                vec![Equivalence {
                    holding: vec![ids[1].clone()],
                    counts_as: ids[0].clone(),
                    toward: None,
                    note: Some(title.clone()),
                }]
            } else {
                Vec::new()
            },
            pathways: if with_extras {
                vec![Pathway {
                    id: "route".into(),
                    title,
                    summary: None,
                    goal: ids[1].clone(),
                    steps: ids.clone(),
                }]
            } else {
                Vec::new()
            },
        }
    })
}
