//! CTDL pathway (JSON-LD) → feed v1, with a warning for every quirk of the data.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::graph::{local_name, number, types, Arity, Graph, Node};
use super::ids::IdAllocator;
use super::vocab::{
    ctdl_for, is_component_type, kind_for, CODE_TAG, COMPONENT_TYPES, CREDENTIAL_TYPE_TAG,
    LEVEL_TAG,
};
use crate::diagnostics::Diagnostic;
use crate::feed::{
    ChooseShortfall, Credential, Feed, Institution, Pathway, Requirement, Text, FORMAT_VERSION,
};
use crate::interop::{error, invalid_json, warning};
use crate::parse::Parsed;

/// How deep `ceterms:hasCondition` may nest. Deeper trees would exceed the feed's nesting limit,
/// and no real pathway comes close.
const MAX_CONDITION_DEPTH: usize = 16;

/// Imports CTDL JSON-LD text. Never fails: invalid JSON or a document with no pathway component
/// gives an error diagnostic and no feed.
pub fn import_text(text: &str) -> Parsed {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => import_value(&value),
        Err(e) => Parsed {
            feed: None,
            diagnostics: vec![invalid_json(&e)],
        },
    }
}

/// Imports an already parsed CTDL JSON-LD document (`@graph` or a single resource).
pub fn import_value(root: &Value) -> Parsed {
    let mut importer = Importer {
        graph: Graph::new(root),
        credential_ids: IdAllocator::default(),
        credentials: Vec::new(),
        credential_of: HashMap::new(),
    };
    let feed = importer.run();
    let mut diagnostics = importer.graph.warnings;
    dedup(&mut diagnostics);
    if feed.is_none() {
        diagnostics.push(error(
            "ctdl-empty",
            "the document has no CTDL pathway or pathway component to import".into(),
        ));
    }
    Parsed { feed, diagnostics }
}

struct Importer<'a> {
    graph: Graph<'a>,
    credential_ids: IdAllocator,
    credentials: Vec<Credential>,
    /// Node `@id` → index into `credentials`.
    credential_of: HashMap<String, usize>,
}

/// A pathway read from the document, before its steps can be ordered.
struct PendingPathway {
    pathway: Pathway,
    children: Vec<String>,
    extra_destinations: Vec<String>,
}

impl<'a> Importer<'a> {
    fn run(&mut self) -> Option<Feed> {
        let nodes = self.graph.nodes.clone();
        let components: Vec<&Node<'a>> = nodes
            .iter()
            .filter(|n| types(n).iter().any(|t| is_component_type(t)))
            .collect();
        let pathways: Vec<&Node<'a>> = nodes
            .iter()
            .filter(|n| types(n).contains(&"Pathway"))
            .collect();

        for node in &components {
            let credential = self.component(node);
            self.credential_of
                .insert(node.id.clone(), self.credentials.len());
            self.credentials.push(credential);
        }
        for (i, node) in components.iter().enumerate() {
            let requires = self.requirement_of_component(node);
            if let Some(credential) = self.credentials.get_mut(i) {
                credential.requires = requires;
            }
        }

        let members = self.members_by_pathway(&components);
        let mut pathway_ids = IdAllocator::default();
        let mut pending = Vec::new();
        for node in &pathways {
            if let Some(p) = self.pathway(node, &mut pathway_ids, &members) {
                pending.push(p);
            }
        }
        self.break_cycles();
        let pathways: Vec<Pathway> = pending.into_iter().map(|p| self.order_steps(p)).collect();

        if self.credentials.is_empty() {
            return None;
        }
        let provider = self.provider(pathways_first_node(&nodes));
        let feed_id = pathways
            .first()
            .map_or_else(|| "ctdl-import".to_owned(), |p| p.id.clone());
        let languages = if self.graph.languages.is_empty() {
            vec!["en".to_owned()]
        } else {
            self.graph.languages.clone()
        };
        let mut feed = Feed {
            stackway: FORMAT_VERSION,
            id: feed_id,
            updated: None,
            languages,
            credit_label: None,
            provider,
            institutions: Vec::new(),
            skills: Vec::new(),
            credentials: std::mem::take(&mut self.credentials),
            equivalences: Vec::new(),
            pathways,
        };
        if let [only] = feed.languages.as_slice() {
            let only = only.clone();
            collapse_single_language(&mut feed, &only);
        }
        Some(feed)
    }

