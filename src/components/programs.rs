//! Programs: every stackable credential as a card, most advanced first within each kind order of
//! the feed.

use yew::prelude::*;

use super::program_card::ProgramCard;
use super::use_ctx;

/// The Programs view.
#[function_component]
pub fn Programs() -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let programs = &ctx.state.insights.programs;
    html! {
        <section class="sw-programs" aria-label={i18n.t("view-programs")}>
            if programs.is_empty() {
                <p class="sw-notice">{ i18n.t("programs-none") }</p>
            } else {
                <p class="sw-help">{ i18n.t("programs-help") }</p>
                <ul class="sw-cards">
                    { for programs.iter().map(|status| html! { <ProgramCard key={status.id.clone()} status={status.clone()} /> }) }
                </ul>
            }
        </section>
    }
}
