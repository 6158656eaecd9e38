//! The typed model of feed format v1, the public contract between institutions and Stackway.
//!
//! These types are what the rest of the core works with once a feed has been read. They are
//! deliberately plain data: validation lives in `validate`, indexing in `catalog`. Every list is
//! kept in feed order so that outputs are deterministic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The current (and only) format version.
pub const FORMAT_VERSION: u32 = 1;

/// A whole feed: one institution's offer of credentials and how they stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    /// Format version; always 1 for this format.
    pub stackway: u32,
    /// Feed id, used for example to key a learner's saved plan.
    pub id: String,
    /// Date of the last update, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Language tags; the first one is the default.
    pub languages: Vec<String>,
    /// What a credit is called at this institution ("credits", "crédits", "units").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_label: Option<Text>,
    /// The feed's owner.
    pub provider: Institution,
    /// Other institutions: partners and transfer sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub institutions: Vec<Institution>,
    /// Skills that credentials teach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    /// Every credential, from micro-credentials to degrees.
    pub credentials: Vec<Credential>,
    /// Credit transfer and prior-learning rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
    /// Curated routes to show learners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pathways: Vec<Pathway>,
}

/// A human-readable string, either in one language or as a map from language tag to string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// The same string in every language.
    Plain(String),
    /// One string per language tag, for example `{"en": "…", "fr": "…"}`.
    Localized(LangMap),
}

/// Strings by language tag, in tag order: a sorted list, since a text has a handful of
/// languages, and a `BTreeMap<String, String>` would cost the widget a B-tree's code for this
/// one type. Reads and writes as a JSON object, like the map it replaces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LangMap(Vec<(String, String)>);

impl LangMap {
    /// An empty map.
    pub fn new() -> LangMap {
        LangMap::default()
    }

    fn find(&self, tag: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(tag))
    }

    /// The string for exactly `tag`.
    pub fn get(&self, tag: &str) -> Option<&String> {
        self.get_key_value(tag).map(|(_, v)| v)
    }

    /// The entry for exactly `tag`.
    pub fn get_key_value(&self, tag: &str) -> Option<(&String, &String)> {
        let at = self.find(tag).ok()?;
        self.0.get(at).map(|(k, v)| (k, v))
    }

    /// Whether there is a string for exactly `tag`.
    pub fn contains_key(&self, tag: &str) -> bool {
        self.find(tag).is_ok()
    }

    /// A map of `entries`, keeping the first one of each tag (as the validator does with a
    /// key written twice). Sorts once: a hostile object with 100,000 keys stays fast.
    pub fn first_wins(mut entries: Vec<(String, String)>) -> LangMap {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, first| later.0 == first.0);
        LangMap(entries)
    }

    /// The entries in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The strings in tag order.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many languages.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no language.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Like a map's: a later entry for the same tag replaces an earlier one.
impl FromIterator<(String, String)> for LangMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(entries: I) -> LangMap {
        let mut entries: Vec<(String, String)> = entries.into_iter().collect();
        entries.reverse();
        LangMap::first_wins(entries)
    }
}

impl<const N: usize> From<[(String, String); N]> for LangMap {
    fn from(entries: [(String, String); N]) -> LangMap {
        entries.into_iter().collect()
    }
}

impl Serialize for LangMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for LangMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<LangMap, D::Error> {
        // Only native tools read feeds with serde (the widget uses its own reader), so the
        // B-tree here never reaches the widget.
        let map = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(LangMap(map.into_iter().collect()))
    }
}

