//! The root component: chooses the language, loads the feed, and shows either a state (loading,
//! error) or the widget's shell for the loaded feed. It is the one component that names the
//! split points: it hands how to fetch the second module (`later::FETCH`) and the interop module
//! (`interop_split::FETCH`) to what it renders.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::shell::Shell;
use crate::components::status::{ErrorState, Loading};
use crate::config::Config;
use crate::hooks::{resolve_language, use_feed, use_frame_resize, Failure, FeedLoad, Prefetched};
use crate::i18n::I18n;
use crate::{interop_split, later};

/// Properties of the root component.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Everything the embedding page set (feed, goal, view, language, frame resizing).
    pub config: Config,
    /// The feed's text, already downloading when the loader started it (see [`Prefetched`]).
    #[prop_or_default]
    pub prefetched: Option<Prefetched>,
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let chosen = use_state(|| None::<&'static str>);
    let lang = (*chosen).unwrap_or_else(|| resolve_language(config.lang.as_deref()));
    let i18n = use_memo(lang, |lang| Rc::new(I18n::new(lang)));
    let (load, retry) = use_feed(
        config.feed.clone(),
        config.feed_text.clone(),
        props.prefetched.clone(),
        interop_split::FETCH,
    );
    let root = use_node_ref();
    use_frame_resize(root.clone(), config.frame_resize);

    let on_language = {
        let chosen = chosen.clone();
        Callback::from(move |lang: &'static str| chosen.set(Some(lang)))
    };
    let body = match (&config.error, &load) {
        (Some(error), _) => html! {
            <ErrorState failure={Rc::new(Failure::NotConfigured(error.clone()))} on_retry={retry} fetch_later={later::FETCH} debug={config.debug} />
        },
        (None, FeedLoad::Loading) => html! { <Loading /> },
        (None, FeedLoad::Failed(failure)) => html! {
            <ErrorState failure={failure.clone()} on_retry={retry} fetch_later={later::FETCH} debug={config.debug} />
        },
        (None, FeedLoad::Ready(loaded)) => html! {
            <Shell
                key={loaded.feed.id.clone()}
                loaded={loaded.clone()}
                initial_view={config.initial_view()}
                goal={config.goal.clone()}
                held={config.held.clone()}
                fetch_interop={interop_split::FETCH}
                fetch_later={later::FETCH}
                debug={config.debug}
                {on_language}
            />
        },
    };
    html! {
        <ContextProvider<Rc<I18n>> context={(*i18n).clone()}>
            <div class="stackway" lang={lang} ref={root}>
                { body }
            </div>
        </ContextProvider<Rc<I18n>>>
    }
}
