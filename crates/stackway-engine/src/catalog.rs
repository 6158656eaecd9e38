//! The indexed form of a feed, built once and borrowed by every engine query.
//!
//! Credential ids become dense indices (`CredIx`, in feed order); requirement trees are compiled
//! into one arena of nodes; equivalences are indexed by the credential they stand in for; and
//! the reverse edges ("which stackable credentials mention this one") are precomputed.
//!
//! A catalog tolerates broken feeds: references to unknown ids become `Target::Unknown` leaves
//! (never satisfiable), duplicate ids keep their first definition, and cycles are left in place
//! for the engine to break while expanding. Nothing here panics on any feed.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use serde::Serialize;

use crate::feed::{Credential, Feed, Requirement};

/// Dense index of a credential in [`Catalog::credentials`] (feed order).
pub type CredIx = u32;

/// Credits are compared as integers in thousandths, so that sums are exact and deterministic.
pub const CREDIT_SCALE: f64 = 1000.0;

/// Scales a number of credits to thousandths; non-finite or negative values count as 0.
pub fn scale_credits(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        (x * CREDIT_SCALE).round().min(1e15) as u64
    } else {
        0
    }
}

/// What a requirement leaf points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// A credential of the feed.
    Known(CredIx),
    /// An id the feed does not define (index into [`Catalog::unknown_id`]).
    Unknown(u32),
}

/// The kind of a requirement group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// Every child.
    All,
    /// One child.
    Any,
    /// `need` distinct children.
    Choose,
    /// Distinct listed credentials worth at least `credits`.
    Credits,
}

/// One node of a compiled requirement tree.
#[derive(Debug, Clone)]
pub enum ReqNode {
    /// A credential reference.
    Leaf(Target),
    /// A group over `children` (a range of [`Catalog::children`]).
    Group {
        kind: GroupKind,
        /// Children to satisfy: all → len, any → 1, choose → n, credits → 0 (unused).
        need: u32,
        /// Credits needed, in thousandths (credits groups only).
        credits: u64,
        /// Index of the group's label in the feed (resolved by [`Catalog::node_label`]).
        start: u32,
        end: u32,
    },
}

/// A compiled equivalence (credit transfer or prior learning rule).
#[derive(Debug, Clone)]
pub struct CompiledEquivalence {
    /// Position in `feed.equivalences`.
    pub index: u32,
    /// Credentials that must all be held (unknown ids make the rule unusable).
    pub holding: Vec<Target>,
    /// The credential they stand in for.
    pub counts_as: Target,
    /// Credentials whose requirement leaves it applies to; `None` means everywhere.
    pub toward: Option<Vec<CredIx>>,
}

impl CompiledEquivalence {
    /// Whether the rule applies to a leaf that belongs directly to `owner`'s requirements.
    pub fn applies_within(&self, owner: CredIx) -> bool {
        match &self.toward {
            None => true,
            Some(list) => list.contains(&owner),
        }
    }
}

/// The ids seen while a catalog is built, borrowed from its feed.
#[derive(Default)]
struct Ids<'f> {
    /// Each credential id's index (the first credential with that id).
    known: HashMap<&'f str, usize>,
    /// Each id referenced but not defined, numbered in order of first reference.
    unknown: HashMap<&'f str, usize>,
}

impl Ids<'_> {
    fn known(&self, id: &str) -> Option<CredIx> {
        self.known.get(id).map(|&ix| ix as CredIx)
    }
}

/// The indexed feed.
#[derive(Debug, Clone)]
pub struct Catalog {
    feed: Feed,
    /// Every credential's index, sorted by id: look-ups by binary search. A sorted list rather
    /// than a map from id: no second copy of every id, and no B-tree code in the widget's
    /// WebAssembly (see docs/benchmarks.md, "Bundle size").
    ids: Vec<CredIx>,
    /// Credential indices in feed order, skipping later duplicates.
    credentials: Vec<usize>,
    requires: Vec<Option<u32>>,
    prerequisites: Vec<Option<u32>>,
    nodes: Vec<ReqNode>,
    labels: Vec<Option<crate::feed::Text>>,
    children: Vec<u32>,
    unknown: Vec<String>,
    equivalences: Vec<CompiledEquivalence>,
    equivalences_for: Vec<Vec<u32>>,
    parents: Vec<Vec<CredIx>>,
    credits: Vec<u64>,
}

