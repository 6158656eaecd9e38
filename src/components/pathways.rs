//! Curated pathways from the feed, shown as ordered routes with the learner's marks.

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
    let pathways = state.feed.pathways.iter().map(|pathway| {
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
            let id = step.clone();
            let open = state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Open(id.clone()));
            html! {
                <li class={class}>
                    <button type="button" class="sw-link" onclick={open} lang={step_lang}>{ step_title }</button>
                    if let Some((icon, word)) = marker {
                        { " " }<span class="sw-badge"><span aria-hidden="true">{ icon }{ " " }</span>{ word }</span>
                    }
                </li>
            }
        });
        let (title, title_lang) = ctx.text_marked(&pathway.title);
        html! {
            <li class="sw-card sw-pathway">
                <h3 class="sw-card-title" lang={title_lang}>{ title }</h3>
                if let Some((summary, summary_lang)) = pathway.summary.as_ref().map(|s| ctx.text_marked(s)) {
                    <p lang={summary_lang}>{ summary }</p>
                }
                <p class="sw-meta">
                    { i18n.t_args("pathway-goal", &[("title", Arg::from(ctx.title(&pathway.goal)))]) }
                    { " · " }
                    { i18n.t_args("pathway-done", &[("done", Arg::from(done)), ("count", Arg::from(pathway.steps.len()))]) }
                </p>
                <ol class="sw-steps">{ for steps }</ol>
                <div class="sw-actions">
                    <button type="button" class="sw-button sw-primary" onclick={set_goal}>{ i18n.t("action-set-goal") }</button>
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
