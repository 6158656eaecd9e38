//! The core crates (stackway-feed, -engine, -layout, -interop and the stackway-core facade)
//! must stay pure and keep their boundaries. This test reads `cargo metadata` (for every
//! platform, wasm32 included) and fails when:
//!
//! - a web binding or an I/O crate appears among a core crate's normal dependencies (at any
//!   depth) or its direct dev-dependencies, so that the core tests natively, builds small for
//!   wasm32 and behaves the same in the widget, the CLI and the LTI tool;
//! - a core crate depends on another by an edge not in [`INTERNAL_EDGES`] (a dev-dependency may
//!   name the crate itself or what it may depend on), so that a new edge between the crates is
//!   a decision written here, not an accident;
//! - serde_json is a normal dependency of any core crate but stackway-interop, or is anywhere in
//!   the tree of the crates the widget's first module is made of (stackway-feed, -engine,
//!   -layout), so that no serde_json in them is a Cargo fact, not a linker outcome (the widget
//!   itself still has serde_json in its tree, through the facade's interop, which only its
//!   interop module runs); and serde itself is a normal dependency only of the crates whose
//!   types serialise.

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

/// The core crates, below the facade first.
const CORE_CRATES: &[&str] = &[
    "stackway-feed",
    "stackway-engine",
    "stackway-layout",
    "stackway-interop",
    "stackway-core",
];

/// Every allowed normal dependency of one core crate on another. The feed is the bottom: it
/// depends on no other core crate. The engine, the layout and interop each need the feed's model
/// and nothing of each other. The facade re-exports all four.
const INTERNAL_EDGES: &[(&str, &str)] = &[
    ("stackway-engine", "stackway-feed"),
    ("stackway-layout", "stackway-feed"),
    ("stackway-interop", "stackway-feed"),
    ("stackway-core", "stackway-feed"),
    ("stackway-core", "stackway-engine"),
    ("stackway-core", "stackway-layout"),
    ("stackway-core", "stackway-interop"),
];

/// The only core crate with serde_json as a normal dependency: the CTDL export, the JSON Schema
/// and `canonical::Json`'s conversions are built on it.
const SERDE_JSON_USERS: &[&str] = &["stackway-interop"];

/// The crates the widget's first module is made of: serde_json is nowhere in their tree.
const NO_SERDE_JSON_TREE: &[&str] = &["stackway-feed", "stackway-engine", "stackway-layout"];

/// The core crates whose types derive serde's traits (the feed model, the engine's results, the
/// badge reader's report) and so have serde as a normal dependency.
const SERDE_USERS: &[&str] = &["stackway-feed", "stackway-engine", "stackway-interop"];

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

    fn name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }

    /// The names of `root`'s direct dependencies of one kind.
    fn direct(&self, root: &str, kind: Dependency) -> BTreeSet<String> {
        self.deps
            .get(root)
            .into_iter()
            .flatten()
            .filter(|(_, k)| *k == kind)
            .map(|(dep, _)| self.name(dep))
            .collect()
    }

    /// Every crate reachable from `root` by normal dependencies that `wanted` accepts, with the
    /// path that reaches it (`a -> b -> c`).
    fn reachable(&self, root: &str, wanted: impl Fn(&str) -> bool) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut stack = vec![(root.to_owned(), vec![self.name(root)])];
        while let Some((id, path)) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            for (dep, kind) in self.deps.get(&id).into_iter().flatten() {
                if *kind != Dependency::Normal {
                    continue;
                }
                let mut dep_path = path.clone();
                dep_path.push(self.name(dep));
                if wanted(&self.name(dep)) {
                    found.insert(dep_path.join(" -> "));
                }
                stack.push((dep.clone(), dep_path));
            }
        }
        found
    }

    /// Every forbidden crate reachable from `root`, with the path that reaches it, and every
    /// forbidden direct dev-dependency.
    fn violations(&self, root: &str) -> Vec<String> {
        let root_name = self.name(root);
        // Direct dev-dependencies are checked too: tests must not need a browser or a network.
        let mut found: BTreeSet<String> = self
            .direct(root, Dependency::Dev)
            .into_iter()
            .filter(|dep| is_forbidden(dep))
            .map(|dep| format!("{root_name} -(dev)-> {dep}"))
            .collect();
        // Normal dependencies at any depth end up in the widget and the CLI.
        found.extend(self.reachable(root, is_forbidden));
        found.into_iter().collect()
    }

    /// Every edge between core crates that [`INTERNAL_EDGES`] does not allow. A dev-dependency
    /// may also name the crate itself (to turn its own features on in its tests).
    fn internal_edge_violations(&self, root: &str) -> Vec<String> {
        let from = self.name(root);
        let allowed = |to: &str| INTERNAL_EDGES.contains(&(from.as_str(), to));
        let mut found = Vec::new();
        for to in self.direct(root, Dependency::Normal) {
            if CORE_CRATES.contains(&to.as_str()) && !allowed(&to) {
                found.push(format!("{from} -> {to}"));
            }
        }
        for to in self.direct(root, Dependency::Dev) {
            if CORE_CRATES.contains(&to.as_str()) && to != from && !allowed(&to) {
                found.push(format!("{from} -(dev)-> {to}"));
            }
        }
        found
    }

    /// serde_json or serde as a normal dependency where they are not allowed.
    fn serde_violations(&self, root: &str) -> Vec<String> {
        let from = self.name(root);
        let direct = self.direct(root, Dependency::Normal);
        let mut found = BTreeSet::new();
        if direct.contains("serde_json") && !SERDE_JSON_USERS.contains(&from.as_str()) {
            found.insert(format!("{from} -> serde_json"));
        }
        if direct.contains("serde") && !SERDE_USERS.contains(&from.as_str()) {
            found.insert(format!("{from} -> serde"));
        }
        if NO_SERDE_JSON_TREE.contains(&from.as_str()) {
            found.extend(self.reachable(root, |name| name == "serde_json"));
        }
        found.into_iter().collect()
    }
}

