//! Building the widget (cargo on the size-first nightly, wasm-split-cli, wasm-bindgen, then
//! binaryen's wasm-opt) and the `stackway` binary.

use anyhow::{anyhow, Context as _};
use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::prereq::Prereq;
use crate::setup;

/// What building the widget needs installed.
pub const WIDGET_NEEDS: &[Prereq] = &[
    Prereq::WasmTarget,
    Prereq::SizeToolchain,
    Prereq::WasmBindgenCli,
    Prereq::WasmSplitCli,
    Prereq::NodePackages,
];

/// The widget's WebAssembly after the build.
pub const WASM: &str = "pkg/stackway_bg.wasm";

/// Installs what is missing (at the same time, see [`setup::ensure_concurrently`]), then builds
/// the widget. The compilers come first (about a minute with rustup); the widget then compiles
/// while the tools that only process its output (the split tool, wasm-bindgen, wasm-opt) are
/// still installing, so that on a fresh machine the two longest waits overlap.
pub fn widget_with_setup(cx: &mut Context) -> anyhow::Result<()> {
    let (compilers, tools): (Vec<Prereq>, Vec<Prereq>) = WIDGET_NEEDS
        .iter()
        .copied()
        .partition(|prereq| matches!(prereq, Prereq::WasmTarget | Prereq::SizeToolchain));
    setup::ensure_concurrently(cx, &compilers)?;
    cx.concurrently(vec![
        Box::new(compile_widget),
        Box::new(move |cx| setup::ensure_concurrently(cx, &tools)),
    ])?;
    widget(cx)
}

/// Builds the release widget into `pkg/` (once per run): the widget split in three modules (see
/// [`split_widget`]), each through `wasm-opt -Oz`; last, the content-hashed copy of it all in
/// `pkg/widget/` with `integrity.json` (see `fingerprint.rs`).
pub fn widget(cx: &mut Context) -> anyhow::Result<()> {
    if cx.widget_built {
        return Ok(());
    }
    split_widget(cx)?;
    minify(cx)?;
    precompress(cx)?;
    let loader = crate::fingerprint::write(&cx.root)?;
    cx.progress(
        "build",
        &format!(
            "content-hashed copy for static hosts: {}/{loader} and {}",
            crate::fingerprint::OUT_DIR,
            crate::fingerprint::INTEGRITY
        ),
    );
    cx.widget_built = true;
    Ok(())
}

/// The widget's first module, and the link script the split tool writes next to it: the JS glue
/// imports it, and it fetches the second module on demand.
pub const SPLIT_LINK_JS: &str = "pkg/__wasm_split.js";

/// The widget's second module (the views after the first screen; its split point is in
/// src/later.rs).
pub const LATER_WASM: &str = "pkg/split_later.wasm";

/// The widget's interop module: stackway-core's CTDL import and badge reader, fetched only for
/// a JSON-LD feed or "Add my badges" (its split point is in src/interop_split.rs; the embed
/// loader starts fetching it when the feed's first bytes are JSON-LD).
pub const INTEROP_WASM: &str = "pkg/split_interop.wasm";

