//! Validation: a positioned JSON tree → the feed it could read, plus every diagnostic.
//!
//! One module per rule family. `fields` reads objects and scalars (types, required fields,
//! unknown keys, numbers, URLs, dates, ids); `credential` and `document` build the typed feed and
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

use crate::diagnostics::{Diagnostic, Severity};
use crate::feed::Feed;
use crate::json::{Node, Pos};

/// A JSON Pointer and the position of the value it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub pointer: String,
    pub pos: Pos,
}

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Credential,
    Skill,
    Institution,
}

/// An id used somewhere in the feed, to be resolved once every list has been read.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    pub target: Target,
    pub id: String,
    pub at: Located,
}

/// A `{"credits": x, "from": […]}` group, checked once every credential's credits are known.
#[derive(Debug, Clone)]
pub(crate) struct CreditsGroup {
    pub credits: f64,
    pub from: Vec<String>,
    pub at: Located,
}

/// Where a kept credential's requirement trees are, for cycle diagnostics.
#[derive(Debug, Clone, Default)]
pub(crate) struct CredentialSite {
    pub at: Option<Located>,
    pub requires: Option<Located>,
    pub prerequisites: Option<Located>,
}

/// Everything the passes share: diagnostics found so far and the facts recorded while reading.
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    pub diagnostics: Vec<Diagnostic>,
    /// Declared languages; every localized Text should have each of them.
    pub languages: Vec<String>,
    pub references: Vec<Reference>,
    pub credits_groups: Vec<CreditsGroup>,
    /// Parallel to `feed.credentials`.
    pub credential_sites: Vec<CredentialSite>,
    /// Ids of credentials dropped because they could not be read (e.g. an unknown kind):
    /// references to them are removed without a second, confusing "unknown" error.
    pub dropped_credentials: Vec<String>,
}

impl Ctx {
    pub fn report(
        &mut self,
        code: &'static str,
        severity: Severity,
        at: (&str, Pos),
        message: impl Into<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            code: code.to_owned(),
            severity,
            pointer: at.0.to_owned(),
            message: message.into(),
            line: Some(at.1.line),
            column: Some(at.1.column),
        });
    }

    pub fn error(
        &mut self,
        code: &'static str,
        pointer: &str,
        pos: Pos,
        message: impl Into<String>,
    ) {
        self.report(code, Severity::Error, (pointer, pos), message);
    }

    pub fn warning(
        &mut self,
        code: &'static str,
        pointer: &str,
        pos: Pos,
        message: impl Into<String>,
    ) {
        self.report(code, Severity::Warning, (pointer, pos), message);
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

/// Appends an array index to a JSON Pointer.
pub(crate) fn index(pointer: &str, i: usize) -> String {
    format!("{pointer}/{i}")
}

/// Validates a positioned JSON tree: returns the feed it could read and every diagnostic.
pub(crate) fn validate(root: &Node) -> (Option<Feed>, Vec<Diagnostic>) {
    let mut ctx = Ctx::default();
    let feed = document::read_feed(&mut ctx, root);
    let feed = feed.map(|mut feed| {
        references::resolve(&mut ctx, &mut feed);
        cycles::break_cycles(&mut ctx, &mut feed);
        credits::check_credits_groups(&mut ctx, &feed);
        feed
    });
    let mut diagnostics = ctx.diagnostics;
    // Document order; ties keep the order in which the passes found them.
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(u32::MAX), d.column.unwrap_or(u32::MAX)));
    (feed, diagnostics)
}
