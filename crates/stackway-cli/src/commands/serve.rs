//! `stackway serve`: serves the demo page, the widget's files and the feeds over HTTP; with
//! `--config tool.toml` it is also the LTI 1.3 tool (routes from `stackway-lti`). `GET /healthz`
//! answers load balancers (`health.rs`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::logging::{self, LogFormat};
use crate::{health, static_site};

/// Arguments of `stackway serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Folder to serve; `/` is its `index.html` (the repository root serves the demo). The
    /// release has the widget, the demo and the builder inside it and serves only those when
    /// this is not given; with it, files in the folder come first. Other builds serve `.`.
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Run the LTI 1.3 tool with this configuration (TOML; see docs/lms/). Nonces and states are
    /// kept in memory, or in Redis when STACKWAY_REDIS_URL is set.
    #[arg(long, value_name = "tool.toml")]
    pub config: Option<PathBuf>,
    /// How log lines on standard error are written: `text` for people, `json` for a log
    /// collector (one JSON object per line). `RUST_LOG` filters them (default `info`).
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

pub fn run(args: Args) -> ExitCode {
    if let Some(dir) = args.dir.as_ref().filter(|dir| !dir.is_dir()) {
        eprintln!(
            "stackway serve: {} is not a folder (use --dir to choose what to serve)",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("stackway serve: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stackway serve: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: Args) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let address = listener
        .local_addr()
        .context("cannot read the listening address")?;
    // The folder to serve, if any, and the site: the folder's files, then the built-in ones.
    let (root, site) = match (&args.dir, static_site::built_in()) {
        (None, Some(built_in)) => (None, built_in),
        (dir, _) => {
            let dir = dir.clone().unwrap_or_else(|| PathBuf::from("."));
            let root = dir.canonicalize().unwrap_or(dir);
            (Some(root.clone()), static_site::router(root))
        }
    };
    let shown = root.as_ref().map_or_else(
        || {
            format!(
                "the built-in site of stackway {}",
                env!("CARGO_PKG_VERSION")
            )
        },
        |root| root.display().to_string(),
    );
    logging::init(args.log_format);
    let (app, lti) = match &args.config {
        Some(config) => {
            let state = stackway_lti::AppState::from_config_file(config).await?;
            println!(
                "LTI 1.3 tool for {} platform(s); login {}/lti/login, launch {}, keys {}/.well-known/jwks.json",
                state.config().platforms.len(),
                state.config().base_url,
                state.config().launch_url(),
                state.config().base_url,
            );
            // The tool's routes first; everything else is the static site (widget, feeds).
            let app = stackway_lti::router(state.clone()).merge(site);
            (app, Some(state))
        }
        None => (site, None),
    };
    let app = app.merge(health::router(lti.clone()));
    tracing::info!(
        %address,
        site = %shown,
        lti = lti.is_some(),
        version = env!("CARGO_PKG_VERSION"),
        "serving"
    );
    println!("Serving {shown} at http://{address}/ (press Ctrl-C to stop)");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    tracing::info!("stopped");
    println!("Stopped.");
    Ok(())
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one (test runners and service managers).
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
