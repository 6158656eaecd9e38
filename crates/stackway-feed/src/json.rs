//! A small JSON reader that remembers where every value starts.
//!
//! serde_json forgets positions once a value is parsed, but every diagnostic must point at the
//! offending text. This reader builds a [`Document`]: one flat list of 8-byte slots in document
//! order (a "tape"), each holding the byte offset where its value starts. Strings without escapes
//! are not copied (a slot keeps their offset and length in the input), numbers are parsed when
//! they are read, and containers record where they end so that siblings can be skipped. Line and
//! column are computed only for the few offsets that end up in a diagnostic
//! ([`Document::positions`]), and JSON Pointers only when a diagnostic is made
//! ([`Document::pointer`]).
//!
//! The feed limits (size and nesting depth) are enforced before any recursion can grow the stack:
//! the depth check happens on the way down, so a hostile `[[[[…` fails fast with a clear message.

use crate::diagnostics::Code;
use std::cell::OnceCell;

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

/// Why the text is not a JSON document the validator will read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Stable diagnostic code: `invalid-json`, `input-too-large` or `nesting-too-deep`.
    pub code: Code,
    pub message: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    Null,
    True,
    False,
    Number,
    /// A string without escapes: its contents are the `aux` bytes after the opening quote.
    Str,
    /// A string with escapes: `aux` indexes [`Document::owned`].
    EscapedStr,
    /// `aux` is the index of the first slot after the container (its end).
    Array,
    Object,
}

/// One value of the tape (8 bytes). Objects are followed by their members as key slot, value
/// slots.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Byte offset of the value's first character (the opening quote of a string).
    start: u32,
    /// The kind in the top 3 bits; below them `aux`: the length (numbers, plain strings), the
    /// index of the unescaped string, or the end of a container. Inputs are at most 20 MiB, so
    /// every `aux` fits in 29 bits.
    tagged: u32,
}

const AUX_BITS: u32 = 29;
const AUX_MASK: u32 = (1 << AUX_BITS) - 1;

impl Slot {
    #[inline(always)]
    fn new(kind: Kind, start: u32, aux: u32) -> Slot {
        Slot {
            start,
            tagged: ((kind as u32) << AUX_BITS) | (aux & AUX_MASK),
        }
    }

    #[inline(always)]
    fn kind(self) -> Kind {
        match self.tagged >> AUX_BITS {
            0 => Kind::Null,
            1 => Kind::True,
            2 => Kind::False,
            3 => Kind::Number,
            4 => Kind::Str,
            5 => Kind::EscapedStr,
            6 => Kind::Array,
            _ => Kind::Object,
        }
    }

    #[inline(always)]
    fn aux(self) -> u32 {
        self.tagged & AUX_MASK
    }
}

const MISSING: Slot = Slot {
    start: 0,
    tagged: 0,
};

/// A whole JSON document read from `text`.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    slots: Vec<Slot>,
    /// Unescaped strings (strings with escapes are rare in feeds).
    owned: Vec<String>,
    /// Where the document starts: 3 after a byte-order mark, 0 otherwise.
    origin: u32,
    /// Parent links, parallel to `slots`, built for the first JSON Pointer asked for.
    ups: OnceCell<Vec<Up>>,
}

/// A slot's container (slot index) and its position among the container's children (members
/// count as two: key, then value).
#[derive(Debug, Clone, Copy)]
struct Up {
    parent: u32,
    position: u32,
}

/// One reference token of a JSON Pointer: an array index, or the key slot of a member.
#[derive(Debug, Clone, Copy)]
enum Token {
    Index(u32),
    Key(u32),
}

/// A value of a [`Document`]: a cheap, copyable handle.
#[derive(Debug, Clone, Copy)]
pub struct Node<'d> {
    doc: &'d Document<'d>,
    index: u32,
}

/// The JSON value of a [`Node`]. Objects keep their members in document order (duplicates
/// included).
#[derive(Debug, Clone)]
pub enum Value<'d> {
    Null,
    Bool(bool),
    Number(f64),
    String(&'d str),
    Array(Items<'d>),
    Object(Members<'d>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, Copy)]
pub struct Member<'d> {
    pub key: &'d str,
    /// Byte offset of the key's opening quote.
    pub key_offset: u32,
    pub value: Node<'d>,
}

/// The items of an array, in order.
#[derive(Debug, Clone)]
pub struct Items<'d> {
    doc: &'d Document<'d>,
    next: u32,
    end: u32,
}

/// The members of an object, in order.
#[derive(Debug, Clone)]
pub struct Members<'d> {
    doc: &'d Document<'d>,
    next: u32,
    end: u32,
}

