//! The calls into `stackway_core`'s engine. PLACEHOLDER until the engine branch lands: it
//! returns empty results so the rest of the widget builds.

use stackway_core::Feed;

use super::{Insights, ProgramStatus};
use crate::state::Plan;

pub fn compute(feed: &Feed, _plan: &Plan) -> Insights {
    Insights {
        programs: feed
            .credentials
            .iter()
            .filter(|c| c.is_stackable())
            .map(|c| ProgramStatus {
                id: c.id.clone(),
                satisfied: false,
                fraction: 0.0,
                summary: Vec::new(),
                missing: Vec::new(),
                route: None,
            })
            .collect(),
        ..Insights::default()
    }
}

pub fn counts_toward(_feed: &Feed, _id: &str) -> Vec<String> {
    Vec::new()
}

/// Every message id the engine can produce (the Fluent files have `engine-<id>` for each).
pub fn message_ids() -> Vec<String> {
    Vec::new()
}
