//! The id rule of feed format v1: `^[a-z0-9][a-z0-9._-]{0,63}$`, checked by hand so that the
//! widget does not carry a regex engine.

/// The id pattern, as published in the JSON Schema.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,63}$";

/// Whether `id` is a valid feed id.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return false;
    };
    let start_ok = first.is_ascii_lowercase() || first.is_ascii_digit();
    start_ok
        && rest.len() <= 63
        && rest.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        assert!(is_valid_id("a"));
        assert!(is_valid_id("data-sql.v2_x"));
        assert!(is_valid_id(&"a".repeat(64)));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id(".a"));
        assert!(!is_valid_id("Data"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("café"));
    }
}
