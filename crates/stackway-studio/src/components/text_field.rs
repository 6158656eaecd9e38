//! A Text of the feed (a title, a summary, a name): one input per language of the feed, side
//! by side, with a marker on each translation that is missing.
//!
//! A plain string (the same in every language, such as "SQL") is shown once, with a button to
//! give each language its own text; a translated text is an object of language → string, and
//! emptying one language's input removes that language (it is then marked missing).

use crate::doc::{Json, JsonExt};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::field_shell::{described_by, FieldShell};
use crate::doc::{self, Edit, Path};
use crate::i18n::I18n;
use crate::state::{use_ctx, Action, Ctx};

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub path: Path,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// A text area (summaries, outcomes) rather than one line.
    #[prop_or_default]
    pub multiline: bool,
}

/// The feed's declared languages (at least one).
pub fn feed_languages(doc: &Json) -> Vec<String> {
    let languages: Vec<String> = doc
        .get("languages")
        .and_then(JsonExt::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Json::as_str)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if languages.is_empty() {
        vec!["en".to_owned()]
    } else {
        languages
    }
}

/// A language's name in the interface language (the tag itself for others).
pub fn language_name(i18n: &I18n, tag: &str) -> String {
    let id = format!("lang-name-{}", tag.to_ascii_lowercase());
    if i18n.has(&id) {
        i18n.t(&id)
    } else {
        tag.to_owned()
    }
}

