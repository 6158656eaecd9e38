//! Platform public keys: fetched from each registration's `jwks_url`, cached, and refetched
//! (rate-limited) when an id_token names a `kid` the cache does not know, so key rotation works
//! without restarting the tool and without letting forged `kid`s hammer the platform.
//!
//! The rules, which `docs/lms/README.md` states for operators:
//! - a fetched key set is trusted for [`MAX_AGE`], then refreshed on its next use;
//! - an unknown `kid` refetches the set at most once per `min_refetch` (10 s by default);
//! - a failed fetch is not retried before a backoff has passed: `failure_backoff` (10 s by
//!   default) after the first failure, doubling with each further failure up to
//!   [`MAX_FAILURE_BACKOFF`]; meanwhile the keys already known keep working, and launches that
//!   need another key are refused with `jwks-unavailable`;
//! - keys this tool cannot use (anything but an RSA signature key for RS256, or a key the JWT
//!   library cannot even read, such as an EC P-521 / ES512 key) are skipped and logged, and the
//!   rest of the set is kept: one exotic key must not lock a platform out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, Jwk, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::DecodingKey;

use crate::error::{LtiError, Reason};

/// How long a fetched key set is trusted before it is refreshed on next use.
pub const MAX_AGE: Duration = Duration::from_secs(3600);
/// The longest wait between two attempts at a key set whose fetches keep failing.
pub const MAX_FAILURE_BACKOFF: Duration = Duration::from_secs(300);
/// Largest JWKS body accepted.
const MAX_BODY: usize = 256 * 1024;

/// What is known about one key set URL.
#[derive(Default)]
struct SetState {
    keys: HashMap<String, Arc<DecodingKey>>,
    /// When the last successful fetch happened.
    fetched_at: Option<Instant>,
    /// The last run of failed fetches, when the last fetch failed.
    failure: Option<Failure>,
}

#[derive(Clone, Copy)]
struct Failure {
    at: Instant,
    /// No new attempt before `at + retry_after`.
    retry_after: Duration,
}

impl SetState {
    /// The key for `kid` when the set is younger than [`MAX_AGE`].
    fn fresh_key(&self, kid: &str) -> Option<Arc<DecodingKey>> {
        let fresh = self.fetched_at.is_some_and(|at| at.elapsed() < MAX_AGE);
        fresh.then(|| self.keys.get(kid).cloned()).flatten()
    }
}

/// One key set URL: its state, and a lock held while it is fetched so that a burst of launches
/// needing a new key causes one request, while other platforms' sets stay available.
#[derive(Default)]
struct KeySet {
    state: RwLock<SetState>,
    fetching: tokio::sync::Mutex<()>,
}

impl KeySet {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, SetState> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, SetState> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// A key of the set that the tool does not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedKey {
    pub kid: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for SkippedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kid {
            Some(kid) => write!(f, "{kid:?}: {}", self.reason),
            None => write!(f, "(no kid): {}", self.reason),
        }
    }
}

/// The usable keys of a key set document, by kid, and the keys that were skipped.
pub struct ReadKeySet {
    pub keys: HashMap<String, Arc<DecodingKey>>,
    pub skipped: Vec<SkippedKey>,
}

/// Cache of platform keys by JWKS URL.
pub struct PlatformKeys {
    http: reqwest::Client,
    min_refetch: Duration,
    failure_backoff: Duration,
    sets: Mutex<HashMap<String, Arc<KeySet>>>,
    fetches: std::sync::atomic::AtomicUsize,
}