/// Builds the widget in three WebAssembly modules:
/// 1. `cargo build --features split` on the size-first toolchain, with relocations kept
///    (`--emit-relocs`) so that the split tool can move code between modules;
/// 2. `wasm-split-cli` cuts the module at the `#[wasm_split]` points: the first module, the
///    later views' ([`LATER_WASM`]), the interop module ([`INTEROP_WASM`]), a chunk for code
///    that only several split points share (renamed after them, see [`name_chunks`]), and the
///    script that links them ([`SPLIT_LINK_JS`]);
/// 3. `wasm-bindgen --target web` makes the JS glue of the first module;
/// 4. `wasm-opt -Oz` on every module.
fn split_widget(cx: &mut Context) -> anyhow::Result<()> {
    // Already done by `widget_with_setup` when it ran; cargo then finds it up to date.
    compile_widget(cx)?;
    let built = cx
        .target_dir()
        .join("wasm32-unknown-unknown/release/stackway.wasm");
    let split_dir = cx.target_dir().join("wasm-split");
    let _ = std::fs::remove_dir_all(&split_dir);
    cx.progress(
        "build",
        "splitting it: wasm-split-cli (first screen / later views / interop)",
    );
    let mut command = cx.command(setup::WASM_SPLIT_CLI);
    command
        .arg(&built)
        .arg(&split_dir)
        .args(["--target", "web", "--out-name", "stackway"]);
    cx.run(command)?;

    let pkg = cx.root.join("pkg");
    let _ = std::fs::remove_dir_all(&pkg);
    std::fs::create_dir_all(&pkg).with_context(|| format!("cannot create {}", pkg.display()))?;
    cx.progress("build", "generating the JS glue: wasm-bindgen --target web");
    // `--keep-lld-exports`: the second module imports the function table, which wasm-bindgen
    // would otherwise stop exporting.
    let mut command = cx.command("wasm-bindgen");
    command
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--out-name",
            "stackway",
        ])
        .arg("--out-dir")
        .arg(&pkg)
        .arg(split_dir.join("stackway.wasm"));
    cx.run(command)?;
    name_chunks(&split_dir)?;
    for file in [SPLIT_LINK_JS, LATER_WASM, INTEROP_WASM] {
        let name = file.trim_start_matches("pkg/");
        std::fs::copy(split_dir.join(name), cx.root.join(file)).with_context(|| {
            format!("wasm-split-cli did not write {name} (is the split point still there?)")
        })?;
    }
    let chunks = chunks_in(&split_dir)?;
    for chunk in &chunks {
        std::fs::copy(split_dir.join(chunk), cx.root.join("pkg").join(chunk))
            .with_context(|| format!("cannot copy {chunk} into pkg/"))?;
    }
    check_interop_preloads(cx, &chunks)?;
    // wasm-opt is single-threaded: the first module on one core, the others on the second.
    let others: Vec<String> = [LATER_WASM, INTEROP_WASM]
        .into_iter()
        .map(str::to_owned)
        .chain(chunks.iter().map(|chunk| format!("pkg/{chunk}")))
        .collect();
    cx.concurrently(vec![
        Box::new(|cx| optimise(cx, WASM)),
        Box::new(move |cx| others.iter().try_for_each(|file| optimise(cx, file))),
    ])
}

/// `cargo build` of the widget for wasm32 on the size-first nightly, with the split points.
fn compile_widget(cx: &mut Context) -> anyhow::Result<()> {
    cx.progress(
        "build",
        "building the widget: cargo build --release --features split (size-first nightly)",
    );
    let mut command = size_first(cx, "cargo", "-Clink-args=--emit-relocs");
    command.args([
        "build",
        "--lib",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "split",
    ]);
    command.args(BUILD_STD_ARGS);
    cx.run(command)
}

/// Renames each shared chunk from wasm-split-cli's `chunk_N.wasm` (N is an index that changes
/// whenever the modules do) to `chunk_` + the split points that share it (`chunk_interop_later.wasm`),
/// in the link script too: the embed loader preloads the interop module's files by name (see
/// [`check_interop_preloads`]). The link script names each chunk's split points in the comment
/// before its loader (`/* interop, later */`).
fn name_chunks(dir: &Path) -> anyhow::Result<()> {
    let link = dir.join(SPLIT_LINK_JS.trim_start_matches("pkg/"));
    let mut script = std::fs::read_to_string(&link)
        .with_context(|| format!("cannot read {}", link.display()))?;
    for chunk in chunks_in(dir)? {
        let literal = format!("\"./{chunk}\"");
        let at = script
            .find(&literal)
            .ok_or_else(|| anyhow!("the link script does not name {chunk}"))?;
        let splits = script[..at]
            .rfind("/* ")
            .and_then(|start| {
                let rest = &script[start + 3..at];
                rest.find(" */").map(|end| &rest[..end])
            })
            .ok_or_else(|| {
                anyhow!("the link script does not say which split points share {chunk}")
            })?;
        let mut names: Vec<&str> = splits.split(',').map(str::trim).collect();
        names.sort_unstable();
        let renamed = format!("chunk_{}.wasm", names.join("_"));
        std::fs::rename(dir.join(&chunk), dir.join(&renamed))
            .with_context(|| format!("cannot rename {chunk}"))?;
        script = script.replace(&literal, &format!("\"./{renamed}\""));
    }
    std::fs::write(&link, script).with_context(|| format!("cannot write {}", link.display()))
}

