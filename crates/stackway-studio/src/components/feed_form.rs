//! The feed's own fields and its provider: the feed id, its languages (the first is the
//! default), the date of the last update, what a credit is called, and who publishes it.

use yew::prelude::*;

use crate::components::credential_form::words;
use crate::components::id_field::IdField;
use crate::components::id_list::IdList;
use crate::components::text_field::TextField;
use crate::components::text_input::TextInput;
use crate::doc::Path;
use crate::ids::IdKind;
use crate::state::use_ctx;

#[function_component(FeedForm)]
pub fn feed_form() -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let root = Path::root();
    let w = |key: &str| words(&i18n, "feed", key);
    let p = |key: &str| words(&i18n, "provider", key);
    html! {
        <section class="panel" aria-labelledby="feed-heading">
            <div class="panel-head"><h2 id="feed-heading">{ i18n.t("section-feed") }</h2></div>
            <fieldset class="form-group">
                <legend>{ i18n.t("group-feed") }</legend>
                <TextInput path={root.key("id")} label={w("id").0} help={w("id").1} required=true />
                <IdList path={root.key("languages")} label={w("languages").0} help={w("languages").1} required=true ordered=true />
                <TextInput path={root.key("updated")} label={w("updated").0} help={w("updated").1} kind="date" />
                <TextField path={root.key("credit_label")} label={w("credit_label").0} help={w("credit_label").1} />
            </fieldset>
            <fieldset class="form-group">
                <legend>{ i18n.t("group-provider") }</legend>
                <IdField item={root.key("provider")} kind={IdKind::Institution} label={p("id").0} help={p("id").1}
                         title={root.key("provider").key("name")} />
                <TextField path={root.key("provider").key("name")} label={p("name").0} help={p("name").1} required=true />
                <TextInput path={root.key("provider").key("url")} label={p("url").0} help={p("url").1} kind="url" />
            </fieldset>
        </section>
    }
}
