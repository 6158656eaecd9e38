//! The credential list: search by title or id, filter by kind, by stackable or by problems,
//! and add a credential. Long lists (10,000 credentials) show 50 at a time.

use std::collections::HashMap;
use std::rc::Rc;

use crate::doc::Json;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::check::{locate, Place, Section};
use crate::components::add_credential::AddCredential;
use crate::components::id_field::shown_text;
use crate::components::text_field::feed_languages;
use crate::doc::Path;
use crate::i18n::Arg;
use crate::state::{use_ctx, Action, Ctx};

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

/// One row of the list: a credential's title, id, kind, whether it is stackable and how many
/// problems it has; choosing it opens its form.
fn credential_row(
    ctx: &Ctx,
    i: usize,
    c: &Json,
    languages: &[String],
    problems: Option<&(usize, usize)>,
) -> Html {
    let i18n = &ctx.i18n;
    let id = c.get("id").and_then(Json::as_str).unwrap_or("").to_owned();
    let title = shown_text(c.get("title"), i18n.lang.tag(), languages);
    let kind_slug = c.get("kind").and_then(Json::as_str).unwrap_or("");
    let kind_label = crate::form::kind_label(kind_slug, i18n.lang);
    let open = {
        let ctx = ctx.clone();
        let place = Place {
            section: Section::Credentials,
            item: Some(i),
        };
        Callback::from(move |_| ctx.dispatch(Action::Navigate(place)))
    };
    let badge = problems.map(|(errors, warnings)| {
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
        .map(|&i| credential_row(&ctx, i, &credentials[i], &languages, problems.get(&i)))
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
