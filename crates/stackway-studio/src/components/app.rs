//! The studio's root: loads the feed (from the server or the browser), checks it after every
//! edit, keeps a draft, guards unsaved changes, handles the keyboard shortcuts, and lays out the
//! sections, the editor, and the preview and problems beside it.

use crate::doc::{from_serde, Json};
use serde_json::json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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
use crate::components::pathways::Pathways;
use crate::components::preview::Preview;
use crate::components::problems::Problems;
use crate::components::skills::Skills;
use crate::components::welcome::Welcome;
use crate::doc::Path;
use crate::i18n::{Arg, Lang};
use crate::incremental::{self, Scope};
use crate::session::{self, Saved};
use crate::state::{Action, Ctx, Notice, Source, State};
use crate::whole_check::WholeCheck;
use std::rc::Rc;

/// How long after the last edit the whole feed is checked, after an edit that other parts of the
/// feed depend on, and after an edit of one credential's own fields (already checked alone).
const CHECK_DELAY_MS: u32 = 120;
const WHOLE_CHECK_DELAY_MS: u32 = 600;
/// How long after the last edit the draft is written to the browser's storage.
const DRAFT_DELAY_MS: u32 = 1000;

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

/// A notice from a message id.
fn notice(ctx: &Ctx, id: &str, args: &[(&str, Arg)], error: bool) {
    ctx.dispatch(Action::Notice(Some(Notice {
        text: ctx.i18n.t_with(id, args),
        error,
    })));
}

/// Reads feed text into a document: `Err` with line and column when it is not JSON at all.
pub fn read_document(text: &str) -> Result<Json, String> {
    Json::parse(text).map_err(|d| {
        format!(
            "{}:{}: {}",
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.message
        )
    })
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

/// A date and time from a timestamp, as the browser writes them.
pub fn time_of(ms: f64) -> String {
    js_sys::Date::new(&ms.into())
        .to_locale_string("default", &js_sys::Object::new().into())
        .as_string()
        .unwrap_or_default()
}

/// Saves through the server (with the server) or offers a download (without).
pub fn save(ctx: &Ctx, force_version: Option<String>) {
    let text = stackway_core::canonical::write(&ctx.doc.borrow());
    match &ctx.source {
        Source::Server { token, version, .. } => {
            let ctx = ctx.clone();
            let token = token.clone();
            let version = force_version.unwrap_or_else(|| version.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session::save(&token, &version, &text).await {
                    Saved::Done { version } => {
                        session::forget_draft();
                        ctx.dispatch(Action::Saved { version });
                        notice(&ctx, "saved", &[], false);
                    }
                    Saved::ChangedOnDisk { version } => {
                        ctx.dispatch(Action::Conflict(Some(version)))
                    }
                    Saved::Failed(message) => {
                        notice(&ctx, "save-failed", &[("error", Arg::from(message))], true)
                    }
                }
            });
        }
        _ => download(ctx),
    }
}

/// Offers the document as a file download.
pub fn download(ctx: &Ctx) {
    let text = stackway_core::canonical::write(&ctx.doc.borrow());
    let name = match &ctx.source {
        Source::Server { file, .. } | Source::Browser { file } if !file.is_empty() => file.clone(),
        _ => {
            let id = ctx
                .doc
                .borrow()
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned();
            format!("{}.json", if id.is_empty() { "feed" } else { &id })
        }
    };
    if session::download(&name, &text).is_ok() {
        if !matches!(ctx.source, Source::Server { .. }) {
            session::forget_draft();
            ctx.dispatch(Action::Saved {
                version: String::new(),
            });
        }
        notice(ctx, "downloaded", &[("file", Arg::from(name))], false);
    }
}

