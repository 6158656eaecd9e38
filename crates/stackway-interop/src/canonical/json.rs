//! An owned JSON tree that keeps everything a feed's text holds: members in the order written,
//! keys written twice (both of them), numbers as written (`1.50` stays `1.50`, `1e400` is not
//! refused), and values the feed format does not know. `serde_json::Value` keeps none of the
//! first three: it sorts keys, keeps the last of two equal keys (the validator uses the first,
//! so a save through it would change what the feed means), and turns numbers into `f64`.

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::feed::Feed;
use crate::json::{self, Node, Value};

/// A JSON value, as read from a feed's text or built by an editor.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    /// Members in order; a key may appear more than once (the first one counts, as in the
    /// validator).
    Object(Vec<(String, Json)>),
}

/// A JSON number, kept as its text so that writing it back changes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// `text` when it is a JSON number (`-0`, `12`, `1.50`, `6.02e23`), `None` otherwise.
    pub fn parse(text: &str) -> Option<Number> {
        is_json_number(text).then(|| Number(text.to_owned()))
    }

    /// The shortest text that reads back as `value` exactly: whole numbers without a decimal
    /// point (`30`, not `30.0`), exponents only for very large or very small magnitudes.
    /// `None` for infinities and NaN, which JSON cannot hold.
    pub fn from_f64(value: f64) -> Option<Number> {
        if !value.is_finite() {
            return None;
        }
        let magnitude = value.abs();
        let text = if magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
            format!("{value:e}")
        } else {
            format!("{value}")
        };
        Some(Number(text))
    }

    /// The number's text, as it will be written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value, correctly rounded as the validator reads it (infinite when out of range).
    pub fn as_f64(&self) -> f64 {
        crate::decimal::parse(&self.0).unwrap_or(f64::NAN)
    }
}

/// Whether `text` follows JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at > start
    };
    if bytes.first() == Some(&b'-') {
        at += 1;
    }
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => {
            digits(&mut at);
        }
        _ => return false,
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if !digits(&mut at) {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if !digits(&mut at) {
            return false;
        }
    }
    at == bytes.len()
}

impl Json {
    /// Reads JSON text with the validator's reader and its limits (20 MiB, nesting 64). The
    /// error is the diagnostic `parse_feed` reports for the same text (`invalid-json`,
    /// `input-too-large`, `nesting-too-deep`), with its line and column.
    pub fn parse(text: &str) -> Result<Json, Diagnostic> {
        match json::read(text) {
            Ok(doc) => Ok(Json::from_node(doc.root())),
            Err(e) => Err(crate::parse::read_error_diagnostic(e)),
        }
    }

    /// The reader's depth limit bounds this recursion.
    fn from_node(node: Node) -> Json {
        match node.value() {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(_) => match node.number_text().and_then(Number::parse) {
                Some(n) => Json::Number(n),
                None => Json::Null,
            },
            Value::String(s) => Json::String(s.to_owned()),
            Value::Array(items) => Json::Array(items.map(Json::from_node).collect()),
            Value::Object(members) => Json::Object(
                members
                    .map(|m| (m.key.to_owned(), Json::from_node(m.value)))
                    .collect(),
            ),
        }
    }

    /// A typed value of the model (a whole [`Feed`], one `Credential`, a `Requirement`…) as
    /// JSON, for an editor that places it into a document. Non-finite numbers become `null`.
    pub fn from_model<T: Serialize + ?Sized>(value: &T) -> Json {
        serde_json::to_value(value)
            .map(Json::from)
            .unwrap_or(Json::Null)
    }

    /// The feed model as JSON.
    pub fn from_feed(feed: &Feed) -> Json {
        Json::from_model(feed)
    }

