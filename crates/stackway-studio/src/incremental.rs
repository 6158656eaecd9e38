//! Checking one credential after an edit, instead of the whole feed.
//!
//! Why: the whole check of a 10,000-credential feed takes longer than a keystroke should
//! (docs/benchmarks.md, "Studio"). Most edits change one credential's own fields (a title, an
//! amount, a tag), and the diagnostics of those fields depend only on that credential and on the
//! feed's languages, institutions and skills. Such an edit is checked by reading a one-credential
//! feed; the diagnostics of the rest of the feed, and those of the credential's fields other
//! credentials depend on ([`GRAPH_FIELDS`]: its id, kind, credits and requirements), are kept
//! from the last whole check. Any other edit gets a whole check, and a whole check always
//! follows a moment later anyway (`components/app.rs`), so the two can never drift apart for
//! long; `tests` below prove they agree edit by edit.

use stackway_core::Diagnostic;

use crate::check::{anchor, check_text};
use crate::doc::{Edit, Json, JsonExt, Path, Step};

/// A credential's fields that other credentials' diagnostics depend on (references, cycles,
/// duplicate ids, reachable credits), or that decide whether it is read at all.
pub const GRAPH_FIELDS: [&str; 5] = ["id", "kind", "credits", "requires", "prerequisites"];

/// What an edit may have changed, for checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Nothing yet.
    None,
    /// Only fields of the credential at this index that no other credential depends on.
    Credential(usize),
    /// Anything.
    Feed,
}

impl Scope {
    /// The scope of two edits together.
    pub fn and(self, other: Scope) -> Scope {
        match (self, other) {
            (Scope::None, x) | (x, Scope::None) => x,
            (Scope::Credential(a), Scope::Credential(b)) if a == b => Scope::Credential(a),
            _ => Scope::Feed,
        }
    }
}

/// The scope of a path an edit writes at.
fn scope_of_path(path: &Path) -> Scope {
    match path.0.as_slice() {
        [Step::Key(list), Step::Index(i), Step::Key(field), ..]
            if list == "credentials" && !GRAPH_FIELDS.contains(&field.as_str()) =>
        {
            Scope::Credential(*i)
        }
        _ => Scope::Feed,
    }
}

/// What `edit` may change.
pub fn scope(edit: &Edit) -> Scope {
    match edit {
        Edit::Set { at, .. } => scope_of_path(at),
        Edit::Insert { list, .. } | Edit::Remove { list, .. } | Edit::Move { list, .. } => {
            scope_of_path(list)
        }
        Edit::Restore { object, key, .. } => scope_of_path(&object.key(key)),
        Edit::Batch(edits) => edits.iter().map(scope).fold(Scope::None, Scope::and),
    }
}

/// Whether a diagnostic of credential `index` is about one of its [`GRAPH_FIELDS`].
fn in_graph_field(path: &Path, index: usize) -> bool {
    matches!(path.0.as_slice(),
        [Step::Key(list), Step::Index(i), Step::Key(field), ..]
            if list == "credentials" && *i == index && GRAPH_FIELDS.contains(&field.as_str()))
}

/// Whether a diagnostic belongs to credential `index`.
fn in_credential(path: &Path, index: usize) -> bool {
    matches!(path.0.as_slice(), [Step::Key(list), Step::Index(i), ..] if list == "credentials" && *i == index)
}

/// The feed reduced to credential `index`, without its requirements (their diagnostics need
/// the other credentials, and are kept), with everything its own fields are checked against.
fn one_credential_feed(doc: &Json, index: usize) -> Option<Json> {
    let credential = doc.pointer(&format!("/credentials/{index}"))?;
    let credential = match credential {
        Json::Object(members) => Json::Object(
            members
                .iter()
                .filter(|(k, _)| k != "requires" && k != "prerequisites")
                .cloned()
                .collect(),
        ),
        other => other.clone(),
    };
    let Json::Object(members) = doc else {
        return None;
    };
    let mut feed: Vec<(String, Json)> = members
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "credentials" | "equivalences" | "pathways"))
        .cloned()
        .collect();
    feed.push(("credentials".into(), Json::Array(vec![credential])));
    Some(Json::Object(feed))
}

