//! The learner's held credentials, fetched server-side from the institution's progress source.
//!
//! The user in the URL is the validated identity of the launch (`sub`, or `person_sourcedid` when
//! configured), so a learner can never ask for someone else's record: nothing from the browser
//! chooses whose record is read, and no route lets the browser write one.

use serde::{Deserialize, Serialize};

use crate::config::{Platform, ProgressIdentity};
use crate::launch::Launch;

/// Largest progress answer accepted.
const MAX_BODY: usize = 1024 * 1024;
/// Most held credentials kept from one answer.
const MAX_HELD: usize = 10_000;

/// One credential the learner holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub id: String,
    /// `YYYY-MM-DD` when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned: Option<String>,
}

#[derive(Deserialize)]
struct ProgressAnswer {
    held: Vec<Held>,
}

/// The outcome of asking the progress source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The platform has no progress source: the widget lets the learner plan on their own.
    NotConfigured,
    Held(Vec<Held>),
    /// The source failed; the page says progress is unavailable rather than showing nothing held.
    Unavailable,
}

/// The identity the progress source is asked about, from the validated launch.
pub fn learner_identity<'a>(platform: &Platform, launch: &'a Launch) -> Option<&'a str> {
    match platform.progress_identity {
        ProgressIdentity::Sub => launch.sub.as_deref(),
        ProgressIdentity::PersonSourcedId => launch.person_sourcedid.as_deref(),
    }
}

/// Fetches the held credentials of the launch's learner.
pub async fn fetch(http: &reqwest::Client, platform: &Platform, launch: &Launch) -> Progress {
    let Some(template) = &platform.progress_url else {
        return Progress::NotConfigured;
    };
    let Some(user) = learner_identity(platform, launch) else {
        tracing::warn!(platform = %platform.name, "launch has no learner identity for progress_url");
        return Progress::Unavailable;
    };
    let encoded: String = url::form_urlencoded::byte_serialize(user.as_bytes()).collect();
    // `byte_serialize` writes spaces as `+`, which is not a path character.
    let url = template.replace("{user}", &encoded.replace('+', "%20"));
    let mut request = http.get(&url).header("accept", "application/json");
    if let Some(var) = &platform.progress_token_env {
        match std::env::var(var) {
            Ok(token) => request = request.bearer_auth(token),
            Err(_) => tracing::warn!(var = %var, "progress token variable is not set"),
        }
    }
    match read(request).await {
        Ok(held) => Progress::Held(held),
        Err(detail) => {
            // The URL names the learner; log the platform and the failure, not the identity.
            tracing::warn!(platform = %platform.name, detail = %detail, "progress source failed");
            Progress::Unavailable
        }
    }
}

async fn read(request: reqwest::RequestBuilder) -> Result<Vec<Held>, String> {
    let response = request
        .send()
        .await
        .map_err(|e| e.without_url().to_string())?;
    if !response.status().is_success() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response
        .bytes()
        .await
        .map_err(|e| e.without_url().to_string())?;
    if body.len() > MAX_BODY {
        return Err(format!(
            "answer of {} bytes is larger than {MAX_BODY}",
            body.len()
        ));
    }
    let answer: ProgressAnswer =
        serde_json::from_slice(&body).map_err(|e| format!("not {{\"held\": [...]}}: {e}"))?;
    Ok(answer
        .held
        .into_iter()
        .filter(|h| is_feed_id(&h.id))
        .map(|h| Held {
            id: h.id,
            earned: h.earned.filter(|d| is_date(d)),
        })
        .take(MAX_HELD)
        .collect())
}

/// Feed ids: `^[a-z0-9][a-z0-9._-]{0,63}$`.
pub fn is_feed_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes.iter().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
