//! The progress source answering with a learner's badges (Open Badges 3.0 as JSON or JWT, a list
//! of them, CLR 2.0, Open Badges 2.0), through `router().oneshot`, with the platform's test server
//! serving both the answer and the launch's feed. Fixtures are the core's, under
//! crates/stackway-interop/tests/data/badges/, so the tool and the core are checked on the same records.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

const FEED: &str = include_str!("../../stackway-interop/tests/data/badges/feed.json");
const OB3_ACHIEVEMENT_ID: &str =
    include_str!("../../stackway-interop/tests/data/badges/ob3-achievement-id.json");
const OB3_ALIGNMENT_URL: &str =
    include_str!("../../stackway-interop/tests/data/badges/ob3-alignment-url.json");
const OB3_ALIGNMENT_CODE: &str =
    include_str!("../../stackway-interop/tests/data/badges/ob3-alignment-code.json");
const OB3_JWT: &str = include_str!("../../stackway-interop/tests/data/badges/ob3-jwt.txt");
const CLR: &str = include_str!("../../stackway-interop/tests/data/badges/clr.json");
const OB2_ASSERTION: &str =
    include_str!("../../stackway-interop/tests/data/badges/ob2-assertion.json");
const UNMATCHED: &str = include_str!("../../stackway-interop/tests/data/badges/unmatched.json");

/// The launch page's configuration block, as the launch script reads it.
fn config(reply: &Reply) -> Value {
    let start = reply
        .body
        .find(r#"id="stackway-lti-config">"#)
        .expect("configuration block")
        + r#"id="stackway-lti-config">"#.len();
    let end = start + reply.body[start..].find("</script>").unwrap();
    serde_json::from_str(&reply.body[start..end]).expect("configuration is JSON")
}

/// Serves `body` as learner-1's progress answer and the badge test feed, then launches with that
/// feed in `lang`.
async fn launch_with_record(tool: &TestTool, content_type: &str, body: &str, lang: &str) -> Reply {
    tool.platform
        .feeds
        .lock()
        .unwrap()
        .insert("badge-test.json".into(), FEED.into());
    tool.platform
        .records
        .lock()
        .unwrap()
        .insert("learner-1".into(), (content_type.into(), body.into()));
    let feed_url = format!("{}/feeds/badge-test.json", tool.issuer);
    let reply = tool
        .launch_with(|c| {
            c[format!("{LTI}custom")] =
                json!({"feed_url": feed_url, "goal": "analytics-certificate", "lang": lang})
        })
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        reply
            .body
            .contains("<stackway-pathways feed=\"http://127.0.0.1:"),
        "the widget is on the page: {}",
        reply.body
    );
    reply
}

async fn badge_launch(content_type: &str, body: &str) -> (Reply, Value) {
    let tool = tool().await;
    let reply = launch_with_record(&tool, content_type, body, "en").await;
    let config = config(&reply);
    (reply, config)
}

fn assert_available(config: &Value) {
    assert_eq!(config["progress_unavailable"], json!(false), "{config}");
    assert_eq!(config["progress_problem"], Value::Null, "{config}");
}

#[tokio::test]
async fn an_open_badges_3_credential_as_json_fills_the_held_list() {
    let (reply, config) = badge_launch("application/vc+ld+json", OB3_ACHIEVEMENT_ID).await;
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([{"id": "data-foundations", "earned": "2025-04-30"}])
    );
    assert_eq!(
        config["badges"],
        json!({"verification": "self-reported", "formats": ["open-badges3"], "matched": 1,
               "unmatched_count": 0, "unmatched": [], "warnings": 0})
    );
    assert!(
        reply
            .body
            .contains("badge records (Open Badges 3.0): 1 credential of this program recognised.")
            && reply
                .body
                .contains("Self-reported: the badges&#39; signatures were not verified."),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("lti-badges-unmatched"));
}

#[tokio::test]
async fn an_open_badges_3_jwt_is_read_whether_its_content_type_says_so_or_not() {
    for content_type in ["application/vc+jwt", "text/plain"] {
        let (_, config) = badge_launch(content_type, OB3_JWT).await;
        assert_available(&config);
        assert_eq!(
            config["held"],
            json!([{"id": "data-foundations", "earned": "2025-05-02"}]),
            "{content_type}"
        );
        assert_eq!(config["badges"]["formats"], json!(["open-badges3-jwt"]));
    }
}

