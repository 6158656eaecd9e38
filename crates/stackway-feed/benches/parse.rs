//! Parse + validate a generated feed of 10,000 credentials and 1,000 stackable credentials
//! (target: ≤ 50 ms native), with plain `serde_json` parsing of the same text as a baseline.
//!
//! Run: `cargo bench -p stackway-feed --bench parse`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use stackway_feed::bench_support::parse_feed_text;
use stackway_feed::{parse_feed, Feed};

fn bench(c: &mut Criterion) {
    let text = parse_feed_text(10_000, 1_000);
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
        b.iter(|| stackway_feed::json::read(black_box(&text)).is_ok())
    });
    group.bench_function(
        "baseline: serde_json::from_str::<Feed> (no validation)",
        |b| b.iter(|| serde_json::from_str::<Feed>(black_box(&text)).ok()),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
