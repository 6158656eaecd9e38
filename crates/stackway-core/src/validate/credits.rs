//! Feasibility of `{"credits": x, "from": […]}` groups: the listed credentials must be able to
//! give at least x credits between them.

use std::collections::{HashMap, HashSet};

use super::Ctx;
use crate::feed::Feed;

pub(crate) fn check_credits_groups(ctx: &mut Ctx, feed: &Feed) {
    if ctx.credits_groups.is_empty() {
        return;
    }
    let credits: HashMap<&str, f64> = feed
        .credentials
        .iter()
        .map(|c| (c.id.as_str(), c.credits.unwrap_or(0.0)))
        .collect();
    let mut found = Vec::new();
    for group in &ctx.credits_groups {
        let distinct: HashSet<&str> = group.from.iter().map(String::as_str).collect();
        let available: f64 = distinct.iter().filter_map(|id| credits.get(id)).sum();
        if available < group.credits {
            found.push((
                group.at.clone(),
                format!(
                    "this group needs {} credits but its list can give at most {available}: it can never be completed",
                    group.credits
                ),
            ));
        }
    }
    for (at, message) in found {
        ctx.error("credits-unreachable", &at.pointer, at.pos, message);
    }
}
