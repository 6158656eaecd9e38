//! Load benchmark: validated LTI launches per second on loopback, with p50/p99 latency, and the
//! memory held by the nonce/state store after 1,000,000 launches.
//!
//! `cargo run --profile native-release -p stackway-lti --example bench_launch -- [launches] [concurrency]`
//!
//! A platform JWKS server and the tool run on 127.0.0.1; logins are done first (each gives a state,
//! a nonce and the state cookie) and id_tokens are pre-minted, so the timed phase is only
//! `POST /lti/launch`: full validation (state + cookie, RS256 signature, claims, nonce) and the
//! launch page. The client shares the machine's two cores with the server.
//!
//! `bench_launch [launches] [concurrency] registered` compares, in one run, launches through a
//! `[[platform]]` of tool.toml against launches through a dynamically registered platform (looked
//! up in the SQLite registration store at each launch). `bench_launch [n] [c] register` times `n`
//! complete dynamic registrations (at most 2,000), one after the other, against a platform side
//! on loopback.
//!
//! `bench_launch [launches] [concurrency] progress` instead compares, in one run, launches whose
//! progress source answers with the plain held list against launches whose source answers with a
//! CLR 2.0 record (three nested credentials, matched against the launch's feed, which the tool
//! fetches once and then reads from its cache).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::routing::get;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::json;
use stackway_lti::{
    AppState, MemoryStore, OneTimeStore, Options, SqliteRegistrations, ToolConfig, ToolKeys,
};

const PLATFORM_KEY: &str = include_str!("../tests/data/platform-key-1.pem");
const TOOL_KEY: &str = include_str!("../tests/data/tool-key.pem");
const BADGE_FEED: &str = include_str!("../../stackway-interop/tests/data/badges/feed.json");
const CLR: &str = include_str!("../../stackway-interop/tests/data/badges/clr.json");
const PLAIN: &str = r#"{"held": [{"id": "statistics", "earned": "2024-12-12"}, {"id": "visualisation", "earned": "2025-01-01"}]}"#;

/// The progress source: `plain-…` learners get the held list, every other learner the CLR.
async fn progress_answer(
    axum::extract::Path(user): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if user.starts_with("plain-") {
        ([("content-type", "application/json")], PLAIN).into_response()
    } else {
        ([("content-type", "application/vc+ld+json")], CLR).into_response()
    }
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// The platform side on an ephemeral port: its key set, a progress source, a feed, and the two
/// endpoints of LTI Dynamic Registration.
async fn platform_server() -> String {
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(PLATFORM_KEY).unwrap();
    let jwks = json!({"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "p1",
        "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()), "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be())}]});
    let platform = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://127.0.0.1:{}", platform.local_addr().unwrap().port());
    let configuration = json!({
        "issuer": issuer, "authorization_endpoint": format!("{issuer}/auth"), "jwks_uri": format!("{issuer}/jwks"),
        "registration_endpoint": format!("{issuer}/register"), "id_token_signing_alg_values_supported": ["RS256"],
        "https://purl.imsglobal.org/spec/lti-platform-configuration": {"product_family_code": "bench",
            "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}]}
    });
    let clients = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let app = axum::Router::new()
        .route(
            "/jwks",
            get(move || async move { axum::Json(jwks.clone()) }),
        )
        .route("/learners/{user}/credentials", get(progress_answer))
        .route(
            "/feeds/badge-test.json",
            get(|| async { ([("content-type", "application/json")], BADGE_FEED) }),
        )
        .route(
            "/.well-known/openid-configuration",
            get(move || async move { axum::Json(configuration.clone()) }),
        )
        .route(
            "/register",
            axum::routing::post(
                move |axum::Json(mut request): axum::Json<serde_json::Value>| async move {
                    let n = clients.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    request["client_id"] = json!(format!("bench-client-{n}"));
                    request["https://purl.imsglobal.org/spec/lti-tool-configuration"]
                        ["deployment_id"] = json!("1");
                    axum::Json(request)
                },
            ),
        );
    tokio::spawn(async move { axum::serve(platform, app).await.unwrap() });
    issuer
}