    /// This value as a `serde_json::Value`, for deserializing a part into a model type. Lossy:
    /// of a key written twice the first is kept (as the validator does), and numbers become
    /// `f64` (whole numbers that fit stay integers).
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as V;
        match self {
            Json::Null => V::Null,
            Json::Bool(b) => V::Bool(*b),
            Json::Number(n) => {
                let text = n.as_str();
                if let Ok(i) = text.parse::<i64>() {
                    V::from(i)
                } else if let Ok(u) = text.parse::<u64>() {
                    V::from(u)
                } else {
                    serde_json::Number::from_f64(n.as_f64()).map_or(V::Null, V::Number)
                }
            }
            Json::String(s) => V::String(s.clone()),
            Json::Array(items) => V::Array(items.iter().map(Json::to_serde).collect()),
            Json::Object(members) => {
                let mut map = serde_json::Map::new();
                for (key, value) in members {
                    if !map.contains_key(key) {
                        map.insert(key.clone(), value.to_serde());
                    }
                }
                V::Object(map)
            }
        }
    }

    /// The first member named `key`, when this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a JSON Pointer (RFC 6901), as diagnostics give them (`/credentials/3/title`).
    /// Of a key written twice, the first.
    pub fn pointer(&self, pointer: &str) -> Option<&Json> {
        let mut at = self;
        for token in tokens(pointer)? {
            at = match at {
                Json::Object(members) => {
                    members.iter().find(|(k, _)| *k == token).map(|(_, v)| v)?
                }
                Json::Array(items) => items.get(index(&token)?)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// The value at a JSON Pointer, to change it in place.
    pub fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Json> {
        let mut at = self;
        for token in tokens(pointer)? {
            at = match at {
                Json::Object(members) => members
                    .iter_mut()
                    .find(|(k, _)| *k == token)
                    .map(|(_, v)| v)?,
                Json::Array(items) => items.get_mut(index(&token)?)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// The unescaped reference tokens of a pointer; `None` when it does not start with `/` (the
/// empty pointer, the whole document, has no token).
fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// An array index token: digits without a leading zero.
fn index(token: &str) -> Option<usize> {
    if token.len() > 1 && token.starts_with('0') {
        return None;
    }
    token.parse().ok()
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Json {
        use serde_json::Value as V;
        match value {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(b),
            V::Number(n) => {
                let number = if n.is_f64() {
                    n.as_f64().and_then(Number::from_f64)
                } else {
                    Number::parse(&n.to_string())
                };
                number.map_or(Json::Null, Json::Number)
            }
            V::String(s) => Json::String(s),
            V::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            V::Object(map) => Json::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn numbers_keep_their_text_and_new_ones_are_shortest() {
        for text in ["0", "-0", "12", "1.50", "6.02e23", "1E400", "-1.5e-7"] {
            assert_eq!(Number::parse(text).map(|n| n.0), Some(text.to_owned()));
        }
        for text in [
            "", "-", "01", "1.", ".5", "1e", "+1", "1e+", "0x10", "NaN", "1 ",
        ] {
            assert_eq!(Number::parse(text), None, "{text:?}");
        }
        let shown = |v: f64| Number::from_f64(v).map(|n| n.0);
        assert_eq!(shown(30.0).as_deref(), Some("30"));
        assert_eq!(shown(0.1).as_deref(), Some("0.1"));
        assert_eq!(shown(-2.5).as_deref(), Some("-2.5"));
        assert_eq!(shown(1e21).as_deref(), Some("1e21"));
        assert_eq!(shown(1.5e-7).as_deref(), Some("1.5e-7"));
        assert_eq!(shown(123456789.0).as_deref(), Some("123456789"));
        assert_eq!(shown(f64::NAN), None);
        assert_eq!(shown(f64::INFINITY), None);
        for v in [0.1, 1e21, 1.5e-7, 5e-324, f64::MAX, 1.0 / 3.0, 450.0] {
            let text = Number::from_f64(v).unwrap();
            assert!(is_json_number(text.as_str()), "{text:?}");
            assert_eq!(text.as_f64().to_bits(), v.to_bits(), "{text:?}");
        }
    }

    #[test]
    fn reading_keeps_order_duplicates_and_number_text() {
        let doc = Json::parse(r#"{"b": 1.50, "a": [true, null], "b": "second"}"#).unwrap();
        let Json::Object(members) = &doc else {
            panic!("an object")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(doc.get("b"), Some(&Json::Number(Number("1.50".into()))));
        assert_eq!(doc.to_serde()["b"], serde_json::json!(1.5));
        let error = Json::parse("{\"a\": }").unwrap_err();
        assert_eq!(error.code, Code::InvalidJson);
        assert_eq!((error.line, error.column), (Some(1), Some(7)));
    }

    #[test]
    fn pointers_find_and_change_values() {
        let mut doc = Json::parse(r#"{"a/b": {"c~d": [10, 20]}, "e": 1}"#).unwrap();
        assert_eq!(
            doc.pointer("/a~1b/c~0d/1"),
            Some(&Json::Number(Number("20".into())))
        );
        assert_eq!(doc.pointer(""), Some(&doc.clone()));
        for missing in ["/a~1b/c~0d/2", "/a~1b/c~0d/01", "/e/x", "e", "/zz"] {
            assert_eq!(doc.pointer(missing), None, "{missing}");
        }
        *doc.pointer_mut("/e").unwrap() = Json::String("one".into());
        assert_eq!(doc.get("e").and_then(Json::as_str), Some("one"));
    }
}
