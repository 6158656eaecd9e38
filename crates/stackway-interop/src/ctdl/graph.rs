//! A read-only view of a JSON-LD document as CTDL nodes, tolerant of the registry's messy data.
//!
//! It reads the core's own JSON tape ([`crate::json`]), the same reader feeds go through, so a
//! CTDL document is parsed once, every warning can point at the exact value (JSON Pointer, line
//! and column in the CTDL file), and the widget needs no second JSON library to read it.
//!
//! What real exports do as a matter of course is read silently: regional language tags (`en-US`
//! is English), a single value where CTDL lists many (JSON-LD says the two are the same), full
//! IRIs for property names. Spellings a publisher can correct are tallied and reported once per
//! document with a count (a `ceasn:` prefix where CTDL defines `ceterms:`, a language map keyed
//! with something that is not a language tag), so that the warnings that matter stand out.

use crate::diagnostics::Code;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::vocab::{classify, NodeClass};
use crate::diagnostics::{Diagnostic, Severity};
use crate::feed::{LangMap, Text};
use crate::json::{Document, Node as Json, Value};
use crate::validate::values::is_language_tag;

/// A node's place in [`Graph::nodes`].
pub(crate) type NodeId = usize;

/// One node of the document: its `@id` and its objects (more than one when the document
/// repeats the node; the first copy wins, later ones fill in what it lacks).
#[derive(Debug, Clone)]
pub(crate) struct CtdlNode<'d> {
    pub id: Cow<'d, str>,
    pub objects: Vec<Json<'d>>,
}

/// A warning about one value of the document, made into a [`Diagnostic`] at the end.
#[derive(Debug, Clone)]
pub(crate) struct Warning {
    pub code: Code,
    /// The tape index of the value it is about.
    pub at: u32,
    pub message: String,
}

/// Where a property was found on a node.
#[derive(Clone, Copy)]
enum Found<'d> {
    /// Under an accepted prefix (or namespace IRI).
    Accepted(Json<'d>),
    /// Under another CTDL prefix: the key as written, and the value.
    Elsewhere(&'d str, Json<'d>),
    /// Without a prefix.
    Bare(Json<'d>),
    Nothing,
}

/// Occurrences of one spelling a publisher can correct, for the once-per-document summary.
#[derive(Debug, Clone, Copy)]
struct Tally {
    count: usize,
    first: u32,
}

/// The document's nodes by `@id`, plus the warnings found while reading them.
pub(crate) struct Graph<'d> {
    pub doc: &'d Document<'d>,
    /// Nodes in document order, then embedded nodes without an `@id` as they are met.
    pub nodes: Vec<CtdlNode<'d>>,
    index: HashMap<&'d str, NodeId>,
    /// Embedded node objects without an `@id`, by tape index.
    anonymous: HashMap<u32, NodeId>,
    pub warnings: Vec<Warning>,
    /// Language tags seen in language maps (primary subtags), in order of first appearance.
    pub languages: Vec<String>,
    /// Properties written with another prefix than CTDL's: (as written, as expected) → tally.
    variants: BTreeMap<(&'d str, String), Tally>,
    /// Values already counted in `variants` (a property may be read more than once).
    counted: HashSet<u32>,
    /// Language-map keys that are not language tags → tally.
    odd_tags: BTreeMap<&'d str, Tally>,
    /// Each node's class, once asked for.
    classes: Vec<Option<NodeClass<'d>>>,
    /// Each node's property table, once asked for.
    tables: Vec<Option<Vec<Prop<'d>>>>,
}

/// One property of a node: its key split into prefix (`""` when it has none; the prefix of its
/// namespace when the key is a full IRI) and local name.
#[derive(Debug, Clone, Copy)]
struct Prop<'d> {
    prefix: &'d str,
    local: &'d str,
    key: &'d str,
    value: Json<'d>,
}

/// `ceterms:name` → (`ceterms`, `name`); `https://purl.org/ctdl/terms/name` → (`ceterms`,
/// `name`); `name` → (``, `name`); an IRI of another namespace → `None`.
fn split_key(key: &str) -> Option<(&str, &str)> {
    // The separators are ASCII: byte positions are character boundaries.
    let bytes = key.as_bytes();
    if let Some(i) = bytes.iter().rposition(|&b| b == b'/' || b == b'#') {
        let (head, local) = (key.get(..=i)?, key.get(i + 1..)?);
        let prefix = NAMESPACES.iter().find(|(iri, _)| *iri == head)?.1;
        return Some((prefix, local));
    }
    Some(match bytes.iter().rposition(|&b| b == b':') {
        Some(i) => (key.get(..i)?, key.get(i + 1..)?),
        None => ("", key),
    })
}

