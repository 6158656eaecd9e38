//! The refusal pages: every reason code, its status and its sentence in English and French,
//! snapshotted so a change of wording or status is a reviewed change.

use axum::response::IntoResponse;
use http_body_util::BodyExt;
use stackway_lti::lang::Lang;
use stackway_lti::{LtiError, Reason};

#[test]
fn every_reason_has_a_status_and_a_sentence_in_both_languages() {
    let mut table = String::new();
    for reason in Reason::ALL {
        let status = reason.status().as_u16();
        assert!(
            matches!(status, 400 | 401 | 403 | 409 | 500 | 502 | 503),
            "{reason:?}"
        );
        let (en, fr) = (reason.explanation(Lang::En), reason.explanation(Lang::Fr));
        assert_ne!(en, fr, "{reason:?} is not translated");
        table.push_str(&format!(
            "{} {status}\n  en: {en}\n  fr: {fr}\n",
            reason.code()
        ));
    }
    let codes: std::collections::HashSet<_> = Reason::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(codes.len(), Reason::ALL.len(), "reason codes are unique");
    insta::assert_snapshot!(table);
}

#[tokio::test]
async fn the_page_shows_the_code_and_never_the_detail() {
    let secret_detail =
        "id_token eyJhbGciOi... signed by -----BEGIN PRIVATE KEY----- for learner-42";
    let response = LtiError::new(Reason::BadSignature, secret_detail)
        .in_lang(Lang::Fr)
        .into_response();
    assert_eq!(response.status(), 401);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let page = String::from_utf8(body.to_vec()).unwrap();
    assert!(!page.contains("eyJ") && !page.contains("BEGIN") && !page.contains("learner-42"));
    insta::assert_snapshot!(page);
}

#[test]
fn the_lms_guide_lists_every_refusal_with_its_status() {
    // Regression: the docs said refusals are 400 or 401, but a key set or store outage is a 503.
    let guide = include_str!("../../../docs/lms/README.md");
    for reason in Reason::ALL {
        let row = format!("| `{}` | {} |", reason.code(), reason.status().as_u16());
        assert!(
            guide.contains(&row),
            "docs/lms/README.md lacks the row {row}"
        );
    }
}