impl Text {
    /// The string for `lang`, falling back to `default_lang`, then to any language present.
    /// Tags match case-insensitively and by primary subtag (`fr-CA` finds `fr`).
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        self.get_tagged(lang, default_lang).0
    }

    /// Like [`Text::get`], with the tag of the language the string is in, as the feed wrote it:
    /// `None` for a plain string (the same in every language) and for an empty map. A page that
    /// shows the string to a reader of `lang` marks it with that tag when it is another language,
    /// so that a screen reader reads it in the right voice (WCAG 3.1.2, Language of Parts).
    pub fn get_tagged<'a>(&'a self, lang: &str, default_lang: &str) -> (&'a str, Option<&'a str>) {
        match self {
            Text::Plain(s) => (s, None),
            Text::Localized(map) => lookup_lang(map, lang)
                .or_else(|| lookup_lang(map, default_lang))
                .or_else(|| map.iter().next())
                .map_or(("", None), |(tag, s)| (s.as_str(), Some(tag.as_str()))),
        }
    }

    /// Whether this text has a string for `lang` (a plain string has every language).
    pub fn has_lang(&self, lang: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localized(map) => lookup_lang(map, lang).is_some(),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

fn lookup_lang<'a>(map: &'a LangMap, lang: &str) -> Option<(&'a String, &'a String)> {
    if let Some(entry) = map.get_key_value(lang) {
        return Some(entry);
    }
    let wanted = lang.to_ascii_lowercase();
    map.iter()
        .find(|(k, _)| k.to_ascii_lowercase() == wanted)
        .or_else(|| map.iter().find(|(k, _)| same_language(k, lang)))
}

/// Whether two language tags name the same language (their primary subtags match, ignoring
/// case): `fr-CA` and `fr` do, `en` and `fr` do not.
pub fn same_language(a: &str, b: &str) -> bool {
    fn primary(tag: &str) -> &str {
        tag.split(['-', '_']).next().unwrap_or("")
    }
    primary(a).eq_ignore_ascii_case(primary(b))
}

/// An institution: the feed's owner, a partner, or a transfer source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Institution {
    /// Unique id among institutions.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Home page (absolute http or https URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A skill that credentials teach, optionally from a published framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    /// Unique id among skills.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// The framework it comes from, e.g. "ESDC Skills and Competencies Taxonomy".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// The skill's URI in that framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// What sort of credential this is. Kinds from `certificate` up are usually stackable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    MicroCredential,
    Badge,
    Course,
    Certificate,
    GraduateCertificate,
    Diploma,
    AdvancedDiploma,
    Degree,
    PriorLearning,
    /// An occupation or job the pathway leads to (a CTDL `ceterms:Job`, `Occupation`,
    /// `WorkRole`, `Task` or `JobComponent`): not learning to be recognised, but where the
    /// learning goes. It can have requirements like any stackable credential.
    Career,
}

impl Kind {
    /// Every kind, in the order of the format's documentation.
    pub const ALL: [Kind; 10] = [
        Kind::MicroCredential,
        Kind::Badge,
        Kind::Course,
        Kind::Certificate,
        Kind::GraduateCertificate,
        Kind::Diploma,
        Kind::AdvancedDiploma,
        Kind::Degree,
        Kind::PriorLearning,
        Kind::Career,
    ];

    /// The kind's spelling in a feed.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::MicroCredential => "micro-credential",
            Kind::Badge => "badge",
            Kind::Course => "course",
            Kind::Certificate => "certificate",
            Kind::GraduateCertificate => "graduate-certificate",
            Kind::Diploma => "diploma",
            Kind::AdvancedDiploma => "advanced-diploma",
            Kind::Degree => "degree",
            Kind::PriorLearning => "prior-learning",
            Kind::Career => "career",
        }
    }

    /// Parses a kind as spelled in a feed.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a credential is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    Online,
    InPerson,
    Hybrid,
}

impl Delivery {
    /// Every delivery mode.
    pub const ALL: [Delivery; 3] = [Delivery::Online, Delivery::InPerson, Delivery::Hybrid];

    /// The mode's spelling in a feed.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Online => "online",
            Delivery::InPerson => "in-person",
            Delivery::Hybrid => "hybrid",
        }
    }

    /// Parses a delivery mode as spelled in a feed.
    pub fn parse(s: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// A price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// Amount, ≥ 0.
    pub amount: f64,
    /// ISO 4217 currency code, e.g. "CAD".
    pub currency: String,
}

