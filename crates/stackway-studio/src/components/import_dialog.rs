//! Importing a feed from elsewhere: a CTDL pathway as the Credential Registry publishes it
//! (through core's CTDL importer, the same as `stackway import ctdl`). The result replaces the
//! open feed as one step that Undo takes back; every problem the importer found is listed first.

use crate::doc::Json;
use stackway_core::Diagnostic;
use yew::prelude::*;

use crate::components::field_shell::DiagnosticLine;
use crate::i18n::Arg;
use crate::state::{use_ctx, Action, Notice, Source};

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub on_close: Callback<()>,
}

/// What an import produced: the feed (when anything could be read) and the problems found.
#[derive(Clone, PartialEq)]
pub struct Imported {
    pub file: String,
    pub feed: Option<Json>,
    pub problems: Vec<Diagnostic>,
    pub credentials: usize,
}

/// Imports CTDL text.
pub fn import_ctdl(file: &str, text: &str) -> Imported {
    let parsed = stackway_core::interop::ctdl::import_text(text);
    let credentials = parsed.feed.as_ref().map_or(0, |f| f.credentials.len());
    Imported {
        file: file.to_owned(),
        feed: parsed.feed.as_ref().map(Json::from_feed),
        problems: parsed.diagnostics,
        credentials,
    }
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let dialog = use_node_ref();
    let result = use_state(|| None::<Imported>);
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        });
    }
    let on_file = {
        let result = result.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = file.name();
            let result = result.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) =
                    gloo::file::futures::read_as_text(&gloo::file::Blob::from(file)).await
                {
                    result.set(Some(import_ctdl(&name, &text)));
                }
            });
        })
    };
    let apply = {
        let ctx = ctx.clone();
        let result = result.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_| {
            let Some(imported) = (*result).clone() else {
                return;
            };
            let Some(feed) = imported.feed else { return };
            let source = match &ctx.source {
                Source::Nothing => Source::Browser {
                    file: String::new(),
                },
                other => other.clone(),
            };
            ctx.dispatch(Action::Load {
                doc: feed,
                source,
                saved: false,
            });
            ctx.dispatch(Action::Notice(Some(Notice {
                text: ctx.i18n.t_with(
                    "import-done",
                    &[
                        ("count", Arg::from(imported.credentials)),
                        ("file", Arg::from(imported.file.as_str())),
                    ],
                ),
                error: false,
            })));
            on_close.emit(());
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let oncancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            on_close.emit(());
        })
    };
    html! {
        <dialog ref={dialog} class="dialog wide" aria-labelledby="import-heading" {oncancel} id="import-dialog">
            <h2 id="import-heading">{ i18n.t("import-heading") }</h2>
            <p>{ i18n.t("import-ctdl-text") }</p>
            <div class="field">
                <label class="field-label" for="import-file">{ i18n.t("import-file") }</label>
                <input id="import-file" type="file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_file} />
            </div>
            if let Some(imported) = &*result {
                <div class="import-result" role="status">
                    if imported.feed.is_some() {
                        <p>{ i18n.t_with("import-found", &[("count", Arg::from(imported.credentials)), ("problems", Arg::from(imported.problems.len()))]) }</p>
                    } else {
                        <p class="diag diag-error">{ i18n.t("import-nothing") }</p>
                    }
                    <ul class="problem-list">
                        { for imported.problems.iter().map(|d| html! { <li><code>{ d.pointer.clone() }</code><DiagnosticLine diagnostic={d.clone()} /></li> }) }
                    </ul>
                </div>
            }
            <div class="actions">
                <button type="button" class="primary" onclick={apply} id="import-apply"
                        disabled={result.as_ref().is_none_or(|r| r.feed.is_none())}>{ i18n.t("import-apply") }</button>
                <button type="button" onclick={close}>{ i18n.t("cancel") }</button>
            </div>
            <p class="help">{ i18n.t("import-replaces") }</p>
        </dialog>
    }
}
