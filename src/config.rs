//! The widget's configuration, read in one place from the embedding page (custom element
//! attributes, `Stackway.mount` options or `embed.html` query parameters, all passed as JSON).

use serde::Deserialize;

/// Which view the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Programs,
    Map,
    Explore,
    Plan,
    Pathways,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 5] = [
        View::Programs,
        View::Map,
        View::Explore,
        View::Plan,
        View::Pathways,
    ];

    /// The view's name in the `view` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Programs => "programs",
            View::Map => "map",
            View::Explore => "explore",
            View::Plan => "plan",
            View::Pathways => "pathways",
        }
    }

    /// Reads a `view` attribute; unknown names give `None` (the default view is shown).
    pub fn parse(name: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

/// Everything the embedding page can set.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Config {
    /// URL of the feed (absolute, or relative to the page).
    pub feed: Option<String>,
    /// The feed's text itself (the demo page's dropped file); wins over `feed`.
    pub feed_text: Option<String>,
    /// Credential id to preselect as the learner's goal.
    pub goal: Option<String>,
    /// The first view to show.
    pub view: Option<String>,
    /// Language tag; empty means the page's `<html lang>`, then the browser's language.
    pub lang: Option<String>,
    /// Post the content height to the parent frame (LTI `frameResize`).
    pub frame_resize: bool,
    /// The learner's record from the institution (an LTI launch's progress source), as
    /// `[{"id", "earned"}]`. When present it is the learner's held list; the plan saved in the
    /// browser keeps only its planned credentials and goal.
    pub held: Option<Vec<stackway_core::HeldCredential>>,
    /// URL of the interop module's script (CTDL feeds, "Add my badges"), loaded only when
    /// needed; by default `pkg/interop/stackway_interop.js` next to the widget's own files.
    pub interop: Option<String>,
    /// Where the configuration could not be read, why (shown as an error state).
    #[serde(skip)]
    pub error: Option<String>,
}

impl Config {
    /// Reads the JSON configuration; invalid JSON gives a configuration carrying the error.
    pub fn from_json(json: &str) -> Config {
        serde_json::from_str(json).unwrap_or_else(|e| Config {
            error: Some(e.to_string()),
            ..Config::default()
        })
    }

    /// The first view, `Programs` unless `view` names another.
    pub fn initial_view(&self) -> View {
        self.view
            .as_deref()
            .and_then(View::parse)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key_and_tolerates_missing_ones() {
        let config = Config::from_json(
            r#"{"feed":"f.json","goal":"dip","view":"MAP","lang":"fr","frameResize":true,
                "interop":"https://cdn.example.org/interop.js"}"#,
        );
        assert_eq!(config.feed.as_deref(), Some("f.json"));
        assert_eq!(config.initial_view(), View::Map);
        assert!(config.frame_resize);
        assert_eq!(
            config.interop.as_deref(),
            Some("https://cdn.example.org/interop.js")
        );
        assert_eq!(Config::from_json("{}").initial_view(), View::Programs);
        assert!(Config::from_json("{nope").error.is_some());
    }
}
