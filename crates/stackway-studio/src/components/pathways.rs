//! Curated pathways: a goal and the suggested order of steps toward it.

use crate::doc::from_serde;
use serde_json::json;
use yew::prelude::*;

use crate::check::Section;
use crate::components::id_field::{shown_text, Shown};
use crate::components::items_section::ItemsSection;
use crate::components::table_field::FormFields;
use crate::components::text_field::feed_languages;
use crate::doc::{self, Path};
use crate::form::ObjectRef;
use crate::state::use_ctx;
use stackway_core::field_table::PATHWAY;

#[function_component(Pathways)]
pub fn pathways() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let render = Callback::from(|(at, _): (Path, usize)| {
        html! { <FormFields object={ObjectRef(&PATHWAY)} {at} /> }
    });
    let name = {
        let ctx = ctx.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let doc = ctx.doc.borrow();
            let shown = shown_text(
                doc::get(&doc, &at.key("title")),
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
        <ItemsSection section={Section::Pathways} template={from_serde(json!({"id": "", "title": {}, "goal": "", "steps": []}))} first_field="title"
                      {render} {name} intro={AttrValue::from(i18n.t("pathways-intro"))} />
    }
}