    /// One pathway component → one credential (without `requires`, filled in later).
    fn component(&mut self, node: &Node<'a>) -> Credential {
        let g = &mut self.graph;
        let node_types = types(node);
        let component_type = node_types
            .iter()
            .copied()
            .find(|t| is_component_type(t))
            .unwrap_or("BasicComponent");
        let component_type = if COMPONENT_TYPES.contains(&component_type) {
            component_type
        } else {
            g.warnings.push(warning(
                "ctdl-unknown-type",
                &node.pointer,
                format!(
                    "node `{}` has the unknown component type `{component_type}`; read as a \
                     BasicComponent",
                    node.id
                ),
            ));
            "BasicComponent"
        };
        let ctid = g
            .values(node, "ceterms", "ctid", Arity::One)
            .first()
            .and_then(|v| v.as_str());
        let id = self.credential_ids.allocate(ctid, &node.id);
        let credential_type = g
            .values(node, "ceterms", "credentialType", Arity::One)
            .first()
            .and_then(|v| match v {
                Value::String(s) => Some(local_name(s)),
                Value::Object(m) => m.get("@id").and_then(Value::as_str).map(local_name),
                _ => None,
            });
        let kind = kind_for(component_type, credential_type);
        let codes = g.strings(node, "ceterms", "codedNotation");
        let title = match g.text(node, "ceterms", "name") {
            Some(t) => t,
            None => {
                g.warnings.push(warning(
                    "ctdl-missing-name",
                    &node.pointer,
                    format!(
                        "node `{}` has no `ceterms:name`; its code or id is shown",
                        node.id
                    ),
                ));
                Text::Plain(codes.first().cloned().unwrap_or_else(|| id.clone()))
            }
        };
        let mut credential = Credential::new(id, kind, "");
        credential.title = title;
        credential.summary = g.text(node, "ceterms", "description");
        credential.url = url_of(g, node);
        let (credits, hours) = credit_values(g, node);
        credential.credits = credits;
        credential.hours = hours;
        for code in codes {
            credential.tags.push(format!("{CODE_TAG}{code}"));
        }
        // The exact credential type is kept only when the kind cannot say it (a bachelor's
        // degree is a `degree`), so that export writes it back unchanged.
        if let Some(t) = credential_type {
            if component_type == "CredentialComponent" && ctdl_for(kind).1 != Some(t) {
                credential.tags.push(format!("{CREDENTIAL_TYPE_TAG}{t}"));
            }
        }
        for level in progression_levels(g, node) {
            let tag = format!("{LEVEL_TAG}{level}");
            if !credential.tags.contains(&tag) {
                credential.tags.push(tag);
            }
        }
        let mut seen: HashSet<String> = credential.tags.iter().cloned().collect();
        for keyword in g.strings(node, "ceterms", "keyword") {
            if seen.insert(keyword.clone()) {
                credential.tags.push(keyword);
            }
        }
        credential
    }

    /// A component's requirement: its conditions, or else all of its children.
    fn requirement_of_component(&mut self, node: &Node<'a>) -> Option<Requirement> {
        let conditions = self
            .graph
            .refs(node, "ceterms", "hasCondition", Arity::Many);
        if !conditions.is_empty() {
            let mut visiting = HashSet::new();
            let groups: Vec<Requirement> = conditions
                .iter()
                .filter_map(|c| self.condition(c, 1, &mut visiting))
                .collect();
            return combine_all(groups, None);
        }
        let children = self.component_ids(node, "hasChild");
        let own = self.credential_of.get(&node.id).copied();
        let children: Vec<Requirement> = children
            .into_iter()
            .filter(|&i| Some(i) != own)
            .filter_map(|i| {
                self.credentials
                    .get(i)
                    .map(|c| Requirement::Credential(c.id.clone()))
            })
            .collect();
        if children.is_empty() {
            return None;
        }
        self.graph.warnings.push(warning(
            "ctdl-no-condition",
            &node.pointer,
            format!(
                "node `{}` has children but no `ceterms:hasCondition`; all of its children are \
                 required",
                node.id
            ),
        ));
        combine_all(children, None)
    }

