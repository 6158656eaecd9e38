//! The diagnostic codes: one stable text per `Code`, written and read back unchanged, and every
//! one documented where publishers look for it.

use stackway_feed::{Code, Diagnostic, Severity};
use std::collections::HashSet;

/// The documentation's tables of codes: the feed's in feed-format.md, the CTDL importer's and the
/// badge reader's in interop.md.
fn documentation() -> String {
    let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs");
    ["feed-format.md", "interop.md"]
        .iter()
        .map(|name| std::fs::read_to_string(format!("{docs}/{name}")).unwrap())
        .collect()
}

#[test]
fn every_code_has_its_own_text_which_reads_back_as_it() {
    let mut seen = HashSet::new();
    for &code in Code::ALL {
        let text = code.as_str();
        assert!(seen.insert(text), "`{text}` is the text of two codes");
        assert!(
            !text.is_empty()
                && text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "`{text}` is not kebab-case"
        );
        assert_eq!(Code::parse(text), Some(code));
        assert_eq!(code.to_string(), text);
    }
    assert_eq!(Code::parse("no-such-code"), None);
}

#[test]
fn a_diagnostic_writes_its_code_as_the_stable_text_and_reads_it_back() {
    for &code in Code::ALL {
        let diagnostic = Diagnostic {
            code,
            severity: Severity::Warning,
            pointer: "/credentials/0".into(),
            message: "m".into(),
            line: Some(1),
            column: Some(2),
        };
        let json = serde_json::to_value(&diagnostic).unwrap();
        assert_eq!(json["code"], code.as_str());
        let back: Diagnostic = serde_json::from_value(json).unwrap();
        assert_eq!(back, diagnostic);
    }
    let unknown = serde_json::json!({"code": "no-such-code", "severity": "error", "pointer": "",
        "message": "", "line": null, "column": null});
    assert!(serde_json::from_value::<Diagnostic>(unknown).is_err());
}

#[test]
fn every_code_is_documented() {
    let docs = documentation();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|text| !docs.contains(&format!("`{text}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from docs/feed-format.md and docs/interop.md: {missing:?}"
    );
}

#[test]
fn every_code_in_the_feed_formats_table_exists() {
    let docs = documentation();
    let table = docs
        .split("### Diagnostic codes")
        .nth(1)
        .expect("feed-format.md has a table of diagnostic codes");
    let rows: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with("| `"))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    assert!(rows.len() > 20, "{rows:?}");
    for text in rows {
        assert!(
            Code::parse(text).is_some(),
            "`{text}` is in the table but no code"
        );
    }
}
