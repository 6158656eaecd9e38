//! `stackway keys`: the LTI tool's signing keys.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

/// Arguments of `stackway keys`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Subcommand)]
pub enum Action {
    /// Create a new 2048-bit RSA key (PEM, owner-only permissions). The newest key signs; older
    /// keys stay published in the JWKS until you delete them.
    Generate {
        /// Folder of the keys (the `keys` setting of tool.toml).
        #[arg(long, default_value = "keys/")]
        dir: PathBuf,
    },
    /// Print the public key set (JWKS) of the keys in a folder.
    Jwks {
        #[arg(long, default_value = "keys/")]
        dir: PathBuf,
    },
}

pub fn run(args: Args) -> ExitCode {
    match args.action {
        Action::Generate { dir } => match stackway_lti::generate_key(&dir) {
            Ok(path) => {
                let kid = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                println!("Created {} (kid {kid}); it signs from the next start of `stackway serve --config`.", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("stackway keys generate: {e}");
                ExitCode::FAILURE
            }
        },
        Action::Jwks { dir } => match stackway_lti::ToolKeys::load_dir(&dir) {
            Ok(keys) => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(keys.jwks()).unwrap_or_default()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("stackway keys jwks: {e}");
                ExitCode::from(2)
            }
        },
    }
}
