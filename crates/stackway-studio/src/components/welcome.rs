//! What the studio shows before a feed is open (on a static host, or started without a file).

use yew::prelude::*;

use crate::state::use_ctx;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub on_new: Callback<()>,
    pub on_open: Callback<()>,
    pub on_import: Callback<()>,
}

#[function_component(Welcome)]
pub fn welcome(props: &WelcomeProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let emit = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_| callback.emit(()))
    };
    html! {
        <section class="welcome panel" aria-labelledby="welcome-heading">
            <h1 id="welcome-heading">{ i18n.t("welcome-heading") }</h1>
            <p>{ i18n.t("welcome-text") }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={emit(&props.on_new)} id="welcome-new">{ i18n.t("new-feed") }</button>
                <button type="button" onclick={emit(&props.on_open)} id="welcome-open">{ i18n.t("open") }</button>
                <button type="button" onclick={emit(&props.on_import)} id="welcome-import">{ i18n.t("import") }</button>
            </div>
            <p class="help">{ i18n.t("welcome-privacy") }</p>
        </section>
    }
}
