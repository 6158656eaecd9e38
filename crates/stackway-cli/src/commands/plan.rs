//! `stackway plan` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway plan`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway plan: not implemented yet");
    ExitCode::from(2)
}
