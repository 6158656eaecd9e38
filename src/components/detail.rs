//! Everything about one credential: facts, skills, outcomes, how it stacks, and a link to the
//! institution's page.

use yew::prelude::*;

use super::mark_control::MarkControl;
use crate::format::{money, number, safe_url};
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::state::{insights, Action};

/// Properties of [`Detail`].
#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The credential shown.
    pub id: String,
}

/// The detail panel. Focus moves to its heading when it opens; Escape or the close button
/// closes it.
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
    let feed = &ctx.state.feed;
    let Some(credential) = feed.credential(&props.id) else {
        return html! {};
    };
    let i18n = &ctx.i18n;
    let lang = i18n.lang();
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
    let open = |id: String| {
        ctx.state
            .dispatcher()
            .to_callback()
            .reform(move |_: MouseEvent| Action::Open(id.clone()))
    };
    let (title, title_lang) = ctx.text_marked(&credential.title);

    // Each fact's name, value, and the language to mark the value with when it is feed text in
    // another language.
    let mut facts: Vec<(String, String, Option<AttrValue>)> =
        vec![(i18n.t("fact-kind"), ctx.kind(credential.kind), None)];
    let provider_id = credential.provider.as_deref().unwrap_or(&feed.provider.id);
    let (provider, provider_lang) = std::iter::once(&feed.provider)
        .chain(&feed.institutions)
        .find(|i| i.id == provider_id)
        .map(|i| ctx.text_marked(&i.name))
        .unwrap_or_else(|| (provider_id.to_owned(), None));
    facts.push((i18n.t("fact-provider"), provider, provider_lang));
    if let Some(hours) = credential.hours {
        facts.push((i18n.t("fact-hours"), number(hours, lang), None));
    }
    if let Some(credits) = credential.credits {
        facts.push((i18n.t("fact-credits"), number(credits, lang), None));
    }
    if let Some(weeks) = credential.weeks {
        facts.push((i18n.t("fact-weeks"), number(weeks, lang), None));
    }
    if let Some(cost) = &credential.cost {
        facts.push((
            i18n.t("fact-cost"),
            money(cost.amount, &cost.currency, lang),
            None,
        ));
    }
    if !credential.delivery.is_empty() {
        let modes: Vec<String> = credential
            .delivery
            .iter()
            .map(|d| i18n.t(&format!("delivery-{}", d.as_str())))
            .collect();
        facts.push((i18n.t("fact-delivery"), modes.join(", "), None));
    }
    if let Some(level) = &credential.level {
        let (level, level_lang) = ctx.text_marked(level);
        facts.push((i18n.t("fact-level"), level, level_lang));
    }
    if let Some(years) = credential.valid_years {
        facts.push((
            i18n.t("fact-valid"),
            i18n.t_args("fact-valid-years", &[("count", Arg::from(years))]),
            None,
        ));
    }

    let skills: Vec<(String, Option<AttrValue>)> = credential
        .skills
        .iter()
        .map(|id| {
            feed.skills
                .iter()
                .find(|s| &s.id == id)
                .map(|s| ctx.text_marked(&s.name))
                .unwrap_or_else(|| (id.clone(), None))
        })
        .collect();
    let list = |items: Vec<(String, Option<AttrValue>)>| {
        html! { <ul class="sw-inline-list">{ for items.into_iter().map(|(s, lang)| html! { <li {lang}>{ s }</li> }) }</ul> }
    };
    let link_list = |ids: Vec<String>| {
        html! {
            <ul class="sw-inline-list">
                { for ids.into_iter().map(|id| {
                    let (title, lang) = ctx.title_marked(&id);
                    html! { <li><button type="button" class="sw-link" onclick={open(id)} {lang}>{ title }</button></li> }
                }) }
            </ul>
        }
    };
    let toward = insights::counts_toward(&ctx.state.catalog, &credential.id);
    let prerequisites: Vec<String> = credential
        .prerequisites
        .as_ref()
        .map(|p| p.referenced_ids().into_iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let prerequisites_met = ctx.state.insights.prerequisites_met(&credential.id);
    let equivalences: Vec<String> = feed
        .equivalences
        .iter()
        .filter(|e| e.counts_as == credential.id || e.holding.contains(&credential.id))
        .map(|e| {
            let holding: Vec<String> = e.holding.iter().map(|h| ctx.title(h)).collect();
            let mut line = i18n.t_args(
                "detail-equivalence",
                &[
                    ("holding", Arg::from(holding.join(" + "))),
                    ("target", Arg::from(ctx.title(&e.counts_as))),
                ],
            );
            if let Some(note) = &e.note {
                line.push_str(" — ");
                line.push_str(&ctx.text(note));
            }
            line
        })
        .collect();
    let employers = credential.employers.iter().map(|e| {
        let (name, lang) = ctx.text_marked(&e.name);
        match e.url.as_deref().and_then(safe_url) {
            Some(url) => html! { <li {lang}><a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ name }</a></li> },
            None => html! { <li {lang}>{ name }</li> },
        }
    });

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
                <MarkControl id={credential.id.clone()} title={title.clone()} mark={ctx.state.mark(&credential.id)} />
            }
            <dl class="sw-facts">
                { for facts.into_iter().map(|(k, v, lang)| html! { <><dt>{ k }</dt><dd {lang}>{ v }</dd></> }) }
            </dl>
            if !skills.is_empty() {
                <h4>{ i18n.t("detail-skills") }</h4>
                { list(skills) }
            }
            if !credential.outcomes.is_empty() {
                <h4>{ i18n.t("detail-outcomes") }</h4>
                <ul>{ for credential.outcomes.iter().map(|o| {
                    let (outcome, lang) = ctx.text_marked(o);
                    html! { <li {lang}>{ outcome }</li> }
                }) }</ul>
            }
            if let Some((assessment, lang)) = credential.assessment.as_ref().map(|a| ctx.text_marked(a)) {
                <h4>{ i18n.t("detail-assessment") }</h4>
                <p {lang}>{ assessment }</p>
            }
            if !credential.employers.is_empty() {
                <h4>{ i18n.t("detail-employers") }</h4>
                <ul class="sw-inline-list">{ for employers }</ul>
            }
            if let Some(badge) = &credential.badge {
                <h4>{ i18n.t("detail-badge") }</h4>
                if let Some(url) = safe_url(&badge.achievement) {
                    <p><a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ i18n.t("detail-badge-link") }</a></p>
                }
            }
            if !prerequisites.is_empty() {
                <h4>{ i18n.t("detail-prerequisites") }</h4>
                <p class={classes!("sw-state", if prerequisites_met { "sw-ok" } else { "sw-missing" })}>
                    <span aria-hidden="true">{ if prerequisites_met { "✓ " } else { "✖ " } }</span>
                    { i18n.t(if prerequisites_met { "detail-prerequisites-met" } else { "detail-prerequisites-unmet" }) }
                </p>
                { link_list(prerequisites) }
            }
            if !toward.is_empty() {
                <h4>{ i18n.t("detail-counts-toward") }</h4>
                { link_list(toward) }
            }
            if !equivalences.is_empty() {
                <h4>{ i18n.t("detail-equivalences") }</h4>
                { list(equivalences.into_iter().map(|line| (line, None)).collect()) }
            }
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
