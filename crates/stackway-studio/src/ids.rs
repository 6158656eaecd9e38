//! Ids: suggested from titles, and renamed everywhere at once.
//!
//! An id is what other parts of the feed use to point at a credential, a skill or an
//! institution. Renaming one by hand means finding every requirement, equivalence and pathway
//! that names it; [`rename`] finds them all and changes them in one undoable step, and
//! [`references`] lists them (to say where something is used before it is deleted).

use crate::doc::Json;

use crate::doc::{get, get_list, Edit, Path};

/// What an id names, which decides where it can be referred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Credential,
    Skill,
    /// The provider or one of `institutions`.
    Institution,
    Pathway,
}

/// The longest id the format allows.
const MAX_LEN: usize = 64;

/// Whether `id` follows the format's rule `^[a-z0-9][a-z0-9._-]{0,63}$`.
pub fn is_valid(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_LEN
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(b))
}

/// An id made from a title: lower-case ASCII letters and digits, accents dropped (`é` → `e`),
/// everything else a single `-`, at most 64 characters, and not one of `taken` (a number is
/// added: `data-2`). An empty or symbol-only title gives `item`.
pub fn suggest(title: &str, taken: &[&str]) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        slug.push_str("item");
    }
    slug.truncate(MAX_LEN);
    let slug = slug.trim_end_matches('-').to_owned();
    if !taken.contains(&slug.as_str()) {
        return slug;
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let mut base = slug.clone();
            base.truncate(MAX_LEN - suffix.len());
            format!("{}{suffix}", base.trim_end_matches('-'))
        })
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or(slug)
}

/// Latin letters with diacritics as their base letters (French, Spanish, German, Nordic); other
/// characters as they are.
fn fold(c: char) -> Vec<char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        'ß' => return vec!['s', 's'],
        other => other,
    };
    vec![base]
}

/// The ids in use for `kind`.
pub fn ids_of(doc: &Json, kind: IdKind) -> Vec<&str> {
    let list = |name: &str| {
        get_list(doc, &Path::root().key(name))
            .iter()
            .filter_map(|item| item.get("id").and_then(Json::as_str))
            .collect::<Vec<_>>()
    };
    match kind {
        IdKind::Credential => list("credentials"),
        IdKind::Skill => list("skills"),
        IdKind::Pathway => list("pathways"),
        IdKind::Institution => {
            let mut ids = list("institutions");
            if let Some(provider) = doc.pointer("/provider/id").and_then(Json::as_str) {
                ids.insert(0, provider);
            }
            ids
        }
    }
}

/// Every place that refers to `id` as a `kind` (not the definition itself), in document order.
pub fn references(doc: &Json, kind: IdKind, id: &str) -> Vec<Path> {
    let mut found = Vec::new();
    let is = |value: &Json| value.as_str() == Some(id);
    let credentials = Path::root().key("credentials");
    match kind {
        IdKind::Pathway => {}
        IdKind::Skill | IdKind::Institution => {
            for (i, credential) in get_list(doc, &credentials).iter().enumerate() {
                let at = credentials.index(i);
                if kind == IdKind::Institution {
                    if credential.get("provider").is_some_and(is) {
                        found.push(at.key("provider"));
                    }
                } else {
                    let skills = at.key("skills");
                    for (j, skill) in get_list(doc, &skills).iter().enumerate() {
                        if is(skill) {
                            found.push(skills.index(j));
                        }
                    }
                }
            }
        }
        IdKind::Credential => {
            for (i, _) in get_list(doc, &credentials).iter().enumerate() {
                for field in ["requires", "prerequisites"] {
                    let at = credentials.index(i).key(field);
                    if let Some(requirement) = get(doc, &at) {
                        requirement_refs(requirement, &at, id, &mut found);
                    }
                }
            }
            let equivalences = Path::root().key("equivalences");
            for (i, _) in get_list(doc, &equivalences).iter().enumerate() {
                let at = equivalences.index(i);
                list_refs(doc, &at.key("holding"), id, &mut found);
                if get(doc, &at.key("counts_as")).is_some_and(is) {
                    found.push(at.key("counts_as"));
                }
                list_refs(doc, &at.key("toward"), id, &mut found);
            }
            let pathways = Path::root().key("pathways");
            for (i, _) in get_list(doc, &pathways).iter().enumerate() {
                let at = pathways.index(i);
                if get(doc, &at.key("goal")).is_some_and(is) {
                    found.push(at.key("goal"));
                }
                list_refs(doc, &at.key("steps"), id, &mut found);
            }
        }
    }
    found
}

