//! Any bytes given to the interop readers (a CTDL pathway or a feed through `read_feed_text`,
//! a learner's badges through `read_badges`): they must return (never panic, never hang), and a
//! CTDL document they could read must become a feed the validator accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackway_core::interop::{badges::read_badges, detect::read_feed_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = read_feed_text(&text);
    if let Some(feed) = &parsed.feed {
        let _ = read_badges(feed, &text);
    }
});
