//! The page's lists of credential and skill ids with their titles (and of language tags), which id inputs offer as
//! suggestions (`<input list>`): drawn once for the page, and brought up to date a moment after
//! edits stop, so that typing in a 10,000-credential feed does not redraw 10,000 options per
//! keystroke (nor delay the feed's first screen).

use std::rc::Rc;

use crate::doc::Json;
use yew::prelude::*;

use crate::components::id_field::first_text;
use crate::components::text_field::{feed_languages, language_name};
use crate::doc::Path;
use crate::form;
use crate::state::use_ctx;

/// The id of the page's list of credential ids and titles, which id inputs offer.
pub const CREDENTIAL_IDS: &str = "credential-ids";

/// The id of the page's list of skill ids and names.
pub const SKILL_IDS: &str = "skill-ids";

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

/// How long after the last edit the lists are brought up to date.
const DELAY_MS: u32 = 700;

#[function_component(IdDatalists)]
pub fn id_datalists() -> Html {
    let ctx = use_ctx();
    let lists = use_state(|| (Rc::new(Vec::new()), Rc::new(Vec::new())));
    {
        let lists = lists.clone();
        let doc = ctx.doc.clone();
        use_effect_with(ctx.revision, move |_| {
            let timeout = gloo::timers::callback::Timeout::new(DELAY_MS, move || {
                let doc = doc.borrow();
                let credentials = Rc::new(options(&doc, "credentials", "title"));
                let skills = Rc::new(options(&doc, "skills", "name"));
                if lists.0 != credentials || lists.1 != skills {
                    lists.set((credentials, skills));
                }
            });
            move || drop(timeout)
        });
    }
    // Language tags offered for the feed's languages, with their names in the interface's.
    let languages = Rc::new(
        form::LANGUAGE_SUGGESTIONS
            .iter()
            .map(|tag| ((*tag).to_owned(), language_name(&ctx.i18n, tag)))
            .collect::<Vec<_>>(),
    );
    html! { <>
        <Datalist id={CREDENTIAL_IDS} options={lists.0.clone()} />
        <Datalist id={SKILL_IDS} options={lists.1.clone()} />
        <Datalist id={form::LANGUAGE_TAGS} options={languages} />
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
