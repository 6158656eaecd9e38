//! The studio root's effects, one hook each: checking after edits, the benchmark's timings,
//! the draft kept in the browser, focusing the field a jump asked for, the keyboard shortcuts
//! with the unsaved-changes guard, and the page's language.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::doc::Path;
use crate::file_actions::save;
use crate::i18n::Lang;
use crate::incremental::{self, Scope};
use crate::session;
use crate::state::{Action, Ctx, Source};
use crate::whole_check::WholeCheck;

/// How long after the last edit the whole feed is checked, after an edit that other parts of the
/// feed depend on, and after an edit of one credential's own fields (already checked alone).
const CHECK_DELAY_MS: u32 = 120;
const WHOLE_CHECK_DELAY_MS: u32 = 600;
/// How long after the last edit the draft is written to the browser's storage.
const DRAFT_DELAY_MS: u32 = 1000;

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

/// Checks after each edit: an edit of one credential's own fields at once, by checking that credential alone (`incremental.rs`); then, a moment after the last edit, the whole feed, in a worker (`whole_check.rs`).
#[hook]
pub fn use_checks(state: &Ctx) {
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
}

/// Timings for the benchmark: the first check on screen (the feed is open), and each edit's diagnostics on screen.
#[hook]
pub fn use_perf_marks(state: &Ctx) {
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
}

/// Keeps a draft in the browser while there are unsaved changes.
#[hook]
pub fn use_draft(state: &Ctx) {
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
}

/// Focuses the field a jump asked for, once it is drawn.
#[hook]
pub fn use_focus(state: &Ctx) {
    {
        let ctx = state.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(path) = focus {
                focus_field(path);
                ctx.dispatch(Action::Focused);
            }
        });
    }
}

/// Keyboard shortcuts (undo, redo, save) and the unsaved-changes guard.
#[hook]
pub fn use_shortcuts(state: &Ctx) {
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
}

/// The `<html lang>` follows the interface language.
#[hook]
pub fn use_document_lang(lang: Lang) {
    {
        use_effect_with(lang, move |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.tag());
            }
        });
    }
}