    /// The credentials (indices) a property of `node` refers to, warning about non-components.
    fn component_ids(&mut self, node: &Node<'a>, local: &str) -> Vec<usize> {
        let mut out = Vec::new();
        // A set beside the list keeps huge target lists linear (no quadratic `contains`).
        let mut seen = HashSet::new();
        for target in self.graph.refs(node, "ceterms", local, Arity::Many) {
            match self.credential_of.get(&target.id) {
                Some(&i) => {
                    if seen.insert(i) {
                        out.push(i);
                    }
                }
                None => self.graph.warnings.push(warning(
                    "ctdl-not-a-component",
                    &node.pointer,
                    format!(
                        "node `{}` refers through `{local}` to `{}`, which is not a pathway \
                         component; the reference is ignored",
                        node.id, target.id
                    ),
                )),
            }
        }
        out
    }

    /// A `ceterms:ComponentCondition` → a requirement group.
    fn condition(
        &mut self,
        node: &Node<'a>,
        depth: usize,
        visiting: &mut HashSet<String>,
    ) -> Option<Requirement> {
        if depth > MAX_CONDITION_DEPTH {
            self.graph.warnings.push(warning(
                "ctdl-too-deep",
                &node.pointer,
                format!(
                    "condition `{}` is nested more than {MAX_CONDITION_DEPTH} levels deep; it is \
                     ignored",
                    node.id
                ),
            ));
            return None;
        }
        if !visiting.insert(node.id.clone()) {
            self.graph.warnings.push(warning(
                "ctdl-cycle",
                &node.pointer,
                format!(
                    "condition `{}` contains itself; the inner copy is ignored",
                    node.id
                ),
            ));
            return None;
        }
        let label = self.graph.text(node, "ceterms", "name");
        let targets: Vec<String> = self
            .component_ids(node, "targetComponent")
            .into_iter()
            .filter_map(|i| self.credentials.get(i).map(|c| c.id.clone()))
            .collect();
        let nested_nodes = self
            .graph
            .refs(node, "ceterms", "hasCondition", Arity::Many);
        let nested: Vec<Requirement> = nested_nodes
            .iter()
            .filter_map(|c| self.condition(c, depth + 1, visiting))
            .collect();
        visiting.remove(&node.id);

        let constraints = self
            .graph
            .refs(node, "ceterms", "hasConstraint", Arity::Many);
        let mut credit_threshold = None;
        for constraint in &constraints {
            match credit_sum_threshold(&mut self.graph, constraint) {
                Some(x)
                    if nested.is_empty() && credit_threshold.is_none() && !targets.is_empty() =>
                {
                    credit_threshold = Some(x);
                }
                _ => self.graph.warnings.push(warning(
                    "ctdl-constraint",
                    &constraint.pointer,
                    format!(
                        "constraint `{}` of condition `{}` cannot be represented in a feed; it is \
                         ignored",
                        constraint.id, node.id
                    ),
                )),
            }
        }
        if let Some(credits) = credit_threshold {
            return Some(Requirement::Credits {
                credits,
                from: targets,
                label,
            });
        }

        let mut items: Vec<Requirement> =
            targets.into_iter().map(Requirement::Credential).collect();
        items.extend(nested);
        if items.is_empty() {
            self.graph.warnings.push(warning(
                "ctdl-empty-condition",
                &node.pointer,
                format!(
                    "condition `{}` has no usable target; it is ignored",
                    node.id
                ),
            ));
            return None;
        }
        let len = items.len();
        let required = self
            .graph
            .values(node, "ceterms", "requiredNumber", Arity::One)
            .first()
            .and_then(|v| number(v));
        let n = match required {
            None => {
                self.graph.warnings.push(warning(
                    "ctdl-missing-required-number",
                    &node.pointer,
                    format!(
                        "condition `{}` has no `ceterms:requiredNumber`; all of its targets are \
                         required",
                        node.id
                    ),
                ));
                len
            }
            Some(x) if x < 1.0 => {
                self.graph.warnings.push(warning(
                    "ctdl-required-number",
                    &node.pointer,
                    format!(
                        "condition `{}` requires {x} of its targets, which asks for nothing; it \
                         is ignored",
                        node.id
                    ),
                ));
                return None;
            }
            Some(x) if x > len as f64 => {
                self.graph.warnings.push(warning(
                    "ctdl-required-number",
                    &node.pointer,
                    format!(
                        "condition `{}` requires {x} of its {len} targets; all of them are \
                         required",
                        node.id
                    ),
                ));
                len
            }
            // In range: at most `len`, so the conversion is exact after rounding up.
            Some(x) => x.ceil() as usize,
        };
        if n >= len {
            combine_all(items, label)
        } else {
            Some(Requirement::Choose {
                choose: u32::try_from(n).unwrap_or(u32::MAX),
                from: items,
                label,
            })
        }
    }

