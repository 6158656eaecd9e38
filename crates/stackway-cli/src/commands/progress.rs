//! `stackway progress` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway progress`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway progress: not implemented yet");
    ExitCode::from(2)
}