fn list_refs(doc: &Json, list: &Path, id: &str, found: &mut Vec<Path>) {
    for (j, item) in get_list(doc, list).iter().enumerate() {
        if item.as_str() == Some(id) {
            found.push(list.index(j));
        }
    }
}

/// Whether a requirement tree names `id` anywhere (ids in `credits` lists included).
pub fn requirement_names(requirement: &Json, id: &str) -> bool {
    let mut found = Vec::new();
    requirement_refs(requirement, &Path::root(), id, &mut found);
    !found.is_empty()
}

/// The leaves of a requirement tree naming `id` (ids in `credits` lists included).
fn requirement_refs(requirement: &Json, at: &Path, id: &str, found: &mut Vec<Path>) {
    match requirement {
        Json::String(leaf) if leaf == id => found.push(at.clone()),
        Json::Object(_) => {
            for key in ["all", "any", "from"] {
                if let Some(Json::Array(children)) = requirement.get(key) {
                    let list = at.key(key);
                    for (i, child) in children.iter().enumerate() {
                        requirement_refs(child, &list.index(i), id, found);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The edit that renames `old` to `new` at `definition` (the `id` member of the thing renamed)
/// and in every place that refers to it. One step for undo.
pub fn rename(doc: &Json, kind: IdKind, definition: &Path, old: &str, new: &str) -> Edit {
    let mut edits = vec![Edit::Set {
        at: definition.clone(),
        value: Some(Json::String(new.to_owned())),
    }];
    edits.extend(references(doc, kind, old).into_iter().map(|at| Edit::Set {
        at,
        value: Some(Json::String(new.to_owned())),
    }));
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }
    use crate::doc::apply;

    #[test]
    fn ids_are_suggested_from_titles_in_any_language() {
        assert_eq!(suggest("SQL Basics", &[]), "sql-basics");
        assert_eq!(
            suggest("Certificat en analyse de données", &[]),
            "certificat-en-analyse-de-donnees"
        );
        assert_eq!(suggest("  Œuvre & Co. — 2026! ", &[]), "oeuvre-co-2026");
        assert_eq!(suggest("", &[]), "item");
        assert_eq!(suggest("!!!", &[]), "item");
        assert_eq!(suggest("Data", &["data"]), "data-2");
        assert_eq!(suggest("Data", &["data", "data-2"]), "data-3");
        let long = suggest(&"word ".repeat(40), &[]);
        assert!(long.len() <= 64 && is_valid(&long), "{long}");
        let taken = [long.as_str()];
        let next = suggest(&"word ".repeat(40), &taken);
        assert!(
            next.len() <= 64 && is_valid(&next) && next.ends_with("-2"),
            "{next}"
        );
        for title in ["SQL Basics", "Éthique", "12 Angry Men", "a.b_c", "日本語"] {
            assert!(is_valid(&suggest(title, &[])), "{title}");
        }
    }

    #[test]
    fn the_id_rule_is_the_formats() {
        for good in ["a", "0", "sql-basics", "a.b_c-9", &"a".repeat(64)] {
            assert!(is_valid(good), "{good}");
        }
        for bad in ["", "-a", "A", "a b", "é", &"a".repeat(65), ".a"] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    fn sample() -> Json {
        json(
            r#"{
            "provider": {"id": "lakeside"},
            "institutions": [{"id": "hill"}],
            "skills": [{"id": "sql"}],
            "credentials": [
                {"id": "a", "skills": ["sql"], "provider": "hill"},
                {"id": "b", "prerequisites": "a"},
                {"id": "cert", "requires": {"all": ["a", {"any": ["b", "a"]}, {"credits": 3, "from": ["a", "b"]}]}}
            ],
            "equivalences": [{"holding": ["a"], "counts_as": "b", "toward": ["cert", "a"]}],
            "pathways": [{"id": "p", "goal": "cert", "steps": ["a", "b", "cert"]}]
        }"#,
        )
    }

    #[test]
    fn every_reference_to_a_credential_is_found() {
        let doc = sample();
        let found: Vec<String> = references(&doc, IdKind::Credential, "a")
            .iter()
            .map(Path::pointer)
            .collect();
        assert_eq!(
            found,
            [
                "/credentials/1/prerequisites",
                "/credentials/2/requires/all/0",
                "/credentials/2/requires/all/1/any/1",
                "/credentials/2/requires/all/2/from/0",
                "/equivalences/0/holding/0",
                "/equivalences/0/toward/1",
                "/pathways/0/steps/0",
            ]
        );
        assert_eq!(
            references(&doc, IdKind::Skill, "sql")[0].pointer(),
            "/credentials/0/skills/0"
        );
        assert_eq!(
            references(&doc, IdKind::Institution, "hill")[0].pointer(),
            "/credentials/0/provider"
        );
        assert_eq!(
            ids_of(&doc, IdKind::Institution),
            ["lakeside", "hill"],
            "the provider is an institution"
        );
    }

    #[test]
    fn renaming_changes_every_reference_in_one_undoable_step() {
        let doc = sample();
        let edit = rename(
            &doc,
            IdKind::Credential,
            &Path::parse("/credentials/0/id"),
            "a",
            "sql-basics",
        );
        let mut renamed = doc.clone();
        let undo = apply(&mut renamed, edit).unwrap();
        assert!(references(&renamed, IdKind::Credential, "a").is_empty());
        assert_eq!(
            references(&renamed, IdKind::Credential, "sql-basics").len(),
            7
        );
        assert_eq!(
            renamed.pointer("/credentials/0/id"),
            Some(&json(r#""sql-basics""#))
        );
        assert_eq!(
            renamed.pointer("/credentials/2/requires/all/2/from"),
            Some(&json(r#"["sql-basics", "b"]"#))
        );
        apply(&mut renamed, undo).unwrap();
        assert_eq!(renamed, doc);
    }
}

/// The edits that take `id` out of every place that refers to it: items of lists are removed,
/// single references (an equivalence's `counts_as`, a pathway's `goal`, a requirement that is
/// only that id) are emptied. Applied in this order, later indices first, so that each edit's
/// path is still right when it runs.
pub fn remove_references(doc: &Json, kind: IdKind, id: &str) -> Vec<Edit> {
    let mut places = references(doc, kind, id);
    places.sort();
    places.reverse();
    places
        .into_iter()
        .map(|at| match at.split_last() {
            Some((list, crate::doc::Step::Index(index)))
                if get(doc, &list).is_some_and(|v| matches!(v, Json::Array(_))) =>
            {
                Edit::Remove {
                    list,
                    index: *index,
                }
            }
            _ => Edit::Set { at, value: None },
        })
        .collect()
}

#[cfg(test)]
mod removal_tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }
    use crate::doc::apply;

    #[test]
    fn removing_a_credentials_uses_leaves_no_dangling_reference() {
        let mut doc = json(
            r#"{
            "credentials": [
                {"id": "a"},
                {"id": "b", "prerequisites": "a"},
                {"id": "c", "requires": {"all": ["a", "b", {"any": ["a", "b"]}]}}
            ],
            "pathways": [{"id": "p", "goal": "c", "steps": ["a", "b", "a"]}]
        }"#,
        );
        let edits = remove_references(&doc, IdKind::Credential, "a");
        apply(&mut doc, Edit::Batch(edits)).unwrap();
        assert!(references(&doc, IdKind::Credential, "a").is_empty());
        assert_eq!(
            doc,
            json(
                r#"{
                "credentials": [
                    {"id": "a"},
                    {"id": "b"},
                    {"id": "c", "requires": {"all": ["b", {"any": ["b"]}]}}
                ],
                "pathways": [{"id": "p", "goal": "c", "steps": ["b"]}]
            }"#
            )
        );
    }
}
