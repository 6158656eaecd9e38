//! The JSON Schema (draft 2020-12) of feed format v1, for editors and other tools.
//!
//! It is built from the format's field table (`crate::field_table`), like the validator's
//! field checks: every object becomes a `$defs` entry with its required keys and no others,
//! every field a property with the table's type, range and English help text as its
//! description. What a table type means in JSON Schema is decided once, in [`type_schema`]: the
//! id pattern on every reference, texts that are a string or a map of translations, http(s)-only
//! URLs, requirement groups told apart by their key. Tests keep it honest: the sample feed and
//! the documentation example validate against it, the committed copy in `docs/` equals this
//! output, and `tests/field_table.rs` checks field by field that it accepts and refuses what the
//! validator does. The validator remains the authority for rules a schema cannot express
//! (references, cycles, feasibility, calendar dates).

use serde_json::{json, Map, Value};

use crate::feed::{Delivery, Kind};
use crate::field_table::{self as table, Field, Object, Range, Type, OBJECTS, REQUIREMENT_GROUPS};
use crate::validate::ids::ID_PATTERN;
use crate::validate::values::CURRENCY_CODES;

/// The `$id` under which the schema is published.
pub const SCHEMA_ID: &str = "https://stackway.example.org/schema/feed-v1.schema.json";

/// What a URL must look like: an absolute http(s) URL with a host and no white space.
const URL_PATTERN: &str = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$";
/// A language tag: a primary subtag of 2 to 8 letters, then subtags of 1 to 8 letters or digits.
const LANGUAGE_TAG_PATTERN: &str = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";

/// The JSON Schema of feed format v1.
pub fn feed_schema() -> Value {
    let mut defs = Map::new();
    defs.insert(
        "id".into(),
        json!({
            "type": "string", "pattern": ID_PATTERN,
            "description": "Lower-case letters, digits, '.', '_' and '-'; starts with a letter or digit; at most 64 characters."
        }),
    );
    defs.insert(
        "date".into(),
        json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A calendar date, YYYY-MM-DD." }),
    );
    defs.insert(
        "url".into(),
        json!({ "type": "string", "pattern": URL_PATTERN, "description": "An absolute http or https URL." }),
    );
    defs.insert(
        "text".into(),
        json!({
            "description": "A string, or an object from language tag to string ({\"en\": \"…\", \"fr\": \"…\"}).",
            "oneOf": [
                { "type": "string" },
                { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string" } }
            ]
        }),
    );
    let mut requirement = vec![json!({ "$ref": "#/$defs/id" })];
    requirement.extend(REQUIREMENT_GROUPS.iter().map(|group| def_ref(group)));
    defs.insert(
        "requirement".into(),
        json!({ "description": table::REQUIREMENT.help.en, "oneOf": requirement }),
    );
    for object in OBJECTS.iter().filter(|o| !std::ptr::eq(**o, &table::FEED)) {
        defs.insert(object.name.into(), object_schema(object));
    }
    let mut root = object_schema(&table::FEED);
    if let Value::Object(root) = &mut root {
        root.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        root.insert("$id".into(), json!(SCHEMA_ID));
        root.insert("title".into(), json!("Stackway feed, format v1"));
        root.insert(
            "description".into(),
            json!("An institution's offer of micro-credentials and how they stack toward certificates, diplomas and degrees."),
        );
        root.insert("$defs".into(), Value::Object(defs));
    }
    root
}

/// An object of the table: its fields as properties, its required ones, no others.
fn object_schema(object: &Object) -> Value {
    let properties: Map<String, Value> = object
        .fields
        .iter()
        .map(|field| (field.key.to_owned(), field_schema(field)))
        .collect();
    let required: Vec<&str> = object
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    json!({
        "type": "object",
        "description": object.doc.help.en,
        "required": required,
        "additionalProperties": false,
        "properties": properties,
    })
}

fn field_schema(field: &Field) -> Value {
    let mut schema = type_schema(&field.ty);
    if let Value::Object(schema) = &mut schema {
        schema.insert("description".into(), json!(field.doc.help.en));
    }
    schema
}

/// What a type of the table is in JSON Schema.
fn type_schema(ty: &Type) -> Value {
    match ty {
        Type::Version => json!({ "const": crate::feed::FORMAT_VERSION }),
        Type::String => json!({ "type": "string" }),
        Type::Id | Type::Ref(_) => json!({ "$ref": "#/$defs/id" }),
        Type::Text => json!({ "$ref": "#/$defs/text" }),
        Type::Url => json!({ "$ref": "#/$defs/url" }),
        Type::Date => json!({ "$ref": "#/$defs/date" }),
        Type::Number(range) => range_schema("number", range),
        Type::Integer(range) => range_schema("integer", range),
        Type::Kind => json!({ "enum": Kind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>() }),
        Type::Delivery => {
            json!({ "enum": Delivery::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>() })
        }
        Type::Currency => json!({ "enum": CURRENCY_CODES.as_slice() }),
        Type::LanguageTag => json!({ "type": "string", "pattern": LANGUAGE_TAG_PATTERN }),
        Type::Object(object) => def_ref(object),
        Type::Requirement => json!({ "$ref": "#/$defs/requirement" }),
        Type::List(list) => {
            let mut schema =
                json!({ "type": "array", "minItems": 1, "items": type_schema(&list.item) });
            if list.unique {
                schema["uniqueItems"] = json!(true);
            }
            schema
        }
    }
}

fn def_ref(object: &Object) -> Value {
    json!({ "$ref": format!("#/$defs/{}", object.name) })
}

fn range_schema(json_type: &str, range: &Range) -> Value {
    let lower = if range.min_exclusive {
        "exclusiveMinimum"
    } else {
        "minimum"
    };
    let mut schema = json!({ "type": json_type, "maximum": number(range.max) });
    schema[lower] = number(range.min);
    schema
}

/// A bound as JSON: whole numbers as integers (`100000`, not `100000.0`).
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// The schema as pretty-printed JSON with a final newline, exactly as `stackway schema` prints it.
pub fn feed_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&feed_schema()).unwrap_or_default();
    text.push('\n');
    text
}
