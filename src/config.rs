//! The widget's configuration, read in one place from the embedding page (custom element
//! attributes, `Stackway.mount` options or `embed.html` query parameters, all passed as JSON).

use crate::json_text;

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
///
/// Read from the JSON the loader passes (`Stackway.mount`'s config object): keys in camelCase
/// (`feedText`, `frameResize`), every key optional, unknown keys ignored.
#[derive(Debug, Clone, PartialEq, Default)]
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
    /// Show the validator's findings open, for the institutions and designers who fix a feed
    /// (the demo's `?debug=1`, the LTI designer's preview); learners see them collapsed.
    pub debug: bool,
    /// The learner's record from the institution (an LTI launch's progress source), as
    /// `[{"id", "earned"}]`. When present it is the learner's held list; the plan saved in the
    /// browser keeps only its planned credentials and goal.
    pub held: Option<Vec<stackway_core::HeldCredential>>,
    /// Where the configuration could not be read, why (shown as an error state).
    pub error: Option<String>,
}

/// The learner's record from the institution: `null`, or `[{"id", "earned"}]` with `earned`
/// an optional `YYYY-MM-DD` date.
fn read_held(
    node: json_text::Node<'_>,
) -> Result<Option<Vec<stackway_core::HeldCredential>>, json_text::ReadError> {
    if json_text::is_null(node) {
        return Ok(None);
    }
    let mut held = Vec::new();
    for item in json_text::items(node, "held")? {
        let (mut id, mut earned) = (None, None);
        for (key, value) in json_text::members(item, "held")? {
            match key {
                "id" => id = Some(json_text::string(value, "held[].id")?),
                "earned" => {
                    if let Some(date) = json_text::optional_string(value, "held[].earned")? {
                        earned = Some(stackway_core::Date::parse(&date).ok_or_else(|| {
                            format!("`held[].earned` must be a YYYY-MM-DD date, not {date}")
                        })?);
                    }
                }
                _ => {}
            }
        }
        let id = id.ok_or("every `held` entry needs an `id`")?;
        held.push(stackway_core::HeldCredential { id, earned });
    }
    Ok(Some(held))
}

impl Config {
    /// Reads the JSON configuration; invalid JSON gives a configuration carrying the error.
    pub fn from_json(json: &str) -> Config {
        json_text::read(json, Config::read).unwrap_or_else(|e| Config {
            error: Some(e),
            ..Config::default()
        })
    }

    fn read(root: json_text::Node<'_>) -> Result<Config, json_text::ReadError> {
        let mut config = Config::default();
        for (key, value) in json_text::members(root, "config")? {
            let text = |value| json_text::optional_string(value, key);
            match key {
                "feed" => config.feed = text(value)?,
                "feedText" => config.feed_text = text(value)?,
                "goal" => config.goal = text(value)?,
                "view" => config.view = text(value)?,
                "lang" => config.lang = text(value)?,
                "frameResize" => config.frame_resize = json_text::boolean(value, key)?,
                "debug" => config.debug = json_text::boolean(value, key)?,
                "held" => config.held = read_held(value)?,
                _ => {}
            }
        }
        Ok(config)
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
                "debug":true}"#,
        );
        assert_eq!(config.feed.as_deref(), Some("f.json"));
        assert_eq!(config.initial_view(), View::Map);
        assert!(config.frame_resize);
        assert!(config.debug);
        assert!(!Config::from_json("{}").debug);
        assert_eq!(Config::from_json("{}").initial_view(), View::Programs);
        assert!(Config::from_json("{nope").error.is_some());
    }

    #[test]
    fn reads_the_learners_record_and_names_what_is_wrong() {
        let config = Config::from_json(
            r#"{"held":[{"id":"a","earned":"2024-03-01"},{"id":"b"}],"feedText":"{}"}"#,
        );
        assert_eq!(config.error, None);
        let held = config.held.unwrap();
        assert_eq!(held.len(), 2);
        assert_eq!(held[0].earned, stackway_core::Date::parse("2024-03-01"));
        assert_eq!(held[1].earned, None);
        assert_eq!(config.feed_text.as_deref(), Some("{}"));
        assert_eq!(Config::from_json(r#"{"held":null}"#).held, None);
        for (bad, says) in [
            (r#"{"held":[{"earned":"2024-03-01"}]}"#, "needs an `id`"),
            (r#"{"held":[{"id":"a","earned":"March"}]}"#, "YYYY-MM-DD"),
            (
                r#"{"frameResize":"yes"}"#,
                "`frameResize` must be true or false",
            ),
            (r#"{"feed":4}"#, "`feed` must be a string or null"),
        ] {
            let error = Config::from_json(bad).error.unwrap_or_default();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }
}
