//! A credential's `requires` or `prerequisites`: none, or a tree of groups over credentials,
//! edited with [`RequirementNode`].

use crate::doc::Json;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field_shell::FieldShell;
use crate::components::requirement_node::{kind_options, RequirementNode};
use crate::doc::{self, Edit, Path};
use crate::requirement::{new_group, NodeKind};
use crate::state::{use_ctx, Action};

#[derive(Properties, PartialEq)]
pub struct RequirementFieldProps {
    pub path: Path,
    pub label: AttrValue,
    /// A short name for the controls' accessible names ("Requires").
    pub short: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
}

#[function_component(RequirementField)]
pub fn requirement_field(props: &RequirementFieldProps) -> Html {
    let ctx = use_ctx();
    let i18n = ctx.i18n.clone();
    let present = doc::get(&ctx.doc.borrow(), &props.path).is_some();
    let mut diagnostics = ctx.diagnostics_at(&props.path);
    // Diagnostics inside the tree are shown at their node.
    diagnostics.retain(|d| d.pointer == props.path.pointer());
    let start = {
        let ctx = ctx.clone();
        let path = props.path.clone();
        Callback::from(move |e: Event| {
            let slug = e.target_unchecked_into::<HtmlSelectElement>().value();
            let Some(kind) = NodeKind::from_slug(&slug) else {
                return;
            };
            let value = match kind {
                NodeKind::Credential => Json::String(String::new()),
                group => new_group(group),
            };
            let focus = path.clone();
            ctx.dispatch(Action::Edit {
                edit: Edit::Set {
                    at: path.clone(),
                    value: Some(value),
                },
                group: None,
            });
            ctx.dispatch(Action::Jump(focus));
        })
    };
    html! {
        <FieldShell path={props.path.clone()} label={props.label.clone()} help={props.help.clone()}
                    diagnostics={diagnostics} group=true>
            if present {
                <div class="req-tree">
                    <RequirementNode path={props.path.clone()} number={AttrValue::from("")} field={props.short.clone()} />
                </div>
            } else {
                <div class="req-none">
                    <label for={props.path.dom_id() + "-start"}>{ i18n.t("req-start") }</label>
                    <select id={props.path.dom_id() + "-start"} onchange={start}>
                        <option value="" selected=true>{ i18n.t("req-none") }</option>
                        { kind_options(&i18n, true, true) }
                    </select>
                </div>
            }
        </FieldShell>
    }
}
