//! The studio's root: loads the feed (from the server or the browser), checks it after every
//! edit, keeps a draft, guards unsaved changes, handles the keyboard shortcuts, and lays out the
//! sections, the editor, and the preview and problems beside it.

use crate::doc::{from_serde, Json};
use serde_json::json;
use yew::prelude::*;

use crate::app_hooks::{
    use_checks, use_document_lang, use_draft, use_focus, use_perf_marks, use_shortcuts,
};
use crate::check::Section;
use crate::components::conflict_dialog::ConflictDialog;
use crate::components::credential_form::CredentialForm;
use crate::components::credential_list::CredentialList;
use crate::components::equivalences::Equivalences;
use crate::components::feed_form::FeedForm;
use crate::components::header::Header;
use crate::components::id_datalists::IdDatalists;
use crate::components::import_dialog::ImportDialog;
use crate::components::institutions::Institutions;
use crate::components::nav::Nav;
use crate::components::notice_line::NoticeLine;
use crate::components::pathways::Pathways;
use crate::components::side_panel::SidePanel;
use crate::components::skills::Skills;
use crate::components::welcome::Welcome;
use crate::file_actions::{download, notice, read_document, save, time_of};
use crate::i18n::{Arg, Lang};
use crate::session;
use crate::state::{Action, Ctx, Notice, Source, State};

/// A new feed: what the format requires, empty, in English and French.
pub fn new_feed() -> Json {
    from_serde(json!({
        "stackway": 1,
        "id": "",
        "languages": ["en", "fr"],
        "provider": { "id": "", "name": {} },
        "credentials": []
    }))
}

/// The interface language: `?lang=`, else the browser's.
fn initial_lang() -> Lang {
    let window = web_sys::window();
    let query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if let Some(tag) = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
    {
        return Lang::from_tag(tag);
    }
    window
        .and_then(|w| w.navigator().language())
        .map_or(Lang::En, |t| Lang::from_tag(&t))
}

/// Opens the text of a file, or reports why it cannot be edited.
fn open_text(ctx: &Ctx, text: &str, source: Source, saved: bool) {
    let started = crate::perf::now();
    let read = read_document(text);
    crate::perf::record("read", crate::perf::now() - started);
    match read {
        Ok(doc) => ctx.dispatch(Action::Load { doc, source, saved }),
        Err(error) => notice(ctx, "open-not-json", &[("error", Arg::from(error))], true),
    }
}

/// A draft kept for this file that differs from what was opened.
fn draft_for(file: &str, opened: &str) -> Option<session::Draft> {
    session::draft().filter(|d| d.file == file && d.text != opened)
}

async fn start(ctx: Ctx) {
    let Some(token) = session::token() else {
        if session::served_by_studio() {
            // The studio's server, but not through the link it printed.
            notice(&ctx, "token-refused", &[], true);
            return;
        }
        // A static host: the browser alone, with a draft if one was kept.
        if let Some(draft) = session::draft() {
            if read_document(&draft.text).is_ok() {
                let source = Source::Browser {
                    file: draft.file.clone(),
                };
                open_text(&ctx, &draft.text, source, false);
                notice(
                    &ctx,
                    "draft-restored",
                    &[("time", Arg::from(time_of(draft.saved_at)))],
                    false,
                );
            }
        }
        return;
    };
    crate::perf::mark("stackway-studio:started");
    let loaded = session::load(&token).await;
    crate::perf::mark("stackway-studio:fetched");
    match loaded {
        Ok(Some(file)) => {
            let source = Source::Server {
                file: file.file.clone(),
                path: file.path,
                version: file.version,
                token,
            };
            match file.text {
                Some(text) => {
                    open_text(&ctx, &text, source, true);
                    if let Some(draft) = draft_for(&file.file, &text) {
                        ctx.dispatch(Action::Notice(Some(Notice {
                            text: ctx.i18n.t_with(
                                "draft-available",
                                &[("time", Arg::from(time_of(draft.saved_at)))],
                            ),
                            error: false,
                        })));
                    }
                }
                None => ctx.dispatch(Action::Load {
                    doc: new_feed(),
                    source,
                    saved: false,
                }),
            }
        }
        Ok(None) => {}
        Err(session::ServerError::Refused(_)) => notice(&ctx, "token-refused", &[], true),
        Err(session::ServerError::Unreachable(message)) => notice(
            &ctx,
            "server-unreachable",
            &[("error", Arg::from(message))],
            true,
        ),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
    let import_open = use_state(|| false);
    let file_input = use_node_ref();

    {
        let ctx = state.clone();
        use_effect_with((), move |_| wasm_bindgen_futures::spawn_local(start(ctx)));
    }
    use_checks(&state);
    use_perf_marks(&state);
    use_draft(&state);
    use_focus(&state);
    use_shortcuts(&state);
    use_document_lang(state.i18n.lang);

    let ctx = state.clone();
    let i18n = ctx.i18n.clone();
    let on_save = {
        let ctx = ctx.clone();
        Callback::from(move |_| save(&ctx, None))
    };
    let on_download = {
        let ctx = ctx.clone();
        Callback::from(move |_| download(&ctx))
    };
    let on_open = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match gloo::file::futures::read_as_text(&gloo::file::Blob::from(file)).await {
                    Ok(text) => open_text(&ctx, &text, Source::Browser { file: name }, true),
                    Err(e) => notice(
                        &ctx,
                        "open-failed",
                        &[("error", Arg::from(e.to_string()))],
                        true,
                    ),
                }
            });
        })
    };
    let on_new = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::Load {
                doc: new_feed(),
                source: Source::Browser {
                    file: String::new(),
                },
                saved: false,
            })
        })
    };
    let on_import = {
        let import_open = import_open.clone();
        Callback::from(move |_| import_open.set(true))
    };
    let close_import = {
        let import_open = import_open.clone();
        Callback::from(move |_| import_open.set(false))
    };

    let main = if !ctx.ready {
        html! { <Welcome on_new={on_new.clone()} on_open={on_open.clone()} on_import={on_import.clone()} /> }
    } else {
        match (ctx.place.section, ctx.place.item) {
            (Section::Feed, _) => html! { <FeedForm /> },
            (Section::Credentials, Some(index)) => html! { <CredentialForm {index} key={index} /> },
            (Section::Credentials, None) => html! { <CredentialList /> },
            (Section::Institutions, _) => html! { <Institutions /> },
            (Section::Skills, _) => html! { <Skills /> },
            (Section::Equivalences, _) => html! { <Equivalences /> },
            (Section::Pathways, _) => html! { <Pathways /> },
        }
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <a class="skip-link" href="#editor">{ i18n.t("skip-to-editor") }</a>
            <Header {on_save} {on_download} on_open={on_open.clone()} on_new={on_new.clone()} on_import={on_import.clone()} />
            <input type="file" ref={file_input} class="visually-hidden" accept=".json,application/json" onchange={on_file}
                   tabindex="-1" aria-hidden="true" id="open-file" />
            <NoticeLine />
            if ctx.conflict.is_some() { <ConflictDialog /> }
            if *import_open { <ImportDialog on_close={close_import} /> }
            if ctx.ready {
                <IdDatalists />
            }
            <div class="layout">
                if ctx.ready { <Nav /> }
                <main id="editor" class="editor" tabindex="-1">{ main }</main>
                if ctx.ready { <SidePanel /> }
            </div>
        </ContextProvider<Ctx>>
    }
}
