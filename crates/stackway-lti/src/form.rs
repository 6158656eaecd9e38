//! Small helpers for what browsers send: form bodies and query strings, cookies, and the random
//! tokens the tool hands out (states, nonces, tickets, registration links).

use std::collections::HashMap;

use axum::http::{header, HeaderMap};

/// 32 random bytes, base64url: states, nonces, tickets and registration links.
pub fn random_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Parses an `application/x-www-form-urlencoded` body or query string; later duplicates are ignored.
pub fn parse_form(bytes: &[u8]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (key, value) in url::form_urlencoded::parse(bytes) {
        map.entry(key.into_owned())
            .or_insert_with(|| value.into_owned());
    }
    map
}

/// The value of the cookie `name`, from every `Cookie` header of the request.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then(|| value.to_string())
        })
}
