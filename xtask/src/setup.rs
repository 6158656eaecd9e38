//! Installing what the build and the tests need, each only when it is missing.
//!
//! Every prerequisite first checks whether it is already there (and says so), and installs only
//! when it is not, saying what it installs and roughly how long that takes. A failed install ends
//! with a message that says what to do by hand.

use anyhow::{anyhow, Context as _};
use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::prereq::{Failed, Prereq};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const GECKODRIVER: &str = "geckodriver";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The toolchain of the release widget build (`cargo xtask build`), pinned so that the bundle's
/// size is reproducible. Only a nightly can rebuild the standard library (`-Z build-std`) with
/// `optimize_for_size` and with panics that abort at once, which takes about 25 KiB of brotli
/// off the widget (docs/benchmarks.md, "Bundle size"). Everything else (tests, clippy, the CLI,
/// the LTI tool, the wasm-bindgen tests) uses the stable toolchain.
pub const SIZE_TOOLCHAIN: &str = "nightly-2026-05-20";

/// Ensures every prerequisite in order, stopping at the first that cannot be installed.
pub fn ensure_all(cx: &mut Context, prereqs: &[Prereq]) -> anyhow::Result<()> {
    prereqs.iter().try_for_each(|p| ensure(cx, *p))
}

/// Ensures `prereqs` at the same time where that is safe: rustup's one after the other, Debian's
/// one after the other (apt holds one lock), Node's after Node, and each `cargo install` on its
/// own. On a fresh machine the downloads and compilations overlap.
pub fn ensure_concurrently(cx: &mut Context, prereqs: &[Prereq]) -> anyhow::Result<()> {
    let mut groups: Vec<(String, Vec<Prereq>)> = Vec::new();
    for &prereq in prereqs {
        let key = match prereq {
            Prereq::RustComponents | Prereq::WasmTarget | Prereq::SizeToolchain => {
                "rustup".to_owned()
            }
            Prereq::Chromium | Prereq::Apt(_) | Prereq::PythonVenv(_) => "apt".to_owned(),
            Prereq::Node | Prereq::NodePackages => "node".to_owned(),
            other => format!("{other:?}"),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(prereq),
            None => groups.push((key, vec![prereq])),
        }
    }
    let jobs: Vec<crate::context::Job<'_>> = groups
        .into_iter()
        .map(|(_, group)| -> crate::context::Job<'_> { Box::new(move |cx| ensure_all(cx, &group)) })
        .collect();
    cx.concurrently(jobs)
}

/// Ensures one prerequisite (once per run; later calls repeat the first answer).
pub fn ensure(cx: &mut Context, prereq: Prereq) -> anyhow::Result<()> {
    if let Some((_, result)) = cx.setup.done.iter().find(|(p, _)| *p == prereq) {
        return result.clone().map_err(anyhow::Error::new);
    }
    let started = std::time::Instant::now();
    let result = match prereq {
        Prereq::RustComponents => rust_components(cx),
        Prereq::WasmTarget => wasm_target(cx),
        Prereq::SizeToolchain => size_toolchain(cx),
        Prereq::WasmBindgenCli => wasm_bindgen_cli(cx),
        Prereq::WasmSplitCli => wasm_split_cli(cx),
        Prereq::Node => node(cx),
        Prereq::NodePackages => ensure(cx, Prereq::Node).and_then(|()| node_packages(cx)),
        Prereq::Chromium => apt(
            cx,
            &[("chromium", CHROMIUM), ("chromium-driver", CHROMEDRIVER)],
        ),
        Prereq::Geckodriver => geckodriver(cx),
        Prereq::Apt(packages) => apt(cx, packages),
        Prereq::PythonVenv(requirements) => python_venv(cx, requirements),
    };
    // An install (not a check) says when it is done: installs run beside each other, quietly.
    if result.is_ok() && started.elapsed().as_secs() >= 5 {
        let took = started.elapsed().as_secs();
        cx.progress("setup", &format!("{prereq:?}: ready after {took} s"));
    }
    // The answer is repeated to every later caller: a failure is kept, shared, and returned.
    let result = result.map_err(|e| Failed(std::sync::Arc::new(e)));
    cx.setup.done.push((prereq, result.clone()));
    result.map_err(anyhow::Error::new)
}

fn rust_components(cx: &mut Context) -> anyhow::Result<()> {
    let cargo = cx.cargo.to_string_lossy().into_owned();
    let present = |cx: &Context, tool: &str| cx.probe(&cargo, &[tool, "--version"]).is_some();
    let missing: Vec<&str> = [("fmt", "rustfmt"), ("clippy", "clippy")]
        .into_iter()
        .filter(|(tool, _)| !present(cx, tool))
        .map(|(_, component)| component)
        .collect();
    if missing.is_empty() {
        cx.progress("setup", "rustfmt and clippy: already installed");
        return Ok(());
    }
    let list = missing.join(" ");
    cx.progress(
        "setup",
        &format!("installing Rust components: {list} (rustup)"),
    );
    let mut command = cx.command("rustup");
    command.args(["component", "add"]).args(&missing);
    cx.run(command)
        .with_context(|| format!("could not add {list}; try `rustup component add {list}`"))
}

fn wasm_target(cx: &mut Context) -> anyhow::Result<()> {
    if let Some(installed) = cx.probe("rustup", &["target", "list", "--installed"]) {
        if installed.lines().any(|line| line.trim() == WASM_TARGET) {
            cx.progress("setup", &format!("{WASM_TARGET} target: already installed"));
            return Ok(());
        }
        cx.progress(
            "setup",
            &format!("installing the {WASM_TARGET} target (rustup)"),
        );
        let mut command = cx.command("rustup");
        command.args(["target", "add", WASM_TARGET]);
        return cx.run(command).with_context(|| {
            format!("could not add the {WASM_TARGET} target; try `rustup target add {WASM_TARGET}`")
        });
    }
    // Without rustup the target can only come with the toolchain itself.
    let sysroot = cx
        .probe("rustc", &["--print", "sysroot"])
        .unwrap_or_default();
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        cx.progress(
            "setup",
            &format!("{WASM_TARGET} target: present in {sysroot}"),
        );
        Ok(())
    } else {
        Err(anyhow!(
            "the {WASM_TARGET} Rust target is missing and rustup is not available to add it; \
             install Rust with rustup (https://rustup.rs) or add the target to your toolchain"
        ))
    }
}

