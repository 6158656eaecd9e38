//! A feed's pathway → CTDL JSON-LD (`@context` + `@graph`), readable by `import`.

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use serde_json::{json, Map, Value};

use super::vocab::{
    ctdl_for, is_ctid, prefixed, CODE_TAG, CONTEXT_URL, CREDENTIAL_TYPE_TAG, CTDL_TYPE_TAG,
    LEVEL_TAG,
};
use crate::decimal;
use crate::feed::{Credential, Feed, Institution, Requirement, Text};

/// Why a pathway could not be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The feed has no pathway with this id.
    UnknownPathway(String),
    /// The pathway's goal is not a credential of the feed.
    UnknownGoal(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::UnknownPathway(id) => write!(f, "the feed has no pathway `{id}`"),
            ExportError::UnknownGoal(id) => {
                write!(
                    f,
                    "the pathway's goal `{id}` is not a credential of the feed"
                )
            }
        }
    }
}

impl std::error::Error for ExportError {}

fn credential_iri(id: &str) -> String {
    format!("urn:stackway:credential:{id}")
}

fn institution_iri(id: &str) -> String {
    format!("urn:stackway:institution:{id}")
}

/// Exports pathway `pathway_id` of `feed`: the pathway, its goal as the destination component,
/// its steps and every credential the goal's requirement names, with conditions for the groups.
/// Prerequisites and equivalences have no CTDL pathway counterpart and are not exported.
pub fn export_pathway(feed: &Feed, pathway_id: &str) -> Result<Value, ExportError> {
    let pathway = feed
        .pathways
        .iter()
        .find(|p| p.id == pathway_id)
        .ok_or_else(|| ExportError::UnknownPathway(pathway_id.to_owned()))?;
    if feed.credential(&pathway.goal).is_none() {
        return Err(ExportError::UnknownGoal(pathway.goal.clone()));
    }
    let pathway_iri = format!("urn:stackway:pathway:{}", pathway.id);
    let org_iri = institution_iri(&feed.provider.id);
    let model_iri = format!("urn:stackway:progression:{}", pathway.id);

    // The goal, the steps, then everything their requirements name, transitively.
    let mut included: HashSet<&str> = HashSet::new();
    let mut queue: Vec<&str> = vec![pathway.goal.as_str()];
    queue.extend(pathway.steps.iter().map(String::as_str));
    while let Some(id) = queue.pop() {
        let Some(credential) = feed.credential(id) else {
            continue;
        };
        if included.insert(credential.id.as_str()) {
            if let Some(r) = &credential.requires {
                queue.extend(r.referenced_ids());
            }
        }
    }
    let components: Vec<&Credential> = feed
        .credentials
        .iter()
        .filter(|c| included.contains(c.id.as_str()))
        .collect();
    let levels: BTreeSet<&str> = components
        .iter()
        .flat_map(|c| c.tags.iter().filter_map(|t| t.strip_prefix(LEVEL_TAG)))
        .collect();
    let level_iri = |label: &str| format!("{model_iri}:{}", percent_encode(label));

    let mut graph = Vec::new();
    let mut pathway_node = Map::new();
    pathway_node.insert("@id".into(), json!(pathway_iri));
    pathway_node.insert("@type".into(), json!("ceterms:Pathway"));
    if is_ctid(&pathway.id) {
        pathway_node.insert("ceterms:ctid".into(), json!(pathway.id));
    }
    pathway_node.insert("ceterms:name".into(), text_value(&pathway.title));
    if let Some(summary) = &pathway.summary {
        pathway_node.insert("ceterms:description".into(), text_value(summary));
    }
    pathway_node.insert("ceterms:ownedBy".into(), json!([org_iri]));
    pathway_node.insert(
        "ceterms:hasDestinationComponent".into(),
        json!([credential_iri(&pathway.goal)]),
    );
    let children: Vec<String> = pathway
        .steps
        .iter()
        .filter(|s| included.contains(s.as_str()))
        .map(|s| credential_iri(s))
        .collect();
    pathway_node.insert("ceterms:hasChild".into(), json!(children));
    if !levels.is_empty() {
        pathway_node.insert("asn:hasProgressionModel".into(), json!(model_iri));
    }
    graph.push(Value::Object(pathway_node));

    graph.push(organisation(&feed.provider));
    // The other institutions that own exported credentials.
    for institution in &feed.institutions {
        if components
            .iter()
            .any(|c| c.provider.as_deref() == Some(institution.id.as_str()))
        {
            graph.push(organisation(institution));
        }
    }

    if !levels.is_empty() {
        graph.push(json!({
            "@id": model_iri,
            "@type": "asn:ProgressionModel",
            "ceasn:name": text_value(&pathway.title),
            "skos:hasTopConcept": levels.iter().map(|l| level_iri(l)).collect::<Vec<_>>(),
        }));
        for level in &levels {
            graph.push(json!({
                "@id": level_iri(level),
                "@type": "asn:ProgressionLevel",
                "skos:prefLabel": level,
                "skos:inScheme": model_iri,
            }));
        }
    }

    let mut conditions = Vec::new();
    let unit = feed.credit_label.as_ref();
    for credential in &components {
        let mut node = component(credential, &pathway_iri, &level_iri, &mut conditions);
        if let Value::Object(map) = &mut node {
            measures(credential, unit, map);
        }
        graph.push(node);
    }
    graph.extend(conditions);

    Ok(json!({
        "@context": [CONTEXT_URL, {
            "ceterms": "https://purl.org/ctdl/terms/",
            "ceasn": "https://purl.org/ctdlasn/terms/",
            "asn": "http://purl.org/ASN/schema/core/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "schema": "https://schema.org/"
        }],
        "@graph": graph,
    }))
}

