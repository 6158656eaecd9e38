//! A small JSON reader that remembers where every value starts (line and column).
//!
//! serde_json forgets positions once a value is parsed, but every diagnostic must point at the
//! offending text. This reader builds a tree of [`Node`]s, each with its position, and enforces the
//! feed limits (size and nesting depth) itself, before any recursion can grow the stack: the
//! depth check happens on the way down, so a hostile `[[[[…` fails fast with a clear message.

use std::borrow::Cow;

/// Largest feed accepted, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// One JSON value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub pos: Pos,
    pub value: Value<'a>,
}

/// The JSON value itself. Objects keep their members in document order (duplicates included).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    /// Borrowed from the input when the string has no escapes (almost always), which keeps
    /// allocations (the main cost of reading a large feed) down.
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_pos: Pos,
    pub value: Node<'a>,
}

/// Why the text is not a JSON document the validator will read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Stable diagnostic code: `invalid-json`, `input-too-large` or `nesting-too-deep`.
    pub code: &'static str,
    pub message: String,
    pub pos: Pos,
}

impl Value<'_> {
    /// The JSON type name used in messages ("object", "string", …).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Reads a whole JSON document.
pub fn read(text: &str) -> Result<Node<'_>, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError {
            code: "input-too-large",
            message: format!(
                "the feed is {} bytes; the limit is {} bytes (20 MiB)",
                text.len(),
                MAX_BYTES
            ),
            pos: Pos { line: 1, column: 1 },
        });
    }
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        column: 1,
    };
    // A byte-order mark is not JSON, but editors on Windows add one; accept it silently.
    if text.starts_with('\u{feff}') {
        reader.at = 3;
    }
    reader.skip_whitespace();
    let node = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("unexpected text after the end of the JSON document"));
    }
    Ok(node)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    line: u32,
    column: u32,
}

impl<'a> Reader<'a> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError {
            code: "invalid-json",
            message: message.into(),
            pos: self.pos(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Moves past one byte, keeping line and column (in characters) up to date.
    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            if b == b'\n' {
                self.line = self.line.saturating_add(1);
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // Continuation bytes of a UTF-8 sequence do not start a new character.
                self.column = self.column.saturating_add(1);
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump();
        }
    }

