//! What a credential counts toward: every stackable credential it can contribute to, directly
//! or through a ladder (a certificate inside a diploma), with the group it would fill.

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use crate::catalog::{Catalog, CredIx, GroupKind, ReqNode, Target};
use crate::engine::{resolve, EngineError, NodeKind};
use crate::feed::Text;

/// One stackable credential that `credential` contributes to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountsToward {
    /// The stackable credential.
    pub goal: String,
    /// The ladder in between, from the credential up: empty when it is named directly in
    /// `goal`'s requirements; `["cert"]` when it fills the certificate that `goal` requires.
    pub through: Vec<String>,
    /// Kind of the group that names the first step (the credential itself, or what it stands
    /// in for), directly in the requirements of the next credential up.
    pub group: NodeKind,
    /// That group's label, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// When the first step is through an equivalence: its index in the feed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<u32>,
}

/// Every stackable credential `id` contributes to, nearest first (breadth-first over the
/// ladder, ties in feed order). Each goal appears once, with its shortest ladder.
pub fn counts_toward(cat: &Catalog, id: &str) -> Result<Vec<CountsToward>, EngineError> {
    let start = resolve(cat, id)?;
    // First steps: (next credential up, the leaf it is named by, equivalence used).
    let mut first: Vec<(CredIx, CredIx, Option<u32>)> = cat
        .parents(start)
        .iter()
        .map(|&p| (p, start, None))
        .collect();
    for eq in cat.equivalences() {
        if !eq.holding.contains(&Target::Known(start)) {
            continue;
        }
        let Target::Known(target) = eq.counts_as else {
            continue;
        };
        for &p in cat.parents(target) {
            if eq.applies_within(p) {
                first.push((p, target, Some(eq.index)));
            }
        }
    }
    let mut out = Vec::new();
    let mut seen: BTreeSet<CredIx> = BTreeSet::new();
    seen.insert(start);
    type Pending = (CredIx, Vec<CredIx>, NodeKind, Option<Text>, Option<u32>);
    let mut queue: VecDeque<Pending> = VecDeque::new();
    for (p, leaf, eq) in first {
        let (kind, label) = group_naming(cat, p, leaf);
        queue.push_back((p, Vec::new(), kind, label, eq));
    }
    while let Some((goal, through, kind, label, eq)) = queue.pop_front() {
        if !seen.insert(goal) {
            continue;
        }
        out.push(CountsToward {
            goal: cat.id(goal).to_owned(),
            through: through.iter().map(|&c| cat.id(c).to_owned()).collect(),
            group: kind,
            label: label.clone(),
            equivalence: eq,
        });
        for &up in cat.parents(goal) {
            if !seen.contains(&up) {
                let mut t = through.clone();
                t.push(goal);
                queue.push_back((up, t, kind, label.clone(), eq));
            }
        }
    }
    Ok(out)
}

/// The kind and label of the innermost group of `owner`'s requirements that names `leaf`.
fn group_naming(cat: &Catalog, owner: CredIx, leaf: CredIx) -> (NodeKind, Option<Text>) {
    fn walk(cat: &Catalog, n: u32, leaf: CredIx, depth: u32) -> Option<u32> {
        if depth > 256 {
            return None;
        }
        match cat.node(n)? {
            ReqNode::Leaf(_) => None,
            ReqNode::Group { start, end, .. } => {
                let kids = cat.children_of(*start, *end);
                if kids.iter().any(
                    |&k| matches!(cat.node(k), Some(ReqNode::Leaf(Target::Known(c))) if *c == leaf),
                ) {
                    return Some(n);
                }
                kids.iter().find_map(|&k| walk(cat, k, leaf, depth + 1))
            }
        }
    }
    let Some(root) = cat.requires(owner) else {
        return (NodeKind::Credential, None);
    };
    match walk(cat, root, leaf, 0) {
        Some(g) => {
            let kind = match cat.node(g) {
                Some(ReqNode::Group { kind, .. }) => match kind {
                    GroupKind::All => NodeKind::All,
                    GroupKind::Any => NodeKind::Any,
                    GroupKind::Choose => NodeKind::Choose,
                    GroupKind::Credits => NodeKind::Credits,
                },
                _ => NodeKind::Credential,
            };
            (kind, cat.node_label(g).cloned())
        }
        // `requires` is the credential itself.
        None => (NodeKind::Credential, None),
    }
}
