//! `stackway import ctdl` and `stackway export ctdl`, run as a user would.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stackway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stackway"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A fixture of stackway-interop's tests (`ctdl/…`, `badges/…`).
fn core_data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../stackway-interop/tests/data")
        .join(path)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "stackway-interop-cli-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn import_prints_a_valid_feed_and_warnings_on_stderr() {
    let fixture = core_data("ctdl/quirk-prefix-swap.json");
    let out = stackway(&["import", "ctdl", fixture.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let feed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is the feed");
    assert_eq!(feed["stackway"], 1);
    assert_eq!(feed["pathways"][0]["goal"], "goal");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Each warning says where it is in the CTDL file: line:column and JSON Pointer.
    let expected = format!(
        "warning[ctdl-prefix]: {}:5:40 (at /@graph/0/ceasn:hasDestinationComponent): 5 \
         properties are spelled with another prefix",
        fixture.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some(
            "imported 3 components → 3 credentials, 0 conditions → 1 requirement group, 1 \
             pathway; 3 warnings: ctdl-no-condition 1, ctdl-no-provider 1, ctdl-prefix 1"
        ),
        "{stderr}"
    );
}

#[test]
fn import_of_the_registry_badge_pathway_keeps_all_53_components_and_says_so() {
    let fixture = core_data("ctdl/registry-badge-pathway.json");
    let out = stackway(&["import", "ctdl", fixture.to_str().unwrap()]);
    assert!(out.status.success());
    let feed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is the feed");
    assert_eq!(feed["credentials"].as_array().map(Vec::len), Some(53));
    assert_eq!(feed["provider"]["name"], "Northern Lakes College");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("warning[").count(), 1, "{stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some(
            "imported 53 components → 53 credentials, 11 conditions → 12 requirement groups, 1 \
             pathway; 1 warning: ctdl-prefix 1"
        ),
        "{stderr}"
    );
}

#[test]
fn import_writes_output_file_and_export_round_trips() {
    let dir = temp_dir("roundtrip");
    let feed_path = dir.join("feed.json");
    let fixture = core_data("ctdl/graph-basic.json");
    let out = stackway(&[
        "import",
        "ctdl",
        fixture.to_str().unwrap(),
        "-o",
        feed_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let first: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&feed_path).unwrap()).unwrap();

    let ctdl_path = dir.join("pathway.jsonld");
    let pathway = "ce-6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    let out = stackway(&[
        "export",
        "ctdl",
        feed_path.to_str().unwrap(),
        "--pathway",
        pathway,
        "-o",
        ctdl_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ctdl_path).unwrap()).unwrap();
    assert_eq!(
        exported["@context"][0],
        "https://credreg.net/ctdl/schema/context/json"
    );

    let out = stackway(&["import", "ctdl", ctdl_path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(second["credentials"], first["credentials"]);
    assert_eq!(second["pathways"], first["pathways"]);
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("; no warnings\n"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn import_fetches_a_url() {
    let body = std::fs::read_to_string(core_data("ctdl/single-resource.json")).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let n = stream.read(&mut request).unwrap();
        let request = String::from_utf8_lossy(&request[..n]).to_string();
        let response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).unwrap();
        request
    });
    let url = format!("http://127.0.0.1:{port}/graph/welding");
    let out = stackway(&["import", "ctdl", &url]);
    let request = server.join().unwrap();
    assert!(request.starts_with("GET /graph/welding"), "{request}");
    assert!(
        request
            .to_ascii_lowercase()
            .contains("accept: application/ld+json"),
        "{request}"
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let feed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(feed["pathways"][0]["goal"], "welding-diploma");
}

#[test]
fn unreadable_input_exits_2_and_empty_documents_exit_1() {
    let out = stackway(&["import", "ctdl", "/nonexistent/pathway.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));

    let dir = temp_dir("empty");
    let empty = dir.join("empty.json");
    std::fs::write(
        &empty,
        "{\"@context\": \"https://credreg.net/ctdl/schema/context/json\", \"@graph\": []}",
    )
    .unwrap();
    let out = stackway(&["import", "ctdl", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[ctdl-empty]"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn export_of_an_unknown_pathway_names_the_known_ones() {
    let dir = temp_dir("unknown");
    let feed_path = dir.join("feed.json");
    let fixture = core_data("ctdl/quirk-cycle.json");
    let out = stackway(&[
        "import",
        "ctdl",
        fixture.to_str().unwrap(),
        "-o",
        feed_path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let out = stackway(&[
        "export",
        "ctdl",
        feed_path.to_str().unwrap(),
        "--pathway",
        "nope",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no pathway `nope`") && stderr.contains("pathways in this feed: p"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).ok();
}
