//! Parse + validate a generated feed of 10,000 credentials and 1,000 stackable credentials
//! (target: ≤ 50 ms native), with plain `serde_json` parsing of the same text as a baseline.
//!
//! Run: `cargo bench -p stackway-core --bench parse`

use std::fmt::Write;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use stackway_core::{parse_feed, Feed};

/// A feed with `micro` micro-credentials and `stackable` certificates, each certificate using
/// every requirement form over earlier credentials, plus skills, equivalences and pathways.
fn generated_feed(micro: usize, stackable: usize) -> String {
    let mut out = String::from(
        r#"{"stackway":1,"id":"bench","languages":["en","fr"],"provider":{"id":"college","name":{"en":"College","fr":"Collège"},"url":"https://college.example.ca"},"skills":["#,
    );
    for s in 0..50 {
        let sep = if s == 0 { "" } else { "," };
        let _ = write!(
            out,
            r#"{sep}{{"id":"skill-{s}","name":{{"en":"Skill {s}","fr":"Compétence {s}"}}}}"#
        );
    }
    out.push_str(r#"],"credentials":["#);
    for i in 0..micro {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            out,
            r#"{sep}{{"id":"mc-{i}","kind":"micro-credential","title":{{"en":"Micro-credential {i}","fr":"Microcertification {i}"}},"summary":{{"en":"Summary","fr":"Résumé"}},"url":"https://college.example.ca/mc/{i}","hours":30,"credits":{c},"weeks":4,"cost":{{"amount":450,"currency":"CAD"}},"delivery":["online","hybrid"],"skills":["skill-{s}"],"badge":{{"achievement":"https://badges.example.ca/mc-{i}"}}{pre}}}"#,
            c = 1 + i % 3,
            s = i % 50,
            pre = if i % 10 == 9 {
                format!(r#","prerequisites":"mc-{}""#, i - 1)
            } else {
                String::new()
            },
        );
    }
    for j in 0..stackable {
        let b = (j * 7) % (micro - 8);
        let ladder = if j > 0 && j % 5 == 0 {
            format!(r#","cert-{}""#, j - 1)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#",{{"id":"cert-{j}","kind":"certificate","title":{{"en":"Certificate {j}","fr":"Certificat {j}"}},"credits":6,"requires":{{"all":["mc-{b}",{{"any":["mc-{b1}","mc-{b2}"]}},{{"choose":1,"from":["mc-{b3}",{{"all":["mc-{b4}","mc-{b5}"]}}]}},{{"credits":3,"from":["mc-{b5}","mc-{b6}","mc-{b7}"],"label":{{"en":"Electives","fr":"Cours au choix"}}}}{ladder}]}}}}"#,
            b1 = b + 1,
            b2 = b + 2,
            b3 = b + 3,
            b4 = b + 4,
            b5 = b + 5,
            b6 = b + 6,
            b7 = b + 7,
        );
    }
    out.push_str(r#"],"equivalences":[{"holding":["mc-1"],"counts_as":"mc-2","toward":["cert-0"]}],"pathways":[{"id":"p","title":"Route","goal":"cert-1","steps":["mc-7","mc-8"]}]}"#);
    out
}

fn bench(c: &mut Criterion) {
    let text = generated_feed(10_000, 1_000);
    // The benchmark is meaningless if the feed is not clean: check it once, loudly.
    let parsed = parse_feed(&text);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}",
        parsed.diagnostics.first()
    );
    assert_eq!(
        parsed.feed.as_ref().map(|f| f.credentials.len()),
        Some(11_000)
    );

    let mut group = c.benchmark_group("parse");
    group.sample_size(30);
    group.bench_function("parse_feed 10k credentials + 1k stackable", |b| {
        b.iter(|| parse_feed(black_box(&text)))
    });
    group.bench_function("json::read only (positioned tree, no validation)", |b| {
        b.iter(|| stackway_core::json::read(black_box(&text)).is_ok())
    });
    group.bench_function(
        "baseline: serde_json::from_str::<Feed> (no validation)",
        |b| b.iter(|| serde_json::from_str::<Feed>(black_box(&text)).ok()),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