impl Catalog {
    /// Indexes a feed (cloned; use [`Catalog::from_feed`] to hand it over).
    pub fn new(feed: &Feed) -> Catalog {
        Catalog::from_feed(feed.clone())
    }

    /// Indexes a feed, taking ownership of it.
    pub fn from_feed(mut feed: Feed) -> Catalog {
        // The credentials are set aside and moved back at the end: the catalog keeps the feed
        // without copying it (a 10,000-credential feed was copied twice here).
        let all = std::mem::take(&mut feed.credentials);
        // While building, ids are looked up in hash maps borrowing the feed's strings (the
        // validator uses the same map type, so the widget carries its code once).
        let mut ids = Ids::default();
        let mut credentials = Vec::new();
        for (i, c) in all.iter().enumerate() {
            if let Entry::Vacant(slot) = ids.known.entry(c.id.as_str()) {
                slot.insert(credentials.len());
                credentials.push(i);
            }
        }
        let mut cat = Catalog {
            ids: Vec::new(),
            credentials,
            requires: Vec::new(),
            prerequisites: Vec::new(),
            nodes: Vec::new(),
            labels: Vec::new(),
            children: Vec::new(),
            unknown: Vec::new(),
            equivalences: Vec::new(),
            equivalences_for: Vec::new(),
            parents: Vec::new(),
            credits: Vec::new(),
            // Without its credentials, the rest of the feed is small.
            feed: feed.clone(),
        };
        let n = cat.credentials.len();
        cat.equivalences_for = vec![Vec::new(); n];
        cat.parents = vec![Vec::new(); n];
        for slot in 0..n {
            let c = &all[cat.credentials[slot]];
            cat.credits.push(c.credits.map(scale_credits).unwrap_or(0));
            let r = c.requires.as_ref().map(|r| cat.compile(r, &mut ids));
            cat.requires.push(r);
            let p = c.prerequisites.as_ref().map(|r| cat.compile(r, &mut ids));
            cat.prerequisites.push(p);
        }
        for (i, e) in feed.equivalences.iter().enumerate() {
            let holding = e.holding.iter().map(|h| cat.target(h, &mut ids)).collect();
            let counts_as = cat.target(&e.counts_as, &mut ids);
            let toward = e.toward.as_ref().map(|t| {
                let mut v: Vec<CredIx> = t.iter().filter_map(|id| ids.known(id)).collect();
                v.sort_unstable();
                v.dedup();
                v
            });
            if let Target::Known(c) = counts_as {
                if let Some(list) = cat.equivalences_for.get_mut(c as usize) {
                    list.push(i as u32);
                }
            }
            cat.equivalences.push(CompiledEquivalence {
                index: i as u32,
                holding,
                counts_as,
                toward,
            });
        }
        for owner in 0..n {
            if let Some(root) = cat.requires[owner] {
                let mut direct = Vec::new();
                cat.collect_known(root, &mut direct);
                for child in direct {
                    if let Some(p) = cat.parents.get_mut(child as usize) {
                        if !p.contains(&(owner as CredIx)) {
                            p.push(owner as CredIx);
                        }
                    }
                }
            }
        }
        // Keep the first credential of each id, in feed order (the indices in `credentials`).
        let mut kept = vec![false; all.len()];
        for &i in &cat.credentials {
            if let Some(keep) = kept.get_mut(i) {
                *keep = true;
            }
        }
        cat.feed.credentials = all
            .into_iter()
            .zip(kept)
            .filter_map(|(c, keep)| keep.then_some(c))
            .collect();
        cat.credentials = (0..n).collect();
        // Ids are unique among the credentials kept, so the order is total. Sorting the ids
        // themselves (not indices compared through the credentials) keeps the sort in cache.
        let mut sorted: Vec<(&str, CredIx)> = (cat.feed.credentials.iter())
            .zip(0..)
            .map(|(c, ix)| (c.id.as_str(), ix))
            .collect();
        sorted.sort_unstable();
        cat.ids = sorted.into_iter().map(|(_, ix)| ix).collect();
        cat
    }

