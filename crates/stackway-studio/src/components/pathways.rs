//! Curated pathways: a goal and the suggested order of steps toward it.

use crate::doc::{from_serde, Json};
use serde_json::json;
use yew::prelude::*;

use crate::check::Section;
use crate::components::credential_form::words;
use crate::components::id_field::{shown_text, IdField, Shown};
use crate::components::id_list::IdList;
use crate::components::items_section::ItemsSection;
use crate::components::requirement_node::CREDENTIAL_IDS;
use crate::components::text_field::{feed_languages, TextField};
use crate::components::text_input::TextInput;
use crate::doc::{self, Path};
use crate::ids::IdKind;
use crate::state::use_ctx;

#[function_component(Pathways)]
pub fn pathways() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let describe = {
        let ctx = ctx.clone();
        Callback::from(move |id: String| {
            let doc = ctx.doc.borrow();
            let languages = feed_languages(&doc);
            doc::get_list(&doc, &Path::root().key("credentials"))
                .iter()
                .find(|c| c.get("id").and_then(Json::as_str) == Some(id.as_str()))
                .map(|c| shown_text(c.get("title"), ctx.i18n.lang.tag(), &languages))
        })
    };
    let render = {
        let i18n = i18n.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let w = |key: &str| words(&i18n, "pathway", key);
            html! { <>
                <TextField path={at.key("title")} label={w("title").0} help={w("title").1} required=true />
                <IdField item={at.clone()} kind={IdKind::Pathway} label={w("id").0} help={w("id").1} title={at.key("title")} />
                <TextField path={at.key("summary")} label={w("summary").0} help={w("summary").1} multiline=true />
                <TextInput path={at.key("goal")} label={w("goal").0} help={w("goal").1} required=true list={AttrValue::from(CREDENTIAL_IDS)} />
                <IdList path={at.key("steps")} label={w("steps").0} help={w("steps").1} required=true ordered=true
                        options={AttrValue::from(CREDENTIAL_IDS)} describe={describe.clone()} />
            </> }
        })
    };
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
