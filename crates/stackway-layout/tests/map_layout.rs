//! The pathway map's layout on the feeds learners see: the bundled sample, a generated
//! 60-credential pathway and a 2-credential one. Counts crossings and checks that no line passes
//! through a box or lies on top of another, with the layout's independent geometry checks.
//!
//! Titles are wrapped as the widget wraps them (three lines at most, at the narrowest common
//! width that allows it), with a character-width estimate standing in for the browser's font.

use stackway_feed::bench_support::map_feed;
use stackway_feed::{parse_feed, Feed};
use stackway_layout::{check, wrap, Layout, LayoutOptions, MapGraph, Size};

const SAMPLE: &str = include_str!("../../../www/feeds/sample.json");
const SIXTY: &str = include_str!("../../../tests/fixtures/map-sixty-feed.json");
const TWO: &str = include_str!("../../../tests/fixtures/map-two-feed.json");

/// Width of `text` at 14 px in a common sans-serif, from the width classes of its characters.
fn estimate(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            let em = match c {
                'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '’' | '\'' => {
                    0.3
                }
                'm' | 'w' | 'M' | 'W' => 0.85,
                ' ' => 0.28,
                c if c.is_uppercase() => 0.68,
                _ => 0.56,
            };
            em * 14.0
        })
        .sum()
}

/// Box sizes as the widget makes them: 152 px of text (wider when a title needs it to stay
/// within three lines), 18 px per title line, room for the status line and padding.
fn boxes(feed: &Feed, lang: &str) -> Vec<Size> {
    let titles: Vec<&str> = feed
        .credentials
        .iter()
        .map(|c| c.title.get(lang, "en"))
        .collect();
    let mut measure = |s: &str| estimate(s);
    let width = titles
        .iter()
        .map(|t| wrap::fitting_width(t, 3, 152.0, 296.0, &mut measure))
        .fold(152.0, f64::max);
    titles
        .iter()
        .map(|t| Size {
            width: width + 24.0,
            height: 40.0 + 18.0 * wrap::wrap(t, width, &mut measure).len() as f64,
        })
        .collect()
}

fn laid_out(feed: &Feed, lang: &str) -> (MapGraph, Layout) {
    let graph = MapGraph::from_feed(feed);
    let layout = graph.layout(&boxes(feed, lang), &LayoutOptions::default());
    (graph, layout)
}

fn parsed(text: &str) -> Feed {
    let parsed = parse_feed(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.feed.expect("the feed reads")
}

/// What every map must satisfy; returns the crossings.
fn assert_readable(feed: &Feed, lang: &str) -> usize {
    let (graph, layout) = laid_out(feed, lang);
    let through = check::lines_through_boxes(&layout);
    assert!(
        through.is_empty(),
        "{lang}: lines through boxes {through:?}"
    );
    let groups: Vec<usize> = graph
        .edges
        .iter()
        .map(|e| e.to * 2 + e.kind.class() as usize)
        .collect();
    let overlaps = check::overlapping_lines(&layout.edges, &groups, 1.0);
    assert!(
        overlaps.is_empty(),
        "{lang}: lines on top of each other {overlaps:?}"
    );
    let crossings = check::crossings(&layout.edges, &layout.junctions);
    assert_eq!(layout.crossings, crossings);
    for (e, line) in graph.edges.iter().zip(&layout.edges) {
        assert!(line.len() >= 2, "{lang}: {e:?} is not drawn");
    }
    crossings
}

#[test]
fn the_sample_feed_draws_with_few_crossings() {
    let feed = parsed(SAMPLE);
    // The layered layout before the orthogonal router drew this feed with 81 crossings
    // (counted by `check::crossings` on its straight segments, boxes 200 px wide).
    for lang in ["en", "fr"] {
        let crossings = assert_readable(&feed, lang);
        assert!(crossings <= 36, "{lang}: {crossings} crossings");
    }
}

#[test]
fn a_sixty_credential_pathway_draws_with_few_crossings() {
    let feed = map_feed();
    assert_eq!(feed.credentials.len(), 60);
    // The layered layout before the orthogonal router: 108 crossings.
    for lang in ["en", "fr"] {
        let crossings = assert_readable(&feed, lang);
        assert!(crossings <= 64, "{lang}: {crossings} crossings");
    }
}

#[test]
fn a_two_credential_pathway_is_one_straight_arrow() {
    let feed = parsed(TWO);
    assert_eq!(assert_readable(&feed, "en"), 0);
    let (_, layout) = laid_out(&feed, "en");
    assert_eq!(layout.edges[0].len(), 2);
    assert_eq!(layout.columns.len(), 2);
}

/// The end-to-end fixture is exactly the generated feed, so the browser draws what this test
/// checks. `UPDATE_FIXTURES=1 cargo test -p stackway-layout --test map_layout` rewrites it.
#[test]
fn the_sixty_credential_fixture_is_the_generated_feed() {
    let generated = map_feed();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/map-sixty-feed.json"
        );
        let json = serde_json::to_string_pretty(&generated).expect("a feed serializes");
        std::fs::write(path, json + "\n").expect("the fixture is writable");
        return;
    }
    assert_eq!(parsed(SIXTY), generated);
}
