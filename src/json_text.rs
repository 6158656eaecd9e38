//! JSON for the widget's own small documents: the saved plan, the offline copy of the feed, the
//! mount configuration and the demo page's diagnostics.
//!
//! They are read with stackway-core's JSON reader (the one that reads feeds) and written here,
//! so that the widget's WebAssembly carries no serde code: serde_json with the derives for these
//! few types cost about 8 KiB of brotli (docs/benchmarks.md, "Bundle size").

pub use stackway_core::json::Node;
use stackway_core::json::{self, Value};

/// Writes one JSON object, member by member, in the order given.
#[derive(Debug)]
pub struct ObjectWriter {
    out: String,
}

impl Default for ObjectWriter {
    fn default() -> Self {
        ObjectWriter::new()
    }
}

impl ObjectWriter {
    pub fn new() -> ObjectWriter {
        ObjectWriter {
            out: String::from("{"),
        }
    }

    /// Starts a member: the separator, then the quoted key and the colon.
    fn key(&mut self, key: &str) -> &mut String {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        push_string(&mut self.out, key);
        self.out.push(':');
        &mut self.out
    }

    /// A string member.
    pub fn string(mut self, key: &str, value: &str) -> ObjectWriter {
        push_string(self.key(key), value);
        self
    }

    /// A string member, or `null` without a value.
    pub fn optional_string(mut self, key: &str, value: Option<&str>) -> ObjectWriter {
        match value {
            Some(value) => push_string(self.key(key), value),
            None => self.key(key).push_str("null"),
        }
        self
    }

    /// A number member, or `null` without a value.
    pub fn optional_number(mut self, key: &str, value: Option<u32>) -> ObjectWriter {
        match value {
            Some(value) => self.key(key).push_str(&value.to_string()),
            None => self.key(key).push_str("null"),
        }
        self
    }

    /// A member whose value is already JSON text.
    pub fn raw(mut self, key: &str, json: &str) -> ObjectWriter {
        self.key(key).push_str(json);
        self
    }

    /// The object's text.
    pub fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// A JSON array of values that are already JSON text.
pub fn array(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// A JSON string literal for `value`.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_string(&mut out, value);
    out
}

/// Diagnostics as `checkFeed` answers them: `[{code, severity, pointer, message, line,
/// column}]`, with line and column `null` when unknown.
pub fn diagnostics(diagnostics: &[stackway_core::Diagnostic]) -> String {
    array(diagnostics.iter().map(|d| {
        ObjectWriter::new()
            .string("code", d.code.as_str())
            .string("severity", d.severity.as_str())
            .string("pointer", &d.pointer)
            .string("message", &d.message)
            .optional_number("line", d.line)
            .optional_number("column", d.column)
            .finish()
    }))
}

/// Appends `value` as a JSON string literal: quotes, backslashes and control characters are
/// escaped (RFC 8259, section 7); everything else is written as it is.
fn push_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a small document could not be read: a sentence for the learner's error state or a log.
pub type ReadError = String;

/// Reads `text` and hands its root value to `read`; JSON syntax errors say where they are.
pub fn read<T>(
    text: &str,
    read: impl FnOnce(Node<'_>) -> Result<T, ReadError>,
) -> Result<T, ReadError> {
    let document = json::read(text).map_err(|e| {
        format!(
            "{} at line {} column {}",
            e.message, e.pos.line, e.pos.column
        )
    })?;
    read(document.root())
}

/// The members of an object, as `(key, value)`; an error naming `what` for anything else.
pub fn members<'d>(node: Node<'d>, what: &str) -> Result<Vec<(&'d str, Node<'d>)>, ReadError> {
    match node.value() {
        Value::Object(members) => Ok(members.map(|m| (m.key, m.value)).collect()),
        _ => Err(expected(what, "an object", node)),
    }
}

/// The items of an array; an error naming `what` for anything else.
pub fn items<'d>(node: Node<'d>, what: &str) -> Result<Vec<Node<'d>>, ReadError> {
    match node.value() {
        Value::Array(items) => Ok(items.collect()),
        _ => Err(expected(what, "a list", node)),
    }
}

/// A string; an error naming `what` for anything else.
pub fn string(node: Node<'_>, what: &str) -> Result<String, ReadError> {
    node.as_str()
        .map(str::to_owned)
        .ok_or_else(|| expected(what, "a string", node))
}

/// A string or `null`; an error naming `what` for anything else.
pub fn optional_string(node: Node<'_>, what: &str) -> Result<Option<String>, ReadError> {
    match node.value() {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.to_owned())),
        _ => Err(expected(what, "a string or null", node)),
    }
}

/// Whether the value is `null`.
pub fn is_null(node: Node<'_>) -> bool {
    matches!(node.value(), Value::Null)
}

/// `true` or `false`; an error naming `what` for anything else.
pub fn boolean(node: Node<'_>, what: &str) -> Result<bool, ReadError> {
    match node.value() {
        Value::Bool(b) => Ok(b),
        _ => Err(expected(what, "true or false", node)),
    }
}

fn expected(what: &str, kind: &str, node: Node<'_>) -> ReadError {
    let pos = node.pos();
    format!(
        "`{what}` must be {kind}, not {} (line {} column {})",
        node.type_name(),
        pos.line,
        pos.column
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_strings_that_read_back_unchanged() {
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{7} nul \u{0} é 🎓 </script>";
        let text = ObjectWriter::new()
            .string("a", nasty)
            .optional_string("b", None)
            .optional_number("c", Some(42))
            .raw("d", &array([quoted("x"), quoted("y")]))
            .finish();
        assert_eq!(
            read(&text, |root| {
                let members = members(root, "test")?;
                let keys: Vec<&str> = members.iter().map(|(k, _)| *k).collect();
                assert_eq!(keys, ["a", "b", "c", "d"]);
                assert_eq!(string(members[0].1, "a")?, nasty);
                assert_eq!(optional_string(members[1].1, "b")?, None);
                assert_eq!(members[2].1.number(), Some(42.0));
                let d = items(members[3].1, "d")?;
                d.into_iter()
                    .map(|n| string(n, "d"))
                    .collect::<Result<Vec<_>, _>>()
            }),
            Ok(vec!["x".to_owned(), "y".to_owned()])
        );
    }

    #[test]
    fn reading_errors_say_what_and_where() {
        let error = read("{\"a\": 1}", |root| {
            let members = members(root, "config")?;
            string(members[0].1, "a")
        })
        .unwrap_err();
        assert_eq!(error, "`a` must be a string, not number (line 1 column 7)");
        let error = read("{nope", |root| string(root, "x")).unwrap_err();
        assert!(error.contains("line 1 column 2"), "{error}");
    }

    #[test]
    fn diagnostics_read_as_serde_wrote_them() {
        // The demo page reads `checkFeed`'s answer; it must keep the shape serde_json gave it
        // (line and column `null` when unknown), including for text that needs escaping.
        let broken = "{\"stackway\": 1, \"id\": \"x\\\"y\", \"credentials\": [{\"id\": 3}]}";
        let found = stackway_core::parse_feed(broken).diagnostics;
        assert!(!found.is_empty());
        let mut with_unknown_position = found[0].clone();
        with_unknown_position.line = None;
        with_unknown_position.column = None;
        with_unknown_position.message = "tab\t quote\" newline\n \u{1}".into();
        for list in [found, vec![with_unknown_position]] {
            assert_eq!(diagnostics(&list), serde_json::to_string(&list).unwrap());
        }
    }
}
