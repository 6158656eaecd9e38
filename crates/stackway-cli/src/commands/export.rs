//! `stackway export ctdl FEED --pathway ID [-o out.jsonld]`: writes a pathway as CTDL JSON-LD.

use std::path::PathBuf;
use std::process::ExitCode;

use stackway_core::interop::ctdl::export_pathway;
use stackway_core::interop::detect::read_feed_text;
use stackway_core::Severity;

/// The formats `stackway export` writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    /// A CTDL pathway (JSON-LD with the Credential Registry's `@context`).
    Ctdl,
}

/// Arguments of `stackway export`.
#[derive(clap::Args)]
pub struct Args {
    /// The format to write.
    #[arg(value_enum)]
    pub format: Format,
    /// The feed: a file path or an http(s) URL.
    pub feed: String,
    /// The id of the pathway to export.
    #[arg(long)]
    pub pathway: String,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    let Format::Ctdl = args.format;
    let text = match super::import::read_source(&args.feed) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {}: {error:#}", args.feed);
            return ExitCode::from(2);
        }
    };
    let parsed = read_feed_text(&text);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let feed = match (parsed.feed.as_ref(), errors.is_empty()) {
        (Some(feed), true) => feed,
        _ => {
            for d in &errors {
                eprintln!(
                    "error[{}]: {} {}: {}",
                    d.code, args.feed, d.pointer, d.message
                );
            }
            eprintln!(
                "error: {} is not a valid feed; run `stackway check` for details",
                args.feed
            );
            return ExitCode::from(1);
        }
    };
    let document = match export_pathway(feed, &args.pathway) {
        Ok(document) => document,
        Err(e) => {
            let known: Vec<&str> = feed.pathways.iter().map(|p| p.id.as_str()).collect();
            eprintln!("error: {e} (pathways in this feed: {})", known.join(", "));
            return ExitCode::from(1);
        }
    };
    let json = match serde_json::to_string_pretty(&document) {
        Ok(json) => json + "\n",
        Err(e) => {
            eprintln!("error: cannot write the document: {e}");
            return ExitCode::from(1);
        }
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, json) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
        None => print!("{json}"),
    }
    ExitCode::SUCCESS
}
