//! stackway-core must stay pure: no web bindings and no I/O in its dependency tree, so that it
//! tests natively, builds small for wasm32 and behaves the same in the widget, the CLI and the
//! LTI tool. This test reads `cargo metadata` (for every platform, wasm32 included) and fails
//! when a forbidden crate appears among core's normal dependencies (at any depth) or its direct
//! dev-dependencies.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

/// Crates that bind to the browser or do I/O (network, async runtimes, HTTP, file watching).
/// A name ending in `*` forbids every crate with that prefix.
const FORBIDDEN: &[&str] = &[
    "wasm-bindgen*",
    "web-sys",
    "js-sys",
    "yew*",
    "gloo*",
    "tokio*",
    "async-std",
    "smol",
    "mio",
    "socket2",
    "reqwest",
    "ureq",
    "hyper*",
    "h2",
    "http-body*",
    "isahc",
    "curl",
    "surf",
    "attohttpc",
    "axum*",
    "tower*",
    "notify",
];

const CORE: &str = "stackway-core";

fn is_forbidden(name: &str) -> bool {
    FORBIDDEN
        .iter()
        .any(|pattern| match pattern.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => name == *pattern,
        })
}

/// The dependency graph from `cargo metadata`: for each package id, its name and its
/// dependencies with whether each is a normal (non-dev, non-build) dependency.
struct Graph {
    names: BTreeMap<String, String>,
    deps: BTreeMap<String, Vec<(String, Dependency)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dependency {
    Normal,
    Dev,
    Build,
}

impl Graph {
    fn from_metadata(metadata: &Value) -> Graph {
        let mut names = BTreeMap::new();
        for package in metadata["packages"].as_array().into_iter().flatten() {
            if let (Some(id), Some(name)) = (package["id"].as_str(), package["name"].as_str()) {
                names.insert(id.to_owned(), name.to_owned());
            }
        }
        let mut deps = BTreeMap::new();
        for node in metadata["resolve"]["nodes"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let Some(id) = node["id"].as_str() else {
                continue;
            };
            let mut edges = Vec::new();
            for dep in node["deps"].as_array().into_iter().flatten() {
                let Some(dep_id) = dep["pkg"].as_str() else {
                    continue;
                };
                for kind in dep["dep_kinds"].as_array().into_iter().flatten() {
                    let kind = match kind["kind"].as_str() {
                        None => Dependency::Normal,
                        Some("dev") => Dependency::Dev,
                        Some(_) => Dependency::Build,
                    };
                    edges.push((dep_id.to_owned(), kind));
                }
            }
            deps.insert(id.to_owned(), edges);
        }
        Graph { names, deps }
    }

    fn id_of(&self, name: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|(_, n)| n.as_str() == name)
            .map(|(id, _)| id.as_str())
    }

    /// Every forbidden crate reachable from `root`, with the path that reaches it.
    fn violations(&self, root: &str) -> Vec<String> {
        let mut found = BTreeSet::new();
        let name = |id: &str| self.names.get(id).cloned().unwrap_or_else(|| id.to_owned());
        // Direct dev-dependencies are checked too: tests must not need a browser or a network.
        for (dep, kind) in self.deps.get(root).into_iter().flatten() {
            if *kind == Dependency::Dev && is_forbidden(&name(dep)) {
                found.insert(format!("{CORE} -(dev)-> {}", name(dep)));
            }
        }
        // Normal dependencies at any depth end up in the widget and the CLI.
        let mut seen = BTreeSet::new();
        let mut stack = vec![(root.to_owned(), vec![name(root)])];
        while let Some((id, path)) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            for (dep, kind) in self.deps.get(&id).into_iter().flatten() {
                if *kind != Dependency::Normal {
                    continue;
                }
                let mut dep_path = path.clone();
                dep_path.push(name(dep));
                if is_forbidden(&name(dep)) {
                    found.insert(dep_path.join(" -> "));
                }
                stack.push((dep.clone(), dep_path));
            }
        }
        found.into_iter().collect()
    }
}

#[test]
fn core_depends_on_no_web_binding_and_no_io_crate() {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--manifest-path",
            manifest,
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata JSON");
    let graph = Graph::from_metadata(&metadata);
    let core = graph
        .id_of(CORE)
        .expect("stackway-core is in the workspace");
    // The graph must be the real one: core depends on serde at least.
    assert!(
        graph.deps[core]
            .iter()
            .any(|(dep, _)| graph.names[dep] == "serde"),
        "cargo metadata did not show core's dependencies"
    );
    let violations = graph.violations(core);
    assert!(
        violations.is_empty(),
        "stackway-core must not depend on web bindings or I/O crates:\n  {}",
        violations.join("\n  ")
    );
}

/// The check itself must catch a forbidden crate deep in the tree and a forbidden dev-dependency.
#[test]
fn the_check_catches_transitive_and_dev_dependencies() {
    let metadata = serde_json::json!({
        "packages": [
            {"id": "core", "name": "stackway-core"},
            {"id": "serde", "name": "serde"},
            {"id": "helper", "name": "some-helper"},
            {"id": "tokio", "name": "tokio"},
            {"id": "gloo-net", "name": "gloo-net"},
            {"id": "cc", "name": "cc"},
            {"id": "hyper", "name": "hyper"}
        ],
        "resolve": {"nodes": [
            {"id": "core", "deps": [
                {"pkg": "serde", "dep_kinds": [{"kind": null}]},
                {"pkg": "helper", "dep_kinds": [{"kind": null}]},
                {"pkg": "gloo-net", "dep_kinds": [{"kind": "dev"}]},
                {"pkg": "cc", "dep_kinds": [{"kind": "build"}]}
            ]},
            {"id": "helper", "deps": [{"pkg": "tokio", "dep_kinds": [{"kind": null}]}]},
            {"id": "cc", "deps": [{"pkg": "hyper", "dep_kinds": [{"kind": null}]}]},
            {"id": "serde", "deps": []},
            {"id": "tokio", "deps": []},
            {"id": "gloo-net", "deps": []},
            {"id": "hyper", "deps": []}
        ]}
    });
    let graph = Graph::from_metadata(&metadata);
    assert_eq!(
        graph.violations("core"),
        vec![
            "stackway-core -(dev)-> gloo-net".to_owned(),
            "stackway-core -> some-helper -> tokio".to_owned(),
        ]
    );
}

#[test]
fn patterns_match_whole_names_or_prefixes() {
    assert!(is_forbidden("wasm-bindgen-futures"));
    assert!(is_forbidden("web-sys"));
    assert!(is_forbidden("gloo-timers"));
    assert!(is_forbidden("tokio-util"));
    assert!(!is_forbidden("serde_json"));
    assert!(!is_forbidden("petgraph"));
}
