//! A goal's requirements as a learner reads them: named groups ("All of", "Choose 2 of",
//! "6 credits from", or the feed's label), each with its members marked held, planned, started
//! or missing, and how much of the group is still needed.
//!
//! This is the shape of a program card (Degree Works' "Still needed:" reading): the engine's
//! progress tree ([`Progress::tree`]) says what is met; this module only regroups it into the
//! sections a learner must complete and tells held credentials from planned ones, which the
//! evaluation itself treats alike. A requirement root that is "all of" a mix of credentials and
//! groups is split into sections, each of which must be met: its credentials together as one
//! "all of" group (with the root's label), then each of its groups. Deeper groups stay nested in
//! their parent, where under "one of" or "choose" they are alternatives.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::engine::holdings::Holdings;
use crate::engine::progress::{GroupProgress, NodeKind, Progress};
use crate::feed::Text;
use crate::record::Record;

/// How one member of a group stands for the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberState {
    /// Met by credentials the learner holds (unexpired).
    Held,
    /// Met, but only with credentials the learner plans to take.
    Planned,
    /// Not met yet, but under way: a credential with requirements of its own (a certificate
    /// inside a diploma), part of which is met.
    Started,
    /// Not met.
    Missing,
}

/// One credential named in a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The credential's id.
    pub credential: String,
    pub state: MemberState,
    /// For a credential with requirements of its own: how far along it is, 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fraction: Option<f64>,
    /// When it is met through an equivalence (credit transfer): the credentials that stand in
    /// for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// In a credits group: the credits it is worth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits: Option<f64>,
}

/// One requirement group: its rule, its label, its members, and what is still needed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementGroup {
    /// The rule: all, any (one of), choose (`need` of), credits (`credits_need` from).
    pub kind: NodeKind,
    /// The group's label from the feed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Members (credentials and nested groups together) needed: every one for "all", 1 for
    /// "any", n for "choose"; 0 for a credits group.
    pub need: u32,
    /// A credits group's credits needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_need: Option<f64>,
    pub satisfied: bool,
    /// How many more members are needed (0 when satisfied, and for a credits group).
    pub still_needed: u32,
    /// A credits group: how many more credits are needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits_still_needed: Option<f64>,
    /// The credentials named directly in the group, in feed order.
    pub members: Vec<Member>,
    /// Groups nested in this one, in feed order (alternatives when the rule is "any" or
    /// "choose").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<RequirementGroup>,
}

/// The requirement groups of `progress`'s goal for `record` (the record `progress` was computed
/// with), in feed order. Empty when the goal has no requirements, or when the learner holds the
/// goal itself (nothing is needed, whatever its parts).
pub fn requirement_groups(
    cat: &Catalog,
    record: &Record,
    progress: &Progress,
) -> Vec<RequirementGroup> {
    let Some(root) = progress.tree.as_ref().filter(|_| !progress.held) else {
        return Vec::new();
    };
    // Credentials held at the record's date, without the planned ones: what tells "held"
    // from "planned" (the evaluation counts both).
    let held_only = Holdings::new(
        cat,
        &Record {
            held: record.held.clone(),
            planned: Vec::new(),
            as_of: record.as_of,
        },
    );
    let reader = Reader { cat, held_only };
    match root.kind {
        NodeKind::Credential => vec![reader.section(None, &[root])],
        NodeKind::All => {
            let credentials: Vec<&GroupProgress> = root
                .children
                .iter()
                .filter(|c| c.kind == NodeKind::Credential)
                .collect();
            let mut sections = Vec::new();
            if !credentials.is_empty() {
                sections.push(reader.section(root.label.clone(), &credentials));
            }
            sections.extend(
                root.children
                    .iter()
                    .filter(|c| c.kind != NodeKind::Credential)
                    .map(|g| reader.group(g)),
            );
            if sections.is_empty() {
                // An empty "all of" is met; it still reads as one (empty) group.
                sections.push(reader.group(root));
            }
            sections
        }
        _ => vec![reader.group(root)],
    }
}

