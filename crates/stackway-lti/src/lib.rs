//! Stackway's LTI 1.3 tool as an axum [`Router`]: OIDC login initiation, complete id_token
//! validation, the launch page that hands the widget its configuration and the learner's own
//! progress, deep linking for instructional designers, and the tool's public key set.
//!
//! Identity and configuration come only from a validated id_token, never from the browser.
//! `stackway serve --config tool.toml` merges [`router`] with the static site.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;

pub mod config;
mod deep_link;
pub mod error;
pub mod feeds;
pub mod jwks;
pub mod keys;
pub mod lang;
pub mod launch;
mod login;
pub mod pages;
pub mod progress;
pub mod store;

pub use config::{ConfigError, Platform, ToolConfig};
pub use error::{LtiError, Reason};
pub use keys::{generate_key, KeyError, ToolKeys};
pub use store::{MemoryStore, OneTimeStore, RedisStore, StoreError};

/// Tunables with production defaults; tests shorten some of them.
#[derive(Debug, Clone)]
pub struct Options {
    /// Allowed clock difference for `exp` and `iat`.
    pub clock_skew: Duration,
    /// Lifetime of an OIDC state and its nonce (login to launch).
    pub login_ttl: Duration,
    /// Shortest interval between two JWKS refetches caused by an unknown `kid`.
    pub jwks_min_refetch: Duration,
    /// Wait after a first failed JWKS fetch before the next attempt; it doubles with each further
    /// failure, up to [`jwks::MAX_FAILURE_BACKOFF`].
    pub jwks_failure_backoff: Duration,
    /// Timeout of every outgoing request (JWKS, progress, feeds).
    pub http_timeout: Duration,
    /// How long a feed fetched to match a learner's badges is reused before it is fetched again.
    pub feed_max_age: Duration,
    /// URL of the widget's custom-element script, served by the static site.
    pub widget_script: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clock_skew: Duration::from_secs(60),
            login_ttl: Duration::from_secs(600),
            jwks_min_refetch: Duration::from_secs(10),
            jwks_failure_backoff: Duration::from_secs(10),
            http_timeout: Duration::from_secs(5),
            feed_max_age: Duration::from_secs(300),
            widget_script: "/www/stackway.js".into(),
        }
    }
}

/// Everything the handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub(crate) struct Inner {
    pub config: ToolConfig,
    pub keys: ToolKeys,
    pub store: Arc<dyn OneTimeStore>,
    pub platform_keys: jwks::PlatformKeys,
    pub http: reqwest::Client,
    pub feeds: feeds::FeedCache,
    pub options: Options,
}

impl AppState {
    pub fn new(
        config: ToolConfig,
        keys: ToolKeys,
        store: Arc<dyn OneTimeStore>,
        options: Options,
    ) -> AppState {
        let http = reqwest::Client::builder()
            .timeout(options.http_timeout)
            .connect_timeout(options.http_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("stackway-lti/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        let platform_keys = jwks::PlatformKeys::new(
            http.clone(),
            options.jwks_min_refetch,
            options.jwks_failure_backoff,
        );
        let feeds = feeds::FeedCache::new(http.clone(), options.feed_max_age);
        AppState(Arc::new(Inner {
            config,
            keys,
            store,
            platform_keys,
            http,
            feeds,
            options,
        }))
    }

    /// Reads the config file and its keys, and connects to Redis when `STACKWAY_REDIS_URL` is set.
    pub async fn from_config_file(path: &Path) -> Result<AppState, StartError> {
        let config = ToolConfig::load(path)?;
        let keys = ToolKeys::load_dir(&config.keys_dir)?;
        let store: Arc<dyn OneTimeStore> = match std::env::var("STACKWAY_REDIS_URL") {
            Ok(url) if !url.trim().is_empty() => Arc::new(RedisStore::connect(url.trim()).await?),
            _ => Arc::new(MemoryStore::default()),
        };
        Ok(AppState::new(config, keys, store, Options::default()))
    }

    pub fn config(&self) -> &ToolConfig {
        &self.0.config
    }

    /// The platform key cache (tests read its fetch count).
    pub fn platform_keys(&self) -> &jwks::PlatformKeys {
        &self.0.platform_keys
    }

    /// The cache of feeds read to match learners' badges (tests read its fetch count).
    pub fn feeds(&self) -> &feeds::FeedCache {
        &self.0.feeds
    }

    pub fn store(&self) -> &Arc<dyn OneTimeStore> {
        &self.0.store
    }

    pub(crate) fn inner(&self) -> &Inner {
        &self.0
    }
}

/// Why the tool could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Keys(#[from] KeyError),
    #[error("cannot connect to STACKWAY_REDIS_URL: {0}")]
    Store(#[from] StoreError),
}

/// The tool's routes. Merge it with the static site that serves the widget.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/.well-known/jwks.json", get(jwks_handler))
        .route("/lti/login", get(login::login_get).post(login::login_post))
        .route("/lti/launch", post(launch::launch_post))
        .route("/lti/launch/verify", post(launch::verify_post))
        .route("/lti/deep-link/return", post(deep_link::return_post))
        .route("/lti/assets/{file}", get(pages::asset))
        .with_state(state)
}

async fn jwks_handler(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [
            (axum::http::header::CONTENT_TYPE, "application/json"),
            (axum::http::header::CACHE_CONTROL, "public, max-age=300"),
            (axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        state.inner().keys.jwks().to_string(),
    )
        .into_response()
}

/// 32 random bytes, base64url: states, nonces and tickets.
pub(crate) fn random_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Parses an `application/x-www-form-urlencoded` body or query string; later duplicates are ignored.
pub(crate) fn parse_form(bytes: &[u8]) -> std::collections::HashMap<String, String> {
    let mut map = std::collections::HashMap::new();
    for (key, value) in url::form_urlencoded::parse(bytes) {
        map.entry(key.into_owned())
            .or_insert_with(|| value.into_owned());
    }
    map
}
