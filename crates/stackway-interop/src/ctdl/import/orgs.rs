//! Organisations: the one that owns or offers the pathway becomes the feed's provider (the name
//! the widget's heading shows), and nodes owned by another organisation (a certification owned
//! by its certifying body) name it as their provider.
//!
//! Registry graphs do not always contain the pathway's organisation, or do not say on the
//! pathway itself who owns it, so the provider is looked for in this order: the pathway's
//! `ownedBy`, then `offeredBy`; an organisation that says it `owns` or `offers` the pathway; the
//! destination's owner; the owner most nodes name; the first organisation in the document.
//! Only when none of these names one is the provider unnamed, with a warning.

use crate::diagnostics::Code;
use std::collections::HashMap;

use super::super::graph::{iri, NodeId};
use super::super::ids::IdAllocator;
use super::super::vocab::NodeClass;
use super::component::url_of;
use super::Importer;
use crate::feed::{Institution, Text};
use crate::json::Value;

/// The feed's provider (and the node it came from), and the other organisations that own
/// pathway nodes.
pub(super) fn provider_and_institutions(
    importer: &mut Importer<'_>,
    pathways: &[NodeId],
    goal: Option<&str>,
) -> (Institution, Option<NodeId>, Vec<Institution>) {
    let mut ids = IdAllocator::default();
    let provider_node = find_provider(importer, pathways, goal);
    let provider = match provider_node {
        Some(org) => institution(importer, org, &mut ids),
        None => unnamed_provider(importer, pathways),
    };
    let mut institutions: Vec<Institution> = Vec::new();
    let mut institution_of: HashMap<NodeId, String> = HashMap::new();
    for i in 0..importer.sources.len() {
        let source = importer.sources[i];
        if pathways.contains(&source) {
            continue;
        }
        let Some(owner) = owners(importer, source).into_iter().next() else {
            continue;
        };
        if Some(owner) == provider_node {
            continue;
        }
        let id = match institution_of.get(&owner) {
            Some(id) => id.clone(),
            None => {
                let found = institution(importer, owner, &mut ids);
                let id = found.id.clone();
                institution_of.insert(owner, id.clone());
                institutions.push(found);
                id
            }
        };
        if let Some(c) = importer.credentials.get_mut(i) {
            c.provider = Some(id);
        }
    }
    (provider, provider_node, institutions)
}

fn find_provider(
    importer: &mut Importer<'_>,
    pathways: &[NodeId],
    goal: Option<&str>,
) -> Option<NodeId> {
    if let Some(&pathway) = pathways.first() {
        if let Some(&org) = owners(importer, pathway).first() {
            return Some(org);
        }
        if let Some(org) = claiming(importer, pathway) {
            return Some(org);
        }
    }
    let destination = importer
        .credentials
        .iter()
        .position(|c| Some(c.id.as_str()) == goal)
        .and_then(|i| importer.sources.get(i).copied());
    if let Some(org) = destination.and_then(|d| owners(importer, d).first().copied()) {
        return Some(org);
    }
    if let Some(org) = most_named_owner(importer) {
        return Some(org);
    }
    (0..importer.g.nodes.len()).find(|&n| is_organisation(importer, n))
}

/// The named organisations a node's `ownedBy`, then `offeredBy`, name (present in the
/// document, or described inline). Absent ones are passed over without a warning: registry
/// graphs often leave organisations out, and the provider is then found elsewhere.
fn owners(importer: &mut Importer<'_>, node: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    for property in ["ownedBy", "offeredBy"] {
        for value in importer.g.values(node, "ceterms", property) {
            let described_inline = match value.value() {
                Value::Object(members) => members.into_iter().any(|m| m.key != "@id"),
                _ => false,
            };
            let org = match (
                described_inline,
                iri(value).and_then(|id| importer.g.get(id)),
            ) {
                (_, Some(org)) => Some(org),
                (true, None) => importer.g.resolve(node, property, value),
                (false, None) => None,
            };
            if let Some(org) = org.filter(|&o| o != node && has_name(importer, o)) {
                if !out.contains(&org) {
                    out.push(org);
                }
            }
        }
    }
    out
}

/// An organisation of the document that says it owns or offers the pathway.
fn claiming(importer: &mut Importer<'_>, pathway: NodeId) -> Option<NodeId> {
    let pathway_id = importer.g.id(pathway).to_owned();
    (0..importer.g.nodes.len()).find(|&n| {
        is_organisation(importer, n)
            && ["owns", "offers"].iter().any(|property| {
                importer
                    .g
                    .values(n, "ceterms", property)
                    .into_iter()
                    .filter_map(iri)
                    .any(|id| id == pathway_id)
            })
    })
}

/// The owner most pathway nodes name (the first met on a tie).
fn most_named_owner(importer: &mut Importer<'_>) -> Option<NodeId> {
    let mut counts: Vec<(NodeId, usize)> = Vec::new();
    for source in importer.sources.clone() {
        if let Some(&owner) = owners(importer, source).first() {
            match counts.iter_mut().find(|(o, _)| *o == owner) {
                Some((_, n)) => *n += 1,
                None => counts.push((owner, 1)),
            }
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.into_iter().find(|&(_, n)| n == best).map(|(o, _)| o)
}

fn is_organisation(importer: &mut Importer<'_>, node: NodeId) -> bool {
    matches!(importer.g.class(node), NodeClass::Structural(class) if class.ends_with("Organization"))
        && has_name(importer, node)
}

fn has_name(importer: &mut Importer<'_>, node: NodeId) -> bool {
    importer.g.text(node, "ceterms", "name").is_some()
}

fn institution(importer: &mut Importer<'_>, org: NodeId, ids: &mut IdAllocator) -> Institution {
    let ctid = importer
        .g
        .single(org, "ceterms", "ctid")
        .and_then(|v| v.as_str());
    let id = ids.allocate(ctid, importer.g.id(org));
    let name = importer
        .g
        .text(org, "ceterms", "name")
        .unwrap_or_else(|| Text::Plain(id.clone()));
    let url = url_of(importer, org);
    Institution { id, name, url }
}

fn unnamed_provider(importer: &mut Importer<'_>, pathways: &[NodeId]) -> Institution {
    let at = pathways.first().map_or(0, |&p| importer.g.at(p));
    importer.g.warn(
        Code::CtdlNoProvider,
        at,
        "no organisation that owns or offers the pathway is in the document (add it to the \
         graph, or describe it in `ceterms:ownedBy`); the provider is shown as unknown"
            .to_owned(),
    );
    Institution {
        id: "ctdl-provider".into(),
        name: Text::Plain("Unknown provider".into()),
        url: None,
    }
}
