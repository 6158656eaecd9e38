//! Progress toward a goal: satisfied or not, the fraction complete, every group with what meets
//! it and what is missing, and a localisable summary.

use serde::Serialize;

use crate::catalog::{Catalog, CredIx, GroupKind, Target, CREDIT_SCALE};
use crate::engine::explain::{explanations_for, Explanation};
use crate::engine::holdings::Holdings;
use crate::engine::report::{evaluate_goal, Report};
use crate::engine::tree::{Blocked, TKind};
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

/// The public progress types, built from the goal's [`Report`].
impl Report<'_> {
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