fn size_toolchain(cx: &mut Context) -> anyhow::Result<()> {
    let toolchain = format!("--toolchain={SIZE_TOOLCHAIN}");
    let installed = cx
        .probe("rustup", &["component", "list", "--installed", &toolchain])
        .unwrap_or_default();
    let has = |component: &str| installed.lines().any(|line| line.trim() == component);
    if has("rust-src") && has(&format!("rust-std-{WASM_TARGET}")) {
        cx.progress(
            "setup",
            &format!("{SIZE_TOOLCHAIN} with rust-src and {WASM_TARGET}: already installed"),
        );
        return Ok(());
    }
    cx.progress(
        "setup",
        &format!(
            "installing {SIZE_TOOLCHAIN} (minimal profile, rust-src, {WASM_TARGET}) with rustup, \
             for the size-optimised widget build (about a minute)"
        ),
    );
    let mut command = cx.command("rustup");
    command.args([
        "toolchain",
        "install",
        SIZE_TOOLCHAIN,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
        "--target",
        WASM_TARGET,
    ]);
    cx.run(command).with_context(|| {
        format!(
            "could not install {SIZE_TOOLCHAIN}; try `rustup toolchain install \
             {SIZE_TOOLCHAIN} --profile minimal --component rust-src --target {WASM_TARGET}`"
        )
    })
}

fn wasm_bindgen_cli(cx: &mut Context) -> anyhow::Result<()> {
    let lock =
        std::fs::read_to_string(cx.root.join("Cargo.lock")).context("cannot read Cargo.lock")?;
    let wanted = locked_version(&lock, "wasm-bindgen")
        .context("Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile`")?;
    let installed = cx.probe("wasm-bindgen", &["--version"]);
    // `wasm-bindgen --version` prints "wasm-bindgen 0.2.130" (sometimes with a commit hash).
    let installed_version = installed
        .as_deref()
        .and_then(|v| v.split_whitespace().nth(1))
        .map(str::to_owned);
    if installed_version.as_deref() == Some(wanted.as_str()) {
        cx.progress(
            "setup",
            &format!("wasm-bindgen-cli {wanted}: already installed (matches Cargo.lock)"),
        );
        return Ok(());
    }
    let why = match installed_version {
        Some(other) => format!("installed {other} does not match Cargo.lock's {wanted}"),
        None => "not installed".to_owned(),
    };
    cx.progress(
        "setup",
        &format!(
            "installing wasm-bindgen-cli {wanted} ({why}) with cargo install (about 4 minutes)"
        ),
    );
    // No `--locked`: one of its pinned dependencies is missing from some registry mirrors.
    // No default features: they only add TLS (rustls and ring) for the test runner to download
    // browser drivers, which it is never asked to do here; without them the install has no
    // rustls and no ring (and its C code) to compile.
    cargo_install(
        cx,
        &[
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--no-default-features",
            "--force",
        ],
    )
}

