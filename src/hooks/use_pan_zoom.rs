//! Pan and zoom of a drawing inside a scrolling frame, for the pathway map.
//!
//! Panning is the browser's own scrolling (touch, wheel, scroll bars, the keyboard when the
//! frame has focus), so it feels native on a phone; a mouse can also drag the background. Zoom
//! scales the drawing up from its natural size, never below: at zoom 1 one unit of the drawing
//! is one CSS pixel, so its text is drawn at the size the style sheet gives it (never under
//! 12 px), and a big map is panned rather than shrunk. Zooming keeps the middle of the view in
//! place.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

/// The zoom levels the buttons and keys step through.
const LEVELS: [f64; 5] = [1.0, 1.25, 1.5, 2.0, 2.5];

/// A pointer drag in progress: where it started and the frame's scroll at that moment.
#[derive(Clone, Copy)]
struct Drag {
    pointer: (i32, i32),
    scroll: (i32, i32),
    moved: bool,
}

/// What [`use_pan_zoom`] gives the component that draws.
#[derive(Clone)]
pub struct PanZoom {
    /// The scrolling frame (give it to the frame element).
    pub frame: NodeRef,
    /// The current zoom: drawing units to CSS pixels.
    pub zoom: f64,
    /// One level closer.
    pub zoom_in: Callback<()>,
    /// One level back (never below the natural size).
    pub zoom_out: Callback<()>,
    /// Back to the natural size and the top-left corner.
    pub reset: Callback<()>,
    /// Brings into view the first of some rectangles of the drawing, in order of preference,
    /// that fits the frame's width (at its left edge), else the last (in the middle), as far as
    /// the drawing allows: a box with its neighbours when the frame can show them. Vertically
    /// the last rectangle is centred.
    pub centre_on: Callback<Vec<Rect>>,
    /// Pointer handlers of the frame: dragging its background pans.
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    /// Whether the last pointer gesture was a drag (a click ending it must not open a node).
    pub dragged: Rc<Cell<bool>>,
}

/// A rectangle of the drawing: left, top, width, height.
pub type Rect = (f64, f64, f64, f64);

fn frame_element(frame: &NodeRef) -> Option<web_sys::Element> {
    frame.cast::<web_sys::Element>()
}

/// The middle of the frame's view, in drawing units at zoom `zoom`.
fn view_middle(frame: &web_sys::Element, zoom: f64) -> (f64, f64) {
    let x = (frame.scroll_left() as f64 + frame.client_width() as f64 / 2.0) / zoom;
    let y = (frame.scroll_top() as f64 + frame.client_height() as f64 / 2.0) / zoom;
    (x, y)
}

/// Pan and zoom over a frame; see the module doc.
#[hook]
pub fn use_pan_zoom() -> PanZoom {
    let frame = use_node_ref();
    let level = use_state(|| 0usize);
    // Where the middle of the view should be once the drawing has its new size.
    let pending_middle = use_mut_ref(|| None::<(f64, f64)>);
    let drag = use_drag_pan(frame.clone());
    let zoom = LEVELS[(*level).min(LEVELS.len() - 1)];

    {
        let frame = frame.clone();
        let pending_middle = pending_middle.clone();
        use_effect_with(zoom, move |&zoom| {
            if let (Some(element), Some((x, y))) =
                (frame_element(&frame), pending_middle.borrow_mut().take())
            {
                element.set_scroll_left((x * zoom - element.client_width() as f64 / 2.0) as i32);
                element.set_scroll_top((y * zoom - element.client_height() as f64 / 2.0) as i32);
            }
        });
    }

    let step = {
        let frame = frame.clone();
        let level = level.clone();
        move |delta: isize| {
            let next = (*level as isize + delta).clamp(0, LEVELS.len() as isize - 1) as usize;
            if next != *level {
                if let Some(element) = frame_element(&frame) {
                    *pending_middle.borrow_mut() = Some(view_middle(&element, zoom));
                }
                level.set(next);
            }
        }
    };
    let zoom_in = {
        let step = step.clone();
        Callback::from(move |()| step(1))
    };
    let zoom_out = Callback::from(move |()| step(-1));
    let reset = {
        let frame = frame.clone();
        Callback::from(move |()| {
            level.set(0);
            if let Some(element) = frame_element(&frame) {
                element.set_scroll_left(0);
                element.set_scroll_top(0);
            }
        })
    };
    let centre_on = centre_on(frame.clone(), zoom);

    PanZoom {
        frame,
        zoom,
        zoom_in,
        zoom_out,
        reset,
        centre_on,
        onpointerdown: drag.onpointerdown,
        onpointermove: drag.onpointermove,
        onpointerup: drag.onpointerup,
        dragged: drag.dragged,
    }
}

