//! The `stackway` command: one file per subcommand under `commands/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod health;
mod logging;
mod static_site;
mod studio_server;

/// Stackway: micro-credential pathways for learners, instructional designers and institutions.
#[derive(Parser)]
#[command(name = "stackway", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate one or more feeds and report every problem found.
    Check(commands::check::Args),
    /// Show a learner's progress toward one goal or every stackable credential.
    Progress(commands::progress::Args),
    /// Find the optimal route (credentials to add) to a goal.
    Plan(commands::plan::Args),
    /// Convert another format (CTDL) into a Stackway feed.
    Import(commands::import::Args),
    /// Convert a Stackway feed into another format (CTDL).
    Export(commands::export::Args),
    /// Print the JSON Schema of feed format v1.
    Schema(commands::schema::Args),
    /// Serve the demo and widget files, or run the LTI 1.3 tool with --config.
    Serve(commands::serve::Args),
    /// Manage the LTI tool's signing keys.
    Keys(commands::keys::Args),
    /// Print a one-time URL with which one LMS registers the LTI tool (LTI Dynamic Registration).
    RegisterLink(commands::register_link::Args),
    /// List, show or remove the platforms the LTI tool accepts launches from.
    Platforms(commands::platforms::Args),
    /// Stackway Studio: edit, check and preview a feed in the browser.
    Studio(commands::studio::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Servers keep Rust's default (SIGPIPE ignored): a browser that leaves in the middle of a
    // response makes the next write to its socket fail with EPIPE, which must end that one
    // connection, never the whole server.
    if !matches!(cli.command, Command::Serve(_) | Command::Studio(_)) {
        end_quietly_on_closed_pipe();
    }
    match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Progress(args) => commands::progress::run(args),
        Command::Plan(args) => commands::plan::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Keys(args) => commands::keys::run(args),
        Command::RegisterLink(args) => commands::register_link::run(args),
        Command::Platforms(args) => commands::platforms::run(args),
        Command::Studio(args) => commands::studio::run(args),
    }
}

/// Restores the default action of SIGPIPE, which Rust programs ignore: when the reader of the
/// output goes away (`stackway plan … | head`), the command ends at once, as `cat` or `grep`
/// would, instead of panicking on the next line it prints.
fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called at the start of `main`, before any thread starts (parsing the arguments
    // starts none); setting a signal's action to its default has no other effect on the process.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
