//! `stackway schema`: prints the JSON Schema of feed format v1, or (`--doc FILE`) rewrites the
//! generated field reference of a Markdown document such as `docs/feed-format.md`. Both come from
//! the core's field table.

use std::path::PathBuf;
use std::process::ExitCode;

use stackway_core::field_table::reference;
use stackway_core::schema::feed_schema_text;

/// Arguments of `stackway schema`.
#[derive(clap::Args)]
pub struct Args {
    /// Write the schema to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Instead of the schema, rewrite the field reference of this Markdown file (the part
    /// between its `BEGIN field reference` and `END field reference` lines).
    #[arg(long, conflicts_with = "output")]
    doc: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    if let Some(path) = args.doc {
        return rewrite_reference(&path);
    }
    let text = feed_schema_text();
    match args.output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => write(&path, &text),
    }
}

fn rewrite_reference(path: &PathBuf) -> ExitCode {
    let doc = match std::fs::read_to_string(path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("stackway schema: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    match reference::splice(&doc) {
        Some(text) => write(path, &text),
        None => {
            eprintln!(
                "stackway schema: {} has no generated field reference: add the lines\n{}\n{}",
                path.display(),
                reference::BEGIN,
                reference::END
            );
            ExitCode::from(2)
        }
    }
}

fn write(path: &PathBuf, text: &str) -> ExitCode {
    match std::fs::write(path, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stackway schema: cannot write {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}
