//! Numbers, money and feed text as the learner reads them, per language.

use stackway_core::{Feed, Text};
use yew::AttrValue;

/// A feed string in `lang`, falling back to the feed's default language.
pub fn text(feed: &Feed, value: &Text, lang: &str) -> String {
    value.get(lang, feed.default_language()).to_owned()
}

/// A feed string in `lang` (as [`text`]), with the language to mark its element with when the
/// feed has it only in another language: `lang="en"` on an English title in the French widget,
/// so that a screen reader reads it with an English voice (WCAG 3.1.2, Language of Parts).
/// `None` when it is in `lang` or the same in every language (a plain string), and when the
/// feed's key is not a language tag with an ISO 639 language (`en`, `fr-CA`, `oji`): a browser
/// would ignore it, and axe reports it.
pub fn text_marked(feed: &Feed, value: &Text, lang: &str) -> (String, Option<AttrValue>) {
    let (text, tag) = value.get_tagged(lang, feed.default_language());
    let other = tag
        .filter(|tag| !stackway_core::feed::same_language(tag, lang))
        .filter(|tag| {
            let primary = tag.split('-').next().unwrap_or("");
            (2..=3).contains(&primary.len())
                && stackway_core::validate::values::is_language_tag(tag)
        })
        .map(|tag| AttrValue::from(tag.to_owned()));
    (text.to_owned(), other)
}

/// A number with at most two decimals and locale digit grouping (`1,234.5` / `1 234,5`).
pub fn number(value: f64, lang: &str) -> String {
    if !value.is_finite() {
        return String::from("?");
    }
    let rounded = (value * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs() as u64;
    let cents = ((rounded.abs() - whole as f64) * 100.0).round() as u64;
    let (group, decimal) = if lang == "fr" {
        ('\u{202f}', ',')
    } else {
        (',', '.')
    };
    let digits = whole.to_string();
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(ch);
    }
    if cents > 0 {
        out.push(decimal);
        if cents.is_multiple_of(10) {
            out.push_str(&(cents / 10).to_string());
        } else {
            out.push_str(&format!("{cents:02}"));
        }
    }
    out
}

/// An amount of money: `$1,200` / `1 200 $` for Canadian dollars, the ISO code otherwise.
pub fn money(amount: f64, currency: &str, lang: &str) -> String {
    let n = number(amount, lang);
    match (currency, lang) {
        ("CAD", "fr") => format!("{n}\u{a0}$"),
        ("CAD", _) => format!("${n}"),
        (code, _) => format!("{n}\u{a0}{code}"),
    }
}

/// What tells apart credentials whose titles are the same in `lang` (registry pathways often
/// repeat "Elective" or a program's name), indexed like the feed's credentials: `None` for a
/// title no other credential has; else its code (a CTDL `codedNotation`, kept as a `code:` tag),
/// else the title of the first program that names it in its requirements, else its id, whichever
/// first tells it from the others of its title.
pub fn distinctions(
    feed: &Feed,
    catalog: &stackway_core::Catalog,
    lang: &str,
) -> Vec<Option<String>> {
    use stackway_core::interop::ctdl::vocab::CODE_TAG;
    let titles: Vec<String> = feed
        .credentials
        .iter()
        .map(|c| text(feed, &c.title, lang))
        .collect();
    let mut order: Vec<usize> = (0..titles.len()).collect();
    order.sort_unstable_by(|&a, &b| titles[a].cmp(&titles[b]).then(a.cmp(&b)));
    let mut out = vec![None; titles.len()];
    for same in order.chunk_by(|&a, &b| titles[a] == titles[b]) {
        if same.len() < 2 {
            continue;
        }
        // Ids are unique: past a few dozen alike, comparing codes or programs pairwise is not
        // worth its time.
        let ways = if same.len() > 64 { 2 } else { 0 };
        let code = |i: usize| {
            feed.credentials[i]
                .tags
                .iter()
                .find_map(|t| t.strip_prefix(CODE_TAG))
                .map(str::to_owned)
        };
        let program = |i: usize| {
            let parent = *catalog.parents(i as u32).first()?;
            let parent = catalog.credential(parent)?;
            Some(text(feed, &parent.title, lang))
        };
        let id = |i: usize| Some(feed.credentials[i].id.clone());
        let all: [&dyn Fn(usize) -> Option<String>; 3] = [&code, &program, &id];
        for way in &all[ways..] {
            let found: Vec<Option<String>> = same.iter().map(|&i| way(i)).collect();
            // Every one has it, and no two share it.
            let distinct = found
                .iter()
                .enumerate()
                .all(|(k, a)| a.is_some() && found[..k].iter().all(|b| b != a));
            if distinct {
                for (&i, found) in same.iter().zip(found) {
                    out[i] = found;
                }
                break;
            }
        }
    }
    out
}

