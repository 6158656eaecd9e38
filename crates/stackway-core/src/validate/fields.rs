//! Reading objects and scalar fields: types, required fields, unknown keys, numbers, URLs,
//! dates, ids and texts. Each reader reports what is wrong and returns `None` for a value that
//! cannot be used, so callers can drop just that part.

use std::collections::BTreeMap;

use super::ids::{is_valid_id, ID_PATTERN};
use super::suggest::did_you_mean;
use super::values::url_problem;
use super::{child, index, Ctx};
use crate::date::Date;
use crate::feed::Text;
use crate::json::{Member, Node, Value};

/// An object being read: its members, pointer and position.
pub(crate) struct Obj<'a> {
    pub members: &'a [Member<'a>],
    pub pointer: &'a str,
    pub node: &'a Node<'a>,
}

impl<'a> Obj<'a> {
    /// The first member named `key`.
    pub fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    /// The member named `key`, reporting `missing-field` when it is absent.
    pub fn required(&self, ctx: &mut Ctx, key: &str, what: &str) -> Option<&'a Node<'a>> {
        let found = self.get(key);
        if found.is_none() {
            ctx.error(
                "missing-field",
                self.pointer,
                self.node.pos,
                format!("{what} is missing the required field `{key}`"),
            );
        }
        found
    }

    /// Pointer to the member `key`.
    pub fn at(&self, key: &str) -> String {
        child(self.pointer, key)
    }
}

/// Reads `node` as an object, reporting `wrong-type` otherwise; warns about unknown and
/// repeated keys.
pub(crate) fn object<'a>(
    ctx: &mut Ctx,
    node: &'a Node,
    pointer: &'a str,
    what: &str,
    known: &[&str],
) -> Option<Obj<'a>> {
    let Value::Object(members) = &node.value else {
        wrong_type(ctx, node, pointer, &format!("{what} must be an object"));
        return None;
    };
    for (i, member) in members.iter().enumerate() {
        if !known.contains(&member.key.as_ref()) {
            let hint = did_you_mean(&member.key, known.iter().copied());
            ctx.warning(
                "unknown-key",
                &child(pointer, &member.key),
                member.key_pos,
                format!(
                    "unknown key `{}` in {what}{hint}; it is ignored",
                    member.key
                ),
            );
        } else if members
            .get(..i)
            .unwrap_or_default()
            .iter()
            .any(|m| m.key == member.key)
        {
            ctx.warning(
                "duplicate-key",
                &child(pointer, &member.key),
                member.key_pos,
                format!(
                    "key `{}` appears more than once; the first one is used",
                    member.key
                ),
            );
        }
    }
    Some(Obj {
        members,
        pointer,
        node,
    })
}

pub(crate) fn wrong_type(ctx: &mut Ctx, node: &Node, pointer: &str, expectation: &str) {
    ctx.error(
        "wrong-type",
        pointer,
        node.pos,
        format!("{expectation}, found {}", node.value.type_name()),
    );
}

pub(crate) fn string<'a>(
    ctx: &mut Ctx,
    node: &'a Node,
    pointer: &str,
    what: &str,
) -> Option<&'a str> {
    match &node.value {
        Value::String(s) => Some(s),
        _ => {
            wrong_type(ctx, node, pointer, &format!("{what} must be a string"));
            None
        }
    }
}

/// An array; `empty` says what to do with `[]`: `Some(true)` is an error, `Some(false)` a
/// warning, `None` allowed.
pub(crate) fn array<'a>(
    ctx: &mut Ctx,
    node: &'a Node,
    pointer: &str,
    what: &str,
    empty_is_error: bool,
) -> Option<&'a [Node<'a>]> {
    match &node.value {
        Value::Array(items) => {
            if items.is_empty() {
                let message = format!("{what} is an empty list");
                if empty_is_error {
                    ctx.error("empty-list", pointer, node.pos, message);
                } else {
                    ctx.warning(
                        "empty-list",
                        pointer,
                        node.pos,
                        format!("{message}; leave it out"),
                    );
                }
            }
            Some(items)
        }
        _ => {
            wrong_type(ctx, node, pointer, &format!("{what} must be a list"));
            None
        }
    }
}

/// An id (a string matching the id rule). Ids that break the rule are reported but kept, so
/// that references to them still resolve and one mistake does not cascade.
pub(crate) fn id(ctx: &mut Ctx, node: &Node, pointer: &str, what: &str) -> Option<String> {
    let s = string(ctx, node, pointer, what)?;
    if !is_valid_id(s) {
        ctx.error(
            "invalid-id",
            pointer,
            node.pos,
            format!("{what} `{}` must match {ID_PATTERN} (lower-case letters, digits, `.`, `_`, `-`; at most 64 characters)", shorten(s)),
        );
    }
    Some(s.to_owned())
}

