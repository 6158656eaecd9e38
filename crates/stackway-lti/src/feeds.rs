//! The launch's feed, fetched and read server-side when the progress source answers with badges.
//!
//! Open Badges and CLR records name achievements, not feed ids, so the tool must read the same feed
//! the widget shows (the launch's `feed_url`, already checked against the platform's `feed_hosts`)
//! to match them. Feeds are fetched with the tool's one HTTP client (its timeout, no redirects),
//! refused above [`MAX_FEED_BYTES`], read by `stackway_core::interop::detect::read_feed_text` (so a
//! CTDL feed works as in the widget) on a blocking thread, and cached per URL: a good feed for
//! [`FeedCache::max_age`], a failure for [`FAILURE_TTL`] so a feed host that is down is not asked
//! on every launch. Concurrent launches needing the same feed cause one request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use stackway_core::Feed;

/// Largest feed accepted: the core's JSON reader refuses more anyway.
pub const MAX_FEED_BYTES: usize = 20 * 1024 * 1024;
/// How long a failed fetch is remembered before the feed is asked again.
pub const FAILURE_TTL: Duration = Duration::from_secs(30);
/// Most feed URLs cached at once; the least recently used is dropped first.
const MAX_ENTRIES: usize = 32;

enum Cached {
    Ready(Arc<Feed>),
    Failed(String),
}

struct Slot {
    /// Held while the feed is fetched, so concurrent launches wait for one request.
    value: tokio::sync::Mutex<Option<(Cached, Instant)>>,
}

/// Feeds by URL. Cheap to share behind the app state.
pub struct FeedCache {
    http: reqwest::Client,
    max_age: Duration,
    slots: Mutex<HashMap<String, (Arc<Slot>, Instant)>>,
    fetches: std::sync::atomic::AtomicUsize,
}

impl FeedCache {
    pub fn new(http: reqwest::Client, max_age: Duration) -> FeedCache {
        FeedCache {
            http,
            max_age,
            slots: Mutex::new(HashMap::new()),
            fetches: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// How long a fetched feed is used before it is fetched again.
    pub fn max_age(&self) -> Duration {
        self.max_age
    }

    /// How many feed requests were made (tests check the cache with it).
    pub fn fetch_count(&self) -> usize {
        self.fetches.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn slot(&self, url: &str) -> Arc<Slot> {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if let Some((slot, used)) = slots.get_mut(url) {
            *used = now;
            return slot.clone();
        }
        if slots.len() >= MAX_ENTRIES {
            let oldest = slots
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                slots.remove(&oldest);
            }
        }
        let slot = Arc::new(Slot {
            value: tokio::sync::Mutex::new(None),
        });
        slots.insert(url.to_owned(), (slot.clone(), now));
        slot
    }

    /// The feed at `url` (already checked against the platform's `feed_hosts`), or why it cannot
    /// be had. The error is a detail for the log.
    pub async fn get(&self, url: &str) -> Result<Arc<Feed>, String> {
        let slot = self.slot(url);
        let mut value = slot.value.lock().await;
        if let Some((cached, at)) = value.as_ref() {
            match cached {
                Cached::Ready(feed) if at.elapsed() < self.max_age => return Ok(feed.clone()),
                Cached::Failed(detail) if at.elapsed() < FAILURE_TTL => {
                    return Err(format!("{detail} (remembered for {FAILURE_TTL:?})"))
                }
                _ => {}
            }
        }
        self.fetches
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let result = self.fetch(url).await;
        *value = Some((
            match &result {
                Ok(feed) => Cached::Ready(feed.clone()),
                Err(detail) => Cached::Failed(detail.clone()),
            },
            Instant::now(),
        ));
        result
    }

    async fn fetch(&self, url: &str) -> Result<Arc<Feed>, String> {
        let request = self
            .http
            .get(url)
            .header("accept", "application/json, application/ld+json;q=0.9");
        let (_, body) = read_limited(request, MAX_FEED_BYTES)
            .await
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8(body).map_err(|_| "the feed is not UTF-8 text".to_owned())?;
        let parsed = tokio::task::spawn_blocking(move || {
            stackway_core::interop::detect::read_feed_text(&text)
        })
        .await
        .map_err(|e| format!("reading the feed failed: {e}"))?;
        let has_errors = parsed.has_errors();
        match parsed.feed {
            Some(feed) => {
                if has_errors {
                    // The widget shows what it could read of such a feed; match against the same.
                    tracing::warn!(
                        errors = parsed.diagnostics.len(),
                        "feed has errors; badges are matched against what could be read"
                    );
                }
                Ok(Arc::new(feed))
            }
            None => Err(format!(
                "the feed could not be read: {}",
                parsed
                    .diagnostics
                    .iter()
                    .take(3)
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

/// Why [`read_limited`] got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FetchError {
    /// The answer is larger than the limit.
    TooLarge(String),
    /// Unreachable, timed out, an error status, or the connection broke.
    Failed(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::TooLarge(detail) | FetchError::Failed(detail) => f.write_str(detail),
        }
    }
}

/// Sends `request` and reads a successful answer of at most `limit` bytes, stopping as soon as
/// more arrives. Returns the `Content-Type` and the body; error details are for the log (never
/// the URL, which may name a learner).
pub(crate) async fn read_limited(
    request: reqwest::RequestBuilder,
    limit: usize,
) -> Result<(Option<String>, Vec<u8>), FetchError> {
    let failed = |e: reqwest::Error| FetchError::Failed(e.without_url().to_string());
    let mut response = request.send().await.map_err(failed)?;
    if !response.status().is_success() {
        return Err(FetchError::Failed(format!("HTTP {}", response.status())));
    }
    let too_large = |n: u64| {
        FetchError::TooLarge(format!(
            "answer of {n} bytes or more is larger than {limit}"
        ))
    };
    if let Some(length) = response.content_length() {
        if length > limit as u64 {
            return Err(too_large(length));
        }
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large((body.len() + chunk.len()) as u64));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((content_type, body))
}
