//! Platform public keys: fetched from each registration's `jwks_url`, cached, and refetched once
//! (rate-limited) when an id_token names a `kid` the cache does not know, so key rotation works
//! without restarting the tool and without letting forged `kid`s hammer the platform.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, JwkSet, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::DecodingKey;

use crate::error::{LtiError, Reason};

/// How long a fetched key set is trusted before it is refreshed on next use.
const MAX_AGE: Duration = Duration::from_secs(3600);
/// Largest JWKS body accepted.
const MAX_BODY: usize = 256 * 1024;

struct CachedSet {
    keys: HashMap<String, Arc<DecodingKey>>,
    fetched_at: Instant,
}

/// Cache of platform keys by JWKS URL.
pub struct PlatformKeys {
    http: reqwest::Client,
    min_refetch: Duration,
    sets: RwLock<HashMap<String, Arc<CachedSet>>>,
    /// Serialises fetches so a burst of launches with a new kid causes one request, not many.
    fetch_lock: tokio::sync::Mutex<()>,
    fetches: std::sync::atomic::AtomicUsize,
}

impl PlatformKeys {
    /// `min_refetch` is the shortest interval between two fetches of one URL caused by unknown kids.
    pub fn new(http: reqwest::Client, min_refetch: Duration) -> PlatformKeys {
        PlatformKeys {
            http,
            min_refetch,
            sets: RwLock::new(HashMap::new()),
            fetch_lock: tokio::sync::Mutex::new(()),
            fetches: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// How many JWKS requests were made (tests assert the rate limit with it).
    pub fn fetch_count(&self) -> usize {
        self.fetches.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn cached(&self, url: &str) -> Option<Arc<CachedSet>> {
        self.sets
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(url)
            .cloned()
    }

    /// The key for `kid` from the JWKS at `url`.
    pub async fn key(&self, url: &str, kid: &str) -> Result<Arc<DecodingKey>, LtiError> {
        if let Some(set) = self.cached(url) {
            if let Some(key) = set.keys.get(kid) {
                if set.fetched_at.elapsed() < MAX_AGE {
                    return Ok(key.clone());
                }
            }
        }
        let _guard = self.fetch_lock.lock().await;
        // Another request may have refreshed the set while this one waited.
        let current = self.cached(url);
        if let Some(set) = &current {
            let fresh = set.fetched_at.elapsed() < MAX_AGE;
            if let (Some(key), true) = (set.keys.get(kid), fresh) {
                return Ok(key.clone());
            }
            if fresh && set.fetched_at.elapsed() < self.min_refetch {
                return Err(LtiError::new(
                    Reason::KeyIdUnknown,
                    format!("kid {kid:?} is not in {url} and the key set was fetched {:?} ago (refetch is rate-limited)", set.fetched_at.elapsed()),
                ));
            }
        }
        match self.fetch(url).await {
            Ok(set) => {
                let set = Arc::new(set);
                self.sets
                    .write()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(url.to_string(), set.clone());
                set.keys.get(kid).cloned().ok_or_else(|| {
                    LtiError::new(
                        Reason::KeyIdUnknown,
                        format!(
                            "kid {kid:?} is not in the key set at {url}, even after refetching it"
                        ),
                    )
                })
            }
            Err(detail) => {
                // A platform outage must not lock out keys we already know.
                if let Some(key) = current.as_ref().and_then(|set| set.keys.get(kid)) {
                    tracing::warn!(url, detail = %detail, "JWKS refresh failed; using the cached key");
                    return Ok(key.clone());
                }
                Err(LtiError::new(
                    Reason::KeySetUnavailable,
                    format!("fetching {url}: {detail}"),
                ))
            }
        }
    }

    async fn fetch(&self, url: &str) -> Result<CachedSet, String> {
        self.fetches
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let response = self.http.get(url).send().await.map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("HTTP {}", response.status()));
        }
        let body = response.bytes().await.map_err(|e| e.to_string())?;
        if body.len() > MAX_BODY {
            return Err(format!(
                "key set of {} bytes is larger than {MAX_BODY}",
                body.len()
            ));
        }
        let set: JwkSet = serde_json::from_slice(&body).map_err(|e| format!("not a JWKS: {e}"))?;
        let mut keys = HashMap::new();
        for jwk in &set.keys {
            let Some(kid) = jwk.common.key_id.clone() else {
                continue;
            };
            // Only RSA signature keys usable with RS256 are kept.
            if !matches!(jwk.algorithm, AlgorithmParameters::RSA(_)) {
                continue;
            }
            if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
                continue;
            }
            if jwk
                .common
                .key_algorithm
                .is_some_and(|alg| alg != KeyAlgorithm::RS256)
            {
                continue;
            }
            if let Ok(key) = DecodingKey::from_jwk(jwk) {
                keys.insert(kid, Arc::new(key));
            }
        }
        Ok(CachedSet {
            keys,
            fetched_at: Instant::now(),
        })
    }
}
