//! The id of a credential, skill, institution or pathway. Changing it renames it everywhere it
//! is used, in one undoable step, when the new id is committed (Enter, or leaving the field):
//! renaming on every keystroke would pass through ids that other things already use.

use crate::doc::Json;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_shell::{described_by, FieldShell};
use crate::doc::{self, Path};
use crate::i18n::Arg;
use crate::ids::{self, IdKind};
use crate::state::{use_ctx, Action, Ctx};

#[derive(Properties, PartialEq)]
pub struct IdFieldProps {
    /// The path of the thing whose `id` this is (the id is its `id` member).
    pub item: Path,
    pub kind: IdKind,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// The path of the title (or name) ids are suggested from.
    pub title: Path,
}

/// The text of a Text value in the first language that has one.
pub fn first_text(value: Option<&Json>, languages: &[String]) -> String {
    match value {
        Some(Json::String(s)) => s.clone(),
        Some(text @ Json::Object(members)) => languages
            .iter()
            .find_map(|l| text.get(l).and_then(Json::as_str))
            .or_else(|| members.iter().find_map(|(_, v)| v.as_str()))
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}

/// A Text value as a reader of the interface language `ui` sees it: in `ui` when the text has it,
/// else in the feed's languages in order, else in any. `lang` is the tag to mark it with when
/// it is in another language than `ui` (so that a screen reader reads an English title in the
/// French studio with an English voice); a plain string is the same in every language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shown {
    pub text: String,
    pub lang: Option<String>,
}

pub fn shown_text(value: Option<&Json>, ui: &str, languages: &[String]) -> Shown {
    match value {
        Some(Json::String(s)) => Shown {
            text: s.clone(),
            lang: None,
        },
        Some(Json::Object(members)) => {
            let find = |tag: &str| {
                members
                    .iter()
                    .find(|(k, v)| stackway_core::same_language(k, tag) && v.as_str().is_some())
            };
            let found = find(ui)
                .or_else(|| languages.iter().find_map(|l| find(l)))
                .or_else(|| members.iter().find(|(_, v)| v.as_str().is_some()));
            match found {
                Some((tag, text)) => Shown {
                    text: text.as_str().unwrap_or_default().to_owned(),
                    lang: (!stackway_core::same_language(tag, ui)).then(|| tag.clone()),
                },
                None => Shown::default(),
            }
        }
        _ => Shown::default(),
    }
}

/// Commits a new id: renames it everywhere it is used, or says why it cannot be used (empty,
/// taken, or breaking the id rule) and keeps it in the input.
fn on_commit(
    ctx: &Ctx,
    item: &Path,
    kind: IdKind,
    current: &str,
    draft: &UseStateHandle<Option<String>>,
    problem: &UseStateHandle<Option<String>>,
) -> Callback<String> {
    let ctx = ctx.clone();
    let item = item.clone();
    let current = current.to_owned();
    let (draft, problem) = (draft.clone(), problem.clone());
    Callback::from(move |new: String| {
        let new = new.trim().to_owned();
        if new == current {
            draft.set(None);
            problem.set(None);
            return;
        }
        let i18n = ctx.i18n.clone();
        let taken = ids::ids_of(&ctx.doc.borrow(), kind).contains(&new.as_str());
        if new.is_empty() || taken || !ids::is_valid(&new) {
            let message = if new.is_empty() {
                i18n.t("id-empty")
            } else if taken {
                i18n.t_with("id-taken", &[("id", Arg::from(new.as_str()))])
            } else {
                i18n.t("id-rule")
            };
            problem.set(Some(message));
            return;
        }
        let edit = ids::rename(&ctx.doc.borrow(), kind, &item.key("id"), &current, &new);
        ctx.dispatch(Action::Edit { edit, group: None });
        draft.set(None);
        problem.set(None);
    })
}

#[function_component(IdField)]
pub fn id_field(props: &IdFieldProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let id_path = props.item.key("id");
    let current = crate::components::text_input::shown(doc::get(&ctx.doc.borrow(), &id_path));
    // Offered while the id is empty or breaks the rule (a new item, an import): a good id is
    // the author's choice, and renaming it is a deliberate act.
    let needs_id = current.is_empty() || !ids::is_valid(&current);
    let suggestion = needs_id
        .then(|| {
            let doc = ctx.doc.borrow();
            let languages = crate::components::text_field::feed_languages(&doc);
            let title = first_text(doc::get(&doc, &props.title), &languages);
            let taken: Vec<&str> = ids::ids_of(&doc, props.kind)
                .into_iter()
                .filter(|id| *id != current)
                .collect();
            (!title.is_empty()).then(|| ids::suggest(&title, &taken))
        })
        .flatten();
    // Where the id is used only changes with the feed's structure (a scan of every credential
    // is too much for each keystroke in a 10,000-credential feed).
    let uses = {
        let doc = ctx.doc.clone();
        let kind = props.kind;
        *use_memo(
            (ctx.graph_revision, current.clone()),
            move |(_, current)| ids::references(&doc.borrow(), kind, current).len(),
        )
    };
    // What is being typed, until it is committed.
    let draft = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    {
        // Another item, or an undo: drop what was being typed.
        let draft = draft.clone();
        let problem = problem.clone();
        use_effect_with((props.item.clone(), current.clone()), move |_| {
            draft.set(None);
            problem.set(None);
        });
    }

    let commit = on_commit(&ctx, &props.item, props.kind, &current, &draft, &problem);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    let onblur = {
        let commit = commit.clone();
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some(text) = (*draft).clone() {
                commit.emit(text);
            }
        })
    };
    let onkeydown = {
        let commit = commit.clone();
        let draft = draft.clone();
        let problem = problem.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                commit.emit(e.target_unchecked_into::<HtmlInputElement>().value());
            }
            "Escape" => {
                draft.set(None);
                problem.set(None);
            }
            _ => {}
        })
    };
    let use_suggestion = suggestion.clone().filter(|s| needs_id && *s != current).map(|s| {
        let commit = commit.clone();
        let label = i18n.t_with("id-use-suggestion", &[("id", Arg::from(s.as_str()))]);
        html! { <button type="button" class="link" onclick={move |_| commit.emit(s.clone())}>{ label }</button> }
    });
    let value = (*draft).clone().unwrap_or_else(|| current.clone());
    let mut diagnostics = ctx.diagnostics_at(&id_path);
    diagnostics.retain(|d| d.pointer == id_path.pointer());
    html! {
        <FieldShell path={id_path.clone()} label={props.label.clone()} help={props.help.clone()}
                    required=true diagnostics={diagnostics}>
            <div class="id-row">
                <input id={id_path.dom_id()} type="text" class="id-input" value={value} spellcheck="false"
                       autocomplete="off" {oninput} {onblur} {onkeydown}
                       aria-describedby={described_by(&id_path)}
                       aria-invalid={problem.is_some().then_some("true")} />
                { use_suggestion }
            </div>
            if let Some(message) = &*problem {
                <p class="diag diag-error" role="alert">{ message.clone() }</p>
            }
            if uses > 0 {
                <p class="help">{ i18n.t_with("id-uses", &[("count", Arg::from(uses))]) }</p>
            }
        </FieldShell>
    }
}
