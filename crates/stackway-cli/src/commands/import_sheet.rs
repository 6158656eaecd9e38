//! `stackway import sheet FILE [--into FEED] [-o feed.json]`: a spreadsheet in Stackway's
//! template → a feed, with every problem printed at its sheet, row and column.
//!
//! The feed is written even when there are problems: it holds everything the spreadsheet held
//! (unreadable values as text, unknown columns as unknown keys), so that nothing is lost and the
//! studio or `stackway check` can show the rest. The exit code says whether it is clean: `0`
//! (warnings allowed), `1` errors, `2` a file could not be read or written.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use stackway_core::canonical::Json;
use stackway_sheet::{import, Source};

/// Largest spreadsheet read, as for feeds.
const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

pub fn run(file: &str, into: Option<&Path>, output: Option<&Path>) -> ExitCode {
    let bytes = match read(Path::new(file)) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot read {file}: {error:#}");
            return ExitCode::from(2);
        }
    };
    let base = match into {
        None => None,
        Some(path) => {
            let text = match read(path).map(|b| String::from_utf8_lossy(&b).into_owned()) {
                Ok(text) => text,
                Err(error) => {
                    eprintln!("error: cannot read {}: {error:#}", path.display());
                    return ExitCode::from(2);
                }
            };
            match Json::parse(&text) {
                Ok(doc) => Some(doc),
                Err(d) => {
                    eprintln!("error: {} is not JSON: {}", path.display(), d.message);
                    return ExitCode::from(2);
                }
            }
        }
    };
    let name = Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let imported = import(&[Source { name, bytes }], base.as_ref());
    for problem in &imported.problems {
        eprintln!("{problem}");
    }
    let credentials = match imported.document.get("credentials") {
        Some(Json::Array(items)) => items.len(),
        _ => 0,
    };
    eprintln!(
        "imported {credentials} credential(s) with {} problem(s)",
        imported.problems.len()
    );
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &imported.text) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
        None => print!("{}", imported.text),
    }
    if imported.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    let metadata = std::fs::metadata(path)?;
    if metadata.len() > MAX_INPUT_BYTES {
        bail!("the file is larger than 20 MB");
    }
    Ok(std::fs::read(path)?)
}