impl PlatformKeys {
    /// `min_refetch` is the shortest interval between two fetches of one URL caused by unknown
    /// kids; `failure_backoff` the wait after a first failed fetch (it doubles with each further
    /// failure, up to [`MAX_FAILURE_BACKOFF`]).
    pub fn new(
        http: reqwest::Client,
        min_refetch: Duration,
        failure_backoff: Duration,
    ) -> PlatformKeys {
        PlatformKeys {
            http,
            min_refetch,
            failure_backoff,
            sets: Mutex::new(HashMap::new()),
            fetches: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// How many JWKS requests were made (tests assert the rate limits with it).
    pub fn fetch_count(&self) -> usize {
        self.fetches.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn set(&self, url: &str) -> Arc<KeySet> {
        let mut sets = self.sets.lock().unwrap_or_else(|e| e.into_inner());
        sets.entry(url.to_owned()).or_default().clone()
    }

    /// The key for `kid` from the JWKS at `url`.
    pub async fn key(&self, url: &str, kid: &str) -> Result<Arc<DecodingKey>, LtiError> {
        let set = self.set(url);
        if let Some(key) = set.read().fresh_key(kid) {
            return Ok(key);
        }
        let _fetching = set.fetching.lock().await;
        // Another request may have refreshed the set while this one waited.
        if let Some(key) = set.read().fresh_key(kid) {
            return Ok(key);
        }
        if let Some(stale) = self.may_fetch(&set.read(), url, kid)? {
            return Ok(stale);
        }
        let result = self.fetch(url).await;
        let mut state = set.write();
        match result {
            Ok(read) => {
                if !read.skipped.is_empty() {
                    let skipped: Vec<String> = read.skipped.iter().map(|s| s.to_string()).collect();
                    tracing::info!(url, skipped = ?skipped, "JWKS keys this tool cannot use were skipped");
                }
                state.keys = read.keys;
                state.fetched_at = Some(Instant::now());
                state.failure = None;
                state.keys.get(kid).cloned().ok_or_else(|| {
                    LtiError::new(
                        Reason::KeyIdUnknown,
                        format!(
                            "kid {kid:?} is not in the key set at {url}, even after refetching it"
                        ),
                    )
                })
            }
            Err(detail) => {
                let retry_after = match state.failure {
                    Some(last) => (last.retry_after * 2).min(MAX_FAILURE_BACKOFF),
                    None => self.failure_backoff,
                };
                state.failure = Some(Failure {
                    at: Instant::now(),
                    retry_after,
                });
                // A platform outage must not lock out keys we already know.
                if let Some(key) = state.keys.get(kid) {
                    tracing::warn!(url, detail = %detail, ?retry_after, "JWKS refresh failed; using the cached key");
                    return Ok(key.clone());
                }
                Err(LtiError::new(
                    Reason::KeySetUnavailable,
                    format!("fetching {url}: {detail} (next attempt in {retry_after:?} at the earliest)"),
                ))
            }
        }
    }

    /// Whether a fetch may happen now (`Ok(None)`); when not, the key to use instead (a known
    /// key older than [`MAX_AGE`] while fetches of its set keep failing) or the refusal.
    fn may_fetch(
        &self,
        state: &SetState,
        url: &str,
        kid: &str,
    ) -> Result<Option<Arc<DecodingKey>>, LtiError> {
        if let Some(failure) = state.failure {
            let waited = failure.at.elapsed();
            if waited < failure.retry_after {
                return match state.keys.get(kid) {
                    Some(key) => Ok(Some(key.clone())),
                    None => Err(LtiError::new(
                        Reason::KeySetUnavailable,
                        format!(
                            "the key set at {url} failed to load {waited:?} ago; next attempt in {:?}",
                            failure.retry_after - waited
                        ),
                    )),
                };
            }
        }
        if let Some(at) = state.fetched_at {
            let age = at.elapsed();
            if age < MAX_AGE && age < self.min_refetch {
                return Err(LtiError::new(
                    Reason::KeyIdUnknown,
                    format!("kid {kid:?} is not in {url} and the key set was fetched {age:?} ago (refetch is rate-limited)"),
                ));
            }
        }
        Ok(None)
    }

    async fn fetch(&self, url: &str) -> Result<ReadKeySet, String> {
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
        read_key_set(&body)
    }
}

/// Reads a JWKS document key by key: RSA signature keys usable with RS256 are kept; every other
/// key, including one the JWT library cannot parse, is skipped with its reason. Only a document
/// that is not a key set at all is an error.
pub fn read_key_set(body: &[u8]) -> Result<ReadKeySet, String> {
    let document: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("not a JWKS: {e}"))?;
    let entries = document
        .get("keys")
        .and_then(serde_json::Value::as_array)
        .ok_or("not a JWKS: no \"keys\" array")?;
    let mut keys = HashMap::new();
    let mut skipped = Vec::new();
    for entry in entries {
        let kid = entry
            .get("kid")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned);
        match usable_key(entry) {
            Ok(key) => match &kid {
                Some(kid) => {
                    keys.insert(kid.clone(), Arc::new(key));
                }
                None => skipped.push(SkippedKey {
                    kid,
                    reason: "no kid, so no id_token can name it".into(),
                }),
            },
            Err(reason) => skipped.push(SkippedKey { kid, reason }),
        }
    }
    Ok(ReadKeySet { keys, skipped })
}

/// The decoding key of one JWKS entry, or why the tool cannot use it.
fn usable_key(entry: &serde_json::Value) -> Result<DecodingKey, String> {
    let jwk: Jwk = serde_json::from_value(entry.clone()).map_err(|e| {
        let kty = entry.get("kty").and_then(serde_json::Value::as_str);
        let alg = entry.get("alg").and_then(serde_json::Value::as_str);
        format!("unreadable key (kty {kty:?}, alg {alg:?}): {e}")
    })?;
    if !matches!(jwk.algorithm, AlgorithmParameters::RSA(_)) {
        return Err("not an RSA key; only RS256 is accepted".into());
    }
    if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
        return Err("an encryption key, not a signature key".into());
    }
    if let Some(alg) = jwk.common.key_algorithm {
        if alg != KeyAlgorithm::RS256 {
            return Err(format!("algorithm {alg:?}; only RS256 is accepted"));
        }
    }
    DecodingKey::from_jwk(&jwk).map_err(|e| format!("unusable RSA key: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ES512: &str = include_str!("../tests/data/platform-key-es512.jwk.json");

    fn rsa_jwk(kid: &str) -> serde_json::Value {
        // A 2048-bit modulus is not needed to be read; any well-formed RSA JWK decodes.
        serde_json::json!({"kty": "RSA", "alg": "RS256", "use": "sig", "kid": kid,
            "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw",
            "e": "AQAB"})
    }

    #[test]
    fn a_key_set_with_an_es512_key_keeps_its_rsa_keys_and_names_the_skipped_one() {
        let es512: serde_json::Value = serde_json::from_str(ES512).unwrap();
        let document = serde_json::json!({"keys": [es512, rsa_jwk("platform-1")]});
        let read = read_key_set(document.to_string().as_bytes()).expect("a key set");
        assert_eq!(read.keys.keys().collect::<Vec<_>>(), ["platform-1"]);
        assert_eq!(read.skipped.len(), 1);
        assert_eq!(read.skipped[0].kid.as_deref(), Some("platform-es512"));
        assert!(
            read.skipped[0].reason.contains("ES512"),
            "{}",
            read.skipped[0]
        );
    }

    #[test]
    fn keys_other_than_rs256_signature_keys_are_skipped_with_their_reason() {
        let mut encryption = rsa_jwk("enc");
        encryption["use"] = "enc".into();
        let mut rs512 = rsa_jwk("rs512");
        rs512["alg"] = "RS512".into();
        let mut no_kid = rsa_jwk("x");
        no_kid.as_object_mut().unwrap().remove("kid");
        let p256 = serde_json::json!({"kty": "EC", "crv": "P-256", "kid": "ec",
            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"});
        let document =
            serde_json::json!({"keys": [encryption, rs512, no_kid, p256, rsa_jwk("ok")]});
        let read = read_key_set(document.to_string().as_bytes()).unwrap();
        assert_eq!(read.keys.keys().collect::<Vec<_>>(), ["ok"]);
        let reasons: Vec<String> = read.skipped.iter().map(|s| s.to_string()).collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert!(reasons[0].contains("encryption"), "{reasons:?}");
        assert!(reasons[1].contains("RS512"), "{reasons:?}");
        assert!(reasons[2].starts_with("(no kid)"), "{reasons:?}");
        assert!(reasons[3].contains("not an RSA key"), "{reasons:?}");
    }

    #[test]
    fn a_document_that_is_no_key_set_is_an_error() {
        assert!(read_key_set(b"<html>").is_err());
        assert!(read_key_set(br#"{"keys": {}}"#).is_err());
        assert!(read_key_set(br#"{"keys": []}"#).unwrap().keys.is_empty());
    }
}
