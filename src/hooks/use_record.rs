//! The learner's plan, kept in localStorage per feed id so that it survives reloads and each
//! institution's feed has its own.

use super::storage;
use yew::prelude::*;

use crate::state::Plan;

fn key(feed_id: &str) -> String {
    format!("stackway:plan:{feed_id}")
}

/// The saved plan for a feed, or an empty one (also when the saved copy is unreadable).
pub fn load_plan(feed_id: &str) -> Plan {
    storage::get(&key(feed_id))
        .and_then(|text| Plan::from_json(&text).ok())
        .unwrap_or_default()
}

/// Saves `plan` whenever it changes.
#[hook]
pub fn use_saved_plan(feed_id: String, plan: Plan) {
    use_effect_with((feed_id, plan), |(feed_id, plan)| {
        // Private browsing can refuse storage; the plan then lives for this page only.
        storage::set(&key(feed_id), &plan.to_json());
    });
}
