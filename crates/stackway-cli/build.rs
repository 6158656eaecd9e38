//! With the `embedded-site` feature (set by `cargo xtask dist`), compiles the folder named by
//! `STACKWAY_SITE_DIR` (the widget, its loader, the demo and builder pages, the sample feed)
//! into the binary: writes `$OUT_DIR/embedded_site.rs`, a sorted list of
//! `EmbeddedFile { path, bytes: include_bytes!(…), etag }`. Without the feature the list is
//! empty, and normal builds read nothing and stay as fast as before.
//!
//! A build script rather than a derive macro: it tells cargo to rebuild when a file is added,
//! removed or changed in the folder, or when the variable names another folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=STACKWAY_SITE_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::from("&[\n");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_SITE").is_some() {
        let Some(dir) = std::env::var_os("STACKWAY_SITE_DIR").map(PathBuf::from) else {
            panic!(
                "the embedded-site feature needs STACKWAY_SITE_DIR, the folder to compile in \
                 (cargo xtask dist sets it)"
            );
        };
        let dir = dir
            .canonicalize()
            .unwrap_or_else(|e| panic!("STACKWAY_SITE_DIR {}: {e}", dir.display()));
        let mut files = Vec::new();
        walk(&dir, &dir, &mut files);
        files.sort();
        for (path, absolute) in files {
            let bytes = std::fs::read(&absolute)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", absolute.display()));
            // FNV-1a of the content: a strong validator that changes with the file.
            let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
            let _ = writeln!(
                code,
                "    EmbeddedFile {{ path: {path:?}, bytes: include_bytes!({:?}), etag: \"\\\"{hash:016x}\\\"\" }},",
                absolute.display().to_string()
            );
        }
    }
    code.push(']');
    std::fs::write(out.join("embedded_site.rs"), code).expect("cannot write embedded_site.rs");
}

/// Every file under `dir` as (path relative to `root` with `/`, absolute path); asks cargo to
/// rerun when any folder's entries or any file change.
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            let relative = path
                .strip_prefix(root)
                .expect("under the root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((relative, path));
        }
    }
}
