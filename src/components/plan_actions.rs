//! What the learner can do with the whole plan: print it, export it as a file, import one, or
//! start again; an imported file that is not a plan says so.

use yew::prelude::*;

use crate::hooks::{download_json, use_ctx, use_read_text};
use crate::state::Plan;

/// Properties of [`PlanActions`].
#[derive(Properties, PartialEq)]
pub struct PlanActionsProps {
    /// Called with the plan read from a file the learner chose.
    pub on_import: Callback<Plan>,
    /// Called when the learner empties the plan.
    pub on_reset: Callback<()>,
}

/// The plan's print, export, import and reset buttons.
#[function_component]
pub fn PlanActions(props: &PlanActionsProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let import_error = use_state(|| false);
    let read = {
        let import_error = import_error.clone();
        let on_import = props.on_import.clone();
        use_read_text(Callback::from(move |text: Option<String>| {
            match text.and_then(|t| Plan::from_json(&t).ok()) {
                Some(plan) => {
                    import_error.set(false);
                    on_import.emit(plan);
                }
                None => import_error.set(true),
            }
        }))
    };
    let import = Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read.emit(file);
        }
        input.set_value("");
    });
    let export = {
        let plan = ctx.state.plan.clone();
        let feed_id = ctx.state.feed.id.clone();
        Callback::from(move |_: MouseEvent| {
            download_json(&format!("stackway-plan-{feed_id}.json"), &plan.to_json());
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="sw-actions sw-no-print">
                <button type="button" class="sw-button" onclick={print}>{ i18n.t("plan-print") }</button>
                <button type="button" class="sw-button" onclick={export}>{ i18n.t("plan-export") }</button>
                <label class="sw-button sw-file">
                    <span>{ i18n.t("plan-import") }</span>
                    <input type="file" accept=".json,application/json" onchange={import} class="sw-visually-hidden" />
                </label>
                <button type="button" class="sw-button sw-quiet" onclick={reset}>{ i18n.t("plan-reset") }</button>
            </div>
            if *import_error {
                <p class="sw-notice sw-missing" role="alert">{ i18n.t("plan-import-error") }</p>
            }
        </>
    }
}
