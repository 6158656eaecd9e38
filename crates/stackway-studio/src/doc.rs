//! The feed being edited, as a JSON document, and the edits the studio makes to it.
//!
//! Why a JSON document and not the typed `Feed`: reading into `Feed` drops what is invalid
//! (a misspelt kind, an unknown key, a half-typed id), and an editor must never lose what its
//! user typed. Kept as JSON, a draft with errors saves as written, and the validator's JSON
//! Pointers name the very values the forms edit.
//!
//! The document is core's [`Json`] (`stackway_core::canonical`), which keeps what
//! `serde_json::Value` would not: numbers as written, keys written twice, members in order. So
//! opening a feed and saving it with `canonical::write` changes nothing the author did not.
//!
//! Every [`Edit`] applied returns its inverse, which is all that undo needs (`history.rs`).

pub use stackway_core::canonical::{Json, Number};

/// What the studio asks of a [`Json`] value beyond core's own accessors.
pub trait JsonExt {
    /// The items, when this is an array.
    fn as_array(&self) -> Option<&Vec<Json>>;
    fn as_array_mut(&mut self) -> Option<&mut Vec<Json>>;
    /// The first member named `key`, to change it.
    fn member_mut(&mut self, key: &str) -> Option<&mut Json>;
    fn is_string(&self) -> bool;
    /// A whole number ≥ 0, when this is one (`2`, not `2.5` or `"2"`).
    fn as_u64(&self) -> Option<u64>;
    /// The value as compact JSON text (for showing a value of the wrong type as written).
    fn to_text(&self) -> String;
}

impl JsonExt for Json {
    fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    fn as_array_mut(&mut self) -> Option<&mut Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    fn member_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn is_string(&self) -> bool {
        matches!(self, Json::String(_))
    }

    fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.as_str().parse().ok(),
            _ => None,
        }
    }

    fn to_text(&self) -> String {
        let mut out = String::new();
        compact(self, &mut out);
        out
    }
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Compact JSON text: what the validator reads after each edit (smaller than canonical text, so
/// faster to read for a 10,000-credential feed).
pub fn compact(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n.as_str()),
        Json::String(s) => out.push_str(&quoted(s)),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                compact(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quoted(key));
                out.push(':');
                compact(item, out);
            }
            out.push('}');
        }
    }
}

/// A whole number as a JSON value.
pub fn whole(n: u64) -> Json {
    Number::parse(&n.to_string()).map_or(Json::Null, Json::Number)
}

/// A JSON value from `serde_json`'s `json!` (templates of new items).
pub fn from_serde(value: serde_json::Value) -> Json {
    Json::from(value)
}

/// One step of a JSON Pointer (RFC 6901).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// A member of an object.
    Key(String),
    /// An item of an array.
    Index(usize),
}

/// A path from the document's root to one value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// The root.
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// Reads a JSON Pointer such as `/credentials/3/title/en`. Segments made only of digits
    /// (without a leading zero) are array indices, as the validator writes them.
    pub fn parse(pointer: &str) -> Path {
        if pointer.is_empty() {
            return Path::root();
        }
        Path(
            pointer
                .trim_start_matches('/')
                .split('/')
                .map(|raw| {
                    let segment = raw.replace("~1", "/").replace("~0", "~");
                    match segment.parse::<usize>() {
                        Ok(index) if segment == index.to_string() => Step::Index(index),
                        _ => Step::Key(segment),
                    }
                })
                .collect(),
        )
    }

    /// This path as a JSON Pointer.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for step in &self.0 {
            out.push('/');
            match step {
                Step::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
                Step::Index(index) => out.push_str(&index.to_string()),
            }
        }
        out
    }

    /// This path with a member key added.
    pub fn key(&self, key: &str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        Path(steps)
    }

    /// This path with an array index added.
    pub fn index(&self, index: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }

    /// The path of the containing value, and the last step (`None` for the root).
    pub fn split_last(&self) -> Option<(Path, &Step)> {
        let (last, parent) = self.0.split_last()?;
        Some((Path(parent.to_vec()), last))
    }

    /// Whether `self` is `other` or inside it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }

    /// A string usable in an HTML `id` (letters, digits, `-`), unique per path.
    pub fn dom_id(&self) -> String {
        let mut out = String::from("f");
        for step in &self.0 {
            out.push('-');
            match step {
                Step::Index(index) => out.push_str(&index.to_string()),
                Step::Key(key) => {
                    for c in key.chars() {
                        if c.is_ascii_alphanumeric() {
                            out.push(c);
                        } else {
                            out.push_str(&format!("_{:x}_", c as u32));
                        }
                    }
                }
            }
        }
        out
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.pointer())
    }
}

