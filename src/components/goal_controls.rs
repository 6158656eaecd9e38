//! The plan's goal and the measure its best route minimises, as two choices.

use stackway_core::plan::Objective;
use yew::prelude::*;

use crate::hooks::use_ctx;

/// Properties of [`GoalControls`].
#[derive(Properties, PartialEq)]
pub struct GoalControlsProps {
    /// Called with the chosen goal's credential id, or `None` for no goal.
    pub on_choose_goal: Callback<Option<String>>,
    /// Called with the measure chosen for the best route.
    pub on_minimize: Callback<Objective>,
}

/// The goal (any stackable credential of the feed) and the measure to minimise.
#[function_component]
pub fn GoalControls(props: &GoalControlsProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let plan = &ctx.state.plan;
    let goal_change = props.on_choose_goal.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        (!value.is_empty()).then_some(value)
    });
    let objective_change = props.on_minimize.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        Objective::parse(&value).unwrap_or_default()
    });
    let goals = ctx.state.feed.credentials.iter().filter(|c| c.is_stackable()).map(|c| {
        let (title, lang) = ctx.text_marked(&c.title);
        html! { <option value={c.id.clone()} selected={plan.goal.as_deref() == Some(c.id.as_str())} {lang}>{ title }</option> }
    });
    let objectives = Objective::ALL.iter().map(|o| {
        html! { <option value={o.as_str()} selected={plan.minimize == *o}>{ i18n.t(&format!("objective-{}", o.as_str())) }</option> }
    });
    html! {
        <div class="sw-plan-controls sw-no-print">
            <label class="sw-field">
                <span>{ i18n.t("plan-goal") }</span>
                <select onchange={goal_change}>
                    <option value="" selected={plan.goal.is_none()}>{ i18n.t("plan-goal-none") }</option>
                    { for goals }
                </select>
            </label>
            <label class="sw-field">
                <span>{ i18n.t("plan-minimize") }</span>
                <select onchange={objective_change}>{ for objectives }</select>
            </label>
        </div>
    }
}
