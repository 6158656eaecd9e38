//! The pathway map: the layered graph drawn as SVG from the core's layout, with pan and zoom,
//! keyboard navigation along the edges, and an accessible list one toggle away.
//!
//! Keyboard: Tab enters the map on one node (roving tabindex); ArrowRight follows an edge to
//! what the node counts toward, ArrowLeft to what counts toward it, ArrowUp/ArrowDown move along
//! the column; Enter or Space opens the detail; `+`/`-` zoom and `0` fits the drawing.

use stackway_core::layout::{Layout, LayoutOptions, MapEdgeKind, Size};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::graph_list::GraphList;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{Action, Mark};

/// Above this many credentials the drawing is not useful (nor cheap): the list is shown.
pub const MAP_LIMIT: usize = 3_000;

/// The visible window of the drawing: its top-left corner and zoom factor.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Viewport {
    x: f64,
    y: f64,
    zoom: f64,
}

const FIT: Viewport = Viewport {
    x: 0.0,
    y: 0.0,
    zoom: 1.0,
};

/// Cuts a title to what fits in a node box; the full title is in the accessible name.
fn short(title: &str, max: usize) -> String {
    if title.chars().count() <= max {
        title.to_owned()
    } else {
        let cut: String = title.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The node to move to from `from` for a navigation key, following the layout.
fn step(layout: &Layout, neighbours: &[usize], from: usize, key: &str) -> Option<usize> {
    let here = layout.nodes.get(from)?;
    let middle = |i: usize| layout.nodes.get(i).map_or(0.0, |n| n.y + n.height / 2.0);
    let nearest = |candidates: Vec<usize>| {
        let centre = here.y + here.height / 2.0;
        candidates.into_iter().min_by(|&a, &b| {
            (middle(a) - centre)
                .abs()
                .total_cmp(&(middle(b) - centre).abs())
        })
    };
    match key {
        "ArrowRight" | "ArrowLeft" => {
            let right = key == "ArrowRight";
            nearest(
                neighbours
                    .iter()
                    .copied()
                    .filter(|&n| {
                        layout.nodes.get(n).is_some_and(|p| {
                            if right {
                                p.column > here.column
                            } else {
                                p.column < here.column
                            }
                        })
                    })
                    .collect(),
            )
        }
        "ArrowUp" | "ArrowDown" => {
            let column = layout.columns.get(here.column)?;
            let position = here.order;
            if key == "ArrowUp" {
                position.checked_sub(1).and_then(|p| column.get(p)).copied()
            } else {
                column.get(position + 1).copied()
            }
        }
        "Home" => layout.columns.get(here.column)?.first().copied(),
        "End" => layout.columns.get(here.column)?.last().copied(),
        _ => None,
    }
}

/// The map view (or its list, when toggled or when the feed is too large to draw).
#[function_component]
pub fn Map() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let too_large = state.feed.credentials.len() > MAP_LIMIT;
    let layout = {
        use_memo(state.graph(), move |graph| {
            if graph.ids.len() > MAP_LIMIT {
                None
            } else {
                // Wider than the core's default so that most titles fit on a phone-readable node.
                let boxes = vec![
                    Size {
                        width: 200.0,
                        height: 56.0,
                    };
                    graph.ids.len()
                ];
                Some(graph.layout(&boxes, &LayoutOptions::default()))
            }
        })
    };
    let focused = use_state(|| 0usize);
    let viewport = use_state(|| FIT);
    let drag = use_mut_ref(|| None::<(f64, f64, Viewport)>);
    let svg_ref = use_node_ref();
    let move_focus = use_state(|| false);
    {
        // After a keyboard move, put the browser's focus on the new node.
        let svg_ref = svg_ref.clone();
        let move_focus = move_focus.clone();
        use_effect_with((*focused, *move_focus), move |(index, wanted)| {
            if *wanted {
                if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                    if let Ok(Some(node)) = svg.query_selector(&format!("[data-node=\"{index}\"]"))
                    {
                        if let Ok(node) = node.dyn_into::<web_sys::SvgElement>() {
                            let _ = node.focus();
                        }
                    }
                }
                move_focus.set(false);
            }
        });
    }

    let toggle = state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::ToggleMapList);
    let toggle_label = if state.map_as_list || too_large {
        i18n.t("map-show-drawing")
    } else {
        i18n.t("map-show-list")
    };
    let header = html! {
        <div class="sw-map-bar">
            // The arrow-key help describes the drawing; the list is ordinary links and buttons.
            if !state.map_as_list && !too_large {
                <p class="sw-help">{ i18n.t("map-help") }</p>
            }
            if !too_large {
                <button type="button" class="sw-button" onclick={toggle} aria-pressed={state.map_as_list.to_string()}>
                    { toggle_label }
                </button>
            }
        </div>
    };
    let Some(layout) = layout.as_ref().as_ref().filter(|_| !state.map_as_list) else {
        return html! {
            <section class="sw-map" aria-label={i18n.t("view-map")}>
                { header }
                if too_large {
                    <p class="sw-notice" role="status">{ i18n.t_args("map-too-large", &[("count", Arg::from(state.feed.credentials.len()))]) }</p>
                }
                <GraphList />
            </section>
        };
    };

    let graph = state.graph();
    let focus_index = (*focused).min(graph.ids.len().saturating_sub(1));
    let neighbours = graph.neighbours(focus_index);
    let width = layout.width.max(1.0);
    let height = layout.height.max(1.0);
    let vp = *viewport;
    let view_box = format!(
        "{:.1} {:.1} {:.1} {:.1}",
        vp.x,
        vp.y,
        width / vp.zoom,
        height / vp.zoom
    );

    let zoom_by = {
        let viewport = viewport.clone();
        move |factor: f64| {
            let v = *viewport;
            let zoom = (v.zoom * factor).clamp(1.0, 16.0);
            // Keep the centre of the window where it is.
            let cx = v.x + width / v.zoom / 2.0;
            let cy = v.y + height / v.zoom / 2.0;
            viewport.set(Viewport {
                x: (cx - width / zoom / 2.0).clamp(0.0, width - width / zoom),
                y: (cy - height / zoom / 2.0).clamp(0.0, height - height / zoom),
                zoom,
            });
        }
    };
    let zoom_in = {
        let zoom_by = zoom_by.clone();
        Callback::from(move |_: MouseEvent| zoom_by(1.5))
    };
    let zoom_out = {
        let zoom_by = zoom_by.clone();
        Callback::from(move |_: MouseEvent| zoom_by(1.0 / 1.5))
    };
    let fit = {
        let viewport = viewport.clone();
        Callback::from(move |_: MouseEvent| viewport.set(FIT))
    };

    let onkeydown = {
        let focused = focused.clone();
        let move_focus = move_focus.clone();
        let layout = layout.clone();
        let graph = graph.clone();
        let dispatcher = state.dispatcher();
        let zoom_by = zoom_by.clone();
        let viewport = viewport.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let current = *focused;
            match key.as_str() {
                "Enter" | " " => {
                    if let Some(id) = graph.ids.get(current) {
                        e.prevent_default();
                        dispatcher.dispatch(Action::Open(id.clone()));
                    }
                }
                "+" | "=" => zoom_by(1.5),
                "-" => zoom_by(1.0 / 1.5),
                "0" => viewport.set(FIT),
                _ => {
                    if let Some(next) = step(&layout, &graph.neighbours(current), current, &key) {
                        e.prevent_default();
                        focused.set(next);
                        move_focus.set(true);
                        // When zoomed in, bring the node into the window.
                        let v = *viewport;
                        if v.zoom > 1.0 {
                            if let Some(node) = layout.nodes.get(next) {
                                let (w, h) = (width / v.zoom, height / v.zoom);
                                viewport.set(Viewport {
                                    x: (node.x + node.width / 2.0 - w / 2.0).clamp(0.0, width - w),
                                    y: (node.y + node.height / 2.0 - h / 2.0)
                                        .clamp(0.0, height - h),
                                    zoom: v.zoom,
                                });
                            }
                        }
                    }
                }
            }
        })
    };
    // Dragging pans the window (in drawing units, so it follows the pointer at any zoom).
    let onpointerdown = {
        let drag = drag.clone();
        let viewport = viewport.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() == 0 && viewport.zoom > 1.0 {
                *drag.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64, *viewport));
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let viewport = viewport.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((x0, y0, start)) = *drag.borrow() else {
                return;
            };
            let scale = svg_ref
                .cast::<web_sys::Element>()
                .map(|svg| svg.client_width().max(1) as f64)
                .map_or(1.0, |pixels| width / start.zoom / pixels);
            let (w, h) = (width / start.zoom, height / start.zoom);
            viewport.set(Viewport {
                x: (start.x - (e.client_x() as f64 - x0) * scale).clamp(0.0, width - w),
                y: (start.y - (e.client_y() as f64 - y0) * scale).clamp(0.0, height - h),
                zoom: start.zoom,
            });
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };

    let edges = graph.edges.iter().zip(&layout.edges).map(|(edge, points)| {
        if points.len() < 2 {
            return html! {};
        }
        let mut d = String::with_capacity(points.len() * 16);
        for (i, p) in points.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { " L" });
            d.push_str(&format!("{:.1} {:.1}", p.x, p.y));
        }
        let highlighted = edge.from == focus_index || edge.to == focus_index;
        let kind = match edge.kind {
            MapEdgeKind::CountsToward => "sw-edge-counts",
            MapEdgeKind::Prerequisite => "sw-edge-prerequisite",
        };
        html! {
            <path class={classes!("sw-edge", kind, highlighted.then_some("sw-edge-highlight"))} d={d} marker-end="url(#sw-arrow)" />
        }
    });
    let nodes = graph.ids.iter().enumerate().filter_map(|(index, id)| {
        let credential = state.feed.credentials.get(index)?;
        let placement = layout.nodes.get(index)?;
        let (title, title_lang) = ctx.text_marked(&credential.title);
        let program = state.insights.program(id);
        let (status_class, status_word, icon) = match state.mark(id) {
            Mark::Held => ("sw-held", i18n.t("mark-held"), "✓"),
            Mark::Planned => ("sw-planned", i18n.t("mark-planned"), "◷"),
            Mark::None if program.is_some_and(|p| p.satisfied) => ("sw-held", i18n.t("mark-earned"), "✓"),
            Mark::None if state.insights.available.contains(id) => ("sw-available", i18n.t("mark-available"), "→"),
            Mark::None => ("sw-unavailable", String::new(), ""),
        };
        let mut meta = ctx.kind(credential.kind);
        if !status_word.is_empty() {
            meta = format!("{icon} {status_word} · {meta}");
        }
        let label = i18n.t_args(
            "map-node-label",
            &[("title", Arg::from(title.clone())), ("meta", Arg::from(meta.clone()))],
        );
        let onfocus = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| {
                if *focused != index {
                    focused.set(index);
                }
            })
        };
        let onclick = {
            let id = id.clone();
            let focused = focused.clone();
            state.dispatcher().to_callback().reform(move |_: MouseEvent| {
                focused.set(index);
                Action::Open(id.clone())
            })
        };
        let role_class = if index == focus_index {
            Some("sw-focused")
        } else if neighbours.binary_search(&index).is_ok() {
            Some("sw-neighbour")
        } else {
            None
        };
        Some(html! {
            <g
                class={classes!("sw-node", status_class, role_class)}
                transform={format!("translate({:.1} {:.1})", placement.x, placement.y)}
                tabindex={if index == focus_index { "0" } else { "-1" }}
                role="button"
                aria-label={label}
                data-node={index.to_string()}
                data-id={id.clone()}
                {onfocus}
                {onclick}
            >
                <rect width={placement.width.to_string()} height={placement.height.to_string()} rx="8" />
                <text x="12" y="22" class="sw-node-title" lang={title_lang}>{ short(&title, 24) }</text>
                <text x="12" y="42" class="sw-node-meta">{ short(&meta, 28) }</text>
            </g>
        })
    });
    html! {
        <section class="sw-map" aria-label={i18n.t("view-map")}>
            { header }
            <div class="sw-map-tools" role="group" aria-label={i18n.t("map-zoom-label")}>
                <button type="button" class="sw-button" onclick={zoom_in} aria-label={i18n.t("map-zoom-in")}>{ "+" }</button>
                <button type="button" class="sw-button" onclick={zoom_out} aria-label={i18n.t("map-zoom-out")}>{ "−" }</button>
                <button type="button" class="sw-button" onclick={fit}>{ i18n.t("map-fit") }</button>
            </div>
            <ul class="sw-legend" aria-label={i18n.t("map-legend")}>
                <li class="sw-legend-held"><span aria-hidden="true">{ "✓ " }</span>{ i18n.t("mark-held") }</li>
                <li class="sw-legend-planned"><span aria-hidden="true">{ "◷ " }</span>{ i18n.t("mark-planned") }</li>
                <li class="sw-legend-available"><span aria-hidden="true">{ "→ " }</span>{ i18n.t("mark-available") }</li>
                <li class="sw-legend-counts">{ i18n.t("map-edge-counts") }</li>
                <li class="sw-legend-prerequisite">{ i18n.t("map-edge-prerequisite") }</li>
            </ul>
            <div class="sw-map-frame">
                <svg
                    ref={svg_ref}
                    class="sw-map-svg"
                    viewBox={view_box}
                    preserveAspectRatio="xMidYMin meet"
                    role="group"
                    aria-label={i18n.t_args("map-label", &[("count", Arg::from(graph.ids.len())), ("levels", Arg::from(layout.columns.len()))])}
                    {onkeydown}
                    {onpointerdown}
                    {onpointermove}
                    onpointerup={onpointerup.clone()}
                    onpointerleave={onpointerup}
                >
                    <defs>
                        <marker id="sw-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                            <path d="M0 0 L10 5 L0 10 z" class="sw-arrow" />
                        </marker>
                    </defs>
                    <g class="sw-edges" aria-hidden="true">
                        { for edges }
                        { for layout.junctions.iter().map(|j| html! { <circle class="sw-junction" cx={format!("{:.1}", j.x)} cy={format!("{:.1}", j.y)} r="3" /> }) }
                    </g>
                    <g class="sw-nodes">{ for nodes }</g>
                </svg>
            </div>
        </section>
    }
}
