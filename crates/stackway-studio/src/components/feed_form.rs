//! The feed's own fields and its provider: the feed id, the date of the last update, its
//! languages (the first is the default), what a credit is called, and who publishes it. The
//! fields and their words come from the field table (`form::FEED_GROUP`).

use yew::prelude::*;

use crate::components::table_field::FormFields;
use crate::doc::Path;
use crate::form::{ObjectRef, FEED_GROUP};
use crate::state::use_ctx;
use stackway_core::field_table::FEED;

#[function_component(FeedForm)]
pub fn feed_form() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    html! {
        <section class="panel" aria-labelledby="feed-heading">
            <div class="panel-head"><h2 id="feed-heading">{ i18n.t("section-feed") }</h2></div>
            <fieldset class="form-group">
                <legend>{ i18n.t(FEED_GROUP.heading) }</legend>
                <FormFields object={ObjectRef(&FEED)} at={Path::root()} keys={Some(FEED_GROUP.keys)} />
            </fieldset>
        </section>
    }
}
