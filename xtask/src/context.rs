//! Where things are, how to start processes, and progress output.

use anyhow::{anyhow, Context as _};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::prereq::SetupState;

/// Shared state of one `cargo xtask` run.
pub struct Context {
    /// The workspace root (the repository).
    pub root: PathBuf,
    /// The `cargo` that runs us, so toolchain overrides carry through.
    pub cargo: PathBuf,
    /// `PATH` with cargo's bin folder in front, so freshly installed tools are found.
    path: std::ffi::OsString,
    /// What has already been installed or checked in this run.
    pub setup: SetupState,
    /// Whether the release widget was built in this run.
    pub widget_built: bool,
    /// Whether commands keep their output and show it only when they fail: for work done beside
    /// other work ([`Context::concurrently`]), whose output would otherwise interleave.
    quiet: bool,
}

/// Work for [`Context::concurrently`].
pub type Job<'a> = Box<dyn FnOnce(&mut Context) -> anyhow::Result<()> + Send + 'a>;

/// What a finished process printed, and whether it succeeded.
pub struct Captured {
    pub success: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Context {
    pub fn new() -> Context {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one folder below the workspace root")
            .to_path_buf();
        let cargo = std::env::var_os("CARGO")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("cargo"));
        let mut dirs: Vec<PathBuf> = Vec::new();
        if let Some(bin) = cargo_home().map(|home| home.join("bin")) {
            dirs.push(bin);
        }
        if let Some(existing) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&existing));
        }
        let path = std::env::join_paths(dirs).unwrap_or_default();
        Context {
            root,
            cargo,
            path,
            setup: SetupState::default(),
            widget_built: false,
            quiet: false,
        }
    }

    /// A context for work done beside this one (in another thread): the same places, its own
    /// record of what it installed, and commands that show their output only when they fail.
    pub fn fork(&self) -> Context {
        Context {
            root: self.root.clone(),
            cargo: self.cargo.clone(),
            path: self.path.clone(),
            setup: SetupState::default(),
            widget_built: self.widget_built,
            quiet: true,
        }
    }

    /// Takes in what a [`Context::fork`] installed and built, and how its work ended.
    pub fn absorb(&mut self, fork: Context, ended: anyhow::Result<()>) -> anyhow::Result<()> {
        self.widget_built |= fork.widget_built;
        self.setup.apt_updated |= fork.setup.apt_updated;
        for done in fork.setup.done {
            if !self.setup.done.iter().any(|(p, _)| *p == done.0) {
                self.setup.done.push(done);
            }
        }
        ended
    }

    /// Runs `jobs` at the same time, one thread each with a [`Context::fork`], then takes in
    /// what each installed or built. Downloads and compilations overlap, and a 2-core machine
    /// stays busy through each job's single-threaded stretches (downloads, linking). Every job
    /// runs to its end; the first failure is returned.
    pub fn concurrently(&mut self, jobs: Vec<Job<'_>>) -> anyhow::Result<()> {
        let ended: Vec<(Context, anyhow::Result<()>)> = thread::scope(|scope| {
            let running: Vec<_> = jobs
                .into_iter()
                .map(|job| {
                    let mut fork = self.fork();
                    scope.spawn(move || {
                        let result = job(&mut fork);
                        (fork, result)
                    })
                })
                .collect();
            running
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|_| (self.fork(), Err(anyhow!("a job panicked"))))
                })
                .collect()
        });
        let mut first_failure = Ok(());
        for (fork, result) in ended {
            let result = self.absorb(fork, result);
            if first_failure.is_ok() {
                first_failure = result;
            }
        }
        first_failure
    }

    /// The cargo target folder (honours `CARGO_TARGET_DIR`).
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    /// A command run from the workspace root, with our `PATH`, no stdin (CI has none, and
    /// nothing should ever wait for an answer), and colour when we print to a terminal.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(&self.root)
            .env("PATH", &self.path)
            .stdin(Stdio::null());
        if std::io::stdout().is_terminal() {
            command.env("CARGO_TERM_COLOR", "always");
        }
        command
    }

    /// The `PATH` every command runs with.
    pub fn path(&self) -> &std::ffi::OsStr {
        &self.path
    }

    /// A `cargo` command.
    pub fn cargo<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = self.command(&self.cargo);
        command.args(args);
        command
    }

    /// Whether `program` can be found and started with `args` (for `--version` probes).
    pub fn probe(&self, program: &str, args: &[&str]) -> Option<String> {
        let output = self
            .command(program)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }

    /// Prints one progress line, prefixed so it stands out from the tools' own output.
    pub fn progress(&self, area: &str, message: &str) {
        println!("xtask [{area}] {message}");
        let _ = std::io::stdout().flush();
    }

    /// Runs a command, streaming its output (or, when quiet, keeping it for the error), and
    /// fails with a message if it fails.
    pub fn run(&self, command: Command) -> anyhow::Result<()> {
        self.run_within(command, COMMAND_TIMEOUT)
    }

    /// [`Context::run`] with its own time limit (compilations are slow, not hung).
    pub fn run_within(&self, mut command: Command, limit: Duration) -> anyhow::Result<()> {
        let shown = show(&command);
        if self.quiet {
            let captured = self.captured_within(command, limit)?;
            if captured.success {
                return Ok(());
            }
            let output = format!("{}{}", captured.stdout, captured.stderr);
            let lines: Vec<&str> = output.lines().collect();
            let tail = lines[lines.len().saturating_sub(40)..].join("\n");
            return Err(anyhow!("`{shown}` failed; its last lines:\n{tail}"));
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start `{shown}`"))?;
        let status = wait_with_deadline(&mut child, &shown, limit)?;
        if status.success() {
            Ok(())
        } else {
            Err(anyhow!("`{shown}` failed ({status})"))
        }
    }

    /// Runs a command, streaming its output to ours as it comes, and returns it too.
    pub fn run_captured(&self, command: Command) -> anyhow::Result<Captured> {
        self.captured_within(command, COMMAND_TIMEOUT)
    }

    fn captured_within(&self, mut command: Command, limit: Duration) -> anyhow::Result<Captured> {
        let shown = show(&command);
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start `{shown}`"))?;
        let (out, err) = if self.quiet {
            (Shown::Nowhere, Shown::Nowhere)
        } else {
            (Shown::Stdout, Shown::Stderr)
        };
        let stdout = child.stdout.take().map(|s| tee(s, out));
        let stderr = child.stderr.take().map(|s| tee(s, err));
        let status = wait_with_deadline(&mut child, &shown, limit)?;
        let join = |h: Option<thread::JoinHandle<String>>| {
            h.map(|h| h.join().unwrap_or_default()).unwrap_or_default()
        };
        Ok(Captured {
            success: status.success(),
            code: status.code(),
            stdout: join(stdout),
            stderr: join(stderr),
        })
    }
}

