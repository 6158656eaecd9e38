//! The server's log: `tracing` lines on standard error, filtered by `RUST_LOG` (default `info`).
//!
//! Standard output carries the command's own messages (what it serves, where), so the two never
//! mix and a service manager can route each. The format is a parameter so that another one (JSON
//! lines for a log collector, say) is one more [`LogFormat`] variant here and one flag on the
//! command, not a change to every command that logs.

use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// One human-readable line per event (`tracing-subscriber`'s default format).
    #[default]
    Text,
}

/// Installs the process-wide subscriber writing to standard error. A second call changes nothing.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // An error only means a subscriber is already installed (tests may start twice).
    let _ = match format {
        LogFormat::Text => builder.try_init(),
    };
}