impl<'a> Document<'a> {
    #[inline(always)]
    fn slot(&self, index: u32) -> Slot {
        self.slots.get(index as usize).copied().unwrap_or(MISSING)
    }

    /// The index of the first slot after the value at `index`.
    #[inline(always)]
    fn end_of(&self, index: u32) -> u32 {
        let slot = self.slot(index);
        match slot.kind() {
            // `max` keeps every walk moving forward, whatever the tape holds.
            Kind::Array | Kind::Object => slot.aux().max(index.saturating_add(1)),
            _ => index.saturating_add(1),
        }
    }

    #[inline(always)]
    fn str_of(&self, slot: Slot) -> &str {
        match slot.kind() {
            Kind::Str => {
                let from = slot.start as usize + 1;
                self.text
                    .get(from..from + slot.aux() as usize)
                    .unwrap_or("")
            }
            Kind::EscapedStr => self
                .owned
                .get(slot.aux() as usize)
                .map_or("", String::as_str),
            _ => "",
        }
    }

    /// The document's top-level value.
    pub fn root(&self) -> Node<'_> {
        Node {
            doc: self,
            index: 0,
        }
    }

    /// The value at a slot index (as returned by [`Node::index`]).
    pub fn node(&self, index: u32) -> Node<'_> {
        Node { doc: self, index }
    }

    /// The JSON Pointer (RFC 6901) of the value at slot `index`. Only called when a diagnostic
    /// is made: the first call builds the parent links of every slot (one pass over the tape),
    /// then each pointer costs its depth, however many diagnostics a feed has.
    pub fn pointer(&self, index: u32) -> String {
        let ups = self.ups.get_or_init(|| self.parent_links());
        let mut tokens: Vec<Token> = Vec::new();
        let mut at = index;
        // Each step moves to a strictly smaller index, and depth is at most `MAX_DEPTH`.
        while at != 0 {
            let Some(&up) = ups.get(at as usize) else {
                break;
            };
            if up.parent >= at {
                break;
            }
            tokens.push(match self.slot(up.parent).kind() {
                Kind::Array => Token::Index(up.position),
                // Members alternate key, value: a value's key is the slot just before it.
                _ if up.position % 2 == 1 => Token::Key(at - 1),
                _ => Token::Key(at),
            });
            at = up.parent;
        }
        let mut out = String::new();
        for token in tokens.iter().rev() {
            out.push('/');
            match *token {
                Token::Index(i) => out.push_str(&i.to_string()),
                Token::Key(key) => {
                    let key = self.str_of(self.slot(key));
                    if key.bytes().any(|b| b == b'~' || b == b'/') {
                        out.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    } else {
                        out.push_str(key);
                    }
                }
            }
        }
        out
    }

    /// For every slot, its container and its position among the container's children.
    fn parent_links(&self) -> Vec<Up> {
        let mut ups = Vec::with_capacity(self.slots.len());
        // Open containers: (slot index, end, children seen so far).
        let mut open: Vec<(u32, u32, u32)> = Vec::new();
        for i in 0..self.slots.len() as u32 {
            while open.last().is_some_and(|&(_, end, _)| end <= i) {
                open.pop();
            }
            let up = match open.last_mut() {
                Some((parent, _, seen)) => {
                    let up = Up {
                        parent: *parent,
                        position: *seen,
                    };
                    *seen += 1;
                    up
                }
                None => Up {
                    parent: 0,
                    position: 0,
                },
            };
            ups.push(up);
            if let Kind::Array | Kind::Object = self.slot(i).kind() {
                open.push((i, self.end_of(i), 0));
            }
        }
        ups
    }

    /// Line and column of each byte offset; `offsets` must be in increasing order (one pass
    /// over the text for all of them).
    pub fn positions(&self, offsets: impl IntoIterator<Item = u32>) -> Vec<Pos> {
        let mut cursor = Cursor::new(self.origin as usize);
        offsets
            .into_iter()
            .map(|offset| cursor.advance(self.text.as_bytes(), offset as usize))
            .collect()
    }

    /// Line and column of one byte offset.
    pub fn position(&self, offset: u32) -> Pos {
        Cursor::new(self.origin as usize).advance(self.text.as_bytes(), offset as usize)
    }
}

