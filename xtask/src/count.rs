//! Counting passed and failed tests in the output of each kind of test runner.

/// Tests passed and failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl Counts {
    pub fn new(passed: u64, failed: u64) -> Counts {
        Counts { passed, failed }
    }

    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Removes ANSI colour sequences (`ESC [ … letter`), which runners add on a terminal.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The numbers before `label` in a summary such as `3 passed; 1 failed` or `3 passed, 1 failed`.
fn number_before(summary: &str, label: &str) -> u64 {
    summary
        .split([';', ','])
        .filter_map(|part| {
            let mut words = part.split_whitespace();
            let number = words.next()?.parse::<u64>().ok()?;
            (words.next()? == label).then_some(number)
        })
        .sum()
}

/// Sums every libtest summary (`test result: ok. 5 passed; 0 failed; …`): cargo test and
/// wasm-bindgen-test print one per test binary.
pub fn libtest(output: &str) -> Option<Counts> {
    let output = strip_ansi(output);
    let mut found = None;
    for line in output.lines() {
        if let Some(rest) = line.trim().strip_prefix("test result:") {
            let summary = rest.split_once('.').map_or(rest, |(_, after)| after);
            found.get_or_insert_with(Counts::default).add(Counts::new(
                number_before(summary, "passed"),
                number_before(summary, "failed"),
            ));
        }
    }
    found
}

/// Playwright's JSON report: `stats.expected` (and `flaky`, which passed on retry) passed,
/// `stats.unexpected` failed; errors outside tests (a broken config, a web server that would not
/// start) count as one failure when no test failed.
pub fn playwright_json(report: &str) -> Option<Counts> {
    let report: serde_json::Value = serde_json::from_str(report).ok()?;
    let stats = report.get("stats")?;
    let number = |key: &str| {
        stats
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    let mut counts = Counts::new(number("expected") + number("flaky"), number("unexpected"));
    let global_errors = report
        .get("errors")
        .and_then(serde_json::Value::as_array)
        .is_some_and(|errors| !errors.is_empty());
    if global_errors && counts.failed == 0 {
        counts.failed = 1;
    }
    Some(counts)
}

/// pytest's last summary line, e.g. `==== 3 passed, 1 failed, 2 errors in 0.52s ====`; errors
/// count as failures.
pub fn pytest(output: &str) -> Option<Counts> {
    let output = strip_ansi(output);
    let line = output.lines().rev().find(|line| {
        let line = line.trim();
        line.starts_with('=')
            && line.contains(" in ")
            && (line.contains("passed") || line.contains("failed") || line.contains("error"))
    })?;
    let summary = line.trim_matches(|c: char| c == '=' || c.is_whitespace());
    let summary = summary.rsplit_once(" in ").map_or(summary, |(s, _)| s);
    Some(Counts::new(
        number_before(summary, "passed"),
        number_before(summary, "failed")
            + number_before(summary, "error")
            + number_before(summary, "errors"),
    ))
}

/// The last line of the form `N passed, N failed` (what `cargo xtask test` itself and the LTI
/// end-to-end script print last).
pub fn summary_line(output: &str) -> Option<Counts> {
    let output = strip_ansi(output);
    output.lines().rev().find_map(|line| {
        let (passed, failed) = line.trim().split_once(" passed, ")?;
        let failed = failed.strip_suffix(" failed")?;
        Some(Counts::new(passed.parse().ok()?, failed.parse().ok()?))
    })
}

/// Node's test runner with the TAP reporter (`node --test --test-reporter=tap`): its closing
/// `# pass N`, `# fail N` and `# cancelled N` lines (a test cancelled because a hook failed
/// counts as failed).
pub fn node_tap(output: &str) -> Option<Counts> {
    let output = strip_ansi(output);
    let count = |label: &str| {
        output.lines().rev().find_map(|line| {
            let rest = line.trim().strip_prefix("# ")?.strip_prefix(label)?;
            rest.trim().parse::<u64>().ok()
        })
    };
    let passed = count("pass ")?;
    let failed = count("fail ")?;
    Some(Counts::new(
        passed,
        failed + count("cancelled ").unwrap_or(0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_every_cargo_test_binary() {
        let output = "running 3 tests\n...\ntest result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                      \ntest result: FAILED. 10 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out\n\
                      test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n";
        assert_eq!(libtest(output), Some(Counts::new(13, 2)));
    }

    #[test]
    fn coloured_cargo_output_counts_the_same() {
        let output = "test result: \u{1b}[32mok\u{1b}[0m. 7 passed; 0 failed; 0 ignored\n";
        assert_eq!(libtest(output), Some(Counts::new(7, 0)));
    }

    #[test]
    fn output_without_a_summary_counts_nothing() {
        assert_eq!(libtest("error[E0425]: cannot find value `x`\n"), None);
    }

    #[test]
    fn playwright_counts_expected_flaky_and_unexpected() {
        let report = r#"{"stats": {"expected": 4, "unexpected": 1, "flaky": 1, "skipped": 2}, "errors": []}"#;
        assert_eq!(playwright_json(report), Some(Counts::new(5, 1)));
    }

    #[test]
    fn a_playwright_error_outside_tests_is_a_failure() {
        let report = r#"{"stats": {"expected": 0, "unexpected": 0}, "errors": [{"message": "webServer failed"}]}"#;
        assert_eq!(playwright_json(report), Some(Counts::new(0, 1)));
        assert_eq!(playwright_json("not json"), None);
    }

    #[test]
    fn the_last_summary_line_counts() {
        let output = "PASS login\nFAIL deep link\n1 passed, 1 failed\n";
        assert_eq!(summary_line(output), Some(Counts::new(1, 1)));
        assert_eq!(
            summary_line("0 passed, 0 failed\n12 passed, 0 failed\n"),
            Some(Counts::new(12, 0))
        );
        assert_eq!(summary_line("2 passed, many failed\n"), None);
    }

    #[test]
    fn pytest_summary_with_failures_and_errors() {
        let output = "tests/test_lti.py ..F.E\n=========== 3 passed, 1 failed, 1 error in 2.31s ===========\n";
        assert_eq!(pytest(output), Some(Counts::new(3, 2)));
        assert_eq!(
            pytest("==== 12 passed in 0.40s ====\n"),
            Some(Counts::new(12, 0))
        );
        assert_eq!(pytest("collecting ...\n"), None);
    }

    #[test]
    fn node_tap_counts_passed_failed_and_cancelled() {
        let output = "ok 1 - Firefox ESR: the map view in en\nnot ok 2 - Firefox ESR: x\n\
                      # tests 3\n# suites 0\n# pass 1\n# fail 1\n# cancelled 1\n# skipped 0\n";
        assert_eq!(node_tap(output), Some(Counts::new(1, 2)));
        assert_eq!(node_tap("# pass 12\n# fail 0\n"), Some(Counts::new(12, 0)));
        assert_eq!(node_tap("Error: Cannot find module\n"), None);
    }
}
