//! Every message exists in every language, and every message is used by the code.
//!
//! Ids are used either literally (`"view-map"` in a source file) or by a family prefix built at
//! run time (`format!("kind-{}", …)`): a family is used when the code builds its prefix, and
//! then every value of the family must have a message.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;
use stackway::i18n::{later_messages, LOCALES};
use stackway::View;
use stackway_core::{Delivery, Kind};

fn ids(lang: &str, sources: &[&str]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang}: Fluent syntax errors: {errors:?}"));
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

/// Every Fluent file of `lang`: the first screen's and the later views'.
fn all_sources(lang: &str, first: &[&'static str]) -> Vec<&'static str> {
    first
        .iter()
        .copied()
        .chain(later_messages(lang).iter().copied())
        .collect()
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
            LOCALES.iter().map(|(l, _)| (*l).to_owned()).collect(),
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
    let english = ids("en", &all_sources("en", LOCALES[0].1));
    for (lang, sources) in LOCALES.iter().skip(1) {
        let other = ids(lang, &all_sources(lang, sources));
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(extra.is_empty(), "only in {lang}: {extra:?}");
    }
}

#[test]
fn every_message_is_used_and_every_used_message_exists() {
    let english = ids("en", &all_sources("en", LOCALES[0].1));
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

/// The source files of the widget's first module: everything but what only `LaterView` (the
/// split point in src/later.rs) reaches. Keep in step with components/later_view.rs.
const FIRST_SCREEN_FILES: &[&str] = &[
    "src/app.rs",
    "src/config.rs",
    "src/format.rs",
    "src/i18n.rs",
    "src/interop.rs",
    "src/json_text.rs",
    "src/later.rs",
    "src/lib.rs",
    "src/state.rs",
    "src/state/ids.rs",
    "src/state/insights.rs",
    "src/hooks/mod.rs",
    "src/hooks/storage.rs",
    "src/hooks/use_feed.rs",
    "src/hooks/use_frame_resize.rs",
    "src/hooks/use_i18n.rs",
    "src/hooks/use_record.rs",
    "src/components/mod.rs",
    "src/components/shell.rs",
    "src/components/programs.rs",
    "src/components/program_card.rs",
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
    let first = ids("en", LOCALES[0].1);
    let later = ids("en", later_messages("en"));
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
