//! Canonical feed text: one way to write a feed, so that files diff well in git and an editor's
//! save changes only what was edited.
//!
//! The rules: two-space indent; every array item and every object member on its own line
//! (serde_json's pretty style, so one credential is one block and one edit touches one line);
//! keys in the order of the format's documentation; a text's languages in the order the feed
//! declares them, then any others by tag; keys the format does not define after the known ones,
//! by name; anything else (arrays, values under unknown keys) exactly in the order written.
//! Strings are escaped as serde_json escapes them; numbers are written as they were read (a
//! number made from the model is written in its shortest exact form). Where each object and
//! field is, and their order, come from the format's field table (`crate::field_table`).
//!
//! Why a document and not the typed [`Feed`]: the validator drops what it cannot use (a
//! credential of an unknown kind, `"hours": "ten"`) and the model has no place for keys the
//! format does not define, so a save from the model would lose what the author wrote. An editor
//! keeps the [`Json`] document it read, changes it, and writes it with [`write`]; nothing it did
//! not touch changes, and nothing is lost. The typed feed, for the engine and the preview, is
//! `parse_feed` of the written text. Importers that build a [`Feed`] write it with
//! [`write_feed`].

mod json;

pub use json::{Json, Number};

use crate::diagnostics::Diagnostic;
use crate::feed::Feed;
use crate::field_table::{self, List, Object, Type};

/// A feed document in canonical form, with a final newline.
pub fn write(doc: &Json) -> String {
    let mut writer = Writer {
        out: String::new(),
        languages: declared_languages(doc),
    };
    writer.value(doc, Shape::Object(&field_table::FEED), 0);
    writer.out.push('\n');
    writer.out
}

/// The typed feed in canonical form.
pub fn write_feed(feed: &Feed) -> String {
    write(&Json::from_feed(feed))
}

/// Feed text rewritten in canonical form (what opening and saving it in the studio gives), or
/// the reason the text is not JSON.
pub fn canonicalize(text: &str) -> Result<String, Diagnostic> {
    Json::parse(text).map(|doc| write(&doc))
}

