//! Where a credential counts (the stackable credentials whose requirement names it), and a way
//! to add it to one more from its own form.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::check::{Place, Section};
use crate::doc::{self, Edit, Json, Path};
use crate::requirement::{children, NodeKind};
use crate::state::{use_ctx, Action};

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

#[derive(Properties, PartialEq)]
pub struct CountsTowardProps {
    /// The credential's index in `credentials`.
    pub index: usize,
    /// Its id (nothing can be added while it has none).
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
