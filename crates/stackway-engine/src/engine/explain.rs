//! Why a credential of the record does or does not count toward a goal.

use serde::Serialize;

use crate::catalog::{Catalog, CredIx, Target};
use crate::engine::holdings::Holdings;
use crate::engine::report::{evaluate_goal, Evaluation, Report};
use crate::engine::tree::TKind;
use crate::engine::{resolve, EngineError};
use crate::messages::{Message, MessageId};
use crate::record::Record;

/// The status of one credential with respect to one goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Status {
    /// It counts: it fills the leaf `fills` of `toward`'s requirements.
    Counted {
        toward: String,
        fills: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        equivalence: Option<u32>,
    },
    /// It was held but its `valid_years` have passed.
    Expired { earned: String, expired_on: String },
    /// It could fill `leaf`, but it is already used in this goal to fill `used_for`.
    AlreadyUsed { leaf: String, used_for: String },
    /// Nothing in the goal's expanded requirements accepts it (not even an equivalence).
    NotAccepted,
    /// It is accepted, but the groups that accept it are complete without it.
    NotNeeded,
    /// It is not in the record.
    NotHeld,
}

/// One explanation, with its localisable message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub credential: String,
    pub goal: String,
    #[serde(flatten)]
    pub status: Status,
    pub message: Message,
}

/// Every explanation for `credential` toward `goal`: its main status, then one `AlreadyUsed`
/// for each unmet place where it could have counted but was used elsewhere in the goal.
pub fn explain(
    cat: &Catalog,
    record: &Record,
    goal: &str,
    credential: &str,
) -> Result<Vec<Explanation>, EngineError> {
    let g = resolve(cat, goal)?;
    let c = resolve(cat, credential)?;
    let holdings = Holdings::new(cat, record);
    let ev = evaluate_goal(cat, &holdings, g);
    let report = Report::new(cat, &ev, &holdings);
    let mut out = vec![status_of(cat, &holdings, &ev, &report, c)];
    if holdings.is_held(c) {
        if let Some(at) = report.used_at(c) {
            for v in places(cat, &ev, c) {
                if v != at && !report.sat.get(v as usize).copied().unwrap_or(false) {
                    let leaf = report.leaf_target(v);
                    let used_for = report.leaf_target(at);
                    out.push(Explanation {
                        credential: cat.id(c).to_owned(),
                        goal: cat.id(g).to_owned(),
                        message: Message::new(MessageId::ExplainAlreadyUsed)
                            .id_arg("credential", cat.id(c))
                            .id_arg("leaf", leaf.clone())
                            .id_arg("used_for", used_for.clone()),
                        status: Status::AlreadyUsed { leaf, used_for },
                    });
                }
            }
        }
    }
    Ok(out)
}

/// The main status of every credential the record mentions, in record order.
pub(crate) fn explanations_for(
    cat: &Catalog,
    holdings: &Holdings,
    ev: &Evaluation,
    report: &Report<'_>,
) -> Vec<Explanation> {
    holdings
        .mentioned
        .iter()
        .map(|&c| status_of(cat, holdings, ev, report, c))
        .collect()
}

/// Leaves where `c` could count: naming it, or through an applicable equivalence holding it.
fn places(cat: &Catalog, ev: &Evaluation, c: CredIx) -> Vec<u32> {
    let mut out = Vec::new();
    for (v, t) in ev.tree.leaf_targets() {
        let Target::Known(x) = t else { continue };
        let owner = ev.tree.nodes.get(v as usize).map_or(0, |n| n.owner);
        let expanded = matches!(
            ev.tree.nodes.get(v as usize).map(|n| n.kind),
            Some(TKind::Leaf { expanded: true, .. })
        );
        let direct = x == c && !expanded;
        let via = cat.equivalences_for(x).iter().any(|&e| {
            cat.equivalences().get(e as usize).is_some_and(|eq| {
                eq.applies_within(owner) && eq.holding.contains(&Target::Known(c))
            })
        });
        if direct || via {
            out.push(v);
        }
    }
    out
}

fn status_of(
    cat: &Catalog,
    holdings: &Holdings,
    ev: &Evaluation,
    report: &Report<'_>,
    c: CredIx,
) -> Explanation {
    let id = cat.id(c).to_owned();
    let goal = cat.id(ev.goal).to_owned();
    let (status, message) = if let Some(e) = holdings.expiry(c) {
        (
            Status::Expired {
                earned: e.earned.to_string(),
                expired_on: e.expired_on.to_string(),
            },
            Message::new(MessageId::ExplainExpired)
                .id_arg("credential", id.clone())
                .id_arg("earned", e.earned.to_string())
                .id_arg("expired_on", e.expired_on.to_string()),
        )
    } else if !holdings.is_held(c) {
        (
            Status::NotHeld,
            Message::new(MessageId::ExplainNotHeld).id_arg("credential", id.clone()),
        )
    } else if let Some(at) = report.used_at(c) {
        let (_, equivalence) = report.fill_creds(at);
        let toward = ev
            .tree
            .nodes
            .get(at as usize)
            .map_or(String::new(), |n| cat.id(n.owner).to_owned());
        let fills = report.leaf_target(at);
        (
            Status::Counted {
                toward: toward.clone(),
                fills: fills.clone(),
                equivalence,
            },
            Message::new(MessageId::ExplainCounted)
                .id_arg("credential", id.clone())
                .id_arg("toward", toward)
                .id_arg("fills", fills),
        )
    } else if places(cat, ev, c).is_empty() {
        (
            Status::NotAccepted,
            Message::new(MessageId::ExplainNotAccepted)
                .id_arg("credential", id.clone())
                .id_arg("goal", goal.clone()),
        )
    } else {
        (
            Status::NotNeeded,
            Message::new(MessageId::ExplainNotNeeded)
                .id_arg("credential", id.clone())
                .id_arg("goal", goal.clone()),
        )
    };
    Explanation {
        credential: id,
        goal,
        status,
        message,
    }
}
