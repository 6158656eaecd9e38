//! Any bytes: `parse_feed_bytes` must return (never panic, never hang), and a returned feed must
//! come with no diagnostics only when it is genuinely clean.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = stackway_core::parse_feed_bytes(data);
    if parsed.feed.is_none() {
        assert!(parsed.has_errors());
    }
});
