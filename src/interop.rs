//! What the widget's interop module provides, as a value: stackway-core's CTDL import (a
//! JSON-LD feed from the Credential Registry) and its Open Badges 3.0 / CLR 2.0 reader ("Add my
//! badges"). They are the same core the first module runs, moved by `wasm-split-cli` into a
//! module of their own (`pkg/split_interop.wasm`, split point in `crate::interop_split`), which
//! is fetched only when a feed is JSON-LD or "Add my badges" opens, and at once, in parallel
//! with the rest, so that a CTDL feed never waits for the later views' module.
//!
//! The feed model crosses directly: the importer returns a `Feed` and its diagnostics, which the
//! widget reads like any other feed; no JSON text is written and read again.
//!
//! This module only names types: it links none of the readers' code.

use std::future::Future;
use std::pin::Pin;

use stackway_core::{Diagnostic, Feed, HeldCredential, Parsed};

/// Whether fetched feed text may be JSON-LD (and so perhaps CTDL): it has `"@context"` or
/// `"@graph"` as a key (the quoted string followed, after JSON whitespace, by a colon). Only then is the
/// interop module fetched. One pass over the bytes: each `@` (rare in a feed) is checked for the
/// quote before it and a keyword after it.
pub fn looks_like_json_ld(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'@'))
    {
        let at = from + at;
        from = at + 1;
        if at == 0 || bytes[at - 1] != b'"' {
            continue;
        }
        let rest = &bytes[from..];
        let after = if rest.starts_with(b"context\"") {
            &rest[b"context\"".len()..]
        } else if rest.starts_with(b"graph\"") {
            &rest[b"graph\"".len()..]
        } else {
            continue;
        };
        let key = after
            .iter()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .is_some_and(|&b| b == b':');
        if key {
            return true;
        }
    }
    false
}

/// The interop module's functions: plain function pointers into it.
#[derive(Clone, Copy)]
pub struct Interop {
    /// Feed text of any kind (a Stackway feed, or CTDL JSON-LD) → the feed it could read and
    /// every diagnostic (`stackway_core::interop::detect::read_feed_text`).
    pub read_feed: fn(&str) -> Parsed,
    /// A learner's records (OB3 as JSON or JWT, CLR 2.0, OB2) matched against the feed.
    pub read_badges: fn(&Feed, &str) -> BadgeReport,
}

/// There is one interop module: every value of it is the same.
impl PartialEq for Interop {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Interop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interop")
    }
}

/// The future of a fetch of the interop module: the module, or `None` when it could not be
/// fetched (a later fetch tries again).
pub type InteropFuture = Pin<Box<dyn Future<Output = Option<Interop>>>>;

/// How to fetch the interop module. The root (`App`) hands it down, to `use_feed` and through
/// the context to "Add my badges", so that nothing below the root names the split point.
#[derive(Clone, Copy)]
pub struct FetchInterop(pub fn() -> InteropFuture);

impl FetchInterop {
    /// Fetches the module (at once when it is already in).
    pub fn fetch(self) -> InteropFuture {
        (self.0)()
    }
}

/// There is one way to fetch the interop module: every value of it is the same.
impl PartialEq for FetchInterop {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// One achievement matched to a feed credential.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// The feed credential's id.
    pub credential: String,
    /// The achievement's name, as the issuer wrote it.
    pub achievement_name: Option<String>,
}

/// One achievement that matches no credential of the feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmatched {
    pub achievement_id: Option<String>,
    pub achievement_name: Option<String>,
    /// When it was earned (`YYYY-MM-DD`), if the record says.
    pub earned: Option<String>,
}

impl Unmatched {
    /// What to call it: its name, else its id.
    pub fn label(&self) -> &str {
        self.achievement_name
            .as_deref()
            .or(self.achievement_id.as_deref())
            .unwrap_or("?")
    }
}

/// What a learner's records say they hold, matched against the feed (self-reported, not
/// verified).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BadgeReport {
    /// Each matched credential once, with the earliest date earned.
    pub held: Vec<HeldCredential>,
    pub matched: Vec<Matched>,
    pub unmatched: Vec<Unmatched>,
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_ld_looking_text_needs_the_module() {
        assert!(looks_like_json_ld(
            r#"{"@context": "https://credreg.net/ctdl/schema/context/json"}"#
        ));
        assert!(looks_like_json_ld(r#"{"@graph": []}"#));
        // Found anywhere in the document, after other `@`s, with whitespace before the colon.
        assert!(looks_like_json_ld(
            "{\"contact\": \"a@b.org\", \"x\": {\"@id\": 1, \"@graph\"\r\n\t : []}}"
        ));
        assert!(looks_like_json_ld(
            r#"{"id": "f", "meta": {"@context" :"x"}}"#
        ));
        assert!(!looks_like_json_ld(
            r#"{"stackway": 1, "id": "f", "credentials": []}"#
        ));
        // The keywords as values, inside other strings, unquoted or cut short are not keys.
        for text in [
            r#"{"tags": ["@context", "@graph"]}"#,
            r#"{"title": "about @context and @graph"}"#,
            r#"{"@contexts": 1, "@graphs": 2, "x@graph": 3}"#,
            r#"{"a": "\"@graph\""}"#,
            "{\"@context\"",
            "{\"@graph\"   ",
            "@",
            "\"@",
            "",
        ] {
            assert!(!looks_like_json_ld(text), "{text}");
        }
    }

    #[test]
    fn an_unmatched_badge_is_called_by_its_name_else_its_id() {
        let named = Unmatched {
            achievement_id: Some("https://e.org/a/first-aid".into()),
            achievement_name: Some("First Aid".into()),
            earned: None,
        };
        assert_eq!(named.label(), "First Aid");
        let unnamed = Unmatched {
            achievement_name: None,
            ..named
        };
        assert_eq!(unnamed.label(), "https://e.org/a/first-aid");
    }
}
