//! Programs: every stackable credential as a card, in the feed's order, shown a page at a time
//! like Explore. The cards on the shown pages carry the engine's full report and cheapest route
//! (see `state::insights`); "show more" computes the next page's and moves focus to its first
//! card, so keyboard and screen-reader users continue where the new cards begin. Programs of the
//! same title are told apart (`format::distinctions`).

use yew::prelude::*;

use super::program_card::ProgramCard;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, PAGE_SIZE};

/// The Programs view.
#[function_component]
pub fn Programs() -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let state = &ctx.state;
    let programs = &state.insights.programs;
    let shown = state.programs_shown.min(programs.len());
    let goal = state.plan.goal.as_deref();
    // Computed once per feed and language, not on every plan change.
    let distinctions = use_memo(
        (state.feed.clone(), state.catalog.clone(), i18n.lang()),
        |(feed, catalog, lang)| crate::format::distinctions(feed, catalog, lang),
    );
    // The index of the first card of the page "show more" asked for: that card focuses its
    // title when it is first drawn.
    let focus_from = use_mut_ref(|| None::<usize>);
    let focused = *focus_from.borrow();
    let remaining = programs.len() - shown;
    let more = {
        let focus_from = focus_from.clone();
        state
            .dispatcher()
            .to_callback()
            .reform(move |_: MouseEvent| {
                *focus_from.borrow_mut() = Some(shown);
                Action::ShowMorePrograms
            })
    };
    html! {
        <section class="sw-programs" aria-label={i18n.t("view-programs")}>
            if programs.is_empty() {
                <p class="sw-notice">{ i18n.t("programs-none") }</p>
            } else {
                <p class="sw-help">{ i18n.t("programs-help") }</p>
                if programs.len() > PAGE_SIZE {
                    <p class="sw-count" role="status" aria-live="polite">
                        { i18n.t_args("programs-count", &[("shown", Arg::from(shown)), ("total", Arg::from(programs.len()))]) }
                    </p>
                }
                <ul class="sw-cards">
                    { for programs.iter().take(shown).enumerate().map(|(index, status)| {
                        let distinction = state
                            .catalog
                            .index_of(&status.id)
                            .and_then(|c| distinctions.get(c as usize))
                            .cloned()
                            .flatten()
                            .map(AttrValue::from);
                        html! {
                            <ProgramCard
                                key={status.id.clone()}
                                feed={state.feed.clone()}
                                status={status.clone()}
                                is_goal={goal == Some(status.id.as_str())}
                                route_pending={state.insights.routes_pending}
                                focus={focused == Some(index)}
                                {distinction}
                            />
                        }
                    }) }
                </ul>
                if remaining > 0 {
                    <button type="button" class="sw-button sw-programs-more" onclick={more}>
                        { i18n.t_args("programs-more", &[("count", Arg::from(remaining.min(PAGE_SIZE)))]) }
                    </button>
                }
            }
        </section>
    }
}
