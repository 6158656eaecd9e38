//! The analysis of one goal for one learner record, shared by progress, explanations and the
//! lean summary: the goal's expanded requirement tree with the exact assignment of held
//! credentials ([`Evaluation`]), and what every node of it has met ([`Report`]). The public
//! answers are built from it elsewhere (`progress.rs`, `explain.rs`), so that neither of those
//! depends on the other's output types.

use crate::catalog::{Catalog, CredIx, GroupKind, Target};
use crate::engine::evaluate::{assign, credits_rem, Assignment, Fill};
use crate::engine::holdings::Holdings;
use crate::engine::tree::{TKind, Tree};
use crate::messages::{Message, MessageId};

/// Everything computed for one goal, shared by progress, explain and next steps.
pub(crate) struct Evaluation {
    pub goal: CredIx,
    pub tree: Tree,
    pub assignment: Assignment,
    pub held_goal: bool,
}

pub(crate) fn evaluate_goal(cat: &Catalog, holdings: &Holdings, goal: CredIx) -> Evaluation {
    let held_goal = holdings.is_held(goal);
    let tree = match cat.requires(goal) {
        Some(root) => Tree::build(cat, root, goal, &holdings.held),
        None => Tree::default(),
    };
    let assignment = if tree.is_empty() {
        Assignment {
            satisfied: false,
            remaining: 0.0,
            fills: Vec::new(),
        }
    } else {
        assign(cat, &tree, &holdings.held)
    };
    Evaluation {
        goal,
        tree,
        assignment,
        held_goal,
    }
}

/// Per-node results recomputed from the assignment.
pub(crate) struct Report<'a> {
    pub cat: &'a Catalog,
    pub ev: &'a Evaluation,
    pub holdings: &'a Holdings,
    pub sat: Vec<bool>,
    pub frac: Vec<f64>,
    pub met: Vec<u32>,
    pub credits: Vec<u64>,
    /// Held credential → the leaf it fills (first in preorder), sorted by credential.
    uses: Vec<(CredIx, u32)>,
}

