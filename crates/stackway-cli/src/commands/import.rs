//! `stackway import ctdl FILE|URL [-o feed.json]`: converts a CTDL pathway into a feed v1.
//!
//! Warnings go to standard error with their place in the CTDL file (line:column and JSON
//! Pointer), then one summary line says what became of the pathway: how many of its nodes became
//! credentials, how many conditions became requirement groups, and the warnings by code.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{anyhow, bail};

use stackway_core::interop::ctdl::{import_text, Import};
use stackway_core::{parse_feed, Diagnostic, Severity};

/// Inputs larger than this are refused, as `stackway check` does for feeds.
const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

/// The formats `stackway import` reads.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    /// A CTDL pathway (JSON-LD), as served by the Credential Registry.
    Ctdl,
    /// A spreadsheet (XLSX, XLS, ODS, or a CSV of credentials) in Stackway's template
    /// (docs/spreadsheet.md).
    Sheet,
}

/// Arguments of `stackway import`.
#[derive(clap::Args)]
pub struct Args {
    /// The format of the input.
    #[arg(value_enum)]
    pub format: Format,
    /// A file path, or an http(s) URL to fetch (e.g. a Credential Registry graph URL).
    pub source: String,
    /// Write the feed to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// For `sheet`: a feed to import into (the sheets replace its lists); a CSV holds only
    /// credentials, so the rest of the feed comes from here.
    #[arg(long)]
    pub into: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    if let Format::Sheet = args.format {
        return super::import_sheet::run(
            &args.source,
            args.into.as_deref(),
            args.output.as_deref(),
        );
    }
    let text = match read_source(&args.source) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {}: {error:#}", args.source);
            return ExitCode::from(2);
        }
    };
    let imported = import_text(&text);
    for d in &imported.diagnostics {
        print_diagnostic(&args.source, d);
    }
    let Some(feed) = &imported.feed else {
        eprintln!("error: nothing could be imported from {}", args.source);
        return ExitCode::from(1);
    };
    let json = match serde_json::to_string_pretty(feed) {
        Ok(json) => json + "\n",
        Err(e) => {
            eprintln!("error: cannot write the feed: {e}");
            return ExitCode::from(1);
        }
    };
    // The importer promises a valid feed; say so loudly if it ever does not keep that promise.
    let check = parse_feed(&json);
    if check.has_errors() {
        eprintln!("error: the imported feed does not validate (please report this as a bug):");
        for d in check
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            print_diagnostic("imported feed", d);
        }
        return ExitCode::from(1);
    }
    eprintln!("{}", summary_line(&imported));
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

fn print_diagnostic(source: &str, d: &Diagnostic) {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let place = match (d.line, d.column) {
        (Some(line), Some(column)) => format!("{source}:{line}:{column}"),
        _ => source.to_owned(),
    };
    let at = if d.pointer.is_empty() {
        String::new()
    } else {
        format!(" (at {})", d.pointer)
    };
    eprintln!("{severity}[{}]: {place}{at}: {}", d.code, d.message);
}

/// One line on what an import made of a pathway: `imported 53 components → 53 credentials,
/// 11 conditions → 12 requirement groups, 1 pathway; 1 warning: ctdl-prefix 1`.
pub(crate) fn summary_line(imported: &Import) -> String {
    let s = &imported.summary;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let counts = imported.counts_by_code();
    let warnings: usize = counts.values().sum();
    let by_code = counts
        .iter()
        .map(|(code, n)| format!("{code} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let warnings = match warnings {
        0 => "no warnings".to_owned(),
        n => format!("{}: {by_code}", plural(n, "warning", "warnings")),
    };
    format!(
        "imported {} → {}, {} → {}, {}; {warnings}",
        plural(s.components, "component", "components"),
        plural(s.credentials, "credential", "credentials"),
        plural(s.conditions, "condition", "conditions"),
        plural(s.groups, "requirement group", "requirement groups"),
        plural(s.pathways, "pathway", "pathways"),
    )
}

/// Reads a file, or fetches an http(s) URL asking for JSON-LD.
pub(crate) fn read_source(source: &str) -> anyhow::Result<String> {
    let lower = source.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .build();
        let response = agent
            .get(source)
            .set(
                "Accept",
                "application/ld+json, application/json;q=0.9, */*;q=0.1",
            )
            .call()
            .map_err(|e| match e {
                ureq::Error::Status(code, _) => anyhow!("the server answered HTTP {code}"),
                ureq::Error::Transport(t) => anyhow::Error::new(t),
            })?;
        let mut text = String::new();
        response
            .into_reader()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_string(&mut text)?;
        if text.len() as u64 > MAX_INPUT_BYTES {
            bail!("the document is larger than 20 MB");
        }
        return Ok(text);
    }
    let metadata = std::fs::metadata(source)?;
    if metadata.len() > MAX_INPUT_BYTES {
        bail!("the file is larger than 20 MB");
    }
    Ok(std::fs::read_to_string(source)?)
}
