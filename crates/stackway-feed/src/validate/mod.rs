//! Validation: a positioned JSON tree → the feed it could read, plus every diagnostic.
//!
//! One module per rule family. `fields` reads objects and scalars (types, required fields,
//! unknown keys, numbers, URLs, dates, ids) as the format's field table (`crate::field_table`)
//! describes them; `credential` and `document` build the typed feed and
//! record every reference they meet; `references` resolves those references and removes the
//! dangling ones; `cycles` breaks cycles through `requires` and `prerequisites`; `credits` checks
//! that each credits group can be satisfied. Later passes only see what earlier ones kept, so the
//! returned feed is always safe for the engine to walk.

mod credential;
mod credits;
mod cycles;
mod document;
mod fields;
pub mod ids;
mod references;
pub mod suggest;
pub mod values;

use std::collections::HashMap;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::feed::Feed;
use crate::json::{Document, Node};

/// What a reference points at (the field table says which fields hold references).
pub(crate) use crate::field_table::Target;

/// An id used somewhere in the feed, to be resolved once every list has been read.
#[derive(Debug, Clone)]
pub(crate) struct Reference<'d> {
    pub target: Target,
    pub id: &'d str,
    /// Where it is used.
    pub at: Node<'d>,
    /// False when the requirement group holding it was dropped (the typed tree lacks it).
    pub in_tree: bool,
    /// The index of the credential it names, once resolved (credential references only).
    pub resolved: Option<usize>,
}

impl<'d> Reference<'d> {
    pub fn new(target: Target, id: &'d str, at: Node<'d>) -> Self {
        Reference {
            target,
            id,
            at,
            in_tree: true,
            resolved: None,
        }
    }
}

/// A `{"credits": x, "from": […]}` group, checked once every credential's credits are known.
#[derive(Debug, Clone)]
pub(crate) struct CreditsGroup<'d> {
    pub credits: f64,
    /// Its `from` ids: `references[from.0..from.1]`.
    pub from: (usize, usize),
    /// The group's `credits` value.
    pub at: Node<'d>,
}

/// Where a kept credential and its requirement trees are, for cycle diagnostics, and which
/// references each tree holds (`references[start..end]`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct CredentialSite<'d> {
    pub at: Node<'d>,
    pub requires: Option<Node<'d>>,
    pub prerequisites: Option<Node<'d>>,
    pub requires_refs: (usize, usize),
    pub prerequisites_refs: (usize, usize),
}

/// A diagnostic whose line and column are computed at the end, in one pass over the text.
#[derive(Debug)]
struct Found {
    offset: u32,
    diagnostic: Diagnostic,
}

/// Everything the passes share: diagnostics found so far and the facts recorded while reading.
#[derive(Debug)]
pub(crate) struct Ctx<'d> {
    doc: &'d Document<'d>,
    found: Vec<Found>,
    /// Declared languages; every localized Text should have each of them.
    pub languages: Vec<String>,
    pub references: Vec<Reference<'d>>,
    pub credits_groups: Vec<CreditsGroup<'d>>,
    /// Parallel to `feed.credentials`.
    pub credential_sites: Vec<CredentialSite<'d>>,
    /// Kept credentials by id → index in `feed.credentials`.
    pub credential_index: HashMap<&'d str, usize>,
    /// Kept skills' and institutions' ids.
    pub skill_ids: Vec<&'d str>,
    pub institution_ids: Vec<&'d str>,
    /// Ids of credentials dropped because they could not be read (e.g. an unknown kind):
    /// references to them are removed without a second, confusing "unknown" error.
    pub dropped_credentials: Vec<&'d str>,
}

impl<'d> Ctx<'d> {
    fn new(doc: &'d Document<'d>) -> Self {
        Ctx {
            doc,
            found: Vec::new(),
            languages: Vec::new(),
            references: Vec::new(),
            credits_groups: Vec::new(),
            credential_sites: Vec::new(),
            credential_index: HashMap::new(),
            skill_ids: Vec::new(),
            institution_ids: Vec::new(),
            dropped_credentials: Vec::new(),
        }
    }

    /// Records a diagnostic with `pointer` and the position of byte `offset`.
    pub fn report_at(
        &mut self,
        code: Code,
        severity: Severity,
        pointer: String,
        offset: u32,
        message: impl Into<String>,
    ) {
        self.found.push(Found {
            offset,
            diagnostic: Diagnostic {
                code,
                severity,
                pointer,
                message: message.into(),
                line: None,
                column: None,
            },
        });
    }

    /// Records a diagnostic about `node` (its pointer and position).
    pub fn report(
        &mut self,
        code: Code,
        severity: Severity,
        node: Node,
        message: impl Into<String>,
    ) {
        let pointer = self.doc.pointer(node.index());
        self.report_at(code, severity, pointer, node.offset(), message);
    }

    pub fn error(&mut self, code: Code, node: Node, message: impl Into<String>) {
        self.report(code, Severity::Error, node, message);
    }

    pub fn warning(&mut self, code: Code, node: Node, message: impl Into<String>) {
        self.report(code, Severity::Warning, node, message);
    }

    /// The JSON Pointer of `node` (for messages).
    pub fn pointer(&self, node: Node) -> String {
        self.doc.pointer(node.index())
    }

    /// Every diagnostic in document order (ties keep the order in which the passes found
    /// them), with its line and column.
    fn finish(self) -> Vec<Diagnostic> {
        let mut found = self.found;
        found.sort_by_key(|f| f.offset);
        let positions = self.doc.positions(found.iter().map(|f| f.offset));
        found
            .into_iter()
            .zip(positions)
            .map(|(f, pos)| Diagnostic {
                line: Some(pos.line),
                column: Some(pos.column),
                ..f.diagnostic
            })
            .collect()
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub(crate) fn child(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(&token.replace('~', "~0").replace('/', "~1"));
    } else {
        out.push_str(token);
    }
    out
}

/// Validates a positioned JSON document: returns the feed it could read and every diagnostic.
/// [`crate::parse_feed`] is this after reading the text; a caller that has read the document
/// already (stackway-interop's `detect`, which looks at it first) validates it without reading
/// it again.
pub fn validate(doc: &Document) -> (Option<Feed>, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(doc);
    let feed = document::read_feed(&mut ctx, doc.root());
    let feed = feed.map(|mut feed| {
        references::resolve(&mut ctx, &mut feed);
        cycles::break_cycles(&mut ctx, &mut feed);
        credits::check_credits_groups(&mut ctx, &feed);
        feed
    });
    (feed, ctx.finish())
}
