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
