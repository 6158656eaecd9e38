//! Stackway's interoperability as a separate WebAssembly module, loaded by the widget only when
//! it is needed (a learner opens "Add my badges", or a fetched feed turns out to be CTDL JSON-LD).
//!
//! The widget's main module never links `stackway_core::interop` (about 70 KB gzip): it passes
//! plain strings here and reads plain JSON back, parsing the returned Stackway feed with its
//! usual `parse_feed`. Both exports are string in, string out, never throw and never panic (the
//! core never panics on any input; the serialisation of our own types cannot fail, and would give
//! an empty answer rather than an exception if it ever did).

use serde::Serialize;
use stackway_core::interop::badges::{
    self, BadgeMatch, BadgeReport, EarnedAchievement, HeldCredential, Verification,
};
use stackway_core::interop::detect::read_feed_text;
use stackway_core::Diagnostic;
use wasm_bindgen::prelude::*;

/// The answer of [`convert_feed`].
#[derive(Serialize)]
struct Converted {
    /// The Stackway feed (format v1) as JSON text, or `null` when nothing could be read.
    feed: Option<String>,
    /// Every problem found while reading or converting (CTDL warnings included).
    diagnostics: Vec<Diagnostic>,
}

/// The answer of [`read_badges`].
#[derive(Serialize)]
struct Badges<'a> {
    /// Always `self-reported`: signatures are not verified.
    verification: Verification,
    /// Each matched feed credential once, with the earliest date earned.
    held: Vec<HeldCredential>,
    /// Which achievement matched which credential, and by which rule.
    matched: &'a [BadgeMatch],
    /// Achievements that match no credential of the feed.
    unmatched: &'a [EarnedAchievement],
    /// Problems reading the feed or the records.
    diagnostics: &'a [Diagnostic],
}

/// Feed text of any kind (a Stackway feed, or a CTDL JSON-LD pathway) → JSON
/// `{"feed": "<Stackway feed JSON text>" | null, "diagnostics": [{code, severity, pointer,
/// message, line, column}]}`.
#[wasm_bindgen(js_name = convertFeed)]
pub fn convert_feed(text: &str) -> String {
    let parsed = read_feed_text(text);
    let converted = Converted {
        feed: parsed
            .feed
            .as_ref()
            .and_then(|feed| serde_json::to_string(feed).ok()),
        diagnostics: parsed.diagnostics,
    };
    serde_json::to_string(&converted).unwrap_or_default()
}

/// (feed text, a learner's records: an OB3 credential as JSON or JWT, a CLR 2.0, OB2
/// assertions) → JSON `{"verification": "self-reported", "held": [{id, earned}], "matched":
/// [{credential, earned, achievement_id, achievement_name, rule, format}], "unmatched":
/// [{achievement_id, achievement_name, earned, format}], "diagnostics": […]}`.
///
/// The feed text is read exactly as the widget read it (CTDL included), so the ids in `held` are
/// the widget's ids. When the feed cannot be read, every achievement is listed as unmatched and
/// the feed's problems are in `diagnostics`.
#[wasm_bindgen(js_name = readBadges)]
pub fn read_badges(feed_text: &str, badge_text: &str) -> String {
    let parsed = read_feed_text(feed_text);
    let report = match &parsed.feed {
        Some(feed) => badges::read_badges(feed, badge_text),
        None => {
            let (unmatched, mut diagnostics) = badges::read_achievements(badge_text);
            diagnostics.splice(0..0, parsed.diagnostics.iter().cloned());
            BadgeReport {
                verification: Verification::SelfReported,
                matched: Vec::new(),
                unmatched,
                diagnostics,
            }
        }
    };
    let answer = Badges {
        verification: report.verification,
        held: report.held().held,
        matched: &report.matched,
        unmatched: &report.unmatched,
        diagnostics: &report.diagnostics,
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../stackway-core/tests/data");

    fn data(path: &str) -> String {
        std::fs::read_to_string(format!("{DATA}/{path}")).unwrap()
    }

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_ctdl_pathway_becomes_a_feed_the_widget_parser_reads_without_errors() {
        let answer = json(&convert_feed(&data("ctdl/graph-basic.json")));
        let feed_text = answer["feed"].as_str().expect("a feed");
        let parsed = stackway_core::parse_feed(feed_text);
        assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
        let feed = parsed.feed.unwrap();
        assert!(!feed.credentials.is_empty());
        assert!(!feed.pathways.is_empty());
        // The same feed as the core's own reader gives.
        assert_eq!(
            Some(feed),
            read_feed_text(&data("ctdl/graph-basic.json")).feed
        );
        assert!(answer["diagnostics"].is_array());
    }

    #[test]
    fn ctdl_warnings_come_back_as_diagnostics() {
        let answer = json(&convert_feed(&data("ctdl/quirk-missing-conditions.json")));
        assert!(answer["feed"].is_string());
        let codes: Vec<&str> = answer["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert!(!codes.is_empty(), "{answer}");
    }

    #[test]
    fn a_plain_feed_passes_through_and_garbage_gives_no_feed_and_an_error() {
        let feed = data("badges/feed.json");
        let answer = json(&convert_feed(&feed));
        let round = stackway_core::parse_feed(answer["feed"].as_str().unwrap()).feed;
        assert_eq!(round, stackway_core::parse_feed(&feed).feed);

        let answer = json(&convert_feed("{\"@context\": "));
        assert!(answer["feed"].is_null());
        assert_eq!(answer["diagnostics"][0]["severity"], "error");
    }

    #[test]
    fn badges_are_matched_with_dates_and_the_unmatched_are_listed() {
        let feed = data("badges/feed.json");
        let records = format!(
            "[{}, {}]",
            data("badges/ob3-achievement-id.json"),
            data("badges/unmatched.json")
        );
        let answer = json(&read_badges(&feed, &records));
        assert_eq!(answer["verification"], "self-reported");
        assert_eq!(
            answer["held"],
            serde_json::json!([{"id": "data-foundations", "earned": "2025-04-30"}])
        );
        assert_eq!(answer["matched"][0]["credential"], "data-foundations");
        assert_eq!(answer["unmatched"][0]["achievement_name"], "First Aid");
        assert_eq!(answer["unmatched"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_jwt_and_a_clr_are_read_too() {
        let feed = data("badges/feed.json");
        for file in ["badges/ob3-jwt.txt", "badges/clr.json"] {
            let answer = json(&read_badges(&feed, &data(file)));
            assert!(
                !answer["held"].as_array().unwrap().is_empty(),
                "{file}: {answer}"
            );
        }
    }

    #[test]
    fn an_unreadable_feed_lists_every_achievement_as_unmatched() {
        let answer = json(&read_badges("not json", &data("badges/unmatched.json")));
        assert_eq!(answer["held"], serde_json::json!([]));
        assert_eq!(answer["unmatched"].as_array().unwrap().len(), 1);
        assert_eq!(answer["diagnostics"][0]["code"], "invalid-json");
    }

    #[test]
    fn garbage_records_give_diagnostics_not_panics() {
        let feed = data("badges/feed.json");
        for text in ["", "{", "a.b.c", "[1, 2]", "\u{0}"] {
            let answer = json(&read_badges(&feed, text));
            assert_eq!(answer["held"], serde_json::json!([]), "{text:?}");
        }
    }
}
