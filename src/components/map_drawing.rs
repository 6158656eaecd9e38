//! The whole pathway map as a drawing: the core's layout drawn as SVG at its natural size (one
//! drawing unit per CSS pixel, so titles are 14 px), in a frame that pans and zooms.
//!
//! Looking at a credential (hovering it, or focusing it with the keyboard) highlights what it
//! counts toward and what counts toward it, with the lines between, and dims the rest. Nothing
//! is highlighted or ringed until then.
//!
//! Keyboard: Tab enters the map on one box (a roving tab stop); ArrowRight follows a line to
//! what the credential counts toward, ArrowLeft to what counts toward it, ArrowUp and ArrowDown
//! move along the column, Home and End to its ends; Enter or Space opens the detail; `+` and `-`
//! zoom, `0` goes back to the natural size.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use stackway_core::layout::{Layout, LayoutOptions, MapEdgeKind, MapGraph, Size};
use stackway_core::Credential;
use yew::prelude::*;

use super::map_labels::{label_boxes, LabelText, NodeLabel};
use super::map_node::{Emphasis, MapNode};
use super::map_zoom_tools::MapZoomTools;
use crate::context::Ctx;
use crate::hooks::{
    use_ctx, use_pan_zoom, use_roving_focus, use_text_measure, NextItem, PanZoom, Rect, RovingFocus,
};
use crate::i18n::Arg;
use crate::state::{Action, Mark, Shared};

/// Room around the drawing, so that focus rings and arrowheads at its edges are not cut.
const MARGIN: f64 = 8.0;
/// How far outside the visible part of the map badge images start loading.
const BADGE_MARGIN: f64 = 320.0;

/// Properties of [`MapDrawing`].
#[derive(Properties, PartialEq)]
pub struct MapDrawingProps {
    /// The credential to bring into view first (the learner's goal, else the first program).
    pub centre: Option<usize>,
    /// The credential the keyboard starts on.
    pub start: usize,
}

/// The node a navigation key leads to from `from`.
fn next_node(graph: &MapGraph, layout: &Layout, from: usize, key: &str) -> Option<usize> {
    let here = layout.nodes.get(from)?;
    let middle = |i: usize| layout.nodes.get(i).map_or(0.0, |n| n.y + n.height / 2.0);
    let centre = here.y + here.height / 2.0;
    let nearest = |candidates: Vec<usize>| {
        candidates.into_iter().min_by(|&a, &b| {
            (middle(a) - centre)
                .abs()
                .total_cmp(&(middle(b) - centre).abs())
                .then(a.cmp(&b))
        })
    };
    let column = layout.columns.get(here.column)?;
    match key {
        "ArrowRight" => nearest(graph.targets_of(from)),
        "ArrowLeft" => nearest(graph.sources_of(from)),
        "ArrowUp" => here
            .order
            .checked_sub(1)
            .and_then(|p| column.get(p))
            .copied(),
        "ArrowDown" => column.get(here.order + 1).copied(),
        "Home" => column.first().copied(),
        "End" => column.last().copied(),
        _ => None,
    }
}

/// Where the navigation keys lead on the drawing (nowhere until it is laid out).
fn next_item(graph: Shared<MapGraph>, layout: Option<Rc<Layout>>) -> NextItem {
    Rc::new(move |from: usize, key: &str| {
        layout
            .as_ref()
            .and_then(|layout| next_node(&graph, layout, from, key))
    })
}

/// The status class, word and icon of a credential.
fn status_of(ctx: &Ctx, id: &str) -> (Option<&'static str>, String, &'static str) {
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let program = state.insights.program(id);
    match state.mark(id) {
        Mark::Held => (Some("sw-held"), i18n.t("mark-held"), "✓"),
        Mark::Planned => (Some("sw-planned"), i18n.t("mark-planned"), "◷"),
        Mark::None if program.is_some_and(|p| p.satisfied) => {
            (Some("sw-held"), i18n.t("mark-earned"), "✓")
        }
        Mark::None if state.insights.available.contains(id) => {
            (Some("sw-available"), i18n.t("mark-available"), "→")
        }
        Mark::None => (None, String::new(), ""),
    }
}

