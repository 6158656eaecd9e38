//! The stackability engine: progress, what counts toward what, next steps and explanations.
//!
//! Every function takes a [`Catalog`] (built once per feed) and, where relevant, a learner
//! [`Record`] (which carries the evaluation date). Results are plain data made of ids, numbers
//! and [`Message`]s, serialisable with serde; no English text is produced for learners.
//! The semantics are specified in docs/semantics.md.

pub mod counts_toward;
pub mod evaluate;
pub mod explain;
pub mod groups;
pub mod holdings;
pub mod next_steps;
pub mod progress;
mod report;
pub mod summary;
pub mod tree;

use serde::Serialize;

use crate::catalog::Catalog;

pub use counts_toward::{counts_toward, CountsToward};
pub use explain::{explain, Explanation, Status};
pub use groups::{requirement_groups, Member, MemberState, RequirementGroup};
pub use next_steps::{next_steps, NextStep};
pub use progress::{progress, progress_all, GroupProgress, NodeKind, Progress, Remaining, Use};
pub use summary::{progress_summary, progress_summary_all, ProgressSummary};

/// Why a query could not run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum EngineError {
    /// The id is not a credential of the feed; `closest` is the nearest known id.
    UnknownCredential { id: String, closest: Option<String> },
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::UnknownCredential { id, closest } => {
                write!(f, "unknown credential {id:?}")?;
                if let Some(c) = closest {
                    write!(f, " (did you mean {c:?}?)")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for EngineError {}

/// Resolves an id or returns the error naming the closest known id.
pub fn resolve(cat: &Catalog, id: &str) -> Result<crate::catalog::CredIx, EngineError> {
    cat.index_of(id)
        .ok_or_else(|| EngineError::UnknownCredential {
            id: id.to_owned(),
            closest: cat.closest_id(id).map(str::to_owned),
        })
}