/// The longest any one command may run: far beyond a normal run, but a hung browser or network
/// must not hold CI forever.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// The longest one `cargo install` may run. A compilation is slow, not hung: with the installs
/// side by side on a 2-core machine that other builds also load, wasm-bindgen-cli once took
/// more than 30 minutes.
pub const INSTALL_TIMEOUT: Duration = Duration::from_secs(75 * 60);

/// Waits for `child`, killing it once `limit` has passed.
fn wait_with_deadline(
    child: &mut Child,
    shown: &str,
    limit: Duration,
) -> anyhow::Result<ExitStatus> {
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(anyhow!(
                    "`{shown}` was stopped after {} minutes without finishing",
                    limit.as_secs() / 60
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(anyhow!("`{shown}` could not be waited for: {e}")),
        }
    }
}

/// Where [`tee`] copies a child's stream.
#[derive(Clone, Copy)]
enum Shown {
    Stdout,
    Stderr,
    Nowhere,
}

/// Copies a child's stream to ours line by line while keeping a copy.
fn tee(stream: impl Read + Send + 'static, shown: Shown) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut kept = String::new();
        let mut reader = BufReader::new(stream);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            match shown {
                Shown::Stdout => {
                    let _ = std::io::stdout().write_all(&line);
                }
                Shown::Stderr => {
                    let _ = std::io::stderr().write_all(&line);
                }
                Shown::Nowhere => {}
            }
            kept.push_str(&String::from_utf8_lossy(&line));
            line.clear();
        }
        kept
    })
}

/// A command as a person would type it, for messages.
pub fn show(command: &Command) -> String {
    let program = Path::new(command.get_program())
        .file_name()
        .unwrap_or(command.get_program())
        .to_string_lossy()
        .into_owned();
    std::iter::once(program)
        .chain(command.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn cargo_home() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(home));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo"))
}
