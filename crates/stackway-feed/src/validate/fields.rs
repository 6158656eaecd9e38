//! Reading objects and scalar fields: types, required fields, unknown keys, numbers, URLs,
//! dates, ids and texts. Each reader reports what is wrong and returns `None` for a value that
//! cannot be used, so callers can drop just that part.
//!
//! What an object's keys are, which are required, how each value is named in messages, number
//! ranges and whether an empty list is an error all come from the format's one field table
//! (`crate::field_table`): an [`Obj`] knows its table entry, and its readers (`obj.text(ctx,
//! "title")`, `obj.number(ctx, "hours")`) look the field up there.

use crate::diagnostics::Code;
use std::cell::Cell;

use super::ids::{is_valid_id, ID_PATTERN};
use super::suggest::did_you_mean;
use super::values::url_problem;
use super::{Ctx, Reference};
use crate::date::Date;
use crate::decimal;
use crate::diagnostics::Severity;
use crate::feed::{LangMap, Text};
use crate::field_table::{Empty, Field, Object, Range, Type};
use crate::json::{Items, Members, Node};

/// The most known keys an object kind has (a credential has 21).
const MAX_KEYS: usize = 24;

/// Whether two short strings are equal (keys are a few bytes: a plain loop, no call).
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a.get(i) != b.get(i) {
            return false;
        }
        i += 1;
    }
    true
}

/// An object being read: its node, its entry in the field table and, for each known key, its
/// first member.
pub(crate) struct Obj<'d> {
    pub node: Node<'d>,
    members: Members<'d>,
    spec: &'static Object,
    /// Slot index of the first value for each known key (0, the document root, for none).
    first: [u32; MAX_KEYS],
    /// Where the next look-up starts: readers ask for keys in the order of `known`.
    cursor: Cell<usize>,
}

/// The position of `key` in `known`, searching from `start` and wrapping around: feeds
/// usually list keys in the documented order, so the first comparison mostly hits.
#[inline(always)]
fn key_index(known: &[Field], key: &str, start: usize) -> Option<usize> {
    // Plain loops and matches: the size-optimised build does not inline iterator adapters.
    let mut i = start;
    while let Some(k) = known.get(i) {
        if same(k.key, key) {
            return Some(i);
        }
        i += 1;
    }
    let mut i = 0;
    while i < start {
        match known.get(i) {
            Some(k) if same(k.key, key) => return Some(i),
            Some(_) => i += 1,
            None => break,
        }
    }
    None
}

impl<'d> Obj<'d> {
    /// The first member named `key`.
    pub fn get(&self, key: &str) -> Option<Node<'d>> {
        match key_index(self.spec.fields, key, self.cursor.get()) {
            Some(i) => self.at(i),
            None => self
                .members
                .clone()
                .find(|m| same(m.key, key))
                .map(|m| m.value),
        }
    }

    /// The first member for the `i`th field of the table's object.
    #[inline(always)]
    fn at(&self, i: usize) -> Option<Node<'d>> {
        if i >= MAX_KEYS {
            let key = self.spec.fields.get(i)?.key;
            return self
                .members
                .clone()
                .find(|m| same(m.key, key))
                .map(|m| m.value);
        }
        self.cursor.set(i + 1);
        let index = self.first.get(i).copied().unwrap_or(0);
        (index != 0).then(|| self.node.doc().node(index))
    }

    /// The member for the table's field `key`, with that field; reports `missing-field` when it
    /// is absent and the table says it is required.
    pub fn member(&self, ctx: &mut Ctx, key: &str) -> Option<(Node<'d>, &'static Field)> {
        let i = key_index(self.spec.fields, key, self.cursor.get())?;
        let field = self.spec.fields.get(i)?;
        let found = self.at(i);
        if found.is_none() && field.required {
            ctx.error(
                Code::MissingField,
                self.node,
                format!(
                    "{} is missing the required field `{key}`",
                    self.spec.subject
                ),
            );
        }
        found.map(|node| (node, field))
    }

    /// The field `key` as a string.
    pub fn string(&self, ctx: &mut Ctx, key: &str) -> Option<&'d str> {
        let (node, field) = self.member(ctx, key)?;
        string(ctx, node, field.subject)
    }

    /// The field `key` as an id.
    pub fn id(&self, ctx: &mut Ctx, key: &str) -> Option<&'d str> {
        let (node, field) = self.member(ctx, key)?;
        id(ctx, node, field.subject)
    }

    /// The field `key` as a Text.
    pub fn text(&self, ctx: &mut Ctx, key: &str) -> Option<Text> {
        let (node, field) = self.member(ctx, key)?;
        text(ctx, node, field.subject)
    }

    /// The field `key` as a URL.
    pub fn url(&self, ctx: &mut Ctx, key: &str) -> Option<String> {
        let (node, field) = self.member(ctx, key)?;
        url(ctx, node, field.subject)
    }

    /// The field `key` as a date.
    pub fn date(&self, ctx: &mut Ctx, key: &str) -> Option<String> {
        let (node, field) = self.member(ctx, key)?;
        date(ctx, node, field.subject)
    }

    /// The field `key` as a number in the table's range.
    pub fn number(&self, ctx: &mut Ctx, key: &str) -> Option<f64> {
        let (node, field) = self.member(ctx, key)?;
        number(ctx, node, field)
    }

    /// The field `key` as a list (its items), with the table's rule for an empty list.
    pub fn list(&self, ctx: &mut Ctx, key: &str) -> Option<(Items<'d>, &'static Field)> {
        let (node, field) = self.member(ctx, key)?;
        let items = list(ctx, node, field)?;
        Some((items, field))
    }
}