/// Fails unless the embed loader ([`LOADER_SOURCE`]) preloads every file the interop module
/// needs (it and each chunk it shares), as `new URL('../pkg/FILE', import.meta.url)`: a CTDL
/// feed's first render waits for all of them, and a file the loader does not start early is
/// fetched only after the first module is in, a round trip later.
fn check_interop_preloads(cx: &Context, chunks: &[String]) -> anyhow::Result<()> {
    let loader = std::fs::read_to_string(cx.root.join(LOADER_SOURCE))
        .with_context(|| format!("cannot read {LOADER_SOURCE}"))?;
    let needed = std::iter::once(INTEROP_WASM.trim_start_matches("pkg/")).chain(
        chunks
            .iter()
            .map(String::as_str)
            .filter(|chunk| chunk.contains("interop")),
    );
    let missing: Vec<&str> = needed
        .filter(|file| !loader.contains(&format!("new URL('../pkg/{file}', import.meta.url)")))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(anyhow!(
            "{LOADER_SOURCE} does not preload {} (the interop module's files as this build \
             split them: add them to INTEROP_URLS)",
            missing.join(", ")
        ))
    }
}

/// The shared chunks wasm-split-cli wrote (`chunk_N.wasm`: code that several split points
/// reach and the first module does not), sorted.
fn chunks_in(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut chunks: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("chunk_") && name.ends_with(".wasm"))
        .collect();
    chunks.sort();
    Ok(chunks)
}

/// The shared chunks in `pkg/` after the build, as paths relative to the repository root.
pub fn chunk_files(root: &Path) -> Vec<String> {
    chunks_in(&root.join("pkg"))
        .unwrap_or_default()
        .into_iter()
        .map(|chunk| format!("pkg/{chunk}"))
        .collect()
}

/// Cargo options: the standard library is rebuilt
/// with the release profile (size first), with std's `optimize_for_size` feature (smaller
/// sorting and formatting code).
const BUILD_STD_ARGS: &[&str] = &[
    "-Z",
    "build-std=std,panic_abort",
    "-Z",
    "build-std-features=optimize_for_size",
];

/// `program` (cargo) on the pinned nightly ([`setup::SIZE_TOOLCHAIN`]) for the wasm32 target only:
/// panics abort at once, without formatting a message (the release profile already aborts on
/// panic, and a message is never shown in the widget), and panic locations are left out. The
/// flags go to the wasm32 target alone, so build scripts and proc-macros build as usual.
///
/// Generics are not shared between crates (`-Zshare-generics=n`; rustc shares them by default
/// at `opt-level = "z"`): each crate then has its own copies of the generic functions it uses,
/// which the whole-program LTO of the release build inlines or merges as it sees fit, instead
/// of calls to another crate's copy that it must keep. On 2026-12-04 this took the first
/// download from 157.7 to 151.7 KiB brotli, the later views' module from 125.0 to 115.4 KiB and
/// the interop module from 55.9 to 52.8 KiB (docs/benchmarks.md, "Bundle size").
fn size_first(cx: &Context, program: &str, extra_flags: &str) -> std::process::Command {
    let mut command = cx.command(program);
    command.env("RUSTUP_TOOLCHAIN", setup::SIZE_TOOLCHAIN).env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        format!(
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none \
             -Zshare-generics=n {extra_flags}"
        )
        .trim_end(),
    );
    command
}