/// Focuses the field at `path`, or the nearest enclosing one on screen.
fn focus_field(path: &Path) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let mut candidate = Some(path.clone());
    while let Some(at) = candidate {
        // A control has the path's id; a group of controls (a fieldset) has it with `-field`.
        let element = document
            .get_element_by_id(&at.dom_id())
            .or_else(|| document.get_element_by_id(&format!("{}-field", at.dom_id())));
        if let Some(element) = element {
            let target = if element
                .matches("input, select, textarea, button")
                .unwrap_or(false)
            {
                Some(element)
            } else {
                element
                    .query_selector("input, select, textarea, button")
                    .ok()
                    .flatten()
                    .or(Some(element))
            };
            if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                target.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = target.focus();
                return true;
            }
        }
        candidate = at
            .split_last()
            .map(|(parent, _)| parent)
            .filter(|p| !p.0.is_empty());
    }
    false
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
    let import_open = use_state(|| false);
    let aside = use_state(|| "preview");
    let file_input = use_node_ref();

    {
        let ctx = state.clone();
        use_effect_with((), move |_| wasm_bindgen_futures::spawn_local(start(ctx)));
    }
    // Check after each edit: an edit of one credential's own fields at once, by checking that
    // credential alone (`incremental.rs`); then, a moment after the last edit, the whole feed,
    // in a worker (`whole_check.rs`).
    let whole_check = {
        let ctx = state.clone();
        use_mut_ref(move || {
            let ctx = ctx.clone();
            WholeCheck::new(Rc::new(move |revision, diagnostics| {
                ctx.dispatch(Action::Checked {
                    revision,
                    diagnostics,
                    whole: true,
                });
            }))
        })
    };
    {
        let ctx = state.clone();
        use_effect_with((state.revision, state.ready), move |(revision, ready)| {
            let revision = *revision;
            let mut delay = WHOLE_CHECK_DELAY_MS;
            if let (true, Scope::Credential(index)) = (*ready, ctx.pending.replace(Scope::None)) {
                if ctx.checked != u64::MAX {
                    let started = crate::perf::now();
                    let merged =
                        incremental::recheck_credential(&ctx.doc.borrow(), index, &ctx.diagnostics);
                    crate::perf::record("check", crate::perf::now() - started);
                    if let Some(diagnostics) = merged {
                        ctx.dispatch(Action::Checked {
                            revision,
                            diagnostics,
                            whole: false,
                        });
                    }
                }
            } else if ctx.checked == u64::MAX {
                // The feed was just opened: check it at once.
                delay = 0;
            } else {
                delay = CHECK_DELAY_MS;
            }
            let timeout = ready.then(|| {
                gloo::timers::callback::Timeout::new(delay, move || {
                    whole_check.borrow().run(revision, &ctx.doc.borrow());
                })
            });
            move || drop(timeout)
        });
    }
    // Timings for the benchmark: the first check on screen (the feed is open), and each edit's
    // diagnostics on screen.
    {
        let opened = use_mut_ref(|| false);
        use_effect_with(state.checked, move |checked| {
            if *checked != u64::MAX {
                if !*opened.borrow() {
                    *opened.borrow_mut() = true;
                    crate::perf::mark("stackway-studio:opened");
                }
                crate::perf::checked();
            }
        });
    }
    // Keep a draft in the browser while there are unsaved changes.
    {
        let ctx = state.clone();
        use_effect_with(state.revision, move |_| {
            let timeout = (ctx.ready && ctx.is_dirty()).then(|| {
                let ctx = ctx.clone();
                gloo::timers::callback::Timeout::new(DRAFT_DELAY_MS, move || {
                    let file = match &ctx.source {
                        Source::Server { file, .. } | Source::Browser { file } => file.clone(),
                        Source::Nothing => String::new(),
                    };
                    session::keep_draft(&file, &stackway_core::canonical::write(&ctx.doc.borrow()));
                })
            });
            move || drop(timeout)
        });
    }
    // Focus the field a jump asked for, once it is drawn.
    {
        let ctx = state.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(path) = focus {
                focus_field(path);
                ctx.dispatch(Action::Focused);
            }
        });
    }
    // Keyboard shortcuts and the unsaved-changes guard.
    {
        let ctx = state.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let keys = {
                let ctx = ctx.clone();
                gloo::events::EventListener::new_with_options(
                    &window,
                    "keydown",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if !(event.ctrl_key() || event.meta_key()) {
                            return;
                        }
                        match event.key().to_ascii_lowercase().as_str() {
                            "z" if event.shift_key() => {
                                event.prevent_default();
                                ctx.dispatch(Action::Redo)
                            }
                            "z" => {
                                event.prevent_default();
                                ctx.dispatch(Action::Undo)
                            }
                            "y" => {
                                event.prevent_default();
                                ctx.dispatch(Action::Redo)
                            }
                            "s" => {
                                event.prevent_default();
                                save(&ctx, None)
                            }
                            _ => {}
                        }
                    },
                )
            };
            let guard = {
                let ctx = ctx.clone();
                gloo::events::EventListener::new_with_options(
                    &window,
                    "beforeunload",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        if ctx.is_dirty() {
                            event.prevent_default();
                            if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                                event.set_return_value("unsaved");
                            }
                        }
                    },
                )
            };
            move || drop((keys, guard))
        });
    }
    // The `<html lang>` follows the interface language.
    {
        let lang = state.i18n.lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.tag());
            }
        });
    }

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
    let (errors, warnings) = crate::check::counts(&ctx.diagnostics);
    let tab = |name: &'static str| {
        let aside = aside.clone();
        Callback::from(move |_| aside.set(name))
    };
    let notice_line = ctx.notice.clone().map(|n| {
        let close = { let ctx = ctx.clone(); Callback::from(move |_| ctx.dispatch(Action::Notice(None))) };
        html! {
            <div class={classes!("notice", n.error.then_some("notice-error"))} role={if n.error { "alert" } else { "status" }}>
                <span>{ n.text }</span>
                <button type="button" class="icon" onclick={close} aria-label={i18n.t("dismiss")}>{"✕"}</button>
            </div>
        }
    });
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <a class="skip-link" href="#editor">{ i18n.t("skip-to-editor") }</a>
            <Header {on_save} {on_download} on_open={on_open.clone()} on_new={on_new.clone()} on_import={on_import.clone()} />
            <input type="file" ref={file_input} class="visually-hidden" accept=".json,application/json" onchange={on_file}
                   tabindex="-1" aria-hidden="true" id="open-file" />
            { notice_line }
            if ctx.conflict.is_some() { <ConflictDialog /> }
            if *import_open { <ImportDialog on_close={close_import} /> }
            if ctx.ready {
                <IdDatalists />
            }
            <div class="layout">
                if ctx.ready { <Nav /> }
                <main id="editor" class="editor" tabindex="-1">{ main }</main>
                if ctx.ready {
                    <aside class="side" aria-label={i18n.t("side-panel")}>
                        <div class="tabs" role="tablist" aria-label={i18n.t("side-panel")}>
                            <button type="button" role="tab" id="tab-preview" aria-selected={if *aside == "preview" { "true" } else { "false" }}
                                    aria-controls="panel-preview" onclick={tab("preview")}>{ i18n.t("preview") }</button>
                            <button type="button" role="tab" id="tab-problems" aria-selected={if *aside == "problems" { "true" } else { "false" }}
                                    aria-controls="panel-problems" onclick={tab("problems")}>
                                { i18n.t("problems") }
                                if errors + warnings > 0 {
                                    <span class={classes!("badge", if errors > 0 { "badge-error" } else { "badge-warning" })}>{ errors + warnings }</span>
                                }
                            </button>
                        </div>
                        <div role="tabpanel" id="panel-preview" aria-labelledby="tab-preview" hidden={*aside != "preview"}>
                            <Preview visible={*aside == "preview"} />
                        </div>
                        <div role="tabpanel" id="panel-problems" aria-labelledby="tab-problems" hidden={*aside != "problems"}>
                            <Problems />
                        </div>
                    </aside>
                }
            </div>
        </ContextProvider<Ctx>>
    }
}