/// A change to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Puts `value` at `at`, creating missing objects on the way; `None` removes the member
    /// (or, for an array item, sets it to `null`: use [`Edit::Remove`] to take it out).
    Set { at: Path, value: Option<Json> },
    /// Inserts `value` into the array at `list`, before `index` (creating the array).
    Insert {
        list: Path,
        index: usize,
        value: Json,
    },
    /// Takes the item at `index` out of the array at `list`.
    Remove { list: Path, index: usize },
    /// Moves an item of the array at `list` from `from` to `to` (its index afterwards).
    Move { list: Path, from: usize, to: usize },
    /// Several edits as one step, applied in order (and undone in reverse).
    Batch(Vec<Edit>),
    /// Puts the member `key` back at `position` of the object at `object` (what undoes a
    /// removal: where a key is written twice, the first one counts, so its place matters).
    Restore {
        object: Path,
        position: usize,
        key: String,
        value: Json,
    },
}

/// Why an edit could not be applied: the document changed under a stale form, or a bug. The
/// document is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value at `path`, if any (of a key written twice, the first).
pub fn get<'a>(root: &'a Json, path: &Path) -> Option<&'a Json> {
    path.0.iter().try_fold(root, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(index) => value.as_array()?.get(*index),
    })
}

fn get_mut<'a>(root: &'a mut Json, path: &Path) -> Option<&'a mut Json> {
    path.0.iter().try_fold(root, |value, step| match step {
        Step::Key(key) => value.member_mut(key),
        Step::Index(index) => value.as_array_mut()?.get_mut(*index),
    })
}

/// The string at `path`, if it is one.
pub fn get_str<'a>(root: &'a Json, path: &Path) -> Option<&'a str> {
    get(root, path).and_then(Json::as_str)
}

/// The array at `path`, or an empty slice.
pub fn get_list<'a>(root: &'a Json, path: &Path) -> &'a [Json] {
    get(root, path)
        .and_then(JsonExt::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Applies `edit` to `root` and returns the edit that undoes it. On error nothing changed.
pub fn apply(root: &mut Json, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Set { at, value } => set(root, at, value),
        Edit::Insert { list, index, value } => {
            let created = ensure_container(root, &list, || Json::Array(Vec::new()))?;
            let array = get_mut(root, &list)
                .and_then(JsonExt::as_array_mut)
                .ok_or_else(|| EditError(format!("{list} is not a list")))?;
            if index > array.len() {
                return Err(EditError(format!("{list}: no position {index}")));
            }
            array.insert(index, value);
            Ok(match created {
                Some(undo) => undo,
                None => Edit::Remove { list, index },
            })
        }
        Edit::Remove { list, index } => {
            let array = get_mut(root, &list)
                .and_then(JsonExt::as_array_mut)
                .ok_or_else(|| EditError(format!("{list} is not a list")))?;
            if index >= array.len() {
                return Err(EditError(format!("{list}: no item {index}")));
            }
            let value = array.remove(index);
            Ok(Edit::Insert { list, index, value })
        }
        Edit::Move { list, from, to } => {
            let array = get_mut(root, &list)
                .and_then(JsonExt::as_array_mut)
                .ok_or_else(|| EditError(format!("{list} is not a list")))?;
            if from >= array.len() || to >= array.len() {
                return Err(EditError(format!("{list}: cannot move {from} to {to}")));
            }
            let item = array.remove(from);
            array.insert(to, item);
            Ok(Edit::Move {
                list,
                from: to,
                to: from,
            })
        }
        Edit::Restore {
            object,
            position,
            key,
            value,
        } => match get_mut(root, &object) {
            Some(Json::Object(members)) => {
                members.insert(position.min(members.len()), (key.clone(), value));
                Ok(Edit::Set {
                    at: object.key(&key),
                    value: None,
                })
            }
            _ => Err(EditError(format!("{object} is not an object"))),
        },
        Edit::Batch(edits) => {
            let mut undo = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(root, edit) {
                    Ok(inverse) => undo.push(inverse),
                    Err(error) => {
                        // Leave the document as it was before the batch.
                        for inverse in undo.into_iter().rev() {
                            let _ = apply(root, inverse);
                        }
                        return Err(error);
                    }
                }
            }
            undo.reverse();
            Ok(Edit::Batch(undo))
        }
    }
}

