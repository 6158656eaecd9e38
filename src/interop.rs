//! The bridge to the interop module (`crates/stackway-interop-wasm`, built into `pkg/interop/`):
//! CTDL pathways and learners' badges, in a separate WebAssembly module that the widget loads
//! with a dynamic `import()` only when it is needed, so that the main bundle never carries it.
//!
//! Only strings cross the bridge: feed text in, Stackway feed JSON out (parsed with the usual
//! `parse_feed`); feed text and badge text in, a small JSON report out.

use stackway_core::{Date, Diagnostic, HeldCredential, Severity};
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

/// Whether fetched feed text may be JSON-LD (and so perhaps CTDL): it has `"@context"` or
/// `"@graph"` as a key (the quoted string followed, after JSON whitespace, by a colon). Only then
/// is the module loaded. One pass over the bytes: each `@` (rare in a feed) is checked for the
/// quote before it and a keyword after it.
pub fn looks_like_json_ld(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'@'))
    {
        let at = from + at;
        from = at + 1;
        if at == 0 || bytes[at - 1] != b'"' {
            continue;
        }
        let rest = &bytes[from..];
        let after = if rest.starts_with(b"context\"") {
            &rest[b"context\"".len()..]
        } else if rest.starts_with(b"graph\"") {
            &rest[b"graph\"".len()..]
        } else {
            continue;
        };
        let key = after
            .iter()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .is_some_and(|&b| b == b':');
        if key {
            return true;
        }
    }
    false
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
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    /// The Stackway feed as JSON text; `None` when nothing could be read.
    pub feed: Option<String>,
    /// Problems found while reading or converting (CTDL warnings included).
    pub diagnostics: Vec<Diagnostic>,
}

/// One achievement matched to a feed credential.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// The feed credential's id.
    pub credential: String,
    /// The achievement's name, as the issuer wrote it.
    pub achievement_name: Option<String>,
}

/// One achievement that matches no credential of the feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmatched {
    pub achievement_id: Option<String>,
    pub achievement_name: Option<String>,
    /// When it was earned (`YYYY-MM-DD`), if the record says.
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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BadgeReport {
    /// Each matched credential once, with the earliest date earned.
    pub held: Vec<HeldCredential>,
    pub matched: Vec<Matched>,
    pub unmatched: Vec<Unmatched>,
    pub diagnostics: Vec<Diagnostic>,
}

// The module's answers are JSON text; the browser's `JSON.parse` reads them and the fields are
// picked with `Reflect`, so the widget's WebAssembly carries no serde code for these types (it
// would cost several KiB of the initial bundle).

fn parse(answer: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(answer).map_err(describe)
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, name: &str) -> Option<String> {
    field(object, name).as_string()
}

fn list<T>(object: &JsValue, name: &str, read: impl Fn(&JsValue) -> T) -> Vec<T> {
    let value = field(object, name);
    if js_sys::Array::is_array(&value) {
        js_sys::Array::from(&value)
            .iter()
            .map(|v| read(&v))
            .collect()
    } else {
        Vec::new()
    }
}

fn number(object: &JsValue, name: &str) -> Option<u32> {
    field(object, name)
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| n as u32)
}

fn diagnostic(value: &JsValue) -> Diagnostic {
    Diagnostic {
        code: text(value, "code").unwrap_or_default(),
        severity: if text(value, "severity").as_deref() == Some("error") {
            Severity::Error
        } else {
            Severity::Warning
        },
        pointer: text(value, "pointer").unwrap_or_default(),
        message: text(value, "message").unwrap_or_default(),
        line: number(value, "line"),
        column: number(value, "column"),
    }
}

/// What [`convert`] returns: a future the first module awaits and the second module runs.
pub type ConvertFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<Converted, String>>>>;

/// Loads the interop module (from `url`, else its default place) and converts feed text with
/// it. The widget reaches this through its second module (`crate::later`), so that the first
/// download carries none of the bridge; CTDL feeds, the only ones that need it, are rare.
pub fn convert(text: std::rc::Rc<String>, url: Option<String>) -> ConvertFuture {
    Box::pin(async move { load(url.as_deref()).await?.convert_feed(&text) })
}

impl Interop {
    /// Feed text of any kind (Stackway or CTDL) → the Stackway feed's JSON text and diagnostics.
    pub fn convert_feed(&self, feed_text: &str) -> Result<Converted, String> {
        let answer = parse(&self.0.convert_feed(feed_text).map_err(describe)?)?;
        Ok(Converted {
            feed: text(&answer, "feed"),
            diagnostics: list(&answer, "diagnostics", diagnostic),
        })
    }

    /// Reads a learner's records against the feed (given as the text the widget read).
    pub fn read_badges(&self, feed_text: &str, badges: &str) -> Result<BadgeReport, String> {
        let answer = parse(&self.0.read_badges(feed_text, badges).map_err(describe)?)?;
        Ok(BadgeReport {
            held: list(&answer, "held", |h| HeldCredential {
                id: text(h, "id").unwrap_or_default(),
                earned: text(h, "earned").as_deref().and_then(Date::parse),
            }),
            matched: list(&answer, "matched", |m| Matched {
                credential: text(m, "credential").unwrap_or_default(),
                achievement_name: text(m, "achievement_name"),
            }),
            unmatched: list(&answer, "unmatched", |u| Unmatched {
                achievement_id: text(u, "achievement_id"),
                achievement_name: text(u, "achievement_name"),
                earned: text(u, "earned"),
            }),
            diagnostics: list(&answer, "diagnostics", diagnostic),
        })
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
        // Found anywhere in the document, after other `@`s, with whitespace before the colon.
        assert!(looks_like_json_ld(
            "{\"contact\": \"a@b.org\", \"x\": {\"@id\": 1, \"@graph\"\r\n\t : []}}"
        ));
        assert!(looks_like_json_ld(
            r#"{"id": "f", "meta": {"@context" :"x"}}"#
        ));
        assert!(!looks_like_json_ld(
            r#"{"stackway": 1, "id": "f", "credentials": []}"#
        ));
        // The keywords as values, inside other strings, unquoted or cut short are not keys.
        for text in [
            r#"{"tags": ["@context", "@graph"]}"#,
            r#"{"title": "about @context and @graph"}"#,
            r#"{"@contexts": 1, "@graphs": 2, "x@graph": 3}"#,
            r#"{"a": "\"@graph\""}"#,
            "{\"@context\"",
            "{\"@graph\"   ",
            "@",
            "\"@",
            "",
        ] {
            assert!(!looks_like_json_ld(text), "{text}");
        }
    }

    #[test]
    fn an_unmatched_badge_is_called_by_its_name_else_its_id() {
        let named = Unmatched {
            achievement_id: Some("https://e.org/a/first-aid".into()),
            achievement_name: Some("First Aid".into()),
            earned: None,
        };
        assert_eq!(named.label(), "First Aid");
        let unnamed = Unmatched {
            achievement_name: None,
            ..named
        };
        assert_eq!(unnamed.label(), "https://e.org/a/first-aid");
    }
}