/// The tool on an ephemeral port, with one `[[platform]]` (client `c`) and its registrations in
/// the SQLite file `registrations`. Returns its state and its address.
async fn tool_server(
    issuer: &str,
    progress: bool,
    registrations: &Path,
) -> (AppState, String, u16) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tool_port = listener.local_addr().unwrap().port();
    let platform_port = issuer.rsplit(':').next().unwrap();
    let toml = format!(
        "[tool]\nbase_url = \"http://localhost:{tool_port}\"\nkeys = \"keys/\"\ndefault_feed = \"https://feeds.example.edu/p.json\"\n\n\
         [[platform]]\nname = \"bench\"\nissuer = \"{issuer}\"\nclient_id = \"c\"\ndeployment_ids = [\"1\"]\n\
         auth_url = \"{issuer}/auth\"\njwks_url = \"{issuer}/jwks\"\nfeed_hosts = [\"feeds.example.edu\", \"127.0.0.1:{platform_port}\"]\n{}\n\
         [registration]\nfeed_hosts = [\"feeds.example.edu\"]\n",
        if progress {
            format!("progress_url = \"{issuer}/learners/{{user}}/credentials\"\n")
        } else {
            String::new()
        }
    );
    let config = ToolConfig::parse(&toml, "bench.toml", Path::new(".")).unwrap();
    let keys = ToolKeys::from_pems(&[("tool", TOOL_KEY)]).unwrap();
    let store: Arc<dyn OneTimeStore> = Arc::new(MemoryStore::default());
    let registrations = Arc::new(SqliteRegistrations::new(registrations));
    let state =
        AppState::with_registrations(config, keys, store, registrations, Options::default());
    let router = stackway_lti::router(state.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (state, format!("http://127.0.0.1:{tool_port}"), tool_port)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let launches: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let concurrency: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(32);
    let mode = args.get(3).map(String::as_str).unwrap_or("");
    let folder = std::env::temp_dir().join(format!("stackway-bench-{}", std::process::id()));
    let issuer = platform_server().await;
    let (state, base, tool_port) = tool_server(
        &issuer,
        mode == "progress",
        &folder.join("registrations.sqlite"),
    )
    .await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();
    let bench = Bench {
        client,
        base,
        issuer,
        tool_port,
        launches,
        concurrency,
    };
    match mode {
        "progress" => bench.progress_comparison(&state).await,
        "registered" => bench.registered_comparison(&state).await,
        "register" => bench.registrations(&state).await,
        _ => {
            let custom = json!({"goal": "dipl-data", "view": "programs", "lang": "fr"});
            let prepared = bench.prepare("c", "learner-", &custom).await;
            let timing = timed(&bench.client, &bench.base, prepared, concurrency).await;
            timing.print("no progress source");
            println!(
                "store entries after the run: {}",
                state.store().entry_count().await.unwrap()
            );
            let baseline = bench.baseline(launches).await;
            println!(
                "baseline (GET /.well-known/jwks.json, same client): {baseline:.0} requests/s; launch/baseline ratio {:.2}",
                timing.rate() / baseline
            );
            store_memory().await;
        }
    }
    let _ = std::fs::remove_dir_all(&folder);
}

/// What every measurement shares: the client, the tool and the platform.
struct Bench {
    client: reqwest::Client,
    base: String,
    issuer: String,
    tool_port: u16,
    launches: usize,
    concurrency: usize,
}

impl Bench {
    async fn prepare(
        &self,
        client_id: &str,
        sub_prefix: &str,
        custom: &serde_json::Value,
    ) -> Vec<(String, String)> {
        prepare(
            &self.client,
            &self.base,
            &self.issuer,
            self.tool_port,
            self.launches,
            client_id,
            sub_prefix,
            custom,
        )
        .await
    }

