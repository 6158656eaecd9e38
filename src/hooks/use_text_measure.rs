//! Measuring text in the page's own font, so that the map can wrap titles to fit their boxes
//! exactly (the widget inherits the LMS's font, which only the browser knows).
//!
//! Measures with a 2-D canvas set to the font family computed for the element behind `node`,
//! once it is in the page. Without a canvas (very old browsers) it estimates generously, so
//! text never overflows its box.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Measures the width of a line of text in one family.
#[derive(Clone)]
pub struct TextMeasure {
    family: Rc<str>,
    context: Option<web_sys::CanvasRenderingContext2d>,
}

impl PartialEq for TextMeasure {
    fn eq(&self, other: &Self) -> bool {
        self.family == other.family && self.context.is_some() == other.context.is_some()
    }
}

impl TextMeasure {
    /// The width of `text` in CSS pixels at `size` px, bold (600) or regular.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        if let Some(context) = &self.context {
            let weight = if bold { "600" } else { "400" };
            context.set_font(&format!("{weight} {size}px {}", self.family));
            if let Ok(metrics) = context.measure_text(text) {
                // A hair of room for sub-pixel rounding between canvas and SVG text.
                return metrics.width() + 1.0;
            }
        }
        // Wider than any common font's average character.
        text.chars().count() as f64 * size * if bold { 0.66 } else { 0.62 }
    }
}

fn measure_for(element: &web_sys::Element) -> TextMeasure {
    let family = web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-family").ok())
        .filter(|f| !f.trim().is_empty())
        .unwrap_or_else(|| "sans-serif".to_owned());
    let context = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    TextMeasure {
        family: family.into(),
        context,
    }
}

/// A text measure in the font of the element behind `node`, from its first render on (`None`
/// before it is in the page).
#[hook]
pub fn use_text_measure(node: NodeRef) -> Option<TextMeasure> {
    let measure = use_state(|| None::<TextMeasure>);
    {
        let measure = measure.clone();
        use_effect_with(node, move |node| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                measure.set(Some(measure_for(&element)));
            }
        });
    }
    (*measure).clone()
}