/// [`PanZoom::centre_on`] over `frame` at zoom `zoom`.
fn centre_on(frame: NodeRef, zoom: f64) -> Callback<Vec<Rect>> {
    Callback::from(move |rects: Vec<Rect>| {
        if let Some(element) = frame_element(&frame) {
            let room = element.client_width() as f64;
            // The map reads left to right: a rectangle that fits starts at the frame's left
            // edge (what is further right is cut, and invites a pan); else the last one is
            // centred.
            let left = match rects.iter().find(|r| r.2 * zoom <= room) {
                Some(&(x, ..)) => x * zoom,
                None => rects
                    .last()
                    .map_or(0.0, |r| (r.0 + r.2 / 2.0) * zoom - room / 2.0),
            };
            let Some(&(_, y, _, height)) = rects.last() else {
                return;
            };
            let top = (y + height / 2.0) * zoom - element.client_height() as f64 / 2.0;
            element.set_scroll_left(left.max(0.0) as i32);
            element.set_scroll_top(top.max(0.0) as i32);
        }
    })
}

/// What [`use_drag_pan`] gives [`use_pan_zoom`]: the frame's pointer handlers.
struct DragPan {
    onpointerdown: Callback<PointerEvent>,
    onpointermove: Callback<PointerEvent>,
    onpointerup: Callback<PointerEvent>,
    /// Whether the last pointer gesture was a drag.
    dragged: Rc<Cell<bool>>,
}

/// Dragging the background of `frame` with a mouse pans it (touch pans by scrolling natively).
#[hook]
fn use_drag_pan(frame: NodeRef) -> DragPan {
    let drag = use_mut_ref(|| None::<Drag>);
    let dragged = use_memo((), |_| Rc::new(Cell::new(false)));
    let onpointerdown = {
        let frame = frame.clone();
        let drag = drag.clone();
        let dragged = (*dragged).clone();
        Callback::from(move |e: PointerEvent| {
            dragged.set(false);
            // Touch pans by scrolling natively; a mouse drags with its main button.
            if e.pointer_type() != "mouse" || e.button() != 0 {
                return;
            }
            if let Some(element) = frame_element(&frame) {
                *drag.borrow_mut() = Some(Drag {
                    pointer: (e.client_x(), e.client_y()),
                    scroll: (element.scroll_left(), element.scroll_top()),
                    moved: false,
                });
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let dragged = (*dragged).clone();
        Callback::from(move |e: PointerEvent| {
            let mut state = drag.borrow_mut();
            let Some(d) = state.as_mut() else { return };
            let (dx, dy) = (e.client_x() - d.pointer.0, e.client_y() - d.pointer.1);
            // A few pixels of jitter are still a click.
            if !d.moved && dx.abs() + dy.abs() < 6 {
                return;
            }
            d.moved = true;
            dragged.set(true);
            if let Some(element) = frame_element(&frame) {
                element.set_scroll_left(d.scroll.0 - dx);
                element.set_scroll_top(d.scroll.1 - dy);
            }
        })
    };
    let onpointerup = Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None);
    DragPan {
        onpointerdown,
        onpointermove,
        onpointerup,
        dragged: (*dragged).clone(),
    }
}
