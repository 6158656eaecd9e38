//! `stackway schema` (not implemented yet).

use std::process::ExitCode;

/// Arguments of `stackway schema`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("stackway schema: not implemented yet");
    ExitCode::from(2)
}