    /// Two kinds of prepared launches alternated in four rounds (ABBA ABBA), so that warm-up and
    /// drifting machine load weigh on both alike.
    async fn alternate(
        &self,
        mut a: Vec<(String, String)>,
        mut b: Vec<(String, String)>,
    ) -> (Timing, Timing) {
        let chunk = self.launches.div_ceil(4);
        let (mut a_rounds, mut b_rounds) = (Vec::new(), Vec::new());
        for round in 0..4 {
            let a_part: Vec<_> = a.drain(..chunk.min(a.len())).collect();
            let b_part: Vec<_> = b.drain(..chunk.min(b.len())).collect();
            if round % 2 == 0 {
                a_rounds.push(timed(&self.client, &self.base, a_part, self.concurrency).await);
                b_rounds.push(timed(&self.client, &self.base, b_part, self.concurrency).await);
            } else {
                b_rounds.push(timed(&self.client, &self.base, b_part, self.concurrency).await);
                a_rounds.push(timed(&self.client, &self.base, a_part, self.concurrency).await);
            }
        }
        (Timing::merge(a_rounds), Timing::merge(b_rounds))
    }

    /// Launches whose progress source answers with the plain list against launches whose source
    /// answers with a CLR 2.0 record.
    async fn progress_comparison(&self, state: &AppState) {
        let feed_url = format!("{}/feeds/badge-test.json", self.issuer);
        let custom = json!({"feed_url": feed_url, "goal": "analytics-certificate", "lang": "en"});
        let plain = self.prepare("c", "plain-", &custom).await;
        let badges = self.prepare("c", "clr-", &custom).await;
        let (plain, badges) = self.alternate(plain, badges).await;
        plain.print("plain held list");
        badges.print("CLR 2.0 record");
        println!(
            "CLR/plain: rate ratio {:.2}, p50 ratio {:.2}; feed fetches: {}",
            badges.rate() / plain.rate(),
            badges.p50.as_secs_f64() / plain.p50.as_secs_f64(),
            state.feeds().fetch_count()
        );
    }

    /// Launches through a platform of tool.toml against launches through a platform registered
    /// dynamically (looked up in the SQLite file at every launch), in one run.
    async fn registered_comparison(&self, state: &AppState) {
        let registration = stackway_lti::registrations::Registration {
            id: "r-bench".into(),
            name: "bench (registered)".into(),
            issuer: self.issuer.clone(),
            client_id: "dyn".into(),
            deployment_ids: vec!["1".into()],
            auth_url: format!("{}/auth", self.issuer),
            jwks_url: format!("{}/jwks", self.issuer),
            frame_origins: vec![],
            feed_hosts: None,
            product: None,
            openid_configuration: format!("{}/.well-known/openid-configuration", self.issuer),
            registered_at: 0,
        };
        state.registrations().add(&registration).await.unwrap();
        let custom = json!({"goal": "dipl-data", "view": "programs", "lang": "fr"});
        let toml = self.prepare("c", "learner-", &custom).await;
        let registered = self.prepare("dyn", "learner-", &custom).await;
        let (toml, registered) = self.alternate(toml, registered).await;
        toml.print("tool.toml platform");
        registered.print("registered platform (SQLite)");
        println!(
            "registered/tool.toml: rate ratio {:.2}, p50 ratio {:.2}",
            registered.rate() / toml.rate(),
            registered.p50.as_secs_f64() / toml.p50.as_secs_f64()
        );
    }

    /// Complete dynamic registrations, one after the other, as an administrator makes them:
    /// the confirmation page (the platform's configuration fetched and checked) and the
    /// confirmation (the registration posted to the platform and kept in SQLite).
    async fn registrations(&self, state: &AppState) {
        let count = self.launches.min(2_000);
        let mut times = Vec::with_capacity(count);
        let started = Instant::now();
        for _ in 0..count {
            let token = stackway_lti::form::random_token();
            let invite = stackway_lti::registrations::Invite {
                name: None,
                feed_hosts: None,
                expires_at: stackway_lti::registrations::unix_now() + 600,
            };
            state
                .registrations()
                .add_invite(&token, &invite)
                .await
                .unwrap();
            let t = Instant::now();
            let page = self
                .client
                .get(format!("{}/lti/register", self.base))
                .query(&[
                    ("invite", token.as_str()),
                    (
                        "openid_configuration",
                        &format!("{}/.well-known/openid-configuration", self.issuer),
                    ),
                    ("registration_token", "t"),
                ])
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let start = page
                .find("name=\"ticket\" value=\"")
                .expect("confirmation page")
                + 21;
            let ticket = &page[start..start + page[start..].find('"').unwrap()];
            let done = self
                .client
                .post(format!("{}/lti/register", self.base))
                .form(&[("ticket", ticket)])
                .send()
                .await
                .unwrap();
            assert_eq!(done.status(), 200);
            times.push(t.elapsed());
        }
        let elapsed = started.elapsed();
        times.sort();
        let registered = state.registrations().list().await.unwrap().len();
        println!(
            "dynamic registrations: {count} ({registered} kept), p50: {:.2?}, p99: {:.2?}, max: {:.2?}, total {:.2?}",
            percentile(&times, 0.5), percentile(&times, 0.99), times[times.len() - 1], elapsed
        );
        let baseline = self.baseline(count).await;
        println!(
            "baseline (GET /.well-known/jwks.json, same client): {:.2?} per request; registration/baseline p50 ratio {:.0}",
            Duration::from_secs_f64(1.0 / baseline),
            percentile(&times, 0.5).as_secs_f64() * baseline
        );
    }

