//! How a credential stacks: for a program, its requirement groups with each member's state (all
//! of them, where its card shows the first few); what must be held before starting it, and
//! whether the learner does; what it counts toward; and the credit transfers it is part of.
//! Credentials named here are buttons that open their own details.

use yew::prelude::*;

use super::requirement_groups::RequirementGroups;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{insights, Action};

/// Properties of [`DetailStacking`].
#[derive(Properties, PartialEq)]
pub struct DetailStackingProps {
    /// The credential's id.
    pub id: AttrValue,
}

/// The stacking part of the detail panel.
#[function_component]
pub fn DetailStacking(props: &DetailStackingProps) -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let Some(credential) = state.feed.credential(&props.id) else {
        return html! {};
    };
    let i18n = &ctx.i18n;
    let open = |id: String| {
        state
            .dispatcher()
            .to_callback()
            .reform(move |_: MouseEvent| Action::Open(id.clone()))
    };
    let links = |ids: Vec<String>| {
        html! {
            <ul class="sw-inline-list">
                { for ids.into_iter().map(|id| {
                    let (title, lang) = ctx.title_marked(&id);
                    html! { <li><button type="button" class="sw-link" onclick={open(id)} {lang}>{ title }</button></li> }
                }) }
            </ul>
        }
    };
    let groups = credential
        .is_stackable()
        .then(|| insights::requirement_groups(state, &credential.id))
        .filter(|groups| !groups.is_empty());
    let toward = insights::counts_toward(&state.catalog, &credential.id);
    let prerequisites: Vec<String> = credential
        .prerequisites
        .as_ref()
        .map(|p| p.referenced_ids().into_iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let prerequisites_met = state.insights.prerequisites_met(&credential.id);
    let equivalences: Vec<String> = state
        .feed
        .equivalences
        .iter()
        .filter(|e| e.counts_as == credential.id || e.holding.contains(&credential.id))
        .map(|e| {
            let holding: Vec<String> = e.holding.iter().map(|h| ctx.title(h)).collect();
            let mut line = i18n.t_args(
                "detail-equivalence",
                &[
                    ("holding", Arg::from(holding.join(" + "))),
                    ("target", Arg::from(ctx.title(&e.counts_as))),
                ],
            );
            if let Some(note) = &e.note {
                line.push_str(" — ");
                line.push_str(&ctx.text(note));
            }
            line
        })
        .collect();
    html! {
        <>
            if let Some(groups) = groups {
                <h4>{ i18n.t("detail-requirements") }</h4>
                <RequirementGroups feed={state.feed.clone()} {groups} />
            }
            if !prerequisites.is_empty() {
                <h4>{ i18n.t("detail-prerequisites") }</h4>
                <p class={classes!("sw-state", if prerequisites_met { "sw-ok" } else { "sw-missing" })}>
                    <span aria-hidden="true">{ if prerequisites_met { "✓ " } else { "✖ " } }</span>
                    { i18n.t(if prerequisites_met { "detail-prerequisites-met" } else { "detail-prerequisites-unmet" }) }
                </p>
                { links(prerequisites) }
            }
            if !toward.is_empty() {
                <h4>{ i18n.t("detail-counts-toward") }</h4>
                { links(toward) }
            }
            if !equivalences.is_empty() {
                <h4>{ i18n.t("detail-equivalences") }</h4>
                <ul class="sw-inline-list">{ for equivalences.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
        </>
    }
}
