//! Platforms registered through LTI Dynamic Registration, and the one-time registration links
//! that let them register, behind one trait with two stores.
//!
//! SQLite (through `rusqlite`, with SQLite compiled in) is the default: one file beside
//! `tool.toml`, no server to run, and it is safe for the `stackway` commands (`register-link`,
//! `platforms`) to write while the server reads. The file is created on the first write, so a
//! tool that never registers a platform dynamically needs no writable folder. With
//! `STACKWAY_REDIS_URL`, registrations live in Redis instead, so that several instances behind a
//! load balancer share them.
//!
//! A registration keeps what the platform said (issuer, client_id, endpoints, deployments) and
//! what its registration link chose (a name, feed hosts); the operator's settings for every
//! dynamically registered platform (`[registration]` in `tool.toml`) apply when it is looked up,
//! so that changing them needs no new registration. Nothing is cached in the server: a platform
//! removed with `stackway platforms remove` is refused from the next request on.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use url::Url;

use crate::config::{FeedHost, Platform, RegistrationSettings};
use crate::store::StoreError;

/// A platform registered dynamically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    /// A short id for the operator (`stackway platforms show r-3f9a2c1d`).
    pub id: String,
    /// The registration link's name, else the platform's product and host.
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    /// The deployments the platform named when it registered; empty when it named none (Canvas
    /// creates deployments later), in which case every deployment of this client is accepted.
    pub deployment_ids: Vec<String>,
    pub auth_url: String,
    pub jwks_url: String,
    /// Origins of the LMS pages besides the issuer's and the auth endpoint's (the page that
    /// framed the registration, for a hosted LMS whose pages are on the school's own domain).
    #[serde(default)]
    pub frame_origins: Vec<String>,
    /// Feed hosts chosen by the registration link; `None` means `[registration] feed_hosts`.
    #[serde(default)]
    pub feed_hosts: Option<Vec<String>>,
    /// The platform's `product_family_code` and version, for the operator.
    #[serde(default)]
    pub product: Option<String>,
    /// Where the platform's configuration was read.
    pub openid_configuration: String,
    /// Seconds since the Unix epoch.
    pub registered_at: u64,
}

impl Registration {
    /// When it was registered, for people: `2026-12-01 03:05:12 UTC`.
    pub fn registered_at_text(&self) -> String {
        let stamp = crate::keys::utc_stamp(UNIX_EPOCH + Duration::from_secs(self.registered_at));
        // `20261201T030512Z`
        format!(
            "{}-{}-{} {}:{}:{} UTC",
            &stamp[0..4],
            &stamp[4..6],
            &stamp[6..8],
            &stamp[9..11],
            &stamp[11..13],
            &stamp[13..15]
        )
    }

    /// The platform this registration stands for, with the operator's `[registration]` settings
    /// (its own feed hosts, when its link chose them, and its own frame origins besides).
    pub fn platform(&self, settings: &RegistrationSettings) -> Result<Platform, String> {
        let url = |value: &str, what: &str| {
            Url::parse(value).map_err(|e| format!("{what} {value:?} is not a URL: {e}"))
        };
        let mut operator = settings.operator.clone();
        if let Some(hosts) = &self.feed_hosts {
            operator.feed_hosts = hosts
                .iter()
                .map(|h| FeedHost::parse(h).ok_or_else(|| format!("feed host {h:?} is not a host")))
                .collect::<Result<_, _>>()?;
        }
        for origin in &self.frame_origins {
            if !operator.frame_origins.contains(origin) {
                operator.frame_origins.push(origin.clone());
            }
        }
        Ok(Platform::new(
            self.name.clone(),
            self.issuer.clone(),
            self.client_id.clone(),
            self.deployment_ids.clone(),
            url(&self.auth_url, "auth_url")?,
            url(&self.jwks_url, "jwks_url")?,
            operator,
        ))
    }
}

/// What a one-time registration link allows, until it expires or is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    /// The name the registered platform will have.
    pub name: Option<String>,
    /// Feed hosts for this platform instead of `[registration] feed_hosts`.
    pub feed_hosts: Option<Vec<String>>,
    /// Seconds since the Unix epoch.
    pub expires_at: u64,
}

