//! Which component shows each view of the second module: the one place that maps a
//! [`LaterPage`] to its component. Only the second module's split point (`crate::later`) names
//! [`render`], so these views and everything only they use travel in that module.

use yew::prelude::*;

use super::detail::Detail;
use super::explore::Explore;
use super::map::Map;
use super::pathways::Pathways;
use super::plan::PlanView;
use crate::later_module::LaterPage;

/// The view `page`: a plain function, so that the whole body stays in the second module.
pub fn render(page: &LaterPage) -> Html {
    match page {
        LaterPage::Map => html! { <Map /> },
        LaterPage::Explore => html! { <Explore /> },
        LaterPage::Plan => html! { <PlanView /> },
        LaterPage::Pathways => html! { <Pathways /> },
        LaterPage::Detail(id) => html! { <Detail id={id.to_string()} /> },
    }
}
