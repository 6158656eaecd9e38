//! One module per subcommand, each with `Args` (clap) and `run(Args) -> ExitCode`.

pub mod check;
pub mod export;
pub mod import;
pub mod import_sheet;
pub mod keys;
pub mod plan;
pub mod platforms;
pub mod progress;
pub mod register_link;
pub mod schema;
pub mod serve;
pub mod studio;
