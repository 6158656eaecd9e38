//! What the learner's records gave: the credentials they matched (now held), the badges that
//! match nothing in this feed, and what could not be read.

use std::rc::Rc;

use yew::prelude::*;

use super::diagnostic_list::DiagnosticList;
use crate::hooks::use_ctx;
use crate::i18n::Arg;
use crate::interop::BadgeReport;

/// Properties of [`BadgeResults`].
#[derive(Properties, PartialEq)]
pub struct BadgeResultsProps {
    /// What stackway-core read from the records.
    pub report: Rc<BadgeReport>,
}

/// A headline, the matched and the unmatched badges, and the problems found.
#[function_component]
pub fn BadgeResults(props: &BadgeResultsProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let report = &props.report;
    let matched = report.matched.iter().map(|m| {
        let title = ctx.title(&m.credential);
        let item = match &m.achievement_name {
            Some(badge) => i18n.t_args(
                "badges-matched-item",
                &[
                    ("title", Arg::from(title)),
                    ("badge", Arg::from(badge.clone())),
                ],
            ),
            None => title,
        };
        html! { <li><span aria-hidden="true">{ "✓ " }</span>{ item }</li> }
    });
    let unmatched = report.unmatched.iter().map(|u| {
        let date = u.earned.clone().unwrap_or_default();
        html! {
            <li>
                <span class="sw-unmatched-name">{ u.label().to_owned() }</span>
                if !date.is_empty() {
                    { " " }<span class="sw-meta">{ i18n.t_args("badges-earned", &[("date", Arg::from(date))]) }</span>
                }
            </li>
        }
    });
    let headline = if report.matched.is_empty() && report.unmatched.is_empty() {
        i18n.t("badges-unreadable")
    } else {
        i18n.t_args("badges-added", &[("count", Arg::from(report.held.len()))])
    };
    html! {
        <>
            <p>{ headline }</p>
            if !report.matched.is_empty() {
                <ul class="sw-badge-list sw-badge-matched">{ for matched }</ul>
            }
            if !report.unmatched.is_empty() {
                <p>{ i18n.t_args("badges-unmatched", &[("count", Arg::from(report.unmatched.len()))]) }</p>
                <ul class="sw-badge-list sw-badge-unmatched">{ for unmatched }</ul>
            }
            if !report.diagnostics.is_empty() {
                <p class="sw-meta">{ i18n.t_args("badges-problems", &[("count", Arg::from(report.diagnostics.len()))]) }</p>
                <DiagnosticList diagnostics={report.diagnostics.clone()} />
            }
        </>
    }
}