/// A badge image URL the map may load: https only (the feed is not trusted).
fn badge_url(credential: &stackway_core::Credential) -> Option<&str> {
    credential
        .badge
        .as_ref()
        .and_then(|b| b.image.as_deref())
        .filter(|url| url.starts_with("https://"))
}

/// The words of every box, and every status line a box may show, so marks never resize it.
fn label_texts(ctx: &Ctx) -> Vec<LabelText> {
    let i18n = &ctx.i18n;
    let statuses = [
        ("✓", i18n.t("mark-held")),
        ("◷", i18n.t("mark-planned")),
        ("✓", i18n.t("mark-earned")),
        ("→", i18n.t("mark-available")),
    ];
    ctx.state
        .feed
        .credentials
        .iter()
        .map(|c| {
            let kind = ctx.kind(c.kind);
            let (_, word, icon) = status_of(ctx, &c.id);
            let meta = if word.is_empty() {
                kind.clone()
            } else {
                format!("{icon} {word} · {kind}")
            };
            LabelText {
                title: ctx.text(&c.title),
                meta,
                meta_variants: statuses
                    .iter()
                    .map(|(icon, word)| format!("{icon} {word} · {kind}"))
                    .collect(),
                has_badge: badge_url(c).is_some(),
            }
        })
        .collect()
}

/// The map's boxes and its layout, once the page's font can be measured through `svg_ref`.
struct LaidOut {
    /// Each credential's wrapped words and its box's size.
    boxes: Rc<Option<(Vec<NodeLabel>, Vec<Size>)>>,
    /// The layout of those boxes.
    layout: Rc<Option<Rc<Layout>>>,
}

/// Measures the words of every box in the page's font and lays the map out; both again only
/// when the words, the language or the graph change.
#[hook]
fn use_laid_out(ctx: &Ctx, svg_ref: NodeRef, graph: Shared<MapGraph>) -> LaidOut {
    let measure = use_text_measure(svg_ref);
    let texts = label_texts(ctx);
    let boxes = use_memo(
        (
            measure.clone(),
            texts
                .iter()
                .map(|t| (t.title.clone(), t.meta.clone(), t.has_badge))
                .collect::<Vec<_>>(),
            ctx.i18n.lang().to_owned(),
        ),
        move |(measure, _, _)| measure.as_ref().map(|m| label_boxes(&texts, m)),
    );
    let layout = use_memo(
        (
            graph,
            boxes.as_ref().as_ref().map(|(_, sizes)| sizes.clone()),
        ),
        |(graph, sizes)| {
            sizes
                .as_ref()
                .map(|sizes| Rc::new(graph.layout(sizes, &LayoutOptions::default())))
        },
    );
    LaidOut { boxes, layout }
}

/// The credentials whose badge images may load (they load lazily and stay once loaded), and
/// the frame's scroll handler that adds those coming into view. Once laid out, it also brings
/// credential `centre` into view.
#[hook]
fn use_badges_in_view(
    layout: Option<Rc<Layout>>,
    centre: Option<usize>,
    pan_zoom: &PanZoom,
) -> (Rc<RefCell<BTreeSet<usize>>>, Callback<Event>) {
    let badges_seen = use_mut_ref(BTreeSet::<usize>::new);
    // Re-renders when more badges come into view.
    let badges_version = use_state(|| 0usize);
    let reveal = {
        let frame = pan_zoom.frame.clone();
        let zoom = pan_zoom.zoom;
        let badges_seen = badges_seen.clone();
        move |layout: &Layout| {
            if reveal_badges(&frame, layout, zoom, &mut badges_seen.borrow_mut()) {
                badges_version.set(*badges_version + 1);
            }
        }
    };
    {
        let layout = layout.clone();
        let centre_on = pan_zoom.centre_on.clone();
        let reveal = reveal.clone();
        use_effect_with(layout.as_ref().map(Rc::as_ptr), move |_| {
            if let Some(layout) = &layout {
                if let Some(c) = centre {
                    centre_on.emit(views_around(layout, c));
                }
                reveal(layout);
            }
        });
    }
    let onscroll = Callback::from(move |_: Event| {
        if let Some(layout) = &layout {
            reveal(layout);
        }
    });
    (badges_seen, onscroll)
}

