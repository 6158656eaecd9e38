//! The widget's files for a static host or a CDN: one flat folder (`pkg/widget/`) in which every
//! file is named by a hash of its content (`stackway.3f9a0c1d2e.js`), so that hosts can cache
//! each one for a year and a new build never meets an old file under the same name; and
//! `integrity.json`, the Subresource Integrity hash of each file, which embed snippets put in
//! their `integrity` attribute.
//!
//! The files refer to one another (the loader imports the JS glue, which fetches the
//! WebAssembly, and so on). A reference is a string literal in a module-specifier or URL
//! position (`from "…"`, `import("…")`, `new URL("…", import.meta.url)`, `fetch("…")`) that
//! resolves, from the referring file's place in the build, to another file of the widget; it is
//! rewritten to the other file's new name. Other literals are left alone: the JS glue also
//! names `"./__wasm_split.js"` as the WebAssembly's import namespace, which must not change.
//!
//! A file's name hashes its own content and the new names of the files it refers to, so that a
//! change anywhere renames every file that leads to it. The JS glue and the split-link script
//! import each other; files that refer to one another in a circle share one hash, of all their
//! contents together (Tarjan's strongly connected components, taken leaves first).

use anyhow::{anyhow, Context as _};
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the build writes the folder, relative to the repository root.
pub const OUT_DIR: &str = "pkg/widget";

/// The file mapping each new name to its SRI hash, and naming the loader.
pub const INTEGRITY: &str = "integrity.json";

/// The embed loader as pages load it (`<script type="module" src=".../www/stackway.js">`), the
/// build's minified `www/src/stackway.js`, relative to the repository root: the entry point of
/// the folder. Defined here, not in `build.rs`, so that the build imports this module and not
/// the other way round.
pub const LOADER: &str = "www/stackway.js";

/// The widget's files, relative to the repository root: the loader, and what the build wrote to
/// `pkg/` except type declarations, npm metadata, compressed siblings and the studio.
pub fn widget_files(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut files = vec![LOADER.to_owned()];
    let mut found = Vec::new();
    walk(&root.join("pkg"), &mut found)?;
    for path in found {
        let relative = relative_slash(root, &path)?;
        let skipped = relative.starts_with("pkg/studio/")
            || relative.starts_with(&format!("{OUT_DIR}/"))
            || [".d.ts", ".br", ".gz", "package.json", ".gitignore"]
                .iter()
                .any(|end| relative.ends_with(end));
        if !skipped {
            files.push(relative);
        }
    }
    files.sort();
    Ok(files)
}

/// One file of the folder: its name there, its bytes, its SRI hash.
pub struct Fingerprinted {
    pub name: String,
    pub bytes: Vec<u8>,
    pub integrity: String,
}

/// Writes the content-hashed folder and its `integrity.json` into `root/`[`OUT_DIR`] (replacing
/// it), and returns the loader's new name.
pub fn write(root: &Path) -> anyhow::Result<String> {
    let files = widget_files(root)?;
    let mut contents = BTreeMap::new();
    for file in &files {
        let bytes =
            std::fs::read(root.join(file)).with_context(|| format!("cannot read {file}"))?;
        contents.insert(file.clone(), bytes);
    }
    let renamed = fingerprint(&contents)?;
    let out = root.join(OUT_DIR);
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    for file in renamed.values() {
        std::fs::write(out.join(&file.name), &file.bytes)
            .with_context(|| format!("cannot write {OUT_DIR}/{}", file.name))?;
    }
    let loader = renamed[LOADER].name.clone();
    std::fs::write(out.join(INTEGRITY), integrity_json(&loader, &renamed))
        .with_context(|| format!("cannot write {OUT_DIR}/{INTEGRITY}"))?;
    Ok(loader)
}

/// `{"loader": NAME, "files": {NAME: "sha384-…", …}}`, names sorted.
pub fn integrity_json(loader: &str, renamed: &BTreeMap<String, Fingerprinted>) -> String {
    let files: serde_json::Map<String, serde_json::Value> = renamed
        .values()
        .map(|f| (f.name.clone(), f.integrity.clone().into()))
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    let document = serde_json::json!({ "loader": loader, "files": files });
    serde_json::to_string_pretty(&document).expect("a JSON value always serialises") + "\n"
}

