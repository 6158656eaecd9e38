//! The bridge to the interop module (`crates/stackway-interop-wasm`, built into `pkg/interop/`):
//! CTDL pathways and learners' badges, in a separate WebAssembly module that the widget loads
//! with a dynamic `import()` only when it is needed, so that the main bundle never carries it.
//!
//! Only strings cross the bridge: feed text in, Stackway feed JSON out (parsed here with the
//! usual `parse_feed`); feed text and badge text in, a small JSON report out.

use serde::Deserialize;
use stackway_core::{Diagnostic, HeldCredential};
use wasm_bindgen::prelude::*;

// The loader, shipped by wasm-bindgen as a snippet under `pkg/snippets/…/`: by default the
// module is `pkg/interop/stackway_interop.js`, next to the widget's own glue. One promise per
// URL is shared by every widget on the page; a failed load is forgotten so that a retry can
// succeed.
#[wasm_bindgen(inline_js = r#"
const loading = new Map();
const failures = new Map();
export function importInterop(url) {
  const href = url || new URL('../../interop/stackway_interop.js', import.meta.url).href;
  let promise = loading.get(href);
  if (!promise) {
    // Browsers remember a module that failed to load: a retry asks for a fresh URL.
    const failed = failures.get(href) || 0;
    const target = failed ? `${href}${href.includes('?') ? '&' : '?'}retry=${failed}` : href;
    promise = import(target).then(async (module) => {
      await module.default();
      return module;
    });
    promise.catch(() => {
      loading.delete(href);
      failures.set(href, failed + 1);
    });
    loading.set(href, promise);
  }
  return promise;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = importInterop, catch)]
    fn import_interop(url: &str) -> Result<js_sys::Promise, JsValue>;

    /// The interop module's exports (see `crates/stackway-interop-wasm`).
    #[derive(Clone)]
    type InteropModule;

    #[wasm_bindgen(method, catch, js_name = convertFeed)]
    fn convert_feed(this: &InteropModule, text: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(method, catch, js_name = readBadges)]
    fn read_badges(this: &InteropModule, feed: &str, badges: &str) -> Result<String, JsValue>;
}

/// Whether fetched feed text may be JSON-LD (and so perhaps CTDL), by the same cheap check the
/// core's `read_feed_text` makes before it parses anything: only then is the module loaded.
pub fn looks_like_json_ld(text: &str) -> bool {
    text.contains("\"@context\"") || text.contains("\"@graph\"")
}

/// The loaded interop module.
#[derive(Clone)]
pub struct Interop(InteropModule);

impl std::fmt::Debug for Interop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interop")
    }
}

/// Loads the interop module (once per page and URL). `url` overrides the default location
/// (the `interop` key of the widget's configuration); the error is the browser's reason.
pub async fn load(url: Option<&str>) -> Result<Interop, String> {
    let promise = import_interop(url.unwrap_or("")).map_err(describe)?;
    let module = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(describe)?;
    Ok(Interop(module.unchecked_into()))
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the interop module could not be loaded".into())
}

/// A feed converted by the interop module.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Converted {
    /// The Stackway feed as JSON text; `None` when nothing could be read.
    pub feed: Option<String>,
    /// Problems found while reading or converting (CTDL warnings included).
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

/// One achievement matched to a feed credential.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Matched {
    /// The feed credential's id.
    pub credential: String,
    /// The achievement's name, as the issuer wrote it.
    #[serde(default)]
    pub achievement_name: Option<String>,
}

/// One achievement that matches no credential of the feed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Unmatched {
    #[serde(default)]
    pub achievement_id: Option<String>,
    #[serde(default)]
    pub achievement_name: Option<String>,
    /// When it was earned (`YYYY-MM-DD`), if the record says.
    #[serde(default)]
    pub earned: Option<String>,
}

impl Unmatched {
    /// What to call it: its name, else its id.
    pub fn label(&self) -> &str {
        self.achievement_name
            .as_deref()
            .or(self.achievement_id.as_deref())
            .unwrap_or("?")
    }
}

/// What a learner's records say they hold, matched against the feed (self-reported, not
/// verified).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct BadgeReport {
    /// Each matched credential once, with the earliest date earned.
    pub held: Vec<HeldCredential>,
    pub matched: Vec<Matched>,
    pub unmatched: Vec<Unmatched>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Interop {
    /// Feed text of any kind (Stackway or CTDL) → the Stackway feed's JSON text and diagnostics.
    pub fn convert_feed(&self, text: &str) -> Result<Converted, String> {
        let answer = self.0.convert_feed(text).map_err(describe)?;
        serde_json::from_str(&answer).map_err(|e| e.to_string())
    }

    /// Reads a learner's records against the feed (given as the text the widget read).
    pub fn read_badges(&self, feed_text: &str, badges: &str) -> Result<BadgeReport, String> {
        let answer = self.0.read_badges(feed_text, badges).map_err(describe)?;
        serde_json::from_str(&answer).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_ld_looking_text_needs_the_module() {
        assert!(looks_like_json_ld(
            r#"{"@context": "https://credreg.net/ctdl/schema/context/json"}"#
        ));
        assert!(looks_like_json_ld(r#"{"@graph": []}"#));
        assert!(!looks_like_json_ld(
            r#"{"stackway": 1, "id": "f", "credentials": []}"#
        ));
    }

    #[test]
    fn the_modules_badge_answer_is_read_with_dates_and_unmatched_labels() {
        let answer = r#"{"verification":"self-reported",
            "held":[{"id":"data-foundations","earned":"2025-04-30"}],
            "matched":[{"credential":"data-foundations","earned":"2025-04-30","achievement_id":"x",
                        "achievement_name":"Data Foundations","rule":"achievement-id","format":"open-badges3"}],
            "unmatched":[{"achievement_id":"https://e.org/a/first-aid","achievement_name":"First Aid",
                          "earned":"2022-03-01","format":"open-badges3"},
                         {"achievement_id":"https://e.org/a/cpr","format":"open-badges2"}],
            "diagnostics":[]}"#;
        let report: BadgeReport = serde_json::from_str(answer).unwrap();
        assert_eq!(report.held[0].id, "data-foundations");
        assert_eq!(
            report.held[0].earned,
            stackway_core::Date::parse("2025-04-30")
        );
        assert_eq!(report.unmatched[0].label(), "First Aid");
        assert_eq!(report.unmatched[1].label(), "https://e.org/a/cpr");
        assert_eq!(report.matched[0].credential, "data-foundations");
    }
}
