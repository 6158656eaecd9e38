//! The server's log: `tracing` lines on standard error, filtered by `RUST_LOG` (default `info`).
//!
//! Standard output carries the command's own messages (what it serves, where), so the two never
//! mix and a service manager can route each. The format is a parameter so that another one is
//! one more [`LogFormat`] variant here and one flag on the command, not a change to every
//! command that logs.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// How log lines are written (`--log-format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One human-readable line per event (`tracing-subscriber`'s default format).
    #[default]
    Text,
    /// One JSON object per line (`timestamp`, `level`, `target`, `fields` with the `message`),
    /// for log collectors (journald forwarders, Loki, Elasticsearch) that parse lines as JSON.
    /// No colours and no line wrapping, so each event is exactly one line.
    Json,
}

/// Installs the process-wide subscriber writing to standard error. A second call changes nothing.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // An error only means a subscriber is already installed (tests may start twice).
    let _ = match format {
        // Colours only for a person at a terminal, not in a file or a journal.
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
        LogFormat::Json => builder.json().with_ansi(false).try_init(),
    };
}
