//! One stackable credential as a card: progress bar and words, what is missing, and what the
//! cheapest route still costs.

use yew::prelude::*;

use super::use_ctx;
use crate::format::{money, number};
use crate::i18n::Arg;
use crate::state::{insights::ProgramStatus, Action};

/// Properties of [`ProgramCard`].
#[derive(Properties, PartialEq)]
pub struct ProgramCardProps {
    /// The engine's view of this program for the learner's plan.
    pub status: ProgramStatus,
}

/// A program card.
#[function_component]
pub fn ProgramCard(props: &ProgramCardProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let lang = i18n.lang();
    let status = &props.status;
    let Some(credential) = ctx.state.feed.credential(&status.id) else {
        return html! {};
    };
    let title = ctx.text(&credential.title);
    let percent = (status.fraction.clamp(0.0, 1.0) * 100.0).round();
    let id = status.id.clone();
    let open = ctx
        .state
        .dispatcher()
        .to_callback()
        .reform(move |_: MouseEvent| Action::Open(id.clone()));
    let id = status.id.clone();
    let set_goal = ctx
        .state
        .dispatcher()
        .to_callback()
        .reform(move |_: MouseEvent| Action::SetGoal(Some(id.clone())));
    let is_goal = ctx.state.plan.goal.as_deref() == Some(status.id.as_str());
    let summary: Vec<String> = status.summary.iter().map(|m| ctx.message(m)).collect();
    let route = status
        .route
        .as_ref()
        .filter(|r| r.feasible && !status.satisfied)
        .map(|route| {
            let mut parts =
                vec![i18n.t_args("count-steps", &[("count", Arg::from(route.steps.len()))])];
            if route.total.cost > 0.0 {
                parts.push(money(
                    route.total.cost,
                    route.currency.as_deref().unwrap_or("CAD"),
                    lang,
                ));
            }
            if route.total.hours > 0.0 {
                parts.push(i18n.t_args("count-hours", &[("count", Arg::from(route.total.hours))]));
            }
            if route.total.weeks > 0.0 {
                parts.push(i18n.t_args("count-weeks", &[("count", Arg::from(route.total.weeks))]));
            }
            parts.join(" · ")
        });
    html! {
        <li class={classes!("sw-card", status.satisfied.then_some("sw-complete"))}>
            <h3 class="sw-card-title">{ title.clone() }</h3>
            <p class="sw-meta">{ ctx.kind(credential.kind) }</p>
            <div class="sw-progress-row">
                <progress max="100" value={percent.to_string()} aria-label={i18n.t_args("progress-label", &[("title", Arg::from(title.clone()))])}>
                    { format!("{}%", number(percent, lang)) }
                </progress>
                <span class="sw-percent">
                    if status.satisfied { <span aria-hidden="true">{ "✓ " }</span> }
                    { i18n.t_args("progress-percent", &[("percent", Arg::from(percent))]) }
                </span>
            </div>
            if !summary.is_empty() {
                <p class="sw-summary">{ summary.join(" · ") }</p>
            }
            if !status.missing.is_empty() && !status.satisfied {
                <p class="sw-missing-list">
                    { i18n.t_args("program-missing", &[("names", Arg::from(status.missing.iter().take(5).map(|id| ctx.title(id)).collect::<Vec<_>>().join(", ")))]) }
                    if status.missing.len() > 5 {
                        { " " }{ i18n.t_args("program-missing-more", &[("count", Arg::from(status.missing.len() - 5))]) }
                    }
                </p>
            }
            if let Some(route) = route {
                <p class="sw-route-summary">{ i18n.t("program-route") }{ " " }{ route }</p>
            } else if ctx.state.insights.routes_pending && !status.satisfied {
                // The planner is on its way (the widget's second module): keep the line's room so
                // that the card does not grow when the route arrives.
                <p class="sw-route-summary sw-pending">{ i18n.t("program-route") }{ " " }{ i18n.t("program-route-pending") }</p>
            }
            <div class="sw-actions">
                <button type="button" class="sw-button" onclick={open}>{ i18n.t("action-details") }</button>
                if is_goal {
                    <span class="sw-badge sw-badge-goal"><span aria-hidden="true">{ "★ " }</span>{ i18n.t("program-is-goal") }</span>
                } else if !status.satisfied {
                    <button type="button" class="sw-button sw-primary" onclick={set_goal}>{ i18n.t("action-set-goal") }</button>
                }
            </div>
        </li>
    }
}