/// The drawing's keys: Enter or Space opens the credential with the tab stop, `+`, `-` and `0`
/// zoom, and the rest move the tab stop.
fn key_handler(
    roving: &RovingFocus,
    ids: Vec<String>,
    on_open: Callback<AttrValue>,
    pan_zoom: &PanZoom,
) -> Callback<KeyboardEvent> {
    let on_key = roving.on_key.clone();
    let current = roving.current;
    let pan_zoom = pan_zoom.clone();
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Enter" | " " => {
            if let Some(id) = ids.get(current) {
                e.prevent_default();
                on_open.emit(AttrValue::from(id.clone()));
            }
        }
        "+" | "=" => pan_zoom.zoom_in.emit(()),
        "-" => pan_zoom.zoom_out.emit(()),
        "0" => pan_zoom.reset.emit(()),
        _ => on_key.emit(e),
    })
}

/// A box's status class, its accessible name (the whole title, the status and the kind), and
/// its title's language when it is not the widget's.
fn node_name(
    ctx: &Ctx,
    credential: &Credential,
) -> (Option<&'static str>, String, Option<AttrValue>) {
    let (title, title_lang) = ctx.text_marked(&credential.title);
    let (status, word, _) = status_of(ctx, &credential.id);
    let kind = ctx.kind(credential.kind);
    let meta = if word.is_empty() {
        kind
    } else {
        format!("{word} · {kind}")
    };
    let args = [("title", Arg::from(title)), ("meta", Arg::from(meta))];
    (status, ctx.i18n.t_args("map-node-label", &args), title_lang)
}

/// The credential looked at (hovered, else focused) and those it is linked to.
struct LookedAt {
    active: Option<usize>,
    related: BTreeSet<usize>,
}

impl LookedAt {
    fn new(graph: &MapGraph, active: Option<usize>) -> Self {
        let related =
            active.map_or_else(BTreeSet::new, |a| graph.neighbours(a).into_iter().collect());
        LookedAt { active, related }
    }

    /// How box `index` is drawn: plainly while nothing is looked at, else highlighted, related
    /// or dimmed.
    fn emphasis(&self, index: usize) -> Emphasis {
        match self.active {
            None => Emphasis::Plain,
            Some(a) if a == index => Emphasis::Active,
            Some(_) if self.related.contains(&index) => Emphasis::Related,
            Some(_) => Emphasis::Dimmed,
        }
    }
}

/// The arrowheads of the lines: plain, highlighted and dimmed.
fn arrow_markers() -> Html {
    html! {
        <defs>
            { for ["sw-arrow", "sw-arrow-on", "sw-arrow-dim"].iter().map(|id| html! {
                <marker id={*id} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">
                    <path d="M0 0 L10 5 L0 10 z" class={*id} />
                </marker>
            }) }
        </defs>
    }
}