/// A list of ids, each item read with [`id`]; unreadable items are dropped.
pub(crate) fn id_list(
    ctx: &mut Ctx,
    node: &Node,
    pointer: &str,
    what: &str,
    empty_is_error: bool,
) -> Option<Vec<(String, String, crate::json::Pos)>> {
    let items = array(ctx, node, pointer, what, empty_is_error)?;
    Some(
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let p = index(pointer, i);
                match &item.value {
                    Value::String(s) if is_valid_id(s) => Some(s.to_string()),
                    _ => id(ctx, item, &p, &format!("each item of {what}")),
                }
                .map(|s| (s, p, item.pos))
            })
            .collect(),
    )
}

/// A number within `[min, max]` (with `min` excluded when `min_exclusive`).
pub(crate) fn number(
    ctx: &mut Ctx,
    node: &Node,
    pointer: &str,
    what: &str,
    min: f64,
    min_exclusive: bool,
    max: f64,
) -> Option<f64> {
    let Value::Number(n) = node.value else {
        wrong_type(ctx, node, pointer, &format!("{what} must be a number"));
        return None;
    };
    let too_low = if min_exclusive { n <= min } else { n < min };
    if !n.is_finite() || too_low || n > max {
        let bound = if min_exclusive {
            "greater than"
        } else {
            "at least"
        };
        ctx.error(
            "number-out-of-range",
            pointer,
            node.pos,
            format!("{what} must be {bound} {min} and at most {max}, found {n}"),
        );
        return None;
    }
    Some(n)
}

pub(crate) fn url(ctx: &mut Ctx, node: &Node, pointer: &str, what: &str) -> Option<String> {
    let s = string(ctx, node, pointer, what)?;
    if let Some(problem) = url_problem(s) {
        ctx.error(
            "invalid-url",
            pointer,
            node.pos,
            format!("{what} `{}` is not allowed: {problem}", shorten(s)),
        );
        return None;
    }
    Some(s.to_owned())
}

pub(crate) fn date(ctx: &mut Ctx, node: &Node, pointer: &str, what: &str) -> Option<String> {
    let s = string(ctx, node, pointer, what)?;
    if Date::parse(s).is_none() {
        ctx.error(
            "invalid-date",
            pointer,
            node.pos,
            format!(
                "{what} `{}` is not a real calendar date in the form YYYY-MM-DD",
                shorten(s)
            ),
        );
        return None;
    }
    Some(s.to_owned())
}

/// A Text: a string, or an object from language tag to string. Warns when a declared language
/// is missing from an object.
pub(crate) fn text(ctx: &mut Ctx, node: &Node, pointer: &str, what: &str) -> Option<Text> {
    match &node.value {
        Value::String(s) => Some(Text::Plain(s.to_string())),
        Value::Object(members) => {
            let mut map = BTreeMap::new();
            for member in members {
                // Only build the pointer and message when there is something to report.
                let found = match &member.value.value {
                    Value::String(s) => Some(s.as_ref()),
                    _ => string(
                        ctx,
                        &member.value,
                        &child(pointer, &member.key),
                        &format!("the `{}` text of {what}", member.key),
                    ),
                };
                if let Some(s) = found {
                    map.entry(member.key.to_string())
                        .or_insert_with(|| s.to_owned());
                }
            }
            if map.is_empty() {
                ctx.error(
                    "empty-text",
                    pointer,
                    node.pos,
                    format!("{what} has no text in any language"),
                );
                return None;
            }
            let text = Text::Localized(map);
            let missing: Vec<&str> = ctx
                .languages
                .iter()
                .map(String::as_str)
                .filter(|lang| !text.has_lang(lang))
                .collect();
            if !missing.is_empty() {
                let message = format!(
                    "{what} has no text in {}; the default language is shown instead",
                    missing.join(", ")
                );
                ctx.warning("missing-translation", pointer, node.pos, message);
            }
            Some(text)
        }
        _ => {
            wrong_type(
                ctx,
                node,
                pointer,
                &format!("{what} must be a string or an object of translations"),
            );
            None
        }
    }
}

/// An optional member read with `read` when present.
pub(crate) fn optional<T>(
    ctx: &mut Ctx,
    obj: &Obj,
    key: &str,
    read: impl FnOnce(&mut Ctx, &Node, &str) -> Option<T>,
) -> Option<T> {
    let node = obj.get(key)?;
    let pointer = obj.at(key);
    read(ctx, node, &pointer)
}

/// A long value cut short for messages.
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}…")
    } else {
        s.to_owned()
    }
}