fn organisation(institution: &Institution) -> Value {
    let mut org = Map::new();
    org.insert("@id".into(), json!(institution_iri(&institution.id)));
    org.insert("@type".into(), json!("ceterms:CredentialOrganization"));
    if is_ctid(&institution.id) {
        org.insert("ceterms:ctid".into(), json!(institution.id));
    }
    org.insert("ceterms:name".into(), text_value(&institution.name));
    if let Some(url) = &institution.url {
        org.insert("ceterms:subjectWebpage".into(), json!(url));
    }
    Value::Object(org)
}

fn component(
    credential: &Credential,
    pathway_iri: &str,
    level_iri: &dyn Fn(&str) -> String,
    conditions: &mut Vec<Value>,
) -> Value {
    let (component_type, kind_type) = ctdl_for(credential.kind);
    let tag_values = |prefix: &str| -> Vec<&str> {
        credential
            .tags
            .iter()
            .filter_map(|t| t.strip_prefix(prefix))
            .collect()
    };
    // The class the node was imported from, when the kind alone would not give it back.
    let class = tag_values(CTDL_TYPE_TAG)
        .first()
        .copied()
        .unwrap_or(component_type);
    let mut node = Map::new();
    node.insert("@id".into(), json!(credential_iri(&credential.id)));
    node.insert("@type".into(), json!(prefixed(class)));
    if is_ctid(&credential.id) {
        node.insert("ceterms:ctid".into(), json!(credential.id));
    }
    node.insert("ceterms:name".into(), text_value(&credential.title));
    if let Some(summary) = &credential.summary {
        node.insert("ceterms:description".into(), text_value(summary));
    }
    if let Some(code) = tag_values(CODE_TAG).first() {
        node.insert("ceterms:codedNotation".into(), json!(code));
    }
    if class == "CredentialComponent" {
        let exact = tag_values(CREDENTIAL_TYPE_TAG).first().copied();
        if let Some(t) = exact.or(kind_type) {
            node.insert(
                "ceterms:credentialType".into(),
                json!(format!("ceterms:{t}")),
            );
        }
    }
    if let Some(provider) = &credential.provider {
        node.insert("ceterms:ownedBy".into(), json!([institution_iri(provider)]));
    }
    if let Some(url) = &credential.url {
        node.insert("ceterms:subjectWebpage".into(), json!(url));
    }
    let levels: Vec<String> = tag_values(LEVEL_TAG).into_iter().map(level_iri).collect();
    if !levels.is_empty() {
        node.insert("ceterms:hasProgressionLevel".into(), json!(levels));
    }
    let keywords: Vec<&String> = credential
        .tags
        .iter()
        .filter(|t| {
            !t.starts_with(CODE_TAG)
                && !t.starts_with(LEVEL_TAG)
                && !t.starts_with(CREDENTIAL_TYPE_TAG)
                && !t.starts_with(CTDL_TYPE_TAG)
        })
        .collect();
    if !keywords.is_empty() {
        node.insert("ceterms:keyword".into(), json!(keywords));
    }
    node.insert("ceterms:isPartOf".into(), json!([pathway_iri]));
    if let Some(requires) = &credential.requires {
        let mut children: Vec<String> = Vec::new();
        for id in requires.referenced_ids() {
            let iri = credential_iri(id);
            if !children.contains(&iri) {
                children.push(iri);
            }
        }
        node.insert("ceterms:hasChild".into(), json!(children));
        let base = format!("urn:stackway:condition:{}", credential.id);
        let iri = condition(requires, &base, conditions);
        node.insert("ceterms:hasCondition".into(), json!([iri]));
    }
    Value::Object(node)
}

