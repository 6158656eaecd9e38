//! The skills credentials teach, optionally from a published framework.

use serde_json::json;

use crate::doc::from_serde;
use yew::prelude::*;

use crate::check::Section;
use crate::components::credential_form::words;
use crate::components::id_field::{shown_text, IdField, Shown};
use crate::components::items_section::ItemsSection;
use crate::components::text_field::{feed_languages, TextField};
use crate::components::text_input::TextInput;
use crate::doc::{self, Path};
use crate::ids::IdKind;
use crate::state::use_ctx;

#[function_component(Skills)]
pub fn skills() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let render = {
        let i18n = i18n.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let w = |key: &str| words(&i18n, "skill", key);
            html! { <>
                <TextField path={at.key("name")} label={w("name").0} help={w("name").1} required=true />
                <IdField item={at.clone()} kind={IdKind::Skill} label={w("id").0} help={w("id").1} title={at.key("name")} />
                <TextInput path={at.key("framework")} label={w("framework").0} help={w("framework").1} />
                <TextInput path={at.key("uri")} label={w("uri").0} help={w("uri").1} kind="url" />
            </> }
        })
    };
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
