//! What a credential teaches and how it is earned: skills, outcomes, assessment, employer
//! partners and its digital badge, each under its heading when the feed gives it.

use yew::prelude::*;

use crate::format::safe_url;
use crate::hooks::use_ctx;

/// Properties of [`DetailLearning`].
#[derive(Properties, PartialEq)]
pub struct DetailLearningProps {
    /// The credential's id.
    pub id: AttrValue,
}

/// The learning part of the detail panel.
#[function_component]
pub fn DetailLearning(props: &DetailLearningProps) -> Html {
    let ctx = use_ctx();
    let feed = &ctx.state.feed;
    let Some(credential) = feed.credential(&props.id) else {
        return html! {};
    };
    let i18n = &ctx.i18n;
    let skills = credential.skills.iter().map(|id| {
        let (name, lang) = feed
            .skills
            .iter()
            .find(|s| &s.id == id)
            .map(|s| ctx.text_marked(&s.name))
            .unwrap_or_else(|| (id.clone(), None));
        html! { <li {lang}>{ name }</li> }
    });
    let outcomes = credential.outcomes.iter().map(|o| {
        let (outcome, lang) = ctx.text_marked(o);
        html! { <li {lang}>{ outcome }</li> }
    });
    let employers = credential.employers.iter().map(|e| {
        let (name, lang) = ctx.text_marked(&e.name);
        match e.url.as_deref().and_then(safe_url) {
            Some(url) => html! { <li {lang}><a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ name }</a></li> },
            None => html! { <li {lang}>{ name }</li> },
        }
    });
    let badge = credential
        .badge
        .as_ref()
        .and_then(|b| safe_url(&b.achievement));
    html! {
        <>
            if !credential.skills.is_empty() {
                <h4>{ i18n.t("detail-skills") }</h4>
                <ul class="sw-inline-list">{ for skills }</ul>
            }
            if !credential.outcomes.is_empty() {
                <h4>{ i18n.t("detail-outcomes") }</h4>
                <ul>{ for outcomes }</ul>
            }
            if let Some((assessment, lang)) = credential.assessment.as_ref().map(|a| ctx.text_marked(a)) {
                <h4>{ i18n.t("detail-assessment") }</h4>
                <p {lang}>{ assessment }</p>
            }
            if !credential.employers.is_empty() {
                <h4>{ i18n.t("detail-employers") }</h4>
                <ul class="sw-inline-list">{ for employers }</ul>
            }
            if let Some(url) = badge {
                <h4>{ i18n.t("detail-badge") }</h4>
                <p><a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ i18n.t("detail-badge-link") }</a></p>
            }
        </>
    }
}
