//! The tool's own RSA keys: loading (one PEM file per kid), the public JWKS, signing, generation.
//!
//! The newest key (by file modification time, then by name) signs; every key in the folder stays in
//! the JWKS so platforms can still verify messages signed before a rotation.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read the key folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not an RSA private key in PEM (PKCS#8 or PKCS#1) form")]
    NotAKey { path: PathBuf },
    #[error("{path}: RSA keys must have at least 2048 bits")]
    TooShort { path: PathBuf },
    #[error("the key folder {path} holds no .pem key; run `stackway keys generate --dir {path}`")]
    Empty { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("key generation failed: {0}")]
    Generate(String),
    #[error("signing failed: {0}")]
    Sign(String),
}

/// One tool key.
struct ToolKey {
    kid: String,
    encoding: EncodingKey,
    public_jwk: serde_json::Value,
}

/// All tool keys; the first one signs.
pub struct ToolKeys {
    keys: Vec<ToolKey>,
    jwks: serde_json::Value,
}

impl std::fmt::Debug for ToolKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print key material.
        f.debug_struct("ToolKeys")
            .field(
                "kids",
                &self.keys.iter().map(|k| &k.kid).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl ToolKeys {
    /// Loads every `*.pem` in `dir`; the file name without `.pem` is the kid.
    pub fn load_dir(dir: &Path) -> Result<ToolKeys, KeyError> {
        let entries = std::fs::read_dir(dir).map_err(|source| KeyError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut found: Vec<(SystemTime, String, String)> = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| KeyError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("pem") {
                continue;
            }
            let Some(kid) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let pem = std::fs::read_to_string(&path).map_err(|source| KeyError::Folder {
                path: path.clone(),
                source,
            })?;
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            found.push((modified, kid, pem));
        }
        if found.is_empty() {
            return Err(KeyError::Empty {
                path: dir.to_path_buf(),
            });
        }
        // Newest first: modification time, then name (generated names sort by creation time).
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
        let pems = found
            .into_iter()
            .map(|(_, kid, pem)| {
                let path = dir.join(format!("{kid}.pem"));
                (kid, pem, path)
            })
            .collect::<Vec<_>>();
        let mut keys = Vec::new();
        for (kid, pem, path) in pems {
            keys.push(ToolKey::from_pem(kid, &pem, &path)?);
        }
        Ok(ToolKeys::from_keys(keys))
    }

    /// Builds the key set from (kid, PEM) pairs, newest first.
    pub fn from_pems(pems: &[(&str, &str)]) -> Result<ToolKeys, KeyError> {
        let mut keys = Vec::new();
        for (kid, pem) in pems {
            keys.push(ToolKey::from_pem(kid.to_string(), pem, Path::new(kid))?);
        }
        if keys.is_empty() {
            return Err(KeyError::Empty {
                path: PathBuf::from("(memory)"),
            });
        }
        Ok(ToolKeys::from_keys(keys))
    }

    fn from_keys(keys: Vec<ToolKey>) -> ToolKeys {
        let jwks = serde_json::json!({ "keys": keys.iter().map(|k| k.public_jwk.clone()).collect::<Vec<_>>() });
        ToolKeys { keys, jwks }
    }

    /// The public key set served at `/.well-known/jwks.json`.
    pub fn jwks(&self) -> &serde_json::Value {
        &self.jwks
    }

    /// The kid of the signing key.
    pub fn signing_kid(&self) -> &str {
        &self.keys[0].kid
    }

    /// Signs `claims` as an RS256 JWT with the newest key.
    pub fn sign<T: Serialize>(&self, claims: &T) -> Result<String, KeyError> {
        let key = &self.keys[0];
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(key.kid.clone());
        header.typ = Some("JWT".into());
        jsonwebtoken::encode(&header, claims, &key.encoding)
            .map_err(|e| KeyError::Sign(e.to_string()))
    }
}

impl ToolKey {
    fn from_pem(kid: String, pem: &str, path: &Path) -> Result<ToolKey, KeyError> {
        let private = RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| rsa::pkcs1::DecodeRsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| KeyError::NotAKey {
                path: path.to_path_buf(),
            })?;
        if private.size() * 8 < 2048 {
            return Err(KeyError::TooShort {
                path: path.to_path_buf(),
            });
        }
        let der = private.to_pkcs1_der().map_err(|_| KeyError::NotAKey {
            path: path.to_path_buf(),
        })?;
        let encoding = EncodingKey::from_rsa_der(der.as_bytes());
        let public_jwk = serde_json::json!({
            "kty": "RSA",
            "alg": "RS256",
            "use": "sig",
            "kid": kid,
            "n": URL_SAFE_NO_PAD.encode(private.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(private.e().to_bytes_be()),
        });
        Ok(ToolKey {
            kid,
            encoding,
            public_jwk,
        })
    }
}

/// Generates a 2048-bit RSA key in `dir` (created if needed) as `<kid>.pem`, readable by the owner
/// only, and returns its path. The kid starts with the UTC time so names sort by age.
pub fn generate_key(dir: &Path) -> Result<PathBuf, KeyError> {
    std::fs::create_dir_all(dir).map_err(|source| KeyError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut rng = rand::rngs::OsRng;
    let private =
        RsaPrivateKey::new(&mut rng, 2048).map_err(|e| KeyError::Generate(e.to_string()))?;
    let pem = private
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| KeyError::Generate(e.to_string()))?;
    let suffix: u16 = rand::random();
    let kid = format!("{}-{suffix:04x}", utc_stamp(SystemTime::now()));
    let path = dir.join(format!("{kid}.pem"));
    write_private(&path, pem.as_bytes()).map_err(|source| KeyError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

/// `20261129T030512Z` for a time, computed without a date crate (days-to-civil algorithm).
pub(crate) fn utc_stamp(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamp_matches_known_dates() {
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_796_094_312);
        assert_eq!(utc_stamp(t), "20261201T030512Z");
        assert_eq!(utc_stamp(SystemTime::UNIX_EPOCH), "19700101T000000Z");
    }
}
