//! The widget's own words, in Project Fluent files (`locales/<lang>/*.ftl`) compiled into the
//! WebAssembly, and the choice of language. The first screen's words (`widget.ftl`,
//! `engine.ftl`) are in the first module; the other views' words (`views.ftl`) travel in the
//! second one (see [`later_messages`]).
//!
//! Feed text is not here: it comes from the feed's own language maps (`Text::get` with the feed's
//! default language as fallback). Only English and French are shipped; any other request falls
//! back to English, and a message missing in French (a test forbids it) would fall back too.

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The shipped languages and the Fluent files of the first screen, English first (the
/// fallback). The other views' words are in [`later_messages`].
pub const LOCALES: [(&str, &[&str]); 2] = [
    (
        "en",
        &[
            include_str!("../locales/en/widget.ftl"),
            include_str!("../locales/en/engine.ftl"),
        ],
    ),
    (
        "fr",
        &[
            include_str!("../locales/fr/widget.ftl"),
            include_str!("../locales/fr/engine.ftl"),
        ],
    ),
];

/// The Fluent files of the views after the first screen, for `lang`. Only the widget's second
/// module names this function (`crate::later`), so these words travel in that module, not in
/// the first download; an [`I18n`] adds them once the module is in.
pub fn later_messages(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => &[include_str!("../locales/fr/views.ftl")],
        _ => &[include_str!("../locales/en/views.ftl")],
    }
}

/// Chooses a shipped language for the first tag of `requested` that has one (by primary
/// subtag: `fr-CA` gives `fr`), else English.
pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> &'static str {
    for tag in requested {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some((lang, _)) = LOCALES.iter().find(|(lang, _)| *lang == primary) {
            return lang;
        }
    }
    "en"
}

/// The messages of one language, with English behind them. The words of the views after the
/// first screen join the bundles when the widget's second module is in: at creation if it is
/// already, else at the first message not found (only those views ask for their words, and
/// they run from that module).
pub struct I18n {
    lang: &'static str,
    bundles: RefCell<Bundles>,
}

/// The language's bundle and, behind it, English's.
struct Bundles {
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
    /// Whether the later views' words are in.
    complete: bool,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("lang", &self.lang).finish()
    }
}

fn bundle_for(lang: &'static str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Bidi isolation marks are for mixed-direction text; English and French do not need them
    // and they would show up in tests and copied text.
    bundle.set_use_isolating(false);
    if let Some((_, sources)) = LOCALES.iter().find(|(l, _)| *l == lang) {
        add_sources(&mut bundle, sources);
    }
    bundle
}

fn add_sources(bundle: &mut FluentBundle<FluentResource>, sources: &[&str]) {
    for source in sources {
        // Our own files are checked by tests; a broken entry is skipped, not fatal.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
}

impl Bundles {
    /// Adds the later views' words if the second module is in (once).
    fn complete(&mut self, lang: &str) {
        if self.complete {
            return;
        }
        let Some(later) = crate::later::loaded() else {
            return;
        };
        add_sources(&mut self.bundle, (later.messages)(lang));
        if let Some(fallback) = &mut self.fallback {
            add_sources(fallback, (later.messages)("en"));
        }
        self.complete = true;
    }

    /// The message `id` formatted, if a bundle has it.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return Some(
                    bundle
                        .format_pattern(pattern, args, &mut errors)
                        .into_owned(),
                );
            }
        }
        None
    }
}

impl I18n {
    /// The messages for a shipped language (`negotiate` first).
    pub fn new(lang: &'static str) -> Self {
        let mut bundles = Bundles {
            bundle: bundle_for(lang),
            fallback: (lang != "en").then(|| bundle_for("en")),
            complete: false,
        };
        bundles.complete(lang);
        I18n {
            lang,
            bundles: RefCell::new(bundles),
        }
    }

    /// The language tag in use (`en` or `fr`).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments (numbers select plural forms).
    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Str(s) => FluentValue::from(s.clone()),
            };
            fluent_args.set(*name, value);
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        if let Some(text) = self.bundles.borrow().format(id, args) {
            return text;
        }
        let mut bundles = self.bundles.borrow_mut();
        bundles.complete(self.lang);
        // A missing id is a bug the message test catches; show the id rather than nothing.
        bundles.format(id, args).unwrap_or_else(|| id.to_owned())
    }
}

/// A message argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Num(f64),
    Str(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_matches_primary_subtags_and_falls_back_to_english() {
        assert_eq!(negotiate(["fr-CA"]), "fr");
        assert_eq!(negotiate(["de", "FR"]), "fr");
        assert_eq!(negotiate(["de"]), "en");
        assert_eq!(negotiate([""]), "en");
    }

    #[test]
    fn french_plurals_treat_zero_and_one_as_singular() {
        let fr = I18n::new("fr");
        assert_eq!(
            fr.t_args("count-credentials", &[("count", 0usize.into())]),
            "0 titre"
        );
        assert_eq!(
            fr.t_args("count-credentials", &[("count", 2usize.into())]),
            "2 titres"
        );
        let en = I18n::new("en");
        assert_eq!(
            en.t_args("count-credentials", &[("count", 0usize.into())]),
            "0 credentials"
        );
        assert_eq!(
            en.t_args("count-credentials", &[("count", 1usize.into())]),
            "1 credential"
        );
    }
}
