//! The tool's TOML configuration (`tool.toml`), validated completely at start.
//!
//! A bad file is refused with the file name, the line and column of the offending value and the
//! reason, so an operator can fix it without guessing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use url::Url;

/// A configuration the tool refuses to start with.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {reason}")]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct ToolConfig {
    /// Public origin of this server, without a trailing slash (for example `https://stackway.example.edu`).
    pub base_url: String,
    /// Folder of the tool's private keys, resolved against the config file's folder.
    pub keys_dir: PathBuf,
    /// Feed used when a launch names none.
    pub default_feed: Option<Url>,
    /// The `[[platform]]` blocks, looked up before dynamically registered platforms.
    pub platforms: Vec<Arc<Platform>>,
    /// `[registration]`: LTI Dynamic Registration and the platforms it registers.
    pub registration: RegistrationSettings,
}

/// `[registration]`: whether anyone may register without a link, and the operator's settings
/// for every platform registered dynamically (a registration link may replace its feed hosts).
#[derive(Debug, Clone)]
pub struct RegistrationSettings {
    /// Anyone with the registration URL may register (otherwise a link from `register-link`).
    pub open: bool,
    /// The tool's name in the LMS.
    pub tool_name: String,
    /// The SQLite file of registrations (unused with `STACKWAY_REDIS_URL`).
    pub store: PathBuf,
    pub operator: OperatorSettings,
}

impl RegistrationSettings {
    /// Whether progress is looked up by `person_sourcedid` (the registration asks for it).
    pub fn wants_person_sourcedid(&self) -> bool {
        self.operator.progress_identity == ProgressIdentity::PersonSourcedId
    }
}

/// What the operator decides for a platform, in `[[platform]]` and `[registration]` alike.
#[derive(Debug, Clone, Default)]
pub struct OperatorSettings {
    pub feed_hosts: Vec<FeedHost>,
    pub progress_url: Option<String>,
    pub progress_token_env: Option<String>,
    pub progress_identity: ProgressIdentity,
    pub frame_origins: Vec<String>,
}

/// Which validated identity names the learner to the progress source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProgressIdentity {
    /// The `sub` claim of the id_token.
    #[default]
    Sub,
    /// `person_sourcedid` (custom parameter, else the LIS claim) of the id_token.
    PersonSourcedId,
}

/// One platform registration, looked up by (issuer, client_id).
#[derive(Debug, Clone)]
pub struct Platform {
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    /// Empty only for a dynamically registered platform that named no deployment (Canvas
    /// creates them later): then every deployment of this client is accepted.
    pub deployment_ids: Vec<String>,
    pub auth_url: Url,
    pub jwks_url: Url,
    /// Hosts (and ports) a `feed_url` may be on.
    pub feed_hosts: Vec<FeedHost>,
    /// Template containing `{user}`.
    pub progress_url: Option<String>,
    pub progress_token_env: Option<String>,
    pub progress_identity: ProgressIdentity,
    /// Extra origins the LMS pages are served from (hosted Canvas: `https://school.instructure.com`).
    pub frame_origins: Vec<String>,
}

impl Platform {
    /// A platform from what it is (issuer, client, deployments, endpoints) and what the operator
    /// decided for it.
    pub fn new(
        name: String,
        issuer: String,
        client_id: String,
        deployment_ids: Vec<String>,
        auth_url: Url,
        jwks_url: Url,
        operator: OperatorSettings,
    ) -> Platform {
        Platform {
            name,
            issuer,
            client_id,
            deployment_ids,
            auth_url,
            jwks_url,
            feed_hosts: operator.feed_hosts,
            progress_url: operator.progress_url,
            progress_token_env: operator.progress_token_env,
            progress_identity: operator.progress_identity,
            frame_origins: operator.frame_origins,
        }
    }