/// An employer partner of a credential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employer {
    /// Display name.
    pub name: Text,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The Open Badges achievement a credential is issued as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Badge {
    /// URL (id) of the Open Badges achievement.
    pub achievement: String,
    /// URL of the badge image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// One credential of the offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    /// Unique id among credentials.
    pub id: String,
    /// What sort of credential this is.
    pub kind: Kind,
    /// Display title.
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The institution's page for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Institution id; `None` means the feed's provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivery: Vec<Delivery>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Skill ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employers: Vec<Employer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge: Option<Badge>,
    /// How this credential is earned by stacking others; makes it a derived (stackable) credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<Requirement>,
    /// What must be held before starting it (not consumed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<Requirement>,
    /// How long (years, > 0) it counts toward stacking after it is earned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_years: Option<f64>,
}

impl Credential {
    /// A minimal credential, handy for tests and importers.
    pub fn new(id: impl Into<String>, kind: Kind, title: impl Into<String>) -> Self {
        Credential {
            id: id.into(),
            kind,
            title: Text::Plain(title.into()),
            summary: None,
            url: None,
            provider: None,
            hours: None,
            credits: None,
            weeks: None,
            cost: None,
            delivery: Vec::new(),
            level: None,
            tags: Vec::new(),
            skills: Vec::new(),
            outcomes: Vec::new(),
            assessment: None,
            employers: Vec::new(),
            badge: None,
            requires: None,
            prerequisites: None,
            valid_years: None,
        }
    }

    /// A stackable credential is earned by stacking others (it has `requires`).
    pub fn is_stackable(&self) -> bool {
        self.requires.is_some()
    }
}

/// How a credential is earned or started, as a tree of groups over credential ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Requirement {
    /// One credential, by id.
    Credential(String),
    /// Every child.
    All {
        all: Vec<Requirement>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
    /// One child.
    Any {
        any: Vec<Requirement>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
    /// `choose` distinct children.
    Choose {
        choose: u32,
        from: Vec<Requirement>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
    /// Distinct listed credentials whose credits sum to at least `credits`.
    Credits {
        credits: f64,
        from: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
}

impl Requirement {
    /// The group's label, if any (a leaf has none).
    pub fn label(&self) -> Option<&Text> {
        match self {
            Requirement::Credential(_) => None,
            Requirement::All { label, .. }
            | Requirement::Any { label, .. }
            | Requirement::Choose { label, .. }
            | Requirement::Credits { label, .. } => label.as_ref(),
        }
    }

    /// Every credential id this requirement names directly or in nested groups, in order.
    pub fn referenced_ids(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Requirement::Credential(id) => out.push(id),
            Requirement::All { all: children, .. }
            | Requirement::Any { any: children, .. }
            | Requirement::Choose { from: children, .. } => {
                for child in children {
                    child.collect_ids(out);
                }
            }
            Requirement::Credits { from, .. } => out.extend(from.iter().map(String::as_str)),
        }
    }

    /// This requirement without the credential ids for which `remove` is true: leaves and ids in
    /// a `credits` list go, groups left empty disappear (so does the whole requirement, `None`),
    /// labels stay. What becomes of a `choose n` group left with n children or fewer is
    /// `shortfall`'s choice.
    pub fn prune_leaves(
        self,
        remove: &dyn Fn(&str) -> bool,
        shortfall: ChooseShortfall,
    ) -> Option<Requirement> {
        let prune_all = |children: Vec<Requirement>| -> Vec<Requirement> {
            children
                .into_iter()
                .filter_map(|c| c.prune_leaves(remove, shortfall))
                .collect()
        };
        match self {
            Requirement::Credential(id) => (!remove(&id)).then_some(Requirement::Credential(id)),
            Requirement::All { all, label } => {
                let all = prune_all(all);
                (!all.is_empty()).then_some(Requirement::All { all, label })
            }
            Requirement::Any { any, label } => {
                let any = prune_all(any);
                (!any.is_empty()).then_some(Requirement::Any { any, label })
            }
            Requirement::Choose {
                choose,
                from,
                label,
            } => {
                let from = prune_all(from);
                if from.is_empty() {
                    None
                } else if shortfall == ChooseShortfall::BecomeAll && choose as usize >= from.len() {
                    Some(Requirement::All { all: from, label })
                } else {
                    Some(Requirement::Choose {
                        choose,
                        from,
                        label,
                    })
                }
            }
            Requirement::Credits {
                credits,
                mut from,
                label,
            } => {
                from.retain(|id| !remove(id));
                (!from.is_empty()).then_some(Requirement::Credits {
                    credits,
                    from,
                    label,
                })
            }
        }
    }
}

/// What [`Requirement::prune_leaves`] does with a `choose n` group left with n children or fewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseShortfall {
    /// `choose n` stays as written, even when fewer than n children remain (the group can then
    /// never be satisfied): the validator drops bad references this way, so that a feed never
    /// asks for less than its author wrote.
    Keep,
    /// `choose n` left with n children or fewer becomes `all` of them: the CTDL importer does
    /// this, because a registry condition whose targets are partly absent requires what is left.
    BecomeAll,
}

/// A credit-transfer or prior-learning rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Equivalence {
    /// Credentials that, all held, stand in for `counts_as`.
    pub holding: Vec<String>,
    /// The credential they stand in for.
    pub counts_as: String,
    /// Where the rule applies; `None` means everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toward: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A curated route to a goal, shown to learners as ordered steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pathway {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The credential this route leads to.
    pub goal: String,
    /// Credential ids in order.
    pub steps: Vec<String>,
}

