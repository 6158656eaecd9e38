//! The widget around a loaded feed: it holds the state (the saved plan, or the record an LTI
//! launch supplied), provides the components' context, and lays out the header with its
//! language switch, the notices, the view tabs, live announcements, the current view and the
//! credential detail.
//!
//! The view tabs and the language switch are functions of the shell's, not components: they are
//! part of the first download, where each component's own code costs about 0.35 KiB brotli
//! (`cargo xtask size`), and they hold no state.

mod language_switch;
mod view_tabs;

use std::rc::Rc;

use yew::prelude::*;

use language_switch::language_switch;
use view_tabs::view_tabs;

use super::later_view::LaterView;
use super::programs::Programs;
use super::status::Notices;
use crate::config::View;
use crate::context::Ctx;
use crate::hooks::{load_plan, use_i18n, use_later_module, use_saved_plan, Loaded};
use crate::i18n::{Arg, I18n};
use crate::interop::FetchInterop;
use crate::later_module::{FetchLater, LaterPage};
use crate::state::{Action, Shared, State};

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
    /// How to fetch the interop module (for "Add my badges").
    pub fetch_interop: FetchInterop,
    /// How to fetch the widget's second module.
    pub fetch_later: FetchLater,
    /// Called with a language tag when the learner switches language.
    pub on_language: Callback<&'static str>,
    /// Whether the validator's findings are shown open (for designers, see `Config::debug`).
    #[prop_or_default]
    pub debug: bool,
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
            let saved = load_plan(&feed.id);
            let plan = match held {
                Some(held) => saved.with_held(held),
                None => saved,
            };
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
        fetch_interop: props.fetch_interop,
        fetch_later: props.fetch_later,
    };
    let feed = &state.feed;
    let (provider, provider_lang) = ctx.text_marked(&feed.provider.name);

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
                { language_switch(&i18n, &props.on_language) }
            </div>
            <Notices
                offline_since={props.loaded.offline_since.clone()}
                diagnostics={props.loaded.diagnostics.clone()}
                empty={feed.credentials.is_empty()}
                fetch_later={props.fetch_later}
                debug={props.debug}
            />
            { view_tabs(&i18n, state.view, &state.dispatcher().to_callback().reform(Action::Show)) }
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
