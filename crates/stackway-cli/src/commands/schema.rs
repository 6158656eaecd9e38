//! `stackway schema`: prints the JSON Schema of feed format v1.

use std::path::PathBuf;
use std::process::ExitCode;

use stackway_core::schema::feed_schema_text;

/// Arguments of `stackway schema`.
#[derive(clap::Args)]
pub struct Args {
    /// Write the schema to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    let text = feed_schema_text();
    match args.output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(&path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("stackway schema: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
    }
}