/// Where registrations are kept.
#[async_trait]
pub trait RegistrationStore: Send + Sync {
    /// Adds a registration; `Ok(false)` when (issuer, client_id) is already registered.
    async fn add(&self, registration: &Registration) -> Result<bool, StoreError>;
    /// The registration for (issuer, client_id).
    async fn find(&self, issuer: &str, client_id: &str)
        -> Result<Option<Registration>, StoreError>;
    /// Every registration of an issuer (a login that names no client_id).
    async fn find_by_issuer(&self, issuer: &str) -> Result<Vec<Registration>, StoreError>;
    /// Every registration, oldest first.
    async fn list(&self) -> Result<Vec<Registration>, StoreError>;
    /// Removes the registration with this id and returns it.
    async fn remove(&self, id: &str) -> Result<Option<Registration>, StoreError>;
    /// Keeps a registration link (by the hash of its token) until `invite.expires_at`.
    async fn add_invite(&self, token: &str, invite: &Invite) -> Result<(), StoreError>;
    /// The live registration link for `token`, left in place.
    async fn invite(&self, token: &str) -> Result<Option<Invite>, StoreError>;
    /// Removes and returns the live registration link for `token`: only one registration can
    /// use it, however many requests race.
    async fn take_invite(&self, token: &str) -> Result<Option<Invite>, StoreError>;
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A new registration id: `r-` and eight hex digits.
pub fn new_id() -> String {
    format!("r-{:08x}", rand::random::<u32>())
}

/// Registration links are kept by the SHA-256 of their token, so the store never holds a usable
/// link.
fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The SQLite store: one file, created on the first write.
pub struct SqliteRegistrations {
    /// `None` for a store in memory.
    path: Option<PathBuf>,
    connection: Mutex<Option<rusqlite::Connection>>,
}

const SCHEMA: &str = "
    PRAGMA journal_mode = WAL;
    CREATE TABLE IF NOT EXISTS registrations (
        issuer TEXT NOT NULL,
        client_id TEXT NOT NULL,
        id TEXT NOT NULL UNIQUE,
        registered_at INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (issuer, client_id)
    );
    CREATE TABLE IF NOT EXISTS invites (
        token_hash TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL,
        record TEXT NOT NULL
    );
";

impl SqliteRegistrations {
    /// A store in the file at `path` (nothing is created until something is written).
    pub fn new(path: &Path) -> SqliteRegistrations {
        SqliteRegistrations {
            path: Some(path.to_path_buf()),
            connection: Mutex::new(None),
        }
    }

    /// A store in memory, lost at exit: for tests and benchmarks.
    pub fn in_memory() -> SqliteRegistrations {
        SqliteRegistrations {
            path: None,
            connection: Mutex::new(None),
        }
    }

    /// The file this store uses (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn open(&self, create: bool) -> Result<Option<rusqlite::Connection>, StoreError> {
        let connection = match &self.path {
            None => rusqlite::Connection::open_in_memory()?,
            Some(path) if !create && !path.exists() => return Ok(None),
            Some(path) => {
                if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder).map_err(|e| StoreError::File {
                        path: path.clone(),
                        reason: e.to_string(),
                    })?;
                }
                rusqlite::Connection::open(path)?
            }
        };
        connection.busy_timeout(Duration::from_secs(5))?;
        connection.execute_batch(SCHEMA)?;
        Ok(Some(connection))
    }

    /// Runs `work` on the connection, opening the file first. With `create` false and no file
    /// yet, `work` is not run and `absent` is returned: nothing was ever registered.
    fn with<T>(
        &self,
        create: bool,
        absent: T,
        work: impl FnOnce(&mut rusqlite::Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let mut slot = self.connection.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = self.open(create)?;
        }
        match slot.as_mut() {
            Some(connection) => Ok(work(connection)?),
            None => Ok(absent),
        }
    }
}

/// A stored JSON record, when there is one.
fn read<T: serde::de::DeserializeOwned>(record: Option<String>) -> Result<Option<T>, StoreError> {
    Ok(match record {
        Some(record) => Some(serde_json::from_str(&record)?),
        None => None,
    })
}

