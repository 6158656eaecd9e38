//! A read-only view of a JSON-LD document as CTDL nodes, tolerant of the registry's messy data.
//!
//! Every quirk it smooths over (a `ceasn:` prefix where `ceterms:` is expected, a single value
//! where a list is expected, `en-US` language keys, duplicate nodes, references to absent nodes)
//! is reported as a warning naming the node's `@id`, so that an institution can fix its data.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::diagnostics::Diagnostic;
use crate::feed::{LangMap, Text};
use crate::interop::{pointer_token, warning};

/// One node of the document: its `@id`, where it is, and its properties (more than one object
/// when the document repeats the node).
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub id: String,
    pub pointer: String,
    pub objects: Vec<&'a Map<String, Value>>,
}

/// Whether a property holds one value or a list, which decides the warning for the other shape.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arity {
    One,
    Many,
}

/// The document's nodes by `@id`, plus the warnings found while reading them.
pub(crate) struct Graph<'a> {
    /// Nodes in document order.
    pub nodes: Vec<Node<'a>>,
    index: HashMap<String, usize>,
    pub warnings: Vec<Diagnostic>,
    /// Language tags seen in language maps, in order of first appearance.
    pub languages: Vec<String>,
    language_set: HashSet<String>,
}

/// Prefixes a CTDL property may carry; the expected one is tried first.
const PREFIXES: [&str; 5] = ["ceterms", "ceasn", "asn", "skos", "schema"];

