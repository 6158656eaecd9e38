//! The widget's own words in English and French.

/// Every user-facing string the minimal widget shows, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strings {
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub feed_has_problems: &'static str,
    pub credentials: &'static str,
    pub programs: &'static str,
    pub none: &'static str,
    pub hours: &'static str,
    pub credits: &'static str,
    pub stacks_from: &'static str,
}

const EN: Strings = Strings {
    loading: "Loading credentials…",
    load_failed: "The list of credentials could not be loaded.",
    feed_has_problems: "This feed has problems; some entries may be missing.",
    credentials: "Credentials",
    programs: "Stackable programs",
    none: "None yet.",
    hours: "hours",
    credits: "credits",
    stacks_from: "Built from",
};

const FR: Strings = Strings {
    loading: "Chargement des titres…",
    load_failed: "La liste des titres n’a pas pu être chargée.",
    feed_has_problems: "Ce flux comporte des problèmes ; certaines entrées peuvent manquer.",
    credentials: "Titres de compétences",
    programs: "Programmes cumulables",
    none: "Aucun pour l’instant.",
    hours: "heures",
    credits: "crédits",
    stacks_from: "Composé de",
};

impl Strings {
    /// The strings for a language tag; French for any `fr` tag, English otherwise.
    pub fn for_lang(lang: &str) -> &'static Strings {
        let primary = lang.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            &FR
        } else {
            &EN
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_tags_pick_french_and_everything_else_english() {
        assert_eq!(Strings::for_lang("fr").credentials, FR.credentials);
        assert_eq!(Strings::for_lang("fr-CA").credentials, FR.credentials);
        assert_eq!(Strings::for_lang("en").credentials, EN.credentials);
        assert_eq!(Strings::for_lang("de").credentials, EN.credentials);
        assert_eq!(Strings::for_lang("").credentials, EN.credentials);
    }
}
