//! My plan (what-if): the credentials the learner holds (with dates) or plans, a goal, live
//! progress, and the best route to the goal by the learner's measure. Saved per feed; reset,
//! export, import and print. This view only lays out its parts and turns what they report
//! (ids, dates, a plan) into the state's actions.

use yew::prelude::*;

use super::add_badges::AddBadges;
use super::goal_controls::GoalControls;
use super::goal_progress::GoalProgress;
use super::marked_list::MarkedList;
use super::plan_actions::PlanActions;
use crate::hooks::use_ctx;
use crate::state::Action;

/// The plan view.
#[function_component]
pub fn PlanView() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let dispatch = state.dispatcher().to_callback();
    // The goal's progress is shown once the engine has reported on it.
    let goal = state
        .plan
        .goal
        .clone()
        .filter(|goal| state.insights.program(goal).is_some());
    html! {
        <section class="sw-plan" aria-label={i18n.t("view-plan")}>
            <GoalControls
                on_choose_goal={dispatch.reform(Action::SetGoal)}
                on_minimize={dispatch.reform(Action::Minimize)}
            />
            if let Some(goal) = goal {
                <GoalProgress
                    {goal}
                    on_open={dispatch.reform(Action::Open)}
                    on_plan={dispatch.reform(Action::Plan)}
                />
            } else {
                <p class="sw-help">{ i18n.t("plan-choose-goal") }</p>
            }
            <h3>{ i18n.t("plan-mine") }</h3>
            <AddBadges on_hold={dispatch.reform(Action::HoldAll)} />
            <MarkedList
                on_unmark={dispatch.reform(Action::Unmark)}
                on_date={dispatch.reform(|(id, date)| Action::Hold(id, date))}
            />
            <PlanActions
                on_import={dispatch.reform(Action::ImportPlan)}
                on_reset={dispatch.reform(|()| Action::ResetPlan)}
            />
        </section>
    }
}
