//! The bundled sample feed (the demo's default) must be perfectly clean and complete.

use stackway_core::{parse_feed, Kind, Requirement};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");

#[test]
fn sample_feed_has_no_diagnostic_at_all() {
    let parsed = parse_feed(SAMPLE);
    assert_eq!(parsed.diagnostics, vec![], "the sample feed must be clean");
    assert!(parsed.feed.is_some());
}

#[test]
fn sample_feed_meets_the_content_brief() {
    let feed = parse_feed(SAMPLE).feed.expect("sample feed reads");
    assert_eq!(feed.languages, ["en", "fr"]);
    let micro: Vec<_> = feed
        .credentials
        .iter()
        .filter(|c| c.kind == Kind::MicroCredential)
        .collect();
    assert!(micro.len() >= 30, "{} micro-credentials", micro.len());
    let fields: std::collections::BTreeSet<&str> = micro
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
    let stackable: Vec<_> = feed
        .credentials
        .iter()
        .filter(|c| c.is_stackable())
        .collect();
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
    // Every requirement form, nesting, and a ladder (a stackable credential inside another).
    let mut forms = std::collections::BTreeSet::new();
    let mut nested = false;
    fn walk(
        r: &Requirement,
        depth: usize,
        forms: &mut std::collections::BTreeSet<&'static str>,
        nested: &mut bool,
    ) {
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
    for url in SAMPLE.split('"').filter(|s| s.starts_with("http")) {
        let host = url.split('/').nth(2).unwrap_or("");
        assert!(
            host.split('.').any(|part| part == "example"),
            "non-example URL {url}"
        );
    }
}
