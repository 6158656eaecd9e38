//! "Add my badges": the learner picks, drops or pastes their records (an Open Badges 3.0
//! credential as JSON or JWT, a CLR 2.0, Open Badges 2.0 assertions); the credentials they match
//! become held (with the dates earned) and the badges that match nothing are listed plainly.
//!
//! Reading badges lives in the interop module, loaded on demand the first time the panel opens
//! (see `crate::interop`); until then the widget pays nothing for it.

use std::rc::Rc;

use stackway_core::HeldCredential;
use yew::prelude::*;

use super::diagnostic_list::DiagnosticList;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::interop::{self, BadgeReport, Interop};

/// Properties of [`AddBadges`].
#[derive(Properties, PartialEq)]
pub struct AddBadgesProps {
    /// Called with the feed credentials the learner's badges match (ids, with the date each was
    /// earned when the badge says), to mark them as held.
    pub on_hold: Callback<Vec<HeldCredential>>,
}

/// Where loading the interop module stands.
#[derive(Clone, Debug)]
enum Module {
    Idle,
    Loading,
    Ready(Interop),
    Failed(String),
}

/// What the last file or pasted text gave.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Nothing,
    /// What was read: matched and unmatched badges, and what could not be read.
    Read(Rc<BadgeReport>),
    /// The module failed to answer.
    Failed(String),
}

/// The "Add my badges" button and its panel.
#[function_component]
pub fn AddBadges(props: &AddBadgesProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let open = use_state(|| false);
    let module = use_state(|| Module::Idle);
    let outcome = use_state(|| Outcome::Nothing);
    let pasted = use_state(String::new);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);

    let start_loading = {
        let module = module.clone();
        let url = ctx.interop.clone();
        Callback::from(move |()| {
            module.set(Module::Loading);
            let module = module.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                module.set(match interop::load(url.as_deref()).await {
                    Ok(loaded) => Module::Ready(loaded),
                    Err(reason) => Module::Failed(reason),
                });
            });
        })
    };
    let toggle = {
        let open = open.clone();
        let module = module.clone();
        let start_loading = start_loading.clone();
        Callback::from(move |_: MouseEvent| {
            let opening = !*open;
            open.set(opening);
            if opening && matches!(*module, Module::Idle | Module::Failed(_)) {
                start_loading.emit(());
            }
        })
    };

    // Reads the learner's records with the loaded module and reports what they gave.
    let submit = {
        let module = (*module).clone();
        let outcome = outcome.clone();
        let on_hold = props.on_hold.clone();
        let feed_text = ctx.feed_text.clone();
        Callback::from(move |text: String| {
            let Module::Ready(module) = &module else {
                return;
            };
            outcome.set(match module.read_badges(&feed_text, &text) {
                Ok(report) => {
                    if !report.held.is_empty() {
                        on_hold.emit(report.held.clone());
                    }
                    Outcome::Read(Rc::new(report))
                }
                Err(reason) => Outcome::Failed(reason),
            });
        })
    };
    let read_file = {
        let submit = submit.clone();
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let submit = submit.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |text| {
                    submit.emit(text.unwrap_or_default());
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let choose = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file.emit(file);
            }
            input.set_value("");
        })
    };
    let drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let drop = {
        let read_file = read_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                read_file.emit(file);
            }
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
        let submit = submit.clone();
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| {
            if !pasted.trim().is_empty() {
                submit.emit((*pasted).clone());
            }
        })
    };
    let retry = start_loading.reform(|_: MouseEvent| ());

    let panel = match &*module {
        Module::Idle | Module::Loading => html! {
            <p class="sw-state" role="status" aria-busy="true">{ i18n.t("badges-loading") }</p>
        },
        Module::Failed(reason) => html! {
            <div class="sw-notice sw-missing" role="alert">
                <p>{ i18n.t("badges-load-error") }</p>
                <p class="sw-error-detail">{ reason.clone() }</p>
                <button type="button" class="sw-button" onclick={retry}>{ i18n.t("action-retry") }</button>
            </div>
        },
        Module::Ready(_) => html! {
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
        },
    };

    let result = match &*outcome {
        Outcome::Nothing => Html::default(),
        Outcome::Failed(reason) => html! {
            <p class="sw-notice sw-missing">{ i18n.t("badges-error") }{ " " }{ reason.clone() }</p>
        },
        Outcome::Read(report) => {
            let matched = report.matched.iter().map(|m| {
                let title = ctx.title(&m.credential);
                let item = match &m.achievement_name {
                    Some(badge) => i18n.t_args(
                        "badges-matched-item",
                        &[
                            ("title", Arg::from(title)),
                            ("badge", Arg::from(badge.clone())),
                        ],
                    ),
                    None => title,
                };
                html! { <li><span aria-hidden="true">{ "✓ " }</span>{ item }</li> }
            });
            let unmatched = report.unmatched.iter().map(|u| {
                let date = u.earned.clone().unwrap_or_default();
                html! {
                    <li>
                        <span class="sw-unmatched-name">{ u.label().to_owned() }</span>
                        if !date.is_empty() {
                            { " " }<span class="sw-meta">{ i18n.t_args("badges-earned", &[("date", Arg::from(date))]) }</span>
                        }
                    </li>
                }
            });
            let headline = if report.matched.is_empty() && report.unmatched.is_empty() {
                i18n.t("badges-unreadable")
            } else {
                i18n.t_args("badges-added", &[("count", Arg::from(report.held.len()))])
            };
            html! {
                <>
                    <p>{ headline }</p>
                    if !report.matched.is_empty() {
                        <ul class="sw-badge-list sw-badge-matched">{ for matched }</ul>
                    }
                    if !report.unmatched.is_empty() {
                        <p>{ i18n.t_args("badges-unmatched", &[("count", Arg::from(report.unmatched.len()))]) }</p>
                        <ul class="sw-badge-list sw-badge-unmatched">{ for unmatched }</ul>
                    }
                    if !report.diagnostics.is_empty() {
                        <p class="sw-meta">{ i18n.t_args("badges-problems", &[("count", Arg::from(report.diagnostics.len()))]) }</p>
                        <DiagnosticList diagnostics={report.diagnostics.clone()} />
                    }
                </>
            }
        }
    };

    html! {
        <div class="sw-add-badges sw-no-print">
            <button type="button" class="sw-button" aria-expanded={(*open).to_string()} onclick={toggle}>
                { i18n.t("badges-open") }
            </button>
            if *open {
                <div class="sw-badge-panel" ondragover={drag_over} ondrop={drop}>
                    <p class="sw-help">{ i18n.t("badges-help") }</p>
                    <p class="sw-meta">{ i18n.t("badges-self-reported") }</p>
                    { panel }
                    <div class="sw-badge-results" role="status" aria-live="polite">{ result }</div>
                </div>
            }
        </div>
    }
}
