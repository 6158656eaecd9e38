//! Checking the document with the core validator, and finding where each diagnostic belongs.
//!
//! The studio checks exactly what `stackway check` checks: the document is written as JSON
//! text and read by `stackway_core::parse_feed`. Each diagnostic's JSON Pointer names a value
//! of the document, which is also the path of the form field that edits it ([`anchor`]), and
//! [`locate`] says which section and item of the studio shows that field.

use crate::doc::{Json, JsonExt};
use stackway_core::{parse_feed, Code, Diagnostic, Severity};

use crate::doc::{Path, Step};

/// Every diagnostic of the document, in document order.
pub fn check(doc: &Json) -> Vec<Diagnostic> {
    check_text(&doc.to_text())
}

/// Every diagnostic of feed text.
pub fn check_text(text: &str) -> Vec<Diagnostic> {
    parse_feed(text).diagnostics
}

/// The path of the field a diagnostic is about. Mostly its pointer; a missing field is
/// reported on the object that lacks it, and belongs to the (empty) field itself, whose key the
/// message names in backquotes.
pub fn anchor(diagnostic: &Diagnostic) -> Path {
    let path = Path::parse(&diagnostic.pointer);
    if diagnostic.code == Code::MissingField {
        if let Some(key) = diagnostic.message.rsplit('`').nth(1) {
            return path.key(key);
        }
    }
    path
}

/// The parts of the studio, one per list of the format (plus the feed's own fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Feed,
    Institutions,
    Skills,
    Credentials,
    Equivalences,
    Pathways,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Feed,
        Section::Institutions,
        Section::Skills,
        Section::Credentials,
        Section::Equivalences,
        Section::Pathways,
    ];

    /// The top-level key of the list this section edits (`None` for the feed's own fields).
    pub fn list_key(self) -> Option<&'static str> {
        match self {
            Section::Feed => None,
            Section::Institutions => Some("institutions"),
            Section::Skills => Some("skills"),
            Section::Credentials => Some("credentials"),
            Section::Equivalences => Some("equivalences"),
            Section::Pathways => Some("pathways"),
        }
    }

    /// A short name for URLs and test ids.
    pub fn slug(self) -> &'static str {
        self.list_key().unwrap_or("feed")
    }
}

/// Where a path is edited: a section, and the item of its list when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub section: Section,
    pub item: Option<usize>,
}

/// The section and item that show the field at `path`.
pub fn locate(path: &Path) -> Place {
    let section = match path.0.first() {
        Some(Step::Key(key)) => Section::ALL
            .into_iter()
            .find(|s| s.list_key() == Some(key.as_str()))
            .unwrap_or(Section::Feed),
        _ => Section::Feed,
    };
    let item = match (section, path.0.get(1)) {
        (Section::Feed, _) => None,
        (_, Some(Step::Index(i))) => Some(*i),
        _ => None,
    };
    Place { section, item }
}

/// How many errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    #[test]
    fn a_missing_field_belongs_to_the_field_itself() {
        let doc = json(
            r#"{
            "stackway": 1, "id": "f", "languages": ["en", "fr"],
            "provider": {"id": "p", "name": "P"},
            "credentials": [{"id": "a", "kind": "badge"}]
        }"#,
        );
        let diagnostics = check(&doc);
        let missing = diagnostics
            .iter()
            .find(|d| d.code == Code::MissingField)
            .expect("the title is missing");
        assert_eq!(missing.pointer, "/credentials/0");
        assert_eq!(anchor(missing).pointer(), "/credentials/0/title");
        assert_eq!(
            locate(&anchor(missing)),
            Place {
                section: Section::Credentials,
                item: Some(0)
            }
        );
    }

    #[test]
    fn diagnostics_point_at_the_fields_that_edit_their_values() {
        let doc = json(
            r#"{
            "stackway": 1, "id": "f", "languages": ["en", "fr"],
            "provider": {"id": "p", "name": {"en": "P"}},
            "credentials": [
                {"id": "a", "kind": "badge", "title": "A"},
                {"id": "c", "kind": "certificate", "title": "C", "requires": {"all": ["a", "zz"]}}
            ]
        }"#,
        );
        let diagnostics = check(&doc);
        let pointers: Vec<(&str, &str)> = diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.pointer.as_str()))
            .collect();
        assert!(
            pointers.contains(&("missing-translation", "/provider/name")),
            "{pointers:?}"
        );
        assert!(
            pointers.contains(&("unknown-credential", "/credentials/1/requires/all/1")),
            "{pointers:?}"
        );
        assert_eq!(
            locate(&Path::parse("/provider/name")).section,
            Section::Feed
        );
        assert_eq!(
            locate(&Path::parse("/credentials/1/requires/all/1")),
            Place {
                section: Section::Credentials,
                item: Some(1)
            }
        );
        assert_eq!(
            locate(&Path::parse("/pathways")),
            Place {
                section: Section::Pathways,
                item: None
            }
        );
        assert_eq!(counts(&diagnostics), (1, 1));
    }
}
