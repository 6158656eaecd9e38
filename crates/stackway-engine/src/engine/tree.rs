//! The expanded requirement tree of one goal for one learner.
//!
//! Evaluating a goal expands its requirements through every derived credential it references
//! that the learner does not hold itself. The result is a tree in an arena, numbered in preorder
//! so that every subtree is a contiguous range of node indices (`v..end`); the evaluator and the
//! planner rely on that to decide in O(1) whether a credential also occurs outside a subtree.
//!
//! Cycles are broken: a derived credential already being expanded on the current path is not
//! expanded again (its leaf is `Blocked::Cycle`, never satisfiable). The tree is also bounded in
//! size and depth so that pathological feeds cannot exhaust memory or the stack.

use crate::catalog::{Catalog, CredIx, GroupKind, ReqNode, Target};

/// At most this many nodes in one expanded tree; further expansions are blocked.
pub const MAX_TREE_NODES: usize = 50_000;
/// At most this depth (groups and expansions); deeper parts are blocked.
pub const MAX_TREE_DEPTH: u32 = 200;

/// Why a derived leaf was not expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// It is already being expanded higher up (a cycle through `requires`).
    Cycle,
    /// The tree hit its size or depth bound.
    TooLarge,
}

/// What a tree node is.
#[derive(Debug, Clone, Copy)]
pub enum TKind {
    /// A group over its children.
    Group {
        kind: GroupKind,
        need: u32,
        credits: u64,
    },
    /// A credential reference; when `expanded`, its only child is the root of the credential's
    /// own requirements.
    Leaf {
        target: Target,
        expanded: bool,
        blocked: Option<Blocked>,
    },
}

/// One node of the expanded tree.
#[derive(Debug, Clone)]
pub struct TNode {
    pub kind: TKind,
    /// The credential whose requirement (or prerequisite) tree this node belongs to directly.
    pub owner: CredIx,
    /// The catalog node it was expanded from (for labels).
    pub source: u32,
    /// Parent node (`u32::MAX` for the root).
    pub parent: u32,
    /// One past the last node of this subtree.
    pub end: u32,
    kids_start: u32,
    kids_end: u32,
}

/// An expanded tree; node 0 is the root. Empty when the root node does not exist.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<TNode>,
    kids: Vec<u32>,
}

/// What catalog node `node` is before any expansion: a group, or a leaf not yet expanded.
/// Out-of-range nodes cannot come from a catalog, but stay harmless: an empty `all`.
///
/// [`Tree::build`] and the lean summary evaluator (`engine::summary`) expand requirements with
/// this function, [`too_big`] and [`expansion`], so that both read the same tree.
pub(crate) fn node_kind(cat: &Catalog, node: u32) -> TKind {
    match cat.node(node) {
        Some(ReqNode::Leaf(t)) => TKind::Leaf {
            target: *t,
            expanded: false,
            blocked: None,
        },
        Some(ReqNode::Group {
            kind,
            need,
            credits,
            ..
        }) => TKind::Group {
            kind: *kind,
            need: *need,
            credits: *credits,
        },
        None => TKind::Group {
            kind: GroupKind::All,
            need: 0,
            credits: 0,
        },
    }
}

/// Whether a tree that already has `nodes` nodes may expand below `depth`.
pub(crate) fn too_big(nodes: usize, depth: u32) -> bool {
    nodes >= MAX_TREE_NODES || depth >= MAX_TREE_DEPTH
}

/// How a leaf naming credential `c` is expanded: `None` when it stays a plain leaf (`c` has no
/// `requires`, or the learner holds it); `Some(Ok(sub))` to expand `c`'s requirements, catalog
/// node `sub`; `Some(Err(why))` when it is derived but blocked (already on the expansion `path`,
/// or the tree is `too_big`).
pub(crate) fn expansion(
    cat: &Catalog,
    c: CredIx,
    is_held: bool,
    path: &[CredIx],
    too_big: bool,
) -> Option<Result<u32, Blocked>> {
    let sub = cat.requires(c).filter(|_| !is_held)?;
    Some(if path.contains(&c) {
        Err(Blocked::Cycle)
    } else if too_big {
        Err(Blocked::TooLarge)
    } else {
        Ok(sub)
    })
}

