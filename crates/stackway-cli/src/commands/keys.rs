//! `stackway keys` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway keys`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway keys: not implemented yet");
    ExitCode::from(2)
}
