//! How a credential's words fit its box on the map: the title wrapped on at most three lines at
//! 14 px (never cut), the status and kind below at 12 px, and room for a badge image. One box
//! width serves the whole map (as on a printed program map, boxes line up), the narrowest that
//! lets every title fit in three lines; each box is as tall as its words.
//!
//! The sizes here are the style sheet's (`.sw-node-title`, `.sw-node-meta` in
//! `www/stackway.css`): the end-to-end tests measure the drawn text against them.

use stackway_core::layout::{wrap, Size};

use crate::hooks::TextMeasure;

/// Title size in CSS pixels at zoom 1 (the map never draws smaller).
pub const TITLE_PX: f64 = 14.0;
/// Status line size in CSS pixels at zoom 1.
pub const META_PX: f64 = 12.0;
/// Height of a title line.
pub const LINE_HEIGHT: f64 = 18.0;
/// Height of a status line.
pub const META_LINE_HEIGHT: f64 = 16.0;
/// Space between the box's border and its words, left and right.
pub const PADDING_X: f64 = 12.0;
/// Space between the box's border and its words, top and bottom.
pub const PADDING_Y: f64 = 10.0;
/// Side of a badge image.
pub const BADGE_SIZE: f64 = 32.0;
/// Width of the words of a box without a badge, at least and at most (a title longer than
/// three lines at the widest takes more lines rather than being cut).
const TEXT_MIN: f64 = 152.0;
const TEXT_MAX: f64 = 296.0;
/// Most lines of a title.
const TITLE_LINES: usize = 3;

/// The words of one box, wrapped.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct NodeLabel {
    /// Title lines.
    pub title: Vec<String>,
    /// Status and kind lines.
    pub meta: Vec<String>,
    /// Whether the box leaves room for a badge image on the left.
    pub has_badge: bool,
}

/// What one credential's box must hold.
pub struct LabelText {
    /// The whole title.
    pub title: String,
    /// The status and kind as shown now.
    pub meta: String,
    /// Every status line the box may have to show as the learner's plan changes, so that marking
    /// a credential never resizes its box (and never moves the map).
    pub meta_variants: Vec<String>,
    /// Whether the credential has a badge image.
    pub has_badge: bool,
}

/// Wraps every box's words and returns the labels with the box sizes for the layout.
pub fn label_boxes(texts: &[LabelText], measure: &TextMeasure) -> (Vec<NodeLabel>, Vec<Size>) {
    let mut title_width = |s: &str| measure.width(s, TITLE_PX, true);
    let badge_room = |has: bool| if has { BADGE_SIZE + 8.0 } else { 0.0 };
    // The common width of the words: what the longest title needs for three lines, plus the
    // badge's room where there is one.
    let outer = texts
        .iter()
        .map(|t| {
            wrap::fitting_width(&t.title, TITLE_LINES, TEXT_MIN, TEXT_MAX, &mut title_width)
                + badge_room(t.has_badge)
        })
        .fold(TEXT_MIN, f64::max);
    let mut meta_width = |s: &str| measure.width(s, META_PX, false);
    let mut labels = Vec::with_capacity(texts.len());
    let mut sizes = Vec::with_capacity(texts.len());
    for text in texts {
        let inner = outer - badge_room(text.has_badge);
        let title = wrap::wrap(&text.title, inner, &mut title_width);
        let meta = wrap::wrap(&text.meta, inner, &mut meta_width);
        let meta_lines = text
            .meta_variants
            .iter()
            .map(|m| wrap::wrap(m, inner, &mut meta_width).len())
            .chain([meta.len()])
            .max()
            .unwrap_or(1);
        let words = LINE_HEIGHT * title.len().max(1) as f64
            + 4.0
            + META_LINE_HEIGHT * meta_lines.max(1) as f64;
        let height = if text.has_badge {
            words.max(BADGE_SIZE)
        } else {
            words
        } + 2.0 * PADDING_Y;
        sizes.push(Size {
            width: outer + 2.0 * PADDING_X,
            height,
        });
        labels.push(NodeLabel {
            title,
            meta,
            has_badge: text.has_badge,
        });
    }
    (labels, sizes)
}
