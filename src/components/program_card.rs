//! One stackable credential as a card: its progress bar, its requirement groups with each
//! member's state (what it still needs, Degree Works' way), what it counts toward, what the
//! cheapest route still costs, and its two actions, aligned along the card's bottom.

use stackway_core::Feed;
use yew::prelude::*;

use super::requirement_groups::RequirementGroups;
use crate::context::{kind_name, title as title_of};
use crate::format::{money, text_marked};
use crate::hooks::use_dispatch;
use crate::hooks::use_i18n;
use crate::i18n::Arg;
use crate::state::{insights::ProgramStatus, Action, Shared};

/// Properties of [`ProgramCard`]. Everything it shows comes from these, not from the shared
/// state, so a plan change or "show more" re-renders only the cards whose content changed.
#[derive(Properties, PartialEq)]
pub struct ProgramCardProps {
    /// The feed shown (compared by identity).
    pub feed: Shared<Feed>,
    /// The engine's view of this program for the learner's plan.
    pub status: ProgramStatus,
    /// Whether it is the learner's goal.
    pub is_goal: bool,
    /// Whether its cheapest route is still on its way (the planner is in the widget's second
    /// module, fetched after the first screen).
    #[prop_or_default]
    pub route_pending: bool,
    /// Whether its title takes the focus when the card is drawn (the first card of a page
    /// "show more" revealed, where keyboard and screen-reader users continue).
    #[prop_or_default]
    pub focus: bool,
    /// What tells it apart from another program of the same title (its code, or the program
    /// it belongs to), shown after the title and part of its buttons' names.
    #[prop_or_default]
    pub distinction: Option<AttrValue>,
}

/// The card shows at most this many requirement groups, and this many members of each; the
/// detail panel shows them all.
const GROUPS_SHOWN: usize = 4;

/// A program card.
#[function_component]
pub fn ProgramCard(props: &ProgramCardProps) -> Html {
    let i18n = use_i18n();
    let dispatcher = use_dispatch();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        // Runs after the card is drawn, and again only if `focus` changes.
        use_effect_with(props.focus, move |&focus| {
            if let Some(title) = heading.cast::<web_sys::HtmlElement>().filter(|_| focus) {
                // Focusable from script only (tabindex -1): Tab still walks the buttons.
                let _ = title.focus();
            }
        });
    }
    let lang = i18n.lang();
    let status = &props.status;
    let feed = &props.feed;
    let Some(credential) = feed.credential(&status.id) else {
        return html! {};
    };
    let (title, title_lang) = text_marked(feed, &credential.title, lang);
    // The name its buttons carry: unique among the cards, as every repeated control's must be.
    let name = match &props.distinction {
        Some(distinction) => format!("{title} ({distinction})"),
        None => title.clone(),
    };
    // A whole number of percent (0 to 100), so that it shows without `f64` formatting.
    let percent = (status.fraction.clamp(0.0, 1.0) * 100.0).round() as u8;
    let id = status.id.clone();
    let open = dispatcher
        .to_callback()
        .reform(move |_: MouseEvent| Action::Open(id.clone()));
    let id = status.id.clone();
    let set_goal = dispatcher
        .to_callback()
        .reform(move |_: MouseEvent| Action::SetGoal(Some(id.clone())));
    let is_goal = props.is_goal;
    let counts_toward: Vec<String> = status
        .counts_toward
        .iter()
        .take(3)
        .map(|id| title_of(feed, &i18n, id))
        .collect();
    let route = status
        .route
        .as_ref()
        .filter(|r| r.feasible && !status.satisfied)
        .map(|route| {
            let mut parts =
                vec![i18n.t_args("count-steps", &[("count", Arg::from(route.steps.len()))])];
            if route.total.cost > 0.0 {
                parts.push(money(
                    route.total.cost,
                    route.currency.as_deref().unwrap_or("CAD"),
                    lang,
                ));
            }
            if route.total.hours > 0.0 {
                parts.push(i18n.t_args("count-hours", &[("count", Arg::from(route.total.hours))]));
            }
            if route.total.weeks > 0.0 {
                parts.push(i18n.t_args("count-weeks", &[("count", Arg::from(route.total.weeks))]));
            }
            parts.join(" · ")
        });
    html! {
        <li class={classes!("sw-card", "sw-program", status.satisfied.then_some("sw-complete"))}>
            <h3 class="sw-card-title" tabindex="-1" ref={heading}>
                <span lang={title_lang}>{ title.clone() }</span>
                if let Some(distinction) = &props.distinction {
                    { " " }<span class="sw-distinction">{ format!("({distinction})") }</span>
                }
            </h3>
            <p class="sw-meta">{ kind_name(&i18n, credential.kind) }</p>
            <div class="sw-progress-row">
                <progress max="100" value={percent.to_string()} aria-label={i18n.t_args("progress-label", &[("title", Arg::from(name.clone()))])}>
                    { format!("{percent}%") }
                </progress>
                <span class="sw-percent">
                    if status.satisfied { <span aria-hidden="true">{ "✓ " }</span> }
                    { i18n.t_args("progress-percent", &[("percent", Arg::from(usize::from(percent)))]) }
                </span>
            </div>
            // A complete program still lists its groups: what is only planned is not earned yet.
            // One held itself has none to list.
            if !status.groups.is_empty() {
                <RequirementGroups feed={feed.clone()} groups={status.groups.clone()} limit={GROUPS_SHOWN} />
            } else if status.satisfied {
                <p class="sw-summary">{ i18n.t("program-held") }</p>
            }
            if !counts_toward.is_empty() {
                <p class="sw-ladder">
                    { i18n.t_args("program-counts-toward", &[("names", Arg::from(counts_toward.join(", ")))]) }
                    if status.counts_toward.len() > counts_toward.len() {
                        { " " }{ i18n.t_args("members-more", &[("count", Arg::from(status.counts_toward.len() - counts_toward.len()))]) }
                    }
                </p>
            }
            if let Some(route) = route {
                <p class="sw-route-summary">{ i18n.t("program-route") }{ " " }{ route }</p>
            } else if props.route_pending && !status.satisfied {
                // The planner is on its way (the widget's second module): keep the line's room so
                // that the card does not grow when the route arrives.
                <p class="sw-route-summary sw-pending">{ i18n.t("program-route") }{ " " }{ i18n.t("program-route-pending") }</p>
            }
            <div class="sw-actions">
                <button type="button" class="sw-button" onclick={open} aria-label={i18n.t_args("action-details-label", &[("title", Arg::from(name.clone()))])}>
                    { i18n.t("action-details") }
                </button>
                if is_goal {
                    <span class="sw-badge sw-badge-goal"><span aria-hidden="true">{ "★ " }</span>{ i18n.t("program-is-goal") }</span>
                } else if !status.satisfied {
                    <button type="button" class="sw-button sw-primary" onclick={set_goal} aria-label={i18n.t_args("action-set-goal-label", &[("title", Arg::from(name))])}>
                        { i18n.t("action-set-goal") }
                    </button>
                }
            </div>
        </li>
    }
}
