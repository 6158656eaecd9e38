//! Regression test: `stackway … | head` panicked ("failed printing to stdout: Broken pipe")
//! when the reader closed the pipe before the command had printed everything.

#![cfg(unix)]

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

/// A feed of `n` certificates, each requiring its own micro-credential: `progress` prints a
/// block per certificate, far more than a pipe holds.
fn many_programs(n: usize) -> String {
    let mut credentials = Vec::new();
    for i in 0..n {
        credentials.push(serde_json::json!({
            "id": format!("m{i}"), "kind": "micro-credential", "title": format!("Module {i}"),
        }));
        credentials.push(serde_json::json!({
            "id": format!("c{i}"), "kind": "certificate", "title": format!("Certificate {i}"),
            "requires": { "all": [format!("m{i}")] },
        }));
    }
    serde_json::json!({
        "stackway": 1, "id": "many", "languages": ["en"],
        "provider": { "id": "p", "name": "Many College" }, "credentials": credentials,
    })
    .to_string()
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_command_without_a_panic() {
    let dir = std::env::temp_dir().join(format!("stackway-closed-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let feed = dir.join("many.json");
    std::fs::write(&feed, many_programs(3_000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stackway"))
        .args(["progress", feed.to_str().unwrap(), "--as-of", "2025-01-01"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs stackway");
    // Read the first bytes, as `head -c 100` would, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Ended by SIGPIPE, as `cat` would be, or finished if everything fitted.
    assert!(
        status.signal() == Some(libc::SIGPIPE) || status.success(),
        "{status:?}: {stderr}"
    );
}
