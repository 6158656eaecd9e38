//! The exact assignment of held credentials to the leaves of an expanded tree.
//!
//! Each held credential (a "token") may fill at most one leaf of the tree, directly or as part
//! of an equivalence. The evaluator finds the assignment that (1) satisfies the tree whenever
//! any assignment does and (2) otherwise minimises the remaining units, i.e. maximises the
//! fraction complete (see docs/semantics.md). It is exact, not greedy.
//!
//! Method: bottom-up Pareto frontiers. For each node we keep every non-dominated way of filling
//! its subtree, as (tokens used, remaining units, satisfied nodes, satisfied). Only *contested* tokens (those that can
//! fill more than one leaf) are tracked, and a node forgets the tokens whose every occurrence is
//! inside its own subtree (they cannot conflict with anything else any more). Because the tree is
//! numbered in preorder, "every occurrence inside" is an O(1) range test. At the root nothing is
//! external, so the frontier collapses to the best assignment. In the common case (few contested
//! tokens) every frontier has one or two entries and evaluation is linear in the tree size.

use crate::catalog::{Catalog, CredIx, GroupKind, Target};
use crate::engine::tree::{TKind, Tree};

/// How a leaf is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// By the credential itself.
    Direct,
    /// By an equivalence (index into `Catalog::equivalences`).
    Equivalence(u32),
}

/// The best assignment for a tree.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub satisfied: bool,
    /// Remaining units with this assignment.
    pub remaining: f64,
    /// Per tree node: the fill of a leaf, if any.
    pub fills: Vec<Option<Fill>>,
}

/// A small bit set over contested token numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn with(i: usize) -> Bits {
        let mut v = vec![0u64; i / 64 + 1];
        if let Some(w) = v.last_mut() {
            *w |= 1 << (i % 64);
        }
        Bits(v)
    }
    fn disjoint(&self, o: &Bits) -> bool {
        self.0.iter().zip(&o.0).all(|(a, b)| a & b == 0)
    }
    fn subset_of(&self, o: &Bits) -> bool {
        self.0
            .iter()
            .enumerate()
            .all(|(i, a)| a & !o.0.get(i).copied().unwrap_or(0) == 0)
    }
    fn union(&self, o: &Bits) -> Bits {
        let (long, short) = if self.0.len() >= o.0.len() {
            (self, o)
        } else {
            (o, self)
        };
        let mut v = long.0.clone();
        for (a, b) in v.iter_mut().zip(&short.0) {
            *a |= b;
        }
        Bits(v)
    }
    fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (wi, w) in self.0.iter_mut().enumerate() {
            let mut bits = *w;
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if !keep(wi * 64 + b) {
                    *w &= !(1u64 << b);
                }
            }
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

/// Persistent witness lists: an arena of cons cells and joins, so combining is O(1).
#[derive(Debug, Clone, Copy)]
enum Wit {
    Nil,
    One(u32, Fill),
    Join(u32, u32),
}

#[derive(Debug, Clone)]
struct Entry {
    used: Bits,
    /// Remaining units (docs/semantics.md): lower is better.
    rem: f64,
    /// Satisfied nodes in the subtree: a tie-breaker that completes lower rungs first.
    done: u32,
    sat: bool,
    wit: u32,
}

/// A partial choice of an all, any or choose group's children: `j` chosen so far.
struct ChooseState {
    used: Bits,
    j: u32,
    rem: f64,
    done: u32,
    nsat: u32,
    wit: u32,
}

fn entry_dominates(a: &Entry, b: &Entry) -> bool {
    a.used.subset_of(&b.used) && a.rem <= b.rem && a.done >= b.done && (a.sat || !b.sat)
}

fn insert(front: &mut Vec<Entry>, e: Entry) {
    if front.iter().any(|f| entry_dominates(f, &e)) {
        return;
    }
    front.retain(|f| !entry_dominates(&e, f));
    front.push(e);
}

/// Remaining units of a credits group: missing credits over the largest credit value listed.
pub(crate) fn credits_rem(got: u64, need: u64, largest: u64) -> f64 {
    let missing = need.saturating_sub(got);
    if missing == 0 {
        0.0
    } else if largest == 0 {
        1.0
    } else {
        missing as f64 / largest as f64
    }
}

