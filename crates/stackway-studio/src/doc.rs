//! The feed being edited, as a JSON document, and the edits the studio makes to it.
//!
//! Why a JSON document and not the typed `Feed`: reading into `Feed` drops what is invalid
//! (a misspelt kind, an unknown key, a half-typed id), and an editor must never lose what its
//! user typed. Kept as JSON, a draft with errors saves as written, and the validator's JSON
//! Pointers name the very values the forms edit.
//!
//! Every [`Edit`] applied returns its inverse, which is all that undo needs (`history.rs`).

use serde_json::{Map, Value};

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
    Set { at: Path, value: Option<Value> },
    /// Inserts `value` into the array at `list`, before `index` (creating the array).
    Insert {
        list: Path,
        index: usize,
        value: Value,
    },
    /// Takes the item at `index` out of the array at `list`.
    Remove { list: Path, index: usize },
    /// Moves an item of the array at `list` from `from` to `to` (its index afterwards).
    Move { list: Path, from: usize, to: usize },
    /// Several edits as one step, applied in order (and undone in reverse).
    Batch(Vec<Edit>),
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

/// The value at `path`, if any.
pub fn get<'a>(root: &'a Value, path: &Path) -> Option<&'a Value> {
    path.0.iter().try_fold(root, |value, step| match step {
        Step::Key(key) => value.as_object()?.get(key),
        Step::Index(index) => value.as_array()?.get(*index),
    })
}

fn get_mut<'a>(root: &'a mut Value, path: &Path) -> Option<&'a mut Value> {
    path.0.iter().try_fold(root, |value, step| match step {
        Step::Key(key) => value.as_object_mut()?.get_mut(key),
        Step::Index(index) => value.as_array_mut()?.get_mut(*index),
    })
}

/// The string at `path`, if it is one.
pub fn get_str<'a>(root: &'a Value, path: &Path) -> Option<&'a str> {
    get(root, path).and_then(Value::as_str)
}

/// The array at `path`, or an empty slice.
pub fn get_list<'a>(root: &'a Value, path: &Path) -> &'a [Value] {
    get(root, path)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Applies `edit` to `root` and returns the edit that undoes it. On error nothing changed.
pub fn apply(root: &mut Value, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Set { at, value } => set(root, at, value),
        Edit::Insert { list, index, value } => {
            let created = ensure_container(root, &list, || Value::Array(Vec::new()))?;
            let array = get_mut(root, &list)
                .and_then(Value::as_array_mut)
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
                .and_then(Value::as_array_mut)
                .ok_or_else(|| EditError(format!("{list} is not a list")))?;
            if index >= array.len() {
                return Err(EditError(format!("{list}: no item {index}")));
            }
            let value = array.remove(index);
            Ok(Edit::Insert { list, index, value })
        }
        Edit::Move { list, from, to } => {
            let array = get_mut(root, &list)
                .and_then(Value::as_array_mut)
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
    root: &mut Value,
    path: &Path,
    make: impl FnOnce() -> Value,
) -> Result<Option<Edit>, EditError> {
    if get(root, path).is_some() {
        return Ok(None);
    }
    let undo = set(root, path.clone(), Some(make()))?;
    Ok(Some(undo))
}

fn set(root: &mut Value, at: Path, value: Option<Value>) -> Result<Edit, EditError> {
    let Some((parent_path, last)) = at.split_last() else {
        let value = value.unwrap_or(Value::Null);
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
                let holder = get_mut(root, &walk)
                    .and_then(Value::as_object_mut)
                    .ok_or_else(|| EditError(format!("{walk} is not an object")))?;
                holder.insert(key.clone(), Value::Object(Map::new()));
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
        (Step::Key(key), Value::Object(object)) => match value {
            Some(value) => object.insert(key.clone(), value),
            None => object.remove(key),
        },
        (Step::Index(index), Value::Array(array)) => {
            let slot = array
                .get_mut(*index)
                .ok_or_else(|| EditError(format!("{at}: no such item")))?;
            Some(std::mem::replace(slot, value.unwrap_or(Value::Null)))
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
    use serde_json::json;

    fn roundtrip(doc: Value, edit: Edit, expected: Value) {
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
        let doc = json!({"id": "a", "title": {"en": "A"}});
        roundtrip(
            doc.clone(),
            Edit::Set {
                at: Path::parse("/id"),
                value: Some(json!("b")),
            },
            json!({"id": "b", "title": {"en": "A"}}),
        );
        roundtrip(
            doc.clone(),
            Edit::Set {
                at: Path::parse("/title/fr"),
                value: Some(json!("Un")),
            },
            json!({"id": "a", "title": {"en": "A", "fr": "Un"}}),
        );
        roundtrip(
            doc.clone(),
            Edit::Set {
                at: Path::parse("/title"),
                value: None,
            },
            json!({"id": "a"}),
        );
        // Missing objects on the way are created, and undo removes them all.
        roundtrip(
            doc,
            Edit::Set {
                at: Path::parse("/cost/amount"),
                value: Some(json!(450)),
            },
            json!({"id": "a", "title": {"en": "A"}, "cost": {"amount": 450}}),
        );
    }

    #[test]
    fn lists_take_inserts_removals_and_moves() {
        let doc = json!({"steps": ["a", "b", "c"]});
        roundtrip(
            doc.clone(),
            Edit::Insert {
                list: Path::parse("/steps"),
                index: 1,
                value: json!("x"),
            },
            json!({"steps": ["a", "x", "b", "c"]}),
        );
        roundtrip(
            doc.clone(),
            Edit::Remove {
                list: Path::parse("/steps"),
                index: 0,
            },
            json!({"steps": ["b", "c"]}),
        );
        roundtrip(
            doc.clone(),
            Edit::Move {
                list: Path::parse("/steps"),
                from: 0,
                to: 2,
            },
            json!({"steps": ["b", "c", "a"]}),
        );
        roundtrip(
            doc,
            Edit::Insert {
                list: Path::parse("/tags"),
                index: 0,
                value: json!("data"),
            },
            json!({"steps": ["a", "b", "c"], "tags": ["data"]}),
        );
    }

    #[test]
    fn a_failing_edit_changes_nothing_even_inside_a_batch() {
        let doc = json!({"steps": ["a"]});
        let mut edited = doc.clone();
        let batch = Edit::Batch(vec![
            Edit::Set {
                at: Path::parse("/id"),
                value: Some(json!("x")),
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
                value: Some(json!(1))
            }
        )
        .is_err());
        assert_eq!(edited, doc);
    }

    #[test]
    fn a_batch_is_undone_in_reverse_order() {
        roundtrip(
            json!({"a": [1, 2]}),
            Edit::Batch(vec![
                Edit::Insert {
                    list: Path::parse("/a"),
                    index: 2,
                    value: json!(3),
                },
                Edit::Move {
                    list: Path::parse("/a"),
                    from: 2,
                    to: 0,
                },
                Edit::Set {
                    at: Path::parse("/b"),
                    value: Some(json!(true)),
                },
            ]),
            json!({"a": [3, 1, 2], "b": true}),
        );
    }
}
