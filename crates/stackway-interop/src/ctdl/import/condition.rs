//! `ceterms:ComponentCondition`s → requirement groups.
//!
//! A condition's targets (`targetComponent`) and nested conditions (`hasCondition`) are the
//! items of one group; `requiredNumber` n of them are needed (`choose n`, or `all` when n is
//! their number); without it, `logicalOperator` Or needs one and And all. The condition's
//! `ceterms:name` (else its `description`) is the group's label, which the widget shows. A
//! constraint "the targets' credit values add up to at least x" makes a `credits` group.

use crate::diagnostics::Code;
use std::collections::{HashMap, HashSet};

use super::super::graph::{iri, local_name, mentions, number, NodeId};
use super::{combine_all, distinct, Importer};
use crate::decimal;
use crate::feed::{Requirement, Text};

/// How deep `ceterms:hasCondition` may nest. Deeper trees would exceed the feed's nesting limit,
/// and no real pathway comes close.
const MAX_CONDITION_DEPTH: usize = 16;

/// The largest credit threshold a feed accepts.
const MAX_CREDITS: f64 = 10_000.0;

/// A node's requirement: its conditions, or else all of its children.
pub(super) fn requirement_of_node(
    importer: &mut Importer<'_>,
    node: NodeId,
) -> Option<Requirement> {
    let conditions = importer.g.refs(node, "ceterms", "hasCondition");
    if !conditions.is_empty() {
        let mut visiting = HashSet::new();
        let groups: Vec<Requirement> = conditions
            .into_iter()
            .filter_map(|c| condition(importer, c, 1, &mut visiting))
            .collect();
        return combine_all(groups, None);
    }
    let children = importer.g.refs(node, "ceterms", "hasChild");
    let children: Vec<Requirement> = distinct(children)
        .into_iter()
        .filter(|&child| child != node)
        .filter_map(|child| importer.credential_id(child))
        .map(Requirement::Credential)
        .collect();
    if children.is_empty() {
        return None;
    }
    importer.unconditioned.push(node);
    combine_all(children, None)
}

/// One condition → a requirement group (`None` when it asks for nothing usable).
fn condition(
    importer: &mut Importer<'_>,
    node: NodeId,
    depth: usize,
    visiting: &mut HashSet<NodeId>,
) -> Option<Requirement> {
    let id = importer.g.id(node).to_owned();
    let at = importer.g.at(node);
    if depth > MAX_CONDITION_DEPTH {
        importer.g.warn(
            Code::CtdlTooDeep,
            at,
            format!(
                "condition `{id}` is nested more than {MAX_CONDITION_DEPTH} levels deep; it is \
                 ignored"
            ),
        );
        return None;
    }
    if !visiting.insert(node) {
        importer.g.warn(
            Code::CtdlCycle,
            at,
            format!("condition `{id}` contains itself; the inner copy is ignored"),
        );
        return None;
    }
    let label = label(importer, node);
    let targets: Vec<String> = distinct(importer.g.refs(node, "ceterms", "targetComponent"))
        .into_iter()
        .filter_map(|t| importer.credential_id(t))
        .collect();
    let nested: Vec<Requirement> = importer
        .g
        .refs(node, "ceterms", "hasCondition")
        .into_iter()
        .filter_map(|c| condition(importer, c, depth + 1, visiting))
        .collect();
    visiting.remove(&node);

    if let Some(credits) =
        credit_threshold(importer, node, !nested.is_empty() || targets.is_empty())
    {
        return Some(Requirement::Credits {
            credits,
            from: targets,
            label,
        });
    }
    let mut items: Vec<Requirement> = targets.into_iter().map(Requirement::Credential).collect();
    items.extend(nested);
    if items.is_empty() {
        importer.g.warn(
            Code::CtdlEmptyCondition,
            at,
            format!("condition `{id}` has no usable target; it is ignored"),
        );
        return None;
    }
    let n = required_number(importer, node, items.len())?;
    if n >= items.len() {
        combine_all(items, label)
    } else {
        Some(Requirement::Choose {
            choose: u32::try_from(n).unwrap_or(u32::MAX),
            from: items,
            label,
        })
    }
}

/// The group's label: the condition's name, else its description.
fn label(importer: &mut Importer<'_>, node: NodeId) -> Option<Text> {
    importer
        .g
        .text(node, "ceterms", "name")
        .or_else(|| importer.g.text(node, "ceterms", "description"))
}