struct Evaluator<'a> {
    cat: &'a Catalog,
    tree: &'a Tree,
    /// Contested token number of each contested credential, sorted by credential.
    token: Vec<(CredIx, usize)>,
    /// Per token: first and last leaf where it can be used.
    span: Vec<(u32, u32)>,
    wits: Vec<Wit>,
}

/// The options of one leaf: each a set of credentials it would use.
pub fn leaf_options(
    cat: &Catalog,
    tree: &Tree,
    leaf: u32,
    held: &[bool],
) -> Vec<(Fill, Vec<CredIx>)> {
    let mut out = Vec::new();
    let Some(node) = tree.nodes.get(leaf as usize) else {
        return out;
    };
    let TKind::Leaf {
        target: Target::Known(c),
        expanded,
        ..
    } = node.kind
    else {
        return out;
    };
    let is_held = |x: CredIx| held.get(x as usize).copied().unwrap_or(false);
    if is_held(c) && !expanded {
        out.push((Fill::Direct, vec![c]));
    }
    for &e in cat.equivalences_for(c) {
        let Some(eq) = cat.equivalences().get(e as usize) else {
            continue;
        };
        if !eq.applies_within(node.owner) {
            continue;
        }
        let mut creds = Vec::with_capacity(eq.holding.len());
        let mut ok = !eq.holding.is_empty();
        for h in &eq.holding {
            match h {
                Target::Known(h) if is_held(*h) => {
                    if !creds.contains(h) {
                        creds.push(*h)
                    }
                }
                _ => ok = false,
            }
        }
        if ok {
            out.push((Fill::Equivalence(e), creds));
        }
    }
    out
}

/// Finds the best assignment of held credentials (`held[c]`) to the leaves of `tree`.
pub fn assign(cat: &Catalog, tree: &Tree, held: &[bool]) -> Assignment {
    let mut fills = vec![None; tree.len()];
    if tree.is_empty() {
        return Assignment {
            satisfied: false,
            remaining: 0.0,
            fills,
        };
    }
    // Occurrences of each held credential over all leaf options: (credential, leaf) pairs,
    // sorted, so that each credential's occurrences are next to each other.
    let mut occurrences: Vec<(CredIx, u32)> = Vec::new();
    let mut options: Vec<Vec<(Fill, Vec<CredIx>)>> = vec![Vec::new(); tree.len()];
    for (leaf, _) in tree.leaf_targets() {
        let opts = leaf_options(cat, tree, leaf, held);
        for (_, creds) in &opts {
            occurrences.extend(creds.iter().map(|&c| (c, leaf)));
        }
        if let Some(slot) = options.get_mut(leaf as usize) {
            *slot = opts;
        }
    }
    occurrences.sort_unstable();
    let mut ev = Evaluator {
        cat,
        tree,
        token: Vec::new(),
        span: Vec::new(),
        wits: vec![Wit::Nil],
    };
    for same in occurrences.chunk_by(|a, b| a.0 == b.0) {
        if let ([(c, lo), .., (_, hi)], true) = (same, same.len() > 1) {
            ev.token.push((*c, ev.span.len()));
            ev.span.push((*lo, *hi));
        }
    }
    let front = ev.eval(0, &options);
    let better = |b: &Entry, e: &Entry| {
        (b.sat && !e.sat)
            || (b.sat == e.sat && (b.rem < e.rem || (b.rem == e.rem && b.done >= e.done)))
    };
    let best = front.into_iter().fold(None::<Entry>, |best, e| match best {
        Some(b) if better(&b, &e) => Some(b),
        _ => Some(e),
    });
    let Some(best) = best else {
        return Assignment {
            satisfied: false,
            remaining: 0.0,
            fills,
        };
    };
    let mut stack = vec![best.wit];
    while let Some(w) = stack.pop() {
        match ev.wits.get(w as usize).copied() {
            Some(Wit::One(leaf, fill)) => {
                if let Some(slot) = fills.get_mut(leaf as usize) {
                    *slot = Some(fill);
                }
            }
            Some(Wit::Join(a, b)) => {
                stack.push(a);
                stack.push(b);
            }
            Some(Wit::Nil) | None => {}
        }
    }
    Assignment {
        satisfied: best.sat,
        remaining: best.rem,
        fills,
    }
}

