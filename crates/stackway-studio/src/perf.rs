//! Timings the studio's benchmark reads (`tests/bench/studio.mjs`): how long opening the feed
//! and each check took, kept on `window.stackwayStudioTimings` as `{name: [ms, …]}`. Only
//! numbers the studio measures anyway; nothing leaves the page.

use wasm_bindgen::JsValue;

/// Appends a duration (milliseconds) under `name`.
pub fn record(name: &str, ms: f64) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        let key = JsValue::from_str("stackwayStudioTimings");
        let timings = js_sys::Reflect::get(&window, &key)
            .ok()
            .filter(|v| v.is_object())
            .unwrap_or_else(|| {
                let object: JsValue = js_sys::Object::new().into();
                let _ = js_sys::Reflect::set(&window, &key, &object);
                object
            });
        let name = JsValue::from_str(name);
        let list = js_sys::Reflect::get(&timings, &name)
            .ok()
            .filter(|v| v.is_object())
            .unwrap_or_else(|| {
                let list: JsValue = js_sys::Array::new().into();
                let _ = js_sys::Reflect::set(&timings, &name, &list);
                list
            });
        use wasm_bindgen::JsCast;
        if let Ok(list) = list.dyn_into::<js_sys::Array>() {
            list.push(&JsValue::from_f64(ms));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, ms, JsValue::NULL);
}

thread_local! {
    /// When the first edit not yet checked was made (`performance.now()`).
    static PENDING_EDIT: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// `performance.now()`, or 0 outside a browser.
pub fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        return performance.now();
    }
    0.0
}

/// An edit was made: the time until its diagnostics are on screen is `edit-to-check`.
pub fn edited() {
    PENDING_EDIT.with(|pending| {
        if pending.get().is_none() {
            pending.set(Some(now()));
        }
    });
}

/// The diagnostics of the latest edits are on screen.
pub fn checked() {
    if let Some(start) = PENDING_EDIT.with(|pending| pending.take()) {
        record("edit-to-check", now() - start);
    }
}

/// A performance mark (the benchmark reads `stackway-studio:opened`).
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}
