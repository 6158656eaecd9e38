//! `stackway export` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway export`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway export: not implemented yet");
    ExitCode::from(2)
}
