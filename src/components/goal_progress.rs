//! How far the learner is from their goal: its progress, the engine's words about it, and the
//! best route to it.

use yew::prelude::*;

use super::route_view::RouteView;
use crate::hooks::use_ctx;
use crate::i18n::Arg;

/// Properties of [`GoalProgress`].
#[derive(Properties, PartialEq)]
pub struct GoalProgressProps {
    /// The goal's credential id (a stackable credential the engine reported on).
    pub goal: String,
    /// Called with a credential id to open its detail.
    pub on_open: Callback<String>,
    /// Called with a credential id to add it to the plan.
    pub on_plan: Callback<String>,
}

/// The goal's heading, progress bar, summary and explanations, then its best route.
#[function_component]
pub fn GoalProgress(props: &GoalProgressProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let Some(status) = ctx.state.insights.program(&props.goal) else {
        return html! {};
    };
    let title = ctx.title(&props.goal);
    let percent = (status.fraction.clamp(0.0, 1.0) * 100.0).round();
    html! {
        <div class="sw-goal" aria-live="polite">
            <h3>{ i18n.t_args("plan-goal-heading", &[("title", Arg::from(title.clone()))]) }</h3>
            <div class="sw-progress-row">
                <progress max="100" value={percent.to_string()} aria-label={i18n.t_args("progress-label", &[("title", Arg::from(title))])}></progress>
                <span class="sw-percent">{ i18n.t_args("progress-percent", &[("percent", Arg::from(percent))]) }</span>
            </div>
            <p class="sw-summary">{ status.summary.iter().map(|m| ctx.message(m)).collect::<Vec<_>>().join(" · ") }</p>
            if !status.explanations.is_empty() {
                <ul class="sw-explanations">
                    { for status.explanations.iter().map(|m| html! { <li>{ ctx.message(m) }</li> }) }
                </ul>
            }
            <h4>{ i18n.t("route-heading") }</h4>
            <RouteView on_open={props.on_open.clone()} on_plan={props.on_plan.clone()} />
        </div>
    }
}