/// Whether a URL from a feed may become a link: only absolute http(s) URLs.
pub fn safe_url(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_money_follow_the_language() {
        assert_eq!(number(1234.5, "en"), "1,234.5");
        assert_eq!(number(1234.5, "fr"), "1\u{202f}234,5");
        assert_eq!(number(3.0, "en"), "3");
        assert_eq!(number(0.25, "en"), "0.25");
        assert_eq!(money(1200.0, "CAD", "en"), "$1,200");
        assert_eq!(money(1200.0, "CAD", "fr"), "1\u{202f}200\u{a0}$");
        assert_eq!(money(10.0, "EUR", "en"), "10\u{a0}EUR");
    }

    /// Identical titles are told apart by code, else by the program that names them, else by
    /// id; a title of its own needs nothing.
    #[test]
    fn identical_titles_are_told_apart() {
        let feed = stackway_core::parse_feed(
            r#"{"stackway": 1, "id": "f", "languages": ["en"],
                "provider": {"id": "p", "name": "P"}, "credentials": [
                  {"id": "a", "kind": "course", "title": "Elective", "tags": ["code:BUS-101"]},
                  {"id": "b", "kind": "course", "title": "Elective", "tags": ["code:BUS-102"]},
                  {"id": "c", "kind": "course", "title": "Capstone"},
                  {"id": "d", "kind": "course", "title": "Capstone"},
                  {"id": "e", "kind": "course", "title": "Ethics"},
                  {"id": "f", "kind": "course", "title": "Intro"},
                  {"id": "g", "kind": "course", "title": "Intro"},
                  {"id": "cert", "kind": "certificate", "title": "Certificate", "requires": {"all": ["c", "f"]}},
                  {"id": "dip", "kind": "diploma", "title": "Diploma", "requires": {"all": ["d", "f"]}}
                ]}"#,
        )
        .feed
        .expect("a readable feed");
        let catalog = stackway_core::Catalog::new(&feed);
        let found = distinctions(&feed, &catalog, "en");
        let found: Vec<Option<&str>> = found.iter().map(Option::as_deref).collect();
        assert_eq!(
            found,
            [
                Some("BUS-101"),
                Some("BUS-102"),
                Some("Certificate"),
                Some("Diploma"),
                None,
                // Both count toward the certificate first: their ids tell them apart.
                Some("f"),
                Some("g"),
                None,
                None
            ]
        );
    }

    #[test]
    fn only_http_urls_become_links() {
        assert_eq!(safe_url(" https://a.ca/x "), Some("https://a.ca/x"));
        assert_eq!(safe_url("HTTP://a.ca"), Some("HTTP://a.ca"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("//evil.example"), None);
        assert_eq!(safe_url("é"), None);
    }

    #[test]
    fn only_text_in_another_well_formed_language_is_marked() {
        let feed = stackway_core::parse_feed(
            r#"{"stackway": 1, "id": "f", "languages": ["en", "fr"],
                "provider": {"id": "p", "name": "P"}, "credentials": []}"#,
        )
        .feed
        .expect("a readable feed");
        let text = |json: &str| -> Text { serde_json::from_str(json).unwrap() };
        let marked = |json: &str, lang: &str| text_marked(&feed, &text(json), lang).1;
        assert_eq!(marked(r#"{"en": "Data"}"#, "fr").as_deref(), Some("en"));
        assert_eq!(
            marked(r#"{"en-CA": "Data"}"#, "fr-CA").as_deref(),
            Some("en-CA")
        );
        assert_eq!(marked(r#"{"fr": "Données"}"#, "fr-CA"), None);
        assert_eq!(marked(r#""SQL""#, "fr"), None);
        assert_eq!(marked(r#"{"oji": "Data"}"#, "fr").as_deref(), Some("oji"));
        assert_eq!(marked(r#"{"english": "Data"}"#, "fr"), None);
        assert_eq!(marked(r#"{"en glish": "Data"}"#, "fr"), None);
        assert_eq!(marked(r#"{"": "Data"}"#, "fr"), None);
    }
}
