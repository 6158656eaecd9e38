//! Credit transfer and prior-learning rules: holding these credentials stands in for that one.

use serde_json::json;

use crate::doc::from_serde;
use yew::prelude::*;

use crate::check::Section;
use crate::components::id_field::Shown;
use crate::components::items_section::ItemsSection;
use crate::components::table_field::FormFields;
use crate::doc::{self, Path};
use crate::form::ObjectRef;
use crate::state::use_ctx;
use stackway_core::field_table::EQUIVALENCE;

#[function_component(Equivalences)]
pub fn equivalences() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let render = Callback::from(|(at, _): (Path, usize)| {
        html! { <FormFields object={ObjectRef(&EQUIVALENCE)} {at} /> }
    });
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
