//! The studio's forms, read from core's field table (`stackway_core::field_table`, feature
//! `field-docs`): each field's label, help, required marker, input and limits come from its
//! entry there, so a field is described once for the validator, the schema, the documentation
//! and this editor.
//!
//! What stays here is how the studio lays fields out: which heading a credential's field sits
//! under ([`CREDENTIAL_GROUPS`]), which fields of the feed are edited in a section of their own
//! ([`FEED_ELSEWHERE`]), which texts are paragraphs and which lists have an order that means
//! something. The tests below fail when a field of the table has no place in its form, so a
//! field added to the table shows up in the studio or fails a test.

use stackway_core::field_table::{self, Choice, Field, Object, Range, Target, Type};
use stackway_core::validate::values::CURRENCY_CODES;

use crate::i18n::Lang;

/// A heading of a form (a message id of the studio's words) and the keys of the fields under
/// it, in the table's order.
#[derive(Debug)]
pub struct Group {
    pub heading: &'static str,
    pub keys: &'static [&'static str],
}

/// A credential's fields as program staff think of them: what it is, its size and cost, what
/// it teaches, how it stacks.
pub static CREDENTIAL_GROUPS: [Group; 4] = [
    Group {
        heading: "group-basics",
        keys: &["id", "kind", "title", "summary", "url", "provider"],
    },
    Group {
        heading: "group-size",
        keys: &[
            "hours",
            "credits",
            "weeks",
            "cost",
            "delivery",
            "level",
            "valid_years",
        ],
    },
    Group {
        heading: "group-content",
        keys: &[
            "tags",
            "skills",
            "outcomes",
            "assessment",
            "employers",
            "badge",
        ],
    },
    Group {
        heading: "group-stacking",
        keys: &["requires", "prerequisites"],
    },
];

/// The feed's own fields, in the "Feed and provider" section.
pub static FEED_GROUP: Group = Group {
    heading: "group-feed",
    keys: &["id", "updated", "languages", "credit_label", "provider"],
};

/// The feed's fields that are not in its form: the lists edited in sections of their own
/// (`check::Section::list_key`), and two the studio keeps as they are (`$schema` is for text
/// editors, and the format version is always 1).
pub static FEED_ELSEWHERE: [&str; 7] = [
    "$schema",
    "stackway",
    "institutions",
    "skills",
    "credentials",
    "equivalences",
    "pathways",
];

/// Texts written as paragraphs (a text area) rather than one line.
const PARAGRAPHS: [&str; 3] = ["summary", "assessment", "note"];

/// Lists whose order means something, so that their items can be moved: the feed's languages
/// (the first is the default) and a pathway's steps.
const ORDERED_LISTS: [&str; 2] = ["languages", "steps"];

/// Language tags offered when a language is added to the feed.
pub const LANGUAGE_SUGGESTIONS: [&str; 4] = ["en", "fr", "en-CA", "fr-CA"];

/// The id of the page's `<datalist>` of language tags.
pub const LANGUAGE_TAGS: &str = "language-tags";

