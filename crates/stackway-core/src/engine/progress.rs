//! Progress toward a goal: satisfied or not, the fraction complete, every group with what meets
//! it and what is missing, and a localisable summary.

use serde::Serialize;

use crate::catalog::{Catalog, CredIx, GroupKind, Target, CREDIT_SCALE};
use crate::engine::evaluate::{assign, credits_rem, Assignment, Fill};
use crate::engine::explain::{explanations_for, Explanation};
use crate::engine::holdings::Holdings;
use crate::engine::tree::{Blocked, TKind, Tree};
use crate::engine::{resolve, EngineError};
use crate::feed::Text;
use crate::messages::{Message, MessageId};
use crate::record::Record;

/// What a progress node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    All,
    Any,
    Choose,
    Credits,
    /// A single credential (possibly expanded into its own requirements).
    Credential,
}

/// Progress on one node of the goal's expanded requirement tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupProgress {
    pub kind: NodeKind,
    /// The credential whose requirements this node belongs to.
    pub owner: String,
    /// The group's label from the feed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// For a credential node: its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
    /// Children (or credentials) needed: all → every child, any → 1, choose → n, credential → 1.
    pub need: u32,
    /// Children met (credential node: 1 when met).
    pub met: u32,
    /// Credits groups: credits needed and credits met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_need: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_met: Option<f64>,
    pub satisfied: bool,
    pub fraction: f64,
    /// Credential node met by held credentials: the ones used (itself, or an equivalence's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub met_by: Vec<String>,
    /// When met through an equivalence: its index in the feed's `equivalences`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<u32>,
    /// Why a credential node can never be met: "unknown", "cycle", "too-large".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<&'static str>,
    /// For an unmet credential node: why a held credential that could fill it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Message>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<GroupProgress>,
}

/// An unmet group, with what is still missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Remaining {
    pub kind: NodeKind,
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// How many more children are needed (0 for credits groups).
    pub missing: u32,
    /// Credits groups: how many more credits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_missing: Option<f64>,
    /// Unmet credentials listed directly in the group, any of which would help.
    pub options: Vec<String>,
    pub message: Message,
}

/// A held credential counted toward the goal, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Use {
    /// The held credential.
    pub credential: String,
    /// The requirement leaf it fills (itself, or what it stands in for).
    pub fills: String,
    /// The credential whose requirements contain that leaf.
    pub toward: String,
    /// Index of the equivalence used, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<u32>,
}

/// Progress toward one goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub goal: String,
    /// Met: held directly, or its requirements are met.
    pub satisfied: bool,
    /// The goal itself is in the record (unexpired) or planned.
    pub held: bool,
    /// Fraction complete in [0, 1] (docs/semantics.md); 1 exactly when satisfied.
    pub fraction: f64,
    /// The expanded requirement tree (absent for a credential without `requires`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tree: Option<GroupProgress>,
    /// Unmet groups, in tree order.
    pub remaining: Vec<Remaining>,
    /// Held credentials counted, in tree order.
    pub used: Vec<Use>,
    /// One explanation per credential of the record (counted, expired, not accepted, ...).
    pub explanations: Vec<Explanation>,
    /// Localisable summary: "2 of 3 electives", "4 more credits", or "complete".
    pub summary: Vec<Message>,
}

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

/// Progress toward `goal` for `record` (evaluated at `record.as_of`).
pub fn progress(cat: &Catalog, record: &Record, goal: &str) -> Result<Progress, EngineError> {
    let g = resolve(cat, goal)?;
    let holdings = Holdings::new(cat, record);
    Ok(progress_of(cat, &holdings, g))
}

/// Progress toward every stackable credential, in feed order.
pub fn progress_all(cat: &Catalog, record: &Record) -> Vec<Progress> {
    let holdings = Holdings::new(cat, record);
    cat.stackables()
        .map(|g| progress_of(cat, &holdings, g))
        .collect()
}

