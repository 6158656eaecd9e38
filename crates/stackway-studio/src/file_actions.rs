//! What the studio does with the feed's file, shared by the frame (`components/app.rs`) and
//! the dialogs (`components/conflict_dialog.rs`): read text into a document, save it through
//! `stackway studio` or download it, and say how it went. A module of its own below the
//! components, so that no component imports another's parent (no import circles).

use crate::doc::Json;
use crate::i18n::Arg;
use crate::session::{self, Saved};
use crate::state::{Action, Ctx, Notice, Source};

/// A notice from a message id.
pub fn notice(ctx: &Ctx, id: &str, args: &[(&str, Arg)], error: bool) {
    ctx.dispatch(Action::Notice(Some(Notice {
        text: ctx.i18n.t_with(id, args),
        error,
    })));
}

/// Reads feed text into a document: `Err` with line and column when it is not JSON at all.
pub fn read_document(text: &str) -> Result<Json, String> {
    Json::parse(text).map_err(|d| {
        format!(
            "{}:{}: {}",
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.message
        )
    })
}

/// A date and time from a timestamp, as the browser writes them.
pub fn time_of(ms: f64) -> String {
    js_sys::Date::new(&ms.into())
        .to_locale_string("default", &js_sys::Object::new().into())
        .as_string()
        .unwrap_or_default()
}

/// Saves through the server (with the server) or offers a download (without).
pub fn save(ctx: &Ctx, force_version: Option<String>) {
    let text = stackway_core::canonical::write(&ctx.doc.borrow());
    match &ctx.source {
        Source::Server { token, version, .. } => {
            let ctx = ctx.clone();
            let token = token.clone();
            let version = force_version.unwrap_or_else(|| version.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session::save(&token, &version, &text).await {
                    Saved::Done { version } => {
                        session::forget_draft();
                        ctx.dispatch(Action::Saved { version });
                        notice(&ctx, "saved", &[], false);
                    }
                    Saved::ChangedOnDisk { version } => {
                        ctx.dispatch(Action::Conflict(Some(version)))
                    }
                    Saved::Failed(message) => {
                        notice(&ctx, "save-failed", &[("error", Arg::from(message))], true)
                    }
                }
            });
        }
        _ => download(ctx),
    }
}

/// Offers the document as a file download.
pub fn download(ctx: &Ctx) {
    let text = stackway_core::canonical::write(&ctx.doc.borrow());
    let name = match &ctx.source {
        Source::Server { file, .. } | Source::Browser { file } if !file.is_empty() => file.clone(),
        _ => {
            let id = ctx
                .doc
                .borrow()
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned();
            format!("{}.json", if id.is_empty() { "feed" } else { &id })
        }
    };
    if session::download(&name, &text).is_ok() {
        if !matches!(ctx.source, Source::Server { .. }) {
            session::forget_draft();
            ctx.dispatch(Action::Saved {
                version: String::new(),
            });
        }
        notice(ctx, "downloaded", &[("file", Arg::from(name))], false);
    }
}
