//! The learner's view of the feed being edited: the real Stackway widget, mounted beside the
//! editor as any page embeds it, re-rendered with the document a moment after each edit.
//! Toggles show it in English or French and at a phone's or a desktop's width, and "what if"
//! marks credentials as held, to see progress as a learner would.

use std::cell::RefCell;
use std::rc::Rc;

use crate::doc::JsonExt;
use serde_json::json;
use wasm_bindgen::prelude::*;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::id_datalists::CREDENTIAL_IDS;
use crate::i18n::Arg;
use crate::state::use_ctx;

#[wasm_bindgen(module = "/www/preview.js")]
extern "C" {
    #[wasm_bindgen(js_name = previewMount)]
    async fn preview_mount(element: web_sys::Element, config: String) -> JsValue;
    #[wasm_bindgen(js_name = previewUpdate)]
    fn preview_update(handle: &JsValue, config: String);
    #[wasm_bindgen(js_name = previewUnmount)]
    fn preview_unmount(handle: &JsValue);
}

/// How long after the last edit the preview is redrawn (it re-reads the whole feed).
const DELAY_MS: u32 = 500;

/// The widget's configuration for the document's text.
pub fn config(feed_text: &str, lang: &str, view: &str, held: &[String]) -> String {
    let held: Vec<serde_json::Value> = held.iter().map(|id| json!({ "id": id })).collect();
    json!({ "feedText": feed_text, "lang": lang, "view": view, "held": held }).to_string()
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// Whether the preview is on screen (it is not redrawn while hidden).
    pub visible: bool,
}

/// Mounts the widget in `host` with the document, and redraws it a moment after each edit or
/// toggle while it is `visible`; unmounts it when the preview goes.
#[hook]
fn use_widget(host: NodeRef, lang: String, view: String, held: Vec<String>, visible: bool) {
    let ctx = use_ctx();
    let handle: Rc<RefCell<Option<JsValue>>> = use_mut_ref(|| None);
    let mounting = use_mut_ref(|| false);

    {
        let host = host.clone();
        let handle = handle.clone();
        let mounting = mounting.clone();
        let doc = ctx.doc.clone();
        let deps = (ctx.revision, lang, view, held, visible);
        use_effect_with(deps, move |(_, lang, view, held, visible)| {
            let timeout = visible.then(|| {
                let lang = lang.clone();
                let view = view.clone();
                let held = held.clone();
                gloo::timers::callback::Timeout::new(DELAY_MS, move || {
                    let text = doc.borrow().to_text();
                    let config = config(&text, &lang, &view, &held);
                    if let Some(existing) = handle.borrow().as_ref() {
                        preview_update(existing, config);
                        return;
                    }
                    if *mounting.borrow() {
                        return;
                    }
                    let Some(element) = host.cast::<web_sys::Element>() else {
                        return;
                    };
                    *mounting.borrow_mut() = true;
                    wasm_bindgen_futures::spawn_local(async move {
                        let mounted = preview_mount(element, config).await;
                        *handle.borrow_mut() = Some(mounted);
                        *mounting.borrow_mut() = false;
                    });
                })
            });
            move || drop(timeout)
        });
    }
    {
        let handle = handle.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(existing) = handle.borrow_mut().take() {
                    preview_unmount(&existing);
                }
            }
        });
    }
}

