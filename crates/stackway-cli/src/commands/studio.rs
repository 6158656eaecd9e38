//! `stackway studio [FEED] [--listen ADDR]`: Stackway Studio, the feed editor, on this computer.
//!
//! It serves the studio's web app (built into `pkg/studio/` by `cargo xtask studio` or
//! `cargo xtask build`) and the learner widget it previews with, on the loopback interface by
//! default, and lets that page read and save exactly one file: FEED. The page it opens carries
//! a random token that every API request must present (see `studio_server`).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context as _};

use crate::studio_server::{self, StudioState};

/// Arguments of `stackway studio`.
#[derive(clap::Args)]
pub struct Args {
    /// The feed file to edit; it is created on the first save when it does not exist yet.
    /// Without it, the studio opens files from the browser and downloads the result.
    pub feed: Option<PathBuf>,
    /// Address and port to listen on (port 0 picks a free one). Anything but a loopback address
    /// exposes the studio to the network: the token still guards every request.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub listen: SocketAddr,
    /// Folder holding the built studio (`pkg/studio/`) and widget (`pkg/`, `www/`): the
    /// repository root after `cargo xtask build`.
    #[arg(long, default_value = ".")]
    pub assets: PathBuf,
    /// Print the URL without opening a browser.
    #[arg(long)]
    pub no_open: bool,
}

pub fn run(args: Args) -> ExitCode {
    let assets = args.assets.canonicalize().unwrap_or(args.assets.clone());
    if !assets.join(studio_server::STUDIO_INDEX).is_file() {
        eprintln!(
            "stackway studio: the studio's files are not built in {} (no {}).\n\
             From a clone of Stackway, `cargo xtask studio [FEED]` builds them and starts the \
             studio; or run `cargo xtask build`, then `stackway studio --assets <the clone> [FEED]`.",
            assets.display(),
            studio_server::STUDIO_INDEX
        );
        return ExitCode::from(2);
    }
    let feed = match args.feed.as_deref().map(feed_path).transpose() {
        Ok(feed) => feed,
        Err(error) => {
            eprintln!("stackway studio: {error:#}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("stackway studio: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(args.listen, assets, feed, !args.no_open)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stackway studio: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The absolute path of the feed to edit: an existing file, or a new one in an existing folder.
fn feed_path(path: &Path) -> anyhow::Result<PathBuf> {
    if path.is_dir() {
        bail!("{} is a folder; give the feed file to edit", path.display());
    }
    if path.exists() {
        return path
            .canonicalize()
            .with_context(|| path.display().to_string());
    }
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let parent = parent.canonicalize().with_context(|| {
        format!(
            "{}: the folder of the new feed does not exist",
            path.display()
        )
    })?;
    Ok(parent.join(name))
}

async fn serve(
    listen: SocketAddr,
    assets: PathBuf,
    feed: Option<PathBuf>,
    open_browser: bool,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener
        .local_addr()
        .context("cannot read the listening address")?;
    let token = studio_server::new_token().map_err(|e| anyhow!("no random token: {e}"))?;
    let url = format!("http://{address}/#token={token}");
    match &feed {
        Some(path) if path.exists() => println!("Stackway Studio: editing {}", path.display()),
        Some(path) => println!(
            "Stackway Studio: {} does not exist yet; the first save creates it",
            path.display()
        ),
        None => println!("Stackway Studio: no file given; open one from the page"),
    }
    if !address.ip().is_loopback() {
        println!(
            "Warning: listening on {address}, which other computers may reach; anyone with the \
             link below can edit the file."
        );
    }
    println!("Open {url}\n(press Ctrl-C to stop)");
    let state = StudioState::new(feed, assets, token, address);
    if open_browser {
        // Where no browser can be started (a server, a container), the printed link is enough.
        let _ = open::that_detached(&url);
    }
    axum::serve(listener, studio_server::router(state))
        .with_graceful_shutdown(crate::commands::serve::shutdown_signal())
        .await
        .context("server error")?;
    println!("Stopped.");
    Ok(())
}
