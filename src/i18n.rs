//! The widget's own words, in Project Fluent files (`locales/<lang>/*.ftl`) compiled into the
//! bundle, and the choice of language.
//!
//! Feed text is not here: it comes from the feed's own language maps (`Text::get` with the feed's
//! default language as fallback). Only English and French are shipped; any other request falls
//! back to English, and a message missing in French (a test forbids it) would fall back too.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The shipped languages and their Fluent files, English first (the fallback).
pub const LOCALES: [(&str, &[&str]); 2] = [
    (
        "en",
        &[
            include_str!("../locales/en/widget.ftl"),
            include_str!("../locales/en/plan.ftl"),
            include_str!("../locales/en/engine.ftl"),
        ],
    ),
    (
        "fr",
        &[
            include_str!("../locales/fr/widget.ftl"),
            include_str!("../locales/fr/plan.ftl"),
            include_str!("../locales/fr/engine.ftl"),
        ],
    ),
];

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

/// The messages of one language, with English behind them.
pub struct I18n {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
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
        for source in sources.iter() {
            // Our own files are checked by tests; a broken entry is skipped, not fatal.
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
    }
    bundle
}

impl I18n {
    /// The messages for a shipped language (`negotiate` first).
    pub fn new(lang: &'static str) -> Self {
        I18n {
            lang,
            bundle: bundle_for(lang),
            fallback: (lang != "en").then(|| bundle_for("en")),
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

    /// The attribute `attr` of message `id` (used for accessible labels).
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        // A missing id is a bug the message test catches; show the id rather than nothing.
        id.to_owned()
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
