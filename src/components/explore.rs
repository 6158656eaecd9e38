//! Explore: every credential, searchable and filterable, shown a page at a time so that even a
//! 10,000-credential feed re-renders within a frame per keystroke.

use yew::prelude::*;

use super::filters::Filters;
use super::result_item::ResultItem;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::search::search;
use crate::state::Action;

/// The Explore view.
#[function_component]
pub fn Explore() -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let state = &ctx.state;
    let feed = &state.feed;
    let results = {
        let deps = (state.filters.clone(), feed.clone(), state.search_index());
        use_memo(deps, |(filters, feed, index)| search(feed, index, filters))
    };
    // The results are not keyed: a keystroke that changes the results then updates the text
    // of the items already on screen, where keyed items would be removed and rebuilt (25 items'
    // DOM), the slowest keystrokes. A result keeps no state of its own, and the mark control it
    // holds is driven by its props, so an item reused for another credential shows only that one.
    let shown = results.iter().take(state.shown).filter_map(|&index| {
        let credential = feed.credentials.get(index)?;
        Some(html! {
            <ResultItem feed={feed.clone()} {index} mark={state.mark(&credential.id)} />
        })
    });
    let remaining = results.len().saturating_sub(state.shown);
    let more = state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::ShowMore);
    html! {
        <section class="sw-explore" aria-label={i18n.t("view-explore")}>
            <Filters />
            <p class="sw-count" role="status" aria-live="polite">
                { i18n.t_args("explore-count", &[("count", Arg::from(results.len()))]) }
            </p>
            <ul class="sw-results">{ for shown }</ul>
            if remaining > 0 {
                <button type="button" class="sw-button" onclick={more}>
                    { i18n.t_args("explore-more", &[("count", Arg::from(remaining.min(crate::state::PAGE_SIZE)))]) }
                </button>
            }
        </section>
    }
}
