//! One entry point for feed text that may be a Stackway feed or a CTDL document.

use crate::ctdl;
use crate::json::{self, Node, Value};
use crate::parse::{parse_feed, Parsed};
use crate::validate::validate;

/// What a document is, judged from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A Stackway feed (format v1), or anything that is not recognisably CTDL.
    Feed,
    /// A CTDL JSON-LD document.
    Ctdl,
}

/// Whether a document is CTDL: its `@context` names the Credential Registry's context or the
/// CTDL namespace, or (with no context) its `@type`s use the `ceterms:` prefix.
pub fn document_kind(root: Node<'_>) -> DocumentKind {
    let Some(members) = root.members() else {
        return DocumentKind::Feed;
    };
    if let Some(context) = members.clone().find(|m| m.key == "@context") {
        return if mentions_ctdl(context.value, 0) {
            DocumentKind::Ctdl
        } else {
            DocumentKind::Feed
        };
    }
    let graph = members.clone().find(|m| m.key == "@graph").map(|m| m.value);
    let typed = match graph.and_then(Node::items) {
        Some(mut items) => items.any(typed_ceterms),
        None => typed_ceterms(root),
    };
    if typed {
        DocumentKind::Ctdl
    } else {
        DocumentKind::Feed
    }
}

fn typed_ceterms(node: Node<'_>) -> bool {
    let Some(mut members) = node.members() else {
        return false;
    };
    let Some(types) = members.find(|m| m.key == "@type") else {
        return false;
    };
    let ceterms = |t: Node<'_>| t.as_str().is_some_and(|s| s.starts_with("ceterms:"));
    match types.value.items() {
        Some(mut items) => items.any(ceterms),
        None => ceterms(types.value),
    }
}

fn mentions_ctdl(context: Node<'_>, depth: usize) -> bool {
    match context.value() {
        Value::String(s) => s.contains("credreg.net") || s.contains("purl.org/ctdl"),
        Value::Array(mut items) if depth < 4 => items.any(|v| mentions_ctdl(v, depth + 1)),
        Value::Object(mut members) if depth < 4 => {
            members.any(|m| mentions_ctdl(m.value, depth + 1))
        }
        _ => false,
    }
}

/// Reads feed text that may be a CTDL document, parsing it once: a CTDL document (detected from
/// its `@context`) is converted with [`ctdl::import_document`], its warnings becoming
/// diagnostics; anything else is validated as a feed, as [`parse_feed`] does.
pub fn read_feed_text(text: &str) -> Parsed {
    match json::read(text) {
        Ok(doc) if document_kind(doc.root()) == DocumentKind::Ctdl => {
            ctdl::import_document(&doc).into()
        }
        Ok(doc) => {
            let (feed, diagnostics) = validate(&doc);
            Parsed { feed, diagnostics }
        }
        // The feed reader words every reading error.
        Err(_) => parse_feed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    const FEED: &str = r#"{"stackway": 1, "id": "f", "languages": ["en"],
        "provider": {"id": "p", "name": "P"},
        "credentials": [{"id": "a", "kind": "badge", "title": "A"}]}"#;

    fn kind(text: &str) -> DocumentKind {
        document_kind(json::read(text).unwrap().root())
    }

    #[test]
    fn ctdl_is_recognised_by_context_or_by_ceterms_types() {
        for doc in [
            r#"{"@context": "https://credreg.net/ctdl/schema/context/json"}"#,
            r#"{"@context": {"ceterms": "https://purl.org/ctdl/terms/"}}"#,
            r#"{"@graph": [{"@type": "ceterms:Pathway"}]}"#,
            r#"{"@type": ["ceterms:Pathway"]}"#,
        ] {
            assert_eq!(kind(doc), DocumentKind::Ctdl, "{doc}");
        }
        for doc in [
            r#"{"@context": "https://schema.org/", "@type": "ceterms:Pathway"}"#,
            FEED,
            "null",
            "[1]",
        ] {
            assert_eq!(kind(doc), DocumentKind::Feed, "{doc}");
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
            .any(|d| d.code == Code::CtdlNoCondition));

        let broken = read_feed_text("{\"@context\": ");
        assert!(broken.feed.is_none() && broken.has_errors());
        assert_eq!(
            broken.diagnostics,
            parse_feed("{\"@context\": ").diagnostics
        );
    }
}
