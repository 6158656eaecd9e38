//! Explore's filters besides the search box: skill, tag, delivery, kind and provider (each a
//! choice among what the feed has), the most it may cost and the most weeks it may take, and a
//! button that clears them all. Every change is applied at once.

use stackway_core::{Delivery, Kind};
use yew::prelude::*;

use crate::hooks::use_ctx;
use crate::search::{tags, Filters as FilterValues};
use crate::state::Action;

/// Which filter a control edits.
#[derive(Clone, Copy)]
enum Field {
    Skill,
    Tag,
    Delivery,
    Kind,
    Provider,
    MaxCost,
    MaxWeeks,
}

fn set(filters: &mut FilterValues, field: Field, value: String) {
    let slot = match field {
        Field::Skill => &mut filters.skill,
        Field::Tag => &mut filters.tag,
        Field::Delivery => &mut filters.delivery,
        Field::Kind => &mut filters.kind,
        Field::Provider => &mut filters.provider,
        Field::MaxCost => &mut filters.max_cost,
        Field::MaxWeeks => &mut filters.max_weeks,
    };
    *slot = value;
}

/// A choice of a select: its value, its words, and the language to mark them with when they are
/// feed text in another language than the widget's.
type Choice = (String, String, Option<AttrValue>);

/// Properties of [`FilterPanel`].
#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    /// Whether the filters are shown on a narrow screen (a wide one always shows them).
    pub expanded: bool,
}

/// The filters besides the search box.
#[function_component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let feed = &ctx.state.feed;
    let filters = &ctx.state.filters;
    let change = |field: Field| {
        let state = ctx.state.clone();
        Callback::from(move |value: String| {
            let mut next = state.filters.clone();
            set(&mut next, field, value);
            state.dispatch(Action::Filter(next));
        })
    };
    let on_input = |field: Field| {
        change(field).reform(|e: InputEvent| {
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
        })
    };
    let on_select = |field: Field| {
        change(field).reform(|e: Event| {
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
        })
    };
    let select = |field: Field, label: String, current: &str, choices: Vec<Choice>| {
        html! {
            <label class="sw-field">
                <span>{ label }</span>
                <select onchange={on_select(field)}>
                    <option value="" selected={current.is_empty()}>{ i18n.t("filter-any") }</option>
                    { for choices.into_iter().map(|(value, text, lang)| html! {
                        <option selected={value == current} value={value.clone()} {lang}>{ text }</option>
                    }) }
                </select>
            </label>
        }
    };
    let skills = feed
        .skills
        .iter()
        .map(|s| {
            let (name, lang) = ctx.text_marked(&s.name);
            (s.id.clone(), name, lang)
        })
        .collect();
    // The tags and kinds present are found by scanning every credential: once per feed, not on
    // every keystroke (10,000 credentials take milliseconds to scan and sort).
    let present = use_memo(ctx.state.feed.clone(), |feed| {
        let kinds: Vec<Kind> = Kind::ALL
            .iter()
            .copied()
            .filter(|k| feed.credentials.iter().any(|c| c.kind == *k))
            .collect();
        (tags(feed), kinds)
    });
    let tag_choices = present
        .0
        .iter()
        .map(|t| (t.clone(), t.clone(), None))
        .collect();
    let deliveries = Delivery::ALL
        .iter()
        .map(|d| {
            (
                d.as_str().to_owned(),
                i18n.t(&format!("delivery-{}", d.as_str())),
                None,
            )
        })
        .collect();
    let kinds = present
        .1
        .iter()
        .map(|k| (k.as_str().to_owned(), ctx.kind(*k), None))
        .collect();
    let providers = std::iter::once(&feed.provider)
        .chain(&feed.institutions)
        .map(|i| {
            let (name, lang) = ctx.text_marked(&i.name);
            (i.id.clone(), name, lang)
        })
        .collect();
    let clear = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Filter(FilterValues::default())))
    };
    html! {
        <div class={classes!("sw-filter-panel", (!props.expanded).then_some("sw-collapsed"))}>
        { select(Field::Skill, i18n.t("filter-skill"), &filters.skill, skills) }
        { select(Field::Tag, i18n.t("filter-tag"), &filters.tag, tag_choices) }
        { select(Field::Delivery, i18n.t("filter-delivery"), &filters.delivery, deliveries) }
        { select(Field::Kind, i18n.t("filter-kind"), &filters.kind, kinds) }
        { select(Field::Provider, i18n.t("filter-provider"), &filters.provider, providers) }
        <label class="sw-field">
            <span>{ i18n.t("filter-max-cost") }</span>
            <input type="number" min="0" step="any" inputmode="decimal" value={filters.max_cost.clone()} oninput={on_input(Field::MaxCost)} />
        </label>
        <label class="sw-field">
            <span>{ i18n.t("filter-max-weeks") }</span>
            <input type="number" min="0" step="any" inputmode="decimal" value={filters.max_weeks.clone()} oninput={on_input(Field::MaxWeeks)} />
        </label>
        <button type="button" class="sw-button sw-quiet" onclick={clear}>{ i18n.t("filter-clear") }</button>
        </div>
    }
}
