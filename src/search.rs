//! Explore's search and filters over a feed's credentials.
//!
//! The text of every credential (titles and summaries in every language, tags, skill names) is
//! folded once into a [`SearchIndex`], so each keystroke is one pass of substring tests: fast
//! enough for 10,000 credentials within a frame. Folding lowercases and drops French accents, so
//! "credit" finds "crédit".

use stackway_core::{Credential, Delivery, Feed, Kind, Text};

/// What the learner typed and chose. Empty strings mean "any".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub query: String,
    pub skill: String,
    pub tag: String,
    pub delivery: String,
    pub kind: String,
    pub provider: String,
    /// Maximum cost, as typed (an unreadable number means no limit).
    pub max_cost: String,
    /// Maximum weeks, as typed.
    pub max_weeks: String,
}

/// One credential's searchable text, folded.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    /// Folds the text of every credential of `feed`, in feed order.
    pub fn new(feed: &Feed) -> Self {
        let skill_name = |id: &str| {
            feed.skills
                .iter()
                .find(|s| s.id == id)
                .map(|s| all_languages(&s.name))
                .unwrap_or_default()
        };
        let haystacks = feed
            .credentials
            .iter()
            .map(|c| {
                let mut text = all_languages(&c.title);
                if let Some(summary) = &c.summary {
                    text.push(' ');
                    text.push_str(&all_languages(summary));
                }
                for tag in &c.tags {
                    text.push(' ');
                    text.push_str(tag);
                }
                for skill in &c.skills {
                    text.push(' ');
                    text.push_str(&skill_name(skill));
                }
                text.push(' ');
                text.push_str(&c.id);
                fold(&text)
            })
            .collect();
        SearchIndex { haystacks }
    }
}

fn all_languages(text: &Text) -> String {
    match text {
        Text::Plain(s) => s.clone(),
        Text::Localized(map) => map.values().cloned().collect::<Vec<_>>().join(" "),
    }
}

/// Lowercases and removes the accents of Latin letters used in French.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            other => other,
        })
        .collect()
}

fn parse_limit(raw: &str) -> Option<f64> {
    raw.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// Indices (feed order) of the credentials matching every filter. Every word of the query must
/// appear somewhere in the credential's text.
pub fn search(feed: &Feed, index: &SearchIndex, filters: &Filters) -> Vec<usize> {
    let words: Vec<String> = fold(&filters.query)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let kind = Kind::parse(&filters.kind);
    let delivery = Delivery::parse(&filters.delivery);
    let max_cost = parse_limit(&filters.max_cost);
    let max_weeks = parse_limit(&filters.max_weeks);
    let matches = |c: &Credential, haystack: &str| {
        words.iter().all(|w| haystack.contains(w.as_str()))
            && (filters.skill.is_empty() || c.skills.contains(&filters.skill))
            && (filters.tag.is_empty() || c.tags.contains(&filters.tag))
            && delivery.is_none_or(|d| c.delivery.contains(&d))
            && kind.is_none_or(|k| c.kind == k)
            && (filters.provider.is_empty()
                || c.provider.as_deref().unwrap_or(&feed.provider.id) == filters.provider)
            && max_cost.is_none_or(|max| c.cost.as_ref().is_some_and(|cost| cost.amount <= max))
            && max_weeks.is_none_or(|max| c.weeks.is_some_and(|w| w <= max))
    };
    feed.credentials
        .iter()
        .zip(&index.haystacks)
        .enumerate()
        .filter(|(_, (c, haystack))| matches(c, haystack))
        .map(|(i, _)| i)
        .collect()
}

/// The distinct tags of a feed, sorted: the tag filter's choices.
pub fn tags(feed: &Feed) -> Vec<String> {
    let mut tags: Vec<String> = feed
        .credentials
        .iter()
        .flat_map(|c| c.tags.iter().cloned())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackway_core::{Cost, Institution};

    fn feed() -> Feed {
        let mut a = Credential::new("a", Kind::MicroCredential, "Données et santé");
        a.tags = vec!["health".into()];
        a.weeks = Some(6.0);
        a.cost = Some(Cost {
            amount: 300.0,
            currency: "CAD".into(),
        });
        a.delivery = vec![Delivery::Online];
        let mut b = Credential::new("b", Kind::Certificate, "Project management");
        b.weeks = Some(20.0);
        Feed {
            stackway: 1,
            id: "f".into(),
            updated: None,
            languages: vec!["en".into()],
            credit_label: None,
            provider: Institution {
                id: "p".into(),
                name: Text::Plain("P".into()),
                url: None,
            },
            institutions: vec![],
            skills: vec![],
            credentials: vec![a, b],
            equivalences: vec![],
            pathways: vec![],
        }
    }

    #[test]
    fn query_words_match_without_accents_or_case() {
        let feed = feed();
        let index = SearchIndex::new(&feed);
        let query = |q: &str| {
            search(
                &feed,
                &index,
                &Filters {
                    query: q.into(),
                    ..Filters::default()
                },
            )
        };
        assert_eq!(query("DONNEES sante"), vec![0]);
        assert_eq!(query("project"), vec![1]);
        assert_eq!(query(""), vec![0, 1]);
        assert!(query("nothing-like-this").is_empty());
    }

    #[test]
    fn filters_combine() {
        let feed = feed();
        let index = SearchIndex::new(&feed);
        let with = |filters: Filters| search(&feed, &index, &filters);
        assert_eq!(
            with(Filters {
                max_weeks: "10".into(),
                ..Filters::default()
            }),
            vec![0]
        );
        assert_eq!(
            with(Filters {
                kind: "certificate".into(),
                ..Filters::default()
            }),
            vec![1]
        );
        // A credential without a cost is excluded by a cost limit: its cost is unknown.
        assert_eq!(
            with(Filters {
                max_cost: "1000".into(),
                delivery: "online".into(),
                tag: "health".into(),
                provider: "p".into(),
                ..Filters::default()
            }),
            vec![0]
        );
        assert_eq!(
            with(Filters {
                max_cost: "not a number".into(),
                ..Filters::default()
            }),
            vec![0, 1]
        );
    }
}
