//! The pathway map view: how credentials stack, three ways.
//!
//! - **Around a program** ([`MapFocus`]): the learner's goal (else the first program) with its
//!   building blocks and what it leads to, as one line of stops. Narrow screens (under 600 px)
//!   open on it: a whole map is too wide to read there.
//! - **The whole map** ([`MapDrawing`]): every credential, left to right, with pan and zoom,
//!   opened on the goal (else the first program).
//! - **As a list** ([`GraphList`]): the same graph as text, the real content for screen readers,
//!   printing and very large feeds.

use yew::prelude::*;

use super::graph_list::GraphList;
use super::map_drawing::MapDrawing;
use super::map_focus::MapFocus;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, State};

/// Above this many credentials the drawing is not useful (nor cheap): the list is shown.
pub const MAP_LIMIT: usize = 3_000;

/// Below this width (CSS pixels) the map opens around the goal.
const NARROW: i32 = 600;

/// Which drawing the view shows (the list is the state's `map_as_list`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Focus,
    Whole,
}

/// The program the view centres on: the learner's goal, else the first credential that stacks
/// from others. With whether it is the goal.
fn focus_program(state: &State) -> Option<(usize, bool)> {
    let goal = state
        .plan
        .goal
        .as_deref()
        .and_then(|g| state.feed.credentials.iter().position(|c| c.id == g));
    goal.map(|g| (g, true)).or_else(|| {
        state
            .feed
            .credentials
            .iter()
            .position(|c| c.requires.is_some())
            .map(|p| (p, false))
    })
}

fn window_width() -> i32 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .map_or(1024, |w| w as i32)
}

/// The map view.
#[function_component]
pub fn Map() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let section = use_node_ref();
    let focus = focus_program(state);
    let narrow = use_state(|| window_width() < NARROW);
    // `None` until the learner picks a drawing: then the width decides.
    let chosen = use_state(|| None::<Mode>);
    {
        // The widget may sit in a narrow column of a wide page: its own width decides.
        let section = section.clone();
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            if let Some(element) = section.cast::<web_sys::Element>() {
                let is_narrow = element.client_width() < NARROW;
                if is_narrow != *narrow {
                    narrow.set(is_narrow);
                }
            }
        });
    }
    let mode = match (*chosen, focus) {
        (_, None) => Mode::Whole,
        (Some(mode), _) => mode,
        (None, Some(_)) if *narrow => Mode::Focus,
        (None, Some(_)) => Mode::Whole,
    };
    let too_large = state.feed.credentials.len() > MAP_LIMIT;
    let as_list = state.map_as_list || too_large;

    let show = |target: Option<Mode>| {
        let chosen = chosen.clone();
        let dispatcher = state.dispatcher();
        let listed = state.map_as_list;
        Callback::from(move |_: MouseEvent| {
            // `None` is the list.
            if listed != target.is_none() {
                dispatcher.dispatch(Action::ToggleMapList);
            }
            if let Some(mode) = target {
                chosen.set(Some(mode));
            }
        })
    };
    let pressed = |on: bool| on.to_string();
    let focus_label = match focus {
        Some((_, true)) => i18n.t("map-mode-goal"),
        _ => i18n.t("map-mode-program"),
    };
    let switch = html! {
        <div class="sw-map-modes" role="group" aria-label={i18n.t("map-modes")}>
            if focus.is_some() && !too_large {
                <button type="button" class="sw-button" onclick={show(Some(Mode::Focus))} aria-pressed={pressed(!as_list && mode == Mode::Focus)}>
                    { focus_label }
                </button>
            }
            if !too_large {
                <button type="button" class="sw-button" onclick={show(Some(Mode::Whole))} aria-pressed={pressed(!as_list && mode == Mode::Whole)}>
                    { i18n.t("map-mode-whole") }
                </button>
            }
            <button type="button" class="sw-button" onclick={show(None)} aria-pressed={pressed(as_list)}>
                { i18n.t("map-show-list") }
            </button>
        </div>
    };
    let body = if as_list {
        html! {
            <>
                if too_large {
                    <p class="sw-notice" role="status">{ i18n.t_args("map-too-large", &[("count", Arg::from(state.feed.credentials.len()))]) }</p>
                }
                <GraphList />
            </>
        }
    } else {
        match (mode, focus) {
            (Mode::Focus, Some((program, is_goal))) => html! { <MapFocus {program} {is_goal} /> },
            _ => {
                // The whole map opens on the goal (else the first program), on any screen: a
                // big map's top-left corner is often empty, its programs further in.
                let centre = focus.map(|(p, _)| p);
                let start = centre.unwrap_or(0);
                html! {
                    <>
                        <p class="sw-help">{ i18n.t("map-help") }</p>
                        <ul class="sw-legend" aria-label={i18n.t("map-legend")}>
                            <li class="sw-legend-held"><span aria-hidden="true">{ "✓ " }</span>{ i18n.t("mark-held") }</li>
                            <li class="sw-legend-planned"><span aria-hidden="true">{ "◷ " }</span>{ i18n.t("mark-planned") }</li>
                            <li class="sw-legend-available"><span aria-hidden="true">{ "→ " }</span>{ i18n.t("mark-available") }</li>
                            <li class="sw-legend-counts">{ i18n.t("map-edge-counts") }</li>
                            <li class="sw-legend-prerequisite">{ i18n.t("map-edge-prerequisite") }</li>
                        </ul>
                        <MapDrawing {centre} {start} />
                    </>
                }
            }
        }
    };
    html! {
        <section ref={section} class="sw-map" aria-label={i18n.t("view-map")}>
            { switch }
            { body }
        </section>
    }
}
