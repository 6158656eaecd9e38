//! The published JSON Schema: the committed copy is current, it is a valid draft 2020-12 schema,
//! the sample feed and the documentation example conform to it, and it rejects what it should.

use serde_json::{json, Value};
use stackway_feed::{parse_feed, Kind};
use stackway_interop::schema::{feed_schema, feed_schema_text};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");
const COMMITTED: &str = include_str!("../../../docs/feed-v1.schema.json");
const FEED_FORMAT_DOC: &str = include_str!("../../../docs/feed-format.md");

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&feed_schema()).expect("the schema itself is valid")
}

fn errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

#[test]
fn committed_schema_is_current() {
    assert_eq!(
        COMMITTED,
        feed_schema_text(),
        "docs/feed-v1.schema.json is stale: run `cargo run -p stackway-cli -- schema -o docs/feed-v1.schema.json`"
    );
}

#[test]
fn sample_feed_conforms_to_the_schema() {
    let sample: Value = serde_json::from_str(SAMPLE).unwrap();
    assert_eq!(errors(&sample), Vec::<String>::new());
}

#[test]
fn documentation_example_conforms_to_the_schema() {
    let example = stackway_doc_example(FEED_FORMAT_DOC);
    let value: Value = serde_json::from_str(&example).unwrap();
    assert_eq!(errors(&value), Vec::<String>::new());
}

#[test]
fn schema_rejects_what_the_format_forbids() {
    let base = json!({"stackway": 1, "id": "f", "languages": ["en"], "provider": {"id": "p", "name": "P"},
        "credentials": [{"id": "a", "kind": "course", "title": "A"}]});
    assert!(errors(&base).is_empty());
    let broken = [
        json!({"stackway": 2}),
        json!({"credentials": [{"id": "Bad Id", "kind": "course", "title": "A"}]}),
        json!({"credentials": [{"id": "a", "kind": "module", "title": "A"}]}),
        json!({"credentials": [{"id": "a", "kind": "course", "title": "A", "url": "javascript:alert(1)"}]}),
        json!({"credentials": [{"id": "a", "kind": "course", "title": "A", "cost": {"amount": 1, "currency": "XYZ"}}]}),
        json!({"credentials": [{"id": "a", "kind": "course", "title": "A", "hours": -1}]}),
        json!({"credentials": [{"id": "a", "kind": "course", "title": "A", "requires": {"credits": 3, "from": [{"all": ["b"]}]}}]}),
        json!({"credentials": [{"id": "a", "kind": "course", "title": "A", "prerequsites": "b"}]}),
    ];
    for patch in broken {
        let mut feed = base.clone();
        for (k, v) in patch.as_object().unwrap() {
            feed[k] = v.clone();
        }
        assert!(!errors(&feed).is_empty(), "schema accepted {patch}");
    }
}

/// A career (the job a pathway leads to, issue 16 point 1) is a kind of its own: a feed that
/// uses it, with requirements like any stackable credential, is clean for the validator and
/// accepted by the schema.
#[test]
fn a_career_with_requirements_validates_and_the_schema_accepts_it() {
    let feed = json!({"stackway": 1, "id": "f", "languages": ["en"], "provider": {"id": "p", "name": "P"},
        "credentials": [
            {"id": "network", "kind": "certificate", "title": "Network security"},
            {"id": "analyst", "kind": "career", "title": "Cybersecurity analyst", "requires": {"all": ["network"]}}
        ],
        "pathways": [{"id": "to-analyst", "title": "To analyst", "goal": "analyst", "steps": ["network", "analyst"]}]});
    assert_eq!(errors(&feed), Vec::<String>::new());
    let parsed = parse_feed(&feed.to_string());
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    let analyst = parsed.feed.unwrap().credentials.remove(1);
    assert_eq!(analyst.kind, Kind::Career);
    assert!(analyst.requires.is_some());
}

/// The first ```json block of docs/feed-format.md that follows the "Complete example" heading.
fn stackway_doc_example(doc: &str) -> String {
    let after = doc
        .split("## Complete example")
        .nth(1)
        .expect("a `## Complete example` section");
    let block = after.split("```json\n").nth(1).expect("a json block");
    block.split("\n```").next().unwrap().to_owned()
}
