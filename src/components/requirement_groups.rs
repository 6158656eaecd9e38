//! A program's requirement groups as a learner reads them, Degree Works' way: each group named
//! (the feed's label, else its rule: "All of", "Choose 2 of", "6 credits from"), whether it is
//! complete or what it still needs ("Still needed: 1 more"), and its members as chips marked
//! held, planned, in progress or still needed by an icon and a word, not by colour alone.
//!
//! The groups and every member's state come from the engine (`engine::requirement_groups`,
//! through the state's insights); this component only words and draws them. The program card
//! shows the first few groups and members, the detail panel all of them.

use stackway_core::engine::{Member, MemberState, NodeKind, RequirementGroup};
use stackway_core::Feed;
use yew::prelude::*;

use crate::context::{title, title_marked};
use crate::format::text;
use crate::hooks::use_i18n;
use crate::i18n::{Arg, I18n};
use crate::state::Shared;

/// The name of `group`: its label from the feed with its rule, or the rule alone ("Choose 2
/// of"); an "all of" with one member reads "Required".
pub fn group_name(i18n: &I18n, feed: &Feed, group: &RequirementGroup) -> String {
    let kind = match group.kind {
        NodeKind::All if group.members.len() + group.groups.len() == 1 => "one",
        NodeKind::All | NodeKind::Credential => "all",
        // "Choose 1 of" says less plainly what "One of" says (registry conditions often ask
        // for one of a list).
        NodeKind::Any => "any",
        NodeKind::Choose if group.need == 1 => "any",
        NodeKind::Choose => "choose",
        NodeKind::Credits => "credits",
    };
    let label = group.label.as_ref().map(|l| text(feed, l, i18n.lang()));
    let has_label = if label.is_some() { "yes" } else { "no" };
    let credits = group.credits_need.unwrap_or(0.0);
    i18n.t_args(
        "group-name",
        &[
            ("kind", Arg::from(kind)),
            ("has_label", Arg::from(has_label)),
            ("label", Arg::from(label.unwrap_or_default())),
            ("need", Arg::from(group.need as usize)),
            ("credits", Arg::from(credits)),
        ],
    )
}

/// What `group` still needs, in words: "Complete", "Still needed: 1 more", "Still needed: 2
/// more credits".
pub fn group_status(i18n: &I18n, group: &RequirementGroup) -> String {
    if group.satisfied {
        return i18n.t("group-complete");
    }
    match group.credits_still_needed {
        Some(credits) => i18n.t_args(
            "group-still-needed-credits",
            &[("credits", Arg::from(credits))],
        ),
        None => i18n.t_args(
            "group-still-needed",
            &[("count", Arg::from(group.still_needed as usize))],
        ),
    }
}

/// The icon, word and class of a member's state.
fn member_state(i18n: &I18n, state: MemberState) -> (&'static str, String, &'static str) {
    match state {
        MemberState::Held => ("✓", i18n.t("member-held"), "sw-chip sw-chip-held"),
        MemberState::Planned => ("◷", i18n.t("member-planned"), "sw-chip sw-chip-planned"),
        MemberState::Started => ("◐", i18n.t("member-started"), "sw-chip sw-chip-started"),
        MemberState::Missing => ("○", i18n.t("member-missing"), "sw-chip sw-chip-missing"),
    }
}

/// Properties of [`RequirementGroups`].
#[derive(Properties, PartialEq)]
pub struct RequirementGroupsProps {
    /// The feed shown (compared by identity).
    pub feed: Shared<Feed>,
    /// The program's groups, from the engine.
    pub groups: std::rc::Rc<[RequirementGroup]>,
    /// At most this many groups, and this many members in each, are drawn; the rest are
    /// counted ("and 3 more"). `None`: all of them.
    #[prop_or_default]
    pub limit: Option<usize>,
}

