//! Feed format v1, described once: every object, every field, its JSON type, its limits,
//! whether it is required, and (feature `field-docs`) its label and help text in English and
//! French.
//!
//! Everything that knows the format's fields is built from this table: the validator's field
//! checks (known keys, required fields, types, number ranges, empty lists: `validate::fields`
//! reads them here), the JSON Schema (`schema`, `stackway schema`), the field reference in
//! `docs/feed-format.md` ([`reference`]), the canonical key order (`canonical`) and the studio's
//! forms. Tests in `tests/field_table.rs` check, field by field, that the validator and the
//! schema do what the table says and that the committed documentation is the generated one.
//!
//! The words are behind a feature because the widget reads feeds with the validator (so it
//! links the table) but never shows a form: without `field-docs`, [`Doc`] is empty and the
//! `words!` strings are not compiled at all, so they cannot reach the widget's first download.
//! The serde model (`feed.rs`) stays hand-written Rust types; a test checks that it reads and
//! writes exactly the table's keys.

#[cfg(feature = "field-docs")]
pub mod reference;
mod v1;

pub use v1::*;

/// One kind of JSON object of the format.
#[derive(Debug)]
pub struct Object {
    /// Its name in the JSON Schema's `$defs` (`credential`, `cost`, `all-group`); with the
    /// words, since the validator (and so the widget) never needs it.
    #[cfg(feature = "field-docs")]
    pub name: &'static str,
    /// How the validator's messages name one ("a credential", "`cost`", "the feed").
    pub subject: &'static str,
    /// Its fields, in the documented order (which is also the canonical order of keys).
    pub fields: &'static [Field],
    pub doc: Doc,
}

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// The key, as written in a feed.
    pub key: &'static str,
    pub ty: Type,
    /// Whether the object is incomplete without it (`missing-field`).
    pub required: bool,
    /// How the validator's messages name its value ("the title", "`hours`").
    pub subject: &'static str,
    pub doc: Doc,
}

/// What a field holds.
#[derive(Debug)]
pub enum Type {
    /// The format version: the number 1.
    Version,
    /// Any string.
    String,
    /// The object's own id, unique in its list: `^[a-z0-9][a-z0-9._-]{0,63}$`.
    Id,
    /// The id of another object of the feed.
    Ref(Target),
    /// A string, or an object from language tag to string.
    Text,
    /// An absolute http(s) URL.
    Url,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A number within a range (behind a reference, so that every field's entry stays small:
    /// the widget carries the table).
    Number(&'static Range),
    /// A whole number within a range.
    Integer(&'static Range),
    /// One of the credential kinds (`feed::Kind`).
    Kind,
    /// One of the delivery modes (`feed::Delivery`).
    Delivery,
    /// An active ISO 4217 currency code.
    Currency,
    /// A language tag such as `en` or `fr-CA`.
    LanguageTag,
    /// An object of the format.
    Object(&'static Object),
    /// A credential id or a requirement group ([`REQUIREMENT_GROUPS`]).
    Requirement,
    /// A list.
    List(&'static List),
}

/// What a reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Credential,
    Skill,
    Institution,
}

/// The values a number may take: `min` (excluded when `min_exclusive`) to `max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: f64,
    pub min_exclusive: bool,
    pub max: f64,
}

impl Range {
    /// Whether `value` is in the range (never for NaN or infinities).
    pub fn contains(&self, value: f64) -> bool {
        let above = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        value.is_finite() && above && value <= self.max
    }
}

/// A list field.
#[derive(Debug)]
pub struct List {
    pub item: Type,
    /// How messages name one item ("a tag"); empty for items named otherwise (objects by their
    /// own subject, references as "each item of `skills`").
    pub item_subject: &'static str,
    /// Whether an empty list is an error (content is required) or a warning (leave it out).
    pub empty: Empty,
    /// Whether an item may appear only once.
    pub unique: bool,
}

/// What an empty list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    Error,
    Warning,
}

/// A value a field may take from a fixed list (a kind, a delivery mode), with its words.
#[derive(Debug)]
pub struct Choice {
    pub value: &'static str,
    pub doc: Doc,
}

/// A label and a help text, in English and French (empty without the feature `field-docs`).
#[derive(Debug, Clone, Copy)]
pub struct Doc {
    #[cfg(feature = "field-docs")]
    pub label: Words,
    #[cfg(feature = "field-docs")]
    pub help: Words,
}

/// One piece of text in the languages of the studio and the documentation.
#[cfg(feature = "field-docs")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub en: &'static str,
    pub fr: &'static str,
}

#[cfg(feature = "field-docs")]
impl Words {
    /// The text for a language tag: French for `fr` and its regional tags, English otherwise.
    pub fn get(&self, lang: &str) -> &'static str {
        if crate::feed::same_language(lang, "fr") {
            self.fr
        } else {
            self.en
        }
    }
}

