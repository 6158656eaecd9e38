//! The page's lists of credential and skill ids with their titles, which id inputs offer as
//! suggestions (`<input list>`): drawn once for the page, and only redrawn when an id or a
//! title changes, so a 10,000-credential feed does not redraw 10,000 options per keystroke.

use std::rc::Rc;

use crate::doc::Json;
use yew::prelude::*;

use crate::components::id_field::first_text;
use crate::components::requirement_node::CREDENTIAL_IDS;
use crate::components::text_field::feed_languages;
use crate::doc::Path;
use crate::state::use_ctx;

/// Ids and their titles, for one list.
fn options(doc: &Json, list: &str, title: &str) -> Vec<(String, String)> {
    let languages = feed_languages(doc);
    crate::doc::get_list(doc, &Path::root().key(list))
        .iter()
        .filter_map(|item| {
            let id = item.get("id")?.as_str()?.to_owned();
            Some((id, first_text(item.get(title), &languages)))
        })
        .collect()
}

#[function_component(IdDatalists)]
pub fn id_datalists() -> Html {
    let ctx = use_ctx();
    let doc = ctx.doc.borrow();
    let credentials = Rc::new(options(&doc, "credentials", "title"));
    let skills = Rc::new(options(&doc, "skills", "name"));
    drop(doc);
    html! { <>
        <Datalist id={CREDENTIAL_IDS} options={credentials} />
        <Datalist id="skill-ids" options={skills} />
    </> }
}

#[derive(Properties, PartialEq)]
pub struct DatalistProps {
    pub id: AttrValue,
    pub options: Rc<Vec<(String, String)>>,
}

#[function_component(Datalist)]
fn datalist(props: &DatalistProps) -> Html {
    html! {
        <datalist id={props.id.clone()}>
            { for props.options.iter().map(|(id, title)| html! { <option value={id.clone()} label={title.clone()} /> }) }
        </datalist>
    }
}
