//! Parses the parse benchmark's feed (10,000 + 1,000 credentials) `n` times (default 3): a
//! workload for instruction counts, which, unlike wall-clock time, do not move with the load of a
//! shared machine (docs/benchmarks.md, "Feed parsing and validation"):
//!
//! ```sh
//! cargo build --release -p stackway-feed --example parse_repeat
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/parse_repeat 1
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/parse_repeat 3
//! ```
//!
//! One parse is half the difference of the two counts.

use stackway_feed::bench_support::parse_feed_text;
use stackway_feed::parse_feed;

fn main() {
    let text = parse_feed_text(10_000, 1_000);
    let times: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let mut diagnostics = 0;
    for _ in 0..times {
        diagnostics += parse_feed(std::hint::black_box(&text)).diagnostics.len();
    }
    assert_eq!(diagnostics, 0, "the benchmark feed must be clean");
}