    /// Component node ids that say they are part of each pathway (`ceterms:isPartOf`).
    fn members_by_pathway(&mut self, components: &[&Node<'a>]) -> HashMap<String, Vec<usize>> {
        let mut out: HashMap<String, Vec<usize>> = HashMap::new();
        for node in components {
            let Some(&index) = self.credential_of.get(&node.id) else {
                continue;
            };
            for value in self.graph.values(node, "ceterms", "isPartOf", Arity::Many) {
                let id = match value {
                    Value::String(s) => Some(s.as_str()),
                    Value::Object(m) => m.get("@id").and_then(Value::as_str),
                    _ => None,
                };
                if let Some(id) = id {
                    out.entry(id.to_owned()).or_default().push(index);
                }
            }
        }
        out
    }

    fn pathway(
        &mut self,
        node: &Node<'a>,
        ids: &mut IdAllocator,
        members: &HashMap<String, Vec<usize>>,
    ) -> Option<PendingPathway> {
        let destinations = self.component_ids(node, "hasDestinationComponent");
        let mut children = self.component_ids(node, "hasChild");
        if children.is_empty() {
            children = self.component_ids(node, "hasPart");
        }
        // Components that only say they are part of the pathway (`isPartOf`) count as its
        // children when it lists none itself.
        let mut members_too = children.clone();
        let mut seen: HashSet<usize> = children.iter().copied().collect();
        for &i in members.get(&node.id).map(Vec::as_slice).unwrap_or(&[]) {
            if seen.insert(i) {
                members_too.push(i);
            }
        }
        if children.is_empty() {
            children = members_too.clone();
        }
        let title = self.graph.text(node, "ceterms", "name");
        let summary = self.graph.text(node, "ceterms", "description");
        let ctid = self
            .graph
            .values(node, "ceterms", "ctid", Arity::One)
            .first()
            .and_then(|v| v.as_str());
        let id = ids.allocate(ctid, &node.id);

        if destinations.len() > 1 {
            self.graph.warnings.push(warning(
                "ctdl-multiple-destinations",
                &node.pointer,
                format!(
                    "pathway `{}` has {} destination components; the first is its goal and the \
                     others are listed as steps",
                    node.id,
                    destinations.len()
                ),
            ));
        }
        let goal = match destinations.first() {
            Some(&goal) => goal,
            None => {
                // Without a destination the pathway itself is the goal: a credential earned by
                // completing its components.
                self.graph.warnings.push(warning(
                    "ctdl-no-destination",
                    &node.pointer,
                    format!(
                        "pathway `{}` has no destination component; a goal credential is made \
                         from the pathway itself",
                        node.id
                    ),
                ));
                if children.is_empty() {
                    self.graph.warnings.push(warning(
                        "ctdl-empty-pathway",
                        &node.pointer,
                        format!("pathway `{}` has no components; it is skipped", node.id),
                    ));
                    return None;
                }
                let cid = self.credential_ids.allocate(ctid, &node.id);
                let mut goal = Credential::new(cid, crate::feed::Kind::Certificate, "");
                goal.title = title.clone().unwrap_or_else(|| Text::Plain(id.clone()));
                goal.summary = summary.clone();
                self.credentials.push(goal);
                self.credentials.len() - 1
            }
        };
        let goal_has_requirement = self
            .credentials
            .get(goal)
            .is_some_and(|c| c.requires.is_some());
        if !goal_has_requirement {
            let destination_set: HashSet<usize> = destinations.iter().copied().collect();
            let others: Vec<Requirement> = members_too
                .iter()
                .filter(|&&i| i != goal && !destination_set.contains(&i))
                .filter_map(|&i| {
                    self.credentials
                        .get(i)
                        .map(|c| Requirement::Credential(c.id.clone()))
                })
                .collect();
            if destinations.contains(&goal) {
                self.graph.warnings.push(warning(
                    "ctdl-destination-without-condition",
                    &node.pointer,
                    format!(
                        "the destination of pathway `{}` has no condition; it requires all of the \
                         pathway's other components",
                        node.id
                    ),
                ));
            }
            if let Some(c) = self.credentials.get_mut(goal) {
                c.requires = combine_all(others, None);
            }
        }
        let goal_id = self.credentials.get(goal)?.id.clone();
        let to_ids = |list: &[usize], credentials: &[Credential]| -> Vec<String> {
            list.iter()
                .filter(|&&i| i != goal)
                .filter_map(|&i| credentials.get(i).map(|c| c.id.clone()))
                .collect()
        };
        let title = match title {
            Some(t) => t,
            None => {
                self.graph.warnings.push(warning(
                    "ctdl-missing-name",
                    &node.pointer,
                    format!(
                        "pathway `{}` has no `ceterms:name`; its id is shown",
                        node.id
                    ),
                ));
                Text::Plain(id.clone())
            }
        };
        Some(PendingPathway {
            children: to_ids(&children, &self.credentials),
            extra_destinations: to_ids(destinations.get(1..).unwrap_or(&[]), &self.credentials),
            pathway: Pathway {
                id,
                title,
                summary,
                goal: goal_id,
                steps: Vec::new(),
            },
        })
    }

    /// Steps: the pathway's children in document order, else every credential the goal needs
    /// (prerequisites first); then any extra destinations.
    fn order_steps(&self, pending: PendingPathway) -> Pathway {
        let PendingPathway {
            mut pathway,
            children,
            extra_destinations,
        } = pending;
        let mut steps = if children.is_empty() {
            self.post_order(&pathway.goal)
        } else {
            children
        };
        let mut seen: HashSet<String> = steps.iter().cloned().collect();
        for extra in extra_destinations {
            if seen.insert(extra.clone()) {
                steps.push(extra);
            }
        }
        steps.retain(|s| *s != pathway.goal);
        if steps.is_empty() {
            steps.push(pathway.goal.clone());
        }
        pathway.steps = steps;
        pathway
    }

    /// Every credential reachable from `goal` through `requires`, each after what it needs.
    fn post_order(&self, goal: &str) -> Vec<String> {
        let index: HashMap<&str, &Credential> = self
            .credentials
            .iter()
            .map(|c| (c.id.as_str(), c))
            .collect();
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        // Iterative, so that a long chain of components cannot overflow the stack.
        let mut stack: Vec<(&str, bool)> = vec![(goal, false)];
        while let Some((id, expanded)) = stack.pop() {
            if expanded {
                if id != goal {
                    out.push(id.to_owned());
                }
                continue;
            }
            if !seen.insert(id) {
                continue;
            }
            stack.push((id, true));
            if let Some(requires) = index.get(id).and_then(|c| c.requires.as_ref()) {
                for child in requires.referenced_ids().into_iter().rev() {
                    if !seen.contains(child) {
                        stack.push((child, false));
                    }
                }
            }
        }
        out
    }

    /// Removes requirement edges that close a cycle (CTDL does not forbid them; feeds do).
    fn break_cycles(&mut self) {
        let index: HashMap<String, usize> = self
            .credentials
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let edges: Vec<Vec<usize>> = self
            .credentials
            .iter()
            .map(|c| {
                c.requires
                    .as_ref()
                    .map(|r| {
                        r.referenced_ids()
                            .iter()
                            .filter_map(|id| index.get(*id).copied())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        // 0 = unvisited, 1 = on the stack, 2 = done.
        let mut state = vec![0u8; edges.len()];
        let mut back_edges = Vec::new();
        for start in 0..edges.len() {
            if state.get(start) != Some(&0) {
                continue;
            }
            let mut stack = vec![(start, 0usize)];
            if let Some(s) = state.get_mut(start) {
                *s = 1;
            }
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let Some(&target) = edges.get(node).and_then(|e| e.get(*next)) else {
                    if let Some(s) = state.get_mut(node) {
                        *s = 2;
                    }
                    stack.pop();
                    continue;
                };
                *next += 1;
                match state.get(target) {
                    Some(0) => {
                        if let Some(s) = state.get_mut(target) {
                            *s = 1;
                        }
                        stack.push((target, 0));
                    }
                    Some(1) => back_edges.push((node, target)),
                    _ => {}
                }
            }
        }
        // Credential index → the node it came from (the smallest `@id` if several, for
        // determinism), built once so that many cycles stay linear.
        let mut node_of: HashMap<usize, String> = HashMap::new();
        for (id, &i) in &self.credential_of {
            let entry = node_of.entry(i).or_insert_with(|| id.clone());
            if id < entry {
                *entry = id.clone();
            }
        }
        for (from, to) in back_edges {
            let Some(to_id) = self.credentials.get(to).map(|c| c.id.clone()) else {
                continue;
            };
            let node_id = node_of.get(&from).cloned().unwrap_or_default();
            if let Some(c) = self.credentials.get_mut(from) {
                c.requires = c
                    .requires
                    .take()
                    .and_then(|r| r.prune_leaves(&|id| id == to_id, ChooseShortfall::BecomeAll));
                let message = format!(
                    "node `{node_id}` requires `{to_id}`, which already requires it (a cycle); \
                     that requirement is dropped"
                );
                let pointer = self
                    .graph
                    .get(&node_id)
                    .map(|n| n.pointer.clone())
                    .unwrap_or_default();
                self.graph
                    .warnings
                    .push(warning("ctdl-cycle", &pointer, message));
            }
        }
    }

    /// The feed's provider: the organisation that owns or offers the first pathway.
    fn provider(&mut self, pathway_node: Option<&Node<'a>>) -> Institution {
        if let Some(node) = pathway_node {
            let mut owners = self.graph.refs(node, "ceterms", "ownedBy", Arity::Many);
            if owners.is_empty() {
                owners = self.graph.refs(node, "ceterms", "offeredBy", Arity::Many);
            }
            if let Some(org) = owners.first() {
                let ctid = self
                    .graph
                    .values(org, "ceterms", "ctid", Arity::One)
                    .first()
                    .and_then(|v| v.as_str());
                let id = IdAllocator::default().allocate(ctid, &org.id);
                let name = self
                    .graph
                    .text(org, "ceterms", "name")
                    .unwrap_or_else(|| Text::Plain(id.clone()));
                let url = url_of(&mut self.graph, org);
                return Institution { id, name, url };
            }
        }
        Institution {
            id: "ctdl-provider".into(),
            name: Text::Plain("Unknown provider".into()),
            url: None,
        }
    }
}

fn pathways_first_node<'b, 'a>(nodes: &'b [Node<'a>]) -> Option<&'b Node<'a>> {
    nodes.iter().find(|n| types(n).contains(&"Pathway"))
}

/// All of `items`, or the single item itself when there is one and no label.
fn combine_all(mut items: Vec<Requirement>, label: Option<Text>) -> Option<Requirement> {
    match items.len() {
        0 => None,
        1 if label.is_none() => items.pop(),
        _ => Some(Requirement::All { all: items, label }),
    }
}

/// The component's URL: `ceterms:subjectWebpage`, else `ceterms:proxyFor`; http(s) only.
fn url_of<'a>(g: &mut Graph<'a>, node: &Node<'a>) -> Option<String> {
    for property in ["subjectWebpage", "proxyFor"] {
        let values = g.values(node, "ceterms", property, Arity::One);
        let Some(url) = values.first().and_then(|v| match v {
            Value::String(s) => Some(s.trim()),
            Value::Object(m) => m.get("@id").and_then(Value::as_str).map(str::trim),
            _ => None,
        }) else {
            continue;
        };
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Some(url.to_owned());
        }
        g.warnings.push(warning(
            "ctdl-bad-url",
            &node.pointer,
            format!(
                "node `{}` has `{property}` `{url}`, which is not an http(s) URL; it is ignored",
                node.id
            ),
        ));
    }
    None
}

/// Credits and hours from `ceterms:creditValue` ValueProfiles (`schema:value`, else
/// `schema:minValue`); a profile whose unit is a clock hour gives hours.
fn credit_values<'a>(g: &mut Graph<'a>, node: &Node<'a>) -> (Option<f64>, Option<f64>) {
    let mut credits = None;
    let mut hours = None;
    for (i, value) in g
        .values(node, "ceterms", "creditValue", Arity::Many)
        .into_iter()
        .enumerate()
    {
        let (amount, is_hours) = match value {
            Value::Object(map) => {
                let profile = Node {
                    id: node.id.clone(),
                    pointer: format!("{}/ceterms:creditValue/{i}", node.pointer),
                    objects: vec![map],
                };
                let amount = g
                    .prop(&profile, "schema", "value")
                    .or_else(|| g.prop(&profile, "schema", "minValue"))
                    .and_then(number);
                let is_hours = g
                    .prop(&profile, "ceterms", "creditUnitType")
                    .is_some_and(|u| mentions(u, "ClockHour", 0));
                (amount, is_hours)
            }
            other => (number(other), false),
        };
        match amount {
            Some(x) if x >= 0.0 => {
                let slot = if is_hours { &mut hours } else { &mut credits };
                slot.get_or_insert(x);
            }
            _ => g.warnings.push(warning(
                "ctdl-bad-credit-value",
                &node.pointer,
                format!(
                    "node `{}` has a `ceterms:creditValue` without a usable non-negative \
                     `schema:value`; it is ignored",
                    node.id
                ),
            )),
        }
    }
    (credits, hours)
}