/// The map drawn whole, with pan, zoom and keyboard navigation.
#[function_component]
pub fn MapDrawing(props: &MapDrawingProps) -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let i18n = &ctx.i18n;
    let graph = state.graph();
    let svg_ref = use_node_ref();
    let LaidOut { boxes, layout } = use_laid_out(&ctx, svg_ref.clone(), graph.clone());
    let pan_zoom = use_pan_zoom();
    let next = next_item(graph.clone(), (*layout).clone());
    let roving = use_roving_focus(svg_ref.clone(), props.start, next);
    let hovered = use_state(|| None::<usize>);
    let (badges_seen, onscroll) = use_badges_in_view((*layout).clone(), props.centre, &pan_zoom);

    let Some(layout) = (*layout).clone() else {
        // The first render only measures the font (it needs the element in the page).
        return html! { <svg ref={svg_ref} class="sw-map-svg" aria-hidden="true" width="1" height="1" /> };
    };
    let Some((labels, _)) = boxes.as_ref() else {
        return html! {};
    };

    let active = (*hovered).or(roving.focused.then_some(roving.current));
    let looked_at = LookedAt::new(&graph, active);
    // A click that ends a drag of the background does not open the box under it.
    let on_open = {
        let dispatcher = state.dispatcher();
        let dragged = pan_zoom.dragged.clone();
        Callback::from(move |id: AttrValue| {
            if !dragged.get() {
                dispatcher.dispatch(Action::Open(id.to_string()));
            }
        })
    };
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |index: Option<usize>| hovered.set(index))
    };
    let onkeydown = key_handler(&roving, graph.ids.clone(), on_open.clone(), &pan_zoom);
    let onfocusout = roving.on_blur.reform(|_: FocusEvent| ());

    let edges = edge_paths(&graph, &layout, active);
    let nodes = state.feed.credentials.iter().enumerate().filter_map(|(index, credential)| {
        let placement = layout.nodes.get(index)?;
        let label: NodeLabel = labels.get(index)?.clone();
        let (status, name, title_lang) = node_name(&ctx, credential);
        let badge = badges_seen
            .borrow()
            .contains(&index)
            .then(|| badge_url(credential).map(|u| AttrValue::from(u.to_owned())))
            .flatten();
        Some(html! {
            <MapNode
                key={index}
                {index}
                id={AttrValue::from(credential.id.clone())}
                bounds={(placement.x + MARGIN, placement.y + MARGIN, placement.width, placement.height)}
                {label}
                {title_lang}
                name={AttrValue::from(name)}
                {status}
                {badge}
                tab_stop={index == roving.current}
                emphasis={looked_at.emphasis(index)}
                on_open={on_open.clone()}
                on_focus={roving.on_focus.clone()}
                on_hover={on_hover.clone()}
            />
        })
    });
    let width = layout.width + 2.0 * MARGIN;
    let height = layout.height + 2.0 * MARGIN;
    let zoom = pan_zoom.zoom;
    let description = i18n.t_args(
        "map-label",
        &[
            ("count", Arg::from(graph.ids.len())),
            ("levels", Arg::from(layout.columns.len())),
        ],
    );
    html! {
        <>
        <MapZoomTools
            on_zoom_in={pan_zoom.zoom_in.clone()}
            on_zoom_out={pan_zoom.zoom_out.clone()}
            on_reset={pan_zoom.reset.clone()}
        />
        <div
            ref={pan_zoom.frame.clone()}
            class="sw-map-frame"
            onpointerdown={pan_zoom.onpointerdown.clone()}
            onpointermove={pan_zoom.onpointermove.clone()}
            onpointerup={pan_zoom.onpointerup.clone()}
            onpointerleave={pan_zoom.onpointerup.clone()}
            {onscroll}
        >
            <svg
                ref={svg_ref}
                class="sw-map-svg"
                width={format!("{:.0}", width * zoom)}
                height={format!("{:.0}", height * zoom)}
                viewBox={format!("0 0 {width:.0} {height:.0}")}
                role="group"
                aria-label={description}
                {onkeydown}
                {onfocusout}
            >
                { arrow_markers() }
                <g class="sw-edges" transform={format!("translate({MARGIN} {MARGIN})")} aria-hidden="true">{ edges }</g>
                <g class="sw-nodes">{ for nodes }</g>
            </svg>
        </div>
        </>
    }
}

