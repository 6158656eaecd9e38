//! The whole-feed check, in a Web Worker when the browser has one.
//!
//! Reading and checking a 10,000-credential feed takes longer than a frame (docs/benchmarks.md,
//! "Studio"): on the page's own thread it would freeze typing. The worker (`www/check-worker.js`)
//! instantiates the page's own compiled WebAssembly module (posted to it first: no second
//! download or compile) and runs `parse_feed` there; the page only writes the document as text
//! and posts it. Without workers the check runs on the page, a moment later.

use std::rc::Rc;

use stackway_core::Diagnostic;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::doc::{Json, JsonExt};

/// Receives the diagnostics of a revision.
pub type OnResult = Rc<dyn Fn(u64, Vec<Diagnostic>)>;

pub struct WholeCheck {
    worker: Option<web_sys::Worker>,
    on_result: OnResult,
    _listener: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

/// Reads the diagnostics a worker sends (the JSON of `Vec<Diagnostic>`).
pub fn diagnostics_of(json: &str) -> Vec<Diagnostic> {
    serde_json::from_str(json).unwrap_or_default()
}

impl WholeCheck {
    /// A checker whose results go to `on_result`.
    pub fn new(on_result: OnResult) -> WholeCheck {
        let mut checker = WholeCheck {
            worker: None,
            on_result: on_result.clone(),
            _listener: None,
        };
        let Some(url) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|base| web_sys::Url::new_with_base("check-worker.js", &base).ok())
        else {
            return checker;
        };
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let Ok(worker) = web_sys::Worker::new_with_options(&url.href(), &options) else {
            return checker;
        };
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data = event.data();
                let get = |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).ok();
                let revision = get("revision").and_then(|v| v.as_f64()).unwrap_or(0.0) as u64;
                let diagnostics = get("diagnostics")
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                if let Some(ms) = get("ms").and_then(|v| v.as_f64()) {
                    crate::perf::record("whole", ms);
                }
                on_result(revision, diagnostics_of(&diagnostics));
            },
        );
        worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        let module = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&module, &"module".into(), &wasm_bindgen::module());
        let _ = worker.post_message(&module);
        checker.worker = Some(worker);
        checker._listener = Some(listener);
        checker
    }

    /// Checks the document as of `revision`; the answer comes to `on_result` later.
    pub fn run(&self, revision: u64, doc: &Json) {
        let text = doc.to_text();
        if let Some(worker) = &self.worker {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &message,
                &"revision".into(),
                &JsValue::from_f64(revision as f64),
            );
            let _ = js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&text));
            if worker.post_message(&message).is_ok() {
                return;
            }
        }
        let started = crate::perf::now();
        let diagnostics = crate::check::check_text(&text);
        crate::perf::record("whole", crate::perf::now() - started);
        (self.on_result)(revision, diagnostics);
    }
}

impl Drop for WholeCheck {
    fn drop(&mut self) {
        if let Some(worker) = &self.worker {
            worker.terminate();
        }
    }
}