#[tokio::test]
async fn a_list_of_credentials_matches_each_and_shows_the_one_that_matches_nothing() {
    let list = format!("[{OB3_ALIGNMENT_URL}, {OB3_ALIGNMENT_CODE}, {UNMATCHED}]");
    let (reply, config) = badge_launch("application/json", &list).await;
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([{"id": "statistics", "earned": "2024-12-12"}, {"id": "visualisation", "earned": "2025-01-20"}])
    );
    assert_eq!(config["badges"]["matched"], json!(2));
    assert_eq!(config["badges"]["unmatched_count"], json!(1));
    assert_eq!(
        config["badges"]["unmatched"],
        json!([{"name": "First Aid", "id": "https://elsewhere.example.org/achievements/first-aid"}])
    );
    assert!(
        reply.body.contains("2 credentials of this program recognised")
            && reply.body.contains("<details class=\"lti-badges-unmatched\"><summary>1 badge in your record matches nothing in this program</summary>")
            && reply.body.contains("<li>First Aid <span class=\"lti-badge-id\">https://elsewhere.example.org/achievements/first-aid</span></li>"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn a_clr_fills_the_held_list_from_its_nested_credentials_only() {
    // Sent as plain JSON: the content tells it is not the `{"held": […]}` list.
    let (reply, config) = badge_launch("application/json", CLR).await;
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([{"id": "statistics", "earned": "2024-12-12"}, {"id": "visualisation", "earned": "2025-01-01"}]),
        "the CLR's own achievement list (offered, not awarded) does not count as held"
    );
    assert_eq!(config["badges"]["formats"], json!(["clr"]));
    assert_eq!(config["badges"]["unmatched_count"], json!(1));
    assert!(reply.body.contains("(CLR 2.0)"), "{}", reply.body);
}

#[tokio::test]
async fn open_badges_2_assertions_are_read_from_a_list() {
    let (_, config) = badge_launch("application/json", &format!("[{OB2_ASSERTION}]")).await;
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([{"id": "forecasting", "earned": "2023-06-15"}])
    );
    assert_eq!(config["badges"]["formats"], json!(["open-badges2"]));
}

#[tokio::test]
async fn badges_that_match_nothing_give_an_empty_record_and_are_listed_in_the_learners_language() {
    let tool = tool().await;
    let reply = launch_with_record(&tool, "application/vc+ld+json", UNMATCHED, "fr").await;
    let config = config(&reply);
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([]),
        "the learner holds nothing here, which is not 'unavailable'"
    );
    assert_eq!(config["badges"]["matched"], json!(0));
    assert!(
        reply
            .body
            .contains(": 0 titre de compétences de ce programme reconnu."),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("1 badge de votre dossier ne correspond à rien dans ce programme")
            && reply.body.contains("<li>First Aid "),
        "{}",
        reply.body
    );
    assert!(reply
        .body
        .contains("les signatures des badges n’ont pas été vérifiées"));
}

#[tokio::test]
async fn an_empty_list_of_badges_is_an_empty_record() {
    let (_, config) = badge_launch("application/vc+ld+json", "[]").await;
    assert_available(&config);
    assert_eq!(config["held"], json!([]));
    assert_eq!(config["badges"]["unmatched_count"], json!(0));
}

