//! The studio's top bar: what is open and whether it is saved, undo and redo, save (or
//! download), open, new, import, and the interface language.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Arg, Lang};
use crate::state::{use_ctx, Action, Source};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_save: Callback<()>,
    pub on_download: Callback<()>,
    pub on_open: Callback<()>,
    pub on_new: Callback<()>,
    pub on_import: Callback<()>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let history = ctx.history.borrow();
    let (can_undo, can_redo, dirty) = (history.can_undo(), history.can_redo(), history.is_dirty());
    drop(history);
    let (file, where_) = match &ctx.source {
        Source::Server {
            file,
            path,
            version,
            ..
        } => (
            file.clone(),
            Some(if version == crate::state::ABSENT {
                i18n.t_with("file-new", &[("path", Arg::from(path.as_str()))])
            } else {
                path.clone()
            }),
        ),
        Source::Browser { file } => (file.clone(), Some(i18n.t("file-in-browser"))),
        Source::Nothing => (i18n.t("no-file"), None),
    };
    let status = if dirty {
        i18n.t("status-unsaved")
    } else {
        i18n.t("status-saved")
    };
    let on_lang = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
            ctx.dispatch(Action::SetLang(Lang::from_tag(&tag)));
        })
    };
    let undo = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Undo))
    };
    let redo = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Redo))
    };
    let server = matches!(ctx.source, Source::Server { .. });
    let emit = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_| callback.emit(()))
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="app-name">{ "Stackway Studio" }</span>
                <span class="file" title={where_.clone()}>
                    <span class="file-name">{ file }</span>
                    if let Some(where_) = where_ { <span class="file-path">{ where_ }</span> }
                </span>
                <span class={classes!("save-status", dirty.then_some("dirty"))} role="status" id="save-status">{ status }</span>
            </div>
            <div class="actions" role="toolbar" aria-label={i18n.t("toolbar")}>
                <button type="button" onclick={undo} disabled={!can_undo} id="undo" aria-keyshortcuts="Control+Z"
                        title={i18n.t("undo-shortcut")}>{ i18n.t("undo") }</button>
                <button type="button" onclick={redo} disabled={!can_redo} id="redo" aria-keyshortcuts="Control+Shift+Z"
                        title={i18n.t("redo-shortcut")}>{ i18n.t("redo") }</button>
                if server {
                    <button type="button" class="primary" onclick={emit(&props.on_save)} id="save" aria-keyshortcuts="Control+S">{ i18n.t("save") }</button>
                }
                <button type="button" class={classes!((!server).then_some("primary"))} onclick={emit(&props.on_download)} id="download">{ i18n.t("download") }</button>
                if !server {
                    <button type="button" onclick={emit(&props.on_open)} id="open">{ i18n.t("open") }</button>
                    <button type="button" onclick={emit(&props.on_new)} id="new">{ i18n.t("new-feed") }</button>
                }
                <button type="button" onclick={emit(&props.on_import)} id="import">{ i18n.t("import") }</button>
                <label for="ui-lang" class="visually-hidden">{ i18n.t("interface-language") }</label>
                <select id="ui-lang" onchange={on_lang}>
                    { for Lang::ALL.into_iter().map(|l| html! {
                        <option value={l.tag()} selected={l == i18n.lang} lang={l.tag()}>{ if l == Lang::En { "English" } else { "Français" } }</option>
                    }) }
                </select>
            </div>
        </header>
    }
}
