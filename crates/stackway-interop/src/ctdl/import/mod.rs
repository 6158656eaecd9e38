//! CTDL pathway (JSON-LD) → feed v1, with a warning for every quirk a publisher can act on.
//!
//! The import runs in passes over one [`Graph`] of the document:
//! 1. [`reach`]: which nodes a pathway holds: every node reached through `hasChild`,
//!    `hasPart`, `hasComponent`, `hasDestinationComponent`, a condition's `targetComponent`
//!    (or pointing back with `isPartOf`, `isChildOf`, `isDestinationComponentOf`), whatever its
//!    class, plus every `PathwayComponent` in the document;
//! 2. [`component`]: each of them → a credential (kind, title, codes, levels, tags), with
//!    [`measures`]: credit values and their unit, estimated duration, estimated cost;
//! 3. [`condition`]: `ceterms:ComponentCondition`s → requirement groups;
//! 4. [`pathway`]: each `ceterms:Pathway` → a curated pathway (goal, steps), then cycles are
//!    broken;
//! 5. [`orgs`]: the owning or offering organisation → the feed's provider, other owners →
//!    institutions.
//!
//! The feed it gives always passes validation without an error (property-tested).

mod component;
mod condition;
mod measures;
mod orgs;
mod pathway;
mod reach;

use crate::diagnostics::Code;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::graph::{Graph, NodeId};
use super::ids::IdAllocator;
use super::vocab::NodeClass;
use crate::diagnostics::{Diagnostic, Severity};
use crate::feed::{Credential, Feed, Requirement, Text, FORMAT_VERSION};
use crate::json::{self, Document};
use crate::parse::{read_error_diagnostic, Parsed};

/// What importing a CTDL document gave.
#[derive(Debug, Clone)]
pub struct Import {
    /// The feed (`None` when the document has nothing to import).
    pub feed: Option<Feed>,
    /// Every warning (and the error when there is no feed), pointing into the CTDL document:
    /// a JSON Pointer, a line and a column.
    pub diagnostics: Vec<Diagnostic>,
    /// What was read and what it became, for a one-line report.
    pub summary: Summary,
    origins: Origins,
}

/// Counts of what an import read and what it became.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Pathway nodes found: components, and credentials, courses, assessments… used as nodes.
    pub components: usize,
    /// Credentials in the feed: one per component, plus a goal for each pathway that names no
    /// destination.
    pub credentials: usize,
    /// Pathways in the feed.
    pub pathways: usize,
    /// `ceterms:ComponentCondition`s read.
    pub conditions: usize,
    /// Requirement groups in the feed (`all`, `any`, `choose` and `credits`).
    pub groups: usize,
}

/// Where a part of the feed came from in the CTDL document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// JSON Pointer of the node's object.
    pub pointer: String,
    pub line: u32,
    pub column: u32,
}

/// The CTDL node (tape index) of each part of the feed, to point at when the feed itself has a
/// problem. Only indices are kept: pointers and positions are computed when asked for.
#[derive(Debug, Clone, Default)]
struct Origins {
    provider: Option<u32>,
    credentials: Vec<u32>,
    pathways: Vec<u32>,
}

impl Import {
    /// Whether any diagnostic is an error (then there is no feed).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// How many diagnostics of each code, in code order.
    pub fn counts_by_code(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for d in &self.diagnostics {
            *out.entry(d.code.as_str()).or_insert(0) += 1;
        }
        out
    }

    /// The CTDL node a part of the imported feed came from, given a JSON Pointer into the feed
    /// (`/credentials/3/requires` → the fourth credential's node) and the document this import
    /// read: how `stackway check` points a feed diagnostic back at the CTDL file.
    pub fn locate(&self, doc: &Document<'_>, feed_pointer: &str) -> Option<Location> {
        let mut parts = feed_pointer.split('/').skip(1);
        let list = match parts.next()? {
            "provider" => return self.origins.provider.map(|at| location(doc, at)),
            "credentials" => &self.origins.credentials,
            "pathways" => &self.origins.pathways,
            _ => return None,
        };
        let index: usize = parts.next()?.parse().ok()?;
        list.get(index).map(|&at| location(doc, at))
    }

