//! The credentials the learner marked: held ones with the date earned (which they can set) and
//! whether they have expired, planned ones, each with a button to unmark it.

use yew::prelude::*;

use crate::hooks::use_ctx;
use crate::i18n::Arg;

/// Properties of [`MarkedList`].
#[derive(Properties, PartialEq)]
pub struct MarkedListProps {
    /// Called with a credential id to remove its mark.
    pub on_unmark: Callback<String>,
    /// Called with a held credential's id and the date it was earned (`YYYY-MM-DD`), or `None`
    /// when the learner cleared it.
    pub on_date: Callback<(String, Option<String>)>,
}

/// The held credentials, then the planned ones; a short help line when there are none.
#[function_component]
pub fn MarkedList(props: &MarkedListProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let state = &ctx.state;
    let plan = &state.plan;
    if plan.held.is_empty() && plan.planned.is_empty() {
        return html! { <p class="sw-help">{ i18n.t("plan-empty") }</p> };
    }
    let marked = plan
        .held
        .iter()
        .map(|(id, date)| (id.clone(), true, date.clone()))
        .chain(plan.planned.iter().map(|id| (id.clone(), false, None)))
        .map(|(id, held, date)| {
            let (title, title_lang) = ctx.title_marked(&id);
            let unmark = {
                let id = id.clone();
                props.on_unmark.reform(move |_: MouseEvent| id.clone())
            };
            let set_date = {
                let id = id.clone();
                props.on_date.reform(move |e: Event| {
                    let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    (id.clone(), (!value.is_empty()).then_some(value))
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
        });
    html! { <ul class="sw-marked-list">{ for marked }</ul> }
}
