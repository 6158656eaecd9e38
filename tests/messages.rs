//! Every message exists in every language, and every message is used by the code.
//!
//! Ids are used either literally (`"view-map"` in a source file) or by a family prefix built at
//! run time (`format!("kind-{}", …)`): a family is used when the code builds its prefix, and
//! then every value of the family must have a message.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::{self, Entry};
use stackway::i18n::catalog::{FIRST_FILES, LATER_FILES};
use stackway::i18n::{Arg, I18n, LANGUAGES};
use stackway::View;
use stackway_core::{Delivery, Kind};

/// The text of each of `files` of `lang` (`locales/<lang>/<file>`).
fn sources(lang: &str, files: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    files
        .iter()
        .map(|file| {
            fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{lang}/{file}: {e}"))
        })
        .collect()
}

fn resources(lang: &str, files: &[&str]) -> Vec<FluentResource> {
    sources(lang, files)
        .into_iter()
        .map(|source| {
            FluentResource::try_new(source)
                .unwrap_or_else(|(_, errors)| panic!("{lang}: Fluent syntax errors: {errors:?}"))
        })
        .collect()
}

fn ids(lang: &str, files: &[&str]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for resource in resources(lang, files) {
        for entry in resource.entries() {
            match entry {
                Entry::Message(m) => {
                    assert!(
                        ids.insert(m.id.name.to_owned()),
                        "{lang}: {} defined twice",
                        m.id.name
                    );
                }
                Entry::Junk { content } => panic!("{lang}: unreadable entry {content:?}"),
                _ => {}
            }
        }
    }
    ids
}

/// Every Fluent file: the first screen's and the later views'.
fn all_files() -> Vec<&'static str> {
    FIRST_FILES.iter().chain(&LATER_FILES).copied().collect()
}

fn source_text() -> String {
    fn walk(dir: &Path, out: &mut String) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut text = String::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut text,
    );
    text
}

/// Message families whose ids are built at run time, with every value they can take.
fn families() -> Vec<(&'static str, Vec<String>)> {
    vec![
        (
            "kind-",
            Kind::ALL.iter().map(|k| k.as_str().to_owned()).collect(),
        ),
        (
            "delivery-",
            Delivery::ALL
                .iter()
                .map(|d| d.as_str().to_owned())
                .collect(),
        ),
        (
            "view-",
            View::ALL.iter().map(|v| v.as_str().to_owned()).collect(),
        ),
        (
            "language-",
            LANGUAGES.iter().map(|l| (*l).to_owned()).collect(),
        ),
        (
            "objective-",
            ["cost", "weeks", "hours", "credits"]
                .map(str::to_owned)
                .to_vec(),
        ),
        ("engine-", stackway::engine_message_ids()),
    ]
}

#[test]
fn every_language_has_the_same_messages() {
    let english = ids("en", &all_files());
    for lang in LANGUAGES.iter().skip(1) {
        let other = ids(lang, &all_files());
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(extra.is_empty(), "only in {lang}: {extra:?}");
    }
}

#[test]
fn every_message_is_used_and_every_used_message_exists() {
    let english = ids("en", &all_files());
    let code = source_text();
    let families = families();
    for id in &english {
        let literal = code.contains(&format!("\"{id}\""));
        let family = families.iter().any(|(prefix, values)| {
            id.strip_prefix(prefix)
                .is_some_and(|rest| values.iter().any(|v| v == rest))
                && code.contains(&format!("\"{prefix}{{"))
        });
        assert!(literal || family, "message {id} is never used");
    }
    for (prefix, values) in &families {
        for value in values {
            let id = format!("{prefix}{value}");
            assert!(english.contains(&id), "message {id} is missing");
        }
    }
    // Literal ids in the code: any string literal shaped like a message id whose first word is
    // the first word of some message must be a message.
    let prefixes: BTreeSet<&str> = english
        .iter()
        .filter_map(|id| id.split('-').next())
        .collect();
    for literal in code.split('"').skip(1).step_by(2) {
        let shaped = literal.contains('-')
            && literal
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !literal.ends_with('-');
        let first = literal.split('-').next().unwrap_or("");
        if shaped
            && prefixes.contains(first)
            && !families.iter().any(|(p, _)| literal.starts_with(p))
        {
            assert!(
                english.contains(literal),
                "the code uses message {literal}, which does not exist"
            );
        }
    }
}