    /// The origin pages must allow as a frame ancestor and postMessage target: the issuer's origin
    /// and the auth endpoint's origin (often the same).
    pub fn origins(&self) -> Vec<String> {
        let mut origins = Vec::new();
        for origin in &self.frame_origins {
            if !origins.contains(origin) {
                origins.push(origin.clone());
            }
        }
        for url in [Url::parse(&self.issuer).ok(), Some(self.auth_url.clone())]
            .into_iter()
            .flatten()
        {
            let origin = url.origin().ascii_serialization();
            if origin != "null" && !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        origins
    }

    /// Whether launches of this deployment are accepted.
    pub fn allows_deployment(&self, deployment_id: &str) -> bool {
        self.deployment_ids.is_empty() || self.deployment_ids.iter().any(|d| d == deployment_id)
    }

    /// The origin of the platform's OIDC auth endpoint: the target of platform-storage messages.
    pub fn storage_origin(&self) -> String {
        self.auth_url.origin().ascii_serialization()
    }

    pub fn allows_feed(&self, url: &Url) -> bool {
        if !matches!(url.scheme(), "https" | "http") {
            return false;
        }
        if url.scheme() == "http" && !is_loopback(url) {
            return false;
        }
        self.feed_hosts.iter().any(|host| host.matches(url))
    }

    /// The origins browsers may fetch this platform's feeds from (the designer's live preview):
    /// each allowed host with its port, over https, and also over http for loopback hosts.
    pub fn feed_origins(&self) -> Vec<String> {
        self.feed_hosts.iter().flat_map(FeedHost::origins).collect()
    }
}

/// A host a `feed_url` may be on. A bare host means the scheme's default port (443 for https, 80
/// for http, which only loopback hosts may use); `host:port` names another port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedHost {
    /// Lower case; an IPv6 address keeps its brackets.
    pub host: String,
    /// `None` for the scheme's default port.
    pub port: Option<u16>,
}

impl FeedHost {
    /// Reads `feeds.example.edu`, `feeds.example.edu:8443`, `127.0.0.1:9000` or `[::1]:9000`;
    /// `None` for anything else (a URL, a path, credentials).
    pub fn parse(entry: &str) -> Option<FeedHost> {
        let entry = entry.trim();
        if entry.is_empty() || entry.contains(['/', '@', '?', '#', ' ', '\\']) {
            return None;
        }
        // Parsed as an https authority, `host:443` is the bare host, like the URL it will match.
        let url = Url::parse(&format!("https://{entry}/")).ok()?;
        Some(FeedHost {
            host: url.host_str()?.to_ascii_lowercase(),
            port: url.port(),
        })
    }

    /// Whether `url` is on this host and port (its scheme's default port for a bare host).
    pub fn matches(&self, url: &Url) -> bool {
        url.host_str()
            .is_some_and(|host| host.eq_ignore_ascii_case(&self.host))
            && url.port() == self.port
    }

    /// `https://host[:port]`, and `http://host[:port]` too for loopback hosts.
    pub fn origins(&self) -> Vec<String> {
        let mut origins = vec![format!("https://{self}")];
        if Url::parse(&format!("http://{self}/")).is_ok_and(|url| is_loopback(&url)) {
            origins.push(format!("http://{self}"));
        }
        origins
    }
}

impl std::fmt::Display for FeedHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.port {
            Some(port) => write!(f, "{}:{port}", self.host),
            None => f.write_str(&self.host),
        }
    }
}

impl ToolConfig {
    /// Reads and validates `path`, and checks that the environment variables it names are set:
    /// what the server needs to start.
    pub fn load(path: &Path) -> Result<ToolConfig, ConfigError> {
        ToolConfig::read(path, true)
    }

    /// Reads and validates `path` without looking at the environment: what the operator's
    /// commands (`stackway platforms`, `register-link`) need.
    pub fn load_settings(path: &Path) -> Result<ToolConfig, ConfigError> {
        ToolConfig::read(path, false)
    }

