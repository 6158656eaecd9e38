//! Explore: every credential, searchable and filterable, shown a page at a time so that even a
//! 10,000-credential feed re-renders within a frame per keystroke.

use yew::prelude::*;

use super::filters::Filters;
use super::mark_control::MarkControl;
use super::use_ctx;
use crate::format::{money, number};
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
    let lang = i18n.lang();
    let results = {
        let (feed, index, filters) = (feed.clone(), state.index.clone(), state.filters.clone());
        use_memo(filters, move |filters| search(&feed, &index, filters))
    };
    let shown = results.iter().take(state.shown).filter_map(|&i| {
        let credential = feed.credentials.get(i)?;
        let title = ctx.text(&credential.title);
        let id = credential.id.clone();
        let open = state
            .dispatcher()
            .to_callback()
            .reform(move |_: MouseEvent| Action::Open(id.clone()));
        let mut facts = vec![ctx.kind(credential.kind)];
        if let Some(hours) = credential.hours {
            facts.push(i18n.t_args("count-hours", &[("count", Arg::from(hours))]));
        }
        if let Some(weeks) = credential.weeks {
            facts.push(i18n.t_args("count-weeks", &[("count", Arg::from(weeks))]));
        }
        if let Some(cost) = &credential.cost {
            facts.push(money(cost.amount, &cost.currency, lang));
        }
        if let Some(credits) = credential.credits {
            facts.push(i18n.t_args(
                "count-credits",
                &[
                    ("count", Arg::from(credits)),
                    ("formatted", Arg::from(number(credits, lang))),
                ],
            ));
        }
        Some(html! {
            <li class="sw-result" key={credential.id.clone()}>
                <h3 class="sw-result-title">
                    <button type="button" class="sw-link" onclick={open}>{ title.clone() }</button>
                </h3>
                <p class="sw-meta">{ facts.join(" · ") }</p>
                if let Some(summary) = &credential.summary {
                    <p class="sw-summary">{ ctx.text(summary) }</p>
                }
                if !credential.is_stackable() {
                    <MarkControl id={credential.id.clone()} title={title} />
                }
            </li>
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