struct Reader<'a> {
    cat: &'a Catalog,
    held_only: Holdings,
}

impl Reader<'_> {
    /// "All of" the credentials `leaves` (the credentials of a root "all of", or a root that is
    /// one credential), labelled `label`.
    fn section(&self, label: Option<Text>, leaves: &[&GroupProgress]) -> RequirementGroup {
        let members: Vec<Member> = leaves.iter().map(|l| self.member(l, false)).collect();
        let met = leaves.iter().filter(|l| l.satisfied).count() as u32;
        let need = leaves.len() as u32;
        RequirementGroup {
            kind: NodeKind::All,
            label,
            need,
            credits_need: None,
            satisfied: met >= need,
            still_needed: need.saturating_sub(met),
            credits_still_needed: None,
            members,
            groups: Vec::new(),
        }
    }

    /// The group `node` with its members and nested groups.
    fn group(&self, node: &GroupProgress) -> RequirementGroup {
        let credits = node.kind == NodeKind::Credits;
        let members = node
            .children
            .iter()
            .filter(|c| c.kind == NodeKind::Credential)
            .map(|c| self.member(c, credits))
            .collect();
        let groups = node
            .children
            .iter()
            .filter(|c| c.kind != NodeKind::Credential)
            .map(|c| self.group(c))
            .collect();
        let credits_still_needed = node.credits_need.map(|need| {
            if node.satisfied {
                0.0
            } else {
                (need - node.credits_met.unwrap_or(0.0)).max(0.0)
            }
        });
        RequirementGroup {
            kind: node.kind,
            label: node.label.clone(),
            need: node.need,
            credits_need: node.credits_need,
            satisfied: node.satisfied,
            still_needed: if node.satisfied || credits {
                0
            } else {
                node.need.saturating_sub(node.met)
            },
            credits_still_needed,
            members,
            groups,
        }
    }

    /// The credential leaf `leaf` as a member.
    fn member(&self, leaf: &GroupProgress, credits_group: bool) -> Member {
        let id = leaf.credential.clone().unwrap_or_default();
        let index = self.cat.index_of(&id);
        // A credential with requirements of its own that the learner does not hold is expanded
        // into them: its progress is theirs.
        let expanded = !leaf.children.is_empty();
        let state = if leaf.satisfied {
            if self.uses_planned(leaf) {
                MemberState::Planned
            } else {
                MemberState::Held
            }
        } else if expanded && leaf.fraction > 0.0 {
            MemberState::Started
        } else {
            MemberState::Missing
        };
        Member {
            state,
            fraction: expanded.then_some(leaf.fraction),
            via: if leaf.equivalence.is_some() {
                leaf.met_by.clone()
            } else {
                Vec::new()
            },
            credits: if credits_group {
                index
                    .and_then(|c| self.cat.credential(c))
                    .and_then(|c| c.credits)
            } else {
                None
            },
            credential: id,
        }
    }

    /// Whether a met node counts a credential the learner only plans to take, anywhere in it.
    fn uses_planned(&self, node: &GroupProgress) -> bool {
        node.met_by.iter().any(|id| {
            !self
                .cat
                .index_of(id)
                .is_some_and(|c| self.held_only.is_held(c))
        }) || node.children.iter().any(|c| self.uses_planned(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::progress;
    use crate::feed::Feed;

    /// A feed of courses `a`..`f` (credits 1, 2, 3, 1, 1, 1), a certificate `cert` (all of `a`
    /// and `b`) and `program`, built from `requires` (JSON).
    fn catalog(requires: &str) -> Catalog {
        let text = format!(
            r#"{{"stackway": 1, "id": "t", "languages": ["en"],
                "provider": {{"id": "p", "name": "P"}},
                "credentials": [
                  {{"id": "a", "kind": "course", "title": "A", "credits": 1}},
                  {{"id": "b", "kind": "course", "title": "B", "credits": 2}},
                  {{"id": "c", "kind": "course", "title": "C", "credits": 3}},
                  {{"id": "d", "kind": "course", "title": "D", "credits": 1}},
                  {{"id": "e", "kind": "course", "title": "E", "credits": 1}},
                  {{"id": "f", "kind": "course", "title": "F", "credits": 1}},
                  {{"id": "cert", "kind": "certificate", "title": "Cert", "requires": {{"all": ["a", "b"]}}}},
                  {{"id": "program", "kind": "diploma", "title": "Program", "requires": {requires}}}
                ],
                "equivalences": [{{"holding": ["f"], "counts_as": "d"}}]}}"#
        );
        let feed: Feed = serde_json::from_str(&text).expect("test feed");
        Catalog::new(&feed)
    }

    fn record(held: &[&str], planned: &[&str]) -> Record {
        let mut r = Record::new(None);
        for h in held {
            r = r.with_held(*h, None);
        }
        r.planned = planned.iter().map(|p| (*p).to_owned()).collect();
        r
    }

    fn groups(requires: &str, held: &[&str], planned: &[&str]) -> Vec<RequirementGroup> {
        let cat = catalog(requires);
        let record = record(held, planned);
        let p = progress(&cat, &record, "program").expect("program");
        requirement_groups(&cat, &record, &p)
    }

    fn states(group: &RequirementGroup) -> Vec<(&str, MemberState)> {
        group
            .members
            .iter()
            .map(|m| (m.credential.as_str(), m.state))
            .collect()
    }

    /// A root "all of" credentials and groups reads as sections: its credentials together
    /// (with the root's label), then each group with its own rule and label.
    #[test]
    fn a_root_all_of_is_split_into_sections() {
        let g = groups(
            r#"{"all": ["a", "b", {"choose": 2, "from": ["c", "d", "e"], "label": "Electives"},
                        {"credits": 2, "from": ["c", "d", "e"]}], "label": "Core"}"#,
            &["a", "d"],
            &["c"],
        );
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].kind, NodeKind::All);
        assert_eq!(g[0].label, Some(Text::Plain("Core".into())));
        assert_eq!(
            states(&g[0]),
            [("a", MemberState::Held), ("b", MemberState::Missing)]
        );
        assert_eq!(
            (g[0].need, g[0].still_needed, g[0].satisfied),
            (2, 1, false)
        );
        assert_eq!(g[1].kind, NodeKind::Choose);
        assert_eq!(g[1].label, Some(Text::Plain("Electives".into())));
        assert_eq!((g[1].need, g[1].still_needed), (2, 0));
        assert!(g[1].satisfied);
        assert_eq!(g[2].kind, NodeKind::Credits);
        assert_eq!(g[2].label, None);
        assert_eq!(g[2].credits_need, Some(2.0));
        assert_eq!(g[2].still_needed, 0);
        assert!(g[2].members.iter().all(|m| m.credits.is_some()));
    }

    /// Planned credentials count, as in the evaluation, but are told apart from held ones; a
    /// group still needing members says how many, a credits group how many credits.
    #[test]
    fn planned_members_are_told_from_held_ones() {
        let g = groups(r#"{"choose": 2, "from": ["a", "b", "c"]}"#, &["a"], &["b"]);
        assert_eq!(g.len(), 1);
        assert_eq!(
            states(&g[0]),
            [
                ("a", MemberState::Held),
                ("b", MemberState::Planned),
                ("c", MemberState::Missing)
            ]
        );
        assert!(g[0].satisfied);
        let g = groups(r#"{"credits": 4, "from": ["a", "b", "c"]}"#, &["a"], &[]);
        assert_eq!(g[0].kind, NodeKind::Credits);
        assert_eq!(g[0].credits_still_needed, Some(3.0));
        assert_eq!(g[0].still_needed, 0);
        assert_eq!(
            g[0].members.iter().map(|m| m.credits).collect::<Vec<_>>(),
            [Some(1.0), Some(2.0), Some(3.0)]
        );
        let g = groups(r#"{"any": ["a", "b"]}"#, &[], &[]);
        assert_eq!(
            (g[0].kind, g[0].need, g[0].still_needed),
            (NodeKind::Any, 1, 1)
        );
    }

    /// A credential with requirements of its own is one member, started when part of it is
    /// met, held or planned when its parts are; a credit transfer names what stands in.
    #[test]
    fn ladders_and_equivalences_are_one_member_each() {
        let requires = r#"{"all": ["cert", "d"]}"#;
        let g = groups(requires, &["a"], &[]);
        let cert = &g[0].members[0];
        assert_eq!(
            (cert.credential.as_str(), cert.state),
            ("cert", MemberState::Started)
        );
        assert_eq!(cert.fraction, Some(0.5));
        assert_eq!(g[0].members[1].state, MemberState::Missing);
        assert_eq!(g[0].members[1].fraction, None);
        let g = groups(requires, &["a", "f"], &["b"]);
        assert_eq!(
            states(&g[0]),
            [("cert", MemberState::Planned), ("d", MemberState::Held)]
        );
        assert_eq!(g[0].members[1].via, ["f"]);
        assert!(g[0].satisfied);
        let g = groups(requires, &["a", "b", "d"], &[]);
        assert_eq!(g[0].members[0].state, MemberState::Held);
        // Holding the certificate itself: a member held directly, not expanded.
        let g = groups(requires, &["cert"], &[]);
        assert_eq!(g[0].members[0].state, MemberState::Held);
        assert_eq!(g[0].members[0].fraction, None);
    }

    /// Groups below the root stay nested in their parent (alternatives under "one of"); a root
    /// that is one credential is one "all of" group.
    #[test]
    fn nested_groups_stay_in_their_parent() {
        let g = groups(
            r#"{"any": [{"all": ["a", "b"], "label": "Track A"}, {"all": ["c", "d"]}]}"#,
            &["c"],
            &[],
        );
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].kind, NodeKind::Any);
        assert!(g[0].members.is_empty());
        assert_eq!(g[0].groups.len(), 2);
        assert_eq!(g[0].groups[0].label, Some(Text::Plain("Track A".into())));
        assert_eq!(g[0].groups[1].still_needed, 1);
        assert_eq!(g[0].still_needed, 1);
        let g = groups(r#""a""#, &[], &["a"]);
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].kind, g[0].need), (NodeKind::All, 1));
        assert_eq!(states(&g[0]), [("a", MemberState::Planned)]);
    }

    /// The goal held itself needs nothing: no groups; expired credentials are missing.
    #[test]
    fn a_held_goal_has_no_groups_and_expired_credentials_are_missing() {
        assert!(groups(r#"{"all": ["a"]}"#, &["program"], &[]).is_empty());
        let cat = catalog(r#"{"all": ["a"]}"#);
        let mut feed = cat.feed().clone();
        if let Some(a) = feed.credentials.iter_mut().find(|c| c.id == "a") {
            a.valid_years = Some(1.0);
        }
        let cat = Catalog::new(&feed);
        let mut record = Record::new(crate::date::Date::parse("2026-01-01"));
        record = record.with_held("a", crate::date::Date::parse("2020-01-01"));
        let p = progress(&cat, &record, "program").unwrap();
        let g = requirement_groups(&cat, &record, &p);
        assert_eq!(states(&g[0]), [("a", MemberState::Missing)]);
        // Expired but planned again: planned.
        record.planned.push("a".into());
        let p = progress(&cat, &record, "program").unwrap();
        let g = requirement_groups(&cat, &record, &p);
        assert_eq!(states(&g[0]), [("a", MemberState::Planned)]);
    }
}
