//! The studio's words, in English and French, from `locales/<lang>/studio.ftl` (Project
//! Fluent).
//!
//! The files are compiled into the WebAssembly and parsed once per language on first use.
//! `tests/messages.rs` checks that both languages have exactly the same messages, with the
//! same variables, and that every message the code asks for exists.

use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A language of the studio's interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language's tag, as `lang` attributes and feeds write it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// `fr`, `fr-CA`, `FR` are French; anything else English.
    pub fn from_tag(tag: &str) -> Lang {
        if stackway_core::same_language(tag, "fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The Fluent source of the language.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en/studio.ftl"),
            Lang::Fr => include_str!("../locales/fr/studio.ftl"),
        }
    }
}

/// The words of one language; cheap to clone and to compare.
#[derive(Clone)]
pub struct I18n {
    pub lang: Lang,
    bundle: Rc<FluentBundle<FluentResource>>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

thread_local! {
    static BUNDLES: [Rc<FluentBundle<FluentResource>>; 2] = [bundle(Lang::En), bundle(Lang::Fr)];
}

fn bundle(lang: Lang) -> Rc<FluentBundle<FluentResource>> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("a valid tag");
    let mut bundle = FluentBundle::new(vec![id]);
    // No invisible isolation marks around variables: they end up in copied text and in the
    // values screen readers announce.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(lang.source().to_owned())
        .unwrap_or_else(|(resource, _errors)| resource);
    let _ = bundle.add_resource(resource);
    Rc::new(bundle)
}

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        let index = match lang {
            Lang::En => 0,
            Lang::Fr => 1,
        };
        I18n {
            lang,
            bundle: BUNDLES.with(|b| b[index].clone()),
        }
    }

    /// The message `id` (its id itself when missing, which the tests prevent).
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments (strings, or numbers given as `f64`).
    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// Whether the message exists (for optional help texts).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as f64)
    }
}
