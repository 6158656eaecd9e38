//! A small base64url decoder for the payload of compact JWTs.
//!
//! Hand-written rather than a crate because the widget links this code and every kilobyte of Wasm
//! counts; decoding (no encoding) is all that is needed. The standard alphabet (`+`, `/`) and `=`
//! padding are accepted too, because hand-made tokens often carry them.

/// Decodes base64url (or standard base64) text; `None` if it contains anything else.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4 + 1);
    let mut buffer: u32 = 0;
    let mut bits: u32 = 0;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    // A single leftover character (6 bits) cannot encode a byte: the text was truncated.
    if bits >= 6 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_known_vectors() {
        assert_eq!(decode("").unwrap(), b"");
        assert_eq!(decode("Zg").unwrap(), b"f");
        assert_eq!(decode("Zm8").unwrap(), b"fo");
        assert_eq!(decode("Zm9v").unwrap(), b"foo");
        assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
        assert_eq!(decode("eyJhIjoiYj8_In0").unwrap(), br#"{"a":"b??"}"#);
        assert_eq!(decode("eyJhIjoiYj8/In0").unwrap(), br#"{"a":"b??"}"#);
    }

    #[test]
    fn rejects_foreign_characters_and_truncation() {
        assert!(decode("Zm9v!").is_none());
        assert!(decode("Z").is_none());
        assert!(decode("Zm9vY").is_none());
    }
}