/// The source files of the widget's first module: everything but what only the split point
/// (src/later.rs) reaches. Keep in step with components/later_pages.rs.
const FIRST_SCREEN_FILES: &[&str] = &[
    "src/app.rs",
    "src/config.rs",
    "src/context.rs",
    "src/format.rs",
    "src/i18n.rs",
    "src/interop.rs",
    "src/interop_split.rs",
    "src/json_text.rs",
    "src/later.rs",
    "src/later_module.rs",
    "src/lib.rs",
    "src/state.rs",
    "src/state/ids.rs",
    "src/state/insights.rs",
    "src/hooks/mod.rs",
    "src/hooks/storage.rs",
    "src/hooks/use_ctx.rs",
    "src/hooks/use_feed.rs",
    "src/hooks/use_frame_resize.rs",
    "src/hooks/use_i18n.rs",
    "src/hooks/use_later.rs",
    "src/hooks/use_record.rs",
    "src/components/mod.rs",
    "src/components/shell.rs",
    "src/components/shell/language_switch.rs",
    "src/components/shell/view_tabs.rs",
    "src/components/programs.rs",
    "src/components/program_card.rs",
    "src/components/requirement_groups.rs",
    "src/components/status.rs",
    "src/components/later_view.rs",
];

/// The first screen is drawn before the second module (and the later views' words) arrives:
/// it must not ask for any of those words, or it would show a message id.
#[test]
fn the_first_screen_uses_none_of_the_later_views_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let code: String = FIRST_SCREEN_FILES
        .iter()
        .map(|file| fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}")))
        .collect();
    let first = ids("en", &FIRST_FILES);
    let later = ids("en", &LATER_FILES);
    assert!(!later.is_empty() && first.is_disjoint(&later));
    for id in &later {
        assert!(
            !code.contains(&format!("\"{id}\"")),
            "the first screen uses {id}, which only the second module brings: move it to widget.ftl"
        );
        for (prefix, _) in families() {
            assert!(
                !(id.starts_with(prefix) && code.contains(&format!("\"{prefix}{{"))),
                "the first screen builds {prefix}… ids, and {id} is one of them: move it to widget.ftl"
            );
        }
    }
}

/// The values to try for an argument of a message: what changes the choice of a variant and
/// how it shows.
fn trial_values(lang: &str, var: &str, selectors: &[(String, Vec<String>)]) -> Vec<Arg> {
    const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    let keys: Vec<&String> = selectors
        .iter()
        .filter(|(name, _)| name == var)
        .flat_map(|(_, keys)| keys)
        .collect();
    let words: Vec<&String> = keys
        .iter()
        .copied()
        .filter(|key| !PLURAL_CATEGORIES.contains(&key.as_str()) && key.parse::<f64>().is_err())
        .collect();
    if !words.is_empty() {
        return words
            .into_iter()
            .map(|word| Arg::Str(word.clone()))
            .chain([Arg::Str("neither".into())])
            .collect();
    }
    // Numbers below 1,000 show the same in both (the widget groups digits, Fluent does not),
    // and decimals the same in English (French writes a decimal comma, Fluent a point).
    let mut numbers = vec![0.0, 1.0, 2.0, 3.0, 21.0, 101.0, 999.0];
    if lang == "en" {
        numbers.extend([0.5, 1.5, 2.25]);
    }
    let mut values: Vec<Arg> = numbers.into_iter().map(Arg::Num).collect();
    if keys.is_empty() {
        values.push(Arg::Str("‹text›".into()));
    }
    values
}