    fn read(path: &Path, check_environment: bool) -> Result<ToolConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
            file: path.display().to_string(),
            line: 0,
            column: 0,
            reason: format!("cannot read the file: {err}"),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Parser {
            text: &text,
            file: &path.display().to_string(),
            check_environment,
        }
        .config(base)
    }

    /// Parses and validates TOML text; `file` names it in errors and `base` resolves relative paths.
    pub fn parse(text: &str, file: &str, base: &Path) -> Result<ToolConfig, ConfigError> {
        Parser {
            text,
            file,
            check_environment: true,
        }
        .config(base)
    }

    /// How many `[[platform]]` blocks have this issuer.
    pub fn platforms_of(&self, issuer: &str) -> usize {
        self.platforms.iter().filter(|p| p.issuer == issuer).count()
    }

    /// The registration for (issuer, client_id). Without a client_id, the issuer's only registration.
    pub fn platform(&self, issuer: &str, client_id: Option<&str>) -> Option<&Arc<Platform>> {
        match client_id {
            Some(id) => self
                .platforms
                .iter()
                .find(|p| p.issuer == issuer && p.client_id == id),
            None => {
                let mut matching = self.platforms.iter().filter(|p| p.issuer == issuer);
                let first = matching.next()?;
                matching.next().is_none().then_some(first)
            }
        }
    }

    /// Every registered platform origin, for `frame-ancestors`.
    pub fn frame_ancestors(&self) -> Vec<String> {
        let mut all: Vec<String> = Vec::new();
        for origin in self.platforms.iter().flat_map(|p| p.origins()) {
            if !all.contains(&origin) {
                all.push(origin);
            }
        }
        all
    }

    /// The launch URL registered in platforms (`{base_url}/lti/launch`).
    pub fn launch_url(&self) -> String {
        format!("{}/lti/launch", self.base_url)
    }
}

/// `true` for `localhost`, `*.localhost` and loopback IP addresses.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => {
            d.eq_ignore_ascii_case("localhost") || d.to_ascii_lowercase().ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn check_url(value: &Spanned<String>, what: &str) -> Result<Url, String> {
    let url = Url::parse(value.get_ref().trim())
        .map_err(|err| format!("{what} is not a valid URL: {err}"))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(format!(
            "{what} must use https (http is accepted only for localhost and loopback addresses)"
        ))
        }
        other => return Err(format!("{what} must be an https URL, not {other}:")),
    }
    if url.host().is_none() {
        return Err(format!("{what} must name a host"));
    }
    Ok(url)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

/// The shared operator keys of a raw `[[platform]]` or `[registration]`.
macro_rules! operator_fields {
    ($raw:expr) => {
        RawOperator {
            feed_hosts: $raw.feed_hosts.clone(),
            progress_url: $raw.progress_url.clone(),
            progress_token_env: $raw.progress_token_env.clone(),
            progress_identity: $raw.progress_identity.clone(),
            frame_origins: $raw.frame_origins.clone(),
        }
    };
}

/// Turns TOML text into a [`ToolConfig`], each error with the line and column of its value.
struct Parser<'a> {
    text: &'a str,
    file: &'a str,
    /// Whether `progress_token_env` variables must be set (the server), or not (the commands).
    check_environment: bool,
}

