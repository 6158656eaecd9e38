//! `stackway register-link`: prints a one-time, expiring URL with which one LMS registers the
//! LTI tool through LTI Dynamic Registration, whether or not `tool.toml` opens registration to
//! everyone. The link is kept (hashed) in the tool's registration store, which the server reads.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context as _};

use stackway_lti::config::FeedHost;
use stackway_lti::registrations::{unix_now, Invite};

/// Arguments of `stackway register-link`.
#[derive(clap::Args)]
pub struct Args {
    /// The tool's configuration: its `base_url` and where registrations are kept.
    #[arg(long, value_name = "tool.toml", default_value = "tool.toml")]
    pub config: PathBuf,
    /// The platform's name in `stackway platforms list` (default: its product and host).
    #[arg(long)]
    pub name: Option<String>,
    /// A feed host for this platform only, `host` or `host:port` (repeat for several; default:
    /// `feed_hosts` of `[registration]` in tool.toml).
    #[arg(long = "feed-host", value_name = "HOST[:PORT]")]
    pub feed_hosts: Vec<String>,
    /// How long the link works: minutes (`30m`), hours (`48h`) or days (`7d`).
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration)]
    pub expires_in: Duration,
}

pub fn run(args: Args) -> ExitCode {
    match super::platforms::block_on(link(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stackway register-link: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn link(args: Args) -> anyhow::Result<()> {
    let config = stackway_lti::ToolConfig::load_settings(&args.config)?;
    let mut feed_hosts = Vec::new();
    for entry in &args.feed_hosts {
        let Some(host) = FeedHost::parse(entry) else {
            bail!("--feed-host {entry:?} must be a host such as feeds.example.edu, or host:port");
        };
        feed_hosts.push(host.to_string());
    }
    let invite = Invite {
        name: args.name.clone().filter(|n| !n.trim().is_empty()),
        feed_hosts: (!feed_hosts.is_empty()).then_some(feed_hosts),
        expires_at: unix_now() + args.expires_in.as_secs(),
    };
    let store = stackway_lti::state::registration_store(&config).await?;
    let token = stackway_lti::form::random_token();
    store
        .add_invite(&token, &invite)
        .await
        .context("cannot keep the link")?;
    let hours = args.expires_in.as_secs() / 3600;
    eprintln!(
        "One-time registration link{} (it works once, for {}):",
        invite
            .name
            .as_deref()
            .map(|n| format!(" for {n}"))
            .unwrap_or_default(),
        if hours >= 48 {
            format!("{} days", hours / 24)
        } else if hours >= 1 {
            format!("{hours} hours")
        } else {
            format!("{} minutes", args.expires_in.as_secs() / 60)
        }
    );
    println!("{}/lti/register?invite={token}", config.base_url);
    eprintln!("Paste it into the LMS where it registers an LTI Advantage tool by URL (docs/lms/).");
    Ok(())
}

/// `30m`, `48h`, `7d` (a bare number is days).
fn parse_duration(text: &str) -> anyhow::Result<Duration> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c),
        _ => (text, 'd'),
    };
    let number: u64 = number
        .parse()
        .with_context(|| format!("{text:?} is not a duration such as 30m, 48h or 7d"))?;
    let seconds = match unit {
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => bail!("{text:?}: the unit must be m, h or d"),
    };
    match number.checked_mul(seconds) {
        Some(0) | None => bail!("{text:?} must be at least a minute and at most a few years"),
        Some(total) if total > 366 * 86_400 => bail!("{text:?} is longer than a year"),
        Some(total) => Ok(Duration::from_secs(total)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_minutes_hours_and_days() {
        assert_eq!(parse_duration("30m").unwrap(), Duration::from_secs(1800));
        assert_eq!(parse_duration("48h").unwrap(), Duration::from_secs(172_800));
        assert_eq!(parse_duration("7d").unwrap(), Duration::from_secs(604_800));
        assert_eq!(parse_duration("2").unwrap(), Duration::from_secs(172_800));
        for bad in ["", "0m", "5w", "x", "400d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
