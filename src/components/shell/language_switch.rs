//! The learner's choice of the widget's language, among the languages it has words for.

use yew::prelude::*;

use crate::i18n::{I18n, LANGUAGES};

/// A labelled select of [`LANGUAGES`], each named in the current language; `on_language` is
/// called with the tag chosen.
pub fn language_switch(i18n: &I18n, on_language: &Callback<&'static str>) -> Html {
    let on_language = on_language.clone();
    let onchange = Callback::from(move |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Some(lang) = LANGUAGES.iter().find(|l| **l == value) {
            on_language.emit(lang);
        }
    });
    let languages = LANGUAGES.iter().map(|lang| {
        html! {
            <option value={*lang} selected={*lang == i18n.lang()}>
                { i18n.t(&format!("language-{lang}")) }
            </option>
        }
    });
    html! {
        <label class="sw-language">
            <span>{ i18n.t("language-label") }</span>
            <select {onchange}>{ for languages }</select>
        </label>
    }
}