impl Parser<'_> {
    fn fail(&self, span: Option<std::ops::Range<usize>>, reason: String) -> ConfigError {
        let (line, column) = span
            .map(|s| line_column(self.text, s.start))
            .unwrap_or((1, 1));
        ConfigError {
            file: self.file.to_string(),
            line,
            column,
            reason,
        }
    }

    fn url(&self, value: &Spanned<String>, what: &str) -> Result<Url, ConfigError> {
        check_url(value, what).map_err(|r| self.fail(Some(value.span()), r))
    }

    fn config(&self, base: &Path) -> Result<ToolConfig, ConfigError> {
        let raw: RawConfig = toml::from_str(self.text)
            .map_err(|err| self.fail(err.span(), err.message().to_string()))?;
        let base_url = self.url(&raw.tool.base_url, "base_url")?;
        if base_url.path() != "/" || base_url.query().is_some() {
            return Err(self.fail(
                Some(raw.tool.base_url.span()),
                "base_url must be an origin without a path, such as https://stackway.example.edu"
                    .into(),
            ));
        }
        let default_feed = match &raw.tool.default_feed {
            Some(feed) => Some(self.url(feed, "default_feed")?),
            None => None,
        };
        let mut seen = HashSet::new();
        let mut platforms = Vec::new();
        for raw_platform in &raw.platforms {
            let platform = self.platform(raw_platform)?;
            if !seen.insert((platform.issuer.clone(), platform.client_id.clone())) {
                return Err(self.fail(
                    Some(raw_platform.client_id.span()),
                    format!(
                        "a registration for issuer {} and client_id {} already exists",
                        platform.issuer, platform.client_id
                    ),
                ));
            }
            platforms.push(Arc::new(platform));
        }
        let registration = self.registration(raw.registration.as_ref(), base)?;
        Ok(ToolConfig {
            base_url: base_url.origin().ascii_serialization(),
            keys_dir: base.join(raw.tool.keys.get_ref()),
            default_feed,
            platforms,
            registration,
        })
    }

    fn nonempty(&self, value: &Spanned<String>, what: &str) -> Result<String, ConfigError> {
        let text = value.get_ref().trim();
        if text.is_empty() {
            return Err(self.fail(Some(value.span()), format!("{what} must not be empty")));
        }
        Ok(text.to_string())
    }

    fn platform(&self, p: &RawPlatform) -> Result<Platform, ConfigError> {
        let name = self.nonempty(&p.name, "name")?;
        let client_id = self.nonempty(&p.client_id, "client_id")?;
        self.url(&p.issuer, "issuer")?;
        if p.deployment_ids.get_ref().is_empty() {
            return Err(self.fail(
                Some(p.deployment_ids.span()),
                "deployment_ids must list at least one deployment".into(),
            ));
        }
        let deployment_ids: Vec<String> = p
            .deployment_ids
            .get_ref()
            .iter()
            .map(|d| d.trim().to_string())
            .collect();
        if deployment_ids.iter().any(|d| d.is_empty()) {
            return Err(self.fail(
                Some(p.deployment_ids.span()),
                "deployment_ids must not contain an empty id".into(),
            ));
        }
        let auth_url = self.url(&p.auth_url, "auth_url")?;
        let jwks_url = self.url(&p.jwks_url, "jwks_url")?;
        let operator = self.operator(&operator_fields!(p))?;
        Ok(Platform::new(
            name,
            p.issuer.get_ref().clone(),
            client_id,
            deployment_ids,
            auth_url,
            jwks_url,
            operator,
        ))
    }

    fn registration(
        &self,
        raw: Option<&RawRegistration>,
        base: &Path,
    ) -> Result<RegistrationSettings, ConfigError> {
        let Some(raw) = raw else {
            return Ok(RegistrationSettings {
                open: false,
                tool_name: DEFAULT_TOOL_NAME.into(),
                store: base.join(DEFAULT_STORE),
                operator: OperatorSettings::default(),
            });
        };
        let tool_name = match &raw.tool_name {
            Some(name) => self.nonempty(name, "tool_name")?,
            None => DEFAULT_TOOL_NAME.into(),
        };
        Ok(RegistrationSettings {
            open: raw.open.unwrap_or(false),
            tool_name,
            store: base.join(raw.store.as_deref().unwrap_or(DEFAULT_STORE)),
            operator: self.operator(&operator_fields!(raw))?,
        })
    }

    /// The operator's settings of a `[[platform]]` or of `[registration]`.
    fn operator(&self, raw: &RawOperator) -> Result<OperatorSettings, ConfigError> {
        let mut feed_hosts = Vec::new();
        for entry in raw.feed_hosts.iter().flat_map(|h| h.get_ref().iter()) {
            let Some(host) = FeedHost::parse(entry) else {
                let span = raw.feed_hosts.as_ref().map(|h| h.span());
                return Err(self.fail(span, format!("feed_hosts entry {entry:?} must be a host name such as feeds.example.edu, or host:port such as feeds.example.edu:8443")));
            };
            feed_hosts.push(host);
        }
        Ok(OperatorSettings {
            feed_hosts,
            progress_url: self.progress_url(raw.progress_url.as_ref())?,
            progress_token_env: self.token_env(raw.progress_token_env.as_ref())?,
            progress_identity: self.identity(raw.progress_identity.as_ref())?,
            frame_origins: self.frame_origins(raw.frame_origins.as_ref())?,
        })
    }

    fn progress_url(
        &self,
        template: Option<&Spanned<String>>,
    ) -> Result<Option<String>, ConfigError> {
        let Some(template) = template else {
            return Ok(None);
        };
        let probe = template.get_ref().replace("{user}", "learner");
        check_url(&Spanned::new(0..0, probe), "progress_url")
            .map_err(|r| self.fail(Some(template.span()), r))?;
        if !template.get_ref().contains("{user}") {
            return Err(self.fail(
                Some(template.span()),
                "progress_url must contain {user}".into(),
            ));
        }
        Ok(Some(template.get_ref().clone()))
    }

    fn token_env(&self, var: Option<&Spanned<String>>) -> Result<Option<String>, ConfigError> {
        let Some(var) = var else {
            return Ok(None);
        };
        if self.check_environment && std::env::var_os(var.get_ref()).is_none() {
            return Err(self.fail(
                Some(var.span()),
                format!(
                    "environment variable {} (progress_token_env) is not set",
                    var.get_ref()
                ),
            ));
        }
        Ok(Some(var.get_ref().clone()))
    }

    fn identity(&self, raw: Option<&Spanned<String>>) -> Result<ProgressIdentity, ConfigError> {
        match raw.map(|s| s.get_ref().as_str()) {
            None | Some("sub") => Ok(ProgressIdentity::Sub),
            Some("person_sourcedid") => Ok(ProgressIdentity::PersonSourcedId),
            Some(other) => Err(self.fail(
                raw.map(|s| s.span()),
                format!("progress_identity must be \"sub\" or \"person_sourcedid\", not {other:?}"),
            )),
        }
    }

    fn frame_origins(
        &self,
        list: Option<&Spanned<Vec<String>>>,
    ) -> Result<Vec<String>, ConfigError> {
        let mut origins = Vec::new();
        if let Some(list) = list {
            for origin in list.get_ref() {
                let url = check_url(&Spanned::new(0..0, origin.clone()), "frame_origins entry")
                    .map_err(|r| self.fail(Some(list.span()), r))?;
                origins.push(url.origin().ascii_serialization());
            }
        }
        Ok(origins)
    }
}