    fn expect_word(&mut self, word: &str, value: Value<'a>) -> Result<Node<'a>, ReadError> {
        let pos = self.pos();
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(Node { pos, value })
        } else {
            Err(self.error(
                "expected a JSON value (string, number, object, array, true, false or null)",
            ))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, ReadError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input: expected a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => {
                let pos = self.pos();
                let s = self.string()?;
                Ok(Node {
                    pos,
                    value: Value::String(s),
                })
            }
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(
                "expected a JSON value (string, number, object, array, true, false or null)",
            )),
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), ReadError> {
        if depth > MAX_DEPTH {
            Err(ReadError {
                code: "nesting-too-deep",
                message: format!("arrays and objects are nested more than {MAX_DEPTH} levels deep"),
                pos: self.pos(),
            })
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, ReadError> {
        self.check_depth(depth)?;
        let pos = self.pos();
        self.bump();
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Node {
                pos,
                value: Value::Array(items),
            });
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma before `]`"));
                    }
                }
                Some(b']') => {
                    self.bump();
                    return Ok(Node {
                        pos,
                        value: Value::Array(items),
                    });
                }
                None => return Err(self.error("unexpected end of input: expected `,` or `]`")),
                Some(_) => return Err(self.error("expected `,` or `]` after an array item")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, ReadError> {
        self.check_depth(depth)?;
        let pos = self.pos();
        self.bump();
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Node {
                pos,
                value: Value::Object(members),
            });
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(if self.peek().is_none() {
                    self.error("unexpected end of input: expected a key")
                } else {
                    self.error("expected a key in double quotes")
                });
            }
            let key_pos = self.pos();
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after the key"));
            }
            self.bump();
            self.skip_whitespace();
            let value = self.value(depth)?;
            members.push(Member {
                key,
                key_pos,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma before `}`"));
                    }
                }
                Some(b'}') => {
                    self.bump();
                    return Ok(Node {
                        pos,
                        value: Value::Object(members),
                    });
                }
                None => return Err(self.error("unexpected end of input: expected `,` or `}`")),
                Some(_) => return Err(self.error("expected `,` or `}` after an object member")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => u32::from(b - b'0'),
                Some(b @ b'a'..=b'f') => u32::from(b - b'a' + 10),
                Some(b @ b'A'..=b'F') => u32::from(b - b'A' + 10),
                _ => return Err(self.error("expected four hexadecimal digits after `\\u`")),
            };
            code = code * 16 + digit;
            self.bump();
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, ReadError> {
        self.bump(); // opening quote
                     // Fast path: no escape before the closing quote, so borrow the text as it is.
        let start = self.at;
        let rest = self.bytes.get(start..).unwrap_or_default();
        if let Some(end) = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        {
            if rest.get(end) == Some(&b'"') {
                let chunk = rest.get(..end).unwrap_or_default();
                let chars = chunk.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                self.column = self.column.saturating_add(chars as u32 + 1);
                self.at = start + end + 1;
                // `start` and `start + end` sit next to ASCII quotes, so both are char
                // boundaries; `get` keeps this panic-free regardless.
                if let Some(s) = self.text.get(start..start + end) {
                    return Ok(Cow::Borrowed(s));
                }
            }
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.error("unexpected end of input inside a string")),
                Some(b'"') => {
                    self.bump();
                    // The input is a &str and escapes produce valid UTF-8, so this cannot fail;
                    // still, never panic: fall back to a lossy conversion.
                    return Ok(Cow::Owned(String::from_utf8(out).unwrap_or_else(|e| {
                        String::from_utf8_lossy(e.as_bytes()).into_owned()
                    })));
                }
                Some(b'\\') => {
                    self.bump();
                    let unescaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if self.peek() != Some(b'\\') {
                                    return Err(self.error("unpaired surrogate in a `\\u` escape"));
                                }
                                self.bump();
                                if self.peek() != Some(b'u') {
                                    return Err(self.error("unpaired surrogate in a `\\u` escape"));
                                }
                                self.bump();
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error("unpaired surrogate in a `\\u` escape"));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            let c = char::from_u32(code).ok_or_else(|| {
                                self.error("unpaired surrogate in a `\\u` escape")
                            })?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.error("unknown escape sequence in a string")),
                    };
                    self.bump();
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(unescaped.encode_utf8(&mut buf).as_bytes());
                }
                Some(b) if b < 0x20 => {
                    return Err(self.error("control character inside a string (escape it)"))
                }
                Some(_) => {
                    // Fast path: copy the run of plain characters up to the next quote,
                    // backslash or control character in one go. Strings never contain a raw
                    // newline, so only the column moves.
                    let rest = self.bytes.get(self.at..).unwrap_or_default();
                    let run = rest
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                        .unwrap_or(rest.len());
                    let chunk = rest.get(..run).unwrap_or_default();
                    out.extend_from_slice(chunk);
                    let chars = chunk.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                    self.column = self.column.saturating_add(chars as u32);
                    self.at += run;
                }
            }
        }
    }

    fn digits(&mut self) -> usize {
        let mut n = 0;
        while let Some(b'0'..=b'9') = self.peek() {
            self.bump();
            n += 1;
        }
        n
    }

    fn number(&mut self) -> Result<Node<'a>, ReadError> {
        let pos = self.pos();
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at).unwrap_or_default())
            .unwrap_or_default();
        // Huge exponents parse to infinity; the validator reports those as out of range.
        let number = text.parse::<f64>().unwrap_or(f64::NAN);
        Ok(Node {
            pos,
            value: Value::Number(number),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_lines() {
        let node = read("{\n  \"é\": [1, \"x\"]\n}").unwrap();
        let Value::Object(members) = node.value else {
            panic!("object expected")
        };
        assert_eq!(members[0].key, "é");
        assert_eq!(members[0].key_pos, Pos { line: 2, column: 3 });
        assert_eq!(members[0].value.pos, Pos { line: 2, column: 8 });
    }

    #[test]
    fn errors_carry_the_position() {
        let err = read("{\"a\": 1,\n \"b\" 2}").unwrap_err();
        assert_eq!(err.code, "invalid-json");
        assert_eq!(err.pos, Pos { line: 2, column: 6 });
    }

    #[test]
    fn depth_is_limited_without_recursing_forever() {
        let deep = "[".repeat(100_000);
        assert_eq!(read(&deep).unwrap_err().code, "nesting-too-deep");
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(read(&ok).is_ok());
        let too_deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(read(&too_deep).unwrap_err().code, "nesting-too-deep");
    }

    #[test]
    fn escapes_and_surrogates() {
        let node = read(r#""a\n\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(node.value, Value::String("a\né😀".into()));
        assert!(read(r#""\ud83d""#).is_err());
    }
}
