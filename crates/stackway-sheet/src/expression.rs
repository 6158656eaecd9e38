//! Requirement expressions: how a spreadsheet cell says what a credential requires.
//!
//! ```text
//! requirement := [ "[" label "]" ] body
//! body        := "all of" items | "any of" items | "one of" items
//!              | "choose" N "of" items
//!              | X ("credit" | "credits") "from" ids
//!              | items                       (one item: itself; several: all of them)
//! items       := item ("," item)*
//! item        := id | "(" requirement ")"
//! ids         := id ("," id)*
//! label       := text | tag ":" text ("|" tag ":" text)*
//! ```
//!
//! Keywords are case-insensitive; ids are what the feed calls ids (the validator checks their
//! form); `N` is a whole number, `X` a decimal number. Examples: `choose 2 of mc-sql, mc-viz,
//! mc-py`; `all of mc-a, (any of mc-b, mc-c)`; `6 credits from mc-a, mc-b, mc-c`;
//! `[en: Electives | fr: Cours au choix] choose 1 of mc-d, mc-e`. A group inside a list is
//! written in parentheses, so the list it belongs to is never in doubt.
//!
//! The result is the requirement as feed JSON (`canonical::Json`), so that the validator then
//! checks it like any other requirement and reports at the cell what it finds.

use stackway_core::canonical::{Json, Number};

/// Why an expression cannot be read, and where (a character offset in the cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpressionError {
    pub message: String,
    /// 0-based character offset.
    pub at: usize,
}

/// Deepest nesting of parentheses read (the feed reader's own limit is 64 levels of JSON).
const MAX_DEPTH: usize = 16;

