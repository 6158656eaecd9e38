//! Importing a generated 5,000-component CTDL pathway (target: ≤ 200 ms native), with the bare
//! JSON parse of the same text as the baseline measured in the same run.
//!
//! Run: `cargo bench -p stackway-interop --bench ctdl`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use stackway_interop::ctdl::import_text;

const COMPONENTS: usize = 5_000;
const CERTIFICATES: usize = 50;

/// A registry-shaped graph: one destination requiring 40 of 50 certificates, each certificate
/// requiring most of its ~99 courses through a condition, every course with a code, credits,
/// a bilingual name and a progression level.
fn generated_pathway() -> String {
    let iri = |i: usize| {
        format!(
            "https://credentialengineregistry.org/resources/ce-{i:08x}-0000-4000-8000-000000000000"
        )
    };
    let courses = COMPONENTS - CERTIFICATES - 1;
    let mut graph: Vec<Value> = Vec::with_capacity(COMPONENTS * 2);
    let certificate_iris: Vec<String> = (1..=CERTIFICATES).map(iri).collect();
    graph.push(json!({
        "@id": "urn:pathway", "@type": "ceterms:Pathway", "ceterms:name": {"en": "Generated", "fr": "Généré"},
        "ceterms:hasDestinationComponent": [iri(0)], "ceterms:hasChild": certificate_iris,
    }));
    graph.push(json!({"@id": "urn:level:1", "@type": "asn:ProgressionLevel", "skos:prefLabel": {"en": "Year 1"}}));
    graph.push(json!({"@id": "urn:level:2", "@type": "asn:ProgressionLevel", "skos:prefLabel": {"en": "Year 2"}}));
    graph.push(json!({
        "@id": iri(0), "@type": "ceterms:CredentialComponent", "ceterms:ctid": format!("ce-{:08x}-0000-4000-8000-000000000000", 0),
        "ceterms:name": {"en-US": "Generated degree"}, "ceterms:credentialType": "ceterms:BachelorDegree",
        "ceterms:hasCondition": ["_:top"],
    }));
    graph.push(
        json!({"@id": "_:top", "@type": "ceterms:ComponentCondition", "ceterms:requiredNumber": 40,
        "ceterms:targetComponent": certificate_iris}),
    );
    let per_certificate = courses / CERTIFICATES + 1;
    for c in 1..=CERTIFICATES {
        let first = CERTIFICATES + 1 + (c - 1) * per_certificate;
        let targets: Vec<String> = (first..(first + per_certificate).min(COMPONENTS))
            .map(iri)
            .collect();
        let n = targets.len().saturating_sub(5).max(1);
        graph.push(json!({
            "@id": iri(c), "@type": "ceterms:CredentialComponent", "ceterms:ctid": format!("ce-{c:08x}-0000-4000-8000-000000000000"),
            "ceterms:name": {"en": format!("Certificate {c}"), "fr": format!("Certificat {c}")},
            "ceterms:credentialType": "ceterms:Certificate", "ceterms:hasCondition": [format!("_:c{c}")],
        }));
        graph.push(json!({"@id": format!("_:c{c}"), "@type": "ceterms:ComponentCondition", "ceterms:name": "Courses",
            "ceterms:requiredNumber": n, "ceterms:targetComponent": targets}));
    }
    for i in (CERTIFICATES + 1)..COMPONENTS {
        graph.push(json!({
            "@id": iri(i), "@type": "ceterms:CourseComponent", "ceterms:ctid": format!("ce-{i:08x}-0000-4000-8000-000000000000"),
            "ceterms:name": {"en": format!("Course {i}"), "fr": format!("Cours {i}")},
            "ceterms:description": {"en": "A generated course for the benchmark."},
            "ceterms:codedNotation": format!("GEN-{i}"),
            "ceterms:creditValue": [{"@type": "ceterms:ValueProfile", "schema:value": 3}],
            "ceterms:subjectWebpage": format!("https://college.example.org/courses/{i}"),
            "ceterms:hasProgressionLevel": [if i % 2 == 0 { "urn:level:1" } else { "urn:level:2" }],
        }));
    }
    json!({"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": graph}).to_string()
}

fn bench(c: &mut Criterion) {
    let text = generated_pathway();
    let parsed = import_text(&text);
    let feed = parsed.feed.expect("the generated pathway imports");
    assert_eq!(feed.credentials.len(), COMPONENTS);
    let mut group = c.benchmark_group("ctdl");
    group.sample_size(20);
    group.bench_function("json_parse_baseline_5000", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&text)).map(|_| ()))
    });
    group.bench_function("import_5000_components", |b| {
        b.iter(|| import_text(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