fn from_rows(rows: Vec<String>) -> Result<Vec<Registration>, StoreError> {
    rows.iter()
        .map(|record| serde_json::from_str(record).map_err(StoreError::from))
        .collect()
}

#[async_trait]
impl RegistrationStore for SqliteRegistrations {
    async fn add(&self, registration: &Registration) -> Result<bool, StoreError> {
        let record = serde_json::to_string(registration)?;
        self.with(true, false, |db| {
            let added = db.execute(
                "INSERT OR IGNORE INTO registrations (issuer, client_id, id, registered_at, record)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![
                    registration.issuer,
                    registration.client_id,
                    registration.id,
                    registration.registered_at as i64,
                    record
                ],
            )?;
            Ok(added == 1)
        })
    }

    async fn find(
        &self,
        issuer: &str,
        client_id: &str,
    ) -> Result<Option<Registration>, StoreError> {
        let record = self.with(false, None, |db| {
            use rusqlite::OptionalExtension;
            db.prepare_cached(
                "SELECT record FROM registrations WHERE issuer = ?1 AND client_id = ?2",
            )?
            .query_row([issuer, client_id], |row| row.get::<_, String>(0))
            .optional()
        })?;
        read(record)
    }

    async fn find_by_issuer(&self, issuer: &str) -> Result<Vec<Registration>, StoreError> {
        let rows = self.with(false, Vec::new(), |db| {
            db.prepare_cached(
                "SELECT record FROM registrations WHERE issuer = ?1 ORDER BY registered_at",
            )?
            .query_map([issuer], |row| row.get::<_, String>(0))?
            .collect()
        })?;
        from_rows(rows)
    }

    async fn list(&self) -> Result<Vec<Registration>, StoreError> {
        let rows = self.with(false, Vec::new(), |db| {
            db.prepare_cached("SELECT record FROM registrations ORDER BY registered_at, id")?
                .query_map([], |row| row.get::<_, String>(0))?
                .collect()
        })?;
        from_rows(rows)
    }

    async fn remove(&self, id: &str) -> Result<Option<Registration>, StoreError> {
        let record = self.with(false, None, |db| {
            use rusqlite::OptionalExtension;
            db.prepare_cached("DELETE FROM registrations WHERE id = ?1 RETURNING record")?
                .query_row([id], |row| row.get::<_, String>(0))
                .optional()
        })?;
        read(record)
    }

    async fn add_invite(&self, token: &str, invite: &Invite) -> Result<(), StoreError> {
        let record = serde_json::to_string(invite)?;
        let hash = token_hash(token);
        self.with(true, (), |db| {
            // Expired links are dropped whenever a new one is made.
            db.execute(
                "DELETE FROM invites WHERE expires_at <= ?1",
                [unix_now() as i64],
            )?;
            db.execute(
                "INSERT INTO invites (token_hash, expires_at, record) VALUES (?1, ?2, ?3)",
                rusqlite::params![hash, invite.expires_at as i64, record],
            )?;
            Ok(())
        })
    }

    async fn invite(&self, token: &str) -> Result<Option<Invite>, StoreError> {
        let hash = token_hash(token);
        let record = self.with(false, None, |db| {
            use rusqlite::OptionalExtension;
            db.prepare_cached(
                "SELECT record FROM invites WHERE token_hash = ?1 AND expires_at > ?2",
            )?
            .query_row(rusqlite::params![hash, unix_now() as i64], |row| {
                row.get::<_, String>(0)
            })
            .optional()
        })?;
        read(record)
    }

    async fn take_invite(&self, token: &str) -> Result<Option<Invite>, StoreError> {
        let hash = token_hash(token);
        let record = self.with(false, None, |db| {
            use rusqlite::OptionalExtension;
            db.prepare_cached(
                "DELETE FROM invites WHERE token_hash = ?1 AND expires_at > ?2 RETURNING record",
            )?
            .query_row(rusqlite::params![hash, unix_now() as i64], |row| {
                row.get::<_, String>(0)
            })
            .optional()
        })?;
        read(record)
    }
}