/// The variables of a pattern, and each selector's variable with its keys.
fn variables(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    selectors: &mut Vec<(String, Vec<String>)>,
) {
    for element in &pattern.elements {
        let ast::PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                vars.insert(id.name.to_owned());
            }
            ast::Expression::Select { selector, variants } => {
                if let ast::InlineExpression::VariableReference { id } = selector {
                    vars.insert(id.name.to_owned());
                    let keys = variants
                        .iter()
                        .map(|variant| match variant.key {
                            ast::VariantKey::Identifier { name } => name.to_owned(),
                            ast::VariantKey::NumberLiteral { value } => value.to_owned(),
                        })
                        .collect();
                    selectors.push((id.name.to_owned(), keys));
                }
                for variant in variants {
                    variables(&variant.value, vars, selectors);
                }
            }
            _ => {}
        }
    }
}

/// The widget's compiled messages (`build.rs`, `src/i18n/catalog.rs`) say exactly what
/// Fluent's own resolver says for the same files: every message of every language, with every
/// combination of its arguments' trial values, and with no arguments at all.
#[test]
fn compiled_messages_say_what_fluent_says() {
    let mut compared = 0;
    for lang in LANGUAGES {
        let locale: unic_langid::LanguageIdentifier = lang.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![locale]);
        bundle.set_use_isolating(false);
        for resource in resources(lang, &all_files()) {
            bundle.add_resource(resource).expect("no id defined twice");
        }
        // The first screen's words and, as once the second module has arrived, the others.
        let i18n = I18n::new(lang).with_later(stackway::i18n::catalog::later);
        for resource in resources(lang, &all_files()) {
            for entry in resource.entries() {
                let Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name;
                let pattern = message.value.as_ref().expect("a value");
                let mut vars = BTreeSet::new();
                let mut selectors = Vec::new();
                variables(pattern, &mut vars, &mut selectors);
                let mut combinations: Vec<Vec<(String, Arg)>> = vec![Vec::new()];
                for var in &vars {
                    let values = trial_values(lang, var, &selectors);
                    combinations = combinations
                        .iter()
                        .flat_map(|done| {
                            values.iter().map(move |value| {
                                let mut next = done.clone();
                                next.push((var.clone(), value.clone()));
                                next
                            })
                        })
                        .collect();
                }
                if !vars.is_empty() {
                    combinations.push(Vec::new());
                }
                for args in combinations {
                    let mut fluent_args = FluentArgs::new();
                    for (name, value) in &args {
                        let value = match value {
                            Arg::Num(n) => FluentValue::from(*n),
                            Arg::Str(s) => FluentValue::from(s.clone()),
                        };
                        fluent_args.set(name.clone(), value);
                    }
                    let mut errors = Vec::new();
                    let expected = bundle.format_pattern(
                        bundle.get_message(id).unwrap().value().unwrap(),
                        Some(&fluent_args),
                        &mut errors,
                    );
                    let args: Vec<(&str, Arg)> =
                        args.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
                    assert_eq!(i18n.t_args(id, &args), expected, "{lang} {id} {args:?}");
                    compared += 1;
                }
            }
        }
    }
    // Every message at least once in each language, most many times (about 140,000 in all).
    assert!(compared > 10_000, "only {compared} comparisons");
}

/// French typography, as a French-Canadian reader expects it (OQLF): typographic apostrophes
/// (“l’éditeur”, never “l'éditeur”), a no-break space before a colon and inside guillemets, and
/// a narrow no-break space (or none) before “;”, “?” and “!”, so that no line of the widget
/// starts with a stray colon or guillemet when it wraps on a phone.
#[test]
fn french_messages_use_french_typography() {
    let mut faults = Vec::new();
    for (file, text) in all_files().iter().zip(sources("fr", &all_files())) {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let chars: Vec<char> = line.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let fault = match c {
                    '\'' if before.is_some_and(char::is_alphabetic)
                        && after.is_some_and(char::is_alphabetic) =>
                    {
                        Some("a straight apostrophe")
                    }
                    ':' | '»' if before == Some(' ') => Some("a breaking space before"),
                    ';' | '?' | '!' if before == Some(' ') => Some("a breaking space before"),
                    '«' if after == Some(' ') => Some("a breaking space after"),
                    _ => None,
                };
                if let Some(fault) = fault {
                    faults.push(format!("fr/{file}:{}: {fault} {c:?}: {line}", n + 1));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
