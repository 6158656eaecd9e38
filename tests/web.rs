//! Browser tests of the widget, run by `wasm-pack test --headless --chrome` (see `cargo xtask test`).
//!
//! Each test mounts the widget into a fresh element with the feed given as a `data:` URL, so the
//! tests need no server, then waits for the rendered text.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TINY_FEED: &str = include_str!("fixtures/tiny-feed.json");

/// A `data:` URL carrying `json`, percent-encoding everything but unreserved characters.
fn data_url(json: &str) -> String {
    let mut url = String::from("data:application/json;charset=utf-8,");
    for byte in json.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// Mounts the widget into a new element and returns the element's text once `done` holds (or
/// after five seconds, so that a broken widget fails the assertion instead of hanging).
async fn mount_and_wait(feed_url: &str, lang: &str, done: impl Fn(&str) -> bool) -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    stackway::mount(root.clone(), feed_url.to_owned(), lang.to_owned());
    let mut text = String::new();
    for _ in 0..100 {
        gloo_timers::future::TimeoutFuture::new(50).await;
        text = root.text_content().unwrap_or_default();
        if done(&text) {
            break;
        }
    }
    text
}

#[wasm_bindgen_test]
async fn lists_credentials_and_programs_in_english() {
    let text = mount_and_wait(&data_url(TINY_FEED), "en", |t| t.contains("Data Basics")).await;
    assert!(text.contains("Harbour College"), "provider missing: {text}");
    assert!(text.contains("Data Visualisation"), "{text}");
    assert!(text.contains("Stackable programs"), "{text}");
    assert!(text.contains("Certificate in Data Analysis"), "{text}");
    assert!(
        text.contains("Built from: Data Basics, Data Visualisation"),
        "{text}"
    );
    assert!(text.contains("30 hours"), "{text}");
}

#[wasm_bindgen_test]
async fn shows_the_feed_and_its_own_words_in_french() {
    let text = mount_and_wait(&data_url(TINY_FEED), "fr", |t| {
        t.contains("Notions de données")
    })
    .await;
    assert!(text.contains("Collège Harbour"), "{text}");
    assert!(text.contains("Programmes cumulables"), "{text}");
    assert!(text.contains("Certificat en analyse de données"), "{text}");
    assert!(
        !text.contains("Data Basics"),
        "English title leaked: {text}"
    );
}

#[wasm_bindgen_test]
async fn says_plainly_when_the_feed_is_not_a_feed() {
    let text = mount_and_wait(&data_url("{ not json"), "en", |t| {
        t.contains("could not be loaded")
    })
    .await;
    assert!(
        text.contains("The list of credentials could not be loaded."),
        "{text}"
    );
}