/// The languages of `languages` a text lacks (none for a plain string or an absent text).
pub fn missing_languages(value: Option<&Json>, languages: &[String]) -> Vec<String> {
    match value {
        Some(Json::Object(members)) if !members.is_empty() => languages
            .iter()
            .filter(|l| {
                !members
                    .iter()
                    .any(|(k, v)| stackway_core::same_language(k, l) && v.as_str().is_some())
            })
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

/// The edit that sets language `tag` of the text at `path` to `text` (removing it when empty,
/// and the whole text when it was its last language).
fn set_language(current: Option<&Json>, path: &Path, tag: &str, text: String) -> Edit {
    if !text.is_empty() {
        return match current {
            Some(Json::Object(_)) => Edit::Set {
                at: path.key(tag),
                value: Some(Json::String(text)),
            },
            _ => Edit::Set {
                at: path.clone(),
                value: Some(Json::Object(vec![(tag.to_owned(), Json::String(text))])),
            },
        };
    }
    match current {
        Some(Json::Object(map)) if map.len() > 1 => Edit::Set {
            at: path.key(tag),
            value: None,
        },
        _ => Edit::Set {
            at: path.clone(),
            value: None,
        },
    }
}

/// Typing in a plain text: it stays one string for every language (removed when emptied).
fn on_plain_input(ctx: &Ctx, path: &Path) -> Callback<String> {
    let ctx = ctx.clone();
    let path = path.clone();
    Callback::from(move |text: String| {
        let value = (!text.is_empty()).then_some(Json::String(text));
        let edit = Edit::Set {
            at: path.clone(),
            value,
        };
        let group = Some(path.pointer());
        ctx.dispatch(Action::Edit { edit, group });
    })
}

/// "Give each language its own text": the plain text becomes the text of each language.
fn on_translate(ctx: &Ctx, path: &Path, languages: &[String], plain: &str) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    let path = path.clone();
    let map: Vec<(String, Json)> = languages
        .iter()
        .map(|l| (l.clone(), Json::String(plain.to_owned())))
        .collect();
    Callback::from(move |_| {
        let edit = Edit::Set {
            at: path.clone(),
            value: Some(Json::Object(map.clone())),
        };
        ctx.dispatch(Action::Edit { edit, group: None });
    })
}

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let doc = ctx.doc.borrow();
    let languages = feed_languages(&doc);
    let current = doc::get(&doc, &props.path).cloned();
    drop(doc);
    let diagnostics = ctx.diagnostics_at(&props.path);
    let onblur = {
        let ctx = ctx.clone();
        Callback::from(move |_: FocusEvent| ctx.dispatch(Action::Seal))
    };
    let path = props.path.clone();

    let control = |id: String,
                   value: String,
                   label: String,
                   lang: Option<String>,
                   oninput: Callback<String>| {
        let described = described_by(&path);
        if props.multiline {
            let oninput = oninput
                .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
            html! { <textarea id={id} value={value} aria-label={label} lang={lang} rows="2"
            {oninput} onblur={onblur.clone()} aria-describedby={described} /> }
        } else {
            let oninput = oninput
                .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
            html! { <input id={id} type="text" value={value} aria-label={label} lang={lang}
            {oninput} onblur={onblur.clone()} aria-describedby={described} /> }
        }
    };

    let body = match &current {
        Some(Json::String(plain)) => {
            let oninput = on_plain_input(&ctx, &path);
            let translate = on_translate(&ctx, &path, &languages, plain);
            html! {
                <div class="text-plain">
                    <span class="lang-badge">{ i18n.t("text-all-languages") }</span>
                    { control(path.dom_id(), plain.clone(), format!("{} ({})", props.label, i18n.t("text-all-languages")), None, oninput) }
                    if languages.len() > 1 {
                        <button type="button" class="link" onclick={translate}>{ i18n.t("text-translate-separately") }</button>
                    }
                </div>
            }
        }
        _ => {
            let object = match &current {
                Some(Json::Object(members)) => Some(members),
                _ => None,
            };
            let missing = missing_languages(current.as_ref(), &languages);
            // The feed's languages first, then any other the text has.
            let mut tags = languages.clone();
            if let Some(map) = object {
                tags.extend(
                    map.iter()
                        .map(|(k, _)| k)
                        .filter(|k| !languages.iter().any(|l| l == *k))
                        .cloned(),
                );
            }
            html! {
                <div class="text-langs">
                    { for tags.iter().map(|tag| {
                        let value = object.and_then(|m| m.iter().find(|(k, _)| k == tag).map(|(_, v)| v)).map(|v| crate::components::text_input::shown(Some(v))).unwrap_or_default();
                        let is_missing = missing.contains(tag);
                        let name = language_name(&i18n, tag);
                        let oninput = {
                            let ctx = ctx.clone();
                            let path = path.clone();
                            let tag = tag.clone();
                            Callback::from(move |text: String| {
                                let edit = set_language(doc::get(&ctx.doc.borrow(), &path), &path, &tag, text);
                                ctx.dispatch(Action::Edit { edit, group: Some(path.key(&tag).pointer()) });
                            })
                        };
                        html! {
                            <div class={classes!("text-lang", is_missing.then_some("missing"))}>
                                <span class="lang-badge" aria-hidden="true">{ tag.to_uppercase() }</span>
                                { control(path.key(tag).dom_id(), value, format!("{} ({})", props.label, name), Some(tag.clone()), oninput) }
                                if is_missing {
                                    <span class="missing-marker">{ i18n.t_with("text-missing", &[("language", name.clone().into())]) }</span>
                                }
                            </div>
                        }
                    }) }
                </div>
            }
        }
    };
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    required={props.required} diagnostics={diagnostics} group=true>
            { body }
        </FieldShell>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }
    use crate::doc::apply;

    #[test]
    fn missing_translations_are_the_declared_languages_a_text_lacks() {
        let languages = vec!["en".to_owned(), "fr".to_owned()];
        assert_eq!(
            missing_languages(Some(&json(r#"{"en": "A"}"#)), &languages),
            ["fr"]
        );
        assert_eq!(
            missing_languages(Some(&json(r#"{"en": "A", "fr-CA": "B"}"#)), &languages),
            Vec::<String>::new()
        );
        assert!(
            missing_languages(Some(&json(r#""SQL""#)), &languages).is_empty(),
            "plain: every language"
        );
        assert!(
            missing_languages(None, &languages).is_empty(),
            "absent: not a translation problem"
        );
    }

    #[test]
    fn typing_a_language_adds_it_and_emptying_the_last_removes_the_text() {
        let path = Path::parse("/title");
        let mut doc = json(r#"{}"#);
        let edit = set_language(None, &path, "en", "Data".into());
        apply(&mut doc, edit).unwrap();
        assert_eq!(doc, json(r#"{"title": {"en": "Data"}}"#));
        let edit = set_language(doc.get("title"), &path, "fr", "Données".into());
        apply(&mut doc, edit).unwrap();
        assert_eq!(doc, json(r#"{"title": {"en": "Data", "fr": "Données"}}"#));
        let edit = set_language(doc.get("title"), &path, "en", String::new());
        apply(&mut doc, edit).unwrap();
        assert_eq!(doc, json(r#"{"title": {"fr": "Données"}}"#));
        let edit = set_language(doc.get("title"), &path, "fr", String::new());
        apply(&mut doc, edit).unwrap();
        assert_eq!(doc, json(r#"{}"#));
    }
}
