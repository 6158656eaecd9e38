//! Data-driven snapshots: every feed under `tests/data/feeds/` is validated and its diagnostics
//! (and what was kept) are compared with the snapshot next to it in `tests/data/feeds/snapshots/`.
//! Add a broken feed there to add a case; run `cargo insta review` to accept new output.

use std::fmt::Write;
use std::path::Path;

use stackway_feed::{parse_feed, Requirement};

fn render(text: &str) -> String {
    let parsed = parse_feed(text);
    let mut out = String::new();
    for d in &parsed.diagnostics {
        let _ = writeln!(
            out,
            "{}:{} {:?} {} [{}] {}",
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.severity,
            d.code,
            d.pointer,
            d.message
        );
    }
    match &parsed.feed {
        None => out.push_str("kept: nothing\n"),
        Some(feed) => {
            let ids: Vec<String> = feed
                .credentials
                .iter()
                .map(|c| match &c.requires {
                    Some(r) => format!("{} <- {}", c.id, describe(r)),
                    None => c.id.clone(),
                })
                .collect();
            let _ = writeln!(out, "kept credentials: {}", ids.join(", "));
            let _ = writeln!(
                out,
                "kept equivalences: {}, pathways: {}",
                feed.equivalences.len(),
                feed.pathways.len()
            );
        }
    }
    out
}

fn describe(r: &Requirement) -> String {
    let list = |items: &[Requirement]| items.iter().map(describe).collect::<Vec<_>>().join(" ");
    match r {
        Requirement::Credential(id) => id.clone(),
        Requirement::All { all, .. } => format!("all({})", list(all)),
        Requirement::Any { any, .. } => format!("any({})", list(any)),
        Requirement::Choose { choose, from, .. } => format!("choose {choose}({})", list(from)),
        Requirement::Credits { credits, from, .. } => {
            format!("credits {credits}({})", from.join(" "))
        }
    }
}

#[test]
fn broken_feed_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/feeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "the corpus has {} feeds", paths.len());
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let rendered = render(&text);
        // Every broken feed must produce at least one diagnostic: a corpus entry that validates
        // clean would be testing nothing.
        assert!(
            !parse_feed(&text).diagnostics.is_empty(),
            "{name} produced no diagnostic"
        );
        insta::with_settings!({
            snapshot_path => dir.join("snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, rendered);
        });
    }
}