/// The string tags of the root's `languages`, in order.
fn declared_languages(doc: &Json) -> Vec<String> {
    match doc.get("languages") {
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// What the writer knows about a value from where it sits in the feed (from the field table).
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Anything: written as it is, members in the order written.
    Free,
    /// A string or an object from language tag to string.
    Text,
    /// An object of the format.
    Object(&'static Object),
    /// A credential id or a group.
    Requirement,
    /// A list of values of one type.
    List(&'static List),
}

impl Shape {
    fn of(ty: &'static Type) -> Shape {
        match ty {
            Type::Text => Shape::Text,
            Type::Object(object) => Shape::Object(object),
            Type::Requirement => Shape::Requirement,
            Type::List(list) => Shape::List(list),
            _ => Shape::Free,
        }
    }

    /// The shape of an item, when this is a list.
    fn item(self) -> Shape {
        match self {
            Shape::List(list) => Shape::of(&list.item),
            _ => Shape::Free,
        }
    }
}

struct Writer {
    out: String,
    languages: Vec<String>,
}

impl Writer {
    fn value(&mut self, value: &Json, shape: Shape, indent: usize) {
        match value {
            Json::Null => self.out.push_str("null"),
            Json::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => self.out.push_str(n.as_str()),
            Json::String(s) => write_string(&mut self.out, s),
            Json::Array(items) => self.array(items, shape.item(), indent),
            Json::Object(members) => self.object(members, shape, indent),
        }
    }

    fn array(&mut self, items: &[Json], item_shape: Shape, indent: usize) {
        if items.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.newline(indent + 1);
            self.value(item, item_shape, indent + 1);
        }
        self.newline(indent);
        self.out.push(']');
    }

    fn object(&mut self, members: &[(String, Json)], shape: Shape, indent: usize) {
        if members.is_empty() {
            self.out.push_str("{}");
            return;
        }
        let order = self.member_order(members, shape);
        self.out.push('{');
        for (n, &(i, member_shape)) in order.iter().enumerate() {
            let Some((key, value)) = members.get(i) else {
                continue;
            };
            if n > 0 {
                self.out.push(',');
            }
            self.newline(indent + 1);
            write_string(&mut self.out, key);
            self.out.push_str(": ");
            self.value(value, member_shape, indent + 1);
        }
        self.newline(indent);
        self.out.push('}');
    }

    /// The members' indices in canonical order, each with the shape of its value. Sorting is
    /// stable, so a key written twice keeps its copies in order (the first one still counts).
    fn member_order(&self, members: &[(String, Json)], shape: Shape) -> Vec<(usize, Shape)> {
        let shape = match shape {
            // A group is told by its first group key; another group key is then unknown to it
            // and comes after, so the validator still sees the two in the same order.
            Shape::Requirement => members
                .iter()
                .find_map(|(key, _)| field_table::group_by_key(key))
                .map_or(Shape::Free, Shape::Object),
            Shape::Text | Shape::Object(_) => shape,
            _ => Shape::Free,
        };
        // The rank of a known key, and the shape of its value.
        let rank = |key: &str| -> Option<(usize, Shape)> {
            match shape {
                Shape::Text => self
                    .languages
                    .iter()
                    .position(|l| l == key)
                    .map(|r| (r, Shape::Free)),
                Shape::Object(object) => object
                    .position(key)
                    .and_then(|r| object.fields.get(r).map(|f| (r, Shape::of(&f.ty)))),
                _ => Some((0, Shape::Free)),
            }
        };
        let mut order: Vec<(usize, Option<(usize, Shape)>)> = members
            .iter()
            .enumerate()
            .map(|(i, (key, _))| (i, rank(key)))
            .collect();
        if !matches!(shape, Shape::Free) {
            // Known keys by rank, then the others by name.
            order.sort_by(|a, b| match (a.1, b.1) {
                (Some(x), Some(y)) => x.0.cmp(&y.0),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => key_of(members, a.0).cmp(key_of(members, b.0)),
            });
        }
        order
            .into_iter()
            .map(|(i, rank)| (i, rank.map_or(Shape::Free, |(_, s)| s)))
            .collect()
    }

    fn newline(&mut self, indent: usize) {
        self.out.push('\n');
        for _ in 0..indent {
            self.out.push_str("  ");
        }
    }
}

fn key_of(members: &[(String, Json)], i: usize) -> &str {
    members.get(i).map_or("", |(k, _)| k.as_str())
}

/// `s` as a JSON string, escaped as serde_json escapes it: `"`, `\` and control characters only
/// (named escapes where JSON has them, `\u00xx` otherwise); everything else as it is.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or(""));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\r\u{8}\u{c}",
            "\u{0}\u{1}\u{1f}\u{7f}",
            "é ✓ 🎓 \u{2028} </script>",
        ] {
            let mut out = String::new();
            write_string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn known_keys_come_in_documented_order_and_others_after_by_name() {
        let doc = Json::parse(
            r#"{"zeta": 1, "credentials": [{"title": {"fr": "F", "de": "D", "en": "E"}, "x": [3, 1], "id": "a", "kind": "course"}], "languages": ["en", "fr"], "alpha": {"b": 1, "a": 2}, "stackway": 1}"#,
        )
        .unwrap();
        let expected = r#"{
  "stackway": 1,
  "languages": [
    "en",
    "fr"
  ],
  "credentials": [
    {
      "id": "a",
      "kind": "course",
      "title": {
        "en": "E",
        "fr": "F",
        "de": "D"
      },
      "x": [
        3,
        1
      ]
    }
  ],
  "alpha": {
    "b": 1,
    "a": 2
  },
  "zeta": 1
}
"#;
        assert_eq!(write(&doc), expected);
    }

    #[test]
    fn requirement_groups_order_their_keys_and_only_their_children_are_requirements() {
        let doc = Json::parse(
            r#"{"credentials": [{"requires": {"label": "L", "from": ["a", {"label": "x", "any": ["b"]}], "choose": 1}},
                {"requires": {"from": ["a"], "credits": 3}}, {"prerequisites": {"any": ["a"], "all": ["b"]}}]}"#,
        )
        .unwrap();
        let text = write(&doc);
        let compact: String = text.split_whitespace().collect();
        assert!(
            compact.contains(r#"{"choose":1,"from":["a",{"any":["b"],"label":"x"}],"label":"L"}"#),
            "{text}"
        );
        assert!(compact.contains(r#"{"credits":3,"from":["a"]}"#), "{text}");
        // Two group keys: the first one written decides the group; the other follows after.
        assert!(compact.contains(r#"{"any":["a"],"all":["b"]}"#), "{text}");
    }

    #[test]
    fn a_key_written_twice_keeps_both_copies_in_order() {
        let doc = Json::parse(r#"{"id": "first", "x": 0, "id": "second"}"#).unwrap();
        let text = write(&doc);
        let first = text.find("first").unwrap();
        let second = text.find("second").unwrap();
        assert!(first < second, "{text}");
    }

    #[test]
    fn empty_containers_and_scalars() {
        assert_eq!(write(&Json::parse("[]").unwrap()), "[]\n");
        assert_eq!(write(&Json::parse("{}").unwrap()), "{}\n");
        assert_eq!(write(&Json::parse(" 1.50 ").unwrap()), "1.50\n");
        assert_eq!(
            write(&Json::parse(r#"{"a": [], "b": {}, "c": null, "d": false}"#).unwrap()),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": null,\n  \"d\": false\n}\n"
        );
    }
}
