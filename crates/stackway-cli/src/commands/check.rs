//! `stackway check FEED…`: validates feeds (files or http(s) URLs) and reports every problem.
//!
//! A CTDL pathway (JSON-LD, as the Credential Registry serves it) is checked as the widget would
//! read it: it is imported, and the import's warnings are reported beside the problems of the
//! feed it gives, every one pointing into the CTDL file (a feed problem points at the CTDL node
//! its credential or pathway came from).
//!
//! Exit codes: 0 when no feed has an error (warnings allowed), 1 when some feed has errors,
//! 2 when some input could not be read at all.

use std::fmt::Write as _;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::anyhow;
use serde::Serialize;
use stackway_core::interop::ctdl::{import_document, Import};
use stackway_core::interop::detect::{document_kind, DocumentKind};
use stackway_core::json::{self, MAX_BYTES};
use stackway_core::{parse_feed, parse_feed_bytes, Diagnostic, Parsed, Severity};

use super::import::summary_line;

/// Arguments of `stackway check`.
#[derive(clap::Args)]
pub struct Args {
    /// Feed files or http(s) URLs to check.
    #[arg(required = true, value_name = "FEED")]
    feeds: Vec<String>,
    /// Output format. `json` prints one object per feed (one per line):
    /// {"ok": bool, "diagnostics": [{"code", "severity", "pointer", "message", "line", "column"}]}.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to colour human output (auto: only on a terminal, and never when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The `--format json` contract for one feed.
#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    diagnostics: &'a [Diagnostic],
}

pub fn run(args: Args) -> ExitCode {
    let colour = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let style = Style { colour };
    let mut unreadable = false;
    let mut errors = false;
    for feed in &args.feeds {
        let bytes = match read_input(feed) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("stackway check: cannot read {feed}: {error:#}");
                unreadable = true;
                continue;
            }
        };
        let (parsed, imported) = check_bytes(&bytes);
        let has_errors = parsed.has_errors();
        errors |= has_errors;
        match args.format {
            Format::Json => {
                let report = Report {
                    ok: !has_errors,
                    diagnostics: &parsed.diagnostics,
                };
                match serde_json::to_string(&report) {
                    Ok(line) => println!("{line}"),
                    Err(e) => {
                        eprintln!("stackway check: cannot encode the report: {e}");
                        unreadable = true;
                    }
                }
            }
            Format::Human => {
                let text = String::from_utf8_lossy(&bytes);
                let note = imported
                    .as_ref()
                    .map(|i| format!("{feed}: CTDL pathway {}", summary_line(i)));
                print!(
                    "{}",
                    render_human(feed, &text, &parsed.diagnostics, note.as_deref(), style)
                );
            }
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Checks a feed, or a CTDL pathway: the pathway is imported and the feed it gives is checked
/// too, each of those problems pointing at the CTDL node it came from.
fn check_bytes(bytes: &[u8]) -> (Parsed, Option<Import>) {
    let text = match std::str::from_utf8(bytes) {
        // Only text that can be JSON-LD is read once more to tell.
        Ok(text) if text.contains("\"@context\"") || text.contains("\"@graph\"") => text,
        _ => return (parse_feed_bytes(bytes), None),
    };
    let doc = match json::read(text) {
        Ok(doc) if document_kind(doc.root()) == DocumentKind::Ctdl => doc,
        _ => return (parse_feed_bytes(bytes), None),
    };
    let imported = import_document(&doc);
    let mut diagnostics = imported.diagnostics.clone();
    if let Some(feed) = &imported.feed {
        match serde_json::to_string(feed) {
            Ok(feed_text) => diagnostics.extend(
                parse_feed(&feed_text)
                    .diagnostics
                    .into_iter()
                    .map(|d| in_ctdl_file(&imported, &doc, d)),
            ),
            Err(e) => eprintln!("stackway check: cannot write the imported feed: {e}"),
        }
    }
    let parsed = Parsed {
        feed: imported.feed.clone(),
        diagnostics,
    };
    (parsed, Some(imported))
}

/// A problem of the imported feed, pointing at the CTDL node it came from.
fn in_ctdl_file(imported: &Import, doc: &json::Document<'_>, d: Diagnostic) -> Diagnostic {
    let message = format!("{} (in the imported feed at {})", d.message, d.pointer);
    match imported.locate(doc, &d.pointer) {
        Some(at) => Diagnostic {
            pointer: at.pointer,
            line: Some(at.line),
            column: Some(at.column),
            message,
            ..d
        },
        None => Diagnostic {
            pointer: String::new(),
            line: None,
            column: None,
            message,
            ..d
        },
    }
}

/// Reads a file, or fetches an http(s) URL, refusing anything over the feed size limit.
fn read_input(feed: &str) -> anyhow::Result<Vec<u8>> {
    let lower = feed.to_ascii_lowercase();
    let limit = MAX_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("stackway/", env!("CARGO_PKG_VERSION")))
            .build();
        let response = agent.get(feed).call().map_err(|e| match e {
            ureq::Error::Status(code, response) => {
                anyhow!("the server answered HTTP {code} {}", response.status_text())
            }
            ureq::Error::Transport(t) => anyhow::Error::new(t),
        })?;
        response.into_reader().take(limit).read_to_end(&mut bytes)?;
    } else {
        let file = std::fs::File::open(feed)?;
        file.take(limit).read_to_end(&mut bytes)?;
    }
    // Over the limit: let the core produce its `input-too-large` diagnostic.
    Ok(bytes)
}

