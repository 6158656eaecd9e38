//! The learner's held credentials, fetched server-side from the institution's progress source.
//!
//! The user in the URL is the validated identity of the launch (`sub`, or `person_sourcedid` when
//! configured), so a learner can never ask for someone else's record: nothing from the browser
//! chooses whose record is read, and no route lets the browser write one.
//!
//! The source may answer with the plain list `{"held": [{"id", "earned"}]}` or with the learner's
//! badges: an Open Badges 3.0 credential (JSON or compact JWT), a list of them, a CLR 2.0
//! `ClrCredential`, Open Badges 2.0 assertions, or a verifiable presentation of any of these. The
//! format is told by the `Content-Type` (`application/vc+ld+json`, `application/vc`,
//! `application/ld+json`, `application/vc+jwt`, `application/jwt` mean badges) and otherwise by the
//! content (a JSON object with `held` is the plain list; any other JSON, or a JWT, is badges).
//! Badges are matched against the launch's feed ([`crate::feeds`]) by
//! `stackway_core::interop::badges::read_badges`; the matched credentials become the held list,
//! and a [`BadgeSummary`] (how many matched, which achievements did not) goes to the launch page.

use serde::Deserialize;
use stackway_core::interop::badges::{read_badges, BadgeFormat, BadgeReport};
use stackway_core::Code;

use crate::claims::{is_feed_id, Launch};
use crate::config::{Platform, ProgressIdentity};
use crate::feeds::{read_limited, FeedCache, FetchError};
use crate::record::{BadgeSummary, Held, Problem, Progress, UnmatchedBadge};

/// Largest progress answer accepted (a CLR carrying a few hundred credentials fits).
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// Most held credentials kept from one answer.
const MAX_HELD: usize = 10_000;
/// Most unmatched achievements listed on the launch page (all are counted).
pub const MAX_UNMATCHED_LISTED: usize = 50;
/// Longest achievement name or id shown, in characters.
const MAX_LABEL_CHARS: usize = 200;

/// Content types that announce a learner's badges rather than the plain held list.
const BADGE_TYPES: [&str; 5] = [
    "application/vc+ld+json",
    "application/vc",
    "application/ld+json",
    "application/vc+jwt",
    "application/jwt",
];

/// Diagnostics of the core's badge reader that mean a part of the answer could not be read.
const UNREADABLE: [Code; 4] = [
    Code::InvalidJson,
    Code::BadgeUnrecognised,
    Code::BadgeUnreadable,
    Code::BadgeTooDeep,
];

#[derive(Deserialize)]
struct ProgressAnswer {
    held: Vec<Held>,
}

/// The identity the progress source is asked about, from the validated launch.
pub fn learner_identity<'a>(platform: &Platform, launch: &'a Launch) -> Option<&'a str> {
    match platform.progress_identity {
        ProgressIdentity::Sub => launch.sub.as_deref(),
        ProgressIdentity::PersonSourcedId => launch.person_sourcedid.as_deref(),
    }
}

