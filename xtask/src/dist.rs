//! `cargo xtask dist`: the one-file release, `dist/stackway-VERSION-TARGET.tar.gz`.
//!
//! The archive holds one folder, `stackway-VERSION-TARGET/`, with:
//! - `stackway`, the command, built with the `native-release` profile (or, with
//!   `--profile dev`, see [`Profile::Dev`]) and the CLI's `embedded-site` feature: the widget, its loader, the demo, the iframe page, the embed
//!   builder and the sample feed are compiled into it (from the folder [`SITE_DIR`] staged
//!   here), so `stackway serve` and the LTI tool serve them with no checkout beside them;
//! - `widget/`, the widget's files with content-hashed names for a static host or a CDN, and
//!   `integrity.json`, their Subresource Integrity hashes (both from `fingerprint.rs`);
//! - `LICENSE` and `INSTALL.md` (from `xtask/release/INSTALL.md`).

use anyhow::{anyhow, Context as _};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::build;
use crate::context::Context;
use crate::fingerprint;

/// Where the site compiled into the binary is staged, under the target folder: the same path
/// every time, and files rewritten only when their content changed, so that the binary is not
/// recompiled when the widget did not change.
pub const SITE_DIR: &str = "dist-site";

/// The environment variable that tells the CLI's build script which folder to compile in.
const SITE_ENV: &str = "STACKWAY_SITE_DIR";

/// Which build of the `stackway` command goes into the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// The `native-release` profile, symbols stripped: what is released. The default.
    Release,
    /// The debug build, with the same site compiled in, written under the target folder
    /// instead of `dist/` so that it is never taken for a release. Its dependencies are those
    /// `cargo xtask test` already compiled for its other steps, so only the command's own crate
    /// is compiled again (about 20 s), where a first optimised build of the command takes about
    /// 28 minutes on a loaded 2-core machine. Everything the archive holds (its layout,
    /// INSTALL.md, the content-hashed widget, integrity.json, the serving code) is the
    /// release's; only the compiler's optimisations differ. The release-archive test uses it.
    /// It leaves `target/debug/stackway` with the site inside until the next plain build.
    Dev,
}

impl Profile {
    /// `cargo xtask dist [--profile release|dev]`.
    pub fn from_args(args: &[String]) -> anyhow::Result<Profile> {
        match args {
            [] => Ok(Profile::Release),
            [flag, profile] if flag == "--profile" => match profile.as_str() {
                "release" | "native-release" => Ok(Profile::Release),
                "dev" | "debug" => Ok(Profile::Dev),
                other => Err(anyhow!(
                    "unknown profile `{other}`; usage: cargo xtask dist [--profile release|dev]"
                )),
            },
            _ => Err(anyhow!(
                "unexpected arguments {args:?}; usage: cargo xtask dist [--profile release|dev]"
            )),
        }
    }

    /// The cargo profile and the folder under the target folder it builds into.
    fn cargo_profile(self) -> (&'static str, &'static str) {
        match self {
            Profile::Release => ("native-release", "native-release"),
            Profile::Dev => ("dev", "debug"),
        }
    }
}

/// Where a [`Profile::Dev`] archive is written, under the target folder.
const DEV_DIST_DIR: &str = "dist-dev";

/// Builds the widget (unless this run already did), the binary with the site inside it, and
/// the archive; returns the archive's path.
pub fn run(cx: &mut Context, profile: Profile) -> anyhow::Result<PathBuf> {
    build::widget_with_setup(cx)?;
    let site = cx.target_dir().join(SITE_DIR);
    stage_site(&cx.root, &site)?;
    let binary = binary_with_site(cx, &site, profile)?;
    let binary = shipped_binary(cx, &binary, profile)?;
    let target = host_target(cx)?;
    let name = format!("stackway-{}-{target}", env!("CARGO_PKG_VERSION"));
    let folder = match profile {
        Profile::Release => cx.root.join("dist"),
        Profile::Dev => cx.target_dir().join(DEV_DIST_DIR),
    };
    let archive = folder.join(format!("{name}.tar.gz"));
    cx.progress("dist", &format!("writing {}", archive.display()));
    write_archive(&cx.root, &archive, &name, &binary, profile)?;
    let size = std::fs::metadata(&archive).map(|m| m.len()).unwrap_or(0);
    cx.progress(
        "dist",
        &format!("built: {} ({} KiB)", archive.display(), size / 1024),
    );
    Ok(archive)
}

