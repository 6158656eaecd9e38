//! `stackway serve` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway serve`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway serve: not implemented yet");
    ExitCode::from(2)
}
