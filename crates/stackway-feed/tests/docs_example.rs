//! The complete example in docs/feed-format.md must read and validate with no diagnostic.

use stackway_feed::parse_feed;

const FEED_FORMAT_DOC: &str = include_str!("../../../docs/feed-format.md");

#[test]
fn documentation_example_validates_clean() {
    let after = FEED_FORMAT_DOC
        .split("## Complete example")
        .nth(1)
        .expect("a `## Complete example` section");
    let block = after.split("```json\n").nth(1).expect("a json block");
    let example = block.split("\n```").next().unwrap();
    let parsed = parse_feed(example);
    assert_eq!(parsed.diagnostics, vec![]);
    let feed = parsed.feed.unwrap();
    assert!(feed.credentials.iter().any(|c| c.is_stackable()));
}