/// `wasm-opt -Oz --low-memory-unused --converge` in place, stripping what a browser does not need.
fn optimise(cx: &mut Context, file: &str) -> anyhow::Result<()> {
    let wasm = cx.root.join(file);
    let before = file_size(&wasm)?;
    cx.progress(
        "build",
        &format!("optimising {file} for size: wasm-opt -Oz"),
    );
    let mut command = cx.command("node");
    command
        .arg(setup::wasm_opt_path(cx))
        .arg("-Oz")
        // Rust's wasm32 modules put the stack first, so the lowest KiB of memory is the far end
        // of a 1 MiB stack and never holds data: binaryen may then fold small constant additions
        // into load and store offsets (−1.0 KiB brotli on the first download).
        .arg("--low-memory-unused")
        // Repeats the passes until the module stops shrinking (−0.3 KiB brotli on the first
        // download, a few seconds more per module).
        .arg("--converge")
        .args([
            "--strip-debug",
            "--strip-producers",
            "--strip-target-features",
        ])
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm);
    cx.run(command)?;
    let after = file_size(&wasm)?;
    cx.progress(
        "build",
        &format!("built: {file} {before} → {after} bytes after wasm-opt"),
    );
    Ok(())
}

/// The widget's stylesheet as the loader fetches it: [`STYLESHEET_SOURCE`] minified.
pub const STYLESHEET: &str = "pkg/stackway.css";

/// The readable stylesheet, with the theming custom properties documented at its top.
pub const STYLESHEET_SOURCE: &str = "www/stackway.css";

/// The embed loader as pages load it: [`LOADER_SOURCE`] minified.
pub use crate::fingerprint::LOADER;

/// The loader's readable source.
pub const LOADER_SOURCE: &str = "www/src/stackway.js";

/// Minifies what the build generated in place (the JS glue of both modules, the split link
/// script, the snippets), and writes [`STYLESHEET_SOURCE`] minified
/// to [`STYLESHEET`] and [`LOADER_SOURCE`] to [`LOADER`], with esbuild from `node_modules/`.
/// About a third less to download for these files, half for the loader (see
/// docs/benchmarks.md, "Bundle size"). The sources stay readable; the minified files are build
/// output, never edited by hand (and ignored by git).
fn minify(cx: &mut Context) -> anyhow::Result<()> {
    cx.progress(
        "build",
        "minifying the JS glue, the stylesheet and the loader: esbuild",
    );
    // Generated scripts are minified in place; the stylesheet and the loader from their sources.
    let mut files: Vec<(PathBuf, PathBuf)> = ["pkg/stackway.js", SPLIT_LINK_JS]
        .iter()
        .map(|file| (cx.root.join(file), cx.root.join(file)))
        .collect();
    let mut snippets = Vec::new();
    scripts_under(&cx.root, &cx.root.join("pkg/snippets"), &mut snippets);
    files.extend(
        snippets
            .into_iter()
            .map(|path| (cx.root.join(&path), cx.root.join(path))),
    );
    for (source, output) in [(STYLESHEET_SOURCE, STYLESHEET), (LOADER_SOURCE, LOADER)] {
        files.push((cx.root.join(source), cx.root.join(output)));
    }
    for (source, output) in files {
        let mut command = cx.command(setup::esbuild_path(cx));
        command
            .arg(&source)
            .args(["--minify", "--allow-overwrite", "--log-level=warning"]);
        if source.extension().is_some_and(|ext| ext == "js") {
            command.arg("--format=esm");
        }
        command.arg(format!("--outfile={}", output.display()));
        cx.run(command)?;
    }
    Ok(())
}

/// Files a page downloads (in `pkg/`, and the loader), precompressed so that `stackway serve`
/// sends them at maximum compression (it only uses a `.br`/`.gz` newer than its file), with
/// any shared chunk.
const PRECOMPRESSED: [&str; 7] = [
    WASM,
    "pkg/stackway.js",
    STYLESHEET,
    LOADER,
    SPLIT_LINK_JS,
    LATER_WASM,
    INTEROP_WASM,
];

fn precompress(cx: &Context) -> anyhow::Result<()> {
    let chunks = chunk_files(&cx.root);
    let mut files: Vec<&str> = PRECOMPRESSED.to_vec();
    files.extend(chunks.iter().map(String::as_str));
    precompress_files(cx, &files)
}

