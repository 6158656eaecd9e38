//! localStorage that may be missing. Inside an LMS iframe the browser often denies storage to the
//! third-party widget (Chromium throws a `SecurityError` on `window.localStorage`), and gloo's
//! `LocalStorage` panics in that case, which with `panic = "abort"` kills the widget. Every read and
//! write here treats storage as optional: without it, the plan and the offline copy simply live
//! for this page only.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value saved under `key`, if storage is available and the saved copy is readable.
pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Saves `value` under `key`; returns whether it was saved (no storage, or over quota, is `false`).
pub fn set<T: Serialize>(key: &str, value: &T) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    match serde_json::to_string(value) {
        Ok(text) => storage.set_item(key, &text).is_ok(),
        Err(_) => false,
    }
}
