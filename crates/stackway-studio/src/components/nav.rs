//! The sections of the studio, with how many items each holds and how many problems it has.

use std::collections::HashMap;

use stackway_core::Code;

use yew::prelude::*;

use crate::check::{anchor, locate, Place, Section};
use crate::doc::{self, Path};
use crate::i18n::Arg;
use crate::state::{use_ctx, Action};

#[function_component(Nav)]
pub fn nav() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let problems = {
        let diagnostics = ctx.diagnostics.clone();
        use_memo(ctx.checked, move |_| {
            let mut by_section: HashMap<Section, usize> = HashMap::new();
            for d in diagnostics.iter() {
                *by_section.entry(locate(&anchor(d)).section).or_default() += 1;
            }
            by_section
        })
    };
    let missing = ctx
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MissingTranslation)
        .count();
    let doc = ctx.doc.borrow();
    let items: Vec<Html> = Section::ALL
        .into_iter()
        .map(|section| {
            let count = section.list_key().map(|key| doc::get_list(&doc, &Path::root().key(key)).len());
            let current = ctx.place.section == section;
            let onclick = {
                let ctx = ctx.clone();
                Callback::from(move |_| ctx.dispatch(Action::Navigate(Place { section, item: None })))
            };
            let issues = problems.get(&section).copied().unwrap_or(0);
            html! {
                <li>
                    <button type="button" class={classes!("nav-item", current.then_some("current"))} {onclick}
                            aria-current={current.then_some("page")} id={format!("nav-{}", section.slug())}>
                        <span class="nav-name">{ i18n.t(&format!("section-{}", section.slug())) }</span>
                        if let Some(count) = count { <span class="nav-count">{ count }</span> }
                        if issues > 0 {
                            <span class="badge badge-warning">{ i18n.t_with("count-problems", &[("count", Arg::from(issues))]) }</span>
                        }
                    </button>
                </li>
            }
        })
        .collect();
    drop(doc);
    html! {
        <nav class="sections" aria-label={i18n.t("sections")}>
            <ul class="plain">{ for items }</ul>
            <p class={classes!("translations", (missing > 0).then_some("has-missing"))} id="missing-translations">
                { i18n.t_with("missing-translations", &[("count", Arg::from(missing))]) }
            </p>
        </nav>
    }
}