/// Reads `node` as an object of the table's kind `spec`, reporting `wrong-type` otherwise; warns
/// about unknown and repeated keys.
pub(crate) fn object<'d>(ctx: &mut Ctx, node: Node<'d>, spec: &'static Object) -> Option<Obj<'d>> {
    let what = spec.subject;
    let known = spec.fields;
    let Some(members) = node.members() else {
        wrong_type(ctx, node, &format!("{what} must be an object"));
        return None;
    };
    let mut first = [0u32; MAX_KEYS];
    let mut cursor = 0;
    for member in members.clone() {
        match key_index(known, member.key, cursor) {
            None => {
                let hint = did_you_mean(member.key, known.iter().map(|f| f.key));
                let pointer = ctx.pointer(member.value);
                ctx.report_at(
                    Code::UnknownKey,
                    Severity::Warning,
                    pointer,
                    member.key_offset,
                    format!(
                        "unknown key `{}` in {what}{hint}; it is ignored",
                        member.key
                    ),
                );
            }
            Some(i) => {
                cursor = i + 1;
                match first.get_mut(i) {
                    Some(slot @ 0) => *slot = member.value.index(),
                    // More known keys than slots: `get` falls back to a scan.
                    None => {}
                    Some(_) => {
                        let pointer = ctx.pointer(member.value);
                        ctx.report_at(
                            Code::DuplicateKey,
                            Severity::Warning,
                            pointer,
                            member.key_offset,
                            format!(
                                "key `{}` appears more than once; the first one is used",
                                member.key
                            ),
                        );
                    }
                }
            }
        }
    }
    Some(Obj {
        node,
        members,
        spec,
        first,
        cursor: Cell::new(0),
    })
}

pub(crate) fn wrong_type(ctx: &mut Ctx, node: Node, expectation: &str) {
    ctx.error(
        Code::WrongType,
        node,
        format!("{expectation}, found {}", node.type_name()),
    );
}

pub(crate) fn string<'d>(ctx: &mut Ctx, node: Node<'d>, what: &str) -> Option<&'d str> {
    match node.as_str() {
        Some(s) => Some(s),
        None => {
            wrong_type(ctx, node, &format!("{what} must be a string"));
            None
        }
    }
}

/// An array; `empty_is_error` says whether `[]` is an error (otherwise a warning).
pub(crate) fn array<'d>(
    ctx: &mut Ctx,
    node: Node<'d>,
    what: &str,
    empty_is_error: bool,
) -> Option<Items<'d>> {
    match node.items() {
        Some(items) => {
            if items.is_empty() {
                let message = format!("{what} is an empty list");
                if empty_is_error {
                    ctx.error(Code::EmptyList, node, message);
                } else {
                    ctx.warning(Code::EmptyList, node, format!("{message}; leave it out"));
                }
            }
            Some(items)
        }
        None => {
            wrong_type(ctx, node, &format!("{what} must be a list"));
            None
        }
    }
}

/// An id (a string matching the id rule). Ids that break the rule are reported but kept, so
/// that references to them still resolve and one mistake does not cascade.
pub(crate) fn id<'d>(ctx: &mut Ctx, node: Node<'d>, what: &str) -> Option<&'d str> {
    let s = string(ctx, node, what)?;
    if !is_valid_id(s) {
        ctx.error(
            Code::InvalidId,
            node,
            format!("{what} `{}` must match {ID_PATTERN} (lower-case letters, digits, `.`, `_`, `-`; at most 64 characters)", shorten(s)),
        );
    }
    Some(s)
}

/// A list field of references, each item read with [`id`] and recorded for resolution;
/// unreadable items are dropped.
pub(crate) fn reference_list<'d>(
    ctx: &mut Ctx<'d>,
    node: Node<'d>,
    field: &Field,
) -> Option<Vec<String>> {
    let what = field.subject;
    let target = target(field)?;
    let items = list(ctx, node, field)?;
    let mut out = Vec::new();
    for item in items {
        let id = match item.as_str() {
            Some(s) if is_valid_id(s) => Some(s),
            _ => id(ctx, item, &format!("each item of {what}")),
        };
        if let Some(id) = id {
            ctx.references.push(Reference::new(target, id, item));
            out.push(id.to_owned());
        }
    }
    Some(out)
}

/// A number within `field`'s range (a number field of the table).
pub(crate) fn number(ctx: &mut Ctx, node: Node, field: &Field) -> Option<f64> {
    const ANY: Range = Range {
        min: f64::NEG_INFINITY,
        min_exclusive: false,
        max: f64::INFINITY,
    };
    number_in(ctx, node, field.subject, field.range().unwrap_or(&ANY))
}