/// Fetches the held credentials of the launch's learner; badges are matched against the feed at
/// `feed_url` (the launch's feed, already checked against the platform's `feed_hosts`).
pub async fn fetch(
    http: &reqwest::Client,
    feeds: &FeedCache,
    platform: &Platform,
    launch: &Launch,
    feed_url: &str,
) -> Progress {
    let Some(template) = &platform.progress_url else {
        return Progress::NotConfigured;
    };
    let Some(user) = learner_identity(platform, launch) else {
        tracing::warn!(platform = %platform.name, "launch has no learner identity for progress_url");
        return Progress::Unavailable(Problem::NoIdentity);
    };
    let Some(url) = progress_url(template, user) else {
        tracing::warn!(platform = %platform.name, "launch identity is a dot segment; progress not asked");
        return Progress::Unavailable(Problem::RefusedIdentity);
    };
    let mut request = http.get(&url).header(
        "accept",
        "application/json, application/vc+ld+json, application/ld+json;q=0.9, application/vc+jwt;q=0.9",
    );
    if let Some(var) = &platform.progress_token_env {
        match std::env::var(var) {
            Ok(token) => request = request.bearer_auth(token),
            Err(_) => tracing::warn!(var = %var, "progress token variable is not set"),
        }
    }
    // The URL names the learner; logs carry the platform and the failure, not the identity.
    let (content_type, body) = match read_limited(request, MAX_BODY).await {
        Ok(answer) => answer,
        Err(error) => {
            tracing::warn!(platform = %platform.name, detail = %error, "progress source failed");
            return Progress::Unavailable(match error {
                FetchError::TooLarge(_) => Problem::TooLarge,
                FetchError::Failed(_) => Problem::SourceFailed,
            });
        }
    };
    let text = match classify(content_type.as_deref(), &body) {
        Ok(Answer::HeldList(held)) => return Progress::Held { held, badges: None },
        Ok(Answer::Badges(text)) => text,
        Err(detail) => {
            tracing::warn!(platform = %platform.name, detail = %detail, "progress answer refused");
            return Progress::Unavailable(Problem::InvalidRecord);
        }
    };
    let feed = match feeds.get(feed_url).await {
        Ok(feed) => feed,
        Err(detail) => {
            tracing::warn!(platform = %platform.name, feed = %feed_url, detail = %detail,
                "progress answered with badges but the feed to match them is unavailable");
            return Progress::Unavailable(Problem::FeedUnavailable);
        }
    };
    let report = match tokio::task::spawn_blocking(move || read_badges(&feed, &text)).await {
        Ok(report) => report,
        Err(e) => {
            tracing::error!(platform = %platform.name, detail = %e, "reading badges failed");
            return Progress::Unavailable(Problem::InvalidRecord);
        }
    };
    match from_report(&report) {
        Some((held, summary)) => {
            tracing::info!(platform = %platform.name, formats = ?summary.formats, matched = summary.matched,
                unmatched = summary.unmatched_count, warnings = summary.warnings, held = held.len(),
                "progress source answered with badges");
            Progress::Held {
                held,
                badges: Some(summary),
            }
        }
        None => {
            let codes: Vec<&str> = report
                .diagnostics
                .iter()
                .take(5)
                .map(|d| d.code.as_str())
                .collect();
            tracing::warn!(platform = %platform.name, diagnostics = ?codes,
                "progress answer is neither a held list nor a readable Open Badges / CLR record");
            Progress::Unavailable(Problem::InvalidRecord)
        }
    }
}

/// The progress URL for `user`: the template with `{user}` replaced by the percent-encoded
/// identity. `None` for `.` and `..`, which no encoding can keep in their path segment (URL
/// parsers read `%2E%2E` as `..` too), so `/learners/../credentials` would become `/credentials`.
fn progress_url(template: &str, user: &str) -> Option<String> {
    if user == "." || user == ".." {
        return None;
    }
    let encoded: String = url::form_urlencoded::byte_serialize(user.as_bytes()).collect();
    // `byte_serialize` writes spaces as `+`, which is not a path character.
    Some(template.replace("{user}", &encoded.replace('+', "%20")))
}

/// What the progress source answered, told apart by content type and content.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    HeldList(Vec<Held>),
    /// Text for the core's badge reader.
    Badges(String),
}

fn classify(content_type: Option<&str>, body: &[u8]) -> Result<Answer, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the answer is not UTF-8 text".to_owned())?;
    let text = text.trim_start_matches('\u{feff}').trim();
    let mime = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    if mime.as_deref().is_some_and(|m| BADGE_TYPES.contains(&m)) {
        return Ok(Answer::Badges(text.to_owned()));
    }
    if text.starts_with('{') {
        // Only the plain list has a top-level `held`; a credential never does.
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(text) {
            if map.contains_key("held") {
                let answer: ProgressAnswer = serde_json::from_value(serde_json::Value::Object(map))
                    .map_err(|e| format!("not {{\"held\": [...]}}: {e}"))?;
                return Ok(Answer::HeldList(clean(answer.held)));
            }
        }
        return Ok(Answer::Badges(text.to_owned()));
    }
    if text.starts_with('[') || looks_like_jwts(text) {
        return Ok(Answer::Badges(text.to_owned()));
    }
    Err(format!(
        "neither JSON nor a compact JWT (content type {:?})",
        content_type.unwrap_or("")
    ))
}

/// One or more compact JWTs separated by whitespace.
fn looks_like_jwts(text: &str) -> bool {
    !text.is_empty()
        && text.split_whitespace().all(|token| {
            token.split('.').count() == 3
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'='))
        })
}

/// Keeps feed ids and real dates only, and at most [`MAX_HELD`] credentials.
fn clean(held: Vec<Held>) -> Vec<Held> {
    held.into_iter()
        .filter(|h| is_feed_id(&h.id))
        .map(|h| Held {
            id: h.id,
            earned: h.earned.filter(|d| stackway_core::Date::parse(d).is_some()),
        })
        .take(MAX_HELD)
        .collect()
}

