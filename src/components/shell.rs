//! The widget around a loaded feed: header, language switch, view tabs, live announcements, the
//! current view and the credential detail.

use std::rc::Rc;

use yew::prelude::*;

use super::later_view::LaterView;
use super::programs::Programs;
use super::status::Notices;
use crate::config::View;
use crate::context::Ctx;
use crate::hooks::{load_plan, use_i18n, use_later_module, use_saved_plan, Loaded};
use crate::i18n::{Arg, I18n, LANGUAGES};
use crate::later_module::{FetchLater, LaterPage};
use crate::state::{Action, IdMap, Shared, State};

/// Today's date on the learner's clock (the core never reads a clock).
fn today() -> Option<stackway_core::Date> {
    let now = js_sys::Date::new_0();
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    stackway_core::Date::new(now.get_full_year() as i32, month, day)
}

/// Properties of [`Shell`].
#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The feed and how it was loaded (compared by identity).
    pub loaded: Shared<Loaded>,
    /// The view to show first.
    pub initial_view: View,
    /// The goal preselected by the embedding page (a credential id).
    pub goal: Option<String>,
    /// The learner's record supplied by the institution (LTI launch), replacing the held list of
    /// the plan saved in this browser.
    #[prop_or_default]
    pub held: Option<Vec<stackway_core::HeldCredential>>,
    /// Where the interop module is, when not at its default place (see `Config::interop`).
    #[prop_or_default]
    pub interop: Option<AttrValue>,
    /// How to fetch the widget's second module.
    pub fetch_later: FetchLater,
    /// Called with a language tag when the learner switches language.
    pub on_language: Callback<&'static str>,
}

/// The widget for one loaded feed.
#[function_component]
pub fn Shell(props: &ShellProps) -> Html {
    let words = use_i18n();
    let state = {
        let feed = props.loaded.feed.clone();
        let view = props.initial_view;
        let goal = props.goal.clone();
        let held = props.held.clone();
        use_reducer(move || {
            let mut plan = load_plan(&feed.id);
            if let Some(held) = held {
                plan.held = IdMap::new();
                for h in held {
                    plan.held.insert(h.id, h.earned.map(|d| d.to_string()));
                }
            }
            State::new(feed, view, plan, goal, today())
        })
    };
    use_saved_plan(state.feed.id.clone(), state.plan.clone());
    // Only Programs is in the first download; once it is on screen, the second module (the
    // other views, their words, the planner) is fetched in the background and handed to the
    // state, which computes the routes it had to leave out.
    use_later_module(
        state.later,
        state.dispatcher().to_callback().reform(Action::LaterLoaded),
        props.fetch_later,
    );
    // The words below the shell: the later views' too, once their module is in. (A new `Rc`
    // each render is cheap, and the context provider compares words, not pointers.)
    let i18n = match state.later {
        Some(later) => Rc::new(words.with_later(later.messages)),
        None => words,
    };
    let ctx = Ctx {
        state: state.clone(),
        i18n: i18n.clone(),
        feed_text: Shared(props.loaded.text.clone()),
        interop: props.interop.clone(),
        fetch_later: props.fetch_later,
    };
    let feed = &state.feed;
    let (provider, provider_lang) = ctx.text_marked(&feed.provider.name);

    let tabs = View::ALL.into_iter().map(|view| {
        let current = state.view == view;
        let onclick = state
            .dispatcher()
            .to_callback()
            .reform(move |_: MouseEvent| Action::Show(view));
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("sw-tab", current.then_some("sw-current"))}
                    aria-current={current.then_some("page")}
                    data-view={view.as_str()}
                    {onclick}
                >
                    { i18n.t(&format!("view-{}", view.as_str())) }
                </button>
            </li>
        }
    });
    let language = {
        let on_language = props.on_language.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = LANGUAGES.iter().find(|l| **l == value) {
                on_language.emit(lang);
            }
        })
    };
    let languages = LANGUAGES.iter().map(|lang| {
        html! {
            <option value={*lang} selected={*lang == i18n.lang()}>
                { i18n.t(&format!("language-{lang}")) }
            </option>
        }
    });
    let announcement = state
        .announcement
        .map(|(id, count)| i18n.t_args(id, &[("count", Arg::from(count))]))
        .unwrap_or_default();

    let later = |page: LaterPage| html! { <LaterView {page} /> };
    let view = match state.view {
        View::Programs => html! { <Programs /> },
        View::Map => later(LaterPage::Map),
        View::Explore => later(LaterPage::Explore),
        View::Plan => later(LaterPage::Plan),
        View::Pathways => later(LaterPage::Pathways),
    };
    html! {
        <ContextProvider<UseReducerDispatcher<State>> context={state.dispatcher()}>
        <ContextProvider<Rc<I18n>> context={i18n.clone()}>
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="sw-header">
                <h2 class="sw-heading" lang={provider_lang}>{ provider }</h2>
                <label class="sw-language">
                    <span>{ i18n.t("language-label") }</span>
                    <select onchange={language}>{ for languages }</select>
                </label>
            </div>
            <Notices
                offline_since={props.loaded.offline_since.clone()}
                diagnostics={props.loaded.diagnostics.clone()}
                empty={feed.credentials.is_empty()}
                fetch_later={props.fetch_later}
            />
            <nav class="sw-tabs" aria-label={i18n.t("nav-label")}>
                <ul>{ for tabs }</ul>
            </nav>
            <p class="sw-visually-hidden" role="status" aria-live="polite">{ announcement }</p>
            <div class={classes!("sw-body", state.selected.is_some().then_some("sw-with-detail"))}>
                <div class="sw-view" data-view={state.view.as_str()}>{ view }</div>
                if let Some(id) = state.selected.clone() {
                    { later(LaterPage::Detail(id.into())) }
                }
            </div>
        </ContextProvider<Ctx>>
        </ContextProvider<Rc<I18n>>>
        </ContextProvider<UseReducerDispatcher<State>>>
    }
}