/// The Redis store: registrations in one hash (field `issuer` + newline + `client_id`), links as
/// keys that expire by themselves and are taken with `GETDEL`.
pub struct RedisRegistrations {
    connection: redis::aio::ConnectionManager,
    prefix: String,
}

impl RedisRegistrations {
    pub async fn connect(url: &str) -> Result<RedisRegistrations, StoreError> {
        let client = redis::Client::open(url)?;
        let connection = redis::aio::ConnectionManager::new(client).await?;
        Ok(RedisRegistrations::with_connection(connection))
    }

    /// Shares a connection already made (the one-time store's).
    pub fn with_connection(connection: redis::aio::ConnectionManager) -> RedisRegistrations {
        RedisRegistrations {
            connection,
            prefix: "stackway:lti:".into(),
        }
    }

    /// Uses another key prefix (tests isolate themselves this way).
    pub fn with_prefix(mut self, prefix: &str) -> RedisRegistrations {
        self.prefix = prefix.to_string();
        self
    }

    fn hash_key(&self) -> String {
        format!("{}registrations", self.prefix)
    }

    fn invite_key(&self, token: &str) -> String {
        format!("{}registration-link:{}", self.prefix, token_hash(token))
    }

    async fn all(&self) -> Result<Vec<Registration>, StoreError> {
        let mut connection = self.connection.clone();
        let records: Vec<String> = redis::cmd("HVALS")
            .arg(self.hash_key())
            .query_async(&mut connection)
            .await?;
        let mut all = from_rows(records)?;
        all.sort_by(|a, b| (a.registered_at, &a.id).cmp(&(b.registered_at, &b.id)));
        Ok(all)
    }
}

fn field(issuer: &str, client_id: &str) -> String {
    format!("{issuer}\n{client_id}")
}

#[async_trait]
impl RegistrationStore for RedisRegistrations {
    async fn add(&self, registration: &Registration) -> Result<bool, StoreError> {
        let mut connection = self.connection.clone();
        let added: bool = redis::cmd("HSETNX")
            .arg(self.hash_key())
            .arg(field(&registration.issuer, &registration.client_id))
            .arg(serde_json::to_string(registration)?)
            .query_async(&mut connection)
            .await?;
        Ok(added)
    }

    async fn find(
        &self,
        issuer: &str,
        client_id: &str,
    ) -> Result<Option<Registration>, StoreError> {
        let mut connection = self.connection.clone();
        let record: Option<String> = redis::cmd("HGET")
            .arg(self.hash_key())
            .arg(field(issuer, client_id))
            .query_async(&mut connection)
            .await?;
        read(record)
    }

    async fn find_by_issuer(&self, issuer: &str) -> Result<Vec<Registration>, StoreError> {
        let mut all = self.all().await?;
        all.retain(|r| r.issuer == issuer);
        Ok(all)
    }

    async fn list(&self) -> Result<Vec<Registration>, StoreError> {
        self.all().await
    }

    async fn remove(&self, id: &str) -> Result<Option<Registration>, StoreError> {
        let Some(found) = self.all().await?.into_iter().find(|r| r.id == id) else {
            return Ok(None);
        };
        let mut connection = self.connection.clone();
        let removed: usize = redis::cmd("HDEL")
            .arg(self.hash_key())
            .arg(field(&found.issuer, &found.client_id))
            .query_async(&mut connection)
            .await?;
        Ok((removed == 1).then_some(found))
    }

    async fn add_invite(&self, token: &str, invite: &Invite) -> Result<(), StoreError> {
        let mut connection = self.connection.clone();
        let ttl = invite.expires_at.saturating_sub(unix_now()).max(1);
        let _: () = redis::cmd("SET")
            .arg(self.invite_key(token))
            .arg(serde_json::to_string(invite)?)
            .arg("EX")
            .arg(ttl)
            .query_async(&mut connection)
            .await?;
        Ok(())
    }

    async fn invite(&self, token: &str) -> Result<Option<Invite>, StoreError> {
        let mut connection = self.connection.clone();
        let record: Option<String> = redis::cmd("GET")
            .arg(self.invite_key(token))
            .query_async(&mut connection)
            .await?;
        read(record)
    }