/// Reads a requirement expression into feed JSON.
pub fn parse(text: &str) -> Result<Json, ExpressionError> {
    let mut parser = Parser {
        chars: text.chars().collect(),
        at: 0,
        depth: 0,
    };
    let requirement = parser.requirement()?;
    parser.skip_space();
    if parser.at < parser.chars.len() {
        return Err(parser.error(format!(
            "unexpected `{}`: a list continues with a comma, and a group inside a list goes in parentheses",
            parser.rest_word()
        )));
    }
    Ok(requirement)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn error(&self, message: String) -> ExpressionError {
        ExpressionError {
            message,
            at: self.at,
        }
    }

    fn skip_space(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// The next word (letters, digits, `.`, `_`, `-`), without consuming it.
    fn word_at(&self, from: usize) -> (String, usize) {
        let mut end = from;
        while self
            .chars
            .get(end)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            end += 1;
        }
        (self.chars[from..end].iter().collect(), end)
    }

    fn rest_word(&self) -> String {
        let (word, _) = self.word_at(self.at);
        if word.is_empty() {
            self.chars
                .get(self.at)
                .map(|c| c.to_string())
                .unwrap_or_default()
        } else {
            word
        }
    }

    /// Consumes `keyword` (case-insensitive, a whole word) when it comes next.
    fn keyword(&mut self, keyword: &str) -> bool {
        self.skip_space();
        let (word, end) = self.word_at(self.at);
        if word.eq_ignore_ascii_case(keyword) {
            self.at = end;
            true
        } else {
            false
        }
    }

    fn requirement(&mut self) -> Result<Json, ExpressionError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("groups nested deeper than {MAX_DEPTH} levels")));
        }
        let label = if self.eat('[') {
            Some(self.label()?)
        } else {
            None
        };
        let mut body = self.body()?;
        if let Some(label) = label {
            match &mut body {
                Json::Object(members) => members.push(("label".into(), label)),
                _ => {
                    return Err(self.error(
                        "a label belongs to a group (all of, any of, choose, credits from), not to one credential".into(),
                    ))
                }
            }
        }
        self.depth -= 1;
        Ok(body)
    }

    fn body(&mut self) -> Result<Json, ExpressionError> {
        let start = self.at;
        if self.keyword("all") {
            return self.group_of("all", start);
        }
        if self.keyword("any") || self.keyword("one") {
            return self.group_of("any", start);
        }
        if self.keyword("choose") {
            let n = self.number()?;
            let Some(count) = n.as_str().parse::<u32>().ok().filter(|n| *n >= 1) else {
                return Err(ExpressionError {
                    message: format!(
                        "`choose` needs a whole number of at least 1, found `{}`",
                        n.as_str()
                    ),
                    at: start,
                });
            };
            if !self.keyword("of") && !self.keyword("from") {
                return Err(self.error(format!("expected `of` after `choose {count}`")));
            }
            let from = self.items()?;
            return Ok(Json::Object(vec![
                ("choose".into(), Json::Number(n)),
                ("from".into(), Json::Array(from)),
            ]));
        }
        self.skip_space();
        if self.chars.get(self.at).is_some_and(|c| c.is_ascii_digit()) {
            let (word, end) = self.word_at(self.at);
            let after = {
                let mut look = Parser {
                    chars: self.chars.clone(),
                    at: end,
                    depth: 0,
                };
                look.keyword("credits") || look.keyword("credit")
            };
            if after && Number::parse(&word).is_some() {
                let credits = self.number()?;
                let _ = self.keyword("credits") || self.keyword("credit");
                if !self.keyword("from") && !self.keyword("of") {
                    return Err(self.error("expected `from` after the number of credits".into()));
                }
                let ids = self.ids()?;
                return Ok(Json::Object(vec![
                    ("credits".into(), Json::Number(credits)),
                    ("from".into(), Json::Array(ids)),
                ]));
            }
        }
        let mut items = self.items()?;
        if items.len() == 1 {
            Ok(items.remove(0))
        } else {
            Ok(Json::Object(vec![("all".into(), Json::Array(items))]))
        }
    }

    fn group_of(&mut self, key: &str, start: usize) -> Result<Json, ExpressionError> {
        if !self.keyword("of") {
            return Err(ExpressionError {
                message: format!(
                    "expected `of` after `{}`",
                    self.chars[start..self.at].iter().collect::<String>().trim()
                ),
                at: self.at,
            });
        }
        let items = self.items()?;
        Ok(Json::Object(vec![(key.into(), Json::Array(items))]))
    }

    fn number(&mut self) -> Result<Number, ExpressionError> {
        self.skip_space();
        let (word, end) = self.word_at(self.at);
        match Number::parse(&word) {
            Some(n) => {
                self.at = end;
                Ok(n)
            }
            None => Err(self.error(format!("expected a number, found `{}`", self.rest_word()))),
        }
    }

    fn items(&mut self) -> Result<Vec<Json>, ExpressionError> {
        let mut items = vec![self.item()?];
        while self.eat(',') {
            items.push(self.item()?);
        }
        Ok(items)
    }

    fn item(&mut self) -> Result<Json, ExpressionError> {
        if self.eat('(') {
            let inner = self.requirement()?;
            if !self.eat(')') {
                return Err(self.error("expected `)` to close the group".into()));
            }
            return Ok(inner);
        }
        self.id().map(Json::String)
    }

    fn ids(&mut self) -> Result<Vec<Json>, ExpressionError> {
        let mut ids = vec![Json::String(self.id()?)];
        while self.eat(',') {
            ids.push(Json::String(self.id()?));
        }
        Ok(ids)
    }

    fn id(&mut self) -> Result<String, ExpressionError> {
        self.skip_space();
        let (word, end) = self.word_at(self.at);
        if word.is_empty() {
            return Err(match self.chars.get(self.at) {
                None => self.error("expected a credential id, found the end of the cell".into()),
                Some(c) => self.error(format!("expected a credential id, found `{c}`")),
            });
        }
        self.at = end;
        Ok(word)
    }

    /// `text]` or `tag: text | tag: text]`, after the opening bracket.
    fn label(&mut self) -> Result<Json, ExpressionError> {
        let start = self.at;
        let Some(close) = self.chars[start..].iter().position(|c| *c == ']') else {
            return Err(self.error("the label has no closing `]`".into()));
        };
        let inside: String = self.chars[start..start + close].iter().collect();
        self.at = start + close + 1;
        let parts: Vec<&str> = inside.split('|').collect();
        let tagged: Vec<Option<(&str, &str)>> = parts
            .iter()
            .map(|part| {
                let (tag, text) = part.split_once(':')?;
                let tag = tag.trim();
                stackway_core::validate::values::is_language_tag(tag).then(|| (tag, text.trim()))
            })
            .collect();
        if tagged.iter().all(Option::is_some) {
            let members = tagged
                .into_iter()
                .flatten()
                .map(|(tag, text)| (tag.to_owned(), Json::String(text.to_owned())))
                .collect();
            return Ok(Json::Object(members));
        }
        if parts.len() > 1 {
            return Err(ExpressionError {
                message:
                    "a label in several languages is written `[en: Electives | fr: Cours au choix]`"
                        .into(),
                at: start,
            });
        }
        Ok(Json::String(inside.trim().to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackway_core::canonical::write;

    fn compact(text: &str) -> String {
        let json = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        write(&json).split_whitespace().collect()
    }

    #[test]
    fn the_forms_of_the_grammar() {
        assert_eq!(compact("mc-a"), r#""mc-a""#);
        assert_eq!(
            compact("choose 2 of mc-sql, mc-viz, mc-py"),
            r#"{"choose":2,"from":["mc-sql","mc-viz","mc-py"]}"#
        );
        assert_eq!(compact("ALL OF a, b"), r#"{"all":["a","b"]}"#);
        assert_eq!(compact("a, b"), r#"{"all":["a","b"]}"#);
        assert_eq!(compact("one of a, b"), r#"{"any":["a","b"]}"#);
        assert_eq!(
            compact("6 credits from a, b, c"),
            r#"{"credits":6,"from":["a","b","c"]}"#
        );
        assert_eq!(
            compact("1.5 credit from a"),
            r#"{"credits":1.5,"from":["a"]}"#
        );
        assert_eq!(
            compact("all of a, (any of b, (choose 1 of c, d)), (3 credits from e, f)"),
            r#"{"all":["a",{"any":["b",{"choose":1,"from":["c","d"]}]},{"credits":3,"from":["e","f"]}]}"#
        );
        assert_eq!(
            compact("[en: Electives | fr: Cours au choix] choose 1 of a, b"),
            r#"{"choose":1,"from":["a","b"],"label":{"en":"Electives","fr":"Coursauchoix"}}"#
        );
        assert_eq!(
            compact("all of a, ([Tools] any of b, c)"),
            r#"{"all":["a",{"any":["b","c"],"label":"Tools"}]}"#
        );
    }

    #[test]
    fn mistakes_are_reported_where_they_are() {
        for (text, at, says) in [
            ("choose two of a, b", 7, "expected a number"),
            ("choose 0 of a", 0, "whole number"),
            ("all a, b", 4, "expected `of`"),
            ("all of a b", 9, "unexpected `b`"),
            ("all of a, (any of b", 19, "`)`"),
            ("all of a,", 9, "end of the cell"),
            ("[Label] a", 9, "belongs to a group"),
            ("[Electives choose 1 of a", 1, "closing `]`"),
            ("5 credits of", 12, "end of the cell"),
        ] {
            let error = parse(text).unwrap_err();
            assert!(error.message.contains(says), "{text}: {error:?}");
            assert_eq!(error.at, at, "{text}: {error:?}");
        }
        let deep = format!("{}a{}", "(all of ".repeat(20), ")".repeat(20));
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
