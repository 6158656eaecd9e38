//! The form of one credential: every field of the format, grouped as program staff think of
//! them (what it is, its size and cost, what it teaches, how it stacks), and "counts toward",
//! which adds it to a stackable credential's requirement from here.

use crate::doc::Json;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::check::{Place, Section};
use crate::components::field_shell::FieldShell;
use crate::components::id_field::{first_text, shown_text, IdField};
use crate::components::id_list::IdList;
use crate::components::number_input::NumberInput;
use crate::components::object_list::ObjectList;
use crate::components::requirement_field::RequirementField;
use crate::components::select_field::SelectField;
use crate::components::text_field::{feed_languages, TextField};
use crate::components::text_input::TextInput;
use crate::doc::{self, Edit, Path};
use crate::i18n::{Arg, I18n};
use crate::ids::{self, IdKind};
use crate::requirement::{children, NodeKind};
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct CredentialFormProps {
    /// The credential's index in `credentials`.
    pub index: usize,
}

/// A field's label and help, from the studio's words (`field-<object>-<key>`, `help-…`).
pub fn words(i18n: &I18n, object: &str, key: &str) -> (AttrValue, Option<AttrValue>) {
    let label = i18n.t(&format!("field-{object}-{key}"));
    let help_id = format!("help-{object}-{key}");
    let help = i18n
        .has(&help_id)
        .then(|| AttrValue::from(i18n.t(&help_id)));
    (AttrValue::from(label), help)
}