    fn nothing(diagnostics: Vec<Diagnostic>) -> Import {
        Import {
            feed: None,
            diagnostics,
            summary: Summary::default(),
            origins: Origins::default(),
        }
    }
}

impl From<Import> for Parsed {
    fn from(import: Import) -> Parsed {
        Parsed {
            feed: import.feed,
            diagnostics: import.diagnostics,
        }
    }
}

/// Imports CTDL JSON-LD text. Never fails: text that is not JSON, or a document with no pathway
/// node, gives an error diagnostic and no feed.
pub fn import_text(text: &str) -> Import {
    match json::read(text) {
        Ok(doc) => import_document(&doc),
        Err(e) => Import::nothing(vec![read_error_diagnostic(e)]),
    }
}

/// Imports an already read CTDL JSON-LD document (`@graph`, or a single resource).
pub fn import_document(doc: &Document<'_>) -> Import {
    let mut importer = Importer::new(Graph::new(doc));
    let feed = importer.run();
    let origins = importer.origins(feed.as_ref());
    let mut summary = importer.summary;
    let mut diagnostics = importer.g.into_diagnostics();
    let Some(feed) = feed else {
        diagnostics.push(Diagnostic {
            code: Code::CtdlEmpty,
            severity: Severity::Error,
            pointer: String::new(),
            message: "the document has no CTDL pathway or pathway component to import".into(),
            line: None,
            column: None,
        });
        return Import::nothing(diagnostics);
    };
    summary.credentials = feed.credentials.len();
    summary.pathways = feed.pathways.len();
    summary.groups = feed
        .credentials
        .iter()
        .filter_map(|c| c.requires.as_ref())
        .map(count_groups)
        .sum();
    Import {
        feed: Some(feed),
        diagnostics,
        summary,
        origins,
    }
}

/// The state shared by the passes.
struct Importer<'d> {
    pub g: Graph<'d>,
    /// The credentials, in the order of the nodes they came from.
    pub credentials: Vec<Credential>,
    /// The node each credential came from (a pathway node for a goal made from a pathway).
    pub sources: Vec<NodeId>,
    /// Node → its credential.
    pub credential_of: HashMap<NodeId, usize>,
    pub credential_ids: IdAllocator,
    pub summary: Summary,
    /// Nodes that have children but no condition (all children required), for one warning.
    pub unconditioned: Vec<NodeId>,
    /// Credit values waiting for the feed's credit unit to be settled.
    pub credit_readings: Vec<measures::CreditReading>,
    /// The node of each pathway of the feed, in order.
    pub pathway_sources: Vec<NodeId>,
    provider: Option<NodeId>,
}