#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let lang = use_state(|| ctx.i18n.lang.tag().to_owned());
    let phone = use_state(|| true);
    let view = use_state(|| "programs".to_owned());
    let held = use_state(Vec::<String>::new);
    let new_mark = use_state(String::new);
    let host = use_node_ref();
    use_widget(
        host.clone(),
        (*lang).clone(),
        (*view).clone(),
        (*held).clone(),
        props.visible,
    );

    let toggle = |state: &UseStateHandle<String>, value: &'static str| {
        let state = state.clone();
        Callback::from(move |_| state.set(value.to_owned()))
    };
    let set_phone = |on: bool| {
        let phone = phone.clone();
        Callback::from(move |_| phone.set(on))
    };
    let add_mark = {
        let held = held.clone();
        let new_mark = new_mark.clone();
        Callback::from(move |id: String| {
            let id = id.trim().to_owned();
            if !id.is_empty() && !held.contains(&id) {
                let mut next = (*held).clone();
                next.push(id);
                held.set(next);
            }
            new_mark.set(String::new());
        })
    };
    let on_mark_key = {
        let add_mark = add_mark.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                add_mark.emit(e.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    let on_mark_input = {
        let new_mark = new_mark.clone();
        Callback::from(move |e: InputEvent| {
            new_mark.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let add_mark_click = {
        let add_mark = add_mark.clone();
        let new_mark = new_mark.clone();
        Callback::from(move |_| add_mark.emit((*new_mark).clone()))
    };
    let pressed = |on: bool| if on { "true" } else { "false" };
    html! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading" class="visually-hidden">{ i18n.t("preview") }</h2>
            <p class="help">{ i18n.t("preview-help") }</p>
            <div class="toolbar" role="group" aria-label={i18n.t("preview-language")}>
                <span class="toolbar-label" aria-hidden="true">{ i18n.t("preview-language") }</span>
                <button type="button" aria-pressed={pressed(*lang == "en")} onclick={toggle(&lang, "en")}>{ "English" }</button>
                <button type="button" aria-pressed={pressed(*lang == "fr")} onclick={toggle(&lang, "fr")} lang="fr">{ "Français" }</button>
            </div>
            <div class="toolbar" role="group" aria-label={i18n.t("preview-width")}>
                <span class="toolbar-label" aria-hidden="true">{ i18n.t("preview-width") }</span>
                <button type="button" aria-pressed={pressed(*phone)} onclick={set_phone(true)}>{ i18n.t("preview-phone") }</button>
                <button type="button" aria-pressed={pressed(!*phone)} onclick={set_phone(false)}>{ i18n.t("preview-desktop") }</button>
            </div>
            <div class="toolbar" role="group" aria-label={i18n.t("preview-view")}>
                <span class="toolbar-label" aria-hidden="true">{ i18n.t("preview-view") }</span>
                { for ["programs", "map", "explore", "plan", "pathways"].into_iter().map(|v| html! {
                    <button type="button" aria-pressed={pressed(*view == v)} onclick={toggle(&view, v)}>{ i18n.t(&format!("preview-view-{v}")) }</button>
                }) }
            </div>
            <details class="what-if" open={!held.is_empty()}>
                <summary>{ i18n.t_with("what-if", &[("count", Arg::from(held.len()))]) }</summary>
                <p class="help">{ i18n.t("what-if-help") }</p>
                <ul class="plain chips">
                    { for held.iter().map(|id| {
                        let remove = {
                            let held = held.clone();
                            let id = id.clone();
                            Callback::from(move |_| held.set(held.iter().filter(|h| **h != id).cloned().collect()))
                        };
                        html! { <li class="chip"><code>{ id.clone() }</code>
                            <button type="button" class="icon" onclick={remove}
                                    aria-label={i18n.t_with("what-if-remove", &[("id", Arg::from(id.as_str()))])}>{"✕"}</button></li> }
                    }) }
                </ul>
                <div class="id-add">
                    <input id="what-if-id" type="text" list={CREDENTIAL_IDS} value={(*new_mark).clone()} oninput={on_mark_input}
                           onkeydown={on_mark_key} aria-label={i18n.t("what-if-add-label")} spellcheck="false" autocomplete="off" />
                    <button type="button" onclick={add_mark_click}>{ i18n.t("what-if-add") }</button>
                </div>
            </details>
            <div class={classes!("preview-frame", if *phone { "phone" } else { "desktop" })} lang={(*lang).clone()}>
                <div ref={host} class="preview-host" id="preview-host"></div>
            </div>
        </section>
    }
}
