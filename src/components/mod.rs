//! The widget's components, one per file. Each reads the shared state from context and
//! dispatches `state::Action`s; none computes stackability itself.

pub mod detail;
pub mod explore;
pub mod filters;
pub mod graph_list;
pub mod map;
pub mod mark_control;
pub mod pathways;
pub mod plan;
pub mod program_card;
pub mod programs;
pub mod shell;
pub mod status;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::I18n;
use crate::state::State;

/// What every component below the shell reads: the state (with its dispatcher) and the
/// language's messages.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub state: UseReducerHandle<State>,
    pub i18n: Rc<I18n>,
}

impl Ctx {
    /// A feed string in the widget's language, falling back to the feed's default language.
    pub fn text(&self, value: &stackway_core::Text) -> String {
        crate::format::text(&self.state.feed, value, self.i18n.lang())
    }

    /// The title of the credential `id`, or the id itself when the feed does not have it.
    pub fn title(&self, id: &str) -> String {
        self.state
            .feed
            .credential(id)
            .map(|c| self.text(&c.title))
            .unwrap_or_else(|| id.to_owned())
    }

    /// The localised name of a kind.
    pub fn kind(&self, kind: stackway_core::Kind) -> String {
        self.i18n.t(&format!("kind-{}", kind.as_str()))
    }
}

/// The context every component uses.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside the shell's context provider")
}