/// The groups as a list, each with its name, status and members.
#[function_component]
pub fn RequirementGroups(props: &RequirementGroupsProps) -> Html {
    let i18n = use_i18n();
    let limit = props.limit.unwrap_or(usize::MAX);
    let hidden = props.groups.len().saturating_sub(limit);
    html! {
        <>
            { list(&i18n, &props.feed, &props.groups, limit, "sw-groups") }
            if hidden > 0 {
                <p class="sw-groups-more">{ i18n.t_args("groups-more", &[("count", Arg::from(hidden))]) }</p>
            }
        </>
    }
}

/// The first `limit` of `groups` as a list. (Plain loops into a `Vec<Html>`, here and below:
/// each iterator chain in `html!` is code of its own in the first download.)
fn list(
    i18n: &I18n,
    feed: &Feed,
    groups: &[RequirementGroup],
    limit: usize,
    class: &'static str,
) -> Html {
    let mut items = Vec::new();
    for g in groups.iter().take(limit) {
        items.push(group(i18n, feed, g, limit));
    }
    html! { <ul {class}>{ items }</ul> }
}

/// One group: name and status on one line, then its members, then its nested groups.
fn group(i18n: &I18n, feed: &Feed, group: &RequirementGroup, limit: usize) -> Html {
    let hidden = group.members.len().saturating_sub(limit);
    let mut members = Vec::new();
    for m in group.members.iter().take(limit) {
        members.push(member(i18n, feed, m));
    }
    html! {
        <li class={if group.satisfied { "sw-group sw-group-complete" } else { "sw-group" }}>
            <p class="sw-group-head">
                <span class="sw-group-name">{ group_name(i18n, feed, group) }</span>
                <span class="sw-group-status">
                    if group.satisfied { <span aria-hidden="true">{ "✓ " }</span> }
                    { group_status(i18n, group) }
                </span>
            </p>
            if !members.is_empty() {
                <ul class="sw-chips">{ members }</ul>
            }
            if hidden > 0 {
                <p class="sw-groups-more">{ i18n.t_args("members-more", &[("count", Arg::from(hidden))]) }</p>
            }
            if !group.groups.is_empty() {
                { list(i18n, feed, &group.groups, limit, "sw-groups sw-groups-nested") }
            }
        </li>
    }
}

