//! What a step needs installed ([`Prereq`]), and what this run has already ensured
//! ([`SetupState`]). Plain data: `setup.rs` installs, `context.rs` keeps the state for the run.

/// WebKitGTK's browser for automation, shipped with the library (tests/webdriver/engines.mjs).
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// Something a step needs installed before it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prereq {
    /// The rustfmt and clippy components (absent from rustup's minimal profile).
    RustComponents,
    /// The `wasm32-unknown-unknown` Rust target.
    WasmTarget,
    /// The pinned nightly toolchain the release widget is built with ([`crate::setup::SIZE_TOOLCHAIN`]), with
    /// `rust-src` and the wasm32 target: it rebuilds the standard library for size.
    SizeToolchain,
    /// `wasm-bindgen-cli` at exactly the version of `wasm-bindgen` in Cargo.lock: `wasm-bindgen`
    /// for the build, `wasm-bindgen-test-runner` for the wasm32 tests.
    WasmBindgenCli,
    /// `wasm-split-cli` ([`crate::setup::WASM_SPLIT_CLI_VERSION`]), which cuts the release widget in two
    /// modules at its `#[wasm_split]` point.
    WasmSplitCli,
    /// Node.js and npm.
    Node,
    /// `node_modules/` from the committed package-lock.json (`npm ci`): binaryen's wasm-opt,
    /// esbuild, Playwright, axe-core, selenium-webdriver.
    NodePackages,
    /// Debian's Chromium and chromedriver at `/usr/bin`.
    Chromium,
    /// `geckodriver`, Firefox's WebDriver server (from crates.io: Debian does not package it).
    Geckodriver,
    /// Debian packages, each given with a file whose presence shows it is installed, e.g.
    /// `("redis-server", "/usr/bin/redis-server")`.
    Apt(&'static [(&'static str, &'static str)]),
    /// A Python virtual environment in `.cache/venv` with this requirements file installed
    /// (path relative to the repository root). Run its Python with [`venv_python`].
    #[allow(dead_code)]
    // For steps that drive the tool from Python (the LTI end-to-end tests).
    PythonVenv(&'static str),
}

impl Prereq {
    /// `redis-server`: the LTI tool's Redis store is tested against a real one.
    pub const REDIS: Prereq = Prereq::Apt(&[("redis-server", "/usr/bin/redis-server")]);

    /// Firefox ESR, the second browser engine the widget is tested in (with [`Prereq::Geckodriver`]).
    pub const FIREFOX: Prereq = Prereq::Apt(&[("firefox-esr", "/usr/bin/firefox-esr")]);

    /// WebKitGTK's WebDriver server and MiniBrowser (the engine of every browser on an iPhone),
    /// and Xvfb, the virtual display MiniBrowser needs since it has no headless mode.
    pub const WEBKIT: Prereq = Prereq::Apt(&[
        ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
        ("libwebkit2gtk-4.1-0", MINIBROWSER),
        ("xvfb", "/usr/bin/xvfb-run"),
    ]);

    /// Everything the demo and the built-in test steps need (`cargo xtask setup`).
    pub const EVERYTHING: [Prereq; 12] = [
        Prereq::RustComponents,
        Prereq::WasmTarget,
        Prereq::SizeToolchain,
        Prereq::WasmBindgenCli,
        Prereq::WasmSplitCli,
        Prereq::Node,
        Prereq::NodePackages,
        Prereq::Chromium,
        Prereq::FIREFOX,
        Prereq::Geckodriver,
        Prereq::WEBKIT,
        Prereq::REDIS,
    ];
}

/// What this run has already ensured, so that each prerequisite is checked once.
#[derive(Default)]
pub struct SetupState {
    pub(crate) done: Vec<(Prereq, Result<(), Failed>)>,
    pub(crate) apt_updated: bool,
}

/// Why a prerequisite could not be ensured, kept for every later caller: an `anyhow::Error` is
/// not `Clone`, so the first error is shared and shown whole (with its context) each time.
#[derive(Debug, Clone)]
pub struct Failed(pub std::sync::Arc<anyhow::Error>);

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

impl std::error::Error for Failed {}