/// The lines of the map, those around the credential looked at last (on top) and highlighted,
/// the others dimmed while something is looked at.
fn edge_paths(graph: &MapGraph, layout: &Layout, active: Option<usize>) -> Html {
    let mut plain = Vec::new();
    let mut on = Vec::new();
    for (edge, points) in graph.edges.iter().zip(&layout.edges) {
        if points.len() < 2 {
            continue;
        }
        let mut d = String::with_capacity(points.len() * 14);
        for (i, p) in points.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { " L" });
            d.push_str(&format!("{:.1} {:.1}", p.x, p.y));
        }
        let kind = match edge.kind {
            MapEdgeKind::CountsToward => "sw-edge-counts",
            MapEdgeKind::Prerequisite => "sw-edge-prerequisite",
        };
        let touches = active.is_some_and(|a| edge.from == a || edge.to == a);
        let (state, marker) = match (active, touches) {
            (None, _) => (None, "url(#sw-arrow)"),
            (Some(_), true) => (Some("sw-edge-on"), "url(#sw-arrow-on)"),
            (Some(_), false) => (Some("sw-edge-dim"), "url(#sw-arrow-dim)"),
        };
        let path = html! {
            <path class={classes!("sw-edge", kind, state)} d={d} marker-end={marker} />
        };
        if touches {
            on.push(path);
        } else {
            plain.push(path);
        }
    }
    let dots_class = if active.is_some() {
        "sw-junction sw-junction-dim"
    } else {
        "sw-junction"
    };
    let dots = layout.junctions.iter().map(|j| {
        html! { <circle class={dots_class} cx={format!("{:.1}", j.x)} cy={format!("{:.1}", j.y)} r="3" /> }
    });
    html! { <>{ for plain }{ for dots }{ for on }</> }
}

/// What to bring into view first around credential `centre`, best first: its box with the
/// columns before and after it (what counts toward it, what it leads to), with the column
/// before, and alone. So a wide frame opens on a readable piece of the route, not on boxes cut
/// at the frame's edges.
fn views_around(layout: &Layout, centre: usize) -> Vec<Rect> {
    let Some(node) = layout.nodes.get(centre) else {
        return Vec::new();
    };
    let column_span = |column: Option<usize>| {
        let boxes = layout
            .columns
            .get(column?)?
            .iter()
            .filter_map(|&i| layout.nodes.get(i));
        boxes.fold(None, |span: Option<(f64, f64)>, n| {
            let (left, right) = span.unwrap_or((n.x, n.x + n.width));
            Some((left.min(n.x), right.max(n.x + n.width)))
        })
    };
    let alone = (node.x, node.x + node.width);
    let before = column_span(node.column.checked_sub(1)).unwrap_or(alone);
    let after = column_span(Some(node.column + 1)).unwrap_or(alone);
    [(before.0, after.1), (before.0, alone.1), alone]
        .iter()
        // In drawing units: the margin is on both sides, so borders and rings show whole.
        .map(|&(left, right)| {
            (
                left,
                node.y + MARGIN,
                right - left + 2.0 * MARGIN,
                node.height,
            )
        })
        .collect()
}

/// Adds to `seen` the credentials whose boxes are within [`BADGE_MARGIN`] of the frame's
/// visible part, so their badge images load. Returns whether any was added.
fn reveal_badges(frame: &NodeRef, layout: &Layout, zoom: f64, seen: &mut BTreeSet<usize>) -> bool {
    let Some(element) = frame.cast::<web_sys::Element>() else {
        return false;
    };
    let left = element.scroll_left() as f64 / zoom - BADGE_MARGIN;
    let top = element.scroll_top() as f64 / zoom - BADGE_MARGIN;
    let right = left + element.client_width() as f64 / zoom + 2.0 * BADGE_MARGIN;
    let bottom = top + element.client_height() as f64 / zoom + 2.0 * BADGE_MARGIN;
    let before = seen.len();
    seen.extend(
        layout
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                n.x + n.width >= left && n.x <= right && n.y + n.height >= top && n.y <= bottom
            })
            .map(|(i, _)| i),
    );
    seen.len() > before
}
