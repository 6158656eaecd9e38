//! The whole map's zoom buttons: closer, back, and the natural size. The keys `+`, `-` and `0`
//! do the same on the drawing itself.

use yew::prelude::*;

use crate::hooks::use_ctx;

/// Properties of [`MapZoomTools`].
#[derive(Properties, PartialEq)]
pub struct MapZoomToolsProps {
    /// Zooms one level closer.
    pub on_zoom_in: Callback<()>,
    /// Zooms one level back (never below the natural size).
    pub on_zoom_out: Callback<()>,
    /// Goes back to the natural size and the top-left corner.
    pub on_reset: Callback<()>,
}

/// The zoom buttons above the whole map.
#[function_component]
pub fn MapZoomTools(props: &MapZoomToolsProps) -> Html {
    let ctx = use_ctx();
    let i18n = &ctx.i18n;
    let zoom_in = props.on_zoom_in.reform(|_: MouseEvent| ());
    let zoom_out = props.on_zoom_out.reform(|_: MouseEvent| ());
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="sw-map-tools" role="group" aria-label={i18n.t("map-zoom-label")}>
            <button type="button" class="sw-button" onclick={zoom_in} aria-label={i18n.t("map-zoom-in")}>{ "+" }</button>
            <button type="button" class="sw-button" onclick={zoom_out} aria-label={i18n.t("map-zoom-out")}>{ "−" }</button>
            <button type="button" class="sw-button" onclick={reset}>{ i18n.t("map-zoom-reset") }</button>
        </div>
    }
}