impl<'d> Importer<'d> {
    fn new(g: Graph<'d>) -> Importer<'d> {
        Importer {
            g,
            credentials: Vec::new(),
            sources: Vec::new(),
            credential_of: HashMap::new(),
            credential_ids: IdAllocator::default(),
            summary: Summary::default(),
            unconditioned: Vec::new(),
            credit_readings: Vec::new(),
            pathway_sources: Vec::new(),
            provider: None,
        }
    }

    fn run(&mut self) -> Option<Feed> {
        let pathway_nodes: Vec<NodeId> = (0..self.g.nodes.len())
            .filter(|&n| self.g.class(n) == NodeClass::Pathway)
            .collect();
        let reached = reach::pathway_nodes(&mut self.g, &pathway_nodes);
        self.summary.components = reached.nodes.len();
        self.summary.conditions = reached.conditions;
        for &node in &reached.nodes {
            let credential = component::credential(self, node);
            self.add_credential(node, credential);
        }
        let credit_label = measures::settle_credit_units(self);
        for (i, &node) in reached.nodes.iter().enumerate() {
            let requires = condition::requirement_of_node(self, node);
            if let Some(credential) = self.credentials.get_mut(i) {
                credential.requires = requires;
            }
        }
        self.warn_unconditioned();
        let mut pathway_ids = IdAllocator::default();
        let pending: Vec<pathway::Pending> = pathway_nodes
            .iter()
            .filter_map(|&p| pathway::read(self, p, &mut pathway_ids))
            .collect();
        pathway::break_cycles(self);
        condition::make_credit_groups_reachable(self);
        let pathways: Vec<_> = pending
            .into_iter()
            .map(|p| pathway::order_steps(self, p))
            .collect();
        if self.credentials.is_empty() {
            return None;
        }
        let goal = pathways.first().map(|p| p.goal.clone());
        let (provider, provider_node, institutions) =
            orgs::provider_and_institutions(self, &pathway_nodes, goal.as_deref());
        self.provider = provider_node;
        let languages = match self.g.languages.as_slice() {
            [] => vec!["en".to_owned()],
            seen => seen.to_vec(),
        };
        let mut feed = Feed {
            stackway: FORMAT_VERSION,
            id: pathways
                .first()
                .map_or_else(|| "ctdl-import".to_owned(), |p| p.id.clone()),
            updated: None,
            languages,
            credit_label,
            provider,
            institutions,
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

    pub fn add_credential(&mut self, node: NodeId, credential: Credential) -> usize {
        let index = self.credentials.len();
        self.credential_of.entry(node).or_insert(index);
        self.sources.push(node);
        self.credentials.push(credential);
        index
    }

    /// The id of the credential a node became.
    pub fn credential_id(&self, node: NodeId) -> Option<String> {
        let &i = self.credential_of.get(&node)?;
        self.credentials.get(i).map(|c| c.id.clone())
    }

    /// One warning for every node that has children but no condition (all children required),
    /// naming the first few.
    fn warn_unconditioned(&mut self) {
        let Some(&first) = self.unconditioned.first() else {
            return;
        };
        let ids: Vec<String> = self
            .unconditioned
            .iter()
            .map(|&n| format!("`{}`", self.g.id(n)))
            .collect();
        let count = ids.len();
        let named = match count {
            1..=3 => ids.join(", "),
            _ => format!("{} and {} more", ids[..3].join(", "), count - 3),
        };
        let at = self.g.at(first);
        self.g.warn(
            Code::CtdlNoCondition,
            at,
            format!(
                "{count} {} children but no `ceterms:hasCondition` ({named}); all of {} children \
                 are required",
                if count == 1 { "node has" } else { "nodes have" },
                if count == 1 { "its" } else { "their" },
            ),
        );
    }

    fn origins(&self, feed: Option<&Feed>) -> Origins {
        let Some(feed) = feed else {
            return Origins::default();
        };
        Origins {
            provider: self.provider.map(|n| self.g.at(n)),
            credentials: self.sources.iter().map(|&n| self.g.at(n)).collect(),
            pathways: self
                .pathway_sources
                .iter()
                .take(feed.pathways.len())
                .map(|&n| self.g.at(n))
                .collect(),
        }
    }
}

/// Pointer, line and column of a value of the document.
fn location(doc: &Document<'_>, at: u32) -> Location {
    let pos = doc.node(at).pos();
    Location {
        pointer: doc.pointer(at),
        line: pos.line,
        column: pos.column,
    }
}

/// The requirement groups in a requirement tree.
fn count_groups(requirement: &Requirement) -> usize {
    match requirement {
        Requirement::Credential(_) => 0,
        Requirement::Credits { .. } => 1,
        Requirement::All { all: items, .. }
        | Requirement::Any { any: items, .. }
        | Requirement::Choose { from: items, .. } => {
            1 + items.iter().map(count_groups).sum::<usize>()
        }
    }
}

/// All of `items`, or the single item itself when there is one and no label.
pub(super) fn combine_all(mut items: Vec<Requirement>, label: Option<Text>) -> Option<Requirement> {
    match items.len() {
        0 => None,
        1 if label.is_none() => items.pop(),
        _ => Some(Requirement::All { all: items, label }),
    }
}

/// Distinct values, keeping the first of each.
pub(super) fn distinct<T: Clone + Eq + std::hash::Hash>(items: Vec<T>) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(item.clone()))
        .collect()
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
    if let Some(label) = feed.credit_label.as_mut() {
        collapse(label);
    }
    for institution in &mut feed.institutions {
        collapse(&mut institution.name);
    }
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