/// Credit value (in the feed's credit unit), clock hours, duration and cost.
fn measures(credential: &Credential, unit: Option<&Text>, node: &mut Map<String, Value>) {
    let mut credit_values = Vec::new();
    if let Some(credits) = credential.credits {
        let mut profile = json!({"@type": "ceterms:ValueProfile", "schema:value": credits});
        if let (Some(unit), Value::Object(map)) = (unit, &mut profile) {
            map.insert(
                "ceterms:creditUnitType".into(),
                json!([{
                    "@type": "ceterms:CredentialAlignmentObject",
                    "ceterms:targetNodeName": text_value(unit)
                }]),
            );
        }
        credit_values.push(profile);
    }
    if let Some(hours) = credential.hours {
        credit_values.push(json!({
            "@type": "ceterms:ValueProfile",
            "ceterms:creditUnitType": [{
                "@type": "ceterms:CredentialAlignmentObject",
                "ceterms:targetNode": "creditUnit:ClockHour",
                "ceterms:targetNodeName": {"en": "Clock Hour"}
            }],
            "schema:value": hours,
        }));
    }
    if !credit_values.is_empty() {
        node.insert("ceterms:creditValue".into(), json!(credit_values));
    }
    if let Some(weeks) = credential.weeks {
        node.insert(
            "ceterms:estimatedDuration".into(),
            json!([{
                "@type": "ceterms:DurationProfile",
                "ceterms:exactDuration": format!("P{}W", decimal::show(weeks)),
            }]),
        );
    }
    if let Some(cost) = &credential.cost {
        node.insert(
            "ceterms:estimatedCost".into(),
            json!([{
                "@type": "ceterms:CostProfile",
                "ceterms:directCostType": "costType:AggregateCost",
                "ceterms:price": cost.amount,
                "ceterms:currency": cost.currency,
            }]),
        );
    }
}

/// Writes the condition for `requirement` (and its nested groups) and returns its `@id`.
fn condition(requirement: &Requirement, iri: &str, out: &mut Vec<Value>) -> String {
    let mut node = Map::new();
    node.insert("@id".into(), json!(iri));
    node.insert("@type".into(), json!("ceterms:ComponentCondition"));
    let (items, required): (&[Requirement], Option<usize>) = match requirement {
        Requirement::Credential(_) => (std::slice::from_ref(requirement), Some(1)),
        Requirement::All { all, .. } => (all, Some(all.len())),
        Requirement::Any { any, .. } => (any, Some(1)),
        Requirement::Choose { choose, from, .. } => (from, Some(*choose as usize)),
        Requirement::Credits { credits, from, .. } => {
            let constraint_iri = format!("{iri}:credits");
            out.push(json!({
                "@id": constraint_iri,
                "@type": "ceterms:Constraint",
                "ceterms:leftAction": "ceterms:sum",
                "ceterms:leftSource": ["ceterms:creditValue"],
                "ceterms:comparator": "ceterms:greaterThanEqual",
                "ceterms:rightSource": [credits],
            }));
            node.insert("ceterms:hasConstraint".into(), json!([constraint_iri]));
            let targets: Vec<String> = from.iter().map(|id| credential_iri(id)).collect();
            node.insert("ceterms:targetComponent".into(), json!(targets));
            (&[], None)
        }
    };
    if let Some(label) = requirement.label() {
        node.insert("ceterms:name".into(), text_value(label));
    }
    if let Some(n) = required {
        node.insert("ceterms:requiredNumber".into(), json!(n));
    }
    let mut targets = Vec::new();
    let mut nested = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Requirement::Credential(id) => targets.push(credential_iri(id)),
            group => nested.push(condition(group, &format!("{iri}.{i}"), out)),
        }
    }
    if !targets.is_empty() {
        node.insert("ceterms:targetComponent".into(), json!(targets));
    }
    if !nested.is_empty() {
        node.insert("ceterms:hasCondition".into(), json!(nested));
    }
    out.push(Value::Object(node));
    iri.to_owned()
}

/// A feed Text as CTDL: a plain string, or a language map.
fn text_value(text: &Text) -> Value {
    match text {
        Text::Plain(s) => json!(s),
        Text::Localized(map) => json!(map),
    }
}

/// Percent-encodes everything but unreserved characters, so a level label fits in an IRI.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