/// Prefixes a CTDL property may carry; the expected one is tried first.
const PREFIXES: [&str; 5] = ["ceterms", "ceasn", "asn", "skos", "schema"];

/// Namespace IRIs of those prefixes, for documents that write properties as full IRIs.
const NAMESPACES: [(&str, &str); 9] = [
    ("https://purl.org/ctdl/terms/", "ceterms"),
    ("http://purl.org/ctdl/terms/", "ceterms"),
    ("https://purl.org/ctdlasn/terms/", "ceasn"),
    ("http://purl.org/ctdlasn/terms/", "ceasn"),
    ("http://purl.org/ASN/schema/core/", "asn"),
    ("http://www.w3.org/2004/02/skos/core#", "skos"),
    ("https://www.w3.org/2004/02/skos/core#", "skos"),
    ("https://schema.org/", "schema"),
    ("http://schema.org/", "schema"),
];

impl<'d> Graph<'d> {
    /// Indexes every node of the document: the entries of `@graph`, or the single resource, and
    /// any embedded node object (one with `@id` and `@type`) found inside them.
    pub fn new(doc: &'d Document<'d>) -> Graph<'d> {
        let mut graph = Graph {
            doc,
            nodes: Vec::new(),
            index: HashMap::new(),
            anonymous: HashMap::new(),
            warnings: Vec::new(),
            languages: Vec::new(),
            variants: BTreeMap::new(),
            counted: HashSet::new(),
            odd_tags: BTreeMap::new(),
            classes: Vec::new(),
            tables: Vec::new(),
        };
        let root = doc.root();
        match root.value() {
            Value::Object(members) => match members.clone().find(|m| m.key == "@graph") {
                Some(graph_member) => graph.collect(graph_member.value, 0),
                None => graph.collect(root, 0),
            },
            Value::Array(_) => graph.collect(root, 0),
            _ => {}
        }
        graph
    }

    fn collect(&mut self, value: Json<'d>, depth: usize) {
        // The reader bounds nesting at 64; this keeps the walk cheap on odd documents.
        if depth > 32 {
            return;
        }
        match value.value() {
            Value::Object(members) => {
                let mut id = None;
                let mut typed = false;
                for m in members.clone() {
                    match m.key {
                        "@id" => id = m.value.as_str(),
                        "@type" => typed = true,
                        _ => {}
                    }
                }
                if let (Some(id), true) = (id, typed) {
                    self.add(id, value);
                }
                for m in members {
                    if m.key != "@context" && is_container(m.value) {
                        self.collect(m.value, depth + 1);
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    if is_container(item) {
                        self.collect(item, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    fn add(&mut self, id: &'d str, object: Json<'d>) {
        if let Some(&existing) = self.index.get(id) {
            self.warn(
                Code::CtdlDuplicateNode,
                object.index(),
                format!(
                    "node `{id}` appears more than once; the first copy wins and the later copies \
                     only fill in properties it lacks"
                ),
            );
            if let Some(node) = self.nodes.get_mut(existing) {
                node.objects.push(object);
            }
            return;
        }
        self.index.insert(id, self.nodes.len());
        self.nodes.push(CtdlNode {
            id: Cow::Borrowed(id),
            objects: vec![object],
        });
    }

    /// Records a warning about the value at tape index `at`.
    pub fn warn(&mut self, code: Code, at: u32, message: String) {
        self.warnings.push(Warning { code, at, message });
    }

    /// The node with this `@id`, if the document has it.
    pub fn get(&self, id: &str) -> Option<NodeId> {
        self.index.get(id).copied()
    }

    /// The `@id` of a node.
    pub fn id(&self, node: NodeId) -> &str {
        self.nodes.get(node).map_or("", |n| &n.id)
    }

    /// The tape index of a node's first object: where warnings about the node point.
    pub fn at(&self, node: NodeId) -> u32 {
        self.object(node, 0).map_or(0, Json::index)
    }

    fn object(&self, node: NodeId, k: usize) -> Option<Json<'d>> {
        self.nodes.get(node).and_then(|n| n.objects.get(k)).copied()
    }

    /// The local names of a node's `@type`s (a string or a list), in order.
    pub fn types(&self, node: NodeId) -> Vec<&'d str> {
        let mut out = Vec::new();
        let mut k = 0;
        while let Some(object) = self.object(node, k) {
            k += 1;
            let Some(members) = object.members() else {
                continue;
            };
            for m in members.filter(|m| m.key == "@type") {
                match m.value.as_str() {
                    Some(t) => out.push(local_name(t)),
                    None => out.extend(
                        m.value
                            .items()
                            .into_iter()
                            .flatten()
                            .filter_map(Json::as_str)
                            .map(local_name),
                    ),
                }
            }
        }
        out
    }

    /// The value of property `local` (e.g. `hasChild`) on `node`, looked for under the expected
    /// prefix first, then under the other CTDL prefixes (tallied for the once-per-document
    /// warning), then without a prefix.
    pub fn prop(&mut self, node: NodeId, expected: &str, local: &str) -> Option<Json<'d>> {
        self.prop_in(node, &[expected], local)
    }

    /// Like [`Graph::prop`] for a property CTDL defines under several prefixes (the first is
    /// the one named in the warning about other spellings).
    pub fn prop_in(&mut self, node: NodeId, accepted: &[&str], local: &str) -> Option<Json<'d>> {
        let found = self.find(node, accepted, local);
        if let Found::Elsewhere(key, value) = found {
            if self.counted.insert(value.index()) {
                let expected = accepted.first().copied().unwrap_or("ceterms");
                let tally = self
                    .variants
                    .entry((key, format!("{expected}:{local}")))
                    .or_insert(Tally {
                        count: 0,
                        first: value.index(),
                    });
                tally.count += 1;
            }
        }
        match found {
            Found::Accepted(value) | Found::Elsewhere(_, value) | Found::Bare(value) => Some(value),
            Found::Nothing => None,
        }
    }

    /// Looks a property up in the node's property table (built on first use: the import asks
    /// each node for twenty-odd properties, so splitting its keys once pays).
    fn find(&mut self, node: NodeId, accepted: &[&str], local: &str) -> Found<'d> {
        let table = self.table(node);
        let mut found = Found::Nothing;
        for p in table.iter().filter(|p| p.local == local) {
            if p.prefix.is_empty() {
                if let Found::Nothing = found {
                    found = Found::Bare(p.value);
                }
            } else if accepted.contains(&p.prefix) {
                return Found::Accepted(p.value);
            } else if matches!(found, Found::Nothing | Found::Bare(_))
                && PREFIXES.contains(&p.prefix)
            {
                found = Found::Elsewhere(p.key, p.value);
            }
        }
        found
    }

    /// A node's properties, split into prefix and local name, in document order.
    fn table(&mut self, node: NodeId) -> &[Prop<'d>] {
        if self.tables.len() <= node {
            self.tables.resize_with(node + 1, || None);
        }
        let objects = self
            .nodes
            .get(node)
            .map_or(&[][..], |n| n.objects.as_slice());
        let slot = &mut self.tables[node];
        slot.get_or_insert_with(|| {
            let mut table = Vec::new();
            for object in objects {
                for m in object.members().into_iter().flatten() {
                    if let Some((prefix, local)) = split_key(m.key) {
                        table.push(Prop {
                            prefix,
                            local,
                            key: m.key,
                            value: m.value,
                        });
                    }
                }
            }
            table
        })
    }

    /// Adds objects to a node (a resource it stands for fills in what it lacks).
    pub fn add_objects(&mut self, node: NodeId, objects: &[Json<'d>]) {
        if let Some(n) = self.nodes.get_mut(node) {
            for object in objects {
                if !n.objects.iter().any(|o| o.index() == object.index()) {
                    n.objects.push(*object);
                }
            }
        }
        if let Some(table) = self.tables.get_mut(node) {
            *table = None;
        }
        if let Some(class) = self.classes.get_mut(node) {
            *class = None;
        }
    }

    /// What a node is (computed once per node).
    pub fn class(&mut self, node: NodeId) -> NodeClass<'d> {
        if let Some(Some(class)) = self.classes.get(node) {
            return *class;
        }
        let class = classify(&self.types(node));
        if self.classes.len() <= node {
            self.classes.resize(node + 1, None);
        }
        if let Some(slot) = self.classes.get_mut(node) {
            *slot = Some(class);
        }
        class
    }

    /// The values of a property as a list: a single value is a list of one, as in JSON-LD.
    pub fn values(&mut self, node: NodeId, expected: &str, local: &str) -> Vec<Json<'d>> {
        self.values_in(node, &[expected], local)
    }

    /// Like [`Graph::values`] for a property CTDL defines under several prefixes.
    pub fn values_in(&mut self, node: NodeId, accepted: &[&str], local: &str) -> Vec<Json<'d>> {
        match self.prop_in(node, accepted, local) {
            None => Vec::new(),
            Some(value) => match value.value() {
                Value::Array(items) => items.collect(),
                Value::Null => Vec::new(),
                _ => vec![value],
            },
        }
    }

    /// The one value of a property that takes one, warning when a list holds several.
    pub fn single(&mut self, node: NodeId, expected: &str, local: &str) -> Option<Json<'d>> {
        let value = self.prop(node, expected, local)?;
        let Some(mut items) = value.items() else {
            return (!matches!(value.value(), Value::Null)).then_some(value);
        };
        let first = items.next();
        if items.next().is_some() {
            let id = self.id(node).to_owned();
            self.warn(
                Code::CtdlListForSingle,
                value.index(),
                format!(
                    "node `{id}` has a list for `{local}`, which takes one value; the first is used"
                ),
            );
        }
        first
    }

    /// The nodes a property refers to (by `@id` string, `{"@id": …}`, or an embedded node),
    /// warning about references to nodes the document does not contain.
    pub fn refs(&mut self, node: NodeId, expected: &str, local: &str) -> Vec<NodeId> {
        self.refs_at(node, expected, local)
            .into_iter()
            .map(|(found, _)| found)
            .collect()
    }

    /// Like [`Graph::refs`], with the tape index of each reference (where a warning about the
    /// reference points).
    pub fn refs_at(&mut self, node: NodeId, expected: &str, local: &str) -> Vec<(NodeId, u32)> {
        let mut out = Vec::new();
        for value in self.values(node, expected, local) {
            if let Some(found) = self.resolve(node, local, value) {
                out.push((found, value.index()));
            }
        }
        out
    }

    /// The node one reference value names (an `@id`, `{"@id": …}`, or an embedded object),
    /// warning when the document does not contain it.
    pub fn resolve(&mut self, from: NodeId, local: &str, value: Json<'d>) -> Option<NodeId> {
        let id = match value.value() {
            Value::String(s) => Some(s),
            Value::Object(members) => members
                .clone()
                .find(|m| m.key == "@id")
                .and_then(|m| m.value.as_str()),
            _ => None,
        };
        if let Some(found) = id.and_then(|id| self.get(id)) {
            return Some(found);
        }
        let from_id = self.id(from).to_owned();
        match (id, value.members()) {
            // An embedded node without an `@id` of its own: give it one from its place.
            (None, Some(_)) => Some(self.anonymous_node(from, local, value)),
            // An embedded object with an `@id` but no `@type` (a node the document describes
            // inline): the object itself is the node.
            (Some(id), Some(members)) if members.clone().any(|m| m.key != "@id") => {
                let node = self.nodes.len();
                self.index.insert(id, node);
                self.nodes.push(CtdlNode {
                    id: Cow::Borrowed(id),
                    objects: vec![value],
                });
                Some(node)
            }
            (Some(id), _) => {
                self.warn(
                    Code::CtdlMissingNode,
                    value.index(),
                    format!(
                        "node `{from_id}` refers through `{local}` to `{id}`, which is not in the \
                         document; the reference is ignored"
                    ),
                );
                None
            }
            (None, None) => {
                self.warn(
                    Code::CtdlBadReference,
                    value.index(),
                    format!(
                        "node `{from_id}` has a `{local}` value that is not a reference; it is \
                         ignored"
                    ),
                );
                None
            }
        }
    }

    fn anonymous_node(&mut self, from: NodeId, local: &str, value: Json<'d>) -> NodeId {
        if let Some(&node) = self.anonymous.get(&value.index()) {
            return node;
        }
        // Named after where it is, so that a warning about it can be found: the second
        // condition described inside node X is "X › hasCondition 2".
        let mut k = 0;
        let mut position = None;
        while let (None, Some(object)) = (position, self.object(from, k)) {
            k += 1;
            for m in object.members().into_iter().flatten() {
                if let Some(i) = m
                    .value
                    .items()
                    .and_then(|mut items| items.position(|item| item.index() == value.index()))
                {
                    position = Some(i + 1);
                }
            }
        }
        let from_id = self.id(from);
        let id = match position {
            Some(n) => format!("{from_id} › {local} {n}"),
            None => format!("{from_id} › {local}"),
        };
        let node = self.nodes.len();
        self.anonymous.insert(value.index(), node);
        self.nodes.push(CtdlNode {
            id: Cow::Owned(id),
            objects: vec![value],
        });
        node
    }

    /// A text property: a string, a JSON-LD value object, or a language map whose values are a
    /// string or a list of strings.
    pub fn text(&mut self, node: NodeId, expected: &str, local: &str) -> Option<Text> {
        let value = self.prop(node, expected, local)?;
        self.text_value(node, local, value)
    }

    fn text_value(&mut self, node: NodeId, local: &str, value: Json<'d>) -> Option<Text> {
        match value.value() {
            Value::String(s) => non_empty(s).map(Text::Plain),
            Value::Array(mut items) => {
                let first = items.next();
                if items.next().is_some() {
                    let id = self.id(node).to_owned();
                    self.warn(
                        Code::CtdlListForSingle,
                        value.index(),
                        format!(
                            "node `{id}` has a list for `{local}`, which takes one text; the \
                             first is used"
                        ),
                    );
                }
                first.and_then(|v| self.text_value(node, local, v))
            }
            Value::Object(members) => {
                let mut plain = None;
                let mut tagged = None;
                for m in members.clone() {
                    match m.key {
                        "@value" => plain = m.value.as_str().and_then(non_empty),
                        "@language" => tagged = m.value.as_str(),
                        _ => {}
                    }
                }
                if let Some(text) = plain {
                    return Some(match tagged {
                        Some(tag) => {
                            let tag = self.language(tag, value.index());
                            Text::Localized(LangMap::from([(tag, text)]))
                        }
                        None => Text::Plain(text),
                    });
                }
                self.language_map(node, local, members)
            }
            _ => None,
        }
    }

    fn language_map(
        &mut self,
        node: NodeId,
        local: &str,
        members: crate::json::Members<'d>,
    ) -> Option<Text> {
        let mut out = Vec::new();
        for m in members {
            let s = match m.value.value() {
                Value::String(s) => Some(s),
                Value::Array(mut items) => {
                    let first = items.next();
                    if items.next().is_some() {
                        let id = self.id(node).to_owned();
                        self.warn(
                            Code::CtdlListForSingle,
                            m.value.index(),
                            format!(
                                "node `{id}` has a list of strings under `{local}`.`{}`; the first \
                                 is used",
                                m.key
                            ),
                        );
                    }
                    first.and_then(Json::as_str)
                }
                _ => None,
            };
            let Some(s) = s.and_then(non_empty) else {
                continue;
            };
            let tag = self.language(m.key, m.value.index());
            out.push((tag, s));
        }
        (!out.is_empty()).then(|| Text::Localized(LangMap::first_wins(out)))
    }

    /// A language-map key as the feed's language: its primary subtag in lower case (`en-US` →
    /// `en`, silently). A key that is not a language tag (`@en-US`, `English US`) is tallied for
    /// the once-per-document warning and read as well as it can be.
    fn language(&mut self, tag: &'d str, at: u32) -> String {
        let cleaned = tag.trim().trim_start_matches('@');
        let primary = cleaned
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let well_formed = if tag.contains('_') {
            is_language_tag(&tag.replace('_', "-"))
        } else {
            is_language_tag(tag)
        };
        let primary = if is_language_tag(&primary) {
            primary
        } else {
            "und".to_owned()
        };
        if !well_formed {
            self.odd_tags
                .entry(tag)
                .or_insert(Tally {
                    count: 0,
                    first: at,
                })
                .count += 1;
        }
        if !self.languages.contains(&primary) {
            self.languages.push(primary.clone());
        }
        primary
    }

    /// Every string of a property (for keywords and codes): strings, lists, and the first
    /// language of language maps (so that translations do not become extra tags).
    pub fn strings(&mut self, node: NodeId, accepted: &[&str], local: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(value) = self.prop_in(node, accepted, local) {
            push_strings(value, &mut out, 0);
        }
        out
    }

    /// The warnings, with the once-per-document summaries, as diagnostics: a JSON Pointer and a
    /// line and column into the CTDL document. Repeats (the same warning on the same value) are
    /// dropped; the order is the document's.
    pub fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        self.summarise_variants();
        self.summarise_odd_tags();
        let mut seen = HashSet::new();
        let mut warnings: Vec<Warning> = std::mem::take(&mut self.warnings)
            .into_iter()
            .filter(|w| seen.insert((w.code, w.at, w.message.clone())))
            .collect();
        warnings.sort_by_key(|w| w.at);
        let offsets: Vec<u32> = warnings
            .iter()
            .map(|w| self.doc.node(w.at).offset())
            .collect();
        let positions = self.doc.positions(offsets);
        warnings
            .into_iter()
            .zip(positions)
            .map(|(w, pos)| Diagnostic {
                code: w.code,
                severity: Severity::Warning,
                pointer: self.doc.pointer(w.at),
                message: w.message,
                line: Some(pos.line),
                column: Some(pos.column),
            })
            .collect()
    }

    fn summarise_variants(&mut self) {
        let Some(first) = self.variants.values().map(|t| t.first).min() else {
            return;
        };
        let total: usize = self.variants.values().map(|t| t.count).sum();
        let list =
            listing(self.variants.iter().map(|((written, expected), t)| {
                format!("`{written}` for `{expected}` ({})", t.count)
            }));
        self.warn(
            Code::CtdlPrefix,
            first,
            format!(
                "{total} {} spelled with another prefix than CTDL's: {list}; each was read as \
                 CTDL's property",
                if total == 1 {
                    "property is"
                } else {
                    "properties are"
                }
            ),
        );
    }

    fn summarise_odd_tags(&mut self) {
        let Some(first) = self.odd_tags.values().map(|t| t.first).min() else {
            return;
        };
        let total: usize = self.odd_tags.values().map(|t| t.count).sum();
        let list = listing(
            self.odd_tags
                .iter()
                .map(|(tag, t)| format!("`{tag}` ({})", t.count)),
        );
        self.warn(
            Code::CtdlLanguageTag,
            first,
            format!(
                "{total} language-map {} not a language tag such as `en` or `fr-CA`: {list}; each \
                 was read by its first part, or as `und` (undetermined)",
                if total == 1 { "key is" } else { "keys are" }
            ),
        );
    }
}

