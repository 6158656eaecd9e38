//! No hand-written function in the workspace is longer than [`MAX_LINES`] lines (issue 19,
//! point 4), so that each can be read at once. A function's length runs from the line of its
//! `fn` keyword to the line of its closing brace, comments and blank lines included.
//!
//! The check reads every `.rs` file of the workspace below its root, except what is built or
//! installed there (`target/`, `node_modules/`, `pkg/`, `dist/`, hidden folders): code a
//! build script writes goes to `target/`, and what a macro expands to is never in a file, so
//! both are out of its scope. It finds functions with a small Rust lexer rather than a regular
//! expression, because braces inside strings, raw strings, character literals and comments would
//! otherwise be counted, and a lifetime such as `'a` would be read as the start of a character
//! literal. The lexer is tested on its own below, so that the check is known to be able to fail.

use std::path::{Path, PathBuf};

/// The most lines a hand-written function may span.
const MAX_LINES: usize = 120;

/// Folders that hold what is built, installed or generated, never hand-written code.
const SKIPPED_FOLDERS: &[&str] = &["target", "node_modules", "pkg", "dist"];

/// One function found in a source text.
#[derive(Debug, PartialEq, Eq)]
struct Function {
    name: String,
    /// The line of its `fn` keyword, from 1.
    line: usize,
    /// Lines from the `fn` keyword to the closing brace, both included.
    lines: usize,
}

/// What the lexer gives the function finder: the code's words and punctuation, each with its
/// line. Literals and comments are dropped (a literal is never `fn` or a brace).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Punct(char),
}

/// Splits Rust source into words and punctuation with their line numbers (from 1), skipping
/// comments (nested block comments too), string, byte-string, C-string and raw-string literals,
/// and character and byte literals; lifetimes and labels (`'a`, `'outer`) are not literals and
/// leave their name as a word.
fn tokens(source: &str) -> Vec<(Token<'_>, usize)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Advances over `bytes[from..to]`, counting the newlines in it.
    let newlines = |from: usize, to: usize| bytes[from..to].iter().filter(|&&b| b == b'\n').count();
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i = block_comment_end(bytes, i);
        } else if let Some(end) = literal_end(bytes, i) {
            i = end;
        } else if is_word_byte(b) {
            // A raw identifier (`r#match`) is one word.
            if b == b'r' && bytes.get(i + 1) == Some(&b'#') {
                i += 2;
            }
            while i < bytes.len() && is_word_byte(bytes[i]) {
                i += 1;
            }
            out.push((Token::Word(&source[start..i]), line));
        } else {
            if !b.is_ascii_whitespace() {
                out.push((Token::Punct(b as char), line));
            }
            i += 1;
        }
        line += newlines(start, i);
    }
    out
}

/// Whether `b` can be part of a word (an identifier, a keyword or a number; bytes of non-ASCII
/// characters included).
fn is_word_byte(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphanumeric() || b >= 0x80
}

/// The end of the block comment opening at `start` (comments nest in Rust), or of the text.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// The end of the literal starting at `start`, if one starts there: `"…"`, `b"…"`, `c"…"`,
/// `r#"…"#` (any number of `#`, also `br` and `cr`), `'x'`, `'\n'`, `b'x'`. A `'` that does
/// not close a one-character literal starts a lifetime or a label, which is no literal. A
/// prefix letter is only a prefix at the start of a word (`attr"…"` is no byte string).
fn literal_end(bytes: &[u8], start: usize) -> Option<usize> {
    let word_before = start > 0 && is_word_byte(bytes[start - 1]);
    let mut i = start;
    if !word_before {
        // Skips a literal prefix: b, c, r, br, cr.
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'b' | b'c'), Some(b'r')) => i += 2,
            (Some(b'b' | b'c' | b'r'), _) => i += 1,
            _ => {}
        }
    } else if bytes[start] != b'"' && bytes[start] != b'\'' {
        return None;
    }
    let raw = i > start && bytes[i - 1] == b'r';
    if raw {
        let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
        if bytes.get(i + hashes) != Some(&b'"') {
            // `r#ident`, a raw identifier, or a word starting with r.
            return None;
        }
        let body = i + hashes + 1;
        let closing = format!("\"{}", "#".repeat(hashes)).into_bytes();
        return Some(
            bytes[body..]
                .windows(closing.len())
                .position(|w| w == closing.as_slice())
                .map_or(bytes.len(), |p| body + p + closing.len()),
        );
    }
    match bytes.get(i) {
        Some(b'"') => Some(quoted_end(bytes, i + 1, b'"')),
        Some(b'\'') if i == start || bytes[start] == b'b' => char_literal_end(bytes, i),
        _ => None,
    }
}

