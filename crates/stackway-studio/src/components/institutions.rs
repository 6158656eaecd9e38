//! Partner institutions and transfer sources (the provider is edited with the feed).

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

#[function_component(Institutions)]
pub fn institutions() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let render = {
        let i18n = i18n.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let w = |key: &str| words(&i18n, "institution", key);
            html! { <>
                <TextField path={at.key("name")} label={w("name").0} help={w("name").1} required=true />
                <IdField item={at.clone()} kind={IdKind::Institution} label={w("id").0} help={w("id").1} title={at.key("name")} />
                <TextInput path={at.key("url")} label={w("url").0} kind="url" />
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
        <ItemsSection section={Section::Institutions} template={from_serde(json!({"id": "", "name": {}}))} first_field="name"
                      {render} {name} intro={AttrValue::from(i18n.t("institutions-intro"))} />
    }
}
