//! The detail panel of one credential: its title and close button, its summary, the learner's
//! mark, and then one part per job: the facts (`detail_facts`), what it teaches and how it is
//! assessed (`detail_learning`), how it stacks (`detail_stacking`), and a link to the
//! institution's page. Focus moves to the title when it opens; Escape or the close button
//! closes it.

use yew::prelude::*;

use super::detail_facts::DetailFacts;
use super::detail_learning::DetailLearning;
use super::detail_stacking::DetailStacking;
use super::mark_control::MarkControl;
use crate::format::safe_url;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::Action;

/// Properties of [`Detail`].
#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The credential shown.
    pub id: String,
}

/// The detail panel.
#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    let ctx = use_ctx();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.id.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let Some(credential) = ctx.state.feed.credential(&props.id) else {
        return html! {};
    };
    let i18n = &ctx.i18n;
    let close = ctx
        .state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::Close);
    let onkeydown = {
        let dispatcher = ctx.state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatcher.dispatch(Action::Close);
            }
        })
    };
    let (title, title_lang) = ctx.text_marked(&credential.title);
    let id = AttrValue::from(credential.id.clone());
    html! {
        <section class="sw-detail" aria-label={i18n.t_args("detail-label", &[("title", Arg::from(title.clone()))])} {onkeydown}>
            <div class="sw-detail-head">
                <h3 tabindex="-1" ref={heading} lang={title_lang}>{ title.clone() }</h3>
                <button type="button" class="sw-button sw-quiet" onclick={close} aria-label={i18n.t("action-close-detail")}>
                    <span aria-hidden="true">{ "✕ " }</span>{ i18n.t("action-close") }
                </button>
            </div>
            if let Some((summary, lang)) = credential.summary.as_ref().map(|s| ctx.text_marked(s)) {
                <p {lang}>{ summary }</p>
            }
            if !credential.is_stackable() {
                <MarkControl id={id.clone()} title={title} mark={ctx.state.mark(&credential.id)} />
            }
            <DetailFacts id={id.clone()} />
            <DetailLearning id={id.clone()} />
            <DetailStacking {id} />
            if let Some(url) = credential.url.as_deref().and_then(safe_url) {
                <p>
                    <a class="sw-button sw-primary" href={url.to_owned()} target="_blank" rel="noopener noreferrer">
                        { i18n.t("detail-visit") }
                        <span class="sw-visually-hidden">{ i18n.t("link-new-tab") }</span>
                    </a>
                </p>
            }
        </section>
    }
}