impl<'a> Graph<'a> {
    /// Indexes every node of `root`: the entries of `@graph`, or the single resource, and any
    /// embedded node object (one with `@id` and `@type`) found inside them.
    pub fn new(root: &'a Value) -> Graph<'a> {
        let mut graph = Graph {
            nodes: Vec::new(),
            index: HashMap::new(),
            warnings: Vec::new(),
            languages: Vec::new(),
            language_set: HashSet::new(),
        };
        match root {
            Value::Object(map) => match map.get("@graph") {
                Some(Value::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        graph.collect(item, format!("/@graph/{i}"), 0);
                    }
                }
                Some(single @ Value::Object(_)) => graph.collect(single, "/@graph".into(), 0),
                _ => graph.collect(root, String::new(), 0),
            },
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    graph.collect(item, format!("/{i}"), 0);
                }
            }
            _ => {}
        }
        graph
    }

    fn collect(&mut self, value: &'a Value, pointer: String, depth: usize) {
        // serde_json already bounds nesting at 128; this keeps the walk cheap on odd documents.
        if depth > 32 {
            return;
        }
        match value {
            Value::Object(map) => {
                if let (Some(Value::String(id)), Some(_)) = (map.get("@id"), map.get("@type")) {
                    self.add(id, map, &pointer);
                }
                for (key, child) in map {
                    // Only objects and arrays can hold nodes; skipping the rest early avoids
                    // building a pointer for every string of the document.
                    if key != "@context" && is_container(child) {
                        let child_pointer = format!("{pointer}/{}", pointer_token(key));
                        self.collect(child, child_pointer, depth + 1);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if is_container(item) {
                        self.collect(item, format!("{pointer}/{i}"), depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    fn add(&mut self, id: &str, map: &'a Map<String, Value>, pointer: &str) {
        if let Some(&i) = self.index.get(id) {
            self.warnings.push(warning(
                "ctdl-duplicate-node",
                pointer,
                format!(
                    "node `{id}` appears more than once; the first copy wins and the later copies \
                     only fill in properties it lacks"
                ),
            ));
            if let Some(node) = self.nodes.get_mut(i) {
                node.objects.push(map);
            }
            return;
        }
        self.index.insert(id.to_owned(), self.nodes.len());
        self.nodes.push(Node {
            id: id.to_owned(),
            pointer: pointer.to_owned(),
            objects: vec![map],
        });
    }

    /// The node with this `@id`, if the document has it.
    pub fn get(&self, id: &str) -> Option<&Node<'a>> {
        self.index.get(id).and_then(|&i| self.nodes.get(i))
    }

    /// The value of property `local` (e.g. `hasChild`) on `node`, looking under the expected
    /// prefix first, then the others, then without a prefix; warns when it was found elsewhere.
    pub fn prop(&mut self, node: &Node<'a>, expected: &str, local: &str) -> Option<&'a Value> {
        // One scan of the keys, without building key strings: this runs for every property of
        // every node, so it dominates the import of large pathways.
        let mut elsewhere: Option<(&'a str, &'a Value)> = None;
        let mut bare: Option<&'a Value> = None;
        for object in &node.objects {
            for (key, value) in object.iter() {
                let Some(head) = key.strip_suffix(local) else {
                    continue;
                };
                match head.strip_suffix(':') {
                    Some(prefix) if prefix == expected => return Some(value),
                    Some(prefix) if elsewhere.is_none() && PREFIXES.contains(&prefix) => {
                        elsewhere = Some((prefix, value));
                    }
                    None if head.is_empty() && bare.is_none() => bare = Some(value),
                    _ => {}
                }
            }
        }
        if let Some((prefix, value)) = elsewhere {
            self.warnings.push(warning(
                "ctdl-prefix",
                &node.pointer,
                format!(
                    "node `{}` has `{prefix}:{local}` where `{expected}:{local}` is expected; \
                     read as `{expected}:{local}`",
                    node.id
                ),
            ));
            return Some(value);
        }
        bare
    }

    /// The values of a property as a list, warning when the shape is not the expected one.
    pub fn values(
        &mut self,
        node: &Node<'a>,
        expected: &str,
        local: &str,
        arity: Arity,
    ) -> Vec<&'a Value> {
        let Some(value) = self.prop(node, expected, local) else {
            return Vec::new();
        };
        match (value, arity) {
            (Value::Array(items), Arity::Many) => items.iter().collect(),
            (Value::Array(items), Arity::One) => {
                self.warnings.push(warning(
                    "ctdl-list-for-single",
                    &node.pointer,
                    format!(
                        "node `{}` has a list for `{local}`, which takes one value; the first is \
                         used",
                        node.id
                    ),
                ));
                items.iter().take(1).collect()
            }
            (Value::Null, _) => Vec::new(),
            (single, Arity::Many) => {
                self.warnings.push(warning(
                    "ctdl-single-for-list",
                    &node.pointer,
                    format!(
                        "node `{}` has a single value for `{local}`, which takes a list; read as \
                         a list of one",
                        node.id
                    ),
                ));
                vec![single]
            }
            (single, Arity::One) => vec![single],
        }
    }

    /// The nodes a property refers to (by `@id` string, `{"@id": …}`, or an embedded node),
    /// warning about references to nodes the document does not contain.
    pub fn refs(
        &mut self,
        node: &Node<'a>,
        expected: &str,
        local: &str,
        arity: Arity,
    ) -> Vec<Node<'a>> {
        let mut out = Vec::new();
        let values = self.values(node, expected, local, arity);
        for (i, value) in values.into_iter().enumerate() {
            let id = match value {
                Value::String(s) => Some(s.as_str()),
                Value::Object(map) => match map.get("@id") {
                    Some(Value::String(s)) => Some(s.as_str()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(found) = id.and_then(|id| self.get(id)) {
                out.push(found.clone());
                continue;
            }
            match (id, value) {
                // An embedded node without an `@id` of its own: give it one from its place.
                (None, Value::Object(map)) => out.push(Node {
                    id: format!("_:{}{local}/{i}", node.id),
                    pointer: format!("{}/{expected}:{local}/{i}", node.pointer),
                    objects: vec![map],
                }),
                (Some(id), _) => self.warnings.push(warning(
                    "ctdl-missing-node",
                    &node.pointer,
                    format!(
                        "node `{}` refers through `{local}` to `{id}`, which is not in the \
                         document; the reference is ignored",
                        node.id
                    ),
                )),
                (None, _) => self.warnings.push(warning(
                    "ctdl-bad-reference",
                    &node.pointer,
                    format!(
                        "node `{}` has a `{local}` value that is not a reference; it is ignored",
                        node.id
                    ),
                )),
            }
        }
        out
    }

    /// A text property: a string, a JSON-LD value object, or a language map whose values are a
    /// string or a list of strings.
    pub fn text(&mut self, node: &Node<'a>, expected: &str, local: &str) -> Option<Text> {
        let value = self.prop(node, expected, local)?;
        self.text_value(node, local, value)
    }

    fn text_value(&mut self, node: &Node<'a>, local: &str, value: &'a Value) -> Option<Text> {
        match value {
            Value::String(s) => non_empty(s).map(Text::Plain),
            Value::Array(items) => {
                if items.len() > 1 {
                    self.warnings.push(warning(
                        "ctdl-list-for-single",
                        &node.pointer,
                        format!(
                            "node `{}` has a list for `{local}`, which takes one text; the first \
                             is used",
                            node.id
                        ),
                    ));
                }
                items.first().and_then(|v| self.text_value(node, local, v))
            }
            Value::Object(map) => {
                if let Some(Value::String(s)) = map.get("@value") {
                    let text = non_empty(s)?;
                    return match map.get("@language") {
                        Some(Value::String(tag)) => {
                            let tag = self.language(node, tag);
                            Some(Text::Localized(LangMap::from([(tag, text)])))
                        }
                        _ => Some(Text::Plain(text)),
                    };
                }
                let mut out = Vec::new();
                for (tag, v) in map {
                    let s = match v {
                        Value::String(s) => Some(s.as_str()),
                        Value::Array(items) => {
                            if items.len() > 1 {
                                self.warnings.push(warning(
                                    "ctdl-list-for-single",
                                    &node.pointer,
                                    format!(
                                        "node `{}` has a list of strings under `{local}`.`{tag}`; \
                                         the first is used",
                                        node.id
                                    ),
                                ));
                            }
                            items.iter().find_map(Value::as_str)
                        }
                        _ => None,
                    };
                    let Some(s) = s.and_then(non_empty) else {
                        continue;
                    };
                    let tag = self.language(node, tag);
                    out.push((tag, s));
                }
                if out.is_empty() {
                    None
                } else {
                    Some(Text::Localized(LangMap::first_wins(out)))
                }
            }
            _ => None,
        }
    }

    /// Normalises a language-map key (`en-US`, `en-us` → `en`), warning when it changed.
    fn language(&mut self, node: &Node<'a>, tag: &str) -> String {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let primary = if primary.is_empty() {
            "en".to_owned()
        } else {
            primary
        };
        if primary != tag {
            self.warnings.push(warning(
                "ctdl-language-tag",
                &node.pointer,
                format!(
                    "node `{}` has a language map keyed `{tag}`; read as `{primary}`",
                    node.id
                ),
            ));
        }
        if self.language_set.insert(primary.clone()) {
            self.languages.push(primary.clone());
        }
        primary
    }

    /// Every string of a property (for keywords): strings, lists, and language maps of either.
    pub fn strings(&mut self, node: &Node<'a>, expected: &str, local: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(value) = self.prop(node, expected, local) {
            push_strings(value, &mut out, &mut HashSet::new(), 0);
        }
        out
    }
}

fn push_strings(value: &Value, out: &mut Vec<String>, seen: &mut HashSet<String>, depth: usize) {
    match value {
        Value::String(s) => {
            if let Some(s) = non_empty(s) {
                if seen.insert(s.clone()) {
                    out.push(s);
                }
            }
        }
        Value::Array(items) if depth < 3 => {
            for item in items {
                push_strings(item, out, seen, depth + 1);
            }
        }
        // Only the first language of a map, so that translations do not become extra tags.
        Value::Object(map) if depth < 3 => {
            if let Some(v) = map.get("@value").or_else(|| map.values().next()) {
                push_strings(v, out, seen, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_container(value: &Value) -> bool {
    matches!(value, Value::Object(_) | Value::Array(_))
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The local name of a type or IRI: `ceterms:CourseComponent` → `CourseComponent`,
/// `https://purl.org/ctdl/terms/CourseComponent` → `CourseComponent`.
pub(crate) fn local_name(s: &str) -> &str {
    let after_slash = s.rsplit(['/', '#']).next().unwrap_or(s);
    after_slash.rsplit(':').next().unwrap_or(after_slash)
}

/// The local names of a node's `@type` (a string or a list).
pub(crate) fn types<'a>(node: &Node<'a>) -> Vec<&'a str> {
    let mut out = Vec::new();
    for object in &node.objects {
        match object.get("@type") {
            Some(Value::String(s)) => out.push(local_name(s)),
            Some(Value::Array(items)) => {
                out.extend(items.iter().filter_map(Value::as_str).map(local_name))
            }
            _ => {}
        }
    }
    out
}

/// A number from a JSON number or a numeric string.
pub(crate) fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        Value::Object(map) => map.get("@value").and_then(number),
        Value::Array(items) => items.first().and_then(number),
        _ => None,
    }
    .filter(|n| n.is_finite())
}