    /// Requests per second of a request that does no LTI work (the JWKS document), from the same
    /// client: what the validation itself costs on top.
    async fn baseline(&self, requests: usize) -> f64 {
        let started = Instant::now();
        let remaining = Arc::new(std::sync::atomic::AtomicUsize::new(requests));
        let mut workers = Vec::new();
        for _ in 0..self.concurrency {
            let remaining = remaining.clone();
            let client = self.client.clone();
            let url = format!("{}/.well-known/jwks.json", self.base);
            workers.push(tokio::spawn(async move {
                while remaining
                    .fetch_update(
                        std::sync::atomic::Ordering::Relaxed,
                        std::sync::atomic::Ordering::Relaxed,
                        |n| n.checked_sub(1),
                    )
                    .is_ok()
                {
                    let _ = client.get(&url).send().await.unwrap().bytes().await;
                }
            }));
        }
        for worker in workers {
            worker.await.unwrap();
        }
        requests as f64 / started.elapsed().as_secs_f64()
    }
}

/// Memory of the store after 1,000,000 launches, driven at the store level with the tool's own
/// key and value shapes (one login = state record + nonce; one launch takes both). One login in
/// ten is abandoned and must expire; the TTL here is 50 ms so expiry happens within the run.
async fn store_memory() {
    let store = MemoryStore::default();
    let ttl = Duration::from_millis(50);
    let rss_before = rss_kib();
    let record = r#"{"issuer":"https://moodle.example.edu","client_id":"stackway-1","nonce":"0123456789012345678901234567890123456789012","storage_target":null}"#;
    let mut peak = 0;
    let started = Instant::now();
    for i in 0..1_000_000u64 {
        let state_key = format!("state:{:043}", i);
        let nonce_key = format!("nonce:{:043}", i);
        store.put(&state_key, record, ttl).await.unwrap();
        store.put(&nonce_key, "1", ttl).await.unwrap();
        if i % 10 != 0 {
            store.take(&state_key).await.unwrap();
            store.take(&nonce_key).await.unwrap();
        }
        if i % 1000 == 0 {
            peak = peak.max(store.entry_count().await.unwrap());
        }
        if i % 100_000 == 0 {
            // Let time pass so abandoned logins expire, as they would over minutes in production.
            tokio::time::sleep(Duration::from_millis(60)).await;
        }
    }
    println!(
        "store after 1,000,000 launches (10% abandoned logins): {} entries, ~{} KiB held, peak {} entries, \
         process RSS +{} KiB, {:.1?}",
        store.entry_count().await.unwrap(),
        store.approximate_bytes() / 1024,
        peak,
        rss_kib().saturating_sub(rss_before),
        started.elapsed()
    );
}

