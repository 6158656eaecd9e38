//! Property tests: the parser never panics and always answers, whatever it is given
//! (arbitrary bytes, arbitrary JSON, and random mutations of a real feed).

use proptest::prelude::*;
use serde_json::Value;
use stackway_feed::{parse_feed, parse_feed_bytes, Code, Parsed, Severity};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|i| Value::Number(i.into())),
        // Feed-like words make the generator reach deep into the validator.
        prop::sample::select(vec![
            "stackway",
            "a",
            "b",
            "certificate",
            "all",
            "any",
            "choose",
            "credits",
            "from",
            "CAD",
            "https://x.example.org",
            "javascript:x",
            "2026-02-30",
            "en",
            "fr",
            "",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(8, 256, 8, |inner| {
        let keys = prop::sample::select(vec![
            "stackway",
            "id",
            "languages",
            "provider",
            "credentials",
            "kind",
            "title",
            "requires",
            "prerequisites",
            "all",
            "any",
            "choose",
            "credits",
            "from",
            "cost",
            "amount",
            "currency",
            "equivalences",
            "holding",
            "counts_as",
            "pathways",
            "goal",
            "steps",
            "skills",
            "name",
            "url",
            "label",
            "toward",
            "valid_years",
            "delivery",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..8).prop_map(|members| Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect()
            )),
        ]
    })
}

/// What every answer must look like, whatever the input.
fn check_answer(parsed: &Parsed) {
    for d in &parsed.diagnostics {
        assert!(
            !d.code.as_str().is_empty()
                && d.code
                    .as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "code {}",
            d.code
        );
        assert!(d.pointer.is_empty() || d.pointer.starts_with('/'));
        assert!(d.line.is_some_and(|l| l >= 1) && d.column.is_some_and(|c| c >= 1));
    }
    if parsed.feed.is_none() {
        assert!(parsed
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_answer(&parse_feed_bytes(&bytes));
    }

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        let text = value.to_string();
        check_answer(&parse_feed(&text));
        // Wrapped as the credentials of a feed, so the generator exercises deeper rules too.
        let feed = serde_json::json!({"stackway": 1, "id": "f", "languages": ["en"],
            "provider": {"id": "p", "name": "P"}, "credentials": [value.clone(), {"id": "a", "kind": "certificate", "title": "A", "requires": value}]});
        check_answer(&parse_feed(&feed.to_string()));
    }

    #[test]
    fn mutated_sample_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        check_answer(&parse_feed_bytes(&bytes));
    }

    #[test]
    fn truncated_sample_never_panics(at in any::<prop::sample::Index>()) {
        let cut = at.index(SAMPLE.len());
        check_answer(&parse_feed_bytes(&SAMPLE.as_bytes()[..cut]));
    }
}

#[test]
fn oversized_input_is_a_clear_error() {
    let big = format!("[{}]", "0,".repeat(11 * 1024 * 1024));
    let parsed = parse_feed(&big);
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].code, Code::InputTooLarge);
    assert!(parsed.diagnostics[0].message.contains("20 MiB"));
    assert_eq!(
        parse_feed_bytes(big.as_bytes()).diagnostics[0].code,
        Code::InputTooLarge
    );
}

#[test]
fn very_deep_input_is_a_clear_error_not_a_stack_overflow() {
    for open in ["[", "{\"a\":"] {
        let deep = open.repeat(1_000_000);
        let parsed = parse_feed(&deep);
        assert_eq!(parsed.diagnostics[0].code, Code::NestingTooDeep);
        assert!(parsed.feed.is_none());
    }
}

#[test]
fn invalid_utf8_reports_its_position() {
    let parsed = parse_feed_bytes(b"{\n  \"id\": \"caf\xff\"\n}");
    assert_eq!(parsed.diagnostics[0].code, Code::InvalidUtf8);
    assert_eq!(
        (parsed.diagnostics[0].line, parsed.diagnostics[0].column),
        (Some(2), Some(13))
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = r#"{"stackway": 1, "id": "f", "languages": ["en"], "provider": {"id": "p", "name": "P"},
      "credentials": [{"id": "a", "kind": "nope", "title": "A"}, {"id": "B", "kind": "course", "title": "B", "hours": -1}]}"#;
    let codes: Vec<Code> = parse_feed(text)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(
        codes,
        [Code::UnknownKind, Code::InvalidId, Code::NumberOutOfRange]
    );
}
