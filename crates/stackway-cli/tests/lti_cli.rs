//! `stackway keys generate` and `stackway serve --config`: the LTI tool from the command line.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stackway-lti-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stackway() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stackway"))
}

const PLATFORM: &str = r#"
[[platform]]
name = "Local"
issuer = "http://127.0.0.1:9"
client_id = "c"
deployment_ids = ["1"]
auth_url = "http://127.0.0.1:9/auth"
jwks_url = "http://127.0.0.1:9/jwks"
feed_hosts = ["127.0.0.1"]
"#;

#[test]
fn keys_generate_writes_an_owner_only_key_that_jwks_publishes() {
    let dir = scratch("keys");
    let out = stackway()
        .args(["keys", "generate", "--dir"])
        .arg(dir.join("keys"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let key = std::fs::read_dir(dir.join("keys"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let kid = key.file_stem().unwrap().to_str().unwrap().to_string();
    let out = stackway()
        .args(["keys", "jwks", "--dir"])
        .arg(dir.join("keys"))
        .output()
        .unwrap();
    let jwks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(jwks["keys"][0]["kid"], kid.as_str());
    assert!(jwks["keys"][0].get("d").is_none());
}

#[test]
fn serve_refuses_a_bad_config_with_file_line_and_reason() {
    let dir = scratch("bad");
    let config = dir.join("tool.toml");
    std::fs::write(
        &config,
        format!("[tool]\nbase_url = \"http://stackway.example.edu\"\nkeys = \"keys/\"\n{PLATFORM}"),
    )
    .unwrap();
    let out = stackway()
        .args(["serve", "--listen", "127.0.0.1:0", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("tool.toml:2:12: base_url must use https"),
        "{stderr}"
    );
}

fn http_get(port: u16, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    text
}

#[test]
fn serve_with_config_serves_the_tool_and_the_static_site_together() {
    let dir = scratch("serve");
    assert!(stackway()
        .args(["keys", "generate", "--dir"])
        .arg(dir.join("keys"))
        .status()
        .unwrap()
        .success());
    std::fs::create_dir_all(dir.join("site/www")).unwrap();
    std::fs::write(
        dir.join("site/www/stackway.js"),
        "export const widget = 1;\n",
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = dir.join("tool.toml");
    std::fs::write(
        &config,
        format!("[tool]\nbase_url = \"http://localhost:{port}\"\nkeys = \"keys/\"\n{PLATFORM}"),
    )
    .unwrap();
    let mut child = stackway()
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--dir"])
        .arg(dir.join("site"))
        .arg("--config")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let jwks = http_get(port, "/.well-known/jwks.json");
    let widget = http_get(port, "/www/stackway.js");
    let login = http_get(
        port,
        "/lti/login?iss=http://127.0.0.1:9&login_hint=x&target_link_uri=http://localhost/",
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        jwks.starts_with("HTTP/1.1 200") && jwks.contains("\"RS256\""),
        "{jwks}"
    );
    assert!(
        widget.starts_with("HTTP/1.1 200") && widget.contains("export const widget"),
        "{widget}"
    );
    assert!(
        login.starts_with("HTTP/1.1 400") && login.contains("bad-target-link-uri"),
        "{login}"
    );
}

#[test]
fn serve_writes_its_log_to_standard_error_not_standard_output() {
    // Regression: the tool's log lines went to standard output although the docs say standard
    // error, mixing them with the command's own messages.
    let dir = scratch("log");
    assert!(stackway()
        .args(["keys", "generate", "--dir"])
        .arg(dir.join("keys"))
        .status()
        .unwrap()
        .success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = dir.join("tool.toml");
    std::fs::write(
        &config,
        format!("[tool]\nbase_url = \"http://localhost:{port}\"\nkeys = \"keys/\"\n{PLATFORM}"),
    )
    .unwrap();
    let mut child = stackway()
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--dir"])
        .arg(&dir)
        .arg("--config")
        .arg(&config)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let refused = http_get(
        port,
        "/lti/login?iss=https://unknown.example&login_hint=x&target_link_uri=x",
    );
    assert!(refused.contains("unknown-platform"), "{refused}");
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("LTI request rejected") && stderr.contains("unknown-platform"),
        "stderr: {stderr}"
    );
    assert!(!stdout.contains("LTI request rejected"), "stdout: {stdout}");
    assert!(
        stdout.contains("LTI 1.3 tool for 1 platform"),
        "stdout: {stdout}"
    );
}

#[test]
fn register_link_prints_a_one_time_url_and_platforms_lists_shows_and_removes() {
    let dir = scratch("platforms");
    let config = dir.join("tool.toml");
    std::fs::write(
        &config,
        format!("[tool]\nbase_url = \"https://stackway.example.edu\"\nkeys = \"keys/\"\n{PLATFORM}\n[registration]\nstore = \"state/registrations.sqlite\"\nprogress_token_env = \"STACKWAY_TEST_UNSET_IN_THE_OPERATORS_SHELL\"\n"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = stackway()
            .args(args)
            .arg("--config")
            .arg(&config)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, stdout, stderr) = run(&[
        "register-link",
        "--name",
        "College Moodle",
        "--feed-host",
        "feeds.example.edu:8443",
        "--expires-in",
        "2h",
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout
            .trim()
            .starts_with("https://stackway.example.edu/lti/register?invite="),
        "{stdout}"
    );
    assert!(
        stderr.contains("works once") && stderr.contains("2 hours"),
        "{stderr}"
    );
    let store = dir.join("state/registrations.sqlite");
    assert!(store.exists(), "the link is kept in the registration store");
    let (ok, _, stderr) = run(&["register-link", "--feed-host", "https://feeds.example.edu"]);
    assert!(!ok && stderr.contains("--feed-host"), "{stderr}");

    // A platform registered through the link, as the server keeps it.
    let registration = stackway_lti::registrations::Registration {
        id: "r-0000beef".into(),
        name: "College Moodle".into(),
        issuer: "https://moodle.college.example".into(),
        client_id: "aBc123".into(),
        deployment_ids: vec!["3".into()],
        auth_url: "https://moodle.college.example/mod/lti/auth.php".into(),
        jwks_url: "https://moodle.college.example/mod/lti/certs.php".into(),
        frame_origins: vec![],
        feed_hosts: Some(vec!["feeds.example.edu:8443".into()]),
        product: Some("moodle 4.5".into()),
        openid_configuration: "https://moodle.college.example/mod/lti/openid-configuration.php"
            .into(),
        registered_at: 1_796_094_312,
    };
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(async {
            use stackway_lti::RegistrationStore;
            let registrations = stackway_lti::SqliteRegistrations::new(&store);
            assert!(registrations.add(&registration).await.unwrap());
        });

    let (ok, stdout, stderr) = run(&["platforms", "list"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("toml-1") && stdout.contains("tool.toml") && stdout.contains("Local"),
        "{stdout}"
    );
    assert!(
        stdout.contains("r-0000beef") && stdout.contains("registered") && stdout.contains("aBc123"),
        "{stdout}"
    );
    let (ok, stdout, _) = run(&["platforms", "show", "aBc123", "--json"]);
    assert!(ok);
    let shown: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(shown["id"], "r-0000beef");
    assert_eq!(
        shown["feed_hosts"],
        serde_json::json!(["feeds.example.edu:8443"])
    );
    assert_eq!(shown["product"], "moodle 4.5");
    let (ok, _, stderr) = run(&["platforms", "remove", "toml-1"]);
    assert!(
        !ok && stderr.contains("[[platform]]"),
        "tool.toml platforms are edited there: {stderr}"
    );
    let (ok, stdout, stderr) = run(&["platforms", "remove", "r-0000beef"]);
    assert!(
        ok && stdout.contains("Removed r-0000beef"),
        "{stdout} {stderr}"
    );
    let (_, stdout, _) = run(&["platforms", "list"]);
    assert!(!stdout.contains("r-0000beef"), "{stdout}");
}
