//! Where the learner gives their records: a file to choose, or text to paste.

use yew::prelude::*;

use crate::hooks::use_ctx;

/// Properties of [`BadgeInput`].
#[derive(Properties, PartialEq)]
pub struct BadgeInputProps {
    /// Called with the file the learner chose.
    pub on_file: Callback<web_sys::File>,
    /// Called with the text the learner pasted, when they add it.
    pub on_paste: Callback<String>,
}

/// A file chooser, a text area and its "add" button.
#[function_component]
pub fn BadgeInput(props: &BadgeInputProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let pasted = use_state(String::new);
    let choose = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    let typed = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            );
        })
    };
    let add_pasted = {
        let on_paste = props.on_paste.clone();
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| {
            if !pasted.trim().is_empty() {
                on_paste.emit((*pasted).clone());
            }
        })
    };
    html! {
        <>
            <label class="sw-button sw-file">
                <span>{ i18n.t("badges-choose") }</span>
                <input type="file" accept=".json,.jwt,.txt,application/json,text/plain"
                    onchange={choose} class="sw-visually-hidden" />
            </label>
            <label class="sw-field">
                <span>{ i18n.t("badges-paste") }</span>
                <textarea class="sw-badge-text" rows="4" spellcheck="false"
                    value={(*pasted).clone()} oninput={typed} />
            </label>
            <button type="button" class="sw-button" onclick={add_pasted}>{ i18n.t("badges-add") }</button>
        </>
    }
}
