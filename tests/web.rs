//! Component tests of the widget in headless Chromium and Firefox (`cargo test --target
//! wasm32-unknown-unknown` with wasm-bindgen-test-runner, run by `cargo xtask test`): mount
//! into a fresh element, act on the DOM, assert the DOM. Feeds are given as text or as `data:`
//! URLs, so no server is needed.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TINY_FEED: &str = include_str!("fixtures/tiny-feed.json");

/// A `data:` URL carrying `json`, percent-encoding everything but unreserved characters.
fn data_url(json: &str) -> String {
    data_url_of("application/json", json)
}

/// A `data:` URL of type `mime` carrying `text`.
fn data_url_of(mime: &str, text: &str) -> String {
    let mut url = format!("data:{mime};charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Waits (up to five seconds) until the element's text satisfies `done`, and returns it.
async fn wait_for(root: &web_sys::Element, done: impl Fn(&str) -> bool) -> String {
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

fn mount(config: serde_json::Value) -> (web_sys::Element, stackway::MountHandle) {
    let root = fresh_root();
    let handle = stackway::mount_with(root.clone(), &config.to_string(), None);
    (root, handle)
}

/// The text of every element `selector` matches, in document order, with runs of white space
/// read as one space (as a screen reader reads them).
fn texts_of(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|i| {
            let text = found.item(i).unwrap().text_content().unwrap_or_default();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn programs_show_progress_and_what_is_missing_in_english() {
    let (root, _handle) = mount(serde_json::json!({ "feedText": TINY_FEED, "lang": "en" }));
    let text = wait_for(&root, |t| t.contains("complete")).await;
    assert!(text.contains("Harbour College"), "{text}");
    assert!(text.contains("Certificate in Data Analysis"), "{text}");
    assert!(text.contains("0% complete"), "{text}");
    // The card names its one group and shows each member with its state in words.
    assert!(text.contains("All ofStill needed: 2 more"), "{text}");
    let chips = texts_of(&root, ".sw-card .sw-chip");
    assert_eq!(
        chips,
        [
            "Data Basics ○ Still needed",
            "Data Visualisation ○ Still needed"
        ]
    );
}

/// The loader downloads the feed while the WebAssembly compiles and hands the widget a promise
/// of its text: the widget shows that text without fetching the URL itself.
#[wasm_bindgen_test]
async fn a_feed_the_loader_already_downloaded_is_used_without_fetching_again() {
    let root = fresh_root();
    let text = js_sys::Promise::resolve(&wasm_bindgen::JsValue::from_str(TINY_FEED));
    // Nothing answers at this URL: only the prefetched text can make the widget show the feed.
    let config = serde_json::json!({ "feed": "http://127.0.0.1:9/missing.json", "lang": "en" });
    let _handle = stackway::mount_with(root.clone(), &config.to_string(), Some(text));
    let shown = wait_for(&root, |t| t.contains("complete")).await;
    assert!(shown.contains("Certificate in Data Analysis"), "{shown}");
}

/// When the loader's download failed (its promise gives `null`), the widget fetches the URL
/// itself, so a working URL still shows the feed.
#[wasm_bindgen_test]
async fn a_failed_prefetch_falls_back_to_fetching_the_feed() {
    let root = fresh_root();
    let failed = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let config = serde_json::json!({ "feed": data_url(TINY_FEED), "lang": "en" });
    let _handle = stackway::mount_with(root.clone(), &config.to_string(), Some(failed));
    let shown = wait_for(&root, |t| t.contains("complete")).await;
    assert!(shown.contains("Certificate in Data Analysis"), "{shown}");
}

#[wasm_bindgen_test]
async fn french_uses_the_feed_translations_and_french_words() {
    let (root, _handle) = mount(serde_json::json!({ "feedText": TINY_FEED, "lang": "fr-CA" }));
    let text = wait_for(&root, |t| t.contains("terminé")).await;
    assert!(text.contains("Collège Harbour"), "{text}");
    assert!(text.contains("Programmes"), "{text}");
    assert!(text.contains("Certificat en analyse de données"), "{text}");
    assert!(
        !text.contains("Data Basics"),
        "English title leaked: {text}"
    );
}

/// The tiny feed with its provider's name and its certificate's title in English only.
fn tiny_feed_partly_in_english() -> String {
    TINY_FEED
        .replace(
            r#"{ "en": "Harbour College", "fr": "Collège Harbour" }"#,
            r#"{ "en": "Harbour College" }"#,
        )
        .replace(
            r#"{ "en": "Certificate in Data Analysis", "fr": "Certificat en analyse de données" }"#,
            r#"{ "en": "Certificate in Data Analysis" }"#,
        )
}

fn lang_of(root: &web_sys::Element, selector: &str) -> Vec<Option<String>> {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|i| {
            found
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("lang")
        })
        .collect()
}

/// WCAG 3.1.2 (Language of Parts): feed text shown in another language than the widget's is
/// marked with its language, so that a screen reader reads it with the right voice.
#[wasm_bindgen_test]
async fn feed_text_in_another_language_is_marked_with_it() {
    let feed = tiny_feed_partly_in_english();
    let (root, _handle) =
        mount(serde_json::json!({ "feedText": feed, "lang": "fr", "view": "explore" }));
    let text = wait_for(&root, |t| t.contains("Notions de données")).await;
    assert!(text.contains("Certificate in Data Analysis"), "{text}");
    assert_eq!(lang_of(&root, "h2.sw-heading"), [Some("en".to_owned())]);
    // Explore lists the feed in order: two French titles, then the English-only certificate.
    assert_eq!(
        lang_of(&root, ".sw-result-title button"),
        [None, None, Some("en".to_owned())]
    );
    click(&root, "button[data-view='programs']");
    wait_for(&root, |t| t.contains("terminé")).await;
    assert_eq!(
        lang_of(&root, "h3.sw-card-title > span"),
        [Some("en".to_owned())]
    );

    // In English nothing is in another language.
    let (root, _handle) = mount(serde_json::json!({ "feedText": feed, "lang": "en" }));
    wait_for(&root, |t| t.contains("complete")).await;
    assert_eq!(lang_of(&root, "h3.sw-card-title > span"), [None]);
    assert_eq!(lang_of(&root, "h2.sw-heading"), [None]);
}

#[wasm_bindgen_test]
async fn marking_credentials_held_completes_the_program() {
    let (root, _handle) = mount(serde_json::json!({
        "feedText": TINY_FEED, "lang": "en", "view": "explore"
    }));
    wait_for(&root, |t| t.contains("credentials match")).await;
    click(&root, "button[aria-label='I have Data Basics']");
    click(&root, "button[aria-label='I have Data Visualisation']");
    click(&root, "button[data-view='programs']");
    let text = wait_for(&root, |t| t.contains("100% complete")).await;
    assert!(text.contains("All of✓ Complete"), "{text}");
    let chips = texts_of(&root, ".sw-card .sw-chip");
    assert_eq!(chips, ["Data Basics ✓ Held", "Data Visualisation ✓ Held"]);
    // A complete program offers no route and no goal button: nothing is left to do.
    assert_eq!(count(&root, ".sw-card .sw-route-summary"), 0);
}

/// Regression test for unkeyed Explore results: a keystroke reuses the items already on screen
/// for other credentials, and each reused item must show, and act on, its new credential.
#[wasm_bindgen_test]
async fn explore_results_reused_by_a_new_search_show_and_mark_their_own_credential() {
    // A feed id of its own: plans are kept per feed id, and other tests mark the tiny feed's.
    let feed = TINY_FEED.replacen(r#""id": "tiny""#, r#""id": "tiny-reused-results""#, 1);
    let (root, _handle) = mount(serde_json::json!({
        "feedText": feed, "lang": "en", "view": "explore"
    }));
    wait_for(&root, |t| t.contains("credentials match")).await;
    click(&root, "button[aria-label='I have Data Basics']");
    wait_for(&root, |t| t.contains("Held")).await;
    // Data Basics is the first result; after this search, Data Visualisation takes its place.
    type_into(&root, "input[type=search]", "visual");
    let text = wait_for(&root, |t| t.contains("One credential matches")).await;
    let first = root.query_selector(".sw-result").unwrap().unwrap();
    let shown = first.text_content().unwrap_or_default();
    assert!(shown.contains("Data Visualisation"), "{text}");
    assert!(
        !shown.contains("Held"),
        "the reused item kept the old mark: {shown}"
    );
    assert_eq!(count(&root, ".sw-result"), 1, "{text}");
    assert_eq!(
        count(&root, "button[aria-label='I have Data Visualisation']"),
        1,
        "{}",
        first.inner_html()
    );
    click(&root, "button[aria-label='I have Data Visualisation']");
    type_into(&root, "input[type=search]", "");
    wait_for(&root, |t| t.matches("Held").count() == 2).await;
    assert_eq!(count(&root, ".sw-badge-held"), 2);
    click(&root, "button[data-view='programs']");
    let text = wait_for(&root, |t| t.contains("100% complete")).await;
    assert!(text.contains("100% complete"), "{text}");
}

/// A feed of `programs` certificates, each "choose 1" of its own two micro-credentials with a
/// cost: more programs than the old 60-program limit under which unstarted cards lost their words
/// and route.
fn many_programs_feed(programs: usize) -> String {
    let mut credentials = Vec::new();
    for i in 0..2 * programs {
        credentials.push(serde_json::json!({
            "id": format!("m{i}"), "kind": "micro-credential", "title": format!("Module {i}"),
            "cost": { "amount": 100 + i, "currency": "CAD" }, "hours": 10, "weeks": 2,
        }));
    }
    for i in 0..programs {
        credentials.push(serde_json::json!({
            "id": format!("p{i}"), "kind": "certificate", "title": format!("Program {i}"),
            "requires": { "choose": 1, "from": [format!("m{}", 2 * i), format!("m{}", 2 * i + 1)] },
        }));
    }
    serde_json::json!({
        "stackway": 1, "id": "many", "languages": ["en"],
        "provider": { "id": "p", "name": "Many College" }, "credentials": credentials,
    })
    .to_string()
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// Waits (up to five seconds) until `selector` matches `n` elements.
async fn wait_for_count(root: &web_sys::Element, selector: &str, n: u32) -> u32 {
    for _ in 0..100 {
        if count(root, selector) == n {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    count(root, selector)
}

#[wasm_bindgen_test]
async fn a_large_feed_pages_its_programs_with_words_and_routes_on_every_shown_card() {
    let (root, _handle) = mount(serde_json::json!({
        "feedText": many_programs_feed(70), "lang": "en"
    }));
    wait_for(&root, |t| t.contains("complete")).await;
    // The routes come with the planner, after the cards: in Firefox often a moment later.
    wait_for(&root, |t| !t.contains("being worked out")).await;
    let cards = ".sw-programs .sw-card";
    assert_eq!(count(&root, cards), 25);
    // Every shown card, none started, says what is missing and what the cheapest route costs.
    assert_eq!(count(&root, ".sw-programs .sw-card .sw-route-summary"), 25);
    assert_eq!(count(&root, ".sw-programs .sw-card .sw-groups"), 25);
    assert_eq!(count(&root, ".sw-programs .sw-card .sw-group-status"), 25);
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Showing 25 of 70 programs."), "{text}");
    assert!(text.contains("Module 0 ○ Still needed"), "{text}");
    let route = root
        .query_selector(".sw-programs .sw-card .sw-route-summary")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(route.starts_with("Cheapest way to finish:"), "{route}");
    assert!(
        route.contains("$100") && route.contains("10 hours"),
        "{route}"
    );

    // Focus moves to the first new card's title, where reading continues. Other tests run
    // alongside in the same document and move its focus too, so the focus is read as soon as
    // the new cards are drawn, and a `focusin` inside this widget counts as well (Chromium
    // delays focus events while the window itself is not focused).
    let focus_events = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let on_focus = {
        let focus_events = focus_events.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |e: web_sys::Event| {
                let target = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(text) = target.and_then(|t| t.text_content()) {
                    focus_events.borrow_mut().push(text);
                }
            },
        )
    };
    root.add_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref())
        .unwrap();
    click(&root, ".sw-programs-more");
    let document = web_sys::window().unwrap().document().unwrap();
    let mut active = None;
    for _ in 0..1_000 {
        if count(&root, cards) == 50 {
            active = document.active_element().and_then(|e| e.text_content());
            break;
        }
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
    assert_eq!(count(&root, cards), 50);
    assert_eq!(count(&root, ".sw-programs .sw-card .sw-route-summary"), 50);
    gloo_timers::future::TimeoutFuture::new(50).await;
    let events = focus_events.borrow().clone();
    assert!(
        active.as_deref() == Some("Program 25") || events == ["Program 25"],
        "focused: {active:?}, focus events: {events:?}"
    );
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Show 20 more programs"), "{text}");

    click(&root, ".sw-programs-more");
    assert_eq!(wait_for_count(&root, cards, 70).await, 70);
    assert_eq!(count(&root, ".sw-programs .sw-card .sw-route-summary"), 70);
    assert_eq!(count(&root, ".sw-programs-more"), 0);
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Showing 70 of 70 programs."), "{text}");
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function saved_when_drawn(root, key, selector) {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (root.querySelector(selector)) {
        observer.disconnect();
        resolve(localStorage.getItem(key) !== null);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}"#)]
extern "C" {
    /// Resolves, in the task that first draws `selector` inside `root`, to whether
    /// localStorage holds `key` at that moment.
    fn saved_when_drawn(root: &web_sys::Element, key: &str, selector: &str) -> js_sys::Promise;
}

/// The offline copy of a fetched feed is stored after the feed is first drawn (serialising it
/// must not delay the first paint), and it is stored.
#[wasm_bindgen_test]
async fn the_offline_copy_is_saved_after_the_first_render() {
    // Its own feed id, so its own data: URL and storage key (other tests fetch the tiny feed).
    let feed = TINY_FEED.replacen("\"id\": \"tiny\"", "\"id\": \"offline-copy-test\"", 1);
    assert!(feed.contains("offline-copy-test"));
    let url = data_url(&feed);
    let key = format!("stackway:feed:{url}");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(&key).unwrap();
    let (root, _handle) = mount(serde_json::json!({ "feed": url, "lang": "en" }));
    let drawn = saved_when_drawn(&root, &key, ".sw-tabs");
    let saved_at_first_render = wasm_bindgen_futures::JsFuture::from(drawn).await.unwrap();
    assert_eq!(saved_at_first_render.as_bool(), Some(false));
    let mut saved = None;
    for _ in 0..100 {
        saved = storage.get_item(&key).unwrap();
        if saved.is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    let saved = saved.expect("the offline copy is saved after the first render");
    assert!(saved.contains("offline-copy-test"), "{saved}");
    storage.remove_item(&key).unwrap();
}

#[wasm_bindgen_test]
async fn the_map_draws_every_credential_and_moves_along_edges() {
    let (root, _handle) = mount(serde_json::json!({
        "feedText": TINY_FEED, "lang": "en", "view": "map"
    }));
    wait_for(&root, |t| t.contains("View as list")).await;
    // The first render measures the page's font; the boxes follow.
    let mut nodes = root.query_selector_all(".sw-node").unwrap();
    for _ in 0..100 {
        if nodes.length() > 0 {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
        nodes = root.query_selector_all(".sw-node").unwrap();
    }
    assert_eq!(nodes.length(), 3);
    let focused = || {
        root.query_selector(".sw-node[tabindex='0']")
            .unwrap()
            .and_then(|n| n.get_attribute("data-id"))
    };
    // The tab stop is the first program; left goes to something that counts toward it.
    assert_eq!(focused().as_deref(), Some("data-certificate"));
    let svg = root.query_selector("svg").unwrap().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowLeft");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    svg.dispatch_event(&event).unwrap();
    gloo_timers::future::TimeoutFuture::new(100).await;
    let moved = focused();
    assert!(
        matches!(moved.as_deref(), Some("data-basics" | "data-visualisation")),
        "{moved:?}"
    );
}

/// The arrow-key help belongs to the drawing: it is shown with it and gone in the list view.
#[wasm_bindgen_test]
async fn the_map_keyboard_help_is_shown_only_with_the_drawing() {
    let (root, _handle) = mount(serde_json::json!({
        "feedText": TINY_FEED, "lang": "en", "view": "map"
    }));
    let text = wait_for(&root, |t| t.contains("View as list")).await;
    assert!(text.contains("use the arrow keys"), "{text}");
    click(&root, ".sw-map-modes button:last-child");
    let text = wait_for(&root, |t| t.contains("Level 1")).await;
    assert!(!text.contains("use the arrow keys"), "{text}");
}

#[wasm_bindgen_test]
async fn an_unreadable_feed_shows_its_diagnostics_and_a_retry() {
    let (root, _handle) =
        mount(serde_json::json!({ "feed": data_url("{ not json"), "lang": "en" }));
    let text = wait_for(&root, |t| t.contains("Try again")).await;
    assert!(
        text.contains("The list of credentials has problems"),
        "{text}"
    );
    assert!(text.contains("line 1"), "{text}");
    // The validator's message is English in both languages: marked as such only in French.
    assert_eq!(lang_of(&root, ".sw-diag span:last-child"), [None]);
    let (root, _handle) =
        mount(serde_json::json!({ "feed": data_url("{ not json"), "lang": "fr" }));
    wait_for(&root, |t| t.contains("Réessayer")).await;
    assert_eq!(
        lang_of(&root, ".sw-diag span:last-child"),
        [Some("en".to_owned())]
    );
}

#[wasm_bindgen_test]
async fn unmount_removes_the_widget() {
    let (root, mut handle) = mount(serde_json::json!({ "feedText": TINY_FEED, "lang": "en" }));
    wait_for(&root, |t| t.contains("complete")).await;
    handle.unmount();
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(root.query_selector(".stackway").unwrap().is_none());
}

/// A learner's records as "Add my badges" reads them with stackway-core's reader: an Open
/// Badges 3.0 credential aligned to the tiny feed's `data-basics` by its code, and one that
/// matches nothing in the feed.
const TWO_BADGES: &str = r#"[
  {"type": ["VerifiableCredential", "OpenBadgeCredential"], "validFrom": "2025-04-30T10:00:00Z",
   "credentialSubject": {"achievement": {"id": "https://badges.example.org/basics",
     "name": "Basics badge", "alignment": [{"targetCode": "data-basics"}]}}},
  {"type": ["VerifiableCredential", "OpenBadgeCredential"], "validFrom": "2022-03-01T00:00:00Z",
   "credentialSubject": {"achievement": {"id": "https://elsewhere.example.org/first-aid",
     "name": "First Aid"}}}
]"#;

fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let area = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlTextAreaElement>();
    area.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event =
        web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap();
    area.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn added_badges_mark_credentials_held_and_list_the_unmatched() {
    // Other tests save a plan for the same feed in this browser; start from none.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("stackway:plan:tiny").unwrap();
    let (root, _handle) = mount(serde_json::json!({
        "feedText": TINY_FEED, "lang": "en", "view": "plan", "goal": "data-certificate"
    }));
    wait_for(&root, |t| t.contains("Add my badges")).await;
    assert!(root.query_selector(".sw-badge-panel").unwrap().is_none());
    click(&root, ".sw-add-badges > button");
    let text = wait_for(&root, |t| t.contains("Add these badges")).await;
    assert!(text.contains("Self-reported, not verified"), "{text}");
    type_into(&root, ".sw-badge-text", TWO_BADGES);
    click(&root, ".sw-badge-panel > button");
    let text = wait_for(&root, |t| t.contains("marked as held")).await;
    let results = root.query_selector(".sw-badge-results").unwrap().unwrap();
    assert_eq!(results.get_attribute("role").as_deref(), Some("status"));
    let results = results.text_content().unwrap_or_default();
    assert!(
        results.contains("1 credential was marked as held from your badges."),
        "{results}"
    );
    assert!(
        results.contains("Data Basics (from the badge “Basics badge”)"),
        "{results}"
    );
    assert!(results.contains("First Aid"), "{results}");
    assert!(results.contains("earned 2022-03-01"), "{results}");
    assert!(text.contains("50% complete"), "{text}");
    let date = root
        .query_selector(".sw-marked-list .sw-held input[type=date]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(date.value(), "2025-04-30");
}

/// A CTDL pathway (JSON-LD, as the Credential Registry serves it): an organization, a
/// destination credential and the course it holds, with regional language tags.
const CTDL_PATHWAY: &str = r#"{"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": [
  {"@id": "_:p", "@type": "ceterms:Pathway", "ceterms:name": {"en-US": "Data pathway"},
   "ceterms:ownedBy": ["_:org"], "ceterms:hasDestinationComponent": ["_:goal"],
   "ceterms:hasChild": ["_:course"]},
  {"@id": "_:org", "@type": "ceterms:CredentialOrganization", "ceterms:name": {"en-US": "Lakeview College"}},
  {"@id": "_:goal", "@type": "ceterms:CredentialComponent", "ceterms:name": {"en-US": "Data Analysis Certificate"},
   "ceterms:hasChild": ["_:course"]},
  {"@id": "_:course", "@type": "ceterms:CourseComponent", "ceterms:name": {"en-US": "Statistics One"}}]}"#;

#[wasm_bindgen_test]
async fn a_ctdl_feed_is_read_by_the_core_importer() {
    // The widget's own stackway-core reads the JSON-LD (in the release build, from its interop
    // module): the organization heads the widget, the destination is a program card holding the
    // course. (The importer's warnings are the feed's diagnostics, which learners see only
    // when one is an error.)
    let (root, _handle) = mount(serde_json::json!({ "feedText": CTDL_PATHWAY, "lang": "en" }));
    let text = wait_for(&root, |t| t.contains("Lakeview College")).await;
    assert!(text.contains("Data Analysis Certificate"), "{text}");
    assert!(text.contains("Statistics One"), "{text}");
    assert!(!text.contains("could not be read"), "{text}");
}

#[wasm_bindgen_test]
async fn a_ctdl_document_without_a_pathway_shows_what_is_wrong_with_a_retry() {
    let ctdl = r#"{"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": []}"#;
    let (root, _handle) = mount(serde_json::json!({
        "feedText": ctdl, "lang": "en", "debug": true
    }));
    let text = wait_for(&root, |t| t.contains("Try again")).await;
    assert!(
        text.contains("The list of credentials has problems"),
        "{text}"
    );
}