/// The diagnostics after an edit of credential `index`'s own fields: `previous` (the document's
/// diagnostics before the edit) with that credential's own-field diagnostics replaced by a check
/// of it alone. `None` when the credential cannot be checked alone (it is gone).
pub fn recheck_credential(
    doc: &Json,
    index: usize,
    previous: &[Diagnostic],
) -> Option<Vec<Diagnostic>> {
    let feed = one_credential_feed(doc, index)?;
    let prefix = format!("/credentials/{index}");
    let fresh = check_text(&feed.to_text())
        .into_iter()
        .filter(|d| {
            let at = anchor(d);
            in_credential(&at, 0) && !in_graph_field(&at, 0)
        })
        .map(|mut d| {
            d.pointer = format!("{prefix}{}", &d.pointer["/credentials/0".len()..]);
            d.line = None;
            d.column = None;
            d
        });
    let mut out = Vec::with_capacity(previous.len() + 4);
    let mut fresh = Some(fresh);
    for d in previous {
        let at = anchor(d);
        if in_credential(&at, index) {
            // The credential's block: its own fields come fresh, in front; the rest is kept.
            if let Some(fresh) = fresh.take() {
                out.extend(fresh);
            }
            if !in_graph_field(&at, index) {
                continue;
            }
        }
        out.push(d.clone());
    }
    if let Some(fresh) = fresh {
        // The credential had no diagnostic before: its new ones go after the earlier
        // credentials' ones.
        let at = out
            .iter()
            .position(|d| {
                matches!(Path::parse(&d.pointer).0.as_slice(),
                    [Step::Key(list), Step::Index(i), ..] if list == "credentials" && *i > index)
                    || !d.pointer.starts_with("/credentials")
                        && ["/equivalences", "/pathways"]
                            .iter()
                            .any(|p| d.pointer.starts_with(p))
            })
            .unwrap_or(out.len());
        let fresh: Vec<Diagnostic> = fresh.collect();
        out.splice(at..at, fresh);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::doc::{apply, Number};

    fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<(String, String, String)> {
        let mut keyed: Vec<(String, String, String)> = diagnostics
            .drain(..)
            .map(|d| (d.pointer, d.code.as_str().to_owned(), d.message))
            .collect();
        keyed.sort();
        keyed
    }

    fn string(s: &str) -> Json {
        Json::String(s.to_owned())
    }

    fn number(s: &str) -> Json {
        Json::Number(Number::parse(s).unwrap())
    }

    /// Edits of a credential's own fields, valid and not.
    fn local_edits(i: usize) -> Vec<Edit> {
        let at = |field: &str| Path::parse(&format!("/credentials/{i}/{field}"));
        let set = |field: &str, value: Option<Json>| Edit::Set {
            at: at(field),
            value,
        };
        vec![
            set("title", Some(string("Plain title"))),
            set(
                "title",
                Some(Json::Object(vec![("en".into(), string("English only"))])),
            ),
            set("title", Some(Json::Object(Vec::new()))),
            set("title", Some(number("3"))),
            set("title", None),
            set(
                "summary",
                Some(Json::Object(vec![("fr".into(), string("Résumé"))])),
            ),
            set("url", Some(string("javascript:alert(1)"))),
            set("url", Some(string("https://example.org/x"))),
            set("hours", Some(number("-1"))),
            set("hours", Some(string("ten"))),
            set("weeks", Some(number("1e400"))),
            set(
                "cost",
                Some(Json::Object(vec![
                    ("amount".into(), number("5")),
                    ("currency".into(), string("XXX")),
                ])),
            ),
            set(
                "cost",
                Some(Json::Object(vec![("currency".into(), string("CAD"))])),
            ),
            set("delivery", Some(Json::Array(vec![string("by-mail")]))),
            set("delivery", Some(Json::Array(Vec::new()))),
            set("provider", Some(string("nowhere"))),
            set("skills", Some(Json::Array(vec![string("no-such-skill")]))),
            set("tags", Some(Json::Array(vec![number("1")]))),
            set(
                "outcomes",
                Some(Json::Array(vec![Json::Object(Vec::new())])),
            ),
            set(
                "employers",
                Some(Json::Array(vec![Json::Object(vec![(
                    "url".into(),
                    string("ftp://x"),
                )])])),
            ),
            set(
                "badge",
                Some(Json::Object(vec![(
                    "image".into(),
                    string("https://x.example/b.png"),
                )])),
            ),
            set("valid_years", Some(number("0"))),
            set(
                "level",
                Some(Json::Object(vec![("de".into(), string("Anfänger"))])),
            ),
            set("prerequsites", Some(string("typo"))),
            set("updated_by", Some(string("someone"))),
        ]
    }

    fn agrees_after_each_local_edit(doc: &Json) -> usize {
        let before = check(doc);
        let count = doc
            .pointer("/credentials")
            .and_then(JsonExt::as_array)
            .map_or(0, Vec::len);
        let mut compared = 0;
        for i in 0..count {
            for edit in local_edits(i) {
                assert_eq!(scope(&edit), Scope::Credential(i), "{edit:?}");
                let mut edited = doc.clone();
                apply(&mut edited, edit.clone()).unwrap();
                let incremental = recheck_credential(&edited, i, &before).unwrap();
                let whole = check(&edited);
                assert_eq!(sorted(incremental), sorted(whole), "after {edit:?}");
                compared += 1;
            }
        }
        compared
    }

    #[test]
    fn checking_one_credential_agrees_with_the_whole_check_on_the_sample() {
        let doc = Json::parse(include_str!("../../../www/feeds/sample.json")).unwrap();
        assert!(agrees_after_each_local_edit(&doc) > 1000);
    }

    #[test]
    fn checking_one_credential_agrees_with_the_whole_check_on_a_feed_with_problems() {
        // References to missing credentials, a cycle, unreachable credits, a duplicate id and
        // missing translations, so that kept diagnostics sit next to fresh ones.
        let doc = Json::parse(r#"{
            "stackway": 1, "id": "f", "languages": ["en", "fr"],
            "provider": {"id": "p", "name": {"en": "P"}},
            "skills": [{"id": "s", "name": "S"}],
            "credentials": [
                {"id": "a", "kind": "micro-credential", "title": {"en": "A"}, "credits": 1, "requires": {"all": ["b", "zz"]}},
                {"id": "b", "kind": "micro-credential", "title": "B", "credits": 1, "requires": "a"},
                {"id": "c", "kind": "certificate", "title": "C", "requires": {"credits": 9, "from": ["a", "b"]}},
                {"id": "c", "kind": "badge", "title": "C again", "hours": -3},
                {"id": "d", "kind": "badge", "title": "D", "prerequisites": "nope"}
            ],
            "pathways": [{"id": "p1", "title": "P1", "goal": "zz", "steps": ["a"]}]
        }"#).unwrap();
        assert!(!check(&doc).is_empty());
        assert!(agrees_after_each_local_edit(&doc) > 100);
    }

    #[test]
    fn edits_that_other_credentials_depend_on_are_checked_whole() {
        let set = |at: &str| Edit::Set {
            at: Path::parse(at),
            value: None,
        };
        for at in [
            "/credentials/3/id",
            "/credentials/3/credits",
            "/credentials/3/requires/all/0",
            "/credentials/3/kind",
            "/credentials/3",
            "/credentials",
            "/skills/0/id",
            "/languages/1",
            "",
        ] {
            assert_eq!(scope(&set(at)), Scope::Feed, "{at}");
        }
        let title = set("/credentials/3/title/en");
        assert_eq!(
            scope(&Edit::Batch(vec![title.clone(), title.clone()])),
            Scope::Credential(3)
        );
        assert_eq!(
            scope(&Edit::Batch(vec![title, set("/credentials/4/url")])),
            Scope::Feed
        );
        assert_eq!(Scope::None.and(Scope::Credential(2)), Scope::Credential(2));
    }
}
