//! What the handlers share: the configuration, the tool's keys, the stores, the caches and the
//! HTTP client, behind one cheap-to-clone [`AppState`], and the lookups every handler needs
//! (a platform by issuer and client_id, a one-time ticket).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::config::{ConfigError, Platform, ToolConfig};
use crate::error::{LtiError, Reason};
use crate::feeds::FeedCache;
use crate::jwks::PlatformKeys;
use crate::keys::{KeyError, ToolKeys};
use crate::registrations::{RedisRegistrations, RegistrationStore, SqliteRegistrations};
use crate::store::{MemoryStore, OneTimeStore, RedisStore, StoreError};

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
    /// failure, up to [`crate::jwks::MAX_FAILURE_BACKOFF`].
    pub jwks_failure_backoff: Duration,
    /// Timeout of every outgoing request (JWKS, progress, feeds, registration).
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
    pub registrations: Arc<dyn RegistrationStore>,
    pub platform_keys: PlatformKeys,
    pub http: reqwest::Client,
    pub feeds: FeedCache,
    pub options: Options,
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

/// `STACKWAY_REDIS_URL` when it is set and not blank.
fn redis_url() -> Option<String> {
    std::env::var("STACKWAY_REDIS_URL")
        .ok()
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty())
}

/// The registration store of `config`: Redis when `STACKWAY_REDIS_URL` is set, else the SQLite
/// file of `[registration] store`. The server and the operator's commands open the same one.
pub async fn registration_store(
    config: &ToolConfig,
) -> Result<Arc<dyn RegistrationStore>, StartError> {
    Ok(match redis_url() {
        Some(url) => Arc::new(RedisRegistrations::connect(&url).await?),
        None => Arc::new(SqliteRegistrations::new(&config.registration.store)),
    })
}

impl AppState {
    /// A state whose registrations are kept in memory (tests and benchmarks).
    pub fn new(
        config: ToolConfig,
        keys: ToolKeys,
        store: Arc<dyn OneTimeStore>,
        options: Options,
    ) -> AppState {
        let registrations = Arc::new(SqliteRegistrations::in_memory());
        AppState::with_registrations(config, keys, store, registrations, options)
    }

    pub fn with_registrations(
        config: ToolConfig,
        keys: ToolKeys,
        store: Arc<dyn OneTimeStore>,
        registrations: Arc<dyn RegistrationStore>,
        options: Options,
    ) -> AppState {
        let http = reqwest::Client::builder()
            .timeout(options.http_timeout)
            .connect_timeout(options.http_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("stackway-lti/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        let platform_keys = PlatformKeys::new(
            http.clone(),
            options.jwks_min_refetch,
            options.jwks_failure_backoff,
        );
        let feeds = FeedCache::new(http.clone(), options.feed_max_age);
        AppState(Arc::new(Inner {
            config,
            keys,
            store,
            registrations,
            platform_keys,
            http,
            feeds,
            options,
        }))
    }

    /// Reads the config file and its keys; with `STACKWAY_REDIS_URL`, nonces, states and
    /// registrations are kept in Redis, else in memory and in the SQLite registration store.
    pub async fn from_config_file(path: &Path) -> Result<AppState, StartError> {
        let config = ToolConfig::load(path)?;
        let keys = ToolKeys::load_dir(&config.keys_dir)?;
        let (store, registrations): (Arc<dyn OneTimeStore>, Arc<dyn RegistrationStore>) =
            match redis_url() {
                Some(url) => {
                    let store = RedisStore::connect(&url).await?;
                    let registrations = RedisRegistrations::with_connection(store.connection());
                    (Arc::new(store), Arc::new(registrations))
                }
                None => (
                    Arc::new(MemoryStore::default()),
                    Arc::new(SqliteRegistrations::new(&config.registration.store)),
                ),
            };
        Ok(AppState::with_registrations(
            config,
            keys,
            store,
            registrations,
            Options::default(),
        ))
    }

    pub fn config(&self) -> &ToolConfig {
        &self.0.config
    }

    /// The platform key cache (tests read its fetch count).
    pub fn platform_keys(&self) -> &PlatformKeys {
        &self.0.platform_keys
    }

    /// The cache of feeds read to match learners' badges (tests read its fetch count).
    pub fn feeds(&self) -> &FeedCache {
        &self.0.feeds
    }

    pub fn store(&self) -> &Arc<dyn OneTimeStore> {
        &self.0.store
    }

    /// Where dynamically registered platforms and registration links are kept.
    pub fn registrations(&self) -> &Arc<dyn RegistrationStore> {
        &self.0.registrations
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.0.http
    }

    pub(crate) fn inner(&self) -> &Inner {
        &self.0
    }

    /// The platform for (issuer, client_id): a `[[platform]]` of tool.toml first, else a
    /// dynamically registered one. Without a client_id, the issuer's only platform.
    pub async fn platform(
        &self,
        issuer: &str,
        client_id: Option<&str>,
    ) -> Result<Option<Arc<Platform>>, LtiError> {
        let config = self.config();
        if let Some(platform) = config.platform(issuer, client_id) {
            return Ok(Some(platform.clone()));
        }
        let unavailable = |e: StoreError| LtiError::new(Reason::StoreUnavailable, e.to_string());
        let registration = match client_id {
            Some(client_id) => self
                .registrations()
                .find(issuer, client_id)
                .await
                .map_err(unavailable)?,
            None if config.platforms_of(issuer) > 0 => None,
            None => {
                let mut all = self
                    .registrations()
                    .find_by_issuer(issuer)
                    .await
                    .map_err(unavailable)?;
                if all.len() == 1 {
                    all.pop()
                } else {
                    None
                }
            }
        };
        match registration {
            Some(registration) => registration
                .platform(&config.registration)
                .map(|p| Some(Arc::new(p)))
                .map_err(|e| {
                    LtiError::new(
                        Reason::Internal,
                        format!("registration {}: {e}", registration.id),
                    )
                }),
            None => Ok(None),
        }
    }

    /// The origins that may frame a page of `platform`'s launches: every `[[platform]]` of
    /// tool.toml (as before dynamic registration) and this platform's own.
    pub fn frame_ancestors(&self, platform: &Platform) -> Vec<String> {
        let mut all = self.config().frame_ancestors();
        for origin in platform.origins() {
            if !all.contains(&origin) {
                all.push(origin);
            }
        }
        all
    }

    /// Takes a single-use ticket (a page handed to the browser between two steps of a flow) from
    /// the one-time store: an unknown, expired or already used ticket is refused with
    /// `ticket-unknown`.
    pub(crate) async fn take_ticket(&self, key: &str, what: &str) -> Result<String, LtiError> {
        self.store()
            .take(key)
            .await
            .map_err(|e| LtiError::new(Reason::StoreUnavailable, e.to_string()))?
            .ok_or_else(|| {
                LtiError::new(
                    Reason::TicketUnknown,
                    format!("{what} unknown, expired or used"),
                )
            })
    }
}
