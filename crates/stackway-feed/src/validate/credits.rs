//! Feasibility of `{"credits": x, "from": […]}` groups: the listed credentials must be able to
//! give at least x credits between them.

use super::Ctx;
use crate::decimal;
use crate::diagnostics::Code;
use crate::feed::Feed;

pub(crate) fn check_credits_groups(ctx: &mut Ctx, feed: &Feed) {
    let mut found = Vec::new();
    let mut distinct: Vec<usize> = Vec::new();
    for group in &ctx.credits_groups {
        // Distinct listed credentials that exist (resolved), in feed order.
        let (from, to) = group.from;
        distinct.clear();
        distinct.extend(
            ctx.references
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .filter_map(|r| r.resolved),
        );
        distinct.sort_unstable();
        distinct.dedup();
        let available: f64 = distinct
            .iter()
            .filter_map(|&i| feed.credentials.get(i))
            .map(|c| c.credits.unwrap_or(0.0))
            .sum();
        if available < group.credits {
            found.push((
                group.at,
                format!(
                    "this group needs {} credits but its list can give at most {}: it can never be completed",
                    decimal::show(group.credits),
                    decimal::show(available)
                ),
            ));
        }
    }
    for (at, message) in found {
        ctx.error(Code::CreditsUnreachable, at, message);
    }
}
