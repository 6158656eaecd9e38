//! The tabs that switch between the widget's views, the current one marked as the page shown.

use yew::prelude::*;

use crate::config::View;
use crate::i18n::I18n;

/// One tab per view, in [`View::ALL`]'s order; `on_show` is called with the view chosen.
pub fn view_tabs(i18n: &I18n, current: View, on_show: &Callback<View>) -> Html {
    let tabs = View::ALL.into_iter().map(|view| {
        let is_current = current == view;
        let onclick = on_show.reform(move |_: MouseEvent| view);
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("sw-tab", is_current.then_some("sw-current"))}
                    aria-current={is_current.then_some("page")}
                    data-view={view.as_str()}
                    {onclick}
                >
                    { i18n.t(&format!("view-{}", view.as_str())) }
                </button>
            </li>
        }
    });
    html! {
        <nav class="sw-tabs" aria-label={i18n.t("nav-label")}>
            <ul>{ for tabs }</ul>
        </nav>
    }
}