fn mentions(value: &Value, needle: &str, depth: usize) -> bool {
    match value {
        Value::String(s) => s.contains(needle),
        Value::Array(items) if depth < 4 => items.iter().any(|v| mentions(v, needle, depth + 1)),
        Value::Object(map) if depth < 4 => map.values().any(|v| mentions(v, needle, depth + 1)),
        _ => false,
    }
}

/// Labels of a component's progression levels. A level that is not in the document is still
/// kept, by the last segment of its IRI, so that grouping by level keeps working.
fn progression_levels<'a>(g: &mut Graph<'a>, node: &Node<'a>) -> Vec<String> {
    let mut out = Vec::new();
    let values = ["asn", "ceterms", "ceasn"]
        .iter()
        .find_map(|prefix| {
            node.objects
                .iter()
                .find_map(|o| o.get(&format!("{prefix}:hasProgressionLevel")))
        })
        .map(|v| match v {
            Value::Array(items) => items.iter().collect(),
            single => vec![single],
        })
        .unwrap_or_default();
    for value in values {
        let id = match value {
            Value::String(s) => s.as_str(),
            Value::Object(m) => match m.get("@id").and_then(Value::as_str) {
                Some(s) => s,
                None => continue,
            },
            _ => continue,
        };
        let label = match g.get(id).cloned() {
            Some(level) => g
                .text(&level, "skos", "prefLabel")
                .or_else(|| g.text(&level, "ceterms", "name"))
                .map(|t| t.get("en", "en").to_owned()),
            None => None,
        };
        let label = label.unwrap_or_else(|| super::ids::last_segment(id).to_owned());
        if !label.is_empty() && !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

/// The threshold of a constraint that says "the targets' credit values sum to at least x".
fn credit_sum_threshold<'a>(g: &mut Graph<'a>, constraint: &Node<'a>) -> Option<f64> {
    let comparator = g.prop(constraint, "ceterms", "comparator")?;
    if !mentions(comparator, "greaterThan", 0) {
        return None;
    }
    let left = g.prop(constraint, "ceterms", "leftSource")?;
    if !mentions(left, "creditValue", 0) {
        return None;
    }
    let right = g.prop(constraint, "ceterms", "rightSource")?;
    number(right).filter(|x| *x >= 0.0)
}