/// At most eight items, then how many more.
fn listing(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let shown = items.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
    match items.len() {
        n if n > 8 => format!("{shown} and {} more", n - 8),
        _ => shown,
    }
}

fn push_strings(value: Json<'_>, out: &mut Vec<String>, depth: usize) {
    match value.value() {
        Value::String(s) => {
            if let Some(s) = non_empty(s) {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        Value::Array(items) if depth < 3 => {
            for item in items {
                push_strings(item, out, depth + 1);
            }
        }
        Value::Object(mut members) if depth < 3 => {
            let first = members
                .clone()
                .find(|m| m.key == "@value")
                .or_else(|| members.next());
            if let Some(m) = first {
                push_strings(m.value, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_container(value: Json<'_>) -> bool {
    matches!(value.value(), Value::Object(_) | Value::Array(_))
}

pub(crate) fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The local name of a type or IRI: `ceterms:CourseComponent` → `CourseComponent`,
/// `https://purl.org/ctdl/terms/CourseComponent` → `CourseComponent`.
pub(crate) fn local_name(s: &str) -> &str {
    // The separators are ASCII, so the byte after one starts a character.
    match s.bytes().rposition(|b| matches!(b, b'/' | b'#' | b':')) {
        Some(i) => s.get(i + 1..).unwrap_or(""),
        None => s,
    }
}

/// The string of a reference-like value: a string, or an object's `@id`.
pub(crate) fn iri(value: Json<'_>) -> Option<&str> {
    match value.value() {
        Value::String(s) => Some(s),
        Value::Object(mut members) => members.find(|m| m.key == "@id")?.value.as_str(),
        _ => None,
    }
}

/// A number from a JSON number, a numeric string, a value object, or the first of a list.
pub(crate) fn number(value: Json<'_>) -> Option<f64> {
    match value.value() {
        Value::Number(n) => Some(n),
        Value::String(s) => crate::decimal::parse(s.trim()),
        Value::Object(mut members) => members
            .find(|m| m.key == "@value")
            .and_then(|m| number(m.value)),
        Value::Array(mut items) => items.next().and_then(number),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

/// Whether a value mentions `needle` in any string (concept IRIs, alignment objects).
pub(crate) fn mentions(value: Json<'_>, needle: &str, depth: usize) -> bool {
    match value.value() {
        Value::String(s) => s.contains(needle),
        Value::Array(items) if depth < 4 => {
            items.into_iter().any(|v| mentions(v, needle, depth + 1))
        }
        Value::Object(members) if depth < 4 => members
            .into_iter()
            .any(|m| mentions(m.value, needle, depth + 1)),
        _ => false,
    }
}
