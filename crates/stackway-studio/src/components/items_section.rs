//! A section listing small items as cards, each with its own fields: institutions, skills,
//! equivalences and pathways. Adding an item focuses its first field; removing one says where
//! it was used.

use crate::doc::Json;
use yew::prelude::*;

use crate::check::Section;
use crate::components::field_shell::{DiagnosticLine, DiagnosticLineProps};
use crate::components::id_field::Shown;
use crate::doc::{self, Edit, Path};
use crate::i18n::Arg;
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct ItemsSectionProps {
    pub section: Section,
    /// A new item, as added by the "add" button.
    pub template: Json,
    /// The field focused in a new item (a key of the template).
    pub first_field: AttrValue,
    /// Draws the fields of the item at a path (the index is its position).
    pub render: Callback<(Path, usize), Html>,
    /// A one-line name for the item at a path (its title), for headings and accessible names.
    pub name: Callback<(Path, usize), Shown>,
    /// Help shown under the heading.
    #[prop_or_default]
    pub intro: Option<AttrValue>,
}

#[function_component(ItemsSection)]
pub fn items_section(props: &ItemsSectionProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let key = props.section.list_key().unwrap_or("items");
    let list = Path::root().key(key);
    let len = doc::get_list(&ctx.doc.borrow(), &list).len();
    let heading_id = format!("{key}-heading");
    let add = {
        let ctx = ctx.clone();
        let list = list.clone();
        let template = props.template.clone();
        let first = props.first_field.to_string();
        Callback::from(move |_| {
            let edit = if len == 0 {
                Edit::Set {
                    at: list.clone(),
                    value: Some(Json::Array(vec![template.clone()])),
                }
            } else {
                Edit::Insert {
                    list: list.clone(),
                    index: len,
                    value: template.clone(),
                }
            };
            ctx.dispatch(Action::Edit { edit, group: None });
            ctx.dispatch(Action::Jump(list.index(len).key(&first)));
        })
    };
    let mut section_diagnostics = ctx.diagnostics_at(&list);
    section_diagnostics.retain(|d| d.pointer == list.pointer());
    html! {
        <section class="panel" aria-labelledby={heading_id.clone()}>
            <div class="panel-head">
                <h2 id={heading_id}>{ i18n.t(&format!("section-{key}")) }</h2>
                <button type="button" class="primary" onclick={add.clone()} id={format!("add-{key}")}>{ i18n.t(&format!("{key}-add")) }</button>
            </div>
            if let Some(intro) = &props.intro { <p class="intro">{ intro.clone() }</p> }
            { for section_diagnostics.into_iter().map(|d| html! { <DiagnosticLine ..DiagnosticLineProps::from(&d) /> }) }
            if len == 0 {
                <p class="empty">{ i18n.t(&format!("{key}-none")) }</p>
            }
            <ol class="cards">
                { for (0..len).map(|i| {
                    let at = list.index(i);
                    let Shown { text: name, lang } = props.name.emit((at.clone(), i));
                    let remove = {
                        let ctx = ctx.clone();
                        let list = list.clone();
                        Callback::from(move |_| {
                            let edit = if len == 1 { Edit::Set { at: list.clone(), value: None } } else { Edit::Remove { list: list.clone(), index: i } };
                            ctx.dispatch(Action::Edit { edit, group: None });
                        })
                    };
                    let card_heading = format!("{}-card", at.dom_id());
                    html! {
                        <li key={i} class="card" aria-labelledby={card_heading.clone()}>
                            <div class="card-head">
                                <h3 id={card_heading}>{ format!("{}. ", i + 1) }<span {lang}>{ name.clone() }</span></h3>
                                <button type="button" class="danger" onclick={remove}
                                        aria-label={i18n.t_with("item-remove", &[("item", Arg::from(format!("{}. {}", i + 1, name)))])}>
                                    { i18n.t("remove") }</button>
                            </div>
                            { props.render.emit((at.clone(), i)) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
