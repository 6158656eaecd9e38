//! `stackway platforms list|show|remove`: the platforms the LTI tool accepts launches from, those
//! of `tool.toml` and those registered through LTI Dynamic Registration, for the operator.
//!
//! Registered platforms are read from the tool's registration store (SQLite beside tool.toml, or
//! Redis with `STACKWAY_REDIS_URL`), as the server reads them; a removal takes effect at the
//! server's next request. Platforms of `tool.toml` are removed by editing the file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use clap::Subcommand;
use serde_json::json;
use stackway_lti::config::{Platform, ProgressIdentity, ToolConfig};
use stackway_lti::registrations::Registration;

/// Arguments of `stackway platforms`.
#[derive(clap::Args)]
pub struct Args {
    /// The tool's configuration.
    #[arg(
        long,
        value_name = "tool.toml",
        default_value = "tool.toml",
        global = true
    )]
    pub config: PathBuf,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Subcommand)]
pub enum Action {
    /// Every platform: id, where it comes from, name, issuer, client id, deployments.
    List,
    /// Everything about one platform (an id from `list`, or a client id).
    Show { id: String },
    /// Forget a dynamically registered platform: its launches are refused from then on.
    Remove { id: String },
}

/// One platform as the operator sees it.
struct Entry {
    id: String,
    source: &'static str,
    platform: Platform,
    registration: Option<Registration>,
}

pub fn run(args: Args) -> ExitCode {
    match block_on(platforms(args)) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("stackway platforms: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs `future` on a small runtime (the stores are async; Redis needs a reactor).
pub(crate) fn block_on<T>(
    future: impl std::future::Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<T> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?
        .block_on(future)
}

async fn platforms(args: Args) -> anyhow::Result<ExitCode> {
    let config = ToolConfig::load_settings(&args.config)?;
    let store = stackway_lti::state::registration_store(&config).await?;
    let registered = store
        .list()
        .await
        .context("cannot read the registered platforms")?;
    let mut entries: Vec<Entry> = config
        .platforms
        .iter()
        .enumerate()
        .map(|(i, p)| Entry {
            id: format!("toml-{}", i + 1),
            source: "tool.toml",
            platform: (**p).clone(),
            registration: None,
        })
        .collect();
    for registration in registered {
        let platform = registration
            .platform(&config.registration)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("registration {}", registration.id))?;
        entries.push(Entry {
            id: registration.id.clone(),
            source: "registered",
            platform,
            registration: Some(registration),
        });
    }
    match args.action {
        Action::List => {
            list(&entries, args.json);
            Ok(ExitCode::SUCCESS)
        }
        Action::Show { id } => {
            let entry = find(&entries, &id)?;
            show(entry, args.json);
            Ok(ExitCode::SUCCESS)
        }
        Action::Remove { id } => {
            let entry = find(&entries, &id)?;
            if entry.registration.is_none() {
                bail!(
                    "{} ({}) is defined in {}: remove its [[platform]] block there",
                    entry.id,
                    entry.platform.name,
                    args.config.display()
                );
            }
            let removed = store
                .remove(&entry.id)
                .await
                .with_context(|| format!("cannot remove {}", entry.id))?;
            match removed {
                Some(removed) => {
                    println!(
                        "Removed {} ({}, client {}): its launches are refused from now on. Remove the tool in the LMS too.",
                        removed.id, removed.name, removed.client_id
                    );
                    Ok(ExitCode::SUCCESS)
                }
                None => bail!("{id} was removed meanwhile"),
            }
        }
    }
}

/// The entry with this id, or the only one with this client id.
fn find<'a>(entries: &'a [Entry], id: &str) -> anyhow::Result<&'a Entry> {
    if let Some(entry) = entries.iter().find(|e| e.id == id) {
        return Ok(entry);
    }
    let by_client: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.platform.client_id == id)
        .collect();
    match by_client.as_slice() {
        [one] => Ok(one),
        [] => bail!("no platform {id:?}; `stackway platforms list` shows their ids"),
        _ => bail!(
            "several platforms have client id {id:?}; use the id from `stackway platforms list`"
        ),
    }
}

fn deployments(platform: &Platform) -> String {
    if platform.deployment_ids.is_empty() {
        "any".into()
    } else {
        platform.deployment_ids.join(", ")
    }
}

fn to_json(entry: &Entry) -> serde_json::Value {
    let p = &entry.platform;
    json!({
        "id": entry.id,
        "source": entry.source,
        "name": p.name,
        "issuer": p.issuer,
        "client_id": p.client_id,
        "deployment_ids": p.deployment_ids,
        "auth_url": p.auth_url.as_str(),
        "jwks_url": p.jwks_url.as_str(),
        "feed_hosts": p.feed_hosts.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "progress_url": p.progress_url,
        "progress_identity": match p.progress_identity { ProgressIdentity::Sub => "sub", ProgressIdentity::PersonSourcedId => "person_sourcedid" },
        "frame_origins": p.origins(),
        "product": entry.registration.as_ref().and_then(|r| r.product.clone()),
        "openid_configuration": entry.registration.as_ref().map(|r| r.openid_configuration.clone()),
        "registered_at": entry.registration.as_ref().map(|r| r.registered_at),
    })
}

fn list(entries: &[Entry], as_json: bool) {
    if as_json {
        let all: Vec<_> = entries.iter().map(to_json).collect();
        println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        return;
    }
    if entries.is_empty() {
        println!("No platforms yet: add a [[platform]] to tool.toml, or give an LMS a link from `stackway register-link`.");
        return;
    }
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|e| {
            [
                e.id.clone(),
                e.source.to_string(),
                e.platform.name.clone(),
                e.platform.issuer.clone(),
                e.platform.client_id.clone(),
                deployments(&e.platform),
            ]
        })
        .collect();
    let header = ["ID", "SOURCE", "NAME", "ISSUER", "CLIENT ID", "DEPLOYMENTS"].map(String::from);
    let widths: Vec<usize> = (0..6)
        .map(|c| {
            rows.iter()
                .chain([&header])
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in [&header].into_iter().chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
}

fn show(entry: &Entry, as_json: bool) {
    let value = to_json(entry);
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        return;
    }
    let p = &entry.platform;
    let mut lines = vec![
        ("id", entry.id.clone()),
        ("source", entry.source.to_string()),
        ("name", p.name.clone()),
        ("issuer", p.issuer.clone()),
        ("client id", p.client_id.clone()),
        ("deployments", deployments(p)),
        ("auth url", p.auth_url.to_string()),
        ("key set url", p.jwks_url.to_string()),
        (
            "feed hosts",
            p.feed_hosts
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "progress url",
            p.progress_url.clone().unwrap_or_else(|| "(none)".into()),
        ),
        ("frame origins", p.origins().join(", ")),
    ];
    if let Some(r) = &entry.registration {
        lines.push(("product", r.product.clone().unwrap_or_default()));
        lines.push(("configuration", r.openid_configuration.clone()));
        lines.push(("registered at", r.registered_at_text()));
    }
    for (name, value) in lines {
        println!("{name:>14}: {value}");
    }
}
