//! The form of one credential: every field of the format, grouped as program staff think of
//! them (what it is, its size and cost, what it teaches, how it stacks), and "counts toward",
//! which adds it to a stackable credential's requirement from here.

use crate::doc::Json;
use yew::prelude::*;

use crate::check::{Place, Section};
use crate::components::counts_toward::CountsToward;
use crate::components::id_field::{first_text, shown_text};
use crate::components::table_field::FormFields;
use crate::components::text_field::feed_languages;
use crate::doc::{self, Edit, Path};
use crate::form::{ObjectRef, CREDENTIAL_GROUPS};
use crate::i18n::Arg;
use crate::ids::{self, IdKind};
use crate::state::{use_ctx, Action};
use stackway_core::field_table::CREDENTIAL;

#[derive(Properties, PartialEq)]
pub struct CredentialFormProps {
    /// The credential's index in `credentials`.
    pub index: usize,
}

/// The credentials linked to credential `index`: (index, id, title) of those whose requirement
/// names it, of the stackable ones it could be added to, and how many places use its id.
#[derive(PartialEq)]
pub struct Linked {
    pub counts_toward: Vec<(usize, String, String)>,
    pub could_count_toward: Vec<(usize, String, String)>,
    pub uses: usize,
}

fn linked_credentials(doc: &Json, index: usize, lang: &str) -> Linked {
    let languages = feed_languages(doc);
    let mut order = vec![lang.to_owned()];
    order.extend(languages);
    let credentials = doc::get_list(doc, &Path::root().key("credentials"));
    let id = credentials
        .get(index)
        .and_then(|c| c.get("id"))
        .and_then(Json::as_str)
        .unwrap_or("");
    let mut linked = Linked {
        counts_toward: Vec::new(),
        could_count_toward: Vec::new(),
        uses: ids::references(doc, IdKind::Credential, id).len(),
    };
    for (i, other) in credentials.iter().enumerate() {
        if i == index {
            continue;
        }
        let uses = other
            .get("requires")
            .is_some_and(|r| ids::requirement_names(r, id));
        let stackable_kind = other.get("kind").and_then(Json::as_str).is_some_and(|k| {
            !matches!(
                k,
                "micro-credential" | "badge" | "course" | "prior-learning"
            )
        });
        if !uses && other.get("requires").is_none() && !stackable_kind {
            continue;
        }
        let entry = (
            i,
            other
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned(),
            first_text(other.get("title"), &order),
        );
        if uses {
            linked.counts_toward.push(entry);
        } else {
            linked.could_count_toward.push(entry);
        }
    }
    linked
}

#[function_component(CredentialForm)]
pub fn credential_form(props: &CredentialFormProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let at = Path::root().key("credentials").index(props.index);
    let confirm_delete = use_state(|| false);
    // What depends on the other credentials, kept until the feed's structure changes: scanning
    // 10,000 credentials on every keystroke would slow typing.
    let linked = {
        let doc = ctx.doc.clone();
        let index = props.index;
        let lang = i18n.lang.tag().to_owned();
        use_memo(
            (ctx.graph_revision, index, lang),
            move |(_, index, lang)| linked_credentials(&doc.borrow(), *index, lang),
        )
    };
    let uses = linked.uses;
    let doc = ctx.doc.borrow();
    let Some(credential) = doc::get(&doc, &at).cloned() else {
        return html! { <p>{ i18n.t("credential-gone") }</p> };
    };
    let languages = feed_languages(&doc);
    let mut order = vec![i18n.lang.tag().to_owned()];
    order.extend(languages.iter().cloned());
    let title = first_text(credential.get("title"), &order);
    let title_lang = shown_text(credential.get("title"), i18n.lang.tag(), &languages).lang;
    let id = credential
        .get("id")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_owned();
    drop(doc);

    let back = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::Navigate(Place {
                section: Section::Credentials,
                item: None,
            }))
        })
    };
    let delete = {
        let ctx = ctx.clone();
        let confirm_delete = confirm_delete.clone();
        let id = id.clone();
        let index = props.index;
        Callback::from(move |remove_uses: bool| {
            let mut edits = if remove_uses {
                ids::remove_references(&ctx.doc.borrow(), IdKind::Credential, &id)
            } else {
                Vec::new()
            };
            edits.push(Edit::Remove {
                list: Path::root().key("credentials"),
                index,
            });
            ctx.dispatch(Action::Edit {
                edit: Edit::Batch(edits),
                group: None,
            });
            ctx.dispatch(Action::Navigate(Place {
                section: Section::Credentials,
                item: None,
            }));
            confirm_delete.set(false);
        })
    };
    let ask_delete = {
        let confirm_delete = confirm_delete.clone();
        let delete = delete.clone();
        Callback::from(move |_| {
            if uses > 0 {
                confirm_delete.set(true)
            } else {
                delete.emit(false)
            }
        })
    };
    html! {
        <section class="panel credential-form" aria-labelledby="credential-heading">
            <div class="panel-head">
                <button type="button" class="link back" onclick={back}>{ i18n.t("back-to-list") }</button>
                <h2 id="credential-heading" lang={title_lang}>{ if title.is_empty() { i18n.t("untitled") } else { title.clone() } }</h2>
                <button type="button" class="danger" onclick={ask_delete}>{ i18n.t("credential-delete") }</button>
            </div>
            if *confirm_delete {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
                    <p id="confirm-delete-text">{ i18n.t_with("credential-delete-used", &[("count", Arg::from(uses)), ("id", Arg::from(id.as_str()))]) }</p>
                    <button type="button" class="danger" onclick={let d = delete.clone(); move |_| d.emit(true)}>{ i18n.t("credential-delete-with-uses") }</button>
                    <button type="button" onclick={let d = delete.clone(); move |_| d.emit(false)}>{ i18n.t("credential-delete-keep-uses") }</button>
                    <button type="button" onclick={let c = confirm_delete.clone(); move |_| c.set(false)}>{ i18n.t("cancel") }</button>
                </div>
            }
            { for CREDENTIAL_GROUPS.iter().map(|group| html! {
                <fieldset class="form-group">
                    <legend>{ i18n.t(group.heading) }</legend>
                    <FormFields object={ObjectRef(&CREDENTIAL)} at={at.clone()} keys={Some(group.keys)} />
                    if group.heading == "group-stacking" {
                        <CountsToward index={props.index} id={id.clone()} counts={linked.counts_toward.clone()}
                                      candidates={linked.could_count_toward.clone()} />
                    }
                </fieldset>
            }) }
        </section>
    }
}
