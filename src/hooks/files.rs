//! Files the learner picks or saves: one read as text, and a JSON document downloaded.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A callback that reads a file as text and gives `on_text` the text (`None` when it could not
/// be read). The component keeps the reader, so that it is not dropped (which would cancel it)
/// before it has finished.
#[hook]
pub fn use_read_text(on_text: Callback<Option<String>>) -> Callback<web_sys::File> {
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    Callback::from(move |file: web_sys::File| {
        let on_text = on_text.clone();
        let file = gloo::file::File::from(file);
        let task = gloo::file::callbacks::read_as_text(&file, move |text| on_text.emit(text.ok()));
        *reader.borrow_mut() = Some(task);
    })
}

/// Offers `json` to the learner as a file named `name`.
pub fn download_json(name: &str, json: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document
        .create_element("a")
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