/// Logins and pre-minted id_tokens (not timed): one `(form body, cookie)` per launch.
#[allow(clippy::too_many_arguments)]
async fn prepare(
    client: &reqwest::Client,
    base: &str,
    issuer: &str,
    tool_port: u16,
    launches: usize,
    client_id: &str,
    sub_prefix: &str,
    custom: &serde_json::Value,
) -> Vec<(String, String)> {
    eprintln!("preparing {launches} logins and id_tokens ...");
    let encoding = EncodingKey::from_rsa_pem(PLATFORM_KEY.as_bytes()).unwrap();
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("p1".into());
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut prepared = Vec::with_capacity(launches);
    let login_url = format!(
        "{base}/lti/login?iss={issuer}&login_hint=u&client_id={client_id}&target_link_uri=http://localhost:{tool_port}/lti/launch"
    );
    let login_started = Instant::now();
    for i in 0..launches {
        let reply = client.get(&login_url).send().await.unwrap();
        let location = reply.headers()["location"].to_str().unwrap().to_string();
        let cookie = reply.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let query: HashMap<String, String> = url::Url::parse(&location)
            .unwrap()
            .query_pairs()
            .into_owned()
            .collect();
        let claims = json!({
            "iss": issuer, "aud": client_id, "sub": format!("{sub_prefix}{i}"), "iat": now, "exp": now + 3600,
            "nonce": query["nonce"],
            "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "1",
            "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
            "https://purl.imsglobal.org/spec/lti/claim/roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            "https://purl.imsglobal.org/spec/lti/claim/resource_link": {"id": "link-1"},
            "https://purl.imsglobal.org/spec/lti/claim/custom": custom,
        });
        let token = jsonwebtoken::encode(&header, &claims, &encoding).unwrap();
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("id_token", &token)
            .append_pair("state", &query["state"])
            .finish();
        prepared.push((body, cookie));
    }
    eprintln!("(logins + minting took {:.1?})", login_started.elapsed());
    prepared
}

struct Timing {
    launches: usize,
    concurrency: usize,
    failures: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    /// Sorted.
    latencies: Vec<Duration>,
}

impl Timing {
    /// Several timed phases as one: total launches over total time, percentiles over all.
    fn merge(rounds: Vec<Timing>) -> Timing {
        let mut latencies: Vec<Duration> = rounds
            .iter()
            .flat_map(|r| r.latencies.iter().copied())
            .collect();
        latencies.sort();
        Timing {
            launches: rounds.iter().map(|r| r.launches).sum(),
            concurrency: rounds.first().map_or(0, |r| r.concurrency),
            failures: rounds.iter().map(|r| r.failures).sum(),
            elapsed: rounds.iter().map(|r| r.elapsed).sum(),
            p50: percentile(&latencies, 0.50),
            p99: percentile(&latencies, 0.99),
            latencies,
        }
    }

    fn rate(&self) -> f64 {
        self.launches as f64 / self.elapsed.as_secs_f64()
    }

    fn print(&self, what: &str) {
        println!(
            "{what}: launches: {}, concurrency: {}, failures: {}, time: {:.2?}, \
             rate: {:.0} launches/s, p50: {:.2?}, p99: {:.2?}",
            self.launches,
            self.concurrency,
            self.failures,
            self.elapsed,
            self.rate(),
            self.p50,
            self.p99
        );
    }
}

const UNAVAILABLE: &[u8] = br#""progress_unavailable":true"#;

/// The timed phase: `POST /lti/launch` for every prepared launch from `concurrency` connections.
/// A launch counts as failed unless it is a 200 page (with progress, when `progress_url` is set).
async fn timed(
    client: &reqwest::Client,
    base: &str,
    prepared: Vec<(String, String)>,
    concurrency: usize,
) -> Timing {
    let launches = prepared.len();
    let queue = Arc::new(std::sync::Mutex::new(prepared));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let queue = queue.clone();
        let client = client.clone();
        let url = format!("{base}/lti/launch");
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            loop {
                let Some((body, cookie)) = queue.lock().unwrap().pop() else {
                    break;
                };
                let t = Instant::now();
                let reply = client
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("cookie", cookie)
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                let ok = reply.status() == 200;
                let page = reply.bytes().await.unwrap_or_default();
                latencies.push(t.elapsed());
                if !ok || page.windows(UNAVAILABLE.len()).any(|w| w == UNAVAILABLE) {
                    failures += 1;
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for worker in workers {
        let (l, f) = worker.await.unwrap();
        latencies.extend(l);
        failures += f;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    Timing {
        launches,
        concurrency,
        failures,
        elapsed,
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        latencies,
    }
}