/// The held list and summary of a badge report, or `None` when nothing in the answer could be
/// read as a badge record. An answer that is readable but holds no achievement (an empty CLR, `[]`)
/// is an empty held list, not a failure.
fn from_report(report: &BadgeReport) -> Option<(Vec<Held>, BadgeSummary)> {
    let warnings = report
        .diagnostics
        .iter()
        .filter(|d| UNREADABLE.contains(&d.code))
        .count();
    if report.matched.is_empty() && report.unmatched.is_empty() && warnings > 0 {
        return None;
    }
    let held = clean(
        report
            .held()
            .held
            .into_iter()
            .map(|h| Held {
                id: h.id,
                earned: h.earned.map(|d| d.to_string()),
            })
            .collect(),
    );
    let present: Vec<BadgeFormat> = report
        .matched
        .iter()
        .map(|m| m.format)
        .chain(report.unmatched.iter().map(|u| u.format))
        .collect();
    let formats = [
        BadgeFormat::OpenBadges3,
        BadgeFormat::OpenBadges3Jwt,
        BadgeFormat::Clr,
        BadgeFormat::OpenBadges2,
    ]
    .into_iter()
    .filter(|f| present.contains(f))
    .collect();
    let unmatched = report
        .unmatched
        .iter()
        .take(MAX_UNMATCHED_LISTED)
        .map(|a| UnmatchedBadge {
            name: a.achievement_name.as_deref().map(label),
            id: a.achievement_id.as_deref().map(label),
        })
        .collect();
    Some((
        held,
        BadgeSummary {
            verification: report.verification,
            formats,
            matched: report.matched.len(),
            unmatched_count: report.unmatched.len(),
            unmatched,
            warnings,
        },
    ))
}

/// Text from a record, cut to [`MAX_LABEL_CHARS`] characters (the page escapes it).
fn label(text: &str) -> String {
    match text.char_indices().nth(MAX_LABEL_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn badges(text: &str) -> Answer {
        Answer::Badges(text.to_owned())
    }

    #[test]
    fn the_plain_list_is_told_from_badges_by_content() {
        let plain = br#"{"held": [{"id": "a", "earned": "2026-02-30"}, {"id": "b", "earned": "2026-02-28"}, {"id": "Bad"}]}"#;
        assert_eq!(
            classify(Some("application/json"), plain),
            Ok(Answer::HeldList(vec![
                Held {
                    id: "a".into(),
                    earned: None
                },
                Held {
                    id: "b".into(),
                    earned: Some("2026-02-28".into())
                },
            ])),
            "impossible dates and non-feed ids are dropped"
        );
        let credential = r#"{"type": ["VerifiableCredential", "OpenBadgeCredential"]}"#;
        assert_eq!(
            classify(Some("application/json"), credential.as_bytes()),
            Ok(badges(credential))
        );
        assert_eq!(classify(None, b" [1] "), Ok(badges("[1]")));
        let jwts = "aGVhZA.cGF5bG9hZA.c2ln\n  aGVhZA.cGF5bG9hZA.c2ln";
        assert_eq!(
            classify(Some("text/plain"), jwts.as_bytes()),
            Ok(badges(jwts))
        );
        assert!(classify(Some("text/plain"), b"hello world").is_err());
        assert!(classify(None, b"a.b").is_err());
        assert!(classify(None, &[0xff, 0xfe]).is_err());
        assert!(
            classify(None, br#"{"held": "everything"}"#).is_err(),
            "a malformed plain list is refused, not read as badges"
        );
    }

    #[test]
    fn a_badge_content_type_wins_over_the_content() {
        let body = br#"{"held": [{"id": "a"}]}"#;
        for content_type in [
            "application/vc+ld+json",
            "Application/VC+JWT; charset=utf-8",
            "application/ld+json",
            "application/vc",
            "application/jwt",
        ] {
            assert_eq!(
                classify(Some(content_type), body),
                Ok(badges(r#"{"held": [{"id": "a"}]}"#)),
                "{content_type}"
            );
        }
    }

    #[test]
    fn a_dot_segment_identity_cannot_change_the_progress_path() {
        // Regression: a `sub` of `..` turned `/learners/{user}/credentials` into `/credentials`.
        let template = "https://sis.example.edu/learners/{user}/credentials";
        assert_eq!(progress_url(template, ".."), None);
        assert_eq!(progress_url(template, "."), None);
        assert_eq!(
            progress_url(template, "../admin").as_deref(),
            Some("https://sis.example.edu/learners/..%2Fadmin/credentials")
        );
        assert_eq!(
            progress_url(template, "a b...").as_deref(),
            Some("https://sis.example.edu/learners/a%20b.../credentials")
        );
    }

    #[test]
    fn labels_are_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_LABEL_CHARS + 5);
        let cut = label(&long);
        assert_eq!(cut.chars().count(), MAX_LABEL_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(label("First Aid"), "First Aid");
    }
}
