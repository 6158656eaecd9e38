//! A roving tab stop over the items of a composite widget (the pathway map's nodes): one item
//! is in the tab order (`tabindex="0"`), the others are reached with the keys the caller maps
//! to a next item, and moving makes the browser focus the new item (which also scrolls it into
//! view). Whether focus is inside is tracked too, so the map can show what is around the focused
//! item only while it is focused: nothing is highlighted or ringed on load.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What [`use_roving_focus`] gives the component.
#[derive(Clone)]
pub struct RovingFocus {
    /// The item in the tab order.
    pub current: usize,
    /// Whether one of the items has the browser's focus.
    pub focused: bool,
    /// Call when an item receives focus (by Tab, click or a move).
    pub on_focus: Callback<usize>,
    /// Call when focus leaves the items.
    pub on_blur: Callback<()>,
    /// Handles a key on the container: moves when `next` knows where the key leads. Returns
    /// nothing; unhandled keys are left to the caller's own handler.
    pub on_key: Callback<KeyboardEvent>,
}

/// Where a key leads from an item: `next(from, key)`.
pub type NextItem = Rc<dyn Fn(usize, &str) -> Option<usize>>;

/// A roving tab stop over the elements `[data-node="i"]` inside `container`, starting at
/// `initial`: the caller gives item `i` `tabindex="0"` when `i == current`, else `"-1"`.
#[hook]
pub fn use_roving_focus(container: NodeRef, initial: usize, next: NextItem) -> RovingFocus {
    let current = use_state(|| initial);
    let focused = use_state(|| false);
    // Set by a key move: the effect below then focuses the new item.
    let move_focus = use_mut_ref(|| false);
    {
        let container = container.clone();
        let move_focus = move_focus.clone();
        use_effect_with(*current, move |index| {
            if std::mem::take(&mut *move_focus.borrow_mut()) {
                focus_item(&container, *index);
            }
        });
    }
    let on_focus = {
        let current = current.clone();
        let focused = focused.clone();
        Callback::from(move |index: usize| {
            if *current != index {
                current.set(index);
            }
            // Always: a focusout from the item left just before may have cleared it in the same
            // task, and this handle's value would not show that yet.
            focused.set(true);
        })
    };
    let on_blur = {
        let focused = focused.clone();
        Callback::from(move |()| focused.set(false))
    };
    let on_key = {
        let current = current.clone();
        let container = container.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(to) = next(*current, &e.key()) {
                e.prevent_default();
                if to == *current {
                    focus_item(&container, to);
                } else {
                    *move_focus.borrow_mut() = true;
                    current.set(to);
                }
            }
        })
    };
    RovingFocus {
        current: *current,
        focused: *focused,
        on_focus,
        on_blur,
        on_key,
    }
}

fn focus_item(container: &NodeRef, index: usize) {
    let Some(root) = container.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(item)) = root.query_selector(&format!("[data-node=\"{index}\"]")) {
        if let Ok(item) = item.dyn_into::<web_sys::SvgElement>() {
            let _ = item.focus();
        }
    }
}
