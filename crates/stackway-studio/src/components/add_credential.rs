//! "Add a credential": a title in the feed's first language, a kind, and an id suggested from
//! the title; the new credential's form opens on its title.

use crate::doc::Json;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::text_field::feed_languages;
use crate::doc::{Edit, Path};
use crate::i18n::Arg;
use crate::ids::{self, IdKind};
use crate::state::{use_ctx, Action, Ctx};

/// Appends a credential with an id, a kind and a title in `language`, and focuses its title.
fn add_new_credential(ctx: &Ctx, id: &str, kind: &str, language: &str, title: &str) {
    let credentials = Path::root().key("credentials");
    let index = crate::doc::get_list(&ctx.doc.borrow(), &credentials).len();
    let credential = Json::Object(vec![
        ("id".into(), Json::String(id.to_owned())),
        ("kind".into(), Json::String(kind.to_owned())),
        (
            "title".into(),
            Json::Object(vec![(language.to_owned(), Json::String(title.to_owned()))]),
        ),
    ]);
    let edit = Edit::Insert {
        list: credentials.clone(),
        index,
        value: credential,
    };
    ctx.dispatch(Action::Edit { edit, group: None });
    ctx.dispatch(Action::Jump(credentials.index(index).key("title")));
}

#[derive(Properties, PartialEq)]
pub struct AddCredentialProps {
    /// Closes the form (after adding, or on cancel).
    pub on_close: Callback<()>,
}

/// Adding a credential: its title and kind, and the id suggested from the title.
#[function_component(AddCredential)]
pub fn add_credential(props: &AddCredentialProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let title = use_state(String::new);
    let kind = use_state(|| "micro-credential".to_owned());
    let id = use_state(|| None::<String>);
    let title_ref = use_node_ref();
    {
        let title_ref = title_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = title_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let (language, suggestion, taken) = {
        let doc = ctx.doc.borrow();
        let language = feed_languages(&doc).remove(0);
        let taken: Vec<String> = ids::ids_of(&doc, IdKind::Credential)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        (language, ids::suggest(&title, &refs), taken)
    };
    let chosen_id = (*id).clone().unwrap_or(suggestion.clone());
    let problem = if taken.contains(&chosen_id) {
        Some(i18n.t_with("id-taken", &[("id", Arg::from(chosen_id.as_str()))]))
    } else if !ids::is_valid(&chosen_id) {
        Some(i18n.t("id-rule"))
    } else {
        None
    };
    let submit = {
        let ctx = ctx.clone();
        let title = title.clone();
        let kind = kind.clone();
        let chosen_id = chosen_id.clone();
        let blocked = problem.is_some() || title.trim().is_empty();
        let on_close = props.on_close.clone();
        let language = language.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if blocked {
                return;
            }
            add_new_credential(&ctx, &chosen_id, &kind, &language, title.trim());
            on_close.emit(());
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let on_title = {
        let title = title.clone();
        Callback::from(move |e: InputEvent| {
            title.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_id = {
        let id = id.clone();
        Callback::from(move |e: InputEvent| {
            id.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            kind.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    let language_name = crate::components::text_field::language_name(&i18n, &language);
    html! {
        <form class="add-form" onsubmit={submit} {onkeydown} aria-labelledby="add-credential-heading">
            <h3 id="add-credential-heading">{ i18n.t("credential-add") }</h3>
            <div class="field">
                <label class="field-label" for="new-credential-title">{ i18n.t_with("new-title-in", &[("language", Arg::from(language_name))]) }</label>
                <input id="new-credential-title" ref={title_ref} type="text" value={(*title).clone()} oninput={on_title} required=true />
            </div>
            <div class="field">
                <label class="field-label" for="new-credential-kind">{ crate::form::words(crate::form::field(&stackway_core::field_table::CREDENTIAL, "kind"), i18n.lang).0 }</label>
                <select id="new-credential-kind" onchange={on_kind}>
                    { for stackway_core::Kind::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*kind == k.as_str()}>{ crate::form::kind_label(k.as_str(), i18n.lang) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label class="field-label" for="new-credential-id">{ crate::form::words(crate::form::field(&stackway_core::field_table::CREDENTIAL, "id"), i18n.lang).0 }</label>
                <p class="help" id="new-credential-id-help">{ i18n.t("id-suggested-help") }</p>
                <input id="new-credential-id" type="text" class="id-input" value={chosen_id} oninput={on_id}
                       spellcheck="false" autocomplete="off" aria-describedby="new-credential-id-help new-credential-id-problem"
                       aria-invalid={problem.is_some().then_some("true")} />
                <p id="new-credential-id-problem" class="diag diag-error">{ problem.clone().unwrap_or_default() }</p>
            </div>
            <div class="actions">
                <button type="submit" class="primary" id="add-credential-submit">{ i18n.t("credential-add-submit") }</button>
                <button type="button" onclick={cancel}>{ i18n.t("cancel") }</button>
            </div>
        </form>
    }
}
