//! The map as a list: the same graph, level by level, with what each credential counts toward
//! and requires. For screen readers, printing and narrow screens.

use stackway_core::layout::MapEdgeKind;
use yew::prelude::*;

use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, Mark};

/// At most this many credentials are listed (a hostile 100,000-credential feed must not freeze
/// the page); Explore finds the rest.
const LIST_LIMIT: usize = 1_000;

/// The accessible list of the pathway graph.
#[function_component]
pub fn GraphList() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let graph = state.graph();
    // Levels by the longest chain of requirements below each credential, as in the drawing.
    let levels = {
        let graph = graph.clone();
        use_memo(graph, |graph| {
            let n = graph.ids.len();
            let mut level = vec![0usize; n];
            // Bellman-Ford style relaxation, bounded so that cycles cannot loop forever.
            for _ in 0..n.min(64) {
                let mut changed = false;
                for e in &graph.edges {
                    if let (Some(&from), Some(&to)) = (level.get(e.from), level.get(e.to)) {
                        if to < from + 1 {
                            level[e.to] = from + 1;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            level
        })
    };
    let max_level = levels.iter().copied().max().unwrap_or(0);
    let names = |ids: Vec<usize>| -> String {
        ids.iter()
            .filter_map(|&i| graph.ids.get(i))
            .map(|id| ctx.title(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut listed = 0usize;
    let sections = (0..=max_level).map(|level| {
        let members: Vec<usize> = (0..graph.ids.len())
            .filter(|&i| levels.get(i) == Some(&level))
            .collect();
        let items = members.iter().filter_map(|&index| {
            if listed >= LIST_LIMIT {
                return None;
            }
            listed += 1;
            let id = graph.ids.get(index)?;
            let credential = state.feed.credentials.get(index)?;
            let toward: Vec<usize> = graph
                .edges
                .iter()
                .filter(|e| e.from == index && e.kind == MapEdgeKind::CountsToward)
                .map(|e| e.to)
                .collect();
            let opens: Vec<usize> = graph
                .edges
                .iter()
                .filter(|e| e.from == index && e.kind == MapEdgeKind::Prerequisite)
                .map(|e| e.to)
                .collect();
            let status = match state.mark(id) {
                Mark::Held => Some(("✓", i18n.t("mark-held"))),
                Mark::Planned => Some(("◷", i18n.t("mark-planned"))),
                Mark::None if state.insights.available.contains(id) => Some(("→", i18n.t("mark-available"))),
                Mark::None => None,
            };
            let id = id.clone();
            let open = state.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Open(id.clone()));
            let (title, title_lang) = ctx.text_marked(&credential.title);
            Some(html! {
                <li>
                    <button type="button" class="sw-link" onclick={open} lang={title_lang}>{ title }</button>
                    { " " }<span class="sw-meta">{ ctx.kind(credential.kind) }</span>
                    if let Some((icon, word)) = status {
                        { " " }<span class="sw-badge"><span aria-hidden="true">{ icon }{ " " }</span>{ word }</span>
                    }
                    if !toward.is_empty() {
                        <p class="sw-meta">{ i18n.t_args("list-counts-toward", &[("names", Arg::from(names(toward)))]) }</p>
                    }
                    if !opens.is_empty() {
                        <p class="sw-meta">{ i18n.t_args("list-opens", &[("names", Arg::from(names(opens)))]) }</p>
                    }
                </li>
            })
        }).collect::<Html>();
        html! {
            <section class="sw-level">
                <h3>{ i18n.t_args("list-level", &[("level", Arg::from(level + 1)), ("count", Arg::from(members.len()))]) }</h3>
                <ul>{ items }</ul>
            </section>
        }
    });
    html! {
        <div class="sw-graph-list">
            { for sections }
            if graph.ids.len() > LIST_LIMIT {
                <p class="sw-notice">{ i18n.t_args("list-truncated", &[("count", Arg::from(LIST_LIMIT))]) }</p>
            }
        </div>
    }
}