/// A number within `range`.
pub(crate) fn number_in(ctx: &mut Ctx, node: Node, what: &str, range: &Range) -> Option<f64> {
    let Some(n) = node.number() else {
        wrong_type(ctx, node, &format!("{what} must be a number"));
        return None;
    };
    if !range.contains(n) {
        let bound = if range.min_exclusive {
            "greater than"
        } else {
            "at least"
        };
        ctx.error(
            Code::NumberOutOfRange,
            node,
            format!(
                "{what} must be {bound} {} and at most {}, found {}",
                decimal::show(range.min),
                decimal::show(range.max),
                node.number_text().unwrap_or_default()
            ),
        );
        return None;
    }
    Some(n)
}

/// A list field's items, with the table's rule for an empty list.
pub(crate) fn list<'d>(ctx: &mut Ctx, node: Node<'d>, field: &Field) -> Option<Items<'d>> {
    let empty_is_error = field.list().is_some_and(|l| l.empty == Empty::Error);
    array(ctx, node, field.subject, empty_is_error)
}

/// The item subject of a list field ("a tag").
pub(crate) fn item_subject(field: &Field) -> &'static str {
    field.list().map_or("", |l| l.item_subject)
}

/// The target of a reference field, or of a list field's references.
pub(crate) fn target(field: &Field) -> Option<super::Target> {
    match &field.ty {
        Type::Ref(target) => Some(*target),
        Type::List(list) => match list.item {
            Type::Ref(target) => Some(target),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn url(ctx: &mut Ctx, node: Node, what: &str) -> Option<String> {
    let s = string(ctx, node, what)?;
    if let Some(problem) = url_problem(s) {
        ctx.error(
            Code::InvalidUrl,
            node,
            format!("{what} `{}` is not allowed: {problem}", shorten(s)),
        );
        return None;
    }
    Some(s.to_owned())
}

pub(crate) fn date(ctx: &mut Ctx, node: Node, what: &str) -> Option<String> {
    let s = string(ctx, node, what)?;
    if Date::parse(s).is_none() {
        ctx.error(
            Code::InvalidDate,
            node,
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
pub(crate) fn text(ctx: &mut Ctx, node: Node, what: &str) -> Option<Text> {
    if let Some(s) = node.as_str() {
        return Some(Text::Plain(s.to_owned()));
    }
    match node.members() {
        Some(members) => {
            let mut entries: Vec<(String, String)> = Vec::new();
            // Declared languages present under their exact tag: when that is all of them (the
            // usual case), no look-up is needed to find missing translations.
            let mut exact = 0usize;
            for member in members {
                // Only build the message when there is something to report.
                let found = match member.value.as_str() {
                    Some(s) => Some(s),
                    None => string(
                        ctx,
                        member.value,
                        &format!("the `{}` text of {what}", member.key),
                    ),
                };
                if let Some(s) = found {
                    entries.push((member.key.to_owned(), s.to_owned()));
                }
            }
            // A key written twice keeps its first string (the JSON reader reports the second).
            let map = LangMap::first_wins(entries);
            for (tag, _) in map.iter() {
                if ctx.languages.iter().any(|l| same(l, tag)) {
                    exact += 1;
                }
            }
            if map.is_empty() {
                ctx.error(
                    Code::EmptyText,
                    node,
                    format!("{what} has no text in any language"),
                );
                return None;
            }
            let text = Text::Localized(map);
            if exact == ctx.languages.len() {
                return Some(text);
            }
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
                ctx.warning(Code::MissingTranslation, node, message);
            }
            Some(text)
        }
        None => {
            wrong_type(
                ctx,
                node,
                &format!("{what} must be a string or an object of translations"),
            );
            None
        }
    }
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

/// A reference field (`counts_as`, `goal`, a credential's `provider`), recorded for resolution.
pub(crate) fn reference<'d>(ctx: &mut Ctx<'d>, obj: &Obj<'d>, key: &str) -> Option<String> {
    let (node, field) = obj.member(ctx, key)?;
    let id = id(ctx, node, field.subject)?;
    if let Some(target) = target(field) {
        ctx.references.push(Reference::new(target, id, node));
    }
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field_table::{CREDENTIAL, OBJECTS};

    #[test]
    fn every_object_of_the_table_fits_the_lookup_table() {
        // Keys past MAX_KEYS would still be found, but repeats of them would not be reported.
        for object in OBJECTS {
            assert!(object.fields.len() <= MAX_KEYS, "{}", object.subject);
        }
    }

    #[test]
    fn key_lookup_wraps_around_from_the_cursor() {
        let known = CREDENTIAL.fields;
        assert_eq!(key_index(known, "id", 0), Some(0));
        assert_eq!(key_index(known, "id", 2), Some(0));
        assert_eq!(key_index(known, "title", 1), Some(2));
        assert_eq!(key_index(known, "kind", 3), Some(1));
        assert_eq!(key_index(known, "valid_years", 5), Some(known.len() - 1));
        assert_eq!(key_index(known, "titl", 1), None);
        assert_eq!(key_index(&[], "b", 0), None);
    }
}
