//! "Add my badges": the learner picks, drops or pastes their records (an Open Badges 3.0
//! credential as JSON or JWT, a CLR 2.0, Open Badges 2.0 assertions); the credentials they match
//! become held (with the dates earned) and the badges that match nothing are listed plainly.
//!
//! Reading badges is stackway-core's reader in the widget's interop module, fetched the first
//! time the panel opens (`hooks::use_interop`); until then the widget pays nothing for it. The
//! records are read against the feed the widget shows. This component holds the
//! panel and what the last record gave; `BadgeInput` takes the records and `BadgeResults` shows
//! what they gave.

use std::rc::Rc;

use stackway_core::HeldCredential;
use yew::prelude::*;

use super::badge_input::BadgeInput;
use super::badge_results::BadgeResults;
use crate::hooks::{use_ctx, use_interop, use_read_text, InteropLoad};
use crate::interop::BadgeReport;

/// Properties of [`AddBadges`].
#[derive(Properties, PartialEq)]
pub struct AddBadgesProps {
    /// Called with the feed credentials the learner's badges match (ids, with the date each was
    /// earned when the badge says), to mark them as held.
    pub on_hold: Callback<Vec<HeldCredential>>,
}

/// What the last file or pasted text gave.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Nothing,
    /// What was read: matched and unmatched badges, and what could not be read.
    Read(Rc<BadgeReport>),
}

/// The "Add my badges" button and its panel.
#[function_component]
pub fn AddBadges(props: &AddBadgesProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let open = use_state(|| false);
    let (module, load) = use_interop(ctx.fetch_interop);
    let outcome = use_state(|| Outcome::Nothing);

    let toggle = {
        let open = open.clone();
        let idle = matches!(module, InteropLoad::Idle | InteropLoad::Failed);
        let load = load.clone();
        Callback::from(move |_: MouseEvent| {
            let opening = !*open;
            open.set(opening);
            if opening && idle {
                load.emit(());
            }
        })
    };
    // Reads the learner's records with the loaded module and reports what they gave.
    let submit = {
        let module = module.clone();
        let outcome = outcome.clone();
        let on_hold = props.on_hold.clone();
        let feed = ctx.state.feed.clone();
        Callback::from(move |text: String| {
            let InteropLoad::Ready(module) = &module else {
                return;
            };
            let report = (module.read_badges)(&feed, &text);
            if !report.held.is_empty() {
                on_hold.emit(report.held.clone());
            }
            outcome.set(Outcome::Read(Rc::new(report)));
        })
    };
    let read_file = use_read_text(submit.reform(Option::unwrap_or_default));
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

    let panel = match &module {
        InteropLoad::Idle | InteropLoad::Loading => html! {
            <p class="sw-state" role="status" aria-busy="true">{ i18n.t("badges-loading") }</p>
        },
        InteropLoad::Failed => html! {
            <div class="sw-notice sw-missing" role="alert">
                <p>{ i18n.t("badges-load-error") }</p>
                <button type="button" class="sw-button" onclick={load.reform(|_: MouseEvent| ())}>{ i18n.t("action-retry") }</button>
            </div>
        },
        InteropLoad::Ready(_) => html! { <BadgeInput on_file={read_file} on_paste={submit} /> },
    };
    let result = match &*outcome {
        Outcome::Nothing => Html::default(),
        Outcome::Read(report) => html! { <BadgeResults report={report.clone()} /> },
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
