//! `stackway check` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway check`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway check: not implemented yet");
    ExitCode::from(2)
}
