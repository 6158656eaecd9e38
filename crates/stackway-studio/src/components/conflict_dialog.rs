//! When a save finds the file changed on disk since it was loaded, the studio does not
//! overwrite it: this dialog says so and offers the choices, none of which loses work.

use yew::prelude::*;

use crate::file_actions::{download, read_document, save};
use crate::session;
use crate::state::{use_ctx, Action, Source};

#[function_component(ConflictDialog)]
pub fn conflict_dialog() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        });
    }
    let disk_version = ctx.conflict.clone().unwrap_or_default();
    let overwrite = {
        let ctx = ctx.clone();
        let disk_version = disk_version.clone();
        Callback::from(move |_| save(&ctx, Some(disk_version.clone())))
    };
    let reload = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let Source::Server { token, .. } = &ctx.source else {
                return;
            };
            let token = token.clone();
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(Some(file)) = session::load(&token).await {
                    let text = file.text.unwrap_or_default();
                    if let Ok(doc) = read_document(&text) {
                        let source = Source::Server {
                            file: file.file,
                            path: file.path,
                            version: file.version,
                            token,
                        };
                        ctx.dispatch(Action::Load {
                            doc,
                            source,
                            saved: true,
                        });
                    }
                }
            });
        })
    };
    let keep = {
        let ctx = ctx.clone();
        Callback::from(move |_| download(&ctx))
    };
    let cancel = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Conflict(None)))
    };
    let oncancel = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            ctx.dispatch(Action::Conflict(None));
        })
    };
    html! {
        <dialog ref={dialog} class="dialog" aria-labelledby="conflict-heading" aria-describedby="conflict-text" {oncancel} id="conflict">
            <h2 id="conflict-heading">{ i18n.t("conflict-heading") }</h2>
            <p id="conflict-text">{ i18n.t("conflict-text") }</p>
            <ul class="choices plain">
                <li><button type="button" class="danger" onclick={overwrite} id="conflict-overwrite">{ i18n.t("conflict-overwrite") }</button>
                    <span class="help">{ i18n.t("conflict-overwrite-help") }</span></li>
                <li><button type="button" onclick={reload} id="conflict-reload">{ i18n.t("conflict-reload") }</button>
                    <span class="help">{ i18n.t("conflict-reload-help") }</span></li>
                <li><button type="button" onclick={keep} id="conflict-download">{ i18n.t("conflict-download") }</button>
                    <span class="help">{ i18n.t("conflict-download-help") }</span></li>
            </ul>
            <button type="button" onclick={cancel} id="conflict-cancel">{ i18n.t("cancel") }</button>
        </dialog>
    }
}
