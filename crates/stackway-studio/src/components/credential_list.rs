//! The credential list: search by title or id, filter by kind, by stackable or by problems,
//! and add a credential. Long lists (10,000 credentials) show 50 at a time.

use std::collections::HashMap;
use std::rc::Rc;

use crate::doc::Json;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::check::{locate, Place, Section};
use crate::components::id_field::shown_text;
use crate::components::text_field::feed_languages;
use crate::doc::{Edit, Path};
use crate::i18n::Arg;
use crate::ids::{self, IdKind};
use crate::state::{use_ctx, Action};

/// How many rows are shown at first, and added by "show more".
const PAGE: usize = 50;

/// Lower-case text without accents, for matching what is typed to titles in any language.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            other => other,
        })
        .collect()
}

/// Whether a credential matches the search words (every word, in its id or any title).
fn matches(credential: &Json, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut haystack = credential
        .get("id")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_owned();
    match credential.get("title") {
        Some(Json::String(s)) => haystack.push_str(&format!(" {s}")),
        Some(Json::Object(members)) => {
            for text in members.iter().filter_map(|(_, v)| v.as_str()) {
                haystack.push(' ');
                haystack.push_str(text);
            }
        }
        _ => {}
    }
    let haystack = fold(&haystack);
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Errors and warnings per credential index.
fn problems_by_item(diagnostics: &[stackway_core::Diagnostic]) -> HashMap<usize, (usize, usize)> {
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for d in diagnostics {
        let place = locate(&crate::check::anchor(d));
        if let (Section::Credentials, Some(item)) = (place.section, place.item) {
            let entry = counts.entry(item).or_default();
            if d.severity == stackway_core::Severity::Error {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    counts
}

#[function_component(CredentialList)]
pub fn credential_list() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let query = use_state(String::new);
    let kind = use_state(String::new);
    let filter = use_state(String::new);
    let shown = use_state(|| PAGE);
    let adding = use_state(|| false);
    let problems = {
        let diagnostics = ctx.diagnostics.clone();
        use_memo(ctx.checked, move |_| problems_by_item(&diagnostics))
    };
    let problems: Rc<HashMap<usize, (usize, usize)>> = problems;

    let doc = ctx.doc.borrow();
    let languages = feed_languages(&doc);
    let ui_lang = ctx.i18n.lang.tag().to_owned();
    let credentials = crate::doc::get_list(&doc, &Path::root().key("credentials"));
    let words: Vec<String> = fold(&query).split_whitespace().map(str::to_owned).collect();
    let matching: Vec<usize> = credentials
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            matches(c, &words)
                && (kind.is_empty() || c.get("kind").and_then(Json::as_str) == Some(kind.as_str()))
                && match filter.as_str() {
                    "stackable" => c.get("requires").is_some(),
                    "problems" => problems.contains_key(i),
                    _ => true,
                }
        })
        .map(|(i, _)| i)
        .collect();
    let total = credentials.len();
    let rows: Vec<Html> = matching
        .iter()
        .take(*shown)
        .map(|&i| {
            let c = &credentials[i];
            let id = c.get("id").and_then(Json::as_str).unwrap_or("").to_owned();
            let title = shown_text(c.get("title"), &ui_lang, &languages);
            let kind_slug = c.get("kind").and_then(Json::as_str).unwrap_or("").to_owned();
            let kind_label = crate::form::kind_label(&kind_slug, i18n.lang);
            let open = {
                let ctx = ctx.clone();
                Callback::from(move |_| ctx.dispatch(Action::Navigate(Place { section: Section::Credentials, item: Some(i) })))
            };
            let badge = problems.get(&i).map(|(errors, warnings)| {
                if *errors > 0 {
                    html! { <span class="badge badge-error">{ i18n.t_with("count-errors", &[("count", Arg::from(*errors))]) }</span> }
                } else {
                    html! { <span class="badge badge-warning">{ i18n.t_with("count-warnings", &[("count", Arg::from(*warnings))]) }</span> }
                }
            });
            html! {
                <li key={i}>
                    <button type="button" class="row" onclick={open} id={format!("credential-row-{i}")}>
                        <span class="row-title" lang={title.lang}>{ if title.text.is_empty() { i18n.t("untitled") } else { title.text } }</span>
                        <span class="row-meta"><code>{ id }</code>{ " · " }{ kind_label }
                            if c.get("requires").is_some() { { " · " }{ i18n.t("stackable") } }</span>
                        { badge }
                    </button>
                </li>
            }
        })
        .collect();
    drop(doc);

    let on_query = {
        let query = query.clone();
        let shown = shown.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            shown.set(PAGE);
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            kind.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            filter.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    let open_add = {
        let adding = adding.clone();
        Callback::from(move |_| adding.set(true))
    };
    let close_add = {
        let adding = adding.clone();
        Callback::from(move |_| adding.set(false))
    };
    html! {
        <section class="panel" aria-labelledby="credentials-heading">
            <div class="panel-head">
                <h2 id="credentials-heading">{ i18n.t("section-credentials") }</h2>
                <button type="button" class="primary" onclick={open_add} id="add-credential">{ i18n.t("credential-add") }</button>
            </div>
            if *adding { <AddCredential on_close={close_add} /> }
            <div class="filters" role="search">
                <div class="filter">
                    <label for="credential-search">{ i18n.t("search") }</label>
                    <input id="credential-search" type="search" value={(*query).clone()} oninput={on_query}
                           placeholder={i18n.t("search-placeholder")} />
                </div>
                <div class="filter">
                    <label for="credential-kind">{ i18n.t("filter-kind") }</label>
                    <select id="credential-kind" onchange={on_kind}>
                        <option value="" selected={kind.is_empty()}>{ i18n.t("filter-any-kind") }</option>
                        { for stackway_core::Kind::ALL.iter().map(|k| html! {
                            <option value={k.as_str()} selected={*kind == k.as_str()}>{ crate::form::kind_label(k.as_str(), i18n.lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="filter">
                    <label for="credential-filter">{ i18n.t("filter-show") }</label>
                    <select id="credential-filter" onchange={on_filter}>
                        <option value="" selected={filter.is_empty()}>{ i18n.t("filter-all") }</option>
                        <option value="stackable" selected={*filter == "stackable"}>{ i18n.t("filter-stackable") }</option>
                        <option value="problems" selected={*filter == "problems"}>{ i18n.t("filter-problems") }</option>
                    </select>
                </div>
            </div>
            <p class="result-count" role="status">{ i18n.t_with("credential-count", &[("shown", Arg::from(matching.len())), ("total", Arg::from(total))]) }</p>
            <ul class="rows">{ for rows }</ul>
            if matching.len() > *shown {
                <button type="button" onclick={more}>{ i18n.t_with("show-more", &[("count", Arg::from(PAGE.min(matching.len() - *shown)))]) }</button>
            }
        </section>
    }
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
            let index =
                crate::doc::get_list(&ctx.doc.borrow(), &Path::root().key("credentials")).len();
            let credential = Json::Object(vec![
                ("id".into(), Json::String(chosen_id.clone())),
                ("kind".into(), Json::String((*kind).clone())),
                (
                    "title".into(),
                    Json::Object(vec![(
                        language.clone(),
                        Json::String(title.trim().to_owned()),
                    )]),
                ),
            ]);
            ctx.dispatch(Action::Edit {
                edit: Edit::Insert {
                    list: Path::root().key("credentials"),
                    index,
                    value: credential,
                },
                group: None,
            });
            ctx.dispatch(Action::Jump(
                Path::root().key("credentials").index(index).key("title"),
            ));
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
