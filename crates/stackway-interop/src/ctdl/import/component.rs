//! One pathway node → one credential: kind, id, title, summary, link, codes, levels, keywords,
//! and the CTDL class when the kind alone would not give it back on export.

use super::super::graph::{iri, local_name, NodeId};
use super::super::ids::last_segment;
use super::super::vocab::{
    ctdl_for, is_credential_class, kind_of, Family, NodeClass, CODE_TAG, COMPONENT_TYPES,
    CREDENTIAL_TYPE_TAG, CTDL_TYPE_TAG, LEVEL_TAG,
};
use super::{measures, Importer};
use crate::diagnostics::Code;
use crate::feed::{Credential, Kind, Text};
use crate::validate::values::url_problem;

/// The credential a pathway node becomes (its `requires` is filled in later).
pub(super) fn credential(importer: &mut Importer<'_>, node: NodeId) -> Credential {
    merge_proxied_resource(importer, node);
    let (class, kind) = class_and_kind(importer, node);
    let g = &mut importer.g;
    let ctid = g.single(node, "ceterms", "ctid").and_then(|v| v.as_str());
    let id = importer.credential_ids.allocate(ctid, g.id(node));
    let codes = g.strings(node, &["ceterms", "ceasn"], "codedNotation");
    let mut credential = Credential::new(id, kind, "");
    credential.title = title(importer, node, &codes, &credential.id);
    let g = &mut importer.g;
    credential.summary = g.text(node, "ceterms", "description");
    credential.url = url_of(importer, node);
    credential.tags = tags(importer, node, &class, kind, &codes);
    measures::read(importer, node, &mut credential);
    credential
}

/// A component standing for a resource the document also contains (`ceterms:proxyFor`, e.g. a
/// credential component for a `ceterms:Certification`) takes what it lacks from that resource:
/// its description, link, credit value, duration, cost and owner.
fn merge_proxied_resource(importer: &mut Importer<'_>, node: NodeId) {
    let g = &mut importer.g;
    let Some(target) = g
        .single(node, "ceterms", "proxyFor")
        .and_then(iri)
        .and_then(|id| g.get(id))
    else {
        return;
    };
    if target == node {
        return;
    }
    let extra: Vec<_> = g
        .nodes
        .get(target)
        .map(|n| n.objects.clone())
        .unwrap_or_default();
    g.add_objects(node, &extra);
}

/// The class a node is read as, and its kind.
fn class_and_kind(importer: &mut Importer<'_>, node: NodeId) -> (String, Kind) {
    let g = &mut importer.g;
    let (class, family) = match g.class(node) {
        NodeClass::Learnable(class, Family::Component) if !COMPONENT_TYPES.contains(&class) => {
            let id = g.id(node).to_owned();
            g.warn(
                Code::CtdlUnknownType,
                g.at(node),
                format!(
                    "node `{id}` has the unknown component type `{class}`; read as a \
                     BasicComponent"
                ),
            );
            return (class.to_owned(), Kind::MicroCredential);
        }
        NodeClass::Learnable(class, family) => (class, family),
        NodeClass::Unknown(class) | NodeClass::Structural(class) => {
            let id = g.id(node).to_owned();
            let what = if class.is_empty() {
                "no type".to_owned()
            } else {
                format!("the type `{class}`, which is not a CTDL pathway node class")
            };
            g.warn(
                Code::CtdlUnknownType,
                g.at(node),
                format!("node `{id}` has {what}; read as a BasicComponent"),
            );
            return (class.to_owned(), Kind::MicroCredential);
        }
        NodeClass::Pathway => ("Pathway", Family::Component),
    };
    // A credential component says what it stands for with `credentialType`, else by the class
    // of the resource it is a proxy for.
    let credential_type = g
        .single(node, "ceterms", "credentialType")
        .and_then(iri)
        .map(local_name)
        .or_else(|| g.types(node).into_iter().find(|t| is_credential_class(t)));
    (class.to_owned(), kind_of(class, family, credential_type))
}

fn title(importer: &mut Importer<'_>, node: NodeId, codes: &[String], id: &str) -> Text {
    let g = &mut importer.g;
    if let Some(title) = g.text(node, "ceterms", "name") {
        return title;
    }
    let node_id = g.id(node).to_owned();
    g.warn(
        Code::CtdlMissingName,
        g.at(node),
        format!("node `{node_id}` has no `ceterms:name`; its code or id is shown"),
    );
    Text::Plain(codes.first().cloned().unwrap_or_else(|| id.to_owned()))
}

/// Codes, the exact credential type or CTDL class when the kind cannot say it, progression
/// levels (so the map can group by level), then keywords.
fn tags(
    importer: &mut Importer<'_>,
    node: NodeId,
    class: &str,
    kind: Kind,
    codes: &[String],
) -> Vec<String> {
    let g = &mut importer.g;
    let mut tags: Vec<String> = codes.iter().map(|c| format!("{CODE_TAG}{c}")).collect();
    let (export_class, export_type) = ctdl_for(kind);
    if class == "CredentialComponent" {
        let credential_type = g
            .single(node, "ceterms", "credentialType")
            .and_then(iri)
            .map(local_name);
        if let Some(t) = credential_type.filter(|t| Some(*t) != export_type) {
            tags.push(format!("{CREDENTIAL_TYPE_TAG}{t}"));
        }
    } else if class != export_class && !class.is_empty() {
        tags.push(format!("{CTDL_TYPE_TAG}{class}"));
    }
    for level in progression_levels(importer, node) {
        tags.push(format!("{LEVEL_TAG}{level}"));
    }
    tags.extend(importer.g.strings(node, &["ceterms"], "keyword"));
    super::distinct(tags)
}

/// The component's link: `ceterms:subjectWebpage`, else `ceterms:proxyFor`; http(s) only.
pub(super) fn url_of(importer: &mut Importer<'_>, node: NodeId) -> Option<String> {
    let g = &mut importer.g;
    for property in ["subjectWebpage", "proxyFor"] {
        let Some(value) = g.single(node, "ceterms", property) else {
            continue;
        };
        let Some(url) = iri(value).map(str::trim) else {
            continue;
        };
        match url_problem(url) {
            None => return Some(url.to_owned()),
            Some(problem) => {
                let id = g.id(node).to_owned();
                g.warn(
                    Code::CtdlBadUrl,
                    value.index(),
                    format!(
                        "node `{id}` has `{property}` `{url}`, which is not a usable link \
                         ({problem}); it is ignored"
                    ),
                );
            }
        }
    }
    None
}

/// Labels of a node's progression levels. A level that is not in the document is still kept,
/// by the last segment of its IRI, so that grouping by level keeps working.
fn progression_levels(importer: &mut Importer<'_>, node: NodeId) -> Vec<String> {
    let g = &mut importer.g;
    let mut out: Vec<String> = Vec::new();
    for value in g.values_in(node, &["asn", "ceterms"], "hasProgressionLevel") {
        let Some(id) = iri(value) else {
            continue;
        };
        let label = match g.get(id) {
            Some(level) => g
                .text(level, "skos", "prefLabel")
                .or_else(|| g.text(level, "ceterms", "name"))
                .map(|t| t.get("en", "en").to_owned()),
            None => None,
        };
        let label = label.unwrap_or_else(|| last_segment(id).to_owned());
        if !label.is_empty() && !out.contains(&label) {
            out.push(label);
        }
    }
    out
}
