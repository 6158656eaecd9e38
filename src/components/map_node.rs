//! One credential on the pathway map: a box with its title wrapped on up to three lines (never
//! cut: the box is as big as the title needs), its status and kind, and its badge image when the
//! feed gives one. The whole title is the box's accessible name.

use yew::prelude::*;

use super::map_labels::{
    NodeLabel, BADGE_SIZE, LINE_HEIGHT, META_LINE_HEIGHT, PADDING_X, PADDING_Y,
};

/// How a box relates to the credential the learner is looking at (hovered or focused).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Emphasis {
    /// Nothing is being looked at: every box is drawn plainly.
    Plain,
    /// This is the credential looked at.
    Active,
    /// It counts toward the one looked at, or that one counts toward it.
    Related,
    /// Unrelated to the one looked at: drawn faint.
    Dimmed,
}

/// Properties of [`MapNode`].
#[derive(Properties, PartialEq)]
pub struct MapNodeProps {
    /// The credential's index in the feed (the map's node number).
    pub index: usize,
    /// The credential's id, passed back by the callbacks.
    pub id: AttrValue,
    /// Where the box is drawn: left, top, width, height, in drawing units.
    pub bounds: (f64, f64, f64, f64),
    /// The title and status lines, already wrapped.
    pub label: NodeLabel,
    /// The language of the title when it is not the widget's.
    pub title_lang: Option<AttrValue>,
    /// The box's accessible name: the whole title, the status and the kind.
    pub name: AttrValue,
    /// The status class (`sw-held`, `sw-planned`, `sw-available` or none).
    pub status: Option<&'static str>,
    /// The https URL of the credential's badge image, when it is near the visible part of the
    /// map (images load lazily, as they come into view).
    pub badge: Option<AttrValue>,
    /// Whether this box is the map's tab stop.
    pub tab_stop: bool,
    /// How the box relates to the credential looked at.
    pub emphasis: Emphasis,
    /// Opens the credential's detail.
    pub on_open: Callback<AttrValue>,
    /// The box received focus.
    pub on_focus: Callback<usize>,
    /// The pointer entered (`Some`) or left (`None`) the box.
    pub on_hover: Callback<Option<usize>>,
}

/// One box of the pathway map.
#[function_component]
pub fn MapNode(props: &MapNodeProps) -> Html {
    let (x, y, width, height) = props.bounds;
    let index = props.index;
    let onclick = {
        let id = props.id.clone();
        props.on_open.reform(move |_: MouseEvent| id.clone())
    };
    let onfocus = props.on_focus.reform(move |_: FocusEvent| index);
    let onpointerenter = props.on_hover.reform(move |_: PointerEvent| Some(index));
    let onpointerleave = props.on_hover.reform(|_: PointerEvent| None);
    let emphasis = match props.emphasis {
        Emphasis::Plain => None,
        Emphasis::Active => Some("sw-node-active"),
        Emphasis::Related => Some("sw-node-related"),
        Emphasis::Dimmed => Some("sw-node-dim"),
    };
    let text_x = if props.label.has_badge {
        PADDING_X + BADGE_SIZE + 8.0
    } else {
        PADDING_X
    };
    // Baselines: the first title line's sits a little above the bottom of its line box.
    let first_baseline = PADDING_Y + LINE_HEIGHT - 4.0;
    let meta_top = PADDING_Y + LINE_HEIGHT * props.label.title.len() as f64 + 4.0;
    let title_lines = props.label.title.iter().enumerate().map(|(i, line)| {
        html! {
            <tspan x={fmt(text_x)} y={fmt(first_baseline + LINE_HEIGHT * i as f64)}>{ line }</tspan>
        }
    });
    let meta_lines = props.label.meta.iter().enumerate().map(|(i, line)| {
        html! {
            <tspan x={fmt(text_x)} y={fmt(meta_top + META_LINE_HEIGHT * (i + 1) as f64 - 4.0)}>{ line }</tspan>
        }
    });
    html! {
        <g
            class={classes!("sw-node", props.status, emphasis)}
            transform={format!("translate({} {})", fmt(x), fmt(y))}
            tabindex={if props.tab_stop { "0" } else { "-1" }}
            role="button"
            aria-label={props.name.clone()}
            data-node={index.to_string()}
            data-id={props.id.clone()}
            {onfocus}
            {onclick}
            {onpointerenter}
            {onpointerleave}
        >
            <rect class="sw-node-box" width={fmt(width)} height={fmt(height)} rx="8" />
            if let Some(href) = &props.badge {
                <image
                    class="sw-node-badge"
                    href={href.clone()}
                    x={fmt(PADDING_X)}
                    y={fmt(PADDING_Y)}
                    width={fmt(BADGE_SIZE)}
                    height={fmt(BADGE_SIZE)}
                    decoding="async"
                    aria-hidden="true"
                />
            }
            <text class="sw-node-title" lang={props.title_lang.clone()} aria-hidden="true">{ for title_lines }</text>
            <text class="sw-node-meta" aria-hidden="true">{ for meta_lines }</text>
        </g>
    }
}

/// A coordinate as SVG wants it: one decimal is plenty at CSS pixel scale.
fn fmt(value: f64) -> String {
    format!("{value:.1}")
}