impl Feed {
    /// The default language (the first declared one), or "en" if none is declared.
    pub fn default_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("en")
    }

    /// Looks a credential up by id (linear; use `catalog::Catalog` for repeated look-ups).
    pub fn credential(&self, id: &str) -> Option<&Credential> {
        self.credentials.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(id: &str) -> Requirement {
        Requirement::Credential(id.into())
    }

    fn choose(n: u32, from: Vec<Requirement>) -> Requirement {
        Requirement::Choose {
            choose: n,
            from,
            label: Some(Text::Plain("Electives".into())),
        }
    }

    fn localized(pairs: &[(&str, &str)]) -> Text {
        Text::Localized(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_text_tells_which_language_it_fell_back_to() {
        let both = localized(&[("en", "Data analysis"), ("fr-CA", "Analyse de données")]);
        assert_eq!(
            both.get_tagged("fr", "en"),
            ("Analyse de données", Some("fr-CA"))
        );
        assert_eq!(both.get_tagged("EN", "fr"), ("Data analysis", Some("en")));
        let english_only = localized(&[("en", "Data analysis")]);
        assert_eq!(
            english_only.get_tagged("fr", "en"),
            ("Data analysis", Some("en"))
        );
        // Neither the learner's language nor the feed's default: the first one present.
        let german_only = localized(&[("de", "Datenanalyse"), ("es", "Análisis")]);
        assert_eq!(
            german_only.get_tagged("fr", "en"),
            ("Datenanalyse", Some("de"))
        );
        // A plain string is the same in every language: nothing to mark.
        assert_eq!(
            Text::Plain("SQL".into()).get_tagged("fr", "en"),
            ("SQL", None)
        );
        assert_eq!(localized(&[]).get_tagged("fr", "en"), ("", None));
        assert_eq!(english_only.get("fr", "en"), "Data analysis");
    }

    #[test]
    fn a_lang_map_reads_and_writes_like_the_map_it_replaced() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        // The validator keeps the first string of a tag; collecting keeps the last, as a map.
        let first = LangMap::first_wins(pairs(&[("fr", "un"), ("en", "one"), ("fr", "deux")]));
        assert_eq!(first.get("fr").map(String::as_str), Some("un"));
        let last: LangMap = pairs(&[("fr", "un"), ("en", "one"), ("fr", "deux")])
            .into_iter()
            .collect();
        assert_eq!(last.get("fr").map(String::as_str), Some("deux"));
        assert_eq!(last.len(), 2);
        assert!(last.contains_key("en") && !last.contains_key("EN"));
        // JSON: an object in tag order, and back.
        let text = Text::Localized(last);
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, r#"{"en":"one","fr":"deux"}"#);
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), text);
        assert_eq!(
            serde_json::from_str::<Text>(r#"{"fr":"a","en":"b","fr":"c"}"#).unwrap(),
            Text::Localized(pairs(&[("en", "b"), ("fr", "c")]).into_iter().collect())
        );
        // A hostile text with 100,000 languages is sorted once, not inserted one by one.
        let many: Vec<(String, String)> = (0..100_000)
            .rev()
            .map(|i| (format!("x{i}"), String::new()))
            .collect();
        let many = LangMap::first_wins(many);
        assert_eq!(many.len(), 100_000);
        assert!(many.iter().zip(many.iter().skip(1)).all(|(a, b)| a.0 < b.0));
        assert!(many.get("x99999").is_some());
    }

    #[test]
    fn language_tags_compare_by_primary_subtag() {
        assert!(same_language("fr-CA", "fr"));
        assert!(same_language("FR", "fr_ca"));
        assert!(!same_language("en", "fr"));
        assert!(!same_language("", "fr"));
    }

    #[test]
    fn pruning_removes_leaves_and_credit_ids_everywhere_and_drops_emptied_groups() {
        let requirement = Requirement::All {
            all: vec![
                leaf("a"),
                Requirement::Any {
                    any: vec![leaf("x"), leaf("x")],
                    label: None,
                },
                Requirement::Credits {
                    credits: 6.0,
                    from: vec!["x".into(), "b".into()],
                    label: None,
                },
                Requirement::Credits {
                    credits: 3.0,
                    from: vec!["x".into()],
                    label: None,
                },
            ],
            label: Some(Text::Plain("Core".into())),
        };
        let expected = Requirement::All {
            all: vec![
                leaf("a"),
                Requirement::Credits {
                    credits: 6.0,
                    from: vec!["b".into()],
                    label: None,
                },
            ],
            label: Some(Text::Plain("Core".into())),
        };
        for shortfall in [ChooseShortfall::Keep, ChooseShortfall::BecomeAll] {
            assert_eq!(
                requirement.clone().prune_leaves(&|id| id == "x", shortfall),
                Some(expected.clone())
            );
            assert_eq!(
                requirement
                    .clone()
                    .prune_leaves(&|id| ["a", "b", "x"].contains(&id), shortfall),
                None,
                "nothing left"
            );
            assert_eq!(
                requirement.clone().prune_leaves(&|_| false, shortfall),
                Some(requirement.clone()),
                "nothing removed"
            );
        }
    }

    #[test]
    fn a_choose_left_short_is_kept_or_becomes_all_as_asked() {
        let group = choose(2, vec![leaf("a"), leaf("b"), leaf("c")]);
        let remove_c = |id: &str| id == "c";
        assert_eq!(
            group.clone().prune_leaves(&remove_c, ChooseShortfall::Keep),
            Some(choose(2, vec![leaf("a"), leaf("b")]))
        );
        assert_eq!(
            group
                .clone()
                .prune_leaves(&remove_c, ChooseShortfall::BecomeAll),
            Some(Requirement::All {
                all: vec![leaf("a"), leaf("b")],
                label: Some(Text::Plain("Electives".into())),
            })
        );
        // Fewer left than chosen: the validator keeps the (now unfillable) count.
        let remove_bc = |id: &str| id != "a";
        assert_eq!(
            group
                .clone()
                .prune_leaves(&remove_bc, ChooseShortfall::Keep),
            Some(choose(2, vec![leaf("a")]))
        );
        assert_eq!(
            group
                .clone()
                .prune_leaves(&remove_bc, ChooseShortfall::BecomeAll),
            Some(Requirement::All {
                all: vec![leaf("a")],
                label: Some(Text::Plain("Electives".into())),
            })
        );
        // Enough left: both keep the choice.
        let wide = choose(1, vec![leaf("a"), leaf("b"), leaf("c")]);
        for shortfall in [ChooseShortfall::Keep, ChooseShortfall::BecomeAll] {
            assert_eq!(
                wide.clone().prune_leaves(&remove_c, shortfall),
                Some(choose(1, vec![leaf("a"), leaf("b")]))
            );
        }
    }
}
