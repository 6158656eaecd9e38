//! A credential in a requirement tree: its id (offered from the feed's credentials), the
//! credential's title beside it (or that no credential has this id), and "Make a group".

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::id_datalists::CREDENTIAL_IDS;
use crate::components::id_field::{shown_text, Shown};
use crate::doc::{Edit, Json, JsonExt, Path};
use crate::i18n::Arg;
use crate::requirement::{convert, NodeKind};
use crate::state::{use_ctx, Action};

/// The title of the credential `id`, to show beside it.
pub fn credential_title(doc: &Json, id: &str, ui: &str) -> Option<Shown> {
    let languages = crate::components::text_field::feed_languages(doc);
    doc.get("credentials")?
        .as_array()?
        .iter()
        .find(|c| c.get("id").and_then(Json::as_str) == Some(id))
        .map(|c| shown_text(c.get("title"), ui, &languages))
}

#[derive(Properties, PartialEq)]
pub struct RequirementLeafProps {
    /// The node's path.
    pub path: Path,
    /// The node's value (a credential id, or something else written in the file).
    pub value: Json,
    /// The node's name for accessible names ("Requires 2.1").
    pub name: AttrValue,
    /// Whether it is an item of a `credits` group, which holds ids only (no "Make a group").
    pub in_credits: bool,
    /// The move and remove buttons, for an item of a group.
    #[prop_or_default]
    pub controls: Option<Html>,
}

#[function_component(RequirementLeaf)]
pub fn requirement_leaf(props: &RequirementLeafProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let value = &props.value;
    let id = value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| value.to_text());
    let title = credential_title(&ctx.doc.borrow(), &id, i18n.lang.tag());
    let item = [("item", Arg::from(props.name.as_str()))];
    let oninput = {
        // Every keystroke is an edit (merged into one undo step), so the field and the
        // document never disagree, and the check says at once whether the id exists.
        let ctx = ctx.clone();
        let path = props.path.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let edit = Edit::Set {
                at: path.clone(),
                value: Some(Json::String(text.trim().to_owned())),
            };
            let group = Some(path.pointer());
            ctx.dispatch(Action::Edit { edit, group });
        })
    };
    let to_group = (!props.in_credits).then(|| {
        let ctx = ctx.clone();
        let path = props.path.clone();
        let value = value.clone();
        let onclick = Callback::from(move |_| {
            if let Some(group) = convert(&value, NodeKind::All) {
                let edit = Edit::Set {
                    at: path.clone(),
                    value: Some(group),
                };
                ctx.dispatch(Action::Edit { edit, group: None });
            }
        });
        html! { <button type="button" class="link" {onclick}
        aria-label={i18n.t_with("req-make-group-of", &item)}>{ i18n.t("req-make-group") }</button> }
    });
    let title_id = format!("{}-title", props.path.dom_id());
    html! {
        <div class="req-leaf">
            <div class="req-row">
                <input id={props.path.dom_id()} type="text" class="id-input" list={CREDENTIAL_IDS}
                       value={id} {oninput} spellcheck="false" autocomplete="off"
                       aria-label={i18n.t_with("req-credential-of", &item)}
                       aria-describedby={title_id.clone()} />
                { props.controls.clone() }
                { to_group }
            </div>
            { match title {
                Some(title) => html! { <span class="req-title" id={title_id} lang={title.lang}>{ title.text }</span> },
                None => html! { <span class="req-title" id={title_id}>{ i18n.t("req-unknown") }</span> },
            } }
        </div>
    }
}