/// The new name, rewritten bytes and SRI hash of each file (keyed by its path in the build).
pub fn fingerprint(
    contents: &BTreeMap<String, Vec<u8>>,
) -> anyhow::Result<BTreeMap<String, Fingerprinted>> {
    let paths: Vec<&String> = contents.keys().collect();
    let index = |path: &str| paths.iter().position(|p| p.as_str() == path);
    // Each file's references: (byte range of the literal's text, index of the file it names).
    let references: Vec<Vec<(std::ops::Range<usize>, usize)>> = paths
        .iter()
        .map(|path| {
            references_in(path, &contents[path.as_str()])
                .into_iter()
                .filter_map(|(range, target)| index(&target).map(|i| (range, i)))
                .collect()
        })
        .collect();
    let edges: Vec<Vec<usize>> = references
        .iter()
        .map(|refs| refs.iter().map(|(_, target)| *target).collect())
        .collect();
    let stems = flat_stems(&paths)?;
    let mut names: Vec<Option<String>> = vec![None; paths.len()];
    // Tarjan gives the components leaves first: every file a component refers to outside
    // itself is named before it.
    for component in strongly_connected(&edges) {
        let mut hasher = Sha256::new();
        for &member in &component {
            hasher.update(paths[member].as_bytes());
            hasher.update(&contents[paths[member].as_str()]);
            for &target in &edges[member] {
                if let Some(name) = &names[target] {
                    hasher.update(name.as_bytes());
                }
            }
        }
        let hash = hex(&hasher.finalize()[..5]);
        for &member in &component {
            let (stem, extension) = &stems[member];
            names[member] = Some(format!("{stem}.{hash}.{extension}"));
        }
    }
    let names: Vec<String> = names.into_iter().map(Option::unwrap_or_default).collect();
    let mut out = BTreeMap::new();
    for (i, path) in paths.iter().enumerate() {
        let bytes = rewrite(&contents[path.as_str()], &references[i], &names);
        let integrity = format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))
        );
        out.insert(
            (*path).clone(),
            Fingerprinted {
                name: names[i].clone(),
                bytes,
                integrity,
            },
        );
    }
    Ok(out)
}

/// The literals of a JS file that name another file, resolved from `path`'s folder: (byte range
/// of the literal's text without its quotes, resolved path). Other files refer to nothing.
fn references_in(path: &str, bytes: &[u8]) -> Vec<(std::ops::Range<usize>, String)> {
    if !path.ends_with(".js") {
        return Vec::new();
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
    let mut found = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !matches!(c, '"' | '\'' | '`') {
            continue;
        }
        let mut end = None;
        let mut escaped = false;
        for (i, d) in rest.by_ref() {
            if escaped {
                escaped = false;
            } else if d == '\\' {
                escaped = true;
            } else if d == c {
                end = Some(i);
                break;
            }
        }
        let Some(end) = end else { break };
        let literal = &text[start + 1..end];
        if in_reference_position(&text[..start]) && is_relative(literal) {
            if let Some(target) = resolve(folder, literal) {
                found.push((start + 1..end, target));
            }
        }
    }
    found
}

/// Whether a literal after `before` is a module specifier or a URL the script loads.
fn in_reference_position(before: &str) -> bool {
    let before = before.trim_end();
    ["from", "import", "import(", "URL(", "fetch("]
        .iter()
        .any(|keyword| before.ends_with(keyword))
}

fn is_relative(literal: &str) -> bool {
    !literal.is_empty()
        && !literal.contains("://")
        && !literal.starts_with('/')
        && !literal.contains(['$', '?', '#'])
}

/// `literal` resolved from `folder` (both with `/`), or `None` if it climbs above the root.
fn resolve(folder: &str, literal: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in literal.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            name => parts.push(name),
        }
    }
    Some(parts.join("/"))
}

/// Each file's name in the flat folder without its hash: its own stem and extension, or, when
/// two files share a stem and an extension (the loader `www/stackway.js` and the glue
/// `pkg/stackway.js`), the later one's folder name in front (`pkg-stackway`).
fn flat_stems(paths: &[&String]) -> anyhow::Result<Vec<(String, String)>> {
    let mut taken: Vec<(String, String)> = Vec::new();
    // The loader keeps the plain name: it is the one embed snippets show.
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by_key(|&i| paths[i].as_str() != LOADER);
    let mut stems = vec![(String::new(), String::new()); paths.len()];
    for i in order {
        let path = paths[i].as_str();
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        let (stem, extension) = name
            .split_once('.')
            .ok_or_else(|| anyhow!("{path} has no extension"))?;
        let mut candidate = (stem.to_owned(), extension.to_owned());
        if taken.contains(&candidate) {
            let parent = folder.rsplit('/').next().unwrap_or("root");
            candidate.0 = format!("{parent}-{stem}");
        }
        if taken.contains(&candidate) {
            return Err(anyhow!(
                "two widget files would share the name {}.{}",
                candidate.0,
                candidate.1
            ));
        }
        taken.push(candidate.clone());
        stems[i] = candidate;
    }
    Ok(stems)
}

