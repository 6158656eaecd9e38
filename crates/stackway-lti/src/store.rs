//! One-time values with expiry (OIDC states, nonces, short-lived tickets) behind one trait.
//!
//! Memory is the default. Several instances behind a load balancer share replay protection through
//! Redis (`STACKWAY_REDIS_URL`). Values are taken exactly once: `take` removes what it returns, so a
//! replayed nonce or state finds nothing.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the memory store is full ({0} live entries)")]
    Full(usize),
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}: {reason}", path.display())]
    File {
        path: std::path::PathBuf,
        reason: String,
    },
    #[error("a stored record cannot be read: {0}")]
    Record(#[from] serde_json::Error),
}

/// A store of single-use values that expire.
#[async_trait]
pub trait OneTimeStore: Send + Sync {
    /// Stores `value` under `key` for `ttl` unless the key is already live; `false` when it was.
    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<bool, StoreError>;
    /// Removes and returns the value under `key` when it is live.
    async fn take(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Number of entries held (live or expired but not yet swept), for monitoring and benchmarks.
    async fn entry_count(&self) -> Result<usize, StoreError>;
}

/// In-process store. Memory stays bounded: expired entries are swept whenever the map has doubled
/// since the last sweep, and the map never holds more than `max_entries`.
pub struct MemoryStore {
    inner: Mutex<MemoryInner>,
    max_entries: usize,
}

struct MemoryInner {
    entries: HashMap<String, (String, Instant)>,
    sweep_at: usize,
}

impl Default for MemoryStore {
    fn default() -> Self {
        MemoryStore::with_capacity_limit(1_000_000)
    }
}

impl MemoryStore {
    pub fn with_capacity_limit(max_entries: usize) -> MemoryStore {
        MemoryStore {
            inner: Mutex::new(MemoryInner {
                entries: HashMap::new(),
                sweep_at: 1024,
            }),
            max_entries,
        }
    }

    /// Bytes held by keys and values plus the map's slots: an estimate for the benchmark report.
    pub fn approximate_bytes(&self) -> usize {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let slot = std::mem::size_of::<(String, (String, Instant))>() + 1;
        inner.entries.capacity() * slot
            + inner
                .entries
                .iter()
                .map(|(k, (v, _))| k.capacity() + v.capacity())
                .sum::<usize>()
    }

    fn sweep(inner: &mut MemoryInner, now: Instant) {
        inner.entries.retain(|_, (_, expires)| *expires > now);
        inner.entries.shrink_to(inner.entries.len() * 2);
        inner.sweep_at = (inner.entries.len() * 2).max(1024);
    }
}

#[async_trait]
impl OneTimeStore for MemoryStore {
    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<bool, StoreError> {
        let now = Instant::now();
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.entries.len() >= inner.sweep_at || inner.entries.len() >= self.max_entries {
            MemoryStore::sweep(&mut inner, now);
        }
        if inner.entries.len() >= self.max_entries {
            return Err(StoreError::Full(inner.entries.len()));
        }
        if let Some((_, expires)) = inner.entries.get(key) {
            if *expires > now {
                return Ok(false);
            }
        }
        inner
            .entries
            .insert(key.to_string(), (value.to_string(), now + ttl));
        Ok(true)
    }

    async fn take(&self, key: &str) -> Result<Option<String>, StoreError> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        Ok(inner
            .entries
            .remove(key)
            .and_then(|(value, expires)| (expires > Instant::now()).then_some(value)))
    }

    async fn entry_count(&self) -> Result<usize, StoreError> {
        Ok(self
            .inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entries
            .len())
    }
}

/// Redis store: `SET key value NX PX ttl` and `GETDEL` (Redis 6.2 or later), so two instances can
/// never both accept the same nonce. Keys carry a prefix so one Redis can serve other software too.
pub struct RedisStore {
    connection: redis::aio::ConnectionManager,
    prefix: String,
}

impl RedisStore {
    pub async fn connect(url: &str) -> Result<RedisStore, StoreError> {
        let client = redis::Client::open(url)?;
        let connection = redis::aio::ConnectionManager::new(client).await?;
        Ok(RedisStore {
            connection,
            prefix: "stackway:lti:".into(),
        })
    }

    /// The connection, to share with the registration store.
    pub fn connection(&self) -> redis::aio::ConnectionManager {
        self.connection.clone()
    }

    /// Uses another key prefix (tests isolate themselves this way).
    pub fn with_prefix(mut self, prefix: &str) -> RedisStore {
        self.prefix = prefix.to_string();
        self
    }
}

#[async_trait]
impl OneTimeStore for RedisStore {
    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<bool, StoreError> {
        let mut connection = self.connection.clone();
        let millis = ttl.as_millis().clamp(1, u64::MAX as u128) as u64;
        let set: Option<String> = redis::cmd("SET")
            .arg(format!("{}{key}", self.prefix))
            .arg(value)
            .arg("NX")
            .arg("PX")
            .arg(millis)
            .query_async(&mut connection)
            .await?;
        Ok(set.is_some())
    }

    async fn take(&self, key: &str) -> Result<Option<String>, StoreError> {
        let mut connection = self.connection.clone();
        let value: Option<String> = redis::cmd("GETDEL")
            .arg(format!("{}{key}", self.prefix))
            .query_async(&mut connection)
            .await?;
        Ok(value)
    }

    async fn entry_count(&self) -> Result<usize, StoreError> {
        let mut connection = self.connection.clone();
        let count: usize = redis::cmd("DBSIZE").query_async(&mut connection).await?;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn values_are_taken_once_and_expire() {
        let store = MemoryStore::default();
        assert!(store
            .put("nonce:a", "1", Duration::from_secs(60))
            .await
            .unwrap());
        assert!(
            !store
                .put("nonce:a", "2", Duration::from_secs(60))
                .await
                .unwrap(),
            "live keys are not overwritten"
        );
        assert_eq!(store.take("nonce:a").await.unwrap().as_deref(), Some("1"));
        assert_eq!(
            store.take("nonce:a").await.unwrap(),
            None,
            "second take finds nothing"
        );
        store
            .put("nonce:b", "1", Duration::from_millis(1))
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(5)).await;
        assert_eq!(
            store.take("nonce:b").await.unwrap(),
            None,
            "expired values are gone"
        );
    }

    #[tokio::test]
    async fn memory_stays_bounded_when_entries_expire() {
        let store = MemoryStore::with_capacity_limit(5_000);
        for i in 0..50_000 {
            store
                .put(&format!("nonce:{i}"), "1", Duration::from_nanos(1))
                .await
                .unwrap();
        }
        assert!(
            store.entry_count().await.unwrap() <= 5_000,
            "expired entries are swept"
        );
    }

    #[tokio::test]
    async fn a_full_store_refuses_rather_than_grows() {
        let store = MemoryStore::with_capacity_limit(10);
        for i in 0..10 {
            store
                .put(&format!("k{i}"), "1", Duration::from_secs(60))
                .await
                .unwrap();
        }
        assert!(matches!(
            store.put("k10", "1", Duration::from_secs(60)).await,
            Err(StoreError::Full(10))
        ));
    }
}
