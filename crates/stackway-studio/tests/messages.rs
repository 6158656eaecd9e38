//! The studio's words: both languages have the same messages with the same variables, and
//! every message the code asks for exists (a missing one would show its id on screen).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use stackway_core::field_table;
use stackway_studio::form::Input;
use stackway_studio::i18n::{I18n, Lang};

/// Message id → the variables its value uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(lang.source())
        .unwrap_or_else(|(_, errors)| panic!("{lang:?}: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut variables);
            }
            assert!(
                out.insert(message.id.name.to_owned(), variables).is_none(),
                "{lang:?}: {} twice",
                message.id.name
            );
        }
    }
    out
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn english_and_french_have_the_same_messages_and_variables() {
    let en = messages(Lang::En);
    let fr = messages(Lang::Fr);
    let en_ids: BTreeSet<_> = en.keys().collect();
    let fr_ids: BTreeSet<_> = fr.keys().collect();
    assert_eq!(
        en_ids.difference(&fr_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in French"
    );
    assert_eq!(
        fr_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "missing in English"
    );
    for (id, variables) in &en {
        assert_eq!(Some(variables), fr.get(id), "variables of {id}");
    }
}

/// The message ids the source asks for by name: `t("id")`, `t_with("id", …)`, `notice(…, "id"`.
fn ids_in_source() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut files = Vec::new();
    collect_rs(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in [".t(\"", ".t_with(\"", "notice(&ctx, \"", "notice(ctx, \""] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                if id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !id.is_empty()
                {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Message ids the code builds from a prefix and a value.
fn built_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for section in stackway_studio::check::Section::ALL {
        ids.push(format!("section-{}", section.slug()));
        if let Some(key) = section.list_key() {
            if key != "credentials" {
                ids.push(format!("{key}-add"));
                ids.push(format!("{key}-none"));
            }
        }
    }
    // The forms' headings, and the words of the fields' special editors (`table_field.rs`,
    // `object_list.rs`): a requirement's short name, an item of a list.
    let form = &stackway_studio::form::CREDENTIAL_GROUPS;
    ids.extend(form.iter().map(|group| group.heading.to_owned()));
    ids.push(stackway_studio::form::FEED_GROUP.heading.to_owned());
    for object in field_table::OBJECTS {
        for field in object.fields {
            match stackway_studio::form::input(object, field) {
                Input::Requirement => ids.push(format!("req-name-{}", field.key)),
                Input::ObjectList(item) => ids.extend([
                    format!("{}-item", item.0.name),
                    format!("{}-add", item.0.name),
                ]),
                Input::TextList => ids.extend(["outcome-item".into(), "outcome-add".into()]),
                _ => {}
            }
        }
    }
    for view in ["programs", "map", "explore", "plan", "pathways"] {
        ids.push(format!("preview-view-{view}"));
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_exists_in_both_languages() {
    let wanted: BTreeSet<String> = ids_in_source().into_iter().chain(built_ids()).collect();
    assert!(
        wanted.len() > 150,
        "the scan found only {} ids",
        wanted.len()
    );
    assert!(wanted.contains("req-name-requires"), "built ids are listed");
    for lang in Lang::ALL {
        let i18n = I18n::new(lang);
        let missing: Vec<&String> = wanted.iter().filter(|id| !i18n.has(id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn every_diagnostic_code_of_the_format_is_explained_in_french() {
    let reference = include_str!("../../../docs/feed-format.md");
    let codes: Vec<&str> = reference
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| {
            rest.split_once("` | error")
                .or_else(|| rest.split_once("` | warning"))
        })
        .map(|(code, _)| code)
        .collect();
    assert!(codes.len() > 25, "found {codes:?}");
    let fr = I18n::new(Lang::Fr);
    let en = I18n::new(Lang::En);
    for code in codes {
        // Codes the studio can never meet (the document is always JSON text of a sane size)
        // need no words.
        if ["invalid-utf8", "input-too-large", "nesting-too-deep"].contains(&code) {
            continue;
        }
        let id = format!("code-{code}");
        assert!(fr.has(&id) && en.has(&id), "{id}");
    }
}

#[test]
fn variables_are_filled_in() {
    let fr = I18n::new(Lang::Fr);
    assert_eq!(
        fr.t_with("count-errors", &[("count", 1usize.into())]),
        "1 erreur"
    );
    assert_eq!(
        fr.t_with("count-errors", &[("count", 3usize.into())]),
        "3 erreurs"
    );
    assert_eq!(
        I18n::new(Lang::En).t_with("id-taken", &[("id", "sql".into())]),
        "The id “sql” is already used."
    );
}

/// The fields' labels and help texts, and the names of kinds and delivery modes, are the field
/// table's (`stackway_core::field_table`, feature `field-docs`): the studio's files hold none
/// of them, so there is one place to change a field's words.
#[test]
fn the_studio_has_no_words_of_its_own_for_the_fields_of_the_format() {
    for lang in Lang::ALL {
        let own: Vec<String> = messages(lang)
            .into_keys()
            .filter(|id| {
                ["field-", "help-", "kind-", "delivery-"]
                    .iter()
                    .any(|prefix| id.starts_with(prefix))
                    && id != "field-required"
            })
            .collect();
        assert!(own.is_empty(), "{lang:?}: {own:?}");
    }
}