/// The value of a JSON number (already checked by the reader). Short integers, the usual case
/// in feeds, are converted directly (exactly, as `str::parse` would); everything else goes
/// through [`crate::decimal::parse`], which rounds as `str::parse` does in less WebAssembly.
fn number(text: &str) -> f64 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.len() <= 15 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // At most 15 digits: below 2^53, so the conversion to f64 is exact.
        let mut n = 0u64;
        for b in digits.bytes() {
            n = n * 10 + u64::from(b - b'0');
        }
        let n = n as f64;
        return if negative { -n } else { n };
    }
    // Huge exponents parse to infinity; the validator reports those as out of range.
    crate::decimal::parse(text).unwrap_or(f64::NAN)
}

/// Walks the text forward, counting lines and characters.
struct Cursor {
    at: usize,
    line: u32,
    column: u32,
}

impl Cursor {
    fn new(origin: usize) -> Self {
        Cursor {
            at: origin,
            line: 1,
            column: 1,
        }
    }

    fn advance(&mut self, bytes: &[u8], to: usize) -> Pos {
        let to = to.min(bytes.len());
        if let Some(chunk) = bytes.get(self.at..to) {
            for &b in chunk {
                if b == b'\n' {
                    self.line = self.line.saturating_add(1);
                    self.column = 1;
                } else if b & 0xC0 != 0x80 {
                    // Continuation bytes of a UTF-8 sequence do not start a new character.
                    self.column = self.column.saturating_add(1);
                }
            }
            self.at = to;
        }
        Pos {
            line: self.line,
            column: self.column,
        }
    }
}

impl<'d> Node<'d> {
    /// The slot index of this value, a stable handle within its document.
    pub fn index(self) -> u32 {
        self.index
    }

    /// The document this value belongs to.
    pub fn doc(self) -> &'d Document<'d> {
        self.doc
    }

    /// Byte offset where the value starts.
    pub fn offset(self) -> u32 {
        self.doc.slot(self.index).start
    }

    /// Line and column where the value starts (walks the text: for diagnostics only).
    pub fn pos(self) -> Pos {
        self.doc.position(self.offset())
    }

    /// The value.
    pub fn value(self) -> Value<'d> {
        let doc = self.doc;
        let slot = doc.slot(self.index);
        match slot.kind() {
            Kind::Null => Value::Null,
            Kind::True => Value::Bool(true),
            Kind::False => Value::Bool(false),
            Kind::Number => {
                let from = slot.start as usize;
                let text = doc.text.get(from..from + slot.aux() as usize).unwrap_or("");
                Value::Number(number(text))
            }
            Kind::Str | Kind::EscapedStr => Value::String(doc.str_of(slot)),
            Kind::Array => Value::Array(Items {
                doc,
                next: self.index.saturating_add(1),
                end: doc.end_of(self.index),
            }),
            Kind::Object => Value::Object(Members {
                doc,
                next: self.index.saturating_add(1),
                end: doc.end_of(self.index),
            }),
        }
    }

    /// The string, when this value is one.
    #[inline(always)]
    pub fn as_str(self) -> Option<&'d str> {
        let slot = self.doc.slot(self.index);
        match slot.kind() {
            Kind::Str | Kind::EscapedStr => Some(self.doc.str_of(slot)),
            _ => None,
        }
    }

    /// The members, when this value is an object.
    pub fn members(self) -> Option<Members<'d>> {
        match self.doc.slot(self.index).kind() {
            Kind::Object => Some(Members {
                doc: self.doc,
                next: self.index.saturating_add(1),
                end: self.doc.end_of(self.index),
            }),
            _ => None,
        }
    }

    /// The items, when this value is an array.
    pub fn items(self) -> Option<Items<'d>> {
        match self.doc.slot(self.index).kind() {
            Kind::Array => Some(Items {
                doc: self.doc,
                next: self.index.saturating_add(1),
                end: self.doc.end_of(self.index),
            }),
            _ => None,
        }
    }

    /// The number, when this value is one.
    pub fn number(self) -> Option<f64> {
        self.number_text().map(number)
    }

    /// The number as the document writes it (`1e3`, `-0.50`), when this value is one: what a
    /// message about it quotes.
    pub fn number_text(self) -> Option<&'d str> {
        let slot = self.doc.slot(self.index);
        match slot.kind() {
            Kind::Number => {
                let from = slot.start as usize;
                Some(
                    self.doc
                        .text
                        .get(from..from + slot.aux() as usize)
                        .unwrap_or(""),
                )
            }
            _ => None,
        }
    }

    /// The JSON type name used in messages ("object", "string", …).
    pub fn type_name(self) -> &'static str {
        match self.doc.slot(self.index).kind() {
            Kind::Null => "null",
            Kind::True | Kind::False => "boolean",
            Kind::Number => "number",
            Kind::Str | Kind::EscapedStr => "string",
            Kind::Array => "array",
            Kind::Object => "object",
        }
    }
}

