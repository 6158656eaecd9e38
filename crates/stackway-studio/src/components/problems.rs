//! Every diagnostic of the feed in one list; each entry jumps to its field. Filters narrow it
//! to errors, warnings, or missing translations.

use crate::doc::Json;
use stackway_core::field_table;
use stackway_core::{Code, Diagnostic, Severity};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::check::{anchor, locate, Section};
use crate::components::field_shell::{DiagnosticLine, DiagnosticLineProps};
use crate::components::id_field::first_text;
use crate::components::text_field::feed_languages;
use crate::doc::{self, Path, Step};
use crate::form;
use crate::i18n::{Arg, I18n};
use crate::state::{use_ctx, Action};

/// How many entries are drawn at first (a 10,000-credential feed can have thousands).
const PAGE: usize = 100;

/// Where a diagnostic is, in words: the section, the item's name, and the field.
pub fn place_name(i18n: &I18n, doc: &Json, path: &Path) -> String {
    let place = locate(path);
    let section = i18n.t(&format!("section-{}", place.section.slug()));
    let languages = feed_languages(doc);
    let item = place.item.map(|i| {
        let at = Path::root()
            .key(place.section.list_key().unwrap_or(""))
            .index(i);
        let named = doc::get(doc, &at).map(|v| {
            let title = first_text(v.get("title").or_else(|| v.get("name")), &languages);
            let id = v.get("id").and_then(Json::as_str).unwrap_or("");
            match (title.is_empty(), id.is_empty()) {
                (false, _) => title,
                (true, false) => id.to_owned(),
                (true, true) => format!("#{}", i + 1),
            }
        });
        named.unwrap_or_else(|| format!("#{}", i + 1))
    });
    let depth = if place.section == Section::Feed { 0 } else { 2 };
    let field = path.0.get(depth).and_then(|s| match s {
        Step::Key(k) => Some(k.clone()),
        Step::Index(_) => None,
    });
    // The field's label, from the field table (the key itself for one it does not know).
    let object = match place.section {
        Section::Feed => match path.0.first() {
            Some(Step::Key(k)) if k == "provider" => &field_table::INSTITUTION,
            _ => &field_table::FEED,
        },
        Section::Institutions => &field_table::INSTITUTION,
        Section::Skills => &field_table::SKILL,
        Section::Credentials => &field_table::CREDENTIAL,
        Section::Equivalences => &field_table::EQUIVALENCE,
        Section::Pathways => &field_table::PATHWAY,
    };
    let key = match (path.0.first(), path.0.get(1)) {
        (Some(Step::Key(first)), Some(Step::Key(k))) if first == "provider" => Some(k.clone()),
        _ => field,
    };
    let field = key.map(|k| match object.field(&k) {
        Some(field) => form::words(field, i18n.lang).0.to_owned(),
        None => k,
    });
    [Some(section), item, field]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" › ")
}

#[function_component(Problems)]
pub fn problems() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let filter = use_state(String::new);
    let shown = use_state(|| PAGE);
    let keep = |d: &&Diagnostic| match filter.as_str() {
        "error" => d.severity == Severity::Error,
        "warning" => d.severity == Severity::Warning,
        "translation" => d.code == Code::MissingTranslation,
        _ => true,
    };
    let list: Vec<&Diagnostic> = ctx.diagnostics.iter().filter(keep).collect();
    let (errors, warnings) = crate::check::counts(&ctx.diagnostics);
    let on_filter = {
        let filter = filter.clone();
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            filter.set(e.target_unchecked_into::<HtmlSelectElement>().value());
            shown.set(PAGE);
        })
    };
    let doc = ctx.doc.borrow();
    let items: Vec<Html> = list
        .iter()
        .take(*shown)
        .enumerate()
        .map(|(n, d)| {
            let path = anchor(d);
            let place = place_name(&i18n, &doc, &path);
            let jump = {
                let ctx = ctx.clone();
                let path = path.clone();
                Callback::from(move |_| ctx.dispatch(Action::Jump(path.clone())))
            };
            html! {
                <li key={n} class={if d.severity == Severity::Error { "problem problem-error" } else { "problem problem-warning" }}>
                    <button type="button" class="link jump" onclick={jump}>{ place }</button>
                    <DiagnosticLine ..DiagnosticLineProps::from(*d) />
                </li>
            }
        })
        .collect();
    drop(doc);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    html! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading" class="visually-hidden">{ i18n.t("problems") }</h2>
            <p role="status" class="problem-summary">
                { if ctx.checked == u64::MAX { i18n.t("checking") }
                  else if errors + warnings == 0 { i18n.t("no-problems") }
                  else { i18n.t_with("problem-summary", &[("errors", Arg::from(errors)), ("warnings", Arg::from(warnings))]) } }
            </p>
            <label for="problem-filter">{ i18n.t("filter-show") }</label>
            <select id="problem-filter" onchange={on_filter}>
                <option value="" selected={filter.is_empty()}>{ i18n.t("problems-all") }</option>
                <option value="error" selected={*filter == "error"}>{ i18n.t("problems-errors") }</option>
                <option value="warning" selected={*filter == "warning"}>{ i18n.t("problems-warnings") }</option>
                <option value="translation" selected={*filter == "translation"}>{ i18n.t("problems-translations") }</option>
            </select>
            <ul class="problem-list">{ for items }</ul>
            if list.len() > *shown {
                <button type="button" onclick={more}>{ i18n.t_with("show-more", &[("count", Arg::from(PAGE.min(list.len() - *shown)))]) }</button>
            }
        </section>
    }
}