/// One member: its title, what it is worth in a credits group or what stands in for it, and
/// its state as an icon and a word.
fn member(i18n: &I18n, feed: &Feed, member: &Member) -> Html {
    let (name, lang) = title_marked(feed, i18n, &member.credential);
    let (mark, word, class) = member_state(i18n, member.state);
    let mut detail = Vec::new();
    if let Some(credits) = member.credits.filter(|c| *c > 0.0) {
        detail.push(i18n.t_args("count-credits", &[("count", Arg::from(credits))]));
    }
    if !member.via.is_empty() {
        let mut names = Vec::new();
        for id in &member.via {
            names.push(title(feed, i18n, id));
        }
        detail.push(i18n.t_args("member-via", &[("names", Arg::from(names.join(", ")))]));
    }
    html! {
        <li {class}>
            <span class="sw-chip-title">
                <span {lang}>{ name }</span>
                if !detail.is_empty() {
                    { " " }<span class="sw-chip-detail">{ detail.join(" · ") }</span>
                }
            </span>
            // A space between title and state: invisible in the flex row, but text read as a
            // whole (a screen reader's line, a copy) gets "Data Basics Held", not one word.
            { " " }<span class="sw-chip-state"><span aria-hidden="true">{ mark }</span>{ " " }{ word }</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackway_core::Text;

    fn feed() -> Feed {
        stackway_core::parse_feed(
            r#"{"stackway": 1, "id": "t", "languages": ["en", "fr"],
                "provider": {"id": "p", "name": "P"}, "credentials": []}"#,
        )
        .feed
        .expect("a feed")
    }

    fn group(kind: NodeKind, need: u32, members: usize, label: Option<Text>) -> RequirementGroup {
        RequirementGroup {
            kind,
            label,
            need,
            credits_need: (kind == NodeKind::Credits).then_some(6.0),
            satisfied: false,
            still_needed: need,
            credits_still_needed: (kind == NodeKind::Credits).then_some(4.5),
            members: (0..members)
                .map(|i| stackway_core::engine::Member {
                    credential: format!("c{i}"),
                    state: MemberState::Missing,
                    fraction: None,
                    via: Vec::new(),
                    credits: None,
                })
                .collect(),
            groups: Vec::new(),
        }
    }

    fn names(lang: &'static str, label: Option<Text>) -> Vec<String> {
        let i18n = I18n::new(lang);
        let feed = feed();
        [
            group(NodeKind::All, 3, 3, label.clone()),
            group(NodeKind::All, 1, 1, label.clone()),
            group(NodeKind::Any, 1, 2, label.clone()),
            group(NodeKind::Choose, 2, 3, label.clone()),
            group(NodeKind::Choose, 1, 3, label.clone()),
            group(NodeKind::Credits, 0, 3, label),
        ]
        .iter()
        .map(|g| group_name(&i18n, &feed, g))
        .collect()
    }

    /// Without a label, a group is named by its rule, in both languages.
    #[test]
    fn groups_are_named_by_their_rule() {
        assert_eq!(
            names("en", None),
            [
                "All of",
                "Required",
                "One of",
                "Choose 2 of",
                "One of",
                "6 credits from"
            ]
        );
        assert_eq!(
            names("fr", None),
            [
                "Tous ces titres",
                "Obligatoire",
                "Un au choix parmi",
                "2 au choix parmi",
                "Un au choix parmi",
                "6 crédits parmi"
            ]
        );
    }

    /// With the feed's label, the label comes first and the rule after it, in the widget's
    /// language.
    #[test]
    fn a_label_names_the_group_before_its_rule() {
        let label = Some(Text::Localized(stackway_core::feed::LangMap::first_wins(
            vec![
                ("en".into(), "Electives".into()),
                ("fr".into(), "Cours au choix".into()),
            ],
        )));
        assert_eq!(
            names("en", label.clone()),
            [
                "Electives: all of",
                "Electives: required",
                "Electives: one of",
                "Electives: choose 2 of",
                "Electives: one of",
                "Electives: 6 credits from"
            ]
        );
        assert_eq!(
            names("fr", label),
            [
                "Cours au choix\u{a0}: tous ces titres",
                "Cours au choix\u{a0}: obligatoire",
                "Cours au choix\u{a0}: un au choix parmi",
                "Cours au choix\u{a0}: 2 au choix parmi",
                "Cours au choix\u{a0}: un au choix parmi",
                "Cours au choix\u{a0}: 6 crédits parmi"
            ]
        );
    }

    /// What is still needed is said Degree Works' way, never "0 of 3 required"; one credit and
    /// decimal credits take the language's plural and decimal mark.
    #[test]
    fn a_group_says_what_it_still_needs() {
        let en = I18n::new("en");
        let fr = I18n::new("fr");
        let mut choose = group(NodeKind::Choose, 2, 3, None);
        choose.still_needed = 1;
        assert_eq!(group_status(&en, &choose), "Still needed: 1 more");
        assert_eq!(group_status(&fr, &choose), "À obtenir\u{a0}: encore 1");
        let credits = group(NodeKind::Credits, 0, 3, None);
        assert_eq!(
            group_status(&en, &credits),
            "Still needed: 4.5 more credits"
        );
        assert_eq!(
            group_status(&fr, &credits),
            "À obtenir\u{a0}: encore 4,5 crédits"
        );
        let mut one = credits.clone();
        one.credits_still_needed = Some(1.0);
        assert_eq!(group_status(&en, &one), "Still needed: 1 more credit");
        choose.satisfied = true;
        assert_eq!(group_status(&en, &choose), "Complete");
        assert_eq!(group_status(&fr, &choose), "Rempli");
    }
}
