//! The bundled sample feed (the demo's default) must be perfectly clean and complete.

use std::collections::BTreeSet;

use stackway_feed::{parse_feed, Credential, Feed, Kind, Requirement};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");

#[test]
fn sample_feed_has_no_diagnostic_at_all() {
    let parsed = parse_feed(SAMPLE);
    assert_eq!(parsed.diagnostics, vec![], "the sample feed must be clean");
    assert!(parsed.feed.is_some());
}

// The content brief, one part per test.

/// The sample feed, read.
fn sample() -> Feed {
    parse_feed(SAMPLE).feed.expect("sample feed reads")
}

/// The sample's stackable credentials.
fn stackable(feed: &Feed) -> Vec<&Credential> {
    feed.credentials
        .iter()
        .filter(|c| c.is_stackable())
        .collect()
}

#[test]
fn sample_feed_has_thirty_complete_bilingual_micro_credentials_in_three_fields() {
    let feed = sample();
    assert_eq!(feed.languages, ["en", "fr"]);
    let micro: Vec<_> = feed
        .credentials
        .iter()
        .filter(|c| c.kind == Kind::MicroCredential)
        .collect();
    assert!(micro.len() >= 30, "{} micro-credentials", micro.len());
    let fields: BTreeSet<&str> = micro
        .iter()
        .flat_map(|c| c.tags.iter().map(String::as_str))
        .collect();
    assert!(fields.len() >= 3, "fields: {fields:?}");
    for c in &micro {
        assert!(
            c.hours.is_some() && c.credits.is_some() && c.weeks.is_some(),
            "{}",
            c.id
        );
        assert_eq!(
            c.cost.as_ref().map(|c| c.currency.as_str()),
            Some("CAD"),
            "{}",
            c.id
        );
        assert!(
            !c.delivery.is_empty() && !c.skills.is_empty() && !c.outcomes.is_empty(),
            "{}",
            c.id
        );
        assert!(
            c.assessment.is_some() && !c.employers.is_empty() && c.badge.is_some(),
            "{}",
            c.id
        );
        assert!(c.title.has_lang("en") && c.title.has_lang("fr"), "{}", c.id);
    }
}

#[test]
fn sample_feed_has_every_kind_of_stackable_credential() {
    let feed = sample();
    let stackable = stackable(&feed);
    assert!(stackable.len() >= 6);
    for kind in [
        Kind::Certificate,
        Kind::GraduateCertificate,
        Kind::Diploma,
        Kind::AdvancedDiploma,
        Kind::Degree,
    ] {
        assert!(
            stackable.iter().any(|c| c.kind == kind),
            "no stackable {kind:?}"
        );
    }
}

/// Adds to `forms` the form of `r` and of every requirement inside it, and sets `nested` when
/// a group stands inside a group (`depth` counts from 1 at a credential's requirement).
fn walk(r: &Requirement, depth: usize, forms: &mut BTreeSet<&'static str>, nested: &mut bool) {
    let name = match r {
        Requirement::Credential(_) => "id",
        Requirement::All { .. } => "all",
        Requirement::Any { .. } => "any",
        Requirement::Choose { .. } => "choose",
        Requirement::Credits { .. } => "credits",
    };
    forms.insert(name);
    if depth >= 2 && name != "id" {
        *nested = true;
    }
    if let Requirement::All { all: c, .. }
    | Requirement::Any { any: c, .. }
    | Requirement::Choose { from: c, .. } = r
    {
        for child in c {
            walk(child, depth + 1, forms, nested);
        }
    }
}

#[test]
fn sample_feed_uses_every_requirement_form_nesting_and_a_ladder() {
    let feed = sample();
    let stackable = stackable(&feed);
    let mut forms = BTreeSet::new();
    let mut nested = false;
    for c in &stackable {
        walk(c.requires.as_ref().unwrap(), 1, &mut forms, &mut nested);
    }
    assert_eq!(forms.len(), 5, "forms used: {forms:?}");
    assert!(nested, "a group nested inside a group");
    let ladder = stackable.iter().any(|c| {
        c.requires
            .as_ref()
            .unwrap()
            .referenced_ids()
            .iter()
            .any(|id| {
                feed.credential(id)
                    .is_some_and(|inner| inner.kind == Kind::Certificate && inner.is_stackable())
            })
            && c.kind == Kind::Diploma
    });
    assert!(ladder, "a certificate that counts into a diploma");
}

#[test]
fn sample_feed_has_prerequisites_prior_learning_partners_and_pathways() {
    let feed = sample();
    assert!(feed.credentials.iter().any(|c| c.prerequisites.is_some()));
    assert!(feed
        .credentials
        .iter()
        .any(|c| c.kind == Kind::PriorLearning));
    assert!(!feed.institutions.is_empty());
    let transfer = feed.equivalences.iter().any(|e| {
        e.holding
            .iter()
            .any(|h| feed.credential(h).is_some_and(|c| c.provider.is_some()))
    });
    assert!(
        transfer,
        "a credit-transfer equivalence from a partner institution"
    );
    assert!(feed.pathways.len() >= 3);
}

#[test]
fn sample_feed_links_only_to_example_domains() {
    for url in SAMPLE.split('"').filter(|s| s.starts_with("http")) {
        let host = url.split('/').nth(2).unwrap_or("");
        assert!(
            host.split('.').any(|part| part == "example"),
            "non-example URL {url}"
        );
    }
}
