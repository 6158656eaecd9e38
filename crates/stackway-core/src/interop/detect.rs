//! One entry point for feed text that may be a Stackway feed or a CTDL document.

use serde_json::Value;

use crate::interop::{ctdl, invalid_json};
use crate::parse::{parse_feed, Parsed};

/// What a document is, judged from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A Stackway feed (format v1), or anything that is not recognisably CTDL.
    Feed,
    /// A CTDL JSON-LD document.
    Ctdl,
}

/// Whether a parsed document is CTDL: its `@context` names the Credential Registry's context or
/// the CTDL namespace, or (with no context) its `@type`s use the `ceterms:` prefix.
pub fn document_kind(value: &Value) -> DocumentKind {
    let Value::Object(map) = value else {
        return DocumentKind::Feed;
    };
    if let Some(context) = map.get("@context") {
        return if mentions_ctdl(context, 0) {
            DocumentKind::Ctdl
        } else {
            DocumentKind::Feed
        };
    }
    let typed_ceterms = |v: &Value| match v.get("@type") {
        Some(Value::String(s)) => s.starts_with("ceterms:"),
        Some(Value::Array(items)) => items
            .iter()
            .any(|t| t.as_str().is_some_and(|s| s.starts_with("ceterms:"))),
        _ => false,
    };
    match map.get("@graph") {
        Some(Value::Array(items)) if items.iter().any(typed_ceterms) => DocumentKind::Ctdl,
        _ if typed_ceterms(value) => DocumentKind::Ctdl,
        _ => DocumentKind::Feed,
    }
}

fn mentions_ctdl(context: &Value, depth: usize) -> bool {
    match context {
        Value::String(s) => s.contains("credreg.net") || s.contains("purl.org/ctdl"),
        Value::Array(items) if depth < 4 => items.iter().any(|v| mentions_ctdl(v, depth + 1)),
        Value::Object(map) if depth < 4 => map.values().any(|v| mentions_ctdl(v, depth + 1)),
        _ => false,
    }
}

/// Reads feed text that may be a CTDL document: a CTDL document (detected from its `@context`)
/// is converted with [`ctdl::import_value`], its warnings becoming diagnostics; anything else is
/// read by [`parse_feed`]. This is what the widget calls on the text it fetched.
pub fn read_feed_text(text: &str) -> Parsed {
    // Only documents that can be JSON-LD pay for the extra parse into a generic value.
    if !(text.contains("\"@context\"") || text.contains("\"@graph\"")) {
        return parse_feed(text);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) if document_kind(&value) == DocumentKind::Ctdl => ctdl::import_value(&value),
        Ok(_) => parse_feed(text),
        Err(e) => Parsed {
            feed: None,
            diagnostics: vec![invalid_json(&e)],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = r#"{"stackway": 1, "id": "f", "languages": ["en"],
        "provider": {"id": "p", "name": "P"},
        "credentials": [{"id": "a", "kind": "badge", "title": "A"}]}"#;

    #[test]
    fn ctdl_is_recognised_by_context_or_by_ceterms_types() {
        let with_context =
            serde_json::json!({"@context": "https://credreg.net/ctdl/schema/context/json"});
        let with_prefix_map =
            serde_json::json!({"@context": {"ceterms": "https://purl.org/ctdl/terms/"}});
        let typed = serde_json::json!({"@graph": [{"@type": "ceterms:Pathway"}]});
        let single = serde_json::json!({"@type": ["ceterms:Pathway"]});
        for doc in [with_context, with_prefix_map, typed, single] {
            assert_eq!(document_kind(&doc), DocumentKind::Ctdl, "{doc}");
        }
        let other_context =
            serde_json::json!({"@context": "https://schema.org/", "@type": "ceterms:Pathway"});
        let feed: Value = serde_json::from_str(FEED).unwrap();
        for doc in [other_context, feed, Value::Null, serde_json::json!([1])] {
            assert_eq!(document_kind(&doc), DocumentKind::Feed, "{doc}");
        }
    }

    #[test]
    fn read_feed_text_converts_ctdl_and_passes_feeds_through() {
        let feed = read_feed_text(FEED);
        assert_eq!(feed.feed, parse_feed(FEED).feed);
        assert!(feed.feed.is_some());

        let ctdl = r#"{"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": [
            {"@id": "_:p", "@type": "ceterms:Pathway", "ceterms:name": "P",
             "ceterms:hasDestinationComponent": ["_:g"], "ceterms:hasChild": ["_:a"]},
            {"@id": "_:g", "@type": "ceterms:CredentialComponent", "ceterms:name": "G", "ceterms:hasChild": ["_:a"]},
            {"@id": "_:a", "@type": "ceterms:CourseComponent", "ceterms:name": "A"}]}"#;
        let parsed = read_feed_text(ctdl);
        let feed = parsed.feed.expect("CTDL converts");
        assert_eq!(feed.pathways[0].goal, "g");
        assert!(parsed
            .diagnostics
            .iter()
            .any(|d| d.code == "ctdl-no-condition"));

        let broken = read_feed_text("{\"@context\": ");
        assert!(broken.feed.is_none() && broken.has_errors());
    }
}