impl Tree {
    /// Expands catalog node `root` (a `requires` or `prerequisites` tree of `owner`), expanding
    /// derived credentials for which `held` is false.
    pub fn build(cat: &Catalog, root: u32, owner: CredIx, held: &[bool]) -> Tree {
        let mut t = Tree::default();
        let mut path = vec![owner];
        let mut pending: Vec<u32> = Vec::new();
        t.expand(cat, root, owner, held, &mut path, u32::MAX, 0, &mut pending);
        t
    }

    /// A tree of one credential leaf (the route to a credential without `requires`).
    pub fn single(target: Target, owner: CredIx) -> Tree {
        Tree {
            nodes: vec![TNode {
                kind: TKind::Leaf {
                    target,
                    expanded: false,
                    blocked: None,
                },
                owner,
                source: u32::MAX,
                parent: u32::MAX,
                end: 1,
                kids_start: 0,
                kids_end: 0,
            }],
            kids: Vec::new(),
        }
    }

    /// The children of node `v`.
    pub fn kids(&self, v: u32) -> &[u32] {
        match self.nodes.get(v as usize) {
            Some(n) => self
                .kids
                .get(n.kids_start as usize..n.kids_end as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the tree is empty.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    #[allow(clippy::too_many_arguments, clippy::only_used_in_recursion)]
    fn expand(
        &mut self,
        cat: &Catalog,
        node: u32,
        owner: CredIx,
        held: &[bool],
        path: &mut Vec<CredIx>,
        parent: u32,
        depth: u32,
        scratch: &mut Vec<u32>,
    ) -> u32 {
        let me = self.nodes.len() as u32;
        let kind = node_kind(cat, node);
        self.nodes.push(TNode {
            kind,
            owner,
            source: node,
            parent,
            end: me + 1,
            kids_start: 0,
            kids_end: 0,
        });
        let too_big = too_big(self.nodes.len(), depth);
        let mut mine: Vec<u32> = Vec::new();
        match cat.node(node) {
            // Too large to expand: the group keeps no children and so cannot be met (unless it
            // needs nothing).
            Some(ReqNode::Group { start, end, .. }) if !too_big => {
                for &k in cat.children_of(*start, *end) {
                    let c = self.expand(cat, k, owner, held, path, me, depth + 1, scratch);
                    mine.push(c);
                }
            }
            Some(ReqNode::Leaf(Target::Known(c))) => {
                let c = *c;
                let is_held = held.get(c as usize).copied().unwrap_or(false);
                if let Some(expansion) = expansion(cat, c, is_held, path, too_big) {
                    if let Ok(sub) = expansion {
                        path.push(c);
                        let k = self.expand(cat, sub, c, held, path, me, depth + 1, scratch);
                        path.pop();
                        mine.push(k);
                    }
                    if let Some(n) = self.nodes.get_mut(me as usize) {
                        n.kind = TKind::Leaf {
                            target: Target::Known(c),
                            expanded: expansion.is_ok(),
                            blocked: expansion.err(),
                        };
                    }
                }
            }
            _ => {}
        }
        let ks = self.kids.len() as u32;
        self.kids.extend(mine);
        let ke = self.kids.len() as u32;
        let end = self.nodes.len() as u32;
        if let Some(n) = self.nodes.get_mut(me as usize) {
            n.kids_start = ks;
            n.kids_end = ke;
            n.end = end;
        }
        me
    }

    /// The credentials named by leaves (not expansions) of the subtree, in preorder.
    pub fn leaf_targets(&self) -> impl Iterator<Item = (u32, Target)> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match n.kind {
                TKind::Leaf { target, .. } => Some((i as u32, target)),
                TKind::Group { .. } => None,
            })
    }
}