/// Builds a [`Doc`]: label and help in English, then in French. Without the feature the
/// strings are dropped here, before they are compiled.
macro_rules! words {
    ($label_en:literal, $label_fr:literal, $help_en:literal, $help_fr:literal $(,)?) => {
        $crate::field_table::Doc {
            #[cfg(feature = "field-docs")]
            label: $crate::field_table::Words {
                en: $label_en,
                fr: $label_fr,
            },
            #[cfg(feature = "field-docs")]
            help: $crate::field_table::Words {
                en: $help_en,
                fr: $help_fr,
            },
        }
    };
}
pub(crate) use words;

impl Object {
    /// The field named `key`.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The position of `key` among the fields.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }
}

impl Field {
    /// The field's label in `lang` (see [`Words::get`]).
    #[cfg(feature = "field-docs")]
    pub fn label(&self, lang: &str) -> &'static str {
        self.doc.label.get(lang)
    }

    /// The field's help text in `lang`.
    #[cfg(feature = "field-docs")]
    pub fn help(&self, lang: &str) -> &'static str {
        self.doc.help.get(lang)
    }

    /// The number range, for a number field.
    pub fn range(&self) -> Option<&Range> {
        match &self.ty {
            Type::Number(range) | Type::Integer(range) => Some(*range),
            _ => None,
        }
    }

    /// The list's description, for a list field.
    pub fn list(&self) -> Option<&'static List> {
        match self.ty {
            Type::List(list) => Some(list),
            _ => None,
        }
    }
}

/// The requirement group that `key` starts (`all`, `any`, `choose`, `credits`): a group is told
/// by the one of these keys it has, each group's first field.
pub fn group_by_key(key: &str) -> Option<&'static Object> {
    REQUIREMENT_GROUPS
        .iter()
        .copied()
        .find(|group| group.fields.first().is_some_and(|f| f.key == key))
}

/// The choices of a field's type, when it takes values from a fixed list.
pub fn choices(ty: &Type) -> &'static [Choice] {
    match ty {
        Type::Kind => &KINDS,
        Type::Delivery => &DELIVERY_MODES,
        Type::List(list) => choices(&list.item),
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Delivery, Kind};

    #[test]
    fn choices_are_the_models_kinds_and_delivery_modes_in_order() {
        let kinds: Vec<&str> = KINDS.iter().map(|c| c.value).collect();
        let model: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(kinds, model);
        let modes: Vec<&str> = DELIVERY_MODES.iter().map(|c| c.value).collect();
        let model: Vec<&str> = Delivery::ALL.iter().map(|d| d.as_str()).collect();
        assert_eq!(modes, model);
    }

    #[test]
    fn every_object_is_listed_once_with_unique_keys() {
        for (i, object) in OBJECTS.iter().enumerate() {
            assert!(
                OBJECTS
                    .iter()
                    .skip(i + 1)
                    .all(|o| !std::ptr::eq(*o, *object)),
                "{} twice",
                object.subject
            );
            for (j, field) in object.fields.iter().enumerate() {
                assert!(
                    object.fields.iter().skip(j + 1).all(|f| f.key != field.key),
                    "{}.{} twice",
                    object.subject,
                    field.key
                );
            }
        }
        for group in REQUIREMENT_GROUPS {
            let first = group.fields.first().map(|f| f.key).unwrap_or_default();
            assert!(std::ptr::eq(group_by_key(first).unwrap(), group));
        }
        assert!(group_by_key("from").is_none());
    }

    #[test]
    fn ranges_include_their_bounds_as_declared() {
        let range = Range {
            min: 0.0,
            min_exclusive: true,
            max: 100.0,
        };
        assert!(!range.contains(0.0) && range.contains(1e-9) && range.contains(100.0));
        assert!(!range.contains(100.1) && !range.contains(f64::NAN));
        let range = Range {
            min: 0.0,
            min_exclusive: false,
            max: 1.0,
        };
        assert!(range.contains(0.0) && !range.contains(-0.1) && !range.contains(f64::INFINITY));
    }
}
