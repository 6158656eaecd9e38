//! A credential's facts as a list of labels and values: kind, provider, hours, credits, weeks,
//! cost, delivery, level, and how long it counts toward stacking. A fact that is absent or zero
//! says nothing and is left out ("$0 · 0 credits" on a free badge).

use yew::prelude::*;

use crate::format::{money, number};
use crate::hooks::use_ctx;
use crate::i18n::Arg;

/// Properties of [`DetailFacts`].
#[derive(Properties, PartialEq)]
pub struct DetailFactsProps {
    /// The credential's id.
    pub id: AttrValue,
}

/// The facts list. The stylesheet puts each label over its value on phones.
#[function_component]
pub fn DetailFacts(props: &DetailFactsProps) -> Html {
    let ctx = use_ctx();
    let feed = &ctx.state.feed;
    let Some(credential) = feed.credential(&props.id) else {
        return html! {};
    };
    let i18n = &ctx.i18n;
    let lang = i18n.lang();
    let given = |value: Option<f64>| value.filter(|v| *v > 0.0);
    // Each fact's label, value, and the language to mark the value with when it is feed text in
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
    if let Some(hours) = given(credential.hours) {
        facts.push((i18n.t("fact-hours"), number(hours, lang), None));
    }
    if let Some(credits) = given(credential.credits) {
        facts.push((i18n.t("fact-credits"), number(credits, lang), None));
    }
    if let Some(weeks) = given(credential.weeks) {
        facts.push((i18n.t("fact-weeks"), number(weeks, lang), None));
    }
    if let Some(cost) = credential.cost.as_ref().filter(|c| c.amount > 0.0) {
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
    if let Some(years) = given(credential.valid_years) {
        facts.push((
            i18n.t("fact-valid"),
            i18n.t_args("fact-valid-years", &[("count", Arg::from(years))]),
            None,
        ));
    }
    html! {
        <dl class="sw-facts">
            { for facts.into_iter().map(|(k, v, lang)| html! { <><dt>{ k }</dt><dd {lang}>{ v }</dd></> }) }
        </dl>
    }
}