/// The edit that adds credential `id` to the requirement `requires` of credential `target`:
/// appended to its top group (wrapped in an `all` group when it is a single credential, or
/// made the whole requirement when there is none).
pub fn count_toward(doc: &Json, target: &Path, id: &str) -> Edit {
    let requires = target.key("requires");
    let leaf = Json::String(id.to_owned());
    match doc::get(doc, &requires) {
        None => Edit::Set {
            at: requires,
            value: Some(Json::Object(vec![("all".into(), Json::Array(vec![leaf]))])),
        },
        Some(value) => match NodeKind::of(value).list_key() {
            Some(key) => Edit::Insert {
                list: requires.key(key),
                index: children(value).len(),
                value: leaf,
            },
            None => Edit::Set {
                at: requires,
                value: Some(Json::Object(vec![(
                    "all".into(),
                    Json::Array(vec![value.clone(), leaf]),
                )])),
            },
        },
    }
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
    let institutions: Vec<(String, String)> = {
        let mut list = Vec::new();
        for (path, value) in [(Path::root().key("provider"), doc.get("provider"))]
            .into_iter()
            .chain(
                doc::get_list(&doc, &Path::root().key("institutions"))
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (Path::root().key("institutions").index(i), Some(v))),
            )
        {
            let _ = path;
            if let Some(value) = value {
                if let Some(id) = value.get("id").and_then(Json::as_str) {
                    list.push((
                        id.to_owned(),
                        format!("{} ({id})", first_text(value.get("name"), &order)),
                    ));
                }
            }
        }
        list
    };
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
    let kinds: Vec<(String, String)> = stackway_core::Kind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_owned(),
                i18n.t(&format!("kind-{}", k.as_str())),
            )
        })
        .collect();
    let w = |key: &str| words(&i18n, "credential", key);
    let describe_skill = {
        let ctx = ctx.clone();
        Callback::from(move |id: String| {
            let doc = ctx.doc.borrow();
            let languages = feed_languages(&doc);
            doc::get_list(&doc, &Path::root().key("skills"))
                .iter()
                .find(|c| c.get("id").and_then(Json::as_str) == Some(id.as_str()))
                .map(|c| shown_text(c.get("name"), ctx.i18n.lang.tag(), &languages))
        })
    };
    let (id_label, id_help) = w("id");
    let f = |key: &str| at.key(key);
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
            <fieldset class="form-group">
                <legend>{ i18n.t("group-basics") }</legend>
                <IdField item={at.clone()} kind={IdKind::Credential} label={id_label} help={id_help} title={at.key("title")} />
                <SelectField path={f("kind")} label={w("kind").0} help={w("kind").1} required=true options={kinds} />
                <TextField path={f("title")} label={w("title").0} help={w("title").1} required=true />
                <TextField path={f("summary")} label={w("summary").0} help={w("summary").1} multiline=true />
                <TextInput path={f("url")} label={w("url").0} help={w("url").1} kind="url" />
                <SelectField path={f("provider")} label={w("provider").0} help={w("provider").1} options={institutions}
                             empty={AttrValue::from(i18n.t("provider-default"))} />
            </fieldset>
            <fieldset class="form-group">
                <legend>{ i18n.t("group-size") }</legend>
                <div class="field-row">
                    <NumberInput path={f("hours")} label={w("hours").0} help={w("hours").1} />
                    <NumberInput path={f("credits")} label={w("credits").0} help={w("credits").1} />
                    <NumberInput path={f("weeks")} label={w("weeks").0} help={w("weeks").1} />
                </div>
                <div class="field-row">
                    <NumberInput path={f("cost").key("amount")} label={i18n.t("field-cost-amount")} help={w("cost").1} />
                    <TextInput path={f("cost").key("currency")} label={i18n.t("field-cost-currency")} help={AttrValue::from(i18n.t("help-cost-currency"))} />
                    <NumberInput path={f("valid_years")} label={w("valid_years").0} help={w("valid_years").1} />
                </div>
                <DeliveryField path={f("delivery")} />
                <TextField path={f("level")} label={w("level").0} help={w("level").1} />
            </fieldset>
            <fieldset class="form-group">
                <legend>{ i18n.t("group-content") }</legend>
                <IdList path={f("tags")} label={w("tags").0} help={w("tags").1} />
                <IdList path={f("skills")} label={w("skills").0} help={w("skills").1} options={AttrValue::from("skill-ids")} describe={describe_skill} />
                <ObjectList path={f("outcomes")} label={w("outcomes").0} help={w("outcomes").1} kind={crate::components::object_list::ObjectKind::Outcome} />
                <TextField path={f("assessment")} label={w("assessment").0} help={w("assessment").1} multiline=true />
                <ObjectList path={f("employers")} label={w("employers").0} help={w("employers").1} kind={crate::components::object_list::ObjectKind::Employer} />
                <div class="field-row">
                    <TextInput path={f("badge").key("achievement")} label={i18n.t("field-badge-achievement")} help={w("badge").1} kind="url" />
                    <TextInput path={f("badge").key("image")} label={i18n.t("field-badge-image")} kind="url" />
                </div>
            </fieldset>
            <fieldset class="form-group">
                <legend>{ i18n.t("group-stacking") }</legend>
                <RequirementField path={f("requires")} label={w("requires").0} help={w("requires").1} short={i18n.t("req-name-requires")} />
                <RequirementField path={f("prerequisites")} label={w("prerequisites").0} help={w("prerequisites").1} short={i18n.t("req-name-prerequisites")} />
                <CountsToward index={props.index} id={id.clone()} counts={linked.counts_toward.clone()}
                              candidates={linked.could_count_toward.clone()} />
            </fieldset>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DeliveryFieldProps {
    pub path: Path,
}

/// Delivery modes as three checkboxes.
#[function_component(DeliveryField)]
pub fn delivery_field(props: &DeliveryFieldProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let current: Vec<String> = doc::get_list(&ctx.doc.borrow(), &props.path)
        .iter()
        .filter_map(Json::as_str)
        .map(str::to_owned)
        .collect();
    let diagnostics = ctx.diagnostics_at(&props.path);
    html! {
        <FieldShell path={props.path.clone()} label={i18n.t("field-credential-delivery")} diagnostics={diagnostics} group=true>
            <div class="checks">
                { for stackway_core::Delivery::ALL.iter().map(|mode| {
                    let mode = mode.as_str();
                    let checked = current.iter().any(|m| m == mode);
                    let onchange = {
                        let ctx = ctx.clone();
                        let path = props.path.clone();
                        let current = current.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            let mut next: Vec<String> = current.iter().filter(|m| *m != mode).cloned().collect();
                            if on {
                                next.push(mode.to_owned());
                                // Keep the format's order, so that files diff well.
                                next.sort_by_key(|m| stackway_core::Delivery::ALL.iter().position(|d| d.as_str() == m));
                            }
                            let value = (!next.is_empty()).then(|| Json::Array(next.into_iter().map(Json::String).collect()));
                            ctx.dispatch(Action::Edit { edit: Edit::Set { at: path.clone(), value }, group: None });
                        })
                    };
                    let id = format!("{}-{mode}", props.path.dom_id());
                    html! {
                        <span class="check">
                            <input type="checkbox" id={id.clone()} checked={checked} {onchange} />
                            <label for={id}>{ i18n.t(&format!("delivery-{mode}")) }</label>
                        </span>
                    }
                }) }
            </div>
        </FieldShell>
    }
}