/// Writes `FILE.br` (brotli 11) and `FILE.gz` (gzip 9) next to each file.
fn precompress_files(cx: &Context, files: &[&str]) -> anyhow::Result<()> {
    cx.progress(
        "build",
        "precompressing pkg/ (brotli 11, gzip 9) for stackway serve",
    );
    for &file in files {
        let path = cx.root.join(file);
        let bytes = std::fs::read(&path).with_context(|| format!("cannot read {file}"))?;
        for (extension, compressed) in [
            ("br", crate::compress::brotli_best(&bytes)),
            ("gz", crate::compress::gzip_best(&bytes)),
        ] {
            let sibling = cx.root.join(format!("{file}.{extension}"));
            std::fs::write(&sibling, compressed)
                .with_context(|| format!("cannot write {}", sibling.display()))?;
        }
    }
    Ok(())
}

/// Builds the `stackway` command (debug profile: it compiles faster, and the compressors it
/// uses are optimised even there, see the root Cargo.toml) and returns its path.
pub fn cli(cx: &mut Context) -> anyhow::Result<PathBuf> {
    cx.progress(
        "build",
        "building the stackway command (cargo build -p stackway-cli)",
    );
    cx.run(cx.cargo(["build", "-p", "stackway-cli", "--bin", "stackway"]))?;
    let binary = cx
        .target_dir()
        .join("debug")
        .join(format!("stackway{}", std::env::consts::EXE_SUFFIX));
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(anyhow!(
            "built stackway-cli but {} is missing",
            binary.display()
        ))
    }
}

/// Every `.js` file under `dir` (wasm-bindgen's snippets), sorted, relative to `root`.
pub fn scripts_under(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            scripts_under(root, &path, out);
        } else if path.extension().is_some_and(|ext| ext == "js") {
            if let Ok(relative) = path.strip_prefix(root) {
                out.push(relative.to_path_buf());
            }
        }
    }
}

fn file_size(path: &std::path::Path) -> anyhow::Result<u64> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .with_context(|| format!("cannot read the size of {}", path.display()))
}

/// Stackway Studio's crate, and where its bundle goes: a folder of its own under `pkg/`, next
/// to the widget it previews with (`../../www/stackway.js` from its page), so that publishing
/// `pkg/` and `www/` publishes the studio too, and no learner page ever loads it.
pub const STUDIO_CRATE: &str = "crates/stackway-studio";
pub const STUDIO_DIR: &str = "pkg/studio";
const STUDIO_WASM: &str = "pkg/studio/stackway_studio_bg.wasm";
const STUDIO_JS: &str = "pkg/studio/stackway_studio.js";

/// Builds the widget, then the studio into [`STUDIO_DIR`]: its WebAssembly on stable with the
/// `studio` profile (speed first: it checks 10,000-credential feeds on every edit), the JS glue
/// with wasm-bindgen, and its page, boot script and stylesheet copied from `www/`.
pub fn studio(cx: &mut Context) -> anyhow::Result<()> {
    widget(cx)?;
    cx.progress(
        "build",
        "building Stackway Studio: cargo build -p stackway-studio --profile studio (wasm32)",
    );
    cx.run(cx.cargo([
        "build",
        "-p",
        "stackway-studio",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "studio",
    ]))?;
    let built = cx
        .target_dir()
        .join("wasm32-unknown-unknown/studio/stackway_studio.wasm");
    let out = cx.root.join(STUDIO_DIR);
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut command = cx.command("wasm-bindgen");
    command
        .args(["--target", "web", "--out-name", "stackway_studio"])
        .arg("--out-dir")
        .arg(&out)
        .arg(&built);
    cx.run(command)?;
    for file in ["index.html", "boot.js", "studio.css", "check-worker.js"] {
        let from = cx.root.join(STUDIO_CRATE).join("www").join(file);
        std::fs::copy(&from, out.join(file))
            .with_context(|| format!("cannot copy {} into {STUDIO_DIR}", from.display()))?;
    }
    // The WebAssembly is megabytes: compressed once here, not by `stackway studio` on every
    // page load (which took seconds of the studio's opening).
    precompress_files(cx, &[STUDIO_WASM, STUDIO_JS])?;
    cx.progress("build", &format!("built: {STUDIO_DIR}/index.html"));
    Ok(())
}
