//! One result in Explore's list.

use yew::prelude::*;

use super::mark_control::MarkControl;
use crate::context::kind_name;
use crate::format::{money, number, text_marked};
use crate::hooks::use_dispatch;
use crate::hooks::use_i18n;
use crate::i18n::Arg;
use crate::state::{Action, Mark, Shared};
use stackway_core::Feed;

/// Properties of [`ResultItem`]. Everything it shows comes from these, not from the shared
/// state, so typing in the search box re-renders only the results that are new on screen.
#[derive(Properties, PartialEq)]
pub struct ResultItemProps {
    /// The feed shown (compared by identity).
    pub feed: Shared<Feed>,
    /// The credential's position in the feed's list.
    pub index: usize,
    /// How the credential stands in the learner's plan.
    pub mark: Mark,
}

/// A credential's title (a button that opens its detail), its facts, its summary, and the
/// learner's controls for it.
#[function_component]
pub fn ResultItem(props: &ResultItemProps) -> Html {
    let i18n = use_i18n();
    let dispatcher = use_dispatch();
    let Some(credential) = props.feed.credentials.get(props.index) else {
        return Html::default();
    };
    let lang = i18n.lang();
    let (title, title_lang) = text_marked(&props.feed, &credential.title, lang);
    let open = {
        let id = credential.id.clone();
        dispatcher
            .to_callback()
            .reform(move |_: MouseEvent| Action::Open(id.clone()))
    };
    // Facts that are zero say nothing ("$0 · 0 credits" on a badge): they are left out, like
    // absent ones.
    let given = |value: Option<f64>| value.filter(|v| *v > 0.0);
    let mut facts = vec![kind_name(&i18n, credential.kind)];
    if let Some(hours) = given(credential.hours) {
        facts.push(i18n.t_args("count-hours", &[("count", Arg::from(hours))]));
    }
    if let Some(weeks) = given(credential.weeks) {
        facts.push(i18n.t_args("count-weeks", &[("count", Arg::from(weeks))]));
    }
    if let Some(cost) = credential.cost.as_ref().filter(|c| c.amount > 0.0) {
        facts.push(money(cost.amount, &cost.currency, lang));
    }
    if let Some(credits) = given(credential.credits) {
        facts.push(i18n.t_args(
            "count-credits",
            &[
                ("count", Arg::from(credits)),
                ("formatted", Arg::from(number(credits, lang))),
            ],
        ));
    }
    html! {
        <li class="sw-result">
            <h3 class="sw-result-title">
                <button type="button" class="sw-link" onclick={open} lang={title_lang}>{ title.clone() }</button>
            </h3>
            <p class="sw-meta">{ facts.join(" · ") }</p>
            if let Some((summary, summary_lang)) = credential.summary.as_ref().map(|s| text_marked(&props.feed, s, lang)) {
                <p class="sw-summary" lang={summary_lang}>{ summary }</p>
            }
            if !credential.is_stackable() {
                <MarkControl id={credential.id.clone()} {title} mark={props.mark} />
            }
        </li>
    }
}