impl Items<'_> {
    /// Whether the array has no item.
    pub fn is_empty(&self) -> bool {
        self.next >= self.end
    }
}

impl<'d> Iterator for Items<'d> {
    type Item = Node<'d>;

    #[inline(always)]
    fn next(&mut self) -> Option<Node<'d>> {
        if self.next >= self.end {
            return None;
        }
        let node = Node {
            doc: self.doc,
            index: self.next,
        };
        self.next = self.doc.end_of(self.next);
        Some(node)
    }
}

impl Members<'_> {
    /// Whether the object has no member.
    pub fn is_empty(&self) -> bool {
        self.next.saturating_add(1) >= self.end
    }
}

impl<'d> Iterator for Members<'d> {
    type Item = Member<'d>;

    #[inline(always)]
    fn next(&mut self) -> Option<Member<'d>> {
        if self.next.saturating_add(1) >= self.end {
            return None;
        }
        let key = self.doc.slot(self.next);
        let value = self.next.saturating_add(1);
        self.next = self.doc.end_of(value);
        Some(Member {
            key: self.doc.str_of(key),
            key_offset: key.start,
            value: Node {
                doc: self.doc,
                index: value,
            },
        })
    }
}

/// Reads a whole JSON document.
pub fn read(text: &str) -> Result<Document<'_>, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError {
            code: Code::InputTooLarge,
            message: format!(
                "the feed is {} bytes; the limit is {} bytes (20 MiB)",
                text.len(),
                MAX_BYTES
            ),
            pos: Pos { line: 1, column: 1 },
        });
    }
    // A byte-order mark is not JSON, but editors on Windows add one; accept it silently.
    let origin = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: origin,
        origin,
        // Feeds hold about one value (or key) per 10 bytes; reserving a little more avoids
        // copying the tape as it grows (untouched capacity costs no memory pages).
        slots: Vec::with_capacity(text.len() / 8 + 1),
        owned: Vec::new(),
    };
    reader.skip_whitespace();
    reader.value(0)?;
    reader.skip_whitespace();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("unexpected text after the end of the JSON document"));
    }
    Ok(Document {
        text,
        slots: reader.slots,
        owned: reader.owned,
        origin: origin as u32,
        ups: OnceCell::new(),
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    origin: usize,
    slots: Vec<Slot>,
    owned: Vec<String>,
}

impl Reader<'_> {
    fn pos(&self) -> Pos {
        Cursor::new(self.origin).advance(self.bytes, self.at)
    }

    fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError {
            code: Code::InvalidJson,
            message: message.into(),
            pos: self.pos(),
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn push(&mut self, kind: Kind, start: usize, aux: usize) {
        self.slots.push(Slot::new(kind, start as u32, aux as u32));
    }

    fn word(&mut self, word: &str, kind: Kind) -> Result<(), ReadError> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.push(kind, self.at, 0);
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error(
                "expected a JSON value (string, number, object, array, true, false or null)",
            ))
        }
    }

    fn value(&mut self, depth: usize) -> Result<(), ReadError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input: expected a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string(),
            Some(b't') => self.word("true", Kind::True),
            Some(b'f') => self.word("false", Kind::False),
            Some(b'n') => self.word("null", Kind::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(
                "expected a JSON value (string, number, object, array, true, false or null)",
            )),
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), ReadError> {
        if depth > MAX_DEPTH {
            Err(ReadError {
                code: Code::NestingTooDeep,
                message: format!("arrays and objects are nested more than {MAX_DEPTH} levels deep"),
                pos: self.pos(),
            })
        } else {
            Ok(())
        }
    }

    /// Records where the container opened at slot `me` ends.
    fn close(&mut self, me: usize) {
        let end = self.slots.len() as u32;
        if let Some(slot) = self.slots.get_mut(me) {
            *slot = Slot::new(slot.kind(), slot.start, end);
        }
    }

    fn array(&mut self, depth: usize) -> Result<(), ReadError> {
        self.check_depth(depth)?;
        let me = self.slots.len();
        self.push(Kind::Array, self.at, 0);
        self.at += 1;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            self.close(me);
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            self.value(depth)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma before `]`"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    self.close(me);
                    return Ok(());
                }
                None => return Err(self.error("unexpected end of input: expected `,` or `]`")),
                Some(_) => return Err(self.error("expected `,` or `]` after an array item")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<(), ReadError> {
        self.check_depth(depth)?;
        let me = self.slots.len();
        self.push(Kind::Object, self.at, 0);
        self.at += 1;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            self.close(me);
            return Ok(());
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
            self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after the key"));
            }
            self.at += 1;
            self.skip_whitespace();
            self.value(depth)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma before `}`"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    self.close(me);
                    return Ok(());
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
            self.at += 1;
        }
        Ok(code)
    }

    /// Length of the run of plain string bytes starting at `from` (up to the next quote,
    /// backslash or control character, or the end of the input). Eight bytes at a time.
    #[inline(always)]
    fn plain_run(&self, from: usize) -> usize {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let rest = self.bytes.get(from..).unwrap_or_default();
        let mut n = 0;
        while let Some(chunk) = rest.get(n..n + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let quote = x ^ (ONES * u64::from(b'"'));
            let backslash = x ^ (ONES * u64::from(b'\\'));
            // A byte is flagged when it is zero (after the xor) or below 0x20; flags may
            // have false positives only above a true one, so the first flag is exact.
            let special = (quote.wrapping_sub(ONES) & !quote)
                | (backslash.wrapping_sub(ONES) & !backslash)
                | (x.wrapping_sub(ONES * 0x20) & !x);
            let special = special & HIGH;
            if special != 0 {
                return n + (special.trailing_zeros() / 8) as usize;
            }
            n += 8;
        }
        while let Some(&b) = rest.get(n) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            n += 1;
        }
        n
    }

    fn string(&mut self) -> Result<(), ReadError> {
        let open = self.at;
        self.at += 1; // opening quote
        let start = self.at;
        // Fast path: no escape before the closing quote, so the slot points into the input.
        let run = self.plain_run(start);
        if self.bytes.get(start + run) == Some(&b'"') {
            self.push(Kind::Str, open, run);
            self.at = start + run + 1;
            return Ok(());
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.error("unexpected end of input inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    // The input is a &str and escapes produce valid UTF-8, so this cannot fail;
                    // still, never panic: fall back to a lossy conversion.
                    let s = String::from_utf8(out)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    let index = self.owned.len();
                    self.owned.push(s);
                    self.push(Kind::EscapedStr, open, index);
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
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
                            self.at += 1;
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if self.peek() != Some(b'\\') {
                                    return Err(self.error("unpaired surrogate in a `\\u` escape"));
                                }
                                self.at += 1;
                                if self.peek() != Some(b'u') {
                                    return Err(self.error("unpaired surrogate in a `\\u` escape"));
                                }
                                self.at += 1;
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
                    self.at += 1;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(unescaped.encode_utf8(&mut buf).as_bytes());
                }
                Some(b) if b < 0x20 => {
                    return Err(self.error("control character inside a string (escape it)"))
                }
                Some(_) => {
                    // Copy the run of plain characters up to the next quote, backslash or
                    // control character in one go.
                    let run = self.plain_run(self.at);
                    out.extend_from_slice(
                        self.bytes.get(self.at..self.at + run).unwrap_or_default(),
                    );
                    self.at += run;
                }
            }
        }
    }

    fn digits(&mut self) -> usize {
        let mut n = 0;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
            n += 1;
        }
        n
    }

    fn number(&mut self) -> Result<(), ReadError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        self.push(Kind::Number, start, self.at - start);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object_members(doc: &Document) -> Vec<(String, u32, u32)> {
        doc.root()
            .members()
            .expect("object expected")
            .map(|m| (m.key.to_owned(), m.key_offset, m.value.offset()))
            .collect()
    }

    #[test]
    fn positions_count_characters_and_lines() {
        let doc = read("{\n  \"é\": [1, \"x\"]\n}").unwrap();
        let members = object_members(&doc);
        assert_eq!(members[0].0, "é");
        assert_eq!(doc.position(members[0].1), Pos { line: 2, column: 3 });
        assert_eq!(doc.position(members[0].2), Pos { line: 2, column: 8 });
        assert_eq!(
            doc.positions([members[0].1, members[0].2]),
            vec![Pos { line: 2, column: 3 }, Pos { line: 2, column: 8 }]
        );
    }

    #[test]
    fn positions_skip_a_byte_order_mark() {
        let doc = read("\u{feff}{\"a\": 1}").unwrap();
        assert_eq!(doc.root().pos(), Pos { line: 1, column: 1 });
        let members = object_members(&doc);
        assert_eq!(doc.position(members[0].2), Pos { line: 1, column: 7 });
    }

    #[test]
    fn errors_carry_the_position() {
        let err = read("{\"a\": 1,\n \"b\" 2}").unwrap_err();
        assert_eq!(err.code, Code::InvalidJson);
        assert_eq!(err.pos, Pos { line: 2, column: 6 });
    }

    #[test]
    fn depth_is_limited_without_recursing_forever() {
        let deep = "[".repeat(100_000);
        assert_eq!(read(&deep).unwrap_err().code, Code::NestingTooDeep);
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(read(&ok).is_ok());
        let too_deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(read(&too_deep).unwrap_err().code, Code::NestingTooDeep);
    }

    #[test]
    fn escapes_and_surrogates() {
        let doc = read(r#""a\n\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(doc.root().as_str(), Some("a\né😀"));
        assert!(read(r#""\ud83d""#).is_err());
    }

    #[test]
    fn strings_end_at_the_first_special_byte_wherever_it_is() {
        // The plain-run scan reads eight bytes at a time: put the quote, an escape, a control
        // character and multi-byte characters at every offset within and across words.
        for before in 0..20 {
            for after in 0..10 {
                let a = "é".repeat(before / 2) + &"a".repeat(before % 2);
                let b = "b".repeat(after);
                let plain = format!("\"{a}{b}\"");
                assert_eq!(
                    read(&plain).unwrap().root().as_str(),
                    Some(&*format!("{a}{b}"))
                );
                let escaped = format!("\"{a}\\n{b}\"");
                assert_eq!(
                    read(&escaped).unwrap().root().as_str(),
                    Some(&*format!("{a}\n{b}"))
                );
                let control = format!("\"{a}\u{1}{b}\"");
                let err = read(&control).unwrap_err();
                let column = 2 + a.chars().count() as u32;
                assert_eq!(err.pos, Pos { line: 1, column });
                assert!(err.message.contains("control character"));
            }
        }
    }

    #[test]
    fn handles_outside_the_document_are_harmless() {
        let doc = read(r#"{"a": [1]}"#).unwrap();
        for index in [5, 1_000, u32::MAX - 1, u32::MAX] {
            let node = doc.node(index);
            assert_eq!(node.type_name(), "null");
            assert!(node.members().is_none() && node.items().is_none());
            assert_eq!(doc.pointer(index), "");
        }
    }

    #[test]
    fn numbers_match_the_standard_parser() {
        for text in [
            "0",
            "-0",
            "7",
            "-42",
            "450",
            "999999999999999",
            "-999999999999999",
            "1234567890123456",
            "9007199254740993",
            "1.5",
            "-2.5e1",
            "1e400",
            "0.1",
            "1E2",
        ] {
            let doc = read(text).unwrap();
            let Value::Number(n) = doc.root().value() else {
                panic!("number expected")
            };
            let expected = text.parse::<f64>().unwrap();
            assert_eq!(n.to_bits(), expected.to_bits(), "{text}");
        }
    }

    #[test]
    fn values_siblings_and_pointers() {
        let doc = read(r#"{"a": [1, {"b/c": [true, null]}, "s"], "~k": -2.5e1, "e": {}}"#).unwrap();
        let members: Vec<Member> = doc.root().members().unwrap().collect();
        assert_eq!(
            members.iter().map(|m| m.key).collect::<Vec<_>>(),
            ["a", "~k", "e"]
        );
        let Value::Array(items) = members[0].value.value() else {
            panic!("array expected")
        };
        let items: Vec<Node> = items.collect();
        assert_eq!(items.len(), 3);
        assert!(matches!(items[0].value(), Value::Number(n) if n == 1.0));
        assert_eq!(items[2].as_str(), Some("s"));
        assert!(matches!(members[1].value.value(), Value::Number(n) if n == -25.0));
        assert!(members[2].value.members().unwrap().is_empty());
        let inner = items[1].members().unwrap().next().unwrap();
        let Value::Array(deep) = inner.value.value() else {
            panic!("array expected")
        };
        let deep: Vec<Node> = deep.collect();
        assert_eq!(deep[1].type_name(), "null");
        assert_eq!(doc.pointer(deep[1].index()), "/a/1/b~1c/1");
        assert_eq!(doc.pointer(members[1].value.index()), "/~0k");
        assert_eq!(doc.pointer(doc.root().index()), "");
    }
}