/// Makes sure the value at `path` exists, creating it (`make`) and any missing object on the
/// way. Returns the edit that removes what was created, if anything was.
fn ensure_container(
    root: &mut Json,
    path: &Path,
    make: impl FnOnce() -> Json,
) -> Result<Option<Edit>, EditError> {
    if get(root, path).is_some() {
        return Ok(None);
    }
    let undo = set(root, path.clone(), Some(make()))?;
    Ok(Some(undo))
}

fn set(root: &mut Json, at: Path, value: Option<Json>) -> Result<Edit, EditError> {
    let Some((parent_path, last)) = at.split_last() else {
        let value = value.unwrap_or(Json::Null);
        let previous = std::mem::replace(root, value);
        return Ok(Edit::Set {
            at,
            value: Some(previous),
        });
    };
    let last = last.clone();
    // The first missing ancestor, so that undo removes exactly what this edit created.
    let mut created: Option<Path> = None;
    if value.is_some() {
        let mut walk = Path::root();
        for step in &parent_path.0 {
            let next = match step {
                Step::Key(key) => walk.key(key),
                Step::Index(index) => walk.index(*index),
            };
            if get(root, &next).is_none() {
                let Step::Key(key) = step else {
                    return Err(EditError(format!("{next}: no such item")));
                };
                let Some(Json::Object(holder)) = get_mut(root, &walk) else {
                    return Err(EditError(format!("{walk} is not an object")));
                };
                holder.push((key.clone(), Json::Object(Vec::new())));
                created.get_or_insert(next.clone());
            }
            walk = next;
        }
    }
    let Some(parent) = get_mut(root, &parent_path) else {
        // Removing something whose container is already gone: nothing to do.
        return Ok(Edit::Batch(Vec::new()));
    };
    let previous = match (&last, parent) {
        (Step::Key(key), Json::Object(members)) => {
            let found = members.iter().position(|(k, _)| k == key);
            match (value, found) {
                (Some(value), Some(i)) => Some(std::mem::replace(&mut members[i].1, value)),
                (Some(value), None) => {
                    members.push((key.clone(), value));
                    None
                }
                (None, Some(i)) => {
                    let (key, removed) = members.remove(i);
                    return Ok(Edit::Restore {
                        object: parent_path,
                        position: i,
                        key,
                        value: removed,
                    });
                }
                (None, None) => None,
            }
        }
        (Step::Index(index), Json::Array(array)) => {
            let slot = array
                .get_mut(*index)
                .ok_or_else(|| EditError(format!("{at}: no such item")))?;
            Some(std::mem::replace(slot, value.unwrap_or(Json::Null)))
        }
        _ => return Err(EditError(format!("{parent_path} cannot hold {at}"))),
    };
    Ok(match created {
        Some(top) => Edit::Set {
            at: top,
            value: None,
        },
        None => Edit::Set {
            at,
            value: previous,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    fn roundtrip(doc: Json, edit: Edit, expected: Json) {
        let mut edited = doc.clone();
        let undo = apply(&mut edited, edit).unwrap();
        assert_eq!(edited, expected);
        apply(&mut edited, undo).unwrap();
        assert_eq!(edited, doc, "undo restores the document");
    }

    #[test]
    fn pointers_read_and_write_like_rfc_6901() {
        let path = Path::parse("/credentials/3/title/en");
        assert_eq!(
            path.0,
            vec![
                Step::Key("credentials".into()),
                Step::Index(3),
                Step::Key("title".into()),
                Step::Key("en".into())
            ]
        );
        assert_eq!(path.pointer(), "/credentials/3/title/en");
        let odd = Path::parse("/a~1b/c~0d/007");
        assert_eq!(
            odd.0,
            vec![
                Step::Key("a/b".into()),
                Step::Key("c~d".into()),
                Step::Key("007".into())
            ]
        );
        assert_eq!(odd.pointer(), "/a~1b/c~0d/007");
        assert_eq!(Path::parse(""), Path::root());
        assert_eq!(
            Path::parse("/credentials/0").dom_id(),
            "f-credentials-0",
            "ids for the DOM"
        );
        assert_eq!(Path::parse("/a b").dom_id(), "f-a_20_b");
    }

    #[test]
    fn set_replaces_adds_and_removes_members_and_undo_restores() {
        let doc = json(r#"{"id": "a", "title": {"en": "A"}}"#);
        roundtrip(
            doc.clone(),
            Edit::Set {
                at: Path::parse("/id"),
                value: Some(json(r#""b""#)),
            },
            json(r#"{"id": "b", "title": {"en": "A"}}"#),
        );
        roundtrip(
            doc.clone(),
            Edit::Set {
                at: Path::parse("/title/fr"),
                value: Some(json(r#""Un""#)),
            },
            json(r#"{"id": "a", "title": {"en": "A", "fr": "Un"}}"#),
        );
        roundtrip(
            doc.clone(),
            Edit::Set {
                at: Path::parse("/title"),
                value: None,
            },
            json(r#"{"id": "a"}"#),
        );
        // Missing objects on the way are created, and undo removes them all.
        roundtrip(
            doc,
            Edit::Set {
                at: Path::parse("/cost/amount"),
                value: Some(json(r#"450"#)),
            },
            json(r#"{"id": "a", "title": {"en": "A"}, "cost": {"amount": 450}}"#),
        );
    }

    #[test]
    fn lists_take_inserts_removals_and_moves() {
        let doc = json(r#"{"steps": ["a", "b", "c"]}"#);
        roundtrip(
            doc.clone(),
            Edit::Insert {
                list: Path::parse("/steps"),
                index: 1,
                value: json(r#""x""#),
            },
            json(r#"{"steps": ["a", "x", "b", "c"]}"#),
        );
        roundtrip(
            doc.clone(),
            Edit::Remove {
                list: Path::parse("/steps"),
                index: 0,
            },
            json(r#"{"steps": ["b", "c"]}"#),
        );
        roundtrip(
            doc.clone(),
            Edit::Move {
                list: Path::parse("/steps"),
                from: 0,
                to: 2,
            },
            json(r#"{"steps": ["b", "c", "a"]}"#),
        );
        roundtrip(
            doc,
            Edit::Insert {
                list: Path::parse("/tags"),
                index: 0,
                value: json(r#""data""#),
            },
            json(r#"{"steps": ["a", "b", "c"], "tags": ["data"]}"#),
        );
    }

    #[test]
    fn a_failing_edit_changes_nothing_even_inside_a_batch() {
        let doc = json(r#"{"steps": ["a"]}"#);
        let mut edited = doc.clone();
        let batch = Edit::Batch(vec![
            Edit::Set {
                at: Path::parse("/id"),
                value: Some(json(r#""x""#)),
            },
            Edit::Remove {
                list: Path::parse("/steps"),
                index: 5,
            },
        ]);
        assert!(apply(&mut edited, batch).is_err());
        assert_eq!(edited, doc);
        assert!(apply(
            &mut edited,
            Edit::Set {
                at: Path::parse("/steps/0/x"),
                value: Some(json(r#"1"#))
            }
        )
        .is_err());
        assert_eq!(edited, doc);
    }

    #[test]
    fn undoing_the_removal_of_a_key_written_twice_keeps_which_one_counts() {
        // The first of two equal keys counts (as in the validator): removing it lets the second
        // count, and undo must put it back in front.
        roundtrip(
            json(r#"{"id": "first", "x": 1, "id": "second"}"#),
            Edit::Set {
                at: Path::parse("/id"),
                value: None,
            },
            json(r#"{"x": 1, "id": "second"}"#),
        );
    }

    #[test]
    fn numbers_stay_as_written() {
        let doc = json(r#"{"hours": 2.50, "cost": {"amount": 1e3}}"#);
        assert_eq!(doc.to_text(), r#"{"hours":2.50,"cost":{"amount":1e3}}"#);
        assert_eq!(whole(12).to_text(), "12");
    }

    #[test]
    fn a_batch_is_undone_in_reverse_order() {
        roundtrip(
            json(r#"{"a": [1, 2]}"#),
            Edit::Batch(vec![
                Edit::Insert {
                    list: Path::parse("/a"),
                    index: 2,
                    value: json(r#"3"#),
                },
                Edit::Move {
                    list: Path::parse("/a"),
                    from: 2,
                    to: 0,
                },
                Edit::Set {
                    at: Path::parse("/b"),
                    value: Some(json(r#"true"#)),
                },
            ]),
            json(r#"{"a": [3, 1, 2], "b": true}"#),
        );
    }
}
