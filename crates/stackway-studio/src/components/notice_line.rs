//! The notice under the header ("Saved.", "The file could not be read: …"), which can be
//! dismissed; an error is announced at once (`role="alert"`), anything else politely.

use yew::prelude::*;

use crate::state::{use_ctx, Action};

#[function_component(NoticeLine)]
pub fn notice_line() -> Html {
    let ctx = use_ctx();
    let Some(notice) = ctx.notice.clone() else {
        return Html::default();
    };
    let on_dismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Notice(None)))
    };
    html! {
        <div class={classes!("notice", notice.error.then_some("notice-error"))} role={if notice.error { "alert" } else { "status" }}>
            <span>{ notice.text }</span>
            <button type="button" class="icon" onclick={on_dismiss} aria-label={ctx.i18n.t("dismiss")}>{"✕"}</button>
        </div>
    }
}
