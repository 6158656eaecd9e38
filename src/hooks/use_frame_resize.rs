//! Telling the LMS how tall the widget is, so the iframe around it grows and shrinks with it.
//!
//! LMSs listen for either message name (Canvas for `lti.frameResize`, the IMS draft for the
//! other), so both are sent whenever the content height changes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn post_height(height: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    for subject in ["lti.frameResize", "org.imsglobal.lti.frameResize"] {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"subject".into(), &subject.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is not a secret; the parent may be any LMS origin.
        let _ = parent.post_message(&message, "*");
    }
}

/// An installed observer and the callback it calls (kept alive together).
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Observes the element behind `node` and posts its height to the parent frame when `enabled`.
#[hook]
pub fn use_frame_resize(node: NodeRef, enabled: bool) {
    use_effect_with((node, enabled), |(node, enabled)| {
        let mut observer: Option<Observer> = None;
        if *enabled {
            if let Some(element) = node.cast::<web_sys::Element>() {
                let target = element.clone();
                let mut last = -1;
                let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
                    let height = target.scroll_height().max(target.client_height());
                    if height != last {
                        last = height;
                        post_height(height);
                    }
                });
                if let Ok(o) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                    o.observe(&element);
                    observer = Some((o, callback));
                }
            }
        }
        move || {
            if let Some((o, _callback)) = observer {
                o.disconnect();
            }
        }
    });
}
