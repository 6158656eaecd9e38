//! localStorage that may be missing. Inside an LMS iframe the browser often denies storage to the
//! third-party widget (Chromium throws a `SecurityError` on `window.localStorage`), and gloo's
//! `LocalStorage` panics in that case, which with `panic = "abort"` kills the widget. Every read and
//! write here treats storage as optional: without it, the plan and the offline copy simply live
//! for this page only.

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text saved under `key`, if storage is available and holds it.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves `text` under `key`; returns whether it was saved (no storage, or over quota, is `false`).
pub fn set(key: &str, text: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(key, text).is_ok())
}
