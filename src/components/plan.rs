//! My plan (what-if): the credentials the learner holds (with dates) or plans, a goal, live
//! progress, and the best route to the goal by the learner's measure. Saved per feed; reset,
//! export, import and print.

use stackway_core::plan::Objective;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::add_badges::AddBadges;
use crate::format::money;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, Plan};

fn download(name: &str, json: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document
        .create_element("a")
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The plan view.
#[function_component]
pub fn PlanView() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let lang = i18n.lang();
    let feed = &state.feed;
    let plan = &state.plan;
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let import_error = use_state(|| false);

    let goal_change = state.dispatcher().to_callback().reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        Action::SetGoal((!value.is_empty()).then_some(value))
    });
    let objective_change = state.dispatcher().to_callback().reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        Action::Minimize(Objective::parse(&value).unwrap_or_default())
    });
    let goals = feed.credentials.iter().filter(|c| c.is_stackable()).map(|c| {
        let (title, lang) = ctx.text_marked(&c.title);
        html! { <option value={c.id.clone()} selected={plan.goal.as_deref() == Some(c.id.as_str())} {lang}>{ title }</option> }
    });
    let objectives = Objective::ALL.iter().map(|o| {
        html! { <option value={o.as_str()} selected={plan.minimize == *o}>{ i18n.t(&format!("objective-{}", o.as_str())) }</option> }
    });

    let goal_status = plan.goal.as_deref().and_then(|g| state.insights.program(g));
    let route = state.insights.goal_route.as_ref();

    let marked = plan
        .held
        .iter()
        .map(|(id, date)| (id.clone(), true, date.clone()))
        .chain(plan.planned.iter().map(|id| (id.clone(), false, None)))
        .map(|(id, held, date)| {
            let (title, title_lang) = ctx.title_marked(&id);
            let unmark = {
                let id = id.clone();
                state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Unmark(id.clone()))
            };
            let set_date = {
                let id = id.clone();
                state.dispatcher().to_callback().reform(move |e: Event| {
                    let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    Action::Hold(id.clone(), (!value.is_empty()).then_some(value))
                })
            };
            let expired = state.insights.expired.contains(&id);
            html! {
                <li class={classes!("sw-marked", if held { "sw-held" } else { "sw-planned" })}>
                    <span class="sw-badge">
                        <span aria-hidden="true">{ if held { "✓ " } else { "◷ " } }</span>
                        { i18n.t(if held { "mark-held" } else { "mark-planned" }) }
                    </span>
                    { " " }<span class="sw-marked-title" lang={title_lang}>{ title.clone() }</span>
                    if held {
                        <label class="sw-field sw-inline">
                            <span>{ i18n.t("plan-date") }</span>
                            <input type="date" value={date.unwrap_or_default()} onchange={set_date} />
                        </label>
                    }
                    if expired {
                        <span class="sw-badge sw-badge-expired"><span aria-hidden="true">{ "⌛ " }</span>{ i18n.t("plan-expired") }</span>
                    }
                    <button type="button" class="sw-button sw-quiet" onclick={unmark} aria-label={i18n.t_args("action-unmark-label", &[("title", Arg::from(title))])}>
                        { i18n.t("action-unmark") }
                    </button>
                </li>
            }
        })
        .collect::<Html>();

    let reset = state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::ResetPlan);
    let export = {
        let plan = plan.clone();
        let feed_id = feed.id.clone();
        Callback::from(move |_: MouseEvent| {
            let json = plan.to_json();
            download(&format!("stackway-plan-{feed_id}.json"), &json);
        })
    };
    let import = {
        let dispatcher = state.dispatcher();
        let reader = reader.clone();
        let import_error = import_error.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let dispatcher = dispatcher.clone();
            let import_error = import_error.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |text| {
                    match text.ok().and_then(|t| Plan::from_json(&t).ok()) {
                        Some(plan) => {
                            import_error.set(false);
                            dispatcher.dispatch(Action::ImportPlan(plan));
                        }
                        None => import_error.set(true),
                    }
                });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    let route_view = route.map(|route| {
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
        let currency = route.currency.clone().unwrap_or_else(|| "CAD".into());
        let steps = route.steps.iter().enumerate().map(|(index, step)| {
            let mut facts = Vec::new();
            if let Some(cost) = step.cost {
                facts.push(money(cost, step.currency.as_deref().unwrap_or(&currency), lang));
            }
            if let Some(weeks) = step.weeks {
                facts.push(i18n.t_args("count-weeks", &[("count", Arg::from(weeks))]));
            }
            if let Some(hours) = step.hours {
                facts.push(i18n.t_args("count-hours", &[("count", Arg::from(hours))]));
            }
            let id = step.credential.clone();
            let open = state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Open(id.clone()));
            let id = step.credential.clone();
            let plan_it = state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Plan(id.clone()));
            let unlocks = state.insights.unlocks.get(index);
            let names = |ids: &[String]| ids.iter().map(|u| ctx.title(u)).collect::<Vec<_>>().join(", ");
            let (step_title, step_lang) = ctx.title_marked(&step.credential);
            html! {
                <li class="sw-step">
                    <button type="button" class="sw-link" onclick={open} lang={step_lang}>{ step_title }</button>
                    if !facts.is_empty() { { " " }<span class="sw-meta">{ facts.join(" · ") }</span> }
                    if let Some(unlocks) = unlocks {
                        if !unlocks.completes.is_empty() {
                            <p class="sw-meta">
                                <span aria-hidden="true">{ "★ " }</span>
                                { i18n.t_args("route-completes", &[("names", Arg::from(names(&unlocks.completes)))]) }
                            </p>
                        }
                        if !unlocks.opens.is_empty() {
                            <p class="sw-meta">
                                <span aria-hidden="true">{ "⤴ " }</span>
                                { i18n.t_args("route-opens", &[("names", Arg::from(names(&unlocks.opens)))]) }
                            </p>
                        }
                    }
                    if state.mark(&step.credential) == crate::state::Mark::None {
                        <button type="button" class="sw-button sw-quiet sw-no-print" onclick={plan_it}
                            aria-label={i18n.t_args("action-plan-label", &[("title", Arg::from(ctx.title(&step.credential)))])}>
                            { i18n.t("action-plan") }
                        </button>
                    }
                </li>
            }
        });
        let t = &route.total;
        html! {
            <>
                <ol class="sw-steps sw-route">{ for steps }</ol>
                <p class="sw-totals">
                    { i18n.t_args("route-totals", &[
                        ("cost", Arg::from(money(t.cost, &currency, lang))),
                        ("hours", Arg::from(t.hours)),
                        ("weeks", Arg::from(t.weeks)),
                        ("credits", Arg::from(t.credits)),
                    ]) }
                </p>
                if !route.optimal {
                    <p class="sw-meta">{ i18n.t("route-not-proven") }</p>
                }
                if !route.unknown.is_empty() {
                    <p class="sw-meta">{ i18n.t_args("route-unknown", &[("names", Arg::from(route.unknown.iter().map(|id| ctx.title(id)).collect::<Vec<_>>().join(", ")))]) }</p>
                }
            </>
        }
    });

    html! {
        <section class="sw-plan" aria-label={i18n.t("view-plan")}>
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
            if let (Some(goal), Some(status)) = (plan.goal.as_deref(), goal_status) {
                <div class="sw-goal" aria-live="polite">
                    <h3>{ i18n.t_args("plan-goal-heading", &[("title", Arg::from(ctx.title(goal)))]) }</h3>
                    <div class="sw-progress-row">
                        <progress max="100" value={(status.fraction.clamp(0.0, 1.0) * 100.0).round().to_string()} aria-label={i18n.t_args("progress-label", &[("title", Arg::from(ctx.title(goal)))])}></progress>
                        <span class="sw-percent">{ i18n.t_args("progress-percent", &[("percent", Arg::from((status.fraction.clamp(0.0, 1.0) * 100.0).round()))]) }</span>
                    </div>
                    <p class="sw-summary">{ status.summary.iter().map(|m| ctx.message(m)).collect::<Vec<_>>().join(" · ") }</p>
                    if !status.explanations.is_empty() {
                        <ul class="sw-explanations">
                            { for status.explanations.iter().map(|m| html! { <li>{ ctx.message(m) }</li> }) }
                        </ul>
                    }
                    <h4>{ i18n.t("route-heading") }</h4>
                    { for route_view }
                </div>
            } else {
                <p class="sw-help">{ i18n.t("plan-choose-goal") }</p>
            }
            <h3>{ i18n.t("plan-mine") }</h3>
            <AddBadges on_hold={state.dispatcher().to_callback().reform(Action::HoldAll)} />
            if plan.held.is_empty() && plan.planned.is_empty() {
                <p class="sw-help">{ i18n.t("plan-empty") }</p>
            } else {
                <ul class="sw-marked-list">{ marked }</ul>
            }
            <div class="sw-actions sw-no-print">
                <button type="button" class="sw-button" onclick={print}>{ i18n.t("plan-print") }</button>
                <button type="button" class="sw-button" onclick={export}>{ i18n.t("plan-export") }</button>
                <label class="sw-button sw-file">
                    <span>{ i18n.t("plan-import") }</span>
                    <input type="file" accept=".json,application/json" onchange={import} class="sw-visually-hidden" />
                </label>
                <button type="button" class="sw-button sw-quiet" onclick={reset}>{ i18n.t("plan-reset") }</button>
            </div>
            if *import_error {
                <p class="sw-notice sw-missing" role="alert">{ i18n.t("plan-import-error") }</p>
            }
        </section>
    }
}