fn geckodriver(cx: &mut Context) -> anyhow::Result<()> {
    if let Some(version) = cx.probe(GECKODRIVER, &["--version"]) {
        let first = version.lines().next().unwrap_or_default().to_owned();
        cx.progress(
            "setup",
            &format!("geckodriver: already installed ({first})"),
        );
        return Ok(());
    }
    cx.progress(
        "setup",
        "installing geckodriver with `cargo install geckodriver --locked --debug` (about 2 minutes on 2 cores)",
    );
    // A debug build: geckodriver only relays WebDriver commands to Firefox, so its speed never
    // shows, and it compiles with 97 s of CPU instead of 175 s (measured on the build machine).
    cargo_install(cx, &["geckodriver", "--locked", "--debug"])
}

/// Where `program` is on the `PATH` xtask runs commands with (cargo's bin folder first).
pub fn on_path(cx: &Context, program: &str) -> Option<PathBuf> {
    std::env::split_paths(cx.path())
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// The split tool's binary, and the version installed: the crate that provides it
/// (`wasm_split_cli_support`) must match the `wasm_split_helpers` runtime in Cargo.lock closely,
/// so it is pinned and checked in `cargo install --list`.
pub const WASM_SPLIT_CLI: &str = "wasm-split-cli";
pub const WASM_SPLIT_CLI_VERSION: &str = "0.2.4";

fn wasm_split_cli(cx: &mut Context) -> anyhow::Result<()> {
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_CLI_VERSION}:");
    let listed = cx.probe(&cx.cargo.to_string_lossy(), &["install", "--list"]);
    if listed.is_some_and(|list| list.lines().any(|line| line.trim() == wanted)) {
        cx.progress(
            "setup",
            &format!("wasm-split-cli {WASM_SPLIT_CLI_VERSION}: already installed"),
        );
        return Ok(());
    }
    cx.progress(
        "setup",
        &format!(
            "installing wasm-split-cli {WASM_SPLIT_CLI_VERSION} with cargo install (about 2 minutes)"
        ),
    );
    cargo_install(
        cx,
        &[
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT_CLI_VERSION,
            "--features",
            "build-binary",
            "--locked",
            "--force",
        ],
    )
}

fn cargo_install(cx: &Context, args: &[&str]) -> anyhow::Result<()> {
    let mut command = cx.cargo(["install"]);
    command.args(args);
    cx.run_within(command, crate::context::INSTALL_TIMEOUT)
        .with_context(|| {
            format!(
                "could not install {}; check network access to crates.io, then run \
             `cargo install {}` by hand",
                args[0],
                args.join(" ")
            )
        })
}

/// The version of `package` in Cargo.lock's text (the first entry if there are several).
pub fn locked_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim();
            return version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_owned);
        }
    }
    None
}

/// The oldest Node.js major version our npm packages support.
const NODE_MIN_MAJOR: u32 = 18;

fn node(cx: &mut Context) -> anyhow::Result<()> {
    let major = |cx: &Context| {
        cx.probe("node", &["--version"]).and_then(|v| {
            v.trim_start_matches('v')
                .split('.')
                .next()
                .and_then(|m| m.parse::<u32>().ok())
        })
    };
    if let (Some(m), Some(npm)) = (major(cx), cx.probe("npm", &["--version"])) {
        if m >= NODE_MIN_MAJOR {
            cx.progress(
                "setup",
                &format!("Node.js {m} and npm {npm}: already installed"),
            );
            return Ok(());
        }
        return Err(anyhow!(
            "Node.js {m} is too old (need {NODE_MIN_MAJOR} or later); please upgrade it"
        ));
    }
    apt_install(cx, &["nodejs", "npm"])?;
    match major(cx) {
        Some(m) if m >= NODE_MIN_MAJOR => Ok(()),
        _ => Err(anyhow!(
            "Node.js {NODE_MIN_MAJOR}+ and npm are needed; install them and run again"
        )),
    }
}

fn node_packages(cx: &mut Context) -> anyhow::Result<()> {
    let lock_path = cx.root.join("package-lock.json");
    let lock = std::fs::read(&lock_path).context("cannot read package-lock.json")?;
    let stamp = cx.root.join("node_modules/.stackway-installed-lock");
    let installed = std::fs::read(&stamp).ok();
    if installed.as_deref() == Some(&lock[..])
        && wasm_opt_path(cx).is_file()
        && esbuild_path(cx).is_file()
    {
        cx.progress(
            "setup",
            "node packages: already installed (node_modules matches package-lock.json)",
        );
        return Ok(());
    }
    cx.progress(
        "setup",
        "installing node packages with `npm ci` (binaryen, esbuild, Playwright, axe-core, selenium-webdriver)",
    );
    let mut command = cx.command("npm");
    command
        .args(["ci", "--no-audit", "--no-fund"])
        // Playwright drives Debian's Chromium; it must never try to download browsers.
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    cx.run(command)
        .context("check network access to the npm registry")?;
    std::fs::write(&stamp, &lock).with_context(|| format!("cannot write {}", stamp.display()))
}

