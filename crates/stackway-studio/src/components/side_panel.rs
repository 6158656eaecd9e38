//! The panel beside the editor: two tabs, the learner preview and the problems list (whose tab
//! shows how many there are).

use yew::prelude::*;

use crate::components::preview::Preview;
use crate::components::problems::Problems;
use crate::state::use_ctx;

#[function_component(SidePanel)]
pub fn side_panel() -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let aside = use_state(|| "preview");
    let (errors, warnings) = crate::check::counts(&ctx.diagnostics);
    let on_tab = |name: &'static str| {
        let aside = aside.clone();
        Callback::from(move |_| aside.set(name))
    };
    let selected = |name: &str| if *aside == name { "true" } else { "false" };
    html! {
        <aside class="side" aria-label={i18n.t("side-panel")}>
            <div class="tabs" role="tablist" aria-label={i18n.t("side-panel")}>
                <button type="button" role="tab" id="tab-preview" aria-selected={selected("preview")}
                        aria-controls="panel-preview" onclick={on_tab("preview")}>{ i18n.t("preview") }</button>
                <button type="button" role="tab" id="tab-problems" aria-selected={selected("problems")}
                        aria-controls="panel-problems" onclick={on_tab("problems")}>
                    { i18n.t("problems") }
                    if errors + warnings > 0 {
                        <span class={classes!("badge", if errors > 0 { "badge-error" } else { "badge-warning" })}>{ errors + warnings }</span>
                    }
                </button>
            </div>
            <div role="tabpanel" id="panel-preview" aria-labelledby="tab-preview" hidden={*aside != "preview"}>
                <Preview visible={*aside == "preview"} />
            </div>
            <div role="tabpanel" id="panel-problems" aria-labelledby="tab-problems" hidden={*aside != "problems"}>
                <Problems />
            </div>
        </aside>
    }
}
