//! Load benchmark: validated LTI launches per second on loopback, with p50/p99 latency, and the
//! memory held by the nonce/state store after 1,000,000 launches.
//!
//! `cargo run --profile native-release -p stackway-lti --example bench_launch -- [launches] [concurrency]`
//!
//! A platform JWKS server and the tool run on 127.0.0.1; logins are done first (each gives a state,
//! a nonce and the state cookie) and id_tokens are pre-minted, so the timed phase is only
//! `POST /lti/launch`: full validation (state + cookie, RS256 signature, claims, nonce) and the
//! launch page. The client shares the machine's two cores with the server.

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
use stackway_lti::{AppState, MemoryStore, OneTimeStore, Options, ToolConfig, ToolKeys};

const PLATFORM_KEY: &str = include_str!("../tests/data/platform-key-1.pem");
const TOOL_KEY: &str = include_str!("../tests/data/tool-key.pem");

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

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let launches: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let concurrency: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(32);

    // The platform: its JWKS on an ephemeral port.
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(PLATFORM_KEY).unwrap();
    let jwks = json!({"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "p1",
        "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()), "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be())}]});
    let platform = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://127.0.0.1:{}", platform.local_addr().unwrap().port());
    let jwks_app = axum::Router::new().route(
        "/jwks",
        get(move || async move { axum::Json(jwks.clone()) }),
    );
    tokio::spawn(async move { axum::serve(platform, jwks_app).await.unwrap() });

    // The tool.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tool_port = listener.local_addr().unwrap().port();
    let toml = format!(
        "[tool]\nbase_url = \"http://localhost:{tool_port}\"\nkeys = \"keys/\"\ndefault_feed = \"https://feeds.example.edu/p.json\"\n\n\
         [[platform]]\nname = \"bench\"\nissuer = \"{issuer}\"\nclient_id = \"c\"\ndeployment_ids = [\"1\"]\n\
         auth_url = \"{issuer}/auth\"\njwks_url = \"{issuer}/jwks\"\nfeed_hosts = [\"feeds.example.edu\"]\n"
    );
    let config = ToolConfig::parse(&toml, "bench.toml", Path::new(".")).unwrap();
    let keys = ToolKeys::from_pems(&[("tool", TOOL_KEY)]).unwrap();
    let store: Arc<dyn OneTimeStore> = Arc::new(MemoryStore::default());
    let state = AppState::new(config, keys, store, Options::default());
    let router = stackway_lti::router(state.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let base = format!("http://127.0.0.1:{tool_port}");

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();

    // Logins and pre-minted id_tokens (not timed).
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
        "{base}/lti/login?iss={issuer}&login_hint=u&client_id=c&target_link_uri=http://localhost:{tool_port}/lti/launch"
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
            "iss": issuer, "aud": "c", "sub": format!("learner-{i}"), "iat": now, "exp": now + 3600,
            "nonce": query["nonce"],
            "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "1",
            "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
            "https://purl.imsglobal.org/spec/lti/claim/roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            "https://purl.imsglobal.org/spec/lti/claim/resource_link": {"id": "link-1"},
            "https://purl.imsglobal.org/spec/lti/claim/custom": {"goal": "dipl-data", "view": "programs", "lang": "fr"},
        });
        let token = jsonwebtoken::encode(&header, &claims, &encoding).unwrap();
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("id_token", &token)
            .append_pair("state", &query["state"])
            .finish();
        prepared.push((body, cookie));
    }
    let login_elapsed = login_started.elapsed();
    eprintln!("(logins + minting took {login_elapsed:.1?})");

    // Timed phase: concurrent launches.
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
                let _ = reply.bytes().await;
                latencies.push(t.elapsed());
                if !ok {
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
    println!(
        "launches: {launches}, concurrency: {concurrency}, failures: {failures}, time: {elapsed:.2?}, \
         rate: {:.0} launches/s, p50: {:.2?}, p99: {:.2?}",
        launches as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99)
    );
    println!(
        "store entries after the run: {}",
        state.store().entry_count().await.unwrap()
    );

    // Baseline in the same run: the same client and server answering a request that does no LTI
    // work (the JWKS document), to show what the validation itself costs.
    let started = Instant::now();
    let remaining = Arc::new(std::sync::atomic::AtomicUsize::new(launches));
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let remaining = remaining.clone();
        let client = client.clone();
        let url = format!("{base}/.well-known/jwks.json");
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
    let baseline = launches as f64 / started.elapsed().as_secs_f64();
    println!(
        "baseline (GET /.well-known/jwks.json, same client): {baseline:.0} requests/s; launch/baseline ratio {:.2}",
        (launches as f64 / elapsed.as_secs_f64()) / baseline
    );

    // Memory of the store after 1,000,000 launches, driven at the store level with the tool's own
    // key and value shapes (one login = state record + nonce; one launch takes both). One login in
    // ten is abandoned and must expire; the TTL here is 50 ms so expiry happens within the run.
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