#[tokio::test]
async fn a_malformed_record_says_why_and_the_launch_still_works_without_progress() {
    for (content_type, body) in [
        ("application/vc+ld+json", &OB3_ACHIEVEMENT_ID[..200]),
        ("application/json", r#"{"name": "not a credential"}"#),
        (
            "application/json",
            r#"{"type": ["VerifiableCredential"], "credentialSubject": {}}"#,
        ),
        ("text/plain", "this is not a learner record"),
        ("application/vc+jwt", "not.a-jwt.at all"),
        ("application/json", r#"{"held": "everything"}"#),
    ] {
        let (reply, config) = badge_launch(content_type, body).await;
        assert_eq!(config["held"], Value::Null, "{body}");
        assert_eq!(config["progress_unavailable"], json!(true), "{body}");
        assert_eq!(
            config["progress_problem"],
            json!("progress-invalid-record"),
            "{body}"
        );
        assert!(
            reply
                .body
                .contains("Your progress could not be loaded right now")
                && reply
                    .body
                    .contains("Reason code: <code>progress-invalid-record</code>"),
            "{}",
            reply.body
        );
    }
}

#[tokio::test]
async fn a_partly_unreadable_record_keeps_what_it_could_read_and_counts_the_rest() {
    let list = format!(r#"[{OB3_ACHIEVEMENT_ID}, {{"name": "junk"}}, "not-a-jwt"]"#);
    let (reply, config) = badge_launch("application/json", &list).await;
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([{"id": "data-foundations", "earned": "2025-04-30"}])
    );
    assert_eq!(config["badges"]["warnings"], json!(2));
    assert!(
        reply
            .body
            .contains("2 parts of your record could not be read and were ignored."),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn the_feed_is_fetched_once_for_many_launches_and_never_for_the_plain_list() {
    let tool = tool().await;
    tool.platform.held.lock().unwrap().insert(
        "learner-2".into(),
        json!({"held": [{"id": "data-foundations"}]}),
    );
    let plain = tool
        .launch_with(|c| {
            c["sub"] = json!("learner-2");
            c[format!("{LTI}custom")]["feed_url"] =
                json!(format!("{}/feeds/badge-test.json", tool.issuer));
        })
        .await;
    assert!(plain.body.contains(r#""held":[{"id":"data-foundations"}]"#));
    assert_eq!(*tool.platform.feed_requests.lock().unwrap(), 0);

    for _ in 0..3 {
        let reply =
            launch_with_record(&tool, "application/vc+ld+json", OB3_ACHIEVEMENT_ID, "en").await;
        assert_eq!(
            config(&reply)["held"],
            json!([{"id": "data-foundations", "earned": "2025-04-30"}])
        );
    }
    assert_eq!(*tool.platform.feed_requests.lock().unwrap(), 1);
    assert_eq!(tool.state.feeds().fetch_count(), 1);
}

#[tokio::test]
async fn a_feed_that_cannot_be_had_makes_badges_unavailable_without_failing_the_launch() {
    let tool = tool().await;
    tool.platform.records.lock().unwrap().insert(
        "learner-1".into(),
        ("application/vc+ld+json".into(), OB3_ACHIEVEMENT_ID.into()),
    );
    tool.platform
        .feeds
        .lock()
        .unwrap()
        .insert("broken.json".into(), "{\"stackway\": ".into());
    for name in ["missing.json", "broken.json", "missing.json"] {
        let feed_url = format!("{}/feeds/{name}", tool.issuer);
        let reply = tool
            .launch_with(|c| c[format!("{LTI}custom")]["feed_url"] = json!(feed_url))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let config = config(&reply);
        assert_eq!(config["held"], Value::Null);
        assert_eq!(
            config["progress_problem"],
            json!("progress-feed-unavailable")
        );
        assert!(reply
            .body
            .contains("Reason code: <code>progress-feed-unavailable</code>"));
    }
    assert_eq!(
        *tool.platform.feed_requests.lock().unwrap(),
        2,
        "a failed feed is remembered for a while, not fetched on every launch"
    );
}

#[tokio::test]
async fn an_answer_over_the_size_limit_is_refused() {
    let huge = format!(
        "[{}]",
        vec![OB3_ACHIEVEMENT_ID; stackway_lti::progress::MAX_BODY / OB3_ACHIEVEMENT_ID.len() + 1]
            .join(",")
    );
    let (_, config) = badge_launch("application/json", &huge).await;
    assert_eq!(config["held"], Value::Null);
    assert_eq!(config["progress_problem"], json!("progress-too-large"));
}

#[tokio::test]
async fn badge_names_are_text_on_the_page() {
    let hostile = UNMATCHED.replace(
        "\"First Aid\"",
        r#""<img src=x onerror=alert(1)></script><script>alert(2)</script>""#,
    );
    let (reply, config) = badge_launch("application/json", &hostile).await;
    assert_eq!(config["badges"]["unmatched_count"], json!(1));
    assert!(
        !reply.body.contains("<img") && !reply.body.contains("<script>alert"),
        "{}",
        reply.body
    );
    assert!(reply
        .body
        .contains("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;"));
}

#[tokio::test]
async fn badges_are_matched_against_a_ctdl_feed_read_as_the_widget_reads_it() {
    const CTDL: &str = include_str!("../../stackway-interop/tests/data/ctdl/graph-basic.json");
    // The credential the core's importer makes of the component coded BAN-201.
    let imported = stackway_core::interop::detect::read_feed_text(CTDL)
        .feed
        .expect("the CTDL fixture imports");
    let expected = imported
        .credentials
        .iter()
        .find(|c| c.tags.iter().any(|t| t == "code:BAN-201"))
        .expect("a credential coded BAN-201")
        .id
        .clone();

    let tool = tool().await;
    tool.platform
        .feeds
        .lock()
        .unwrap()
        .insert("ctdl.json".into(), CTDL.into());
    tool.platform.records.lock().unwrap().insert(
        "learner-1".into(),
        ("application/vc+ld+json".into(), OB3_ALIGNMENT_CODE.into()),
    );
    let feed_url = format!("{}/feeds/ctdl.json", tool.issuer);
    let reply = tool
        .launch_with(|c| c[format!("{LTI}custom")]["feed_url"] = json!(feed_url))
        .await;
    let config = config(&reply);
    assert_available(&config);
    assert_eq!(
        config["held"],
        json!([{"id": expected, "earned": "2025-01-20"}])
    );
}

#[tokio::test]
async fn a_cached_feed_is_fetched_again_once_it_is_older_than_its_max_age() {
    let tool = tool_with(
        stackway_lti::Options {
            jwks_min_refetch: std::time::Duration::ZERO,
            feed_max_age: std::time::Duration::ZERO,
            ..Default::default()
        },
        "",
    )
    .await;
    for _ in 0..2 {
        let reply =
            launch_with_record(&tool, "application/vc+ld+json", OB3_ACHIEVEMENT_ID, "en").await;
        assert_eq!(
            config(&reply)["held"],
            json!([{"id": "data-foundations", "earned": "2025-04-30"}])
        );
    }
    assert_eq!(*tool.platform.feed_requests.lock().unwrap(), 2);
}
