//! The skills credentials teach, optionally from a published framework.

use serde_json::json;

use crate::doc::from_serde;
use yew::prelude::*;

use crate::check::Section;
use crate::components::id_field::{shown_text, Shown};
use crate::components::items_section::ItemsSection;
use crate::components::table_field::FormFields;
use crate::components::text_field::feed_languages;
use crate::doc::{self, Path};
use crate::form::ObjectRef;
use crate::state::use_ctx;
use stackway_core::field_table::SKILL;

#[function_component(Skills)]
pub fn skills() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let render = Callback::from(|(at, _): (Path, usize)| {
        html! { <FormFields object={ObjectRef(&SKILL)} {at} /> }
    });
    let name = {
        let ctx = ctx.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let doc = ctx.doc.borrow();
            let shown = shown_text(
                doc::get(&doc, &at.key("name")),
                ctx.i18n.lang.tag(),
                &feed_languages(&doc),
            );
            if shown.text.is_empty() {
                Shown {
                    text: ctx.i18n.t("untitled"),
                    lang: None,
                }
            } else {
                shown
            }
        })
    };
    html! {
        <ItemsSection section={Section::Skills} template={from_serde(json!({"id": "", "name": {}}))} first_field="name"
                      {render} {name} intro={AttrValue::from(i18n.t("skills-intro"))} />
    }
}
