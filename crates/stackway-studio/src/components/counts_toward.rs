//! Where a credential counts (the stackable credentials whose requirement names it), and a way
//! to add it to one more from its own form.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::check::{Place, Section};
use crate::components::credential_form::count_toward;
use crate::doc::Path;
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct CountsTowardProps {
    /// The credential's index in `credentials`.
    pub index: usize,
    /// Its id (nothing can be added while it has none).
    pub id: String,
    /// The credentials whose requirement names this one: index, id, title.
    pub counts: Vec<(usize, String, String)>,
    /// Stackable credentials it could be added to.
    pub candidates: Vec<(usize, String, String)>,
}

/// Where this credential counts, and a way to add it to one more.
#[function_component(CountsToward)]
pub fn counts_toward(props: &CountsTowardProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let choice = use_state(String::new);
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            choice.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let add = {
        let ctx = ctx.clone();
        let choice = choice.clone();
        let id = props.id.clone();
        Callback::from(move |_| {
            let Ok(target) = choice.parse::<usize>() else {
                return;
            };
            let target_path = Path::root().key("credentials").index(target);
            let edit = count_toward(&ctx.doc.borrow(), &target_path, &id);
            ctx.dispatch(Action::Edit { edit, group: None });
            choice.set(String::new());
        })
    };
    let open = |i: usize| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::Navigate(Place {
                section: Section::Credentials,
                item: Some(i),
            }))
        })
    };
    html! {
        <div class="field counts-toward" id="counts-toward">
            <h3 class="field-label">{ i18n.t("counts-toward") }</h3>
            if props.counts.is_empty() {
                <p class="help">{ i18n.t("counts-toward-none") }</p>
            } else {
                <ul class="plain">
                    { for props.counts.iter().map(|(i, id, title)| html! {
                        <li><button type="button" class="link" onclick={open(*i)}>{ format!("{title} ({id})") }</button></li>
                    }) }
                </ul>
            }
            if !props.candidates.is_empty() && !props.id.is_empty() {
                <div class="id-add">
                    <label for="count-toward-choice">{ i18n.t("counts-toward-add-label") }</label>
                    <select id="count-toward-choice" onchange={on_choice}>
                        <option value="" selected={choice.is_empty()}>{ i18n.t("choose-one") }</option>
                        { for props.candidates.iter().map(|(i, id, title)| html! {
                            <option value={i.to_string()} selected={*choice == i.to_string()}>{ format!("{title} ({id})") }</option>
                        }) }
                    </select>
                    <button type="button" id="count-toward-add" onclick={add} disabled={choice.is_empty()}>{ i18n.t("counts-toward-add") }</button>
                </div>
            }
        </div>
    }
}