fn rewrite(
    bytes: &[u8],
    references: &[(std::ops::Range<usize>, usize)],
    names: &[String],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for (range, target) in references {
        out.extend_from_slice(&bytes[at..range.start]);
        out.extend_from_slice(format!("./{}", names[*target]).as_bytes());
        at = range.end;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// Tarjan's algorithm: the strongly connected components of the graph, each after every
/// component it has an edge to. Recursion depth is the number of files (a dozen).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct Walk<'a> {
        edges: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        components: Vec<Vec<usize>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for &w in &self.edges[v] {
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(index) if self.on_stack[w] => self.low[v] = self.low[v].min(index),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                self.components.push(component);
            }
        }
    }
    let n = edges.len();
    let mut walk = Walk {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        components: Vec::new(),
    };
    for v in 0..n {
        if walk.index[v].is_none() {
            walk.visit(v);
        }
    }
    walk.components
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file under `dir`, recursively (in no particular order).
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// `path` relative to `root`, with `/` between its parts.
pub fn relative_slash(root: &Path, path: &Path) -> anyhow::Result<String> {
    let relative = path
        .strip_prefix(root)
        .with_context(|| format!("{} is outside {}", path.display(), root.display()))?;
    Ok(relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(files: &[(&str, &str)]) -> BTreeMap<String, Fingerprinted> {
        let contents = files
            .iter()
            .map(|(path, text)| ((*path).to_owned(), text.as_bytes().to_vec()))
            .collect();
        fingerprint(&contents).unwrap()
    }

    /// The build's shape: the loader, the glue and the split-link script importing each other,
    /// the glue naming the split script as an import namespace too, the two WebAssembly files.
    const BUILD: &[(&str, &str)] = &[
        (
            "www/stackway.js",
            r#"const a=new URL("../pkg/stackway.js",import.meta.url),b=new URL('../pkg/stackway_bg.wasm',import.meta.url);"#,
        ),
        (
            "pkg/stackway.js",
            r#"import*as j from"./__wasm_split.js";const i={"./__wasm_split.js":j};new URL("stackway_bg.wasm",import.meta.url)"#,
        ),
        (
            "pkg/__wasm_split.js",
            r#"import{initSync as d}from"./stackway.js";fetch(new URL("./split_later.wasm",import.meta.url))"#,
        ),
        ("pkg/stackway_bg.wasm", "\0asm first"),
        ("pkg/split_later.wasm", "\0asm later"),
    ];

    fn text(out: &BTreeMap<String, Fingerprinted>, path: &str) -> String {
        String::from_utf8(out[path].bytes.clone()).unwrap()
    }

    #[test]
    fn references_are_rewritten_to_the_new_names_and_import_namespaces_are_not() {
        let out = build(BUILD);
        let name = |path: &str| out[path].name.clone();
        assert!(
            name("www/stackway.js").starts_with("stackway."),
            "{}",
            name("www/stackway.js")
        );
        assert!(name("pkg/stackway.js").starts_with("pkg-stackway."));
        let loader = text(&out, "www/stackway.js");
        assert!(
            loader.contains(&format!("\"./{}\"", name("pkg/stackway.js"))),
            "{loader}"
        );
        assert!(
            loader.contains(&format!("'./{}'", name("pkg/stackway_bg.wasm"))),
            "{loader}"
        );
        let glue = text(&out, "pkg/stackway.js");
        assert!(
            glue.contains(&format!("from\"./{}\"", name("pkg/__wasm_split.js"))),
            "{glue}"
        );
        assert!(glue.contains(r#"{"./__wasm_split.js":j}"#), "{glue}");
        assert!(glue.contains(&format!("URL(\"./{}\"", name("pkg/stackway_bg.wasm"))));
        let split = text(&out, "pkg/__wasm_split.js");
        assert!(
            split.contains(&format!("from\"./{}\"", name("pkg/stackway.js"))),
            "{split}"
        );
        assert!(split.contains(&name("pkg/split_later.wasm")));
    }

    #[test]
    fn a_change_in_a_file_renames_it_and_every_file_that_leads_to_it_only() {
        let before = build(BUILD);
        let mut changed = BUILD.to_vec();
        changed[4].1 = "\0asm later, rebuilt";
        let after = build(&changed);
        let renamed = |path: &str| before[path].name != after[path].name;
        assert!(renamed("pkg/split_later.wasm"));
        assert!(renamed("pkg/__wasm_split.js") && renamed("pkg/stackway.js"));
        assert!(renamed("www/stackway.js"));
        assert!(!renamed("pkg/stackway_bg.wasm"));
        // Files in a circle share their hash.
        let hash = |name: &str| name.split('.').nth(1).unwrap().to_owned();
        assert_eq!(
            hash(&after["pkg/stackway.js"].name),
            hash(&after["pkg/__wasm_split.js"].name)
        );
    }

    #[test]
    fn integrity_is_the_sha384_of_the_bytes_written() {
        let out = build(BUILD);
        let file = &out["pkg/stackway_bg.wasm"];
        // sha384 of "\0asm first", computed independently with `openssl dgst -sha384 -binary | base64`.
        assert_eq!(
            file.integrity,
            "sha384-N29dO7Gt5dD7MeXU3Pj68y8szqDuOcOeM/I/d/uP3YVss8zw/PvxY1Hy4xBsOq0Z"
        );
        let json: serde_json::Value =
            serde_json::from_str(&integrity_json(&out["www/stackway.js"].name, &out)).unwrap();
        assert_eq!(json["loader"], out["www/stackway.js"].name.as_str());
        assert_eq!(json["files"][&file.name], file.integrity.as_str());
    }
}
