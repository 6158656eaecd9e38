//! Explore's filter form. Every change is applied at once (results update as one types).
//!
//! The search box is always shown. On narrow screens the other filters wait behind a "Filters"
//! button that says how many are set, so that the first result is on the first screen of a
//! phone; on wide screens (the stylesheet hides the button) they are always shown
//! ([`FilterPanel`]).

use yew::prelude::*;

use super::filter_panel::FilterPanel;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::search::Filters as FilterValues;
use crate::state::Action;

/// How many filters other than the search text are set.
fn active(filters: &FilterValues) -> usize {
    [
        &filters.skill,
        &filters.tag,
        &filters.delivery,
        &filters.kind,
        &filters.provider,
        &filters.max_cost,
        &filters.max_weeks,
    ]
    .into_iter()
    .filter(|value| !value.trim().is_empty())
    .count()
}

/// The search box and the filters.
#[function_component]
pub fn Filters() -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let filters = &ctx.state.filters;
    // Whether the filters are shown on a narrow screen (a wide one always shows them).
    let expanded = use_state(|| false);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let on_query = {
        let state = ctx.state.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = state.filters.clone();
            next.query = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            state.dispatch(Action::Filter(next));
        })
    };
    html! {
        <form class="sw-filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label class="sw-field sw-search">
                <span>{ i18n.t("filter-query") }</span>
                <input type="search" value={filters.query.clone()} oninput={on_query} autocomplete="off" />
            </label>
            <button type="button" class="sw-button sw-quiet sw-filters-toggle" aria-expanded={expanded.to_string()} onclick={toggle}>
                { i18n.t_args("filters-toggle", &[("count", Arg::from(active(filters)))]) }
                <span aria-hidden="true">{ if *expanded { "▴" } else { "▾" } }</span>
            </button>
            <FilterPanel expanded={*expanded} />
        </form>
    }
}