/// binaryen's wasm-opt from node_modules (Debian's is too old to read current rustc output).
pub fn wasm_opt_path(cx: &Context) -> PathBuf {
    cx.root.join("node_modules/binaryen/bin/wasm-opt")
}

/// esbuild, which minifies the generated JS and the stylesheet.
pub fn esbuild_path(cx: &Context) -> PathBuf {
    cx.root.join("node_modules/.bin/esbuild")
}

/// Installs the Debian packages whose marker file is missing.
fn apt(cx: &mut Context, packages: &[(&str, &str)]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, marker)| !Path::new(marker).exists())
        .map(|(package, _)| *package)
        .collect();
    let names: Vec<&str> = packages.iter().map(|(p, _)| *p).collect();
    if missing.is_empty() {
        cx.progress("setup", &format!("{}: already installed", names.join(", ")));
        return Ok(());
    }
    apt_install(cx, &missing)?;
    match packages
        .iter()
        .find(|(_, marker)| !Path::new(marker).exists())
    {
        None => Ok(()),
        Some((package, marker)) => {
            Err(anyhow!("installed {package} but {marker} is still missing"))
        }
    }
}

fn apt_install(cx: &mut Context, packages: &[&str]) -> anyhow::Result<()> {
    let list = packages.join(" ");
    let by_hand = format!("install them by hand: `apt-get install {list}`");
    if cx.probe("apt-get", &["--version"]).is_none() {
        return Err(anyhow!(
            "{list} missing and this machine has no apt-get; {by_hand}"
        ));
    }
    // apt needs root: as root run it directly, otherwise through password-less sudo.
    let prefix: Vec<&str> = if cx.probe("id", &["-u"]).as_deref() == Some("0") {
        vec![]
    } else if cx.probe("sudo", &["-n", "true"]).is_some() {
        vec!["sudo", "-n"]
    } else {
        return Err(anyhow!(
            "{list} missing and installing needs root; {by_hand}"
        ));
    };
    let apt_get = |cx: &Context, args: &[&str]| {
        let mut parts = prefix.clone();
        parts.extend(["apt-get", "-o", "DPkg::Lock::Timeout=600"]);
        parts.extend(args);
        let mut command = cx.command(parts[0]);
        command
            .args(&parts[1..])
            .env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    if !cx.setup.apt_updated {
        cx.progress(
            "setup",
            "refreshing the Debian package lists (apt-get update)",
        );
        cx.run(apt_get(cx, &["update"]))
            .with_context(|| by_hand.to_string())?;
        cx.setup.apt_updated = true;
    }
    cx.progress("setup", &format!("installing Debian packages: {list}"));
    let mut args = vec!["install", "-y"];
    args.extend(packages);
    cx.run(apt_get(cx, &args))
        .with_context(|| by_hand.to_string())
}

/// The Python of the `.cache/venv` virtual environment ([`Prereq::PythonVenv`]).
pub fn venv_python(cx: &Context) -> PathBuf {
    cx.root.join(".cache/venv/bin/python")
}

fn python_venv(cx: &mut Context, requirements: &str) -> anyhow::Result<()> {
    let requirements_path = cx.root.join(requirements);
    let wanted =
        std::fs::read(&requirements_path).with_context(|| format!("cannot read {requirements}"))?;
    let venv = cx.root.join(".cache/venv");
    let stamp = venv.join(".stackway-requirements");
    if venv_python(cx).is_file() && std::fs::read(&stamp).ok().as_deref() == Some(&wanted[..]) {
        cx.progress(
            "setup",
            &format!("Python environment: already matches {requirements}"),
        );
        return Ok(());
    }
    if !venv_python(cx).is_file() {
        if cx.probe("python3", &["-m", "venv", "--help"]).is_none() {
            apt_install(cx, &["python3", "python3-venv"])?;
        }
        cx.progress("setup", "creating the Python environment in .cache/venv");
        let mut command = cx.command("python3");
        command.args(["-m", "venv"]).arg(&venv);
        cx.run(command)?;
    }
    cx.progress(
        "setup",
        &format!("installing Python packages from {requirements} (pip)"),
    );
    let mut command = cx.command(venv_python(cx));
    command
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(&requirements_path);
    cx.run(command).context("check network access to PyPI")?;
    std::fs::write(&stamp, &wanted).with_context(|| format!("cannot write {}", stamp.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_version_of_a_package() {
        let lock = "[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.80\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(lock, "wasm-bindgen-futures").as_deref(),
            Some("0.4.80")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn the_real_lockfile_pins_wasm_bindgen() {
        let lock = include_str!("../../Cargo.lock");
        let version = locked_version(lock, "wasm-bindgen").unwrap();
        assert!(version.starts_with("0.2."), "{version}");
    }
}