pub(crate) fn progress_of(cat: &Catalog, holdings: &Holdings, goal: CredIx) -> Progress {
    let ev = evaluate_goal(cat, holdings, goal);
    let report = Report::new(cat, &ev, holdings);
    let satisfied = ev.held_goal || ev.assignment.satisfied;
    let fraction = if satisfied {
        1.0
    } else {
        report.frac.first().copied().unwrap_or(0.0)
    };
    let tree = (!ev.tree.is_empty()).then(|| report.node(0));
    let mut remaining = Vec::new();
    if !satisfied {
        if ev.tree.is_empty() {
            remaining.push(Remaining {
                kind: NodeKind::Credential,
                owner: cat.id(goal).to_owned(),
                label: None,
                missing: 1,
                credits_missing: None,
                options: vec![cat.id(goal).to_owned()],
                message: Message::new(MessageId::CredentialMissing)
                    .id_arg("credential", cat.id(goal)),
            });
        } else {
            report.remaining(0, &mut remaining);
        }
    }
    let mut summary = Vec::new();
    if ev.held_goal {
        summary.push(Message::new(MessageId::GoalHeld).id_arg("goal", cat.id(goal)));
    } else if satisfied {
        summary.push(Message::new(MessageId::GoalSatisfied).id_arg("goal", cat.id(goal)));
    } else {
        summary.extend(remaining.iter().map(|r| r.message.clone()));
    }
    let used = report.uses();
    let explanations = explanations_for(cat, holdings, &ev, &report);
    Progress {
        goal: cat.id(goal).to_owned(),
        satisfied,
        held: ev.held_goal,
        fraction,
        tree,
        remaining,
        used,
        explanations,
        summary,
    }
}