/// How many of `len` items the condition needs (`None`: it asks for nothing, and is ignored).
fn required_number(importer: &mut Importer<'_>, node: NodeId, len: usize) -> Option<usize> {
    let g = &mut importer.g;
    let id = g.id(node).to_owned();
    let required = g.single(node, "ceterms", "requiredNumber");
    match required.and_then(number) {
        None => {
            let operator = g.single(node, "ceterms", "logicalOperator").and_then(is_or);
            if operator.is_none() {
                g.warn(
                    Code::CtdlMissingRequiredNumber,
                    g.at(node),
                    format!(
                        "condition `{id}` has no `ceterms:requiredNumber`; all of its targets are \
                         required"
                    ),
                );
            }
            Some(if operator == Some(true) { 1 } else { len })
        }
        Some(x) if x < 1.0 => {
            g.warn(
                Code::CtdlRequiredNumber,
                required.map_or(g.at(node), |r| r.index()),
                format!(
                    "condition `{id}` requires {} of its targets, which asks for nothing; it is \
                     ignored",
                    decimal::show(x)
                ),
            );
            None
        }
        Some(x) if x > len as f64 => {
            g.warn(
                Code::CtdlRequiredNumber,
                required.map_or(g.at(node), |r| r.index()),
                format!(
                    "condition `{id}` requires {} of its {len} targets; all of them are required",
                    decimal::show(x)
                ),
            );
            Some(len)
        }
        // In range: at most `len`, so the conversion is exact after rounding up.
        Some(x) => Some(x.ceil() as usize),
    }
}

/// Whether a `ceterms:logicalOperator` is Or (`Some(true)`), And (`Some(false)`), or unknown.
fn is_or(value: crate::json::Node<'_>) -> Option<bool> {
    let word = iri(value).map(|s| local_name(s).to_ascii_lowercase());
    match word.as_deref() {
        Some("or") => Some(true),
        Some("and") => Some(false),
        _ if mentions(value, "logic:Or", 0) => Some(true),
        _ if mentions(value, "logic:And", 0) => Some(false),
        _ => None,
    }
}

/// The threshold of a constraint "the targets' credit values add up to at least x", when the
/// condition has one and a `credits` group can say it (targets only, no nested condition).
/// Other constraints are reported and ignored.
fn credit_threshold(importer: &mut Importer<'_>, node: NodeId, unusable: bool) -> Option<f64> {
    let mut threshold = None;
    let id = importer.g.id(node).to_owned();
    for constraint in importer.g.refs(node, "ceterms", "hasConstraint") {
        match credit_sum(importer, constraint) {
            Some(x) if !unusable && threshold.is_none() => threshold = Some(x),
            _ => {
                let g = &mut importer.g;
                let constraint_id = g.id(constraint).to_owned();
                g.warn(
                    Code::CtdlConstraint,
                    g.at(constraint),
                    format!(
                        "constraint `{constraint_id}` of condition `{id}` cannot be represented \
                         in a feed; it is ignored"
                    ),
                );
            }
        }
    }
    threshold
}

fn credit_sum(importer: &mut Importer<'_>, constraint: NodeId) -> Option<f64> {
    let g = &mut importer.g;
    let comparator = g.prop(constraint, "ceterms", "comparator")?;
    if !mentions(comparator, "greaterThan", 0) {
        return None;
    }
    let left = g.prop(constraint, "ceterms", "leftSource")?;
    if !mentions(left, "creditValue", 0) {
        return None;
    }
    let right = g.prop(constraint, "ceterms", "rightSource")?;
    number(right).filter(|x| *x > 0.0 && *x <= MAX_CREDITS)
}

/// A `credits` group whose credentials cannot give its credits between them (their credit
/// values are missing, or in another unit) becomes `all` of them, with a warning: the feed
/// must never ask for something that cannot be completed.
pub(super) fn make_credit_groups_reachable(importer: &mut Importer<'_>) {
    let credits: HashMap<String, f64> = importer
        .credentials
        .iter()
        .map(|c| (c.id.clone(), c.credits.unwrap_or(0.0)))
        .collect();
    let mut fixed: Vec<(usize, f64, f64)> = Vec::new();
    for (i, credential) in importer.credentials.iter_mut().enumerate() {
        if let Some(requires) = credential.requires.as_mut() {
            fix(requires, &credits, &mut |needed, available| {
                fixed.push((i, needed, available))
            });
        }
    }
    for (i, needed, available) in fixed {
        let node = importer.sources.get(i).copied().unwrap_or(0);
        let g = &mut importer.g;
        let id = g.id(node).to_owned();
        g.warn(
            Code::CtdlCreditsUnreachable,
            g.at(node),
            format!(
                "a condition of node `{id}` asks for {} credits from components whose credit \
                 values add up to {}; all of those components are required instead",
                decimal::show(needed),
                decimal::show(available)
            ),
        );
    }
}

fn fix(
    requirement: &mut Requirement,
    credits: &HashMap<String, f64>,
    report: &mut dyn FnMut(f64, f64),
) {
    match requirement {
        Requirement::Credential(_) => {}
        Requirement::All { all: items, .. }
        | Requirement::Any { any: items, .. }
        | Requirement::Choose { from: items, .. } => {
            for item in items {
                fix(item, credits, report);
            }
        }
        Requirement::Credits {
            credits: needed,
            from,
            label,
        } => {
            let available: f64 = distinct(from.clone())
                .iter()
                .map(|id| credits.get(id).copied().unwrap_or(0.0))
                .sum();
            if available < *needed {
                report(*needed, available);
                let all = from.drain(..).map(Requirement::Credential).collect();
                *requirement = Requirement::All {
                    all,
                    label: label.take(),
                };
            }
        }
    }
}