#[derive(Clone, Copy)]
struct Style {
    colour: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// `file:line:column: severity[code]: message`, then the offending line with a marker under the
/// value, then a summary line.
fn render_human(
    feed: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    note: Option<&str>,
    style: Style,
) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for d in diagnostics {
        let (label, colour) = match d.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let line = d.line.unwrap_or(1);
        let column = d.column.unwrap_or(1);
        let _ = writeln!(
            out,
            "{}: {}: {}",
            style.paint("1", &format!("{feed}:{line}:{column}")),
            style.paint(colour, &format!("{label}[{}]", d.code)),
            d.message
        );
        if let Some(source) = lines.get((line as usize).saturating_sub(1)) {
            let source = source.replace('\t', " ");
            let (snippet, offset) = clip(&source, (column as usize).saturating_sub(1));
            let width = token_width(&snippet, offset);
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(
                out,
                "{} {snippet}",
                style.paint("34", &format!("{gutter} |"))
            );
            let marker = format!("{}{}", " ".repeat(offset), "^".repeat(width));
            let at = if d.pointer.is_empty() {
                String::new()
            } else {
                format!(" {}", d.pointer)
            };
            let _ = writeln!(
                out,
                "{} {}{}",
                style.paint("34", &format!("{pad} |")),
                style.paint(colour, &marker),
                at
            );
        }
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let summary = if diagnostics.is_empty() {
        style.paint("1;32", &format!("{feed}: ok, no problems found"))
    } else {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let status = if errors > 0 { "1;31" } else { "1;33" };
        style.paint(
            status,
            &format!(
                "{feed}: {}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            ),
        )
    };
    if let Some(note) = note {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(out, "{summary}");
    out
}

/// At most 100 characters of a long (e.g. minified) line around the column; returns the
/// clipped line and the column's character offset within it.
fn clip(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(40).min(chars.len());
    let end = (start + 100).min(chars.len());
    let snippet: String = chars.get(start..end).unwrap_or_default().iter().collect();
    (snippet, column.saturating_sub(start))
}

/// How many characters the value starting at `offset` spans (a string or a scalar), at least 1.
fn token_width(line: &str, offset: usize) -> usize {
    let chars: Vec<char> = line.chars().skip(offset).collect();
    match chars.first() {
        Some('"') => {
            let mut escaped = false;
            for (i, &c) in chars.iter().enumerate().skip(1) {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return i + 1,
                    _ => escaped = false,
                }
            }
            chars.len().max(1)
        }
        Some(c) if c.is_ascii_alphanumeric() || *c == '-' => chars
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
            .count(),
        _ => 1,
    }
}