fn workspace_graph() -> Graph {
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
    // The graph must be the real one: interop depends on the feed and on serde_json at least.
    let interop = graph
        .id_of("stackway-interop")
        .expect("stackway-interop is in the workspace");
    let direct = graph.direct(interop, Dependency::Normal);
    assert!(
        direct.contains("stackway-feed") && direct.contains("serde_json"),
        "cargo metadata did not show the core crates' dependencies"
    );
    graph
}

/// Runs `check` on every core crate and fails with everything it found.
fn assert_each_core_crate(what: &str, check: impl Fn(&Graph, &str) -> Vec<String>) {
    let graph = workspace_graph();
    let mut found = Vec::new();
    for name in CORE_CRATES {
        let id = graph
            .id_of(name)
            .unwrap_or_else(|| panic!("{name} is in the workspace"));
        found.extend(check(&graph, id));
    }
    assert!(found.is_empty(), "{what}:\n  {}", found.join("\n  "));
}

#[test]
fn core_depends_on_no_web_binding_and_no_io_crate() {
    assert_each_core_crate(
        "the core crates must not depend on web bindings or I/O crates",
        Graph::violations,
    );
}

#[test]
fn core_crates_depend_on_each_other_only_by_the_allowed_edges() {
    assert_each_core_crate(
        "an edge between core crates that INTERNAL_EDGES does not allow",
        Graph::internal_edge_violations,
    );
}

#[test]
fn only_interop_depends_on_serde_json() {
    assert_each_core_crate(
        "serde_json (or serde) where the core's boundaries do not allow it",
        Graph::serde_violations,
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

/// The checks of the boundaries must catch a new edge between core crates (normal or dev), and
/// serde_json or serde where they are not allowed, directly or deep in the tree.
#[test]
fn the_check_catches_new_edges_and_serde_json_outside_interop() {
    let metadata = serde_json::json!({
        "packages": [
            {"id": "feed", "name": "stackway-feed"},
            {"id": "engine", "name": "stackway-engine"},
            {"id": "layout", "name": "stackway-layout"},
            {"id": "interop", "name": "stackway-interop"},
            {"id": "core", "name": "stackway-core"},
            {"id": "helper", "name": "some-helper"},
            {"id": "serde", "name": "serde"},
            {"id": "serde_json", "name": "serde_json"}
        ],
        "resolve": {"nodes": [
            {"id": "feed", "deps": [{"pkg": "serde", "dep_kinds": [{"kind": null}]}]},
            {"id": "engine", "deps": [
                {"pkg": "feed", "dep_kinds": [{"kind": null}]},
                {"pkg": "engine", "dep_kinds": [{"kind": "dev"}]},
                {"pkg": "layout", "dep_kinds": [{"kind": null}]},
                {"pkg": "serde_json", "dep_kinds": [{"kind": "dev"}]}
            ]},
            {"id": "layout", "deps": [
                {"pkg": "feed", "dep_kinds": [{"kind": null}]},
                {"pkg": "serde", "dep_kinds": [{"kind": null}]},
                {"pkg": "helper", "dep_kinds": [{"kind": null}]},
                {"pkg": "interop", "dep_kinds": [{"kind": "dev"}]}
            ]},
            {"id": "interop", "deps": [
                {"pkg": "feed", "dep_kinds": [{"kind": null}]},
                {"pkg": "serde_json", "dep_kinds": [{"kind": null}]}
            ]},
            {"id": "core", "deps": [
                {"pkg": "interop", "dep_kinds": [{"kind": null}]},
                {"pkg": "serde_json", "dep_kinds": [{"kind": null}]}
            ]},
            {"id": "helper", "deps": [{"pkg": "serde_json", "dep_kinds": [{"kind": null}]}]},
            {"id": "serde", "deps": []},
            {"id": "serde_json", "deps": []}
        ]}
    });
    let graph = Graph::from_metadata(&metadata);
    let crates = ["feed", "engine", "layout", "interop", "core"];
    let edges: Vec<String> = crates
        .into_iter()
        .flat_map(|id| graph.internal_edge_violations(id))
        .collect();
    assert_eq!(
        edges,
        [
            "stackway-engine -> stackway-layout",
            "stackway-layout -(dev)-> stackway-interop"
        ]
    );
    let serde: Vec<String> = crates
        .into_iter()
        .flat_map(|id| graph.serde_violations(id))
        .collect();
    assert_eq!(
        serde,
        [
            // Deep in the tree of a crate of the widget's first module, and through a new edge.
            "stackway-engine -> stackway-layout -> some-helper -> serde_json",
            // serde where no type serialises, and serde_json through a helper.
            "stackway-layout -> serde",
            "stackway-layout -> some-helper -> serde_json",
            // A direct dependency outside interop.
            "stackway-core -> serde_json",
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
