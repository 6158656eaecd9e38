//! The language in use and its messages, provided to every component by context.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{negotiate, I18n};

/// The language: the `lang` setting, else the page's `<html lang>`, else the browser's
/// preferences.
pub fn resolve_language(requested: Option<&str>) -> &'static str {
    let mut candidates: Vec<String> = Vec::new();
    if let Some(lang) = requested.filter(|l| !l.trim().is_empty()) {
        candidates.push(lang.to_owned());
    }
    if let Some(window) = web_sys::window() {
        if let Some(html) = window.document().and_then(|d| d.document_element()) {
            if let Some(lang) = html.get_attribute("lang").filter(|l| !l.is_empty()) {
                candidates.push(lang);
            }
        }
        let navigator = window.navigator();
        for lang in navigator.languages().iter() {
            if let Some(lang) = lang.as_string() {
                candidates.push(lang);
            }
        }
    }
    negotiate(candidates.iter().map(String::as_str))
}

/// The messages of the language in use.
#[hook]
pub fn use_i18n() -> Rc<I18n> {
    use_context::<Rc<I18n>>().unwrap_or_else(|| Rc::new(I18n::new("en")))
}
