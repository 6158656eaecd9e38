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
///
/// Lowercasing is done here rather than with `char::to_lowercase`, whose Unicode tables (about
/// 11 KB) would ship in the widget for this one use: ASCII, Latin-1, Latin Extended-A, Greek and
/// Cyrillic capitals are folded, which covers the feeds' languages; other scripts are compared
/// as written.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(lowercase)
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

/// The lowercase of `c` for the scripts [`fold`] covers; other characters unchanged.
fn lowercase(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            code + 32
        }
        0x400..=0x40F => code + 80,
        // Latin Extended-A pairs capital/small letters, with the capital first (even or odd
        // code points depending on the block); the exceptions are not letters in pairs.
        0x100..=0x137 | 0x14A..=0x177 if code & 1 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code & 1 == 1 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A maximum typed by the learner: `1200`, `1200.50` or `1200,50` (French decimal comma).
fn parse_limit(raw: &str) -> Option<f64> {
    stackway_core::decimal::parse(&raw.trim().replace(',', "."))
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
    use stackway_core::Cost;

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
        stackway_core::bench_support::feed(vec![a, b])
    }

    #[test]
    fn lowercase_agrees_with_unicode_on_the_scripts_it_covers() {
        let ranges = [0..0x250u32, 0x370..0x400, 0x400..0x460];
        for code in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut unicode = c.to_lowercase();
            let (Some(expected), None) = (unicode.next(), unicode.next()) else {
                continue;
            };
            let ours = lowercase(c);
            let folded = matches!(code, 0..=0x17F | 0x391..=0x3AB | 0x400..=0x42F);
            if folded {
                assert_eq!(ours, expected, "U+{code:04X} {c}");
            } else {
                // Outside the folded blocks (Latin Extended-B, accented Greek capitals, …)
                // characters stay as written, which is all the search needs.
                assert!(ours == expected || ours == c, "U+{code:04X} {c}");
            }
        }
        for (capital, small) in [
            ('É', 'é'),
            ('Œ', 'œ'),
            ('Ÿ', 'ÿ'),
            ('Ł', 'ł'),
            ('Ž', 'ž'),
            ('Ω', 'ω'),
            ('Я', 'я'),
            ('Ё', 'ё'),
        ] {
            assert_eq!(lowercase(capital), small);
        }
        assert_eq!(fold("ÉCOLE Été Œuvre"), "ecole ete œuvre");
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
