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