/// The end of a string whose body starts at `from`, after its closing `quote`; backslashes
/// escape the next byte.
fn quoted_end(bytes: &[u8], from: usize, quote: u8) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the character literal whose `'` is at `quote`, or `None` when that `'` starts a
/// lifetime or label: a literal is an escape, or exactly one character, then `'`.
fn char_literal_end(bytes: &[u8], quote: usize) -> Option<usize> {
    match bytes.get(quote + 1)? {
        b'\\' => Some(quoted_end(bytes, quote + 1, b'\'')),
        &first => {
            // One character may be several bytes in UTF-8.
            let width = match first {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            (bytes.get(quote + 1 + width) == Some(&b'\'') && first != b'\'')
                .then_some(quote + 2 + width)
        }
    }
}

/// Every function with a body in `source`: `fn NAME`, its signature, then its braces. Methods
/// declared without a body (`fn f();`) and function pointer types (`fn(u8)`) are not functions.
fn functions(source: &str) -> Vec<Function> {
    let tokens = tokens(source);
    let mut found = Vec::new();
    for (at, window) in tokens.windows(2).enumerate() {
        let [(Token::Word("fn"), line), (Token::Word(name), _)] = window else {
            continue;
        };
        if let Some(end_line) = body_end_line(&tokens[at + 2..]) {
            found.push(Function {
                name: (*name).to_owned(),
                line: *line,
                lines: end_line - line + 1,
            });
        }
    }
    found
}

/// The line of the closing brace of the body that follows a function's name in `rest`; `None`
/// when a `;` ends the declaration first (no body), or the text ends.
fn body_end_line(rest: &[(Token<'_>, usize)]) -> Option<usize> {
    // Inside the signature, braces can only come inside parentheses or brackets (a const
    // generic expression); the body is the first brace outside them.
    let mut nesting = 0usize;
    let mut depth = 0usize;
    for &(token, line) in rest {
        match token {
            Token::Punct('(' | '[') if depth == 0 => nesting += 1,
            Token::Punct(')' | ']') if depth == 0 => nesting = nesting.saturating_sub(1),
            Token::Punct(';') if depth == 0 && nesting == 0 => return None,
            Token::Punct('{') if nesting == 0 => depth += 1,
            Token::Punct('}') if nesting == 0 => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(line);
                }
            }
            _ => {}
        }
    }
    None
}

/// Every `.rs` file below `folder`, except in [`SKIPPED_FOLDERS`] and hidden folders.
fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !name.starts_with('.') && !SKIPPED_FOLDERS.contains(&name) {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

/// The functions over [`MAX_LINES`] in `source`, one line each: `path:line name (N lines)`.
fn too_long(path: &str, source: &str) -> Vec<String> {
    functions(source)
        .into_iter()
        .filter(|f| f.lines > MAX_LINES)
        .map(|f| format!("{path}:{} {} ({} lines)", f.line, f.name, f.lines))
        .collect()
}

#[test]
fn no_hand_written_function_is_over_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace");
    let mut files = Vec::new();
    rust_files(root, &mut files);
    // The workspace's own sources must be there, or the check would pass on nothing.
    assert!(
        files.len() > 100,
        "found only {} Rust files below {}",
        files.len(),
        root.display()
    );
    let mut long = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a readable source file");
        let relative = file.strip_prefix(root).unwrap_or(file);
        long.extend(too_long(&relative.display().to_string(), &source));
    }
    assert!(
        long.is_empty(),
        "{} functions are over {MAX_LINES} lines; split them by meaning (issue 19, point 4):\n{}",
        long.len(),
        long.join("\n")
    );
}

/// A function of `lines` lines whose body holds `filler` on each line between its braces.
fn function_of(name: &str, lines: usize, filler: &str) -> String {
    let mut text = format!("fn {name}() {{\n");
    for _ in 0..lines - 2 {
        text.push_str(filler);
        text.push('\n');
    }
    text.push_str("}\n");
    text
}

#[test]
fn a_function_over_the_limit_is_reported_and_one_at_it_is_not() {
    let source = format!(
        "// A small file.\n{}\n{}",
        function_of("long", MAX_LINES + 1, "    step();"),
        function_of("just_right", MAX_LINES, "    step();")
    );
    assert_eq!(
        too_long("demo.rs", &source),
        vec![format!("demo.rs:2 long ({} lines)", MAX_LINES + 1)]
    );
}

#[test]
fn braces_in_literals_and_comments_do_not_count() {
    let source = r####"
fn literals<'a>(text: &'a str) -> usize {
    let open = '{';
    let close = b'}';
    let quote = '\'';
    let escaped = "\"{";
    let raw = r#"}" still inside"#;
    let raw_bytes = br##"}"#}"##;
    // a comment with a brace }
    /* a block /* nested } */ comment } */
    'outer: loop { break 'outer; }
    text.len()
}

fn after() {
}
"####;
    assert_eq!(
        functions(source),
        vec![
            Function {
                name: "literals".into(),
                line: 2,
                lines: 12
            },
            Function {
                name: "after".into(),
                line: 15,
                lines: 2
            },
        ]
    );
}

#[test]
fn lifetimes_are_not_character_literals() {
    // Read as a character literal, `'a, '` would swallow the comma and break the count.
    let source = "fn pick<'a, 'b>(x: &'a str, _: &'b str) -> &'a str {\n    x\n}\nfn next() {}\n";
    let found = functions(source);
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].line, found[0].lines), (1, 3));
    assert_eq!((found[1].name.as_str(), found[1].line), ("next", 4));
}

#[test]
fn declarations_and_function_pointers_are_not_functions() {
    let source = "trait T {\n    fn declared(&self);\n    fn with_default(&self) {}\n}\n\
                  type Hook = fn(u8) -> u8;\nfn takes(f: fn(u8) -> u8, a: [u8; { 2 }]) -> u8 {\n    f(a[0])\n}\n";
    let names: Vec<(String, usize)> = functions(source)
        .into_iter()
        .map(|f| (f.name, f.lines))
        .collect();
    assert_eq!(
        names,
        vec![("with_default".to_owned(), 1), ("takes".to_owned(), 3)]
    );
}

#[test]
fn multibyte_characters_and_raw_identifiers_are_read_whole() {
    let source = "fn arrows() -> [char; 2] {\n    ['→', 'é']\n}\nfn r#match() {\n    let r#type = \"}\";\n}\n";
    let found: Vec<(String, usize)> = functions(source)
        .into_iter()
        .map(|f| (f.name, f.lines))
        .collect();
    assert_eq!(
        found,
        vec![("arrows".to_owned(), 3), ("r#match".to_owned(), 3)]
    );
}
