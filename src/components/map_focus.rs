//! The map around one program, for narrow screens: its building blocks, the program, and what
//! it leads to, as one vertical line of stops like a transit line or a college's career ladder.
//! It is ordinary HTML (lists and buttons), so it reflows at 320 px, reads well with a screen
//! reader, and its text is as large as the page's.
//!
//! Each "choose", "any" or "credits" group of the program's requirements is one container with
//! its rule in words, instead of one line per option (the research note's "choose n" idea).

use stackway_core::{Credential, Requirement};
use yew::prelude::*;

use crate::context::Ctx;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, Mark};

/// Properties of [`MapFocus`].
#[derive(Properties, PartialEq)]
pub struct MapFocusProps {
    /// The program at the centre, by its index in the feed.
    pub program: usize,
    /// Whether it is the learner's goal (else the first program of the feed).
    pub is_goal: bool,
}

/// One group of stops: a rule in words (none for plain required credentials) and its members.
struct Group {
    rule: Option<String>,
    members: Vec<String>,
}

/// The groups of a program's requirements: credentials required outright first, then one group
/// per choice, each named by the feed's label or else by its rule.
fn groups(ctx: &Ctx, requirement: &Requirement) -> Vec<Group> {
    let mut required = Vec::new();
    let mut out = Vec::new();
    let children: Vec<&Requirement> = match requirement {
        Requirement::All { all, label: None } => all.iter().collect(),
        other => vec![other],
    };
    for child in children {
        match child {
            Requirement::Credential(id) => required.push(id.clone()),
            group => out.push(Group {
                rule: Some(rule(ctx, group)),
                members: group
                    .referenced_ids()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            }),
        }
    }
    if !required.is_empty() {
        out.insert(
            0,
            Group {
                rule: None,
                members: required,
            },
        );
    }
    out
}

/// A group's rule in words, with the feed's label when it has one.
fn rule(ctx: &Ctx, group: &Requirement) -> String {
    let i18n = &ctx.i18n;
    let words = match group {
        // One credential asked for is "Required", as on the program cards: "All of these" above
        // a single stop reads as if something were missing.
        Requirement::Credential(_) => i18n.t("map-group-one"),
        Requirement::All { all, .. } if all.len() == 1 => i18n.t("map-group-one"),
        Requirement::All { .. } => i18n.t("map-group-all"),
        Requirement::Any { .. } => i18n.t("map-group-any"),
        Requirement::Choose { choose, from, .. } => i18n.t_args(
            "map-group-choose",
            &[
                ("count", Arg::from(*choose as usize)),
                ("total", Arg::from(from.len())),
            ],
        ),
        Requirement::Credits { credits, .. } => {
            let amount = i18n.t_args(
                "count-credits",
                &[
                    ("count", Arg::from(*credits)),
                    (
                        "formatted",
                        Arg::from(crate::format::number(*credits, i18n.lang())),
                    ),
                ],
            );
            i18n.t_args("map-group-credits", &[("credits", Arg::from(amount))])
        }
    };
    match group.label() {
        Some(label) => format!("{} · {words}", ctx.text(label)),
        None => words,
    }
}

/// The map around one program, as a line of stops.
#[function_component]
pub fn MapFocus(props: &MapFocusProps) -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let graph = state.graph();
    let Some(program) = state.feed.credentials.get(props.program) else {
        return html! {};
    };
    let stop = |id: &str, goal: bool| stop(&ctx, id, goal);
    let group_html = |group: &Group| {
        html! {
            <li class={classes!("sw-focus-group", group.rule.is_some().then_some("sw-focus-choice"))}>
                if let Some(rule) = &group.rule {
                    <p class="sw-focus-rule">{ rule }</p>
                }
                <ul class="sw-focus-stops">{ for group.members.iter().map(|id| stop(id, false)) }</ul>
            </li>
        }
    };
    let blocks = program
        .requires
        .as_ref()
        .map(|r| groups(&ctx, r))
        .unwrap_or_default();
    let before = program
        .prerequisites
        .as_ref()
        .map(|r| groups(&ctx, r))
        .unwrap_or_default();
    let leads_to: Vec<String> = graph
        .targets_of(props.program)
        .into_iter()
        .filter_map(|i| graph.ids.get(i).cloned())
        .collect();
    let title = ctx.text(&program.title);
    let heading = if props.is_goal {
        i18n.t("map-focus-goal")
    } else {
        i18n.t("map-focus-program")
    };
    html! {
        <section class="sw-focus" aria-label={i18n.t_args("map-focus-label", &[("title", Arg::from(title))])}>
            <ol class="sw-focus-line">
                if !before.is_empty() {
                    <li class="sw-focus-step">
                        <h3 class="sw-focus-label">{ i18n.t("map-focus-before") }</h3>
                        <ul class="sw-focus-groups">{ for before.iter().map(group_html) }</ul>
                    </li>
                }
                if !blocks.is_empty() {
                    <li class="sw-focus-step">
                        <h3 class="sw-focus-label">{ i18n.t("map-focus-blocks") }</h3>
                        <ul class="sw-focus-groups">{ for blocks.iter().map(group_html) }</ul>
                    </li>
                }
                <li class="sw-focus-step sw-focus-centre">
                    <h3 class="sw-focus-label">{ heading }</h3>
                    <ul class="sw-focus-stops">{ stop(&program.id, true) }</ul>
                </li>
                <li class="sw-focus-step">
                    <h3 class="sw-focus-label">{ i18n.t("map-focus-leads-to") }</h3>
                    if leads_to.is_empty() {
                        <p class="sw-focus-rule">{ i18n.t("map-focus-top") }</p>
                    } else {
                        <ul class="sw-focus-stops">{ for leads_to.iter().map(|id| stop(id, false)) }</ul>
                    }
                </li>
            </ol>
        </section>
    }
}

/// One stop: the credential's title (opening its detail) and its status in icon and words.
fn stop(ctx: &Ctx, id: &str, goal: bool) -> Html {
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let Some(credential): Option<&Credential> = state.feed.credential(id) else {
        return html! {};
    };
    let (title, title_lang) = ctx.text_marked(&credential.title);
    let program = state.insights.program(id);
    let status = match state.mark(id) {
        Mark::Held => Some(("sw-held", "✓", i18n.t("mark-held"))),
        Mark::Planned => Some(("sw-planned", "◷", i18n.t("mark-planned"))),
        Mark::None if program.is_some_and(|p| p.satisfied) => {
            Some(("sw-held", "✓", i18n.t("mark-earned")))
        }
        Mark::None if state.insights.available.contains(id) => {
            Some(("sw-available", "→", i18n.t("mark-available")))
        }
        Mark::None => None,
    };
    let open = {
        let id = id.to_owned();
        state
            .dispatcher()
            .to_callback()
            .reform(move |_: MouseEvent| Action::Open(id.clone()))
    };
    html! {
        <li class={classes!("sw-focus-stop", goal.then_some("sw-focus-goal"), status.as_ref().map(|s| s.0))}>
            <button type="button" class="sw-link" onclick={open} lang={title_lang}>{ title }</button>
            <span class="sw-meta">
                if let Some((_, icon, word)) = &status {
                    <span aria-hidden="true">{ *icon }{ " " }</span>{ word }{ " · " }
                }
                { ctx.kind(credential.kind) }
            </span>
        </li>
    }
}
