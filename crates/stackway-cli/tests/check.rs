//! `stackway check` and `stackway schema` as a user runs them: exit codes, the JSON contract,
//! human output with file:line:column and snippet, no colour when not on a terminal, URLs.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn stackway(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stackway"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run stackway")
}

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn corpus(name: &str) -> String {
    repo(&format!(
        "crates/stackway-feed/tests/data/feeds/{name}.json"
    ))
}

fn temp_feed(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("stackway-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn clean_sample_feed_exits_0() {
    let out = stackway(&["check", &repo("www/feeds/sample.json")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok, no problems found"));
}

#[test]
fn warnings_only_exit_0() {
    let text = r#"{"stackway": 1, "id": "f", "languages": ["en"], "provider": {"id": "p", "name": "P"},
        "credentials": [{"id": "a", "kind": "course", "title": "A", "titel": "typo"}]}"#;
    let out = stackway(&["check", "--format", "json", &temp_feed("warn.json", text)]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["diagnostics"][0]["severity"], "warning");
    assert_eq!(report["diagnostics"][0]["code"], "unknown-key");
}

#[test]
fn errors_exit_1_with_the_json_contract() {
    let out = stackway(&["check", "--format", "json", &corpus("unknown-references")]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["diagnostics", "ok"]);
    assert_eq!(report["ok"], false);
    let first = &report["diagnostics"][0];
    let mut keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["code", "column", "line", "message", "pointer", "severity"]
    );
    assert_eq!(first["code"], "unknown-skill");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["pointer"], "/credentials/0/skills/1");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(37), Some(9))
    );
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 9);
}

#[test]
fn human_output_has_location_code_message_and_snippet_without_colour_when_piped() {
    let path = corpus("unknown-keys");
    let out = stackway(&["check", &path]);
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("{path}:50:7: warning[unknown-key]: unknown key `prerequsites` in a credential (did you mean `prerequisites`?)")), "{text}");
    assert!(
        text.contains("50 |       \"prerequsites\": \"a\","),
        "{text}"
    );
    assert!(
        text.contains("   |       ^^^^^^^^^^^^^^ /credentials/2/prerequsites"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    let coloured =
        String::from_utf8(stackway(&["check", "--color", "always", &path]).stdout).unwrap();
    assert!(coloured.contains("\x1b[1;33mwarning[unknown-key]\x1b[0m"));
}

#[test]
fn invalid_json_reports_line_and_column() {
    let out = stackway(&[
        "check",
        "--format",
        "json",
        &corpus("invalid-json-missing-comma"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diagnostics"][0]["code"], "invalid-json");
    assert_eq!(report["diagnostics"][0]["line"], 4);
    assert_eq!(report["diagnostics"][0]["column"], 3);
}

#[test]
fn unreadable_input_exits_2_even_next_to_a_good_feed() {
    let out = stackway(&[
        "check",
        &repo("www/feeds/sample.json"),
        "/nonexistent/feed.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/feed.json"));
}

#[test]
fn missing_argument_is_a_usage_error() {
    assert_eq!(stackway(&["check"]).status.code(), Some(2));
}

/// Serves `body` once with `status` on a local port; returns the URL.
fn serve_once(status: &'static str, body: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed.json", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let response = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
    });
    url
}

#[test]
fn checks_a_feed_over_http() {
    let sample = std::fs::read_to_string(repo("www/feeds/sample.json")).unwrap();
    let url = serve_once("200 OK", sample);
    let out = stackway(&["check", &url]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let broken = std::fs::read_to_string(corpus("requires-cycle")).unwrap();
    let url = serve_once("200 OK", broken);
    let out = stackway(&["check", "--format", "json", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("requires-cycle"));

    let url = serve_once("404 Not Found", String::new());
    let out = stackway(&["check", &url]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
}

#[test]
fn schema_prints_the_published_schema() {
    let out = stackway(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(repo("docs/feed-v1.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
    let schema: Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(
        schema["$defs"]["id"]["pattern"],
        "^[a-z0-9][a-z0-9._-]{0,63}$"
    );
    // Every kind of the model, in its order (a kind added to the model reaches the schema).
    let kinds: Vec<&str> = stackway_core::Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        schema["$defs"]["credential"]["properties"]["kind"]["enum"],
        serde_json::json!(kinds)
    );
    assert!(kinds.contains(&"career"));
}

#[test]
fn schema_writes_to_a_file() {
    let path = temp_feed("schema-out.json", "");
    let out = stackway(&["schema", "--output", &path]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(repo("docs/feed-v1.schema.json")).unwrap()
    );
}

/// A CTDL pathway is checked as the widget reads it: the import's warnings and the imported
/// feed's problems, all pointing into the CTDL file.
#[test]
fn a_ctdl_pathway_is_checked_through_its_import() {
    let pathway = repo("crates/stackway-interop/tests/data/ctdl/registry-career-pathway.json");
    let out = stackway(&["check", "--color", "never", &pathway]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The import's own warning, at its line and column in the CTDL file.
    assert!(
        stdout.contains(&format!("{pathway}:13:25: warning[ctdl-prefix]")),
        "{stdout}"
    );
    // A problem of the imported feed, at the CTDL node the credential came from.
    assert!(
        stdout.contains(&format!(
            "{pathway}:114:5: warning[missing-translation]: the title has no text in fr"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("(in the imported feed at /credentials/5/title)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{pathway}: CTDL pathway imported 9 components → 9 credentials, 3 conditions → 4 \
             requirement groups, 1 pathway; 1 warning: ctdl-prefix 1"
        )),
        "{stdout}"
    );

    let out = stackway(&["check", "--format", "json", &pathway]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics[0]["code"], "ctdl-prefix");
    assert_eq!(diagnostics[0]["pointer"], "/@graph/0/ceasn:hasChild");
    assert!(diagnostics
        .iter()
        .any(|d| d["code"] == "missing-translation" && d["pointer"] == "/@graph/11"));

    let empty = temp_feed(
        "empty-ctdl",
        r#"{"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": []}"#,
    );
    let out = stackway(&["check", "--format", "json", &empty]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ctdl-empty"));
}
