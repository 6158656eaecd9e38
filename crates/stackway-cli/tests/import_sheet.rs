//! `stackway import sheet`: the workbook fixture becomes a clean feed file; the CSV with errors
//! prints each problem at its row and column and exits 1, still writing what it read.

use std::path::PathBuf;
use std::process::Command;

fn stackway(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stackway"))
        .args(args)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../stackway-sheet/tests/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stackway-import-sheet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn a_workbook_becomes_a_feed_that_checks_clean() {
    let out = scratch("valid.json");
    let run = stackway(&[
        "import",
        "sheet",
        &fixture("valid.xlsx"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("imported 8 credential(s) with 0 problem(s)")
    );
    let check = stackway(&["check", out.to_str().unwrap()]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_csv_with_errors_reports_them_at_their_cells_and_exits_1() {
    let out = scratch("errors.json");
    let run = stackway(&[
        "import",
        "sheet",
        &fixture("errors.csv"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    for line in [
        "errors.csv!B3 (kind): error[unknown-kind]",
        "errors.csv!F4 (hours): error[not-a-number]: `ten` is not a number",
        "errors.csv!H5 (requires): error[unknown-credential]",
        "errors.csv!E8 (url): error[invalid-url]",
    ] {
        assert!(stderr.contains(line), "{line} not in\n{stderr}");
    }
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains(r#""hours": "ten""#));
}
