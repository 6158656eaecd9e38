//! The best route to the plan's goal, as the planner gave it: why there is none, that the goal
//! is met, or its steps in order (each with what it costs, completes and opens, and a button
//! to plan it) and their totals.

use stackway_core::plan::{RouteStep, Unlocks};
use yew::prelude::*;

use crate::context::Ctx;
use crate::format::money;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::Mark;

/// Properties of [`RouteView`].
#[derive(Properties, PartialEq)]
pub struct RouteViewProps {
    /// Called with a step's credential id to open its detail.
    pub on_open: Callback<String>,
    /// Called with a step's credential id to add it to the plan.
    pub on_plan: Callback<String>,
}

/// The goal's route (nothing while there is none, e.g. before the planner has arrived).
#[function_component]
pub fn RouteView(props: &RouteViewProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let state = &ctx.state;
    let Some(route) = state.insights.goal_route.as_ref() else {
        return html! {};
    };
    if !route.feasible {
        return html! {
            <p class="sw-notice sw-missing" role="status">
                <span aria-hidden="true">{ "✖ " }</span>
                { route.infeasible.as_ref().map(|i| ctx.message(&i.reason)).unwrap_or_else(|| i18n.t("route-infeasible")) }
            </p>
        };
    }
    if route.already_met || route.steps.is_empty() {
        return html! { <p class="sw-state sw-ok"><span aria-hidden="true">{ "✓ " }</span>{ i18n.t("route-done") }</p> };
    }
    let currency = route.currency.as_deref().unwrap_or("CAD");
    let steps = route.steps.iter().enumerate().map(|(index, step)| {
        step_item(
            &ctx,
            props,
            step,
            currency,
            state.insights.unlocks.get(index),
        )
    });
    let t = &route.total;
    html! {
        <>
            <ol class="sw-steps sw-route">{ for steps }</ol>
            <p class="sw-totals">
                { i18n.t_args("route-totals", &[
                    ("cost", Arg::from(money(t.cost, currency, i18n.lang()))),
                    ("hours", Arg::from(t.hours)),
                    ("weeks", Arg::from(t.weeks)),
                    ("credits", Arg::from(t.credits)),
                ]) }
            </p>
            if !route.optimal {
                <p class="sw-meta">{ i18n.t("route-not-proven") }</p>
            }
            if !route.unknown.is_empty() {
                <p class="sw-meta">{ i18n.t_args("route-unknown", &[("names", Arg::from(titles(&ctx, &route.unknown)))]) }</p>
            }
        </>
    }
}

/// One step of the route as an item of its ordered list: the credential (a link to its detail),
/// what it costs in money and time, what it completes and opens, and a button to plan it unless
/// it is held or planned already. `currency` is the route's, for a step that names none.
fn step_item(
    ctx: &Ctx,
    props: &RouteViewProps,
    step: &RouteStep,
    currency: &str,
    unlocks: Option<&Unlocks>,
) -> Html {
    let i18n = &ctx.i18n;
    let mut facts = Vec::new();
    if let Some(cost) = step.cost {
        let currency = step.currency.as_deref().unwrap_or(currency);
        facts.push(money(cost, currency, i18n.lang()));
    }
    if let Some(weeks) = step.weeks {
        facts.push(i18n.t_args("count-weeks", &[("count", Arg::from(weeks))]));
    }
    if let Some(hours) = step.hours {
        facts.push(i18n.t_args("count-hours", &[("count", Arg::from(hours))]));
    }
    let id = step.credential.clone();
    let open = props.on_open.reform(move |_: MouseEvent| id.clone());
    let id = step.credential.clone();
    let plan_it = props.on_plan.reform(move |_: MouseEvent| id.clone());
    let (title, title_lang) = ctx.title_marked(&step.credential);
    html! {
        <li class="sw-step">
            <button type="button" class="sw-link" onclick={open} lang={title_lang}>{ title.clone() }</button>
            if !facts.is_empty() { { " " }<span class="sw-meta">{ facts.join(" · ") }</span> }
            if let Some(unlocks) = unlocks {
                if !unlocks.completes.is_empty() {
                    <p class="sw-meta">
                        <span aria-hidden="true">{ "★ " }</span>
                        { i18n.t_args("route-completes", &[("names", Arg::from(titles(ctx, &unlocks.completes)))]) }
                    </p>
                }
                if !unlocks.opens.is_empty() {
                    <p class="sw-meta">
                        <span aria-hidden="true">{ "⤴ " }</span>
                        { i18n.t_args("route-opens", &[("names", Arg::from(titles(ctx, &unlocks.opens)))]) }
                    </p>
                }
            }
            if ctx.state.mark(&step.credential) == Mark::None {
                <button type="button" class="sw-button sw-quiet sw-no-print" onclick={plan_it}
                    aria-label={i18n.t_args("action-plan-label", &[("title", Arg::from(title))])}>
                    { i18n.t("action-plan") }
                </button>
            }
        </li>
    }
}

/// The titles of credentials `ids`, as a list in a sentence.
fn titles(ctx: &Ctx, ids: &[String]) -> String {
    ids.iter()
        .map(|id| ctx.title(id))
        .collect::<Vec<_>>()
        .join(", ")
}
