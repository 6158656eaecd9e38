//! The validator, the JSON Schema, the documentation's field reference, the canonical writer and
//! the serde model all come from the one field table (`stackway_core::field_table`).
//!
//! The cases are derived from the table, field by field: for each field of each object, a
//! feed is changed where that field is (removed if required, a value of the wrong JSON type, a
//! number just outside its range and at its bounds, an empty list, an invalid id, URL, date,
//! currency, kind or language) and the test asks the validator for the diagnostic the table
//! implies, at that field's pointer, and the schema for the same verdict. A field whose check
//! were written anywhere but in the table would disagree with one of them.

use serde_json::{json, Value};
use stackway_core::field_table::{
    self, reference, Empty, Field, Object, Range, Type, OBJECTS, REQUIREMENT_GROUPS,
};
use stackway_core::schema::feed_schema;
use stackway_core::{parse_feed, Code, Diagnostic, Severity};

const FEED_FORMAT_DOC: &str = include_str!("../../../docs/feed-format.md");

/// The documentation's complete example: it uses every field of the format (a test checks it).
fn example() -> Value {
    let block = FEED_FORMAT_DOC
        .split("## Complete example")
        .nth(1)
        .and_then(|after| after.split("```json\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .expect("docs/feed-format.md has a complete example");
    serde_json::from_str(block).unwrap()
}

/// Every object of the table found in `value` (walked as the table types it), with its pointer.
fn instances(value: &Value, ty: &Type, at: String, out: &mut Vec<(&'static Object, String)>) {
    match (ty, value) {
        (Type::Object(object), Value::Object(_)) => object_instance(value, object, at, out),
        (Type::Requirement, Value::Object(members)) => {
            if let Some(group) = members.keys().find_map(|k| field_table::group_by_key(k)) {
                object_instance(value, group, at, out);
            }
        }
        (Type::List(list), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                instances(item, &list.item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn object_instance(
    value: &Value,
    object: &'static Object,
    at: String,
    out: &mut Vec<(&'static Object, String)>,
) {
    out.push((object, at.clone()));
    for field in object.fields {
        if let Some(child) = value.get(field.key) {
            instances(child, &field.ty, format!("{at}/{}", field.key), out);
        }
    }
}

fn all_instances(doc: &Value) -> Vec<(&'static Object, String)> {
    let mut out = Vec::new();
    instances(
        doc,
        &Type::Object(&field_table::FEED),
        String::new(),
        &mut out,
    );
    out
}

/// Where each field of each object is first found in the example.
fn field_sites() -> Vec<(&'static Object, &'static Field, String)> {
    let doc = example();
    let found = all_instances(&doc);
    let mut sites = Vec::new();
    for object in OBJECTS {
        for field in object.fields {
            let site = found.iter().find(|(o, at)| {
                std::ptr::eq(*o, object) && doc.pointer(at).and_then(|v| v.get(field.key)).is_some()
            });
            let Some((_, at)) = site else {
                panic!(
                    "the complete example of docs/feed-format.md has no `{}` in any {}",
                    field.key, object.name
                );
            };
            sites.push((object, field, at.clone()));
        }
    }
    sites
}

struct Checker {
    schema: jsonschema::Validator,
}

impl Checker {
    fn new() -> Checker {
        Checker {
            schema: jsonschema::draft202012::new(&feed_schema()).unwrap(),
        }
    }

    fn diagnostics(&self, doc: &Value) -> Vec<Diagnostic> {
        parse_feed(&serde_json::to_string(doc).unwrap()).diagnostics
    }

    fn schema_accepts(&self, doc: &Value) -> bool {
        self.schema.is_valid(doc)
    }
}

/// The example with the value at `object_at`/`key` replaced (or removed, for `None`).
fn changed(object_at: &str, key: &str, value: Option<Value>) -> Value {
    let mut doc = example();
    let Some(Value::Object(members)) = doc.pointer_mut(object_at) else {
        panic!("no object at {object_at}")
    };
    match value {
        Some(value) => {
            members.insert(key.to_owned(), value);
        }
        None => {
            members.remove(key);
        }
    }
    doc
}

fn has(diagnostics: &[Diagnostic], code: &str, pointer: &str, severity: Severity) -> bool {
    diagnostics
        .iter()
        .any(|d| d.code.as_str() == code && d.pointer == pointer && d.severity == severity)
}

#[test]
fn the_complete_example_uses_every_field_and_is_clean_for_both() {
    let checker = Checker::new();
    let doc = example();
    assert_eq!(checker.diagnostics(&doc), Vec::new());
    assert!(checker.schema_accepts(&doc));
    assert!(!field_sites().is_empty());
}

#[test]
fn required_fields_are_required_by_the_validator_and_the_schema() {
    let checker = Checker::new();
    for (object, field, at) in field_sites() {
        let doc = changed(&at, field.key, None);
        let diagnostics = checker.diagnostics(&doc);
        let is_group_key = REQUIREMENT_GROUPS
            .iter()
            .any(|g| std::ptr::eq(*g, object) && g.fields[0].key == field.key);
        let (code, pointer) = match field.ty {
            Type::Version => ("missing-version", at.clone()),
            _ if is_group_key => ("invalid-requirement", at.clone()),
            _ => ("missing-field", at.clone()),
        };
        let reported = has(&diagnostics, code, &pointer, Severity::Error);
        assert_eq!(
            reported, field.required,
            "{}.{} without it: the table says required = {}, the validator said {diagnostics:?}",
            object.name, field.key, field.required
        );
        assert_eq!(
            checker.schema_accepts(&doc),
            !field.required,
            "{}.{} without it: the schema disagrees with the table",
            object.name,
            field.key
        );
    }
}

#[test]
fn every_field_refuses_a_value_of_the_wrong_json_type() {
    let checker = Checker::new();
    for (object, field, at) in field_sites() {
        // No field of the format holds a boolean.
        let doc = changed(&at, field.key, Some(json!(true)));
        let pointer = format!("{at}/{}", field.key);
        let code = match field.ty {
            Type::Version => "unsupported-version",
            _ => "wrong-type",
        };
        let diagnostics = checker.diagnostics(&doc);
        assert!(
            has(&diagnostics, code, &pointer, Severity::Error),
            "{}.{} = true: expected {code} at {pointer}, got {diagnostics:?}",
            object.name,
            field.key
        );
        assert!(
            !checker.schema_accepts(&doc),
            "{}.{} = true",
            object.name,
            field.key
        );
    }
}

#[test]
fn numbers_are_held_to_the_tables_ranges_by_the_validator_and_the_schema() {
    let checker = Checker::new();
    let mut checked = 0;
    for (object, field, at) in field_sites() {
        let Some(range) = field.range() else { continue };
        let pointer = format!("{at}/{}", field.key);
        let Range { min, max, .. } = *range;
        let mut cases = vec![(json!(max), true), (json!(max + 1.0), false)];
        if range.min_exclusive {
            cases.push((json!(min), false));
            cases.push((json!(min + 0.5), matches!(field.ty, Type::Number(_))));
        } else {
            cases.push((json!(min), true));
            cases.push((json!(min - 1.0), false));
        }
        if matches!(field.ty, Type::Integer(_)) {
            cases.push((json!(min + 0.5), false));
        }
        for (value, inside) in cases {
            let doc = changed(&at, field.key, Some(value.clone()));
            let diagnostics = checker.diagnostics(&doc);
            let refused = has(
                &diagnostics,
                "number-out-of-range",
                &pointer,
                Severity::Error,
            );
            assert_eq!(
                refused, !inside,
                "{}.{} = {value}: {diagnostics:?}",
                object.name, field.key
            );
            // The schema cannot see other rules (a `choose` larger than its list, credits a
            // list cannot give), so only what the range decides is compared.
            let other_errors = diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && d.code != Code::NumberOutOfRange);
            if !other_errors || !inside {
                assert_eq!(
                    checker.schema_accepts(&doc),
                    inside,
                    "{}.{} = {value}: the schema disagrees",
                    object.name,
                    field.key
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} number fields");
}

#[test]
fn empty_lists_are_errors_or_warnings_as_the_table_says() {
    let checker = Checker::new();
    for (object, field, at) in field_sites() {
        let Some(list) = field.list() else { continue };
        let doc = changed(&at, field.key, Some(json!([])));
        let pointer = format!("{at}/{}", field.key);
        let severity = match list.empty {
            Empty::Error => Severity::Error,
            Empty::Warning => Severity::Warning,
        };
        let diagnostics = checker.diagnostics(&doc);
        assert!(
            has(&diagnostics, "empty-list", &pointer, severity),
            "{}.{} = []: expected a {severity:?}, got {diagnostics:?}",
            object.name,
            field.key
        );
        assert!(
            !checker.schema_accepts(&doc),
            "{}.{} = []",
            object.name,
            field.key
        );
    }
}

#[test]
fn keys_outside_the_table_are_reported_and_refused() {
    let checker = Checker::new();
    let mut seen = Vec::new();
    for (object, _, at) in field_sites() {
        if seen.contains(&at) {
            continue;
        }
        seen.push(at.clone());
        let doc = changed(&at, "zz-not-in-the-table", Some(json!(1)));
        let pointer = format!("{at}/zz-not-in-the-table");
        let diagnostics = checker.diagnostics(&doc);
        assert!(
            has(&diagnostics, "unknown-key", &pointer, Severity::Warning),
            "{}: {diagnostics:?}",
            object.name
        );
        assert!(!checker.schema_accepts(&doc), "{}", object.name);
    }
}

/// A value of the right JSON type that the field's type refuses, with the validator's code, and
/// whether the schema can tell (a calendar date cannot be checked by a pattern).
fn invalid_value(ty: &Type) -> Option<(Value, &'static str, bool)> {
    Some(match ty {
        Type::Id | Type::Ref(_) => (json!("Not An Id"), "invalid-id", true),
        Type::Url => (json!("javascript:alert(1)"), "invalid-url", true),
        Type::Date => (json!("2026-02-30"), "invalid-date", false),
        Type::Currency => (json!("XYZ"), "invalid-currency", true),
        Type::Kind => (json!("module"), "unknown-kind", true),
        Type::Text => (json!({}), "empty-text", true),
        Type::List(list) => {
            let (item, code, schema_sees) = invalid_value(&list.item).or(match list.item {
                Type::Delivery => Some((json!("by-pigeon"), "unknown-delivery", true)),
                Type::LanguageTag => Some((json!("1x"), "invalid-language", true)),
                _ => None,
            })?;
            (json!([item]), code, schema_sees)
        }
        _ => return None,
    })
}

#[test]
fn ids_urls_dates_codes_kinds_and_texts_are_checked_as_their_type_says() {
    let checker = Checker::new();
    for (object, field, at) in field_sites() {
        let Some((value, code, schema_sees)) = invalid_value(&field.ty) else {
            continue;
        };
        let doc = changed(&at, field.key, Some(value.clone()));
        let pointer = format!("{at}/{}", field.key);
        let diagnostics = checker.diagnostics(&doc);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code.as_str() == code && d.pointer.starts_with(&pointer)),
            "{}.{} = {value}: expected {code}, got {diagnostics:?}",
            object.name,
            field.key
        );
        if schema_sees {
            assert!(
                !checker.schema_accepts(&doc),
                "{}.{} = {value}",
                object.name,
                field.key
            );
        }
    }
}

#[test]
fn the_schema_has_exactly_the_tables_objects_fields_and_required_keys() {
    let schema = feed_schema();
    for object in OBJECTS {
        let def = if std::ptr::eq(object, &field_table::FEED) {
            &schema
        } else {
            &schema["$defs"][object.name]
        };
        let mut properties: Vec<&str> = def["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no $defs/{}", object.name))
            .keys()
            .map(String::as_str)
            .collect();
        properties.sort_unstable();
        let mut keys: Vec<&str> = object.fields.iter().map(|f| f.key).collect();
        keys.sort_unstable();
        assert_eq!(properties, keys, "{}", object.name);
        let required: Vec<&str> = object
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.key)
            .collect();
        assert_eq!(def["required"], json!(required), "{}", object.name);
        assert_eq!(def["additionalProperties"], json!(false), "{}", object.name);
        for field in object.fields {
            assert_eq!(
                def["properties"][field.key]["description"],
                json!(field.doc.help.en),
                "{}.{}",
                object.name,
                field.key
            );
        }
    }
}

#[test]
fn the_documentations_field_reference_is_the_generated_one() {
    let current = reference::splice(FEED_FORMAT_DOC)
        .expect("docs/feed-format.md has the field reference markers");
    assert!(
        current == FEED_FORMAT_DOC,
        "docs/feed-format.md's field reference is stale: run `cargo run -p stackway-cli -- schema --doc docs/feed-format.md`"
    );
    // Every field of the table has its row, in its object's section, with its help text.
    let generated = reference::markdown();
    for object in OBJECTS {
        for field in object.fields {
            let required = if field.required { "**yes**" } else { "no" };
            let row_start = format!("| `{}` | ", field.key);
            let row_end = format!(
                " | {required} | {} |",
                field.doc.help.en.replace('|', "\\|")
            );
            assert!(
                generated
                    .lines()
                    .any(|l| l.starts_with(&row_start) && l.ends_with(&row_end)),
                "no row for {}.{}",
                object.name,
                field.key
            );
        }
    }
}

#[test]
fn every_field_has_words_in_english_and_french() {
    for object in OBJECTS {
        for words in [object.doc.label, object.doc.help] {
            assert!(
                !words.en.is_empty() && !words.fr.is_empty(),
                "{}",
                object.name
            );
        }
        for field in object.fields {
            for words in [field.doc.label, field.doc.help] {
                assert!(
                    !words.en.is_empty() && !words.fr.is_empty(),
                    "{}.{}",
                    object.name,
                    field.key
                );
            }
            assert_eq!(field.label("fr-CA"), field.doc.label.fr);
            assert_eq!(field.help("en"), field.doc.help.en);
        }
    }
}

#[test]
fn the_serde_model_reads_and_writes_exactly_the_tables_keys() {
    // Every field of the example survives the model (except `$schema`, which is for editors),
    // and the model writes no key the table does not have.
    let doc = example();
    let feed = parse_feed(&serde_json::to_string(&doc).unwrap())
        .feed
        .unwrap();
    let written = serde_json::to_value(&feed).unwrap();
    let mut read: Vec<(&str, String)> = all_instances(&doc)
        .into_iter()
        .flat_map(|(object, at)| {
            let value = doc.pointer(&at).cloned().unwrap_or_default();
            object
                .fields
                .iter()
                .filter(move |f| value.get(f.key).is_some())
                .map(move |f| (f.key, at.clone()))
        })
        .filter(|(key, _)| *key != "$schema")
        .collect();
    read.sort();
    let mut kept: Vec<(&str, String)> = Vec::new();
    for (object, at) in all_instances(&written) {
        let value = written.pointer(&at).unwrap();
        for key in value.as_object().unwrap().keys() {
            let field = object.field(key);
            assert!(
                field.is_some(),
                "the model writes `{key}` in {}, which the table lacks",
                object.name
            );
            kept.push((field.unwrap().key, at.clone()));
        }
    }
    kept.sort();
    assert_eq!(kept, read);
}