    fn target<'f>(&mut self, id: &'f str, ids: &mut Ids<'f>) -> Target {
        if let Some(c) = ids.known(id) {
            return Target::Known(c);
        }
        let next = self.unknown.len();
        let ix = *ids.unknown.entry(id).or_insert(next);
        if ix == next {
            self.unknown.push(id.to_owned());
        }
        Target::Unknown(ix as u32)
    }

    fn compile<'f>(&mut self, r: &'f Requirement, ids: &mut Ids<'f>) -> u32 {
        let (kind, kids, need, credits): (GroupKind, Vec<u32>, u32, u64) = match r {
            Requirement::Credential(id) => {
                let t = self.target(id, ids);
                return self.push(ReqNode::Leaf(t), None);
            }
            Requirement::All { all, .. } => {
                let kids: Vec<u32> = all.iter().map(|c| self.compile(c, ids)).collect();
                let need = kids.len() as u32;
                (GroupKind::All, kids, need, 0)
            }
            Requirement::Any { any, .. } => {
                let kids = any.iter().map(|c| self.compile(c, ids)).collect();
                (GroupKind::Any, kids, 1, 0)
            }
            Requirement::Choose { choose, from, .. } => {
                let kids = from.iter().map(|c| self.compile(c, ids)).collect();
                (GroupKind::Choose, kids, *choose, 0)
            }
            Requirement::Credits { credits, from, .. } => {
                let kids = from
                    .iter()
                    .map(|id| {
                        let t = self.target(id, ids);
                        self.push(ReqNode::Leaf(t), None)
                    })
                    .collect();
                (GroupKind::Credits, kids, 0, scale_credits(*credits))
            }
        };
        let start = self.children.len() as u32;
        self.children.extend(kids);
        let end = self.children.len() as u32;
        self.push(
            ReqNode::Group {
                kind,
                need,
                credits,
                start,
                end,
            },
            r.label().cloned(),
        )
    }

    fn push(&mut self, node: ReqNode, label: Option<crate::feed::Text>) -> u32 {
        self.nodes.push(node);
        self.labels.push(label);
        (self.nodes.len() - 1) as u32
    }

    fn collect_known(&self, node: u32, out: &mut Vec<CredIx>) {
        match self.nodes.get(node as usize) {
            Some(ReqNode::Leaf(Target::Known(c))) => out.push(*c),
            Some(ReqNode::Leaf(Target::Unknown(_))) | None => {}
            Some(ReqNode::Group { start, end, .. }) => {
                for &k in self.children_of(*start, *end) {
                    self.collect_known(k, out);
                }
            }
        }
    }

    /// The feed this catalog indexes (credentials deduplicated, in feed order).
    pub fn feed(&self) -> &Feed {
        &self.feed
    }

    /// Number of credentials.
    pub fn len(&self) -> usize {
        self.feed.credentials.len()
    }

    /// Whether the feed has no credentials.
    pub fn is_empty(&self) -> bool {
        self.feed.credentials.is_empty()
    }

    /// Looks an id up.
    pub fn index_of(&self, id: &str) -> Option<CredIx> {
        let found = self.ids.binary_search_by(|&ix| {
            self.feed
                .credentials
                .get(ix as usize)
                .map_or("", |c| c.id.as_str())
                .cmp(id)
        });
        found.ok().and_then(|at| self.ids.get(at).copied())
    }

    /// The credential at an index.
    pub fn credential(&self, ix: CredIx) -> Option<&Credential> {
        self.feed.credentials.get(ix as usize)
    }

    /// The id at an index ("" if out of range).
    pub fn id(&self, ix: CredIx) -> &str {
        self.credential(ix).map(|c| c.id.as_str()).unwrap_or("")
    }

    /// The id a target names (known or not).
    pub fn target_id(&self, t: Target) -> &str {
        match t {
            Target::Known(c) => self.id(c),
            Target::Unknown(u) => self.unknown_id(u),
        }
    }

    /// An unknown referenced id.
    pub fn unknown_id(&self, u: u32) -> &str {
        self.unknown
            .get(u as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Every id referenced somewhere but not defined, in first-seen order.
    pub fn unknown_ids(&self) -> &[String] {
        &self.unknown
    }

    /// Root node of a credential's `requires`, if it is stackable.
    pub fn requires(&self, ix: CredIx) -> Option<u32> {
        self.requires.get(ix as usize).copied().flatten()
    }

    /// Root node of a credential's `prerequisites`.
    pub fn prerequisites(&self, ix: CredIx) -> Option<u32> {
        self.prerequisites.get(ix as usize).copied().flatten()
    }

    /// Whether the credential is derived (has `requires`).
    pub fn is_stackable(&self, ix: CredIx) -> bool {
        self.requires(ix).is_some()
    }

    /// A compiled requirement node.
    pub fn node(&self, n: u32) -> Option<&ReqNode> {
        self.nodes.get(n as usize)
    }

    /// The label of a group node.
    pub fn node_label(&self, n: u32) -> Option<&crate::feed::Text> {
        self.labels.get(n as usize).and_then(Option::as_ref)
    }

    /// The children of a group node.
    pub fn children_of(&self, start: u32, end: u32) -> &[u32] {
        self.children
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }

    /// Every compiled equivalence, in feed order.
    pub fn equivalences(&self) -> &[CompiledEquivalence] {
        &self.equivalences
    }

    /// Equivalences that stand in for `ix` (indices into [`Catalog::equivalences`]).
    pub fn equivalences_for(&self, ix: CredIx) -> &[u32] {
        self.equivalences_for
            .get(ix as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Stackable credentials whose `requires` names `ix` directly, in feed order.
    pub fn parents(&self, ix: CredIx) -> &[CredIx] {
        self.parents
            .get(ix as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Credits of a credential in thousandths (0 when absent).
    pub fn credits_scaled(&self, ix: CredIx) -> u64 {
        self.credits.get(ix as usize).copied().unwrap_or(0)
    }

    /// Every stackable credential, in feed order.
    pub fn stackables(&self) -> impl Iterator<Item = CredIx> + '_ {
        (0..self.len() as CredIx).filter(|&c| self.is_stackable(c))
    }

    /// The known id closest to `id` (edit distance, ties by feed order), for error messages.
    pub fn closest_id(&self, id: &str) -> Option<&str> {
        let mut best: Option<(usize, &str)> = None;
        for c in &self.feed.credentials {
            let d = edit_distance(id, &c.id);
            if best.is_none() || best.is_some_and(|(bd, _)| d < bd) {
                best = Some((d, &c.id));
            }
        }
        best.map(|(_, s)| s)
    }
}

/// Levenshtein distance over characters (small inputs: ids are at most 64 characters).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(256).collect();
    let b: Vec<char> = b.chars().take(256).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Credential, Kind};

    #[test]
    fn a_duplicate_id_keeps_its_first_definition_and_the_feed_order() {
        let mut certificate = Credential::new("cert", Kind::Certificate, "Certificate");
        certificate.requires = Some(Requirement::Credential("b".into()));
        let feed = crate::bench_support::feed(vec![
            Credential::new("a", Kind::MicroCredential, "First a"),
            Credential::new("b", Kind::MicroCredential, "B"),
            Credential::new("a", Kind::MicroCredential, "Second a"),
            certificate,
        ]);
        let cat = Catalog::from_feed(feed.clone());
        let kept: Vec<(&str, &crate::feed::Text)> = cat
            .feed()
            .credentials
            .iter()
            .map(|c| (c.id.as_str(), &c.title))
            .collect();
        assert_eq!(
            kept,
            [
                ("a", &"First a".into()),
                ("b", &"B".into()),
                ("cert", &"Certificate".into())
            ]
        );
        assert_eq!(cat.index_of("cert"), Some(2));
        assert_eq!(cat.parents(1), [2]);
        // The rest of the feed is kept as it was.
        assert_eq!(cat.feed().id, feed.id);
        assert_eq!(cat.feed().provider, feed.provider);
        assert_eq!(Catalog::new(&feed).feed(), cat.feed());
    }

    #[test]
    fn every_id_is_found_at_its_index_and_only_those() {
        // Ids in no particular order, some prefixes of others, differing only by case.
        let ids = ["m", "b.2", "a", "ab", "b", "zz", "a-1", "b.10", "M"];
        let feed = crate::bench_support::feed(
            ids.iter()
                .map(|&id| Credential::new(id, Kind::MicroCredential, id))
                .collect(),
        );
        let cat = Catalog::from_feed(feed);
        for (ix, id) in ids.iter().enumerate() {
            assert_eq!(cat.index_of(id), Some(ix as CredIx), "{id}");
            assert_eq!(cat.id(ix as CredIx), *id);
        }
        for missing in ["", "aa", "b.1", "z", "mm", "A"] {
            assert_eq!(cat.index_of(missing), None, "{missing}");
        }
        let empty = Catalog::from_feed(crate::bench_support::feed(Vec::new()));
        assert_eq!(empty.index_of("a"), None);
    }
}
