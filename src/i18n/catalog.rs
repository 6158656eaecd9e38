//! The widget's messages as static tables, compiled from the Fluent files by `build.rs`, and
//! the small resolver that formats them: text, variables (numbers with the language's digit
//! grouping) and selectors on a variable, matched by exact number, by CLDR plural category or by
//! word, in order, else the default variant, as Fluent does.

use crate::format;

/// One piece of a message.
#[derive(Debug)]
pub enum Part {
    /// Literal text.
    Text(&'static str),
    /// The value of an argument.
    Var(&'static str),
    /// One of several variants, chosen by an argument.
    Select {
        /// The argument that chooses.
        var: &'static str,
        /// Keys and their patterns, in the file's order.
        variants: &'static [(Key, &'static [Part])],
        /// The index of the default variant (`*[other]`).
        default: usize,
    },
}

/// A variant's key.
#[derive(Debug)]
pub enum Key {
    /// A plural category (`one`, `other`, …) or a word (`yes`).
    Name(&'static str),
    /// An exact number (`[0]`).
    Number(f64),
}

/// One file set of one language: ids sorted, each with its pattern.
pub type Messages = &'static [(&'static str, &'static [Part])];

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

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

/// The first screen's messages in `lang` (a shipped language; others get English).
pub fn first(lang: &str) -> Messages {
    match lang {
        "fr" => FR_FIRST,
        _ => EN_FIRST,
    }
}

/// The later views' messages in `lang`. Only the widget's second module names this function
/// (`crate::later`), so their text travels in that module.
pub fn later(lang: &str) -> Messages {
    match lang {
        "fr" => FR_LATER,
        _ => EN_LATER,
    }
}

/// The pattern of message `id`, if `messages` has it.
pub fn find(messages: Messages, id: &str) -> Option<&'static [Part]> {
    messages
        .binary_search_by(|(key, _)| (*key).cmp(id))
        .ok()
        .map(|index| messages[index].1)
}

/// Writes `pattern` with `args` in `lang`. An argument the message names but the caller did
/// not give shows as `{$name}`, and a selector on it takes the default, as in Fluent.
pub fn write(pattern: &[Part], args: &[(&str, Arg)], lang: &str, out: &mut String) {
    for part in pattern {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Var(name) => match arg(args, name) {
                Some(Arg::Num(n)) => out.push_str(&format::number(*n, lang)),
                Some(Arg::Str(s)) => out.push_str(s),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Select {
                var,
                variants,
                default,
            } => {
                let value = arg(args, var);
                let chosen = variants
                    .iter()
                    .find(|(key, _)| value.is_some_and(|value| matches(key, value, lang)))
                    .or_else(|| variants.get(*default));
                if let Some((_, pattern)) = chosen {
                    write(pattern, args, lang, out);
                }
            }
        }
    }
}

fn arg<'a>(args: &'a [(&str, Arg)], name: &str) -> Option<&'a Arg> {
    args.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

fn matches(key: &Key, value: &Arg, lang: &str) -> bool {
    match (key, value) {
        (Key::Number(k), Arg::Num(n)) => k == n,
        (Key::Name(k), Arg::Num(n)) => *k == plural_category(*n, lang),
        (Key::Name(k), Arg::Str(s)) => k == s,
        (Key::Number(_), Arg::Str(_)) => false,
    }
}

/// The CLDR cardinal plural category of `n` as the widget shows it (at most two decimals, see
/// [`format::number`]): English `one` for exactly 1; French `one` below 2 (0, 1, 1.5) and
/// `many` for whole millions, else `other`. Integer arithmetic only: a float remainder would
/// bring `fmod` and 128-bit division into the first download.
pub fn plural_category(n: f64, lang: &str) -> &'static str {
    if !n.is_finite() {
        return "other";
    }
    let hundredths = (n.abs() * 100.0).round();
    let (whole, shows_fraction, whole_millions) = if hundredths < TWO_POW_64 {
        let hundredths = hundredths as u64;
        let whole = hundredths / 100;
        (
            whole,
            !hundredths.is_multiple_of(100),
            whole.is_multiple_of(1_000_000),
        )
    } else {
        // From 1.8e17 on every double is whole, and far beyond one or two.
        (u64::MAX, false, whole_mod_million(n.abs()) == 0)
    };
    match lang {
        "fr" if whole < 2 => "one",
        "fr" if whole_millions && !shows_fraction => "many",
        "fr" => "other",
        _ if whole == 1 && !shows_fraction => "one",
        _ => "other",
    }
}

const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

/// `whole mod 1,000,000` for a whole double of 2^64 or more: its mantissa times a power of two.
fn whole_mod_million(whole: f64) -> u64 {
    let bits = whole.to_bits();
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let twos = ((bits >> 52) & 0x7ff).saturating_sub(1075);
    (0..twos).fold(mantissa % 1_000_000, |r, _| r * 2 % 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_sorted_for_binary_search() {
        for table in [EN_FIRST, EN_LATER, FR_FIRST, FR_LATER] {
            assert!(!table.is_empty());
            assert!(table.windows(2).all(|pair| pair[0].0 < pair[1].0));
        }
    }

    #[test]
    fn plural_categories_follow_cldr_for_english_and_french() {
        let en: Vec<_> = [0.0, 1.0, 1.5, 2.0, 1e6]
            .map(|n| plural_category(n, "en"))
            .to_vec();
        assert_eq!(en, ["other", "one", "other", "other", "other"]);
        let fr: Vec<_> = [
            0.0,
            1.0,
            1.5,
            2.0,
            1e6,
            2e6,
            1_000_000.5,
            999_999.0,
            1e20,
            1e20 + 16384.0,
            f64::NAN,
        ]
        .map(|n| plural_category(n, "fr"))
        .to_vec();
        assert_eq!(
            fr,
            [
                "one", "one", "one", "other", "many", "many", "other", "other", "many", "other",
                "other"
            ]
        );
    }

    #[test]
    fn variables_show_numbers_as_the_language_writes_them() {
        let pattern = [Part::Var("n"), Part::Text(" credits")];
        let mut out = String::new();
        write(&pattern, &[("n", Arg::Num(1234.5))], "fr", &mut out);
        assert_eq!(out, "1\u{202f}234,5 credits");
        out.clear();
        write(&pattern, &[], "en", &mut out);
        assert_eq!(out, "{$n} credits");
    }
}
