//! The widget's own words and the choice of language. The words are in Project Fluent files
//! (`locales/<lang>/*.ftl`), compiled at build time into static tables ([`catalog`], see
//! `build.rs`). The first screen's words (`widget.ftl`) are in the first module; the other
//! views' words and the engine's messages (`views.ftl`, `engine.ftl`) travel in the second one
//! ([`catalog::later`]), and an
//! [`I18n`] holds them once it is given them ([`I18n::with_later`]), when that module arrives.
//!
//! Feed text is not here: it comes from the feed's own language maps (`Text::get` with the feed's
//! default language as fallback). Only English and French are shipped; any other request falls
//! back to English, and a message missing in French (a test forbids it) would fall back too.

pub mod catalog;

pub use catalog::{Arg, LANGUAGES};

use catalog::Messages;

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
        if let Some(lang) = LANGUAGES.iter().find(|lang| **lang == primary) {
            return lang;
        }
    }
    "en"
}

/// The messages of one language, with English behind them: the first screen's, and the later
/// views' once it holds them (only those views ask for them, and they arrive with them).
#[derive(Debug)]
pub struct I18n {
    lang: &'static str,
    /// The later views' words in `lang`, then in English, once given.
    later: Option<[Messages; 2]>,
}

/// Two i18n are the same when they speak the same language with the same words (the tables
/// are static: holding the later words or not is all that can differ).
impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && self.later.is_some() == other.later.is_some()
    }
}

impl I18n {
    /// The first screen's messages for a shipped language (`negotiate` first).
    pub fn new(lang: &'static str) -> Self {
        I18n { lang, later: None }
    }

    /// These messages and the later views' words, as `later` (the second module's
    /// `messages`) gives them for a language.
    pub fn with_later(&self, later: fn(&str) -> Messages) -> Self {
        I18n {
            lang: self.lang,
            later: Some([later(self.lang), later("en")]),
        }
    }

    /// Whether it holds the later views' words.
    pub fn has_later(&self) -> bool {
        self.later.is_some()
    }

    /// The language tag in use (`en` or `fr`).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    /// The message `id` with arguments (numbers select plural forms).
    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut out = String::new();
        match self.pattern(id) {
            Some(pattern) => catalog::write(pattern, args, self.lang, &mut out),
            // A missing id is a bug the message test catches; show the id rather than nothing.
            None => out.push_str(id),
        }
        out
    }

    /// The pattern of `id`: the language's first-screen and later words, then English's.
    fn pattern(&self, id: &str) -> Option<&'static [catalog::Part]> {
        [self.lang, "en"]
            .into_iter()
            .enumerate()
            .find_map(|(at, lang)| {
                catalog::find(catalog::first(lang), id)
                    .or_else(|| self.later.and_then(|later| catalog::find(later[at], id)))
            })
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
    fn later_words_are_formatted_only_once_given() {
        // A word of the later views (views.ftl), which the second module brings.
        let (id, _) = catalog::later("fr")[0];
        let first = I18n::new("fr");
        assert_eq!(first.t(id), id);
        assert!(!first.has_later());
        let both = first.with_later(catalog::later);
        assert!(both.has_later());
        let mut expected = String::new();
        catalog::write(catalog::later("fr")[0].1, &[], "fr", &mut expected);
        assert!(!expected.is_empty() && expected != id);
        assert_eq!(both.t(id), expected);
        // The first screen's words are the same with or without them.
        let (first_id, _) = catalog::first("fr")[0];
        assert_eq!(both.t(first_id), first.t(first_id));
        assert_ne!(first, both);
        assert_eq!(both, first.with_later(catalog::later));
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