/// The tool's name in the LMS when `[registration]` names none.
const DEFAULT_TOOL_NAME: &str = "Stackway";
/// The registration store beside `tool.toml` when `[registration]` names none.
const DEFAULT_STORE: &str = "registrations.sqlite";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    tool: RawTool,
    #[serde(default, rename = "platform")]
    platforms: Vec<RawPlatform>,
    registration: Option<RawRegistration>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTool {
    base_url: Spanned<String>,
    keys: Spanned<String>,
    default_feed: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlatform {
    name: Spanned<String>,
    issuer: Spanned<String>,
    client_id: Spanned<String>,
    deployment_ids: Spanned<Vec<String>>,
    auth_url: Spanned<String>,
    jwks_url: Spanned<String>,
    feed_hosts: Option<Spanned<Vec<String>>>,
    progress_url: Option<Spanned<String>>,
    progress_token_env: Option<Spanned<String>>,
    progress_identity: Option<Spanned<String>>,
    frame_origins: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistration {
    open: Option<bool>,
    tool_name: Option<Spanned<String>>,
    store: Option<String>,
    feed_hosts: Option<Spanned<Vec<String>>>,
    progress_url: Option<Spanned<String>>,
    progress_token_env: Option<Spanned<String>>,
    progress_identity: Option<Spanned<String>>,
    frame_origins: Option<Spanned<Vec<String>>>,
}

/// The keys `[[platform]]` and `[registration]` share. (Each declares them itself: `toml`'s
/// spans and `deny_unknown_fields` do not survive `#[serde(flatten)]`.)
struct RawOperator {
    feed_hosts: Option<Spanned<Vec<String>>>,
    progress_url: Option<Spanned<String>>,
    progress_token_env: Option<Spanned<String>>,
    progress_identity: Option<Spanned<String>>,
    frame_origins: Option<Spanned<Vec<String>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[tool]
base_url = "https://stackway.example.edu"
keys = "keys/"
default_feed = "https://feeds.example.edu/pathways.json"

[[platform]]
name = "Example Moodle"
issuer = "https://moodle.example.edu"
client_id = "stackway-1"
deployment_ids = ["1", "7"]
auth_url = "https://moodle.example.edu/mod/lti/auth.php"
jwks_url = "https://moodle.example.edu/mod/lti/certs.php"
feed_hosts = ["feeds.example.edu"]
progress_url = "https://sis.example.edu/learners/{user}/credentials"
"#;

    fn parse(text: &str) -> Result<ToolConfig, ConfigError> {
        ToolConfig::parse(text, "tool.toml", Path::new("/etc/stackway"))
    }

    #[test]
    fn reads_the_documented_example() {
        let config = parse(GOOD).expect("valid");
        assert_eq!(config.base_url, "https://stackway.example.edu");
        assert_eq!(config.keys_dir, Path::new("/etc/stackway/keys/"));
        let platform = config
            .platform("https://moodle.example.edu", Some("stackway-1"))
            .expect("registered");
        assert_eq!(platform.deployment_ids, ["1", "7"]);
        assert!(config
            .platform("https://moodle.example.edu", Some("other"))
            .is_none());
        assert_eq!(config.frame_ancestors(), ["https://moodle.example.edu"]);
    }

    #[test]
    fn refuses_plain_http_except_for_loopback() {
        let bad = GOOD.replace(
            "https://moodle.example.edu/mod/lti/auth.php",
            "http://moodle.example.edu/mod/lti/auth.php",
        );
        let err = parse(&bad).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("tool.toml", 12));
        assert!(err.reason.contains("auth_url must use https"), "{err}");
        let local = GOOD.replace(
            "https://moodle.example.edu/mod/lti/auth.php",
            "http://127.0.0.1:9001/auth",
        );
        assert!(parse(&local).is_ok());
    }

    #[test]
    fn reports_syntax_errors_and_unknown_keys_with_their_line() {
        let err = parse(&GOOD.replace("client_id = \"stackway-1\"", "client_idd = \"stackway-1\""))
            .unwrap_err();
        assert!(err.reason.contains("client_idd"), "{err}");
        assert_eq!(err.line, 10);
        let err = parse("[tool]\nbase_url = \n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }

    #[test]
    fn refuses_duplicate_registrations_and_empty_deployments() {
        let twice = format!("{GOOD}{}", &GOOD[GOOD.find("[[platform]]").unwrap()..]);
        let err = parse(&twice).unwrap_err();
        assert!(err.reason.contains("already exists"), "{err}");
        let err = parse(&GOOD.replace("[\"1\", \"7\"]", "[]")).unwrap_err();
        assert!(err.reason.contains("at least one deployment"), "{err}");
    }

    #[test]
    fn refuses_a_progress_url_without_user_placeholder_and_a_missing_token_variable() {
        let err = parse(&GOOD.replace("{user}", "me")).unwrap_err();
        assert!(err.reason.contains("{user}"), "{err}");
        let err = parse(&format!(
            "{GOOD}progress_token_env = \"STACKWAY_TEST_SURELY_UNSET_VAR\"\n"
        ))
        .unwrap_err();
        assert!(
            err.reason.contains("STACKWAY_TEST_SURELY_UNSET_VAR"),
            "{err}"
        );
    }

    #[test]
    fn frame_origins_join_the_frame_ancestors() {
        let config = parse(&format!(
            "{GOOD}frame_origins = [\"https://school.instructure.com/\"]\n"
        ))
        .unwrap();
        assert_eq!(
            config.frame_ancestors(),
            [
                "https://school.instructure.com",
                "https://moodle.example.edu"
            ]
        );
        let err = parse(&format!(
            "{GOOD}frame_origins = [\"http://school.example\"]\n"
        ))
        .unwrap_err();
        assert!(err.reason.contains("must use https"), "{err}");
    }

    #[test]
    fn feed_hosts_match_exactly() {
        let config = parse(GOOD).unwrap();
        let platform = &config.platforms[0];
        assert!(platform.allows_feed(&Url::parse("https://FEEDS.example.edu/x.json").unwrap()));
        assert!(!platform
            .allows_feed(&Url::parse("https://feeds.example.edu.evil.test/x.json").unwrap()));
        assert!(!platform.allows_feed(&Url::parse("http://feeds.example.edu/x.json").unwrap()));
    }

    #[test]
    fn a_bare_feed_host_admits_only_the_default_port() {
        // Regression: `feed_hosts = ["127.0.0.1"]` admitted every port on that host.
        let config = parse(&GOOD.replace(
            r#"feed_hosts = ["feeds.example.edu"]"#,
            r#"feed_hosts = ["feeds.example.edu", "127.0.0.1", "localhost:9000", "[::1]:9001", "alt.example.edu:443"]"#,
        ))
        .unwrap();
        let platform = &config.platforms[0];
        let allows = |url: &str| platform.allows_feed(&Url::parse(url).unwrap());
        assert!(allows("https://feeds.example.edu/x.json"));
        assert!(allows("https://feeds.example.edu:443/x.json"));
        assert!(!allows("https://feeds.example.edu:8443/x.json"));
        assert!(allows("http://127.0.0.1/x.json"));
        assert!(!allows("http://127.0.0.1:6379/x.json"));
        assert!(!allows("http://127.0.0.1:9000/x.json"));
        assert!(allows("http://localhost:9000/x.json"));
        assert!(allows("https://localhost:9000/x.json"));
        assert!(!allows("http://localhost/x.json"));
        assert!(allows("http://[::1]:9001/x.json"));
        assert!(allows("https://alt.example.edu/x.json"));
        assert_eq!(
            platform
                .feed_hosts
                .iter()
                .map(|h| h.to_string())
                .collect::<Vec<_>>(),
            [
                "feeds.example.edu",
                "127.0.0.1",
                "localhost:9000",
                "[::1]:9001",
                "alt.example.edu"
            ]
        );
        for bad in [
            "https://feeds.example.edu",
            "feeds.example.edu/x",
            "me@feeds.example.edu",
            "feeds.example.edu:http",
            "",
        ] {
            let err = parse(&GOOD.replace(
                r#"feed_hosts = ["feeds.example.edu"]"#,
                &format!("feed_hosts = [{bad:?}]"),
            ))
            .unwrap_err();
            assert!(err.reason.contains("host:port"), "{bad}: {err}");
        }
    }

    #[test]
    fn feed_origins_name_each_port_and_http_only_on_loopback() {
        let config = parse(&GOOD.replace(
            r#"feed_hosts = ["feeds.example.edu"]"#,
            r#"feed_hosts = ["feeds.example.edu", "feeds.example.edu:8443", "127.0.0.1:9000"]"#,
        ))
        .unwrap();
        assert_eq!(
            config.platforms[0].feed_origins(),
            [
                "https://feeds.example.edu",
                "https://feeds.example.edu:8443",
                "https://127.0.0.1:9000",
                "http://127.0.0.1:9000"
            ]
        );
    }
}
