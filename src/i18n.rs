//! The widget's own words and the choice of language. The words are in Project Fluent files
//! (`locales/<lang>/*.ftl`), compiled at build time into static tables ([`catalog`], see
//! `build.rs`). The first screen's words (`widget.ftl`, `engine.ftl`) are in the first module;
//! the other views' words (`views.ftl`) travel in the second one ([`catalog::later`]).
//!
//! Feed text is not here: it comes from the feed's own language maps (`Text::get` with the feed's
//! default language as fallback). Only English and French are shipped; any other request falls
//! back to English, and a message missing in French (a test forbids it) would fall back too.

pub mod catalog;

pub use catalog::LANGUAGES;

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

/// The messages of one language, with English behind them. The words of the views after the
/// first screen are looked up once the widget's second module is in (only those views ask for
/// them, and they run from that module).
#[derive(Debug, PartialEq)]
pub struct I18n {
    lang: &'static str,
}

impl I18n {
    /// The messages for a shipped language (`negotiate` first).
    pub fn new(lang: &'static str) -> Self {
        I18n { lang }
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
        let later: Option<fn(&str) -> Messages> = crate::later::loaded().map(|m| m.messages);
        [self.lang, "en"].into_iter().find_map(|lang| {
            catalog::find(catalog::first(lang), id)
                .or_else(|| later.and_then(|later| catalog::find(later(lang), id)))
        })
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
