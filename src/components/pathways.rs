//! Curated pathways from the feed, shown as ordered routes with the learner's marks. A step or
//! a goal that several pathways share is named with its pathway, so that every button of the
//! view has a name of its own.

use yew::prelude::*;

use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, Mark};

/// The Pathways view.
#[function_component]
pub fn Pathways() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let pathways_of = |id: &str, goal: bool| {
        state
            .feed
            .pathways
            .iter()
            .filter(|p| {
                if goal {
                    p.goal == id
                } else {
                    p.steps.iter().any(|s| s == id)
                }
            })
            .count()
    };
    let pathways = state.feed.pathways.iter().map(|pathway| {
        let (title, title_lang) = ctx.text_marked(&pathway.title);
        let goal_title = ctx.title(&pathway.goal);
        let goal_name = if pathways_of(&pathway.goal, true) > 1 {
            format!("{goal_title} ({title})")
        } else {
            goal_title.clone()
        };
        let goal = pathway.goal.clone();
        let set_goal = state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::SetGoal(Some(goal.clone())));
        let done = pathway.steps.iter().filter(|s| state.mark(s) == Mark::Held).count();
        let steps = pathway.steps.iter().map(|step| {
            let (class, marker) = match state.mark(step) {
                Mark::Held => ("sw-step sw-held", Some(("✓", i18n.t("mark-held")))),
                Mark::Planned => ("sw-step sw-planned", Some(("◷", i18n.t("mark-planned")))),
                Mark::None => ("sw-step", None),
            };
            let (step_title, step_lang) = ctx.title_marked(step);
            let name = (pathways_of(step, false) > 1).then(|| format!("{step_title} ({title})"));
            let id = step.clone();
            let open = state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Open(id.clone()));
            html! {
                <li class={class}>
                    <button type="button" class="sw-link" onclick={open} lang={step_lang} aria-label={name}>{ step_title }</button>
                    if let Some((icon, word)) = marker {
                        { " " }<span class="sw-badge"><span aria-hidden="true">{ icon }{ " " }</span>{ word }</span>
                    }
                </li>
            }
        });
        html! {
            <li class="sw-card sw-pathway">
                <h3 class="sw-card-title" lang={title_lang}>{ title.clone() }</h3>
                if let Some((summary, summary_lang)) = pathway.summary.as_ref().map(|s| ctx.text_marked(s)) {
                    <p lang={summary_lang}>{ summary }</p>
                }
                <p class="sw-meta">
                    { i18n.t_args("pathway-goal", &[("title", Arg::from(goal_title))]) }
                    { " · " }
                    { i18n.t_args("pathway-done", &[("done", Arg::from(done)), ("count", Arg::from(pathway.steps.len()))]) }
                </p>
                <ol class="sw-steps">{ for steps }</ol>
                <div class="sw-actions">
                    <button type="button" class="sw-button sw-primary" onclick={set_goal} aria-label={i18n.t_args("action-set-goal-label", &[("title", Arg::from(goal_name))])}>
                        { i18n.t("action-set-goal") }
                    </button>
                </div>
            </li>
        }
    });
    html! {
        <section class="sw-pathways" aria-label={i18n.t("view-pathways")}>
            if state.feed.pathways.is_empty() {
                <p class="sw-notice">{ i18n.t("pathways-none") }</p>
            } else {
                <ul class="sw-cards">{ for pathways }</ul>
            }
        </section>
    }
}
