//! `stackway import` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway import`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway import: not implemented yet");
    ExitCode::from(2)
}