/// What the binary serves, as paths of the repository: the demo page, `www/` without the
/// loader's readable source, and `pkg/` (the widget, its compressed siblings and its
/// content-hashed copy) without the studio, type declarations and npm metadata.
fn site_files(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    for folder in ["www", "pkg"] {
        fingerprint::walk(&root.join(folder), &mut found)?;
    }
    let mut files = vec!["index.html".to_owned()];
    for path in found {
        let relative = fingerprint::relative_slash(root, &path)?;
        let skipped = relative.starts_with("www/src/")
            || relative.starts_with("pkg/studio/")
            || [".d.ts", "package.json", ".gitignore"]
                .iter()
                .any(|end| relative.ends_with(end));
        if !skipped {
            files.push(relative);
        }
    }
    files.sort();
    Ok(files)
}

/// Makes `site` hold exactly [`site_files`], writing only files whose content changed.
fn stage_site(root: &Path, site: &Path) -> anyhow::Result<()> {
    let files = site_files(root)?;
    let mut present = Vec::new();
    if site.is_dir() {
        fingerprint::walk(site, &mut present)?;
    }
    for path in present {
        let relative = fingerprint::relative_slash(site, &path)?;
        if !files.contains(&relative) {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    for file in &files {
        let bytes =
            std::fs::read(root.join(file)).with_context(|| format!("cannot read {file}"))?;
        let staged = site.join(file);
        if std::fs::read(&staged).ok().as_deref() != Some(&bytes[..]) {
            if let Some(parent) = staged.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            std::fs::write(&staged, &bytes)
                .with_context(|| format!("cannot write {}", staged.display()))?;
        }
    }
    Ok(())
}

/// `cargo build --profile PROFILE -p stackway-cli --features embedded-site`, with the staged
/// site compiled in; release builds have their symbols stripped.
fn binary_with_site(cx: &mut Context, site: &Path, profile: Profile) -> anyhow::Result<PathBuf> {
    let (cargo_profile, folder) = profile.cargo_profile();
    cx.progress(
        "dist",
        &format!("building the stackway command with the site inside: cargo build --profile {cargo_profile} --features embedded-site"),
    );
    let mut command = cx.cargo([
        "build",
        "--profile",
        cargo_profile,
        "-p",
        "stackway-cli",
        "--bin",
        "stackway",
        "--features",
        "embedded-site",
    ]);
    command.env(SITE_ENV, site);
    if profile == Profile::Release {
        command.env("CARGO_PROFILE_NATIVE_RELEASE_STRIP", "symbols");
    }
    // A first release build compiles every dependency with optimisations: on a loaded 2-core
    // machine that passed the 30 minutes of other commands, so it gets the installs' limit.
    cx.run_within(command, crate::context::INSTALL_TIMEOUT)?;
    let binary = cx
        .target_dir()
        .join(folder)
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

/// The file the archive carries as `stackway`: the release binary as cargo built it (its
/// symbols already stripped), or a copy of the debug binary without its debug information (183
/// MB down to 33 MB, so the test's archive is written and unpacked in seconds). Where `strip` is
/// missing, the debug binary goes in whole: larger, but the same program.
fn shipped_binary(cx: &Context, binary: &Path, profile: Profile) -> anyhow::Result<PathBuf> {
    if profile == Profile::Release {
        return Ok(binary.to_path_buf());
    }
    let folder = cx.target_dir().join(DEV_DIST_DIR);
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let stripped = folder.join(format!("stackway{}", std::env::consts::EXE_SUFFIX));
    let mut command = cx.command("strip");
    command.arg("-o").arg(&stripped).arg(binary);
    match cx.run(command) {
        Ok(()) => Ok(stripped),
        Err(message) => {
            cx.progress(
                "dist",
                &format!("{message:#}; the archive carries the debug binary unstripped"),
            );
            Ok(binary.to_path_buf())
        }
    }
}

/// The target triple this machine builds for (`rustc -vV`'s `host:` line).
fn host_target(cx: &Context) -> anyhow::Result<String> {
    let info = cx
        .probe("rustc", &["-vV"])
        .context("cannot run rustc -vV to learn the target")?;
    info.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(|host| host.trim().to_owned())
        .context("rustc -vV printed no host line")
}

/// One file of the archive: its path inside the archive's folder, its bytes, its mode.
type Entry = (String, Vec<u8>, u32);

/// The archive: `name/stackway`, `name/widget/…`, `name/integrity.json`, `name/LICENSE`,
/// `name/INSTALL.md`.
fn write_archive(
    root: &Path,
    archive: &Path,
    name: &str,
    binary: &Path,
    profile: Profile,
) -> anyhow::Result<()> {
    if let Some(parent) = archive.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let entries = archive_entries(root, name, binary)?;
    // The test's archive is written on every run and never downloaded: its level only saves
    // time.
    let level = match profile {
        Profile::Release => flate2::Compression::best(),
        Profile::Dev => flate2::Compression::fast(),
    };
    write_tar_gz(archive, name, entries, level)
}

/// What [`write_archive`] puts in the archive, in order.
fn archive_entries(root: &Path, name: &str, binary: &Path) -> anyhow::Result<Vec<Entry>> {
    let widget = root.join(fingerprint::OUT_DIR);
    let integrity = std::fs::read(widget.join(fingerprint::INTEGRITY))
        .context("the widget build wrote no integrity.json")?;
    let mut entries: Vec<Entry> = vec![
        (
            format!("stackway{}", std::env::consts::EXE_SUFFIX),
            std::fs::read(binary).with_context(|| format!("cannot read {}", binary.display()))?,
            0o755,
        ),
        (
            "LICENSE".to_owned(),
            std::fs::read(root.join("LICENSE")).context("cannot read LICENSE")?,
            0o644,
        ),
        (
            "INSTALL.md".to_owned(),
            install_md(name).into_bytes(),
            0o644,
        ),
        (fingerprint::INTEGRITY.to_owned(), integrity, 0o644),
    ];
    let mut hashed = Vec::new();
    fingerprint::walk(&widget, &mut hashed)?;
    hashed.sort();
    for path in hashed {
        let file_name = fingerprint::relative_slash(&widget, &path)?;
        if file_name != fingerprint::INTEGRITY {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            entries.push((format!("widget/{file_name}"), bytes, 0o644));
        }
    }
    Ok(entries)
}

/// Writes `entries` under the folder `name` into the gzipped tar file `archive`.
fn write_tar_gz(
    archive: &Path,
    name: &str,
    entries: Vec<Entry>,
    level: flate2::Compression,
) -> anyhow::Result<()> {
    let file = std::fs::File::create(archive)
        .with_context(|| format!("cannot create {}", archive.display()))?;
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(file, level));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for (path, bytes, mode) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(mode);
        header.set_mtime(now);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, format!("{name}/{path}"), &bytes[..])
            .with_context(|| format!("cannot add {path} to the archive"))?;
    }
    tar.into_inner()
        .and_then(|gzip| gzip.finish())
        .and_then(|mut file| file.flush())
        .with_context(|| format!("cannot finish {}", archive.display()))
}

/// `xtask/release/INSTALL.md` with the archive's folder name and the version filled in.
fn install_md(name: &str) -> String {
    include_str!("../release/INSTALL.md")
        .replace("{{NAME}}", name)
        .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
}