#[derive(Properties, PartialEq)]
pub struct CountsTowardProps {
    pub index: usize,
    pub id: String,
    /// The credentials whose requirement names this one: index, id, title.
    pub counts: Vec<(usize, String, String)>,
    /// Stackable credentials it could be added to.
    pub candidates: Vec<(usize, String, String)>,
}

/// Where this credential counts, and a way to add it to one more.
#[function_component(CountsToward)]
pub fn counts_toward(props: &CountsTowardProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let choice = use_state(String::new);
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            choice.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let add = {
        let ctx = ctx.clone();
        let choice = choice.clone();
        let id = props.id.clone();
        Callback::from(move |_| {
            let Ok(target) = choice.parse::<usize>() else {
                return;
            };
            let target_path = Path::root().key("credentials").index(target);
            let edit = count_toward(&ctx.doc.borrow(), &target_path, &id);
            ctx.dispatch(Action::Edit { edit, group: None });
            choice.set(String::new());
        })
    };
    let open = |i: usize| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::Navigate(Place {
                section: Section::Credentials,
                item: Some(i),
            }))
        })
    };
    html! {
        <div class="field counts-toward" id="counts-toward">
            <h3 class="field-label">{ i18n.t("counts-toward") }</h3>
            if props.counts.is_empty() {
                <p class="help">{ i18n.t("counts-toward-none") }</p>
            } else {
                <ul class="plain">
                    { for props.counts.iter().map(|(i, id, title)| html! {
                        <li><button type="button" class="link" onclick={open(*i)}>{ format!("{title} ({id})") }</button></li>
                    }) }
                </ul>
            }
            if !props.candidates.is_empty() && !props.id.is_empty() {
                <div class="id-add">
                    <label for="count-toward-choice">{ i18n.t("counts-toward-add-label") }</label>
                    <select id="count-toward-choice" onchange={on_choice}>
                        <option value="" selected={choice.is_empty()}>{ i18n.t("choose-one") }</option>
                        { for props.candidates.iter().map(|(i, id, title)| html! {
                            <option value={i.to_string()} selected={*choice == i.to_string()}>{ format!("{title} ({id})") }</option>
                        }) }
                    </select>
                    <button type="button" id="count-toward-add" onclick={add} disabled={choice.is_empty()}>{ i18n.t("counts-toward-add") }</button>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    #[test]
    fn counting_toward_appends_to_the_top_group_or_creates_one() {
        let target = Path::parse("/credentials/0");
        let cases = [
            (
                json(r#"{"credentials": [{"id": "c"}]}"#),
                json(r#"{"all": ["x"]}"#),
            ),
            (
                json(r#"{"credentials": [{"id": "c", "requires": "a"}]}"#),
                json(r#"{"all": ["a", "x"]}"#),
            ),
            (
                json(r#"{"credentials": [{"id": "c", "requires": {"choose": 1, "from": ["a"]}}]}"#),
                json(r#"{"choose": 1, "from": ["a", "x"]}"#),
            ),
            (
                json(r#"{"credentials": [{"id": "c", "requires": {"all": ["a"], "label": "L"}}]}"#),
                json(r#"{"all": ["a", "x"], "label": "L"}"#),
            ),
        ];
        for (mut doc, expected) in cases {
            let edit = count_toward(&doc, &target, "x");
            doc::apply(&mut doc, edit).unwrap();
            assert_eq!(doc.pointer("/credentials/0/requires"), Some(&expected));
        }
    }
}
