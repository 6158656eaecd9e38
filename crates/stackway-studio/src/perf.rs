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
        js_sys::Array::from(&list).push(&JsValue::from_f64(ms));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, ms, JsValue::NULL);
}