impl<'a> Report<'a> {
    pub fn new(cat: &'a Catalog, ev: &'a Evaluation, holdings: &'a Holdings) -> Report<'a> {
        let (sat, rem, met, credits) = Self::compute(cat, ev, true);
        let (_, total, _, _) = Self::compute(cat, ev, false);
        let frac = sat
            .iter()
            .zip(rem.iter().zip(&total))
            .map(|(&s, (&r, &t))| {
                if s {
                    1.0
                } else if t > 0.0 {
                    ((t - r) / t).clamp(0.0, 0.999_999)
                } else {
                    0.0
                }
            })
            .collect();
        let mut r = Report {
            cat,
            ev,
            holdings,
            sat,
            frac,
            met,
            credits,
            uses: Vec::new(),
        };
        let mut uses = Vec::new();
        for (v, f) in ev.assignment.fills.iter().enumerate() {
            if f.is_some() {
                uses.extend(r.fill_creds(v as u32).0.into_iter().map(|c| (c, v as u32)));
            }
        }
        // Sorted by credential then leaf: the first entry of each credential is its first leaf.
        uses.sort_unstable();
        uses.dedup_by_key(|&mut (c, _)| c);
        r.uses = uses;
        r
    }

    /// Per node: satisfied, remaining units, children met, credits met; with the assignment's
    /// fills (`with_fills`) or with none (the totals).
    #[allow(clippy::type_complexity)]
    fn compute(
        cat: &Catalog,
        ev: &Evaluation,
        with_fills: bool,
    ) -> (Vec<bool>, Vec<f64>, Vec<u32>, Vec<u64>) {
        let n = ev.tree.len();
        let mut sat = vec![false; n];
        let mut rem = vec![0.0f64; n];
        let mut met = vec![0u32; n];
        let mut credits = vec![0u64; n];
        let is_sat = |sat: &[bool], k: u32| sat.get(k as usize).copied().unwrap_or(false);
        for v in (0..n).rev() {
            let Some(node) = ev.tree.nodes.get(v) else {
                continue;
            };
            let kids = ev.tree.kids(v as u32);
            let filled = with_fills && ev.assignment.fills.get(v).copied().flatten().is_some();
            let (s, r, m, c) = match node.kind {
                TKind::Leaf { expanded, .. } => {
                    if filled {
                        (true, 0.0, 1, 0)
                    } else if expanded {
                        let k = kids.first().map_or(usize::MAX, |&k| k as usize);
                        let s = sat.get(k).copied().unwrap_or(false);
                        (s, rem.get(k).copied().unwrap_or(1.0), u32::from(s), 0)
                    } else {
                        (false, 1.0, 0, 0)
                    }
                }
                TKind::Group {
                    kind: GroupKind::Credits,
                    credits: need,
                    ..
                } => {
                    let worth = |k: u32| match ev.tree.nodes.get(k as usize).map(|n| n.kind) {
                        Some(TKind::Leaf {
                            target: Target::Known(c),
                            ..
                        }) => cat.credits_scaled(c),
                        _ => 0,
                    };
                    let largest = kids.iter().map(|&k| worth(k)).max().unwrap_or(0);
                    let got: u64 = kids
                        .iter()
                        .filter(|&&k| is_sat(&sat, k))
                        .map(|&k| worth(k))
                        .fold(0u64, u64::saturating_add);
                    let m = kids.iter().filter(|&&k| is_sat(&sat, k)).count() as u32;
                    (got >= need, credits_rem(got, need, largest), m, got)
                }
                TKind::Group { need, .. } => {
                    let mut rs: Vec<f64> = kids
                        .iter()
                        .map(|&k| rem.get(k as usize).copied().unwrap_or(1.0))
                        .collect();
                    rs.sort_by(f64::total_cmp);
                    let nsat = kids.iter().filter(|&&k| is_sat(&sat, k)).count() as u32;
                    let r: f64 = rs.iter().take(need as usize).sum::<f64>()
                        + f64::from(need.saturating_sub(kids.len() as u32));
                    (nsat >= need, r, nsat, 0)
                }
            };
            sat[v] = s;
            rem[v] = r;
            met[v] = m;
            credits[v] = c;
        }
        (sat, rem, met, credits)
    }

    /// The credentials a leaf's fill uses.
    pub fn fill_creds(&self, v: u32) -> (Vec<CredIx>, Option<u32>) {
        let fill = self.ev.assignment.fills.get(v as usize).copied().flatten();
        let node = self.ev.tree.nodes.get(v as usize);
        match (fill, node.map(|n| n.kind)) {
            (
                Some(Fill::Direct),
                Some(TKind::Leaf {
                    target: Target::Known(c),
                    ..
                }),
            ) => (vec![c], None),
            (Some(Fill::Equivalence(e)), _) => {
                let creds = self
                    .cat
                    .equivalences()
                    .get(e as usize)
                    .map(|eq| {
                        eq.holding
                            .iter()
                            .filter_map(|t| match t {
                                Target::Known(c) => Some(*c),
                                Target::Unknown(_) => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                (creds, Some(e))
            }
            _ => (Vec::new(), None),
        }
    }

    /// The leaf where held credential `c` is used, if any.
    pub fn used_at(&self, c: CredIx) -> Option<u32> {
        let at = self.uses.binary_search_by_key(&c, |&(c, _)| c).ok()?;
        self.uses.get(at).map(|&(_, leaf)| leaf)
    }

    /// For an unmet leaf: a held credential that could fill it but is used elsewhere.
    pub fn leaf_note(&self, v: u32) -> Option<Message> {
        let n = self.ev.tree.nodes.get(v as usize)?;
        let TKind::Leaf {
            target: Target::Known(c),
            ..
        } = n.kind
        else {
            return None;
        };
        let opts =
            crate::engine::evaluate::leaf_options(self.cat, &self.ev.tree, v, &self.holdings.held);
        for (_, creds) in opts {
            for x in creds {
                if let Some(at) = self.used_at(x) {
                    if at != v {
                        let used_for = self.leaf_target(at);
                        return Some(
                            Message::new(MessageId::ExplainAlreadyUsed)
                                .id_arg("credential", self.cat.id(x))
                                .id_arg("used_for", used_for)
                                .id_arg("leaf", self.cat.id(c)),
                        );
                    }
                }
            }
        }
        None
    }

    /// The id a leaf names.
    pub fn leaf_target(&self, v: u32) -> String {
        match self.ev.tree.nodes.get(v as usize).map(|n| n.kind) {
            Some(TKind::Leaf { target, .. }) => self.cat.target_id(target).to_owned(),
            _ => String::new(),
        }
    }
}