/// An object of the table, compared by identity (the table's objects are statics), so that
/// it can be a component's property.
#[derive(Debug, Clone, Copy)]
pub struct ObjectRef(pub &'static Object);

impl PartialEq for ObjectRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// What kind of input edits a field, decided by its type in the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// One line of text.
    Line,
    /// A text in each of the feed's languages, side by side; `paragraph` for a text area.
    Text { paragraph: bool },
    /// An absolute http(s) address.
    Url,
    /// A calendar date.
    Date,
    /// A number within the table's range; `integer` for whole numbers.
    Number { range: Range, integer: bool },
    /// The object's own id: renamed everywhere it is used (`None` for the feed's id, which
    /// nothing in the feed refers to).
    Id(Option<crate::ids::IdKind>),
    /// The id of another object of the feed.
    Reference(Target),
    /// One value of a fixed list: kinds, currencies.
    Select(Vec<&'static str>),
    /// Any of a fixed list (delivery modes), as checkboxes.
    Checks(Vec<&'static str>),
    /// A list of strings (tags, ids, language tags); `ordered` when items can be moved.
    StringList { item: ListItem, ordered: bool },
    /// A list of texts (learning outcomes).
    TextList,
    /// A list of small objects (employers), each with the object's fields.
    ObjectList(ObjectRef),
    /// An object (cost, badge, the provider) with its own fields, as a group.
    Object(ObjectRef),
    /// A requirement tree.
    Requirement,
    /// Edited elsewhere (the format version, lists with sections of their own).
    None,
}

/// What the items of a list of strings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListItem {
    Tag,
    Language,
    Reference(Target),
}

/// How `field` of `object` is edited.
pub fn input(object: &Object, field: &Field) -> Input {
    match &field.ty {
        Type::Version => Input::None,
        Type::String => Input::Line,
        Type::Id => Input::Id(id_kind(object)),
        Type::Ref(target) => Input::Reference(*target),
        Type::Text => Input::Text {
            paragraph: PARAGRAPHS.contains(&field.key),
        },
        Type::Url => Input::Url,
        Type::Date => Input::Date,
        Type::Number(range) => Input::Number {
            range: **range,
            integer: false,
        },
        Type::Integer(range) => Input::Number {
            range: **range,
            integer: true,
        },
        Type::Kind | Type::Delivery => {
            Input::Select(choice_values(field_table::choices(&field.ty)))
        }
        Type::Currency => Input::Select(CURRENCY_CODES.to_vec()),
        Type::LanguageTag => Input::Line,
        Type::Object(inner) => Input::Object(ObjectRef(inner)),
        Type::Requirement => Input::Requirement,
        Type::List(list) => {
            let ordered = ORDERED_LISTS.contains(&field.key);
            match &list.item {
                Type::Delivery => Input::Checks(choice_values(field_table::choices(&list.item))),
                Type::Text => Input::TextList,
                // The feed's lists of objects have sections of their own.
                Type::Object(_) if object.name == "feed" => Input::None,
                Type::Object(inner) => Input::ObjectList(ObjectRef(inner)),
                Type::Ref(target) => Input::StringList {
                    item: ListItem::Reference(*target),
                    ordered,
                },
                Type::LanguageTag => Input::StringList {
                    item: ListItem::Language,
                    ordered,
                },
                _ => Input::StringList {
                    item: ListItem::Tag,
                    ordered,
                },
            }
        }
    }
}

fn choice_values(choices: &[Choice]) -> Vec<&'static str> {
    choices.iter().map(|c| c.value).collect()
}

/// The kind of id an object's `id` is, for renaming it everywhere.
fn id_kind(object: &Object) -> Option<crate::ids::IdKind> {
    use crate::ids::IdKind;
    match object.name {
        "credential" => Some(IdKind::Credential),
        "skill" => Some(IdKind::Skill),
        "institution" => Some(IdKind::Institution),
        "pathway" => Some(IdKind::Pathway),
        _ => None,
    }
}

/// The field of an object that its id is suggested from (its title, else its name).
pub fn title_key(object: &Object) -> &'static str {
    if object.field("title").is_some() {
        "title"
    } else {
        "name"
    }
}