impl Evaluator<'_> {
    fn join(&mut self, a: u32, b: u32) -> u32 {
        if matches!(self.wits.get(a as usize), Some(Wit::Nil)) {
            return b;
        }
        if matches!(self.wits.get(b as usize), Some(Wit::Nil)) {
            return a;
        }
        self.wits.push(Wit::Join(a, b));
        (self.wits.len() - 1) as u32
    }

    /// Drops tokens all of whose occurrences lie in `lo..hi`.
    fn project(&self, used: &mut Bits, lo: u32, hi: u32) {
        let span = &self.span;
        used.retain(|t| match span.get(t) {
            Some(&(a, b)) => !(lo <= a && b < hi),
            None => false,
        });
    }

    fn bits_of(&self, creds: &[CredIx]) -> Bits {
        let mut b = Bits::default();
        for c in creds {
            if let Ok(i) = self.token.binary_search_by_key(c, |&(c, _)| c) {
                if let Some(&(_, t)) = self.token.get(i) {
                    b = b.union(&Bits::with(t));
                }
            }
        }
        b
    }

    /// Every non-dominated way of filling the subtree of node `v` (see the module doc).
    fn eval(&mut self, v: u32, options: &[Vec<(Fill, Vec<CredIx>)>]) -> Vec<Entry> {
        let Some(node) = self.tree.nodes.get(v as usize) else {
            return Vec::new();
        };
        let end = node.end;
        let mut front: Vec<Entry> = Vec::new();
        match node.kind {
            TKind::Leaf { expanded, .. } => self.eval_leaf(v, end, expanded, options, &mut front),
            TKind::Group {
                kind: GroupKind::Credits,
                credits: need,
                ..
            } => self.eval_credits(v, end, need, options, &mut front),
            TKind::Group { need, .. } => self.eval_choose(v, end, need, options, &mut front),
        }
        front
    }

    /// A leaf: each way to fill it (directly or through an equivalence), the way its expansion
    /// (the credential's own requirements) is met, or unfilled.
    fn eval_leaf(
        &mut self,
        v: u32,
        end: u32,
        expanded: bool,
        options: &[Vec<(Fill, Vec<CredIx>)>],
        front: &mut Vec<Entry>,
    ) {
        if expanded {
            if let Some(&k) = self.tree.kids(v).first() {
                for mut e in self.eval(k, options) {
                    self.project(&mut e.used, v, end);
                    e.done += u32::from(e.sat);
                    insert(front, e);
                }
            }
        }
        // Fill options first, so that among equal assignments the earlier leaf wins.
        if let Some(opts) = options.get(v as usize) {
            for (fill, creds) in opts {
                let mut used = self.bits_of(creds);
                self.project(&mut used, v, end);
                self.wits.push(Wit::One(v, *fill));
                let wit = (self.wits.len() - 1) as u32;
                insert(
                    front,
                    Entry {
                        used,
                        rem: 0.0,
                        done: 1,
                        sat: true,
                        wit,
                    },
                );
            }
        }
        if !expanded {
            insert(
                front,
                Entry {
                    used: Bits::default(),
                    rem: 1.0,
                    done: 0,
                    sat: false,
                    wit: 0,
                },
            );
        }
    }

    /// A credits group: the children's credits added up, capped at the need, for every
    /// non-dominated combination of the tokens they use.
    fn eval_credits(
        &mut self,
        v: u32,
        end: u32,
        need: u64,
        options: &[Vec<(Fill, Vec<CredIx>)>],
        front: &mut Vec<Entry>,
    ) {
        // States: (used, credits so far capped at need, done, witness).
        let mut states: Vec<(Bits, u64, u32, u32)> = vec![(Bits::default(), 0, 0, 0)];
        let kids: Vec<u32> = self.tree.kids(v).to_vec();
        let mut largest = 0u64;
        for k in kids {
            let worth = match self.tree.nodes.get(k as usize).map(|n| n.kind) {
                Some(TKind::Leaf {
                    target: Target::Known(c),
                    ..
                }) => self.cat.credits_scaled(c),
                _ => 0,
            };
            largest = largest.max(worth);
            let kid_end = self.tree.nodes.get(k as usize).map_or(k + 1, |n| n.end);
            let child = self.eval(k, options);
            let mut next = states.clone();
            if worth > 0 {
                for (used, got, done, wit) in &states {
                    if *got >= need {
                        continue;
                    }
                    for e in child.iter().filter(|e| e.sat) {
                        if used.disjoint(&e.used) {
                            let w = self.join(*wit, e.wit);
                            next.push((
                                used.union(&e.used),
                                (got + worth).min(need),
                                done + e.done,
                                w,
                            ));
                        }
                    }
                }
            }
            states = Vec::new();
            for (mut used, got, done, wit) in next {
                self.project(&mut used, v + 1, kid_end);
                if states
                    .iter()
                    .any(|(u, g, d, _)| u.subset_of(&used) && *g >= got && *d >= done)
                {
                    continue;
                }
                states.retain(|(u, g, d, _)| !(used.subset_of(u) && got >= *g && done >= *d));
                states.push((used, got, done, wit));
            }
        }
        for (mut used, got, done, wit) in states {
            self.project(&mut used, v, end);
            let sat = got >= need;
            insert(
                front,
                Entry {
                    used,
                    rem: credits_rem(got, need, largest),
                    done: done + u32::from(sat),
                    sat,
                    wit,
                },
            );
        }
    }

    /// An all, any or choose group: choose `need` children (all: every child; any: one); each
    /// chosen child contributes its remaining units. Unchosen children do not matter.
    fn eval_choose(
        &mut self,
        v: u32,
        end: u32,
        need: u32,
        options: &[Vec<(Fill, Vec<CredIx>)>],
        front: &mut Vec<Entry>,
    ) {
        // Choose `need` children (all: every child; any: one); each chosen child
        // contributes its remaining units. Unchosen children do not matter.
        let dominates = |a: &ChooseState, b: &ChooseState| {
            a.j == b.j
                && a.used.subset_of(&b.used)
                && a.rem <= b.rem
                && a.done >= b.done
                && a.nsat >= b.nsat
        };
        let kids: Vec<u32> = self.tree.kids(v).to_vec();
        let target = need.min(kids.len() as u32);
        let mut states = vec![ChooseState {
            used: Bits::default(),
            j: 0,
            rem: 0.0,
            done: 0,
            nsat: 0,
            wit: 0,
        }];
        let total = kids.len() as u32;
        for (pos, k) in kids.into_iter().enumerate() {
            let kid_end = self.tree.nodes.get(k as usize).map_or(k + 1, |n| n.end);
            let child = self.eval(k, options);
            let left_after = total - pos as u32 - 1;
            let mut next: Vec<ChooseState> = Vec::with_capacity(states.len() * 2);
            for s in states.drain(..) {
                if s.j < target {
                    for e in &child {
                        if s.used.disjoint(&e.used) {
                            let wit = self.join(s.wit, e.wit);
                            next.push(ChooseState {
                                used: s.used.union(&e.used),
                                j: s.j + 1,
                                rem: s.rem + e.rem,
                                done: s.done + e.done,
                                nsat: s.nsat + u32::from(e.sat),
                                wit,
                            });
                        }
                    }
                }
                // Skipping is only worth keeping if enough children remain to choose.
                if s.j + left_after >= target {
                    next.push(s);
                }
            }
            for mut s in next {
                self.project(&mut s.used, v + 1, kid_end);
                if states.iter().any(|t| dominates(t, &s)) {
                    continue;
                }
                states.retain(|t| !dominates(&s, t));
                states.push(s);
            }
        }
        for mut s in states {
            if s.j < target {
                continue;
            }
            self.project(&mut s.used, v, end);
            let shortfall = f64::from(need.saturating_sub(target));
            let sat = s.nsat >= need;
            insert(
                front,
                Entry {
                    used: s.used,
                    rem: s.rem + shortfall,
                    done: s.done + u32::from(sat),
                    sat,
                    wit: s.wit,
                },
            );
        }
    }
}