/// Texts with only the feed's one language become plain strings.
fn collapse_single_language(feed: &mut Feed, lang: &str) {
    let collapse = |text: &mut Text| {
        if let Text::Localized(map) = text {
            if map.len() == 1 {
                if let Some(s) = map.get(lang) {
                    *text = Text::Plain(s.clone());
                }
            }
        }
    };
    collapse(&mut feed.provider.name);
    for c in &mut feed.credentials {
        collapse(&mut c.title);
        if let Some(t) = c.summary.as_mut() {
            collapse(t);
        }
        if let Some(r) = c.requires.as_mut() {
            collapse_labels(r, &collapse);
        }
    }
    for p in &mut feed.pathways {
        collapse(&mut p.title);
        if let Some(t) = p.summary.as_mut() {
            collapse(t);
        }
    }
}

fn collapse_labels(requirement: &mut Requirement, collapse: &dyn Fn(&mut Text)) {
    match requirement {
        Requirement::Credential(_) => {}
        Requirement::All { all: items, label }
        | Requirement::Any { any: items, label }
        | Requirement::Choose {
            from: items, label, ..
        } => {
            if let Some(t) = label.as_mut() {
                collapse(t);
            }
            for item in items {
                collapse_labels(item, collapse);
            }
        }
        Requirement::Credits { label, .. } => {
            if let Some(t) = label.as_mut() {
                collapse(t);
            }
        }
    }
}

/// Drops repeated warnings (the same quirk met twice on one node), keeping the first.
fn dedup(diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = BTreeMap::new();
    diagnostics.retain(|d| {
        seen.insert((d.code.clone(), d.pointer.clone(), d.message.clone()), ())
            .is_none()
    });
}
