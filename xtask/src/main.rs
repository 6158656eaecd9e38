//! `cargo xtask`: the project's build, demo and test machinery.
//!
//! Every command installs what it needs first (see `setup.rs`), skipping whatever is already
//! present, so that a fresh machine with only Rust needs nothing else.

use anyhow::{anyhow, Context as _};
mod build;
mod compress;
mod context;
mod count;
mod dist;
mod fingerprint;
mod prereq;
mod setup;
mod size;
mod steps;

use std::process::ExitCode;

use context::Context;

const USAGE: &str = "\
cargo xtask <command>

Commands:
  demo [--listen ADDR]   install what is missing, build the widget and serve the demo
                         (default http://127.0.0.1:8080) until Ctrl-C
  test [FILTER...]       install what is missing, then run every check and test suite;
                         with FILTERs, only the steps whose name contains one of them
  test --list            list the test steps
  studio [FEED] [--listen ADDR]
                         install what is missing, build the widget and Stackway Studio, and
                         start the studio on FEED (created on the first save if missing)
  size                   build the release widget and report raw, gzip and brotli sizes
  build                  build the release widget into pkg/ and Stackway Studio into pkg/studio/
  dist [--profile dev]   build the one-file release: dist/stackway-VERSION-TARGET.tar.gz (the
                         stackway command with the widget inside, widget/, integrity.json);
                         with --profile dev, the same archive around the debug build, in
                         target/dist-dev/, for tests (never for a release)
  setup                  only install what the demo and the tests need
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let mut cx = Context::new();
    let result = match command.as_str() {
        "demo" => demo(&mut cx, rest),
        "test" => return steps::run_test_command(&mut cx, rest),
        "size" => size::run(&mut cx),
        "studio" => studio(&mut cx, rest),
        "build" => build::widget_with_setup(&mut cx).and_then(|()| build::studio(&mut cx)),
        "dist" => dist::Profile::from_args(rest)
            .and_then(|profile| dist::run(&mut cx, profile).map(|_| ())),
        "setup" => setup::ensure_concurrently(&mut cx, &prereq::Prereq::EVERYTHING),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("xtask: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {command}: FAILED: {message:#}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask demo`: set-up, widget build, CLI build, then `stackway serve` in the foreground.
fn demo(cx: &mut Context, args: &[String]) -> anyhow::Result<()> {
    let listen = match args {
        [] => "127.0.0.1:8080".to_owned(),
        [flag, address] if flag == "--listen" => address.clone(),
        _ => {
            return Err(anyhow!(
                "unexpected arguments {args:?}; usage: cargo xtask demo [--listen ADDR]"
            ))
        }
    };
    // The server builds while the tools install; the widget builds once they are in.
    let mut stackway = None;
    cx.concurrently(vec![
        Box::new(build::widget_with_setup),
        Box::new(|cx| {
            stackway = Some(build::cli(cx)?);
            Ok(())
        }),
    ])?;
    let stackway = stackway.context("the stackway command was not built")?;
    cx.progress(
        "demo",
        &format!("starting the demo server on http://{listen}/"),
    );
    let mut command = cx.command(&stackway);
    command
        .args(["serve", "--dir"])
        .arg(&cx.root)
        .args(["--listen", &listen]);
    // The server runs until Ctrl-C, which reaches it directly (same process group).
    let status = command
        .status()
        .with_context(|| format!("cannot start {}", stackway.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(anyhow!("stackway serve exited with {status}"))
    }
}

/// `cargo xtask studio [FEED] [--listen ADDR] [--no-open]`: set-up, the widget and the studio
/// built, then `stackway studio` in the foreground (it prints the link and opens it).
fn studio(cx: &mut Context, args: &[String]) -> anyhow::Result<()> {
    let mut passed: Vec<String> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--listen" => {
                let address = rest
                    .next()
                    .context("--listen needs an address, such as 127.0.0.1:8090")?;
                passed.extend(["--listen".to_owned(), address.clone()]);
            }
            "--no-open" => passed.push(arg.clone()),
            feed if !feed.starts_with('-') => {
                // Relative to where the command was typed, not to the repository.
                let path = std::env::current_dir()
                    .map(|dir| dir.join(feed))
                    .unwrap_or_else(|_| feed.into());
                passed.push(path.display().to_string());
            }
            other => {
                return Err(anyhow!(
                    "unexpected argument `{other}`; usage: cargo xtask studio [FEED] [--listen ADDR] [--no-open]"
                ))
            }
        }
    }
    // The server builds while the tools install; the widget and the studio once they are in.
    let mut stackway = None;
    cx.concurrently(vec![
        Box::new(|cx| build::widget_with_setup(cx).and_then(|()| build::studio(cx))),
        Box::new(|cx| {
            stackway = Some(build::cli(cx)?);
            Ok(())
        }),
    ])?;
    let stackway = stackway.context("the stackway command was not built")?;
    let mut command = cx.command(&stackway);
    command
        .arg("studio")
        .arg("--assets")
        .arg(&cx.root)
        .args(&passed);
    // The server runs until Ctrl-C, which reaches it directly (same process group).
    let status = command
        .status()
        .with_context(|| format!("cannot start {}", stackway.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(anyhow!("stackway studio exited with {status}"))
    }
}
