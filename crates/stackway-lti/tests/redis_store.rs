//! The Redis store against a real `redis-server` that the test starts on a free port.
//! Skipped, loudly, only when `redis-server` is not installed (`cargo xtask test` installs it).

mod common;

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::*;
use stackway_lti::registrations::{unix_now, Invite, Registration};
use stackway_lti::{OneTimeStore, Options, RedisRegistrations, RedisStore, RegistrationStore};

struct RedisServer {
    child: Child,
    url: String,
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start_redis() -> Option<RedisServer> {
    if Command::new("redis-server")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        eprintln!("\n\n*** SKIPPED: redis-server is not installed; the Redis store is NOT tested. Install the Debian package redis-server. ***\n\n");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .spawn()
        .expect("start redis-server");
    let server = RedisServer {
        child,
        url: format!("redis://127.0.0.1:{port}/"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "redis-server did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Some(server)
}

#[tokio::test]
async fn redis_store_takes_values_once_expires_them_and_shares_replay_protection_between_instances()
{
    let Some(redis) = start_redis().await else {
        return;
    };
    let store = RedisStore::connect(&redis.url).await.expect("connect");

    assert!(store
        .put("nonce:a", "1", Duration::from_secs(60))
        .await
        .unwrap());
    assert!(
        !store
            .put("nonce:a", "2", Duration::from_secs(60))
            .await
            .unwrap(),
        "SET NX keeps the first value"
    );
    assert_eq!(store.take("nonce:a").await.unwrap().as_deref(), Some("1"));
    assert_eq!(store.take("nonce:a").await.unwrap(), None);
    store
        .put("nonce:b", "1", Duration::from_millis(50))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(120)).await;
    assert_eq!(
        store.take("nonce:b").await.unwrap(),
        None,
        "expired in Redis"
    );

    // Two tool instances behind a load balancer, one Redis: a login on A launches on B, and the
    // id_token replayed on A is refused.
    let shared: Arc<dyn OneTimeStore> = Arc::new(RedisStore::connect(&redis.url).await.unwrap());
    let a = tool_with_store(
        Options {
            jwks_min_refetch: Duration::ZERO,
            ..Options::default()
        },
        "",
        shared.clone(),
    )
    .await;
    let b = a.another_instance(shared);
    let login = a.login().await;
    let token = sign(&a.claims(&login.nonce), PLATFORM_KEY_1, "platform-1");
    assert_eq!(
        b.launch(&token, &login).await.status,
        StatusCode::OK,
        "state and nonce issued by A are accepted by B"
    );
    let second = a.login().await;
    let reply = a.launch(&token, &second).await;
    assert_eq!(
        (reply.status, reply.reason()),
        (StatusCode::UNAUTHORIZED, "nonce-replayed")
    );
}

#[tokio::test]
async fn redis_registrations_are_shared_by_every_instance_and_links_are_taken_once() {
    let Some(redis) = start_redis().await else {
        return;
    };
    let prefix = format!("test:{}:", std::process::id());
    let a = RedisRegistrations::connect(&redis.url)
        .await
        .unwrap()
        .with_prefix(&prefix);
    let b = RedisRegistrations::connect(&redis.url)
        .await
        .unwrap()
        .with_prefix(&prefix);
    let registration = Registration {
        id: "r-0000002a".into(),
        name: "Moodle".into(),
        issuer: "https://lms.example.edu".into(),
        client_id: "c1".into(),
        deployment_ids: vec!["3".into()],
        auth_url: "https://lms.example.edu/auth".into(),
        jwks_url: "https://lms.example.edu/jwks".into(),
        frame_origins: vec![],
        feed_hosts: None,
        product: None,
        openid_configuration: "https://lms.example.edu/.well-known/openid-configuration".into(),
        registered_at: 1,
    };
    assert!(a.add(&registration).await.unwrap());
    assert!(
        !b.add(&registration).await.unwrap(),
        "one registration per issuer and client_id"
    );
    assert_eq!(
        b.find("https://lms.example.edu", "c1").await.unwrap(),
        Some(registration.clone())
    );
    assert_eq!(
        b.find_by_issuer("https://lms.example.edu")
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(b.list().await.unwrap(), std::slice::from_ref(&registration));
    let invite = Invite {
        name: None,
        feed_hosts: None,
        expires_at: unix_now() + 60,
    };
    a.add_invite("link-1", &invite).await.unwrap();
    assert_eq!(b.invite("link-1").await.unwrap(), Some(invite.clone()));
    assert_eq!(b.take_invite("link-1").await.unwrap(), Some(invite));
    assert_eq!(a.take_invite("link-1").await.unwrap(), None, "taken once");
    assert_eq!(a.remove("r-0000002a").await.unwrap(), Some(registration));
    assert!(b.list().await.unwrap().is_empty());
}