/// Per-node results recomputed from the assignment.
pub(crate) struct Report<'a> {
    cat: &'a Catalog,
    ev: &'a Evaluation,
    holdings: &'a Holdings,
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

    fn kind(&self, v: u32) -> NodeKind {
        match self.ev.tree.nodes.get(v as usize).map(|n| n.kind) {
            Some(TKind::Group { kind, .. }) => match kind {
                GroupKind::All => NodeKind::All,
                GroupKind::Any => NodeKind::Any,
                GroupKind::Choose => NodeKind::Choose,
                GroupKind::Credits => NodeKind::Credits,
            },
            _ => NodeKind::Credential,
        }
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

    fn node(&self, v: u32) -> GroupProgress {
        let tree = &self.ev.tree;
        let cat = self.cat;
        let Some(n) = tree.nodes.get(v as usize) else {
            return GroupProgress {
                kind: NodeKind::All,
                owner: String::new(),
                label: None,
                credential: None,
                need: 0,
                met: 0,
                credits_need: None,
                credits_met: None,
                satisfied: false,
                fraction: 0.0,
                met_by: Vec::new(),
                equivalence: None,
                blocked: None,
                note: None,
                children: Vec::new(),
            };
        };
        let (creds, equivalence) = self.fill_creds(v);
        let sat = self.sat.get(v as usize).copied().unwrap_or(false);
        let (need, credential, credits_need, blocked) = match n.kind {
            TKind::Group {
                kind: GroupKind::Credits,
                credits,
                ..
            } => (0, None, Some(credits as f64 / CREDIT_SCALE), None),
            TKind::Group { need, .. } => (need, None, None, None),
            TKind::Leaf {
                target, blocked, ..
            } => (
                1,
                Some(cat.target_id(target).to_owned()),
                None,
                match (target, blocked) {
                    (Target::Unknown(_), _) => Some("unknown"),
                    (_, Some(Blocked::Cycle)) => Some("cycle"),
                    (_, Some(Blocked::TooLarge)) => Some("too-large"),
                    _ => None,
                },
            ),
        };
        let note = if sat { None } else { self.leaf_note(v) };
        GroupProgress {
            kind: self.kind(v),
            owner: cat.id(n.owner).to_owned(),
            label: cat.node_label(n.source).cloned(),
            credential,
            need,
            met: self.met.get(v as usize).copied().unwrap_or(0),
            credits_need,
            credits_met: credits_need
                .map(|_| self.credits.get(v as usize).copied().unwrap_or(0) as f64 / CREDIT_SCALE),
            satisfied: sat,
            fraction: self.frac.get(v as usize).copied().unwrap_or(0.0),
            met_by: creds.iter().map(|&c| cat.id(c).to_owned()).collect(),
            equivalence,
            blocked,
            note,
            children: tree.kids(v).iter().map(|&k| self.node(k)).collect(),
        }
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

    fn remaining(&self, v: u32, out: &mut Vec<Remaining>) {
        let tree = &self.ev.tree;
        let Some(n) = tree.nodes.get(v as usize) else {
            return;
        };
        if self.sat.get(v as usize).copied().unwrap_or(false) {
            return;
        }
        let cat = self.cat;
        let kids = tree.kids(v);
        match n.kind {
            TKind::Leaf { expanded, .. } => {
                if expanded {
                    for &k in kids {
                        self.remaining(k, out);
                    }
                } else if v == 0 {
                    let id = self.leaf_target(v);
                    out.push(Remaining {
                        kind: NodeKind::Credential,
                        owner: cat.id(n.owner).to_owned(),
                        label: None,
                        missing: 1,
                        credits_missing: None,
                        options: vec![id.clone()],
                        message: Message::new(MessageId::CredentialMissing)
                            .id_arg("credential", id),
                    });
                }
            }
            TKind::Group {
                kind,
                need,
                credits,
            } => {
                let label = cat.node_label(n.source).cloned();
                let options: Vec<String> = kids
                    .iter()
                    .filter(|&&k| !self.sat.get(k as usize).copied().unwrap_or(false))
                    .filter(|&&k| {
                        matches!(
                            tree.nodes.get(k as usize).map(|n| n.kind),
                            Some(TKind::Leaf { .. })
                        )
                    })
                    .filter(|&&k| {
                        !matches!(
                            tree.nodes.get(k as usize).map(|n| n.kind),
                            Some(TKind::Leaf { target: Target::Known(c), .. }) if self.holdings.is_held(c)
                        )
                    })
                    .map(|&k| self.leaf_target(k))
                    .collect();
                let met = self.met.get(v as usize).copied().unwrap_or(0);
                let (missing, credits_missing, message) = if kind == GroupKind::Credits {
                    let got = self.credits.get(v as usize).copied().unwrap_or(0);
                    let miss = credits.saturating_sub(got) as f64 / CREDIT_SCALE;
                    (
                        0,
                        Some(miss),
                        Message::new(MessageId::GroupCredits)
                            .num("met", got as f64 / CREDIT_SCALE)
                            .num("need", credits as f64 / CREDIT_SCALE)
                            .num("missing", miss)
                            .text("label", label.as_ref())
                            .id_arg("owner", cat.id(n.owner)),
                    )
                } else {
                    (
                        need.saturating_sub(met),
                        None,
                        Message::new(MessageId::GroupCount)
                            .num("met", f64::from(met.min(need)))
                            .num("need", f64::from(need))
                            .text("label", label.as_ref())
                            .id_arg("owner", cat.id(n.owner)),
                    )
                };
                // A group whose unmet children are all groups is described by those children.
                if kind == GroupKind::Credits || !options.is_empty() || v == 0 && kids.is_empty() {
                    out.push(Remaining {
                        kind: self.kind(v),
                        owner: cat.id(n.owner).to_owned(),
                        label,
                        missing,
                        credits_missing,
                        options,
                        message,
                    });
                }
                for &k in kids {
                    if !matches!(
                        tree.nodes.get(k as usize).map(|n| n.kind),
                        Some(TKind::Leaf {
                            expanded: false,
                            ..
                        })
                    ) {
                        self.remaining(k, out);
                    }
                }
            }
        }
    }

    fn uses(&self) -> Vec<Use> {
        let mut out = Vec::new();
        for v in 0..self.ev.tree.len() as u32 {
            let (creds, equivalence) = self.fill_creds(v);
            let Some(n) = self.ev.tree.nodes.get(v as usize) else {
                continue;
            };
            for c in creds {
                out.push(Use {
                    credential: self.cat.id(c).to_owned(),
                    fills: self.leaf_target(v),
                    toward: self.cat.id(n.owner).to_owned(),
                    equivalence,
                });
            }
        }
        out
    }
}
