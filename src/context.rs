//! What every component below the shell reads: the state with its dispatcher, the language's
//! messages, and the words built from both (titles, engine messages). The shell provides it;
//! `hooks::use_ctx` and `hooks::use_dispatch` read it. It sits below the components, so that
//! they take it from here and no component imports another's module for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::I18n;
use crate::interop::FetchInterop;
use crate::later_module::FetchLater;
use crate::state::State;

/// The shared context of the components under the shell.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub state: UseReducerHandle<State>,
    /// The language's messages, with the later views' words once the second module is in.
    pub i18n: Rc<I18n>,
    /// How to fetch the interop module ("Add my badges" reads the learner's records with it).
    pub fetch_interop: FetchInterop,
    /// How to fetch the second module (for a view opened before it has arrived).
    pub fetch_later: FetchLater,
}

impl Ctx {
    /// A feed string in the widget's language, falling back to the feed's default language.
    pub fn text(&self, value: &stackway_core::Text) -> String {
        crate::format::text(&self.state.feed, value, self.i18n.lang())
    }

    /// [`Ctx::text`], with the language to mark it with when it is not the widget's (see
    /// [`crate::format::text_marked`]).
    pub fn text_marked(&self, value: &stackway_core::Text) -> (String, Option<AttrValue>) {
        crate::format::text_marked(&self.state.feed, value, self.i18n.lang())
    }

    /// The title of the credential `id`, or the id itself when the feed does not have it.
    pub fn title(&self, id: &str) -> String {
        title(&self.state.feed, &self.i18n, id)
    }

    /// [`Ctx::title`], with the language to mark it with when it is not the widget's.
    pub fn title_marked(&self, id: &str) -> (String, Option<AttrValue>) {
        title_marked(&self.state.feed, &self.i18n, id)
    }

    /// An engine message in the widget's language (see [`message`]).
    pub fn message(&self, message: &stackway_core::messages::Message) -> String {
        self::message(&self.state.feed, &self.i18n, message)
    }

    /// The localised name of a kind.
    pub fn kind(&self, kind: stackway_core::Kind) -> String {
        kind_name(&self.i18n, kind)
    }
}

/// The localised name of a kind. Every view words a kind through this one function, so that
/// the widget builds `kind-…` message ids in one place.
pub fn kind_name(i18n: &I18n, kind: stackway_core::Kind) -> String {
    i18n.t(&format!("kind-{}", kind.as_str()))
}

/// The title of the credential `id` in the language of `i18n`, or the id itself when the feed
/// does not have it.
pub fn title(feed: &stackway_core::Feed, i18n: &I18n, id: &str) -> String {
    feed.credential(id)
        .map(|c| crate::format::text(feed, &c.title, i18n.lang()))
        .unwrap_or_else(|| id.to_owned())
}

/// [`title`], with the language to mark it with when it is not the widget's (see
/// [`crate::format::text_marked`]). An id shown for a missing credential is not marked.
pub fn title_marked(
    feed: &stackway_core::Feed,
    i18n: &I18n,
    id: &str,
) -> (String, Option<AttrValue>) {
    feed.credential(id)
        .map(|c| crate::format::text_marked(feed, &c.title, i18n.lang()))
        .unwrap_or_else(|| (id.to_owned(), None))
}

/// An engine message in the language of `i18n` (see [`crate::engine_words::message`]).
pub use crate::engine_words::message;