/// The field `key` of `object`. Panics on a key the table does not have: the forms' keys are
/// checked against the table by the tests below.
pub fn field(object: &'static Object, key: &str) -> &'static Field {
    object
        .field(key)
        .unwrap_or_else(|| panic!("{} has no field {key}", object.name))
}

/// A field's label and help in `lang`, from the table. Help that only repeats the label
/// ("Learning outcomes." under "Learning outcomes") is left out: it would be read twice.
pub fn words(field: &Field, lang: Lang) -> (&'static str, Option<&'static str>) {
    let label = field.label(lang.tag());
    let help = field.help(lang.tag());
    let repeats = help.trim_end_matches('.').eq_ignore_ascii_case(label);
    (label, (!help.is_empty() && !repeats).then_some(help))
}

/// The label of a choice (a kind, a delivery mode) in `lang`; the value itself when the table
/// has no such choice (a value typed by hand in the file).
pub fn choice_label(ty: &Type, value: &str, lang: Lang) -> String {
    field_table::choices(ty)
        .iter()
        .find(|c| c.value == value)
        .map(|c| c.doc.label.get(lang.tag()).to_owned())
        .unwrap_or_else(|| value.to_owned())
}

/// The label of a credential kind in `lang`.
pub fn kind_label(value: &str, lang: Lang) -> String {
    choice_label(&Type::Kind, value, lang)
}

/// A piece of a help text: the table writes help in Markdown, with `code` and *emphasis*.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span<'a> {
    Plain(&'a str),
    Code(&'a str),
    Emphasis(&'a str),
}

/// A help text cut into plain, code and emphasised pieces. An unmatched marker is plain text.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['`', '*']) {
        let marker = &rest[start..start + 1];
        let Some(length) = rest[start + 1..].find(marker) else {
            break;
        };
        if start > 0 {
            out.push(Span::Plain(&rest[..start]));
        }
        let inner = &rest[start + 1..start + 1 + length];
        out.push(if marker == "`" {
            Span::Code(inner)
        } else {
            Span::Emphasis(inner)
        });
        rest = &rest[start + 2 + length..];
    }
    if !rest.is_empty() {
        out.push(Span::Plain(rest));
    }
    out
}

/// The limits of a number field in words ("From 0 to 100,000."), for its help.
pub fn limits(range: &Range, integer: bool, lang: Lang) -> String {
    // The largest whole number a `choose` may ask for is a technical bound, not a limit anyone
    // needs to read.
    let unbounded = range.max >= u32::MAX as f64;
    let (min, max) = (number(range.min, lang), number(range.max, lang));
    match (lang, integer, range.min_exclusive, unbounded) {
        (Lang::En, true, _, true) => format!("A whole number, {min} or more."),
        (Lang::Fr, true, _, true) => format!("Un nombre entier, {min} ou plus."),
        (Lang::En, true, _, false) => format!("A whole number from {min} to {max}."),
        (Lang::Fr, true, _, false) => format!("Un nombre entier de {min} à {max}."),
        (Lang::En, false, false, _) => format!("From {min} to {max}."),
        (Lang::Fr, false, false, _) => format!("De {min} à {max}."),
        (Lang::En, false, true, _) => format!("More than {min}, up to {max}."),
        (Lang::Fr, false, true, _) => format!("Plus de {min}, jusqu'à {max}."),
    }
}

/// A whole number with the language's thousands separator (a narrow no-break space in French).
fn number(value: f64, lang: Lang) -> String {
    let digits = format!("{}", value.round() as u64);
    let separator = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Section;
    use stackway_core::field_table::{CREDENTIAL, EQUIVALENCE, FEED, INSTITUTION, PATHWAY, SKILL};

    fn keys(object: &Object) -> Vec<&'static str> {
        object.fields.iter().map(|f| f.key).collect()
    }

    /// Each key once, in the table's order within its group, and every field of the table in
    /// some group: a field added to the table fails here until the form places it.
    #[test]
    fn every_field_of_a_credential_is_in_its_form_once_in_the_tables_order() {
        let mut placed: Vec<&str> = Vec::new();
        for group in &CREDENTIAL_GROUPS {
            let positions: Vec<usize> = group
                .keys
                .iter()
                .map(|k| {
                    CREDENTIAL
                        .position(k)
                        .unwrap_or_else(|| panic!("{k}: not in the table"))
                })
                .collect();
            assert!(
                positions.windows(2).all(|w| w[0] < w[1]),
                "{}: {:?} is not in the table's order",
                group.heading,
                group.keys
            );
            placed.extend(group.keys);
        }
        let mut sorted = placed.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), placed.len(), "a key twice: {placed:?}");
        let mut table = keys(&CREDENTIAL);
        table.sort_unstable();
        assert_eq!(sorted, table, "the credential form and the table differ");
        for key in placed {
            assert_ne!(
                input(&CREDENTIAL, field(&CREDENTIAL, key)),
                Input::None,
                "{key}"
            );
        }
    }

    #[test]
    fn every_field_of_the_feed_is_in_its_form_or_in_a_section() {
        for key in FEED_GROUP.keys {
            assert!(FEED.field(key).is_some(), "{key}: not in the table");
            assert_ne!(input(&FEED, field(&FEED, key)), Input::None, "{key}");
        }
        let sections: Vec<&str> = Section::ALL.iter().filter_map(|s| s.list_key()).collect();
        for key in &sections {
            assert!(FEED_ELSEWHERE.contains(key), "{key}");
        }
        for key in keys(&FEED) {
            assert!(
                FEED_GROUP.keys.contains(&key) ^ FEED_ELSEWHERE.contains(&key),
                "{key}: in neither the feed's form nor elsewhere, or in both"
            );
        }
    }

    /// The sections' cards show every field of their object (they draw `object.fields`), each
    /// with an input.
    #[test]
    fn every_field_of_the_listed_objects_has_an_input() {
        for object in [&INSTITUTION, &SKILL, &EQUIVALENCE, &PATHWAY] {
            for field in object.fields {
                assert_ne!(
                    input(object, field),
                    Input::None,
                    "{}.{}",
                    object.name,
                    field.key
                );
            }
        }
    }

    #[test]
    fn labels_and_help_are_the_tables_words_in_english_and_french() {
        let title = field(&CREDENTIAL, "title");
        assert_eq!(words(title, Lang::En), ("Title", Some("Display title.")));
        assert_eq!(words(title, Lang::Fr), ("Titre", Some("Titre affiché.")));
        let requires = field(&CREDENTIAL, "requires");
        assert_eq!(words(requires, Lang::En).0, "Earned by stacking");
        assert_eq!(words(requires, Lang::Fr).0, "Obtenu par cumul");
        for object in field_table::OBJECTS {
            for field in object.fields {
                for lang in Lang::ALL {
                    let (label, help) = words(field, lang);
                    assert_eq!(label, field.doc.label.get(lang.tag()));
                    if let Some(help) = help {
                        assert_eq!(help, field.doc.help.get(lang.tag()));
                    }
                }
            }
        }
        // Help that repeats the label is not shown twice.
        assert_eq!(words(field(&CREDENTIAL, "outcomes"), Lang::En).1, None);
    }

    #[test]
    fn inputs_follow_the_field_types_and_limits() {
        let input_of = |key| input(&CREDENTIAL, field(&CREDENTIAL, key));
        assert_eq!(input_of("title"), Input::Text { paragraph: false });
        assert_eq!(input_of("summary"), Input::Text { paragraph: true });
        assert_eq!(input_of("url"), Input::Url);
        assert_eq!(input_of("provider"), Input::Reference(Target::Institution));
        assert_eq!(
            input_of("id"),
            Input::Id(Some(crate::ids::IdKind::Credential))
        );
        let Input::Number { range, integer } = input_of("hours") else {
            panic!("hours: {:?}", input_of("hours"));
        };
        assert!(!integer && range.min == 0.0 && range.max == 100_000.0);
        let Input::Select(kinds) = input_of("kind") else {
            panic!()
        };
        assert_eq!(kinds.len(), stackway_core::Kind::ALL.len());
        assert_eq!(
            input_of("delivery"),
            Input::Checks(vec!["online", "in-person", "hybrid"])
        );
        assert_eq!(input_of("requires"), Input::Requirement);
        assert!(matches!(input_of("cost"), Input::Object(o) if o.0.name == "cost"));
        assert!(matches!(input_of("employers"), Input::ObjectList(o) if o.0.name == "employer"));
        let currency = input(&field_table::COST, field(&field_table::COST, "currency"));
        assert!(
            matches!(currency, Input::Select(codes) if codes.contains(&"CAD") && codes.len() > 150)
        );
        let choose = input(
            &field_table::CHOOSE_GROUP,
            field(&field_table::CHOOSE_GROUP, "choose"),
        );
        assert!(matches!(choose, Input::Number { integer: true, .. }));
        assert_eq!(
            input(&FEED, field(&FEED, "languages")),
            Input::StringList {
                item: ListItem::Language,
                ordered: true
            }
        );
        assert_eq!(input(&FEED, field(&FEED, "id")), Input::Id(None));
        assert_eq!(
            input(&PATHWAY, field(&PATHWAY, "steps")),
            Input::StringList {
                item: ListItem::Reference(Target::Credential),
                ordered: true
            }
        );
    }

    #[test]
    fn limits_read_as_sentences() {
        let hours = field(&CREDENTIAL, "hours").range().unwrap();
        assert_eq!(limits(hours, false, Lang::En), "From 0 to 100,000.");
        assert_eq!(limits(hours, false, Lang::Fr), "De 0 à 100\u{202f}000.");
        let years = field(&CREDENTIAL, "valid_years").range().unwrap();
        assert_eq!(limits(years, false, Lang::En), "More than 0, up to 100.");
        let choose = field(&field_table::CHOOSE_GROUP, "choose").range().unwrap();
        assert_eq!(limits(choose, true, Lang::En), "A whole number, 1 or more.");
    }

    #[test]
    fn help_markdown_becomes_code_and_emphasis() {
        assert_eq!(
            spans("A credential with `requires` is *stackable*."),
            [
                Span::Plain("A credential with "),
                Span::Code("requires"),
                Span::Plain(" is "),
                Span::Emphasis("stackable"),
                Span::Plain("."),
            ]
        );
        assert_eq!(spans("5 * 3"), [Span::Plain("5 * 3")]);
        assert_eq!(spans(""), []);
    }

    #[test]
    fn choices_are_labelled_from_the_table() {
        assert_eq!(kind_label("certificate", Lang::Fr), "Certificat");
        assert_eq!(kind_label("made-up", Lang::En), "made-up");
        assert_eq!(
            choice_label(&Type::Delivery, "in-person", Lang::Fr),
            "En personne"
        );
    }
}