    async fn take_invite(&self, token: &str) -> Result<Option<Invite>, StoreError> {
        let mut connection = self.connection.clone();
        let record: Option<String> = redis::cmd("GETDEL")
            .arg(self.invite_key(token))
            .query_async(&mut connection)
            .await?;
        read(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration(id: &str, issuer: &str, client_id: &str, at: u64) -> Registration {
        Registration {
            id: id.into(),
            name: "Moodle".into(),
            issuer: issuer.into(),
            client_id: client_id.into(),
            deployment_ids: vec!["3".into()],
            auth_url: format!("{issuer}/mod/lti/auth.php"),
            jwks_url: format!("{issuer}/mod/lti/certs.php"),
            frame_origins: vec![],
            feed_hosts: None,
            product: Some("moodle 4.5".into()),
            openid_configuration: format!("{issuer}/mod/lti/openid-configuration.php"),
            registered_at: at,
        }
    }

    #[test]
    fn the_registration_time_reads_as_a_utc_date() {
        let r = registration("r-1", "https://lms.example.edu", "c1", 1_796_094_312);
        assert_eq!(r.registered_at_text(), "2026-12-01 03:05:12 UTC");
    }

    #[tokio::test]
    async fn registrations_are_found_listed_and_removed_and_never_added_twice() {
        let store = SqliteRegistrations::in_memory();
        let a = registration("r-1", "https://lms.example.edu", "c1", 10);
        let b = registration("r-2", "https://lms.example.edu", "c2", 20);
        assert!(store.add(&b).await.unwrap());
        assert!(store.add(&a).await.unwrap());
        assert!(!store.add(&a).await.unwrap(), "same issuer and client_id");
        assert_eq!(
            store.find("https://lms.example.edu", "c1").await.unwrap(),
            Some(a.clone())
        );
        assert_eq!(
            store.find("https://lms.example.edu", "c3").await.unwrap(),
            None
        );
        assert_eq!(store.list().await.unwrap(), [a.clone(), b.clone()]);
        assert_eq!(
            store
                .find_by_issuer("https://lms.example.edu")
                .await
                .unwrap()
                .len(),
            2
        );
        assert_eq!(store.remove("r-1").await.unwrap(), Some(a));
        assert_eq!(store.remove("r-1").await.unwrap(), None);
        assert_eq!(store.list().await.unwrap(), [b]);
    }

    #[tokio::test]
    async fn a_registration_link_is_taken_once_and_expires() {
        let store = SqliteRegistrations::in_memory();
        let live = Invite {
            name: Some("College Moodle".into()),
            feed_hosts: None,
            expires_at: unix_now() + 60,
        };
        store.add_invite("token-1", &live).await.unwrap();
        assert_eq!(store.invite("token-1").await.unwrap(), Some(live.clone()));
        assert_eq!(store.invite("token-2").await.unwrap(), None);
        assert_eq!(store.take_invite("token-1").await.unwrap(), Some(live));
        assert_eq!(store.take_invite("token-1").await.unwrap(), None, "once");
        let expired = Invite {
            name: None,
            feed_hosts: None,
            expires_at: unix_now() - 1,
        };
        store.add_invite("token-3", &expired).await.unwrap();
        assert_eq!(store.invite("token-3").await.unwrap(), None);
        assert_eq!(store.take_invite("token-3").await.unwrap(), None);
    }

    #[tokio::test]
    async fn the_file_is_created_on_the_first_write_and_kept_across_reopening() {
        let folder =
            std::env::temp_dir().join(format!("stackway-registrations-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let path = folder.join("state").join("registrations.sqlite");
        let store = SqliteRegistrations::new(&path);
        assert!(store.list().await.unwrap().is_empty());
        assert!(!path.exists(), "reading creates nothing");
        let a = registration("r-1", "https://lms.example.edu", "c1", 10);
        assert!(store.add(&a).await.unwrap());
        assert!(path.exists());
        drop(store);
        let reopened = SqliteRegistrations::new(&path);
        assert_eq!(reopened.list().await.unwrap(), [a]);
        let _ = std::fs::remove_dir_all(&folder);
    }
}
