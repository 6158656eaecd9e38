//! The feed as text to save: stable key order, two-space indent.
//!
//! A seam: stream `studiocore` is writing the canonical writer of the format in core; until it
//! lands this writes what serde_json's pretty printer writes for the typed `Feed` (its field
//! order, which `www/feeds/sample.json` follows), keeping unknown keys after the known ones so
//! that nothing typed is lost.

use serde_json::Value;

use crate::doc::{Path, Step};

/// The known keys of the object at `path`, in the order they are written.
fn key_order(path: &Path, object: &serde_json::Map<String, Value>) -> &'static [&'static str] {
    let keys: Vec<&str> = path
        .0
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    // Requirement groups, wherever they are nested.
    if keys
        .iter()
        .any(|k| *k == "requires" || *k == "prerequisites")
    {
        return if object.contains_key("choose") {
            &["choose", "from", "label"]
        } else if object.contains_key("credits") {
            &["credits", "from", "label"]
        } else {
            &["all", "any", "label"]
        };
    }
    match keys.as_slice() {
        [] => &[
            "$schema",
            "stackway",
            "id",
            "updated",
            "languages",
            "credit_label",
            "provider",
            "institutions",
            "skills",
            "credentials",
            "equivalences",
            "pathways",
        ],
        ["provider"] | ["institutions"] => &["id", "name", "url"],
        ["skills"] => &["id", "name", "framework", "uri"],
        ["credentials"] => &[
            "id",
            "kind",
            "title",
            "summary",
            "url",
            "provider",
            "hours",
            "credits",
            "weeks",
            "cost",
            "delivery",
            "level",
            "tags",
            "skills",
            "outcomes",
            "assessment",
            "employers",
            "badge",
            "requires",
            "prerequisites",
            "valid_years",
        ],
        ["credentials", "cost"] => &["amount", "currency"],
        ["credentials", "employers"] => &["name", "url"],
        ["credentials", "badge"] => &["achievement", "image"],
        ["equivalences"] => &["holding", "counts_as", "toward", "note"],
        ["pathways"] => &["id", "title", "summary", "goal", "steps"],
        _ => &[],
    }
}

/// The document as canonical text, ending with a newline.
pub fn to_text(doc: &Value) -> String {
    let mut out = String::new();
    write(doc, &Path::root(), 0, &mut out);
    out.push('\n');
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write(value: &Value, path: &Path, depth: usize, out: &mut String) {
    match value {
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write(item, &path.index(i), depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(object) if object.is_empty() => out.push_str("{}"),
        Value::Object(object) => {
            let known = key_order(path, object);
            let mut keys: Vec<&String> = known
                .iter()
                .filter_map(|k| object.get_key_value(*k).map(|(k, _)| k))
                .collect();
            // Unknown keys (and every key of a Text) after the known ones, in sorted order.
            keys.extend(object.keys().filter(|k| !known.contains(&k.as_str())));
            out.push_str("{\n");
            for (i, key) in keys.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                write(&object[*key], &path.key(key), depth + 1, out);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_is_stable_and_keeps_every_value() {
        let text = include_str!("../../../www/feeds/sample.json");
        let doc: Value = serde_json::from_str(text).unwrap();
        let written = to_text(&doc);
        assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), doc);
        let again: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(to_text(&again), written, "canonical text is a fixed point");
        assert!(
            written.starts_with("{\n  \"$schema\": "),
            "{}",
            &written[..40]
        );
    }

    #[test]
    fn unknown_keys_are_kept_after_the_known_ones() {
        let doc: Value =
            serde_json::from_str(r#"{"zeta": 1, "id": "x", "stackway": 1, "alpha": [true]}"#)
                .unwrap();
        assert_eq!(
            to_text(&doc),
            "{\n  \"stackway\": 1,\n  \"id\": \"x\",\n  \"alpha\": [\n    true\n  ],\n  \"zeta\": 1\n}\n"
        );
    }
}
