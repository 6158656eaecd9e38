//! Credit transfer and prior-learning rules: holding these credentials stands in for that one.

use serde_json::json;

use crate::doc::from_serde;
use yew::prelude::*;

use crate::check::Section;
use crate::components::credential_form::words;
use crate::components::id_field::Shown;
use crate::components::id_list::IdList;
use crate::components::items_section::ItemsSection;
use crate::components::requirement_node::CREDENTIAL_IDS;
use crate::components::text_field::TextField;
use crate::components::text_input::TextInput;
use crate::doc::{self, Path};
use crate::state::use_ctx;

#[function_component(Equivalences)]
pub fn equivalences() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let render = {
        let i18n = i18n.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let w = |key: &str| words(&i18n, "equivalence", key);
            html! { <>
                <IdList path={at.key("holding")} label={w("holding").0} help={w("holding").1} required=true options={AttrValue::from(CREDENTIAL_IDS)} />
                <TextInput path={at.key("counts_as")} label={w("counts_as").0} help={w("counts_as").1} required=true list={AttrValue::from(CREDENTIAL_IDS)} />
                <IdList path={at.key("toward")} label={w("toward").0} help={w("toward").1} options={AttrValue::from(CREDENTIAL_IDS)} />
                <TextField path={at.key("note")} label={w("note").0} help={w("note").1} multiline=true />
            </> }
        })
    };
    let name = {
        let ctx = ctx.clone();
        Callback::from(move |(at, _): (Path, usize)| {
            let doc = ctx.doc.borrow();
            let holding: Vec<&str> = doc::get_list(&doc, &at.key("holding"))
                .iter()
                .filter_map(|v| v.as_str())
                .collect();
            let counts_as = doc::get_str(&doc, &at.key("counts_as")).unwrap_or("?");
            let holding = if holding.is_empty() {
                "?".to_owned()
            } else {
                holding.join(" + ")
            };
            Shown {
                text: format!("{holding} → {counts_as}"),
                lang: None,
            }
        })
    };
    html! {
        <ItemsSection section={Section::Equivalences} template={from_serde(json!({"holding": [], "counts_as": ""}))} first_field="holding"
                      {render} {name} intro={AttrValue::from(i18n.t("equivalences-intro"))} />
    }
}
