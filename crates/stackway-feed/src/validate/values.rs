//! Rules for single values: URLs, currency codes, language tags.

/// Active ISO 4217 currency codes (including funds and precious-metal codes; excluding the test
/// code XTS and the "no currency" code XXX), sorted for binary search.
pub const CURRENCY_CODES: [&str; 177] = [
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE",
    "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
    "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
    "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
    "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
    "XPF", "XPT", "XSU", "XUA", "YER", "ZAR", "ZMW", "ZWG",
];

/// Whether `code` is an active ISO 4217 currency code (exact, upper case).
pub fn is_currency_code(code: &str) -> bool {
    // Three bytes as one number: the sorted list is also sorted by this key.
    let key = |c: &str| match c.as_bytes() {
        &[a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    };
    let Some(wanted) = key(code) else {
        return false;
    };
    CURRENCY_CODES
        .binary_search_by_key(&Some(wanted), |c| key(c))
        .is_ok()
}

/// Why a URL is not acceptable, or `None` when it is an absolute http(s) URL with a host.
pub fn url_problem(url: &str) -> Option<&'static str> {
    let has_scheme = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    };
    let rest = if has_scheme("https://") {
        url.get(8..)
    } else if has_scheme("http://") {
        url.get(7..)
    } else {
        return Some("only absolute http:// or https:// URLs are allowed");
    };
    let rest = rest.unwrap_or("");
    // One pass over the bytes: anything outside printable ASCII needs the character check
    // below; the host ends at the first `/`, `?` or `#` (ASCII, so byte positions are char
    // boundaries), and user information before its last `@` is not part of it.
    let mut unusual = false;
    let mut end = None;
    let mut at = None;
    for (i, b) in rest.bytes().enumerate() {
        if b <= b' ' || b >= 0x7f {
            unusual = true;
        }
        if end.is_none() {
            match b {
                b'/' | b'?' | b'#' => end = Some(i),
                b'@' => at = Some(i),
                _ => {}
            }
        }
    }
    let suspicious = |c: char| c.is_whitespace() || c.is_control();
    // The scheme is ASCII: the rest holds every byte outside printable ASCII.
    if unusual && url.chars().any(suspicious) {
        return Some("URLs cannot contain spaces or control characters");
    }
    let end = end.unwrap_or(rest.len());
    let host = match at {
        Some(at) => rest.get(at + 1..end),
        None => rest.get(..end),
    }
    .unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Some("the URL has no host name");
    }
    None
}

/// Whether `tag` looks like a BCP 47 language tag (`en`, `fr-CA`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies() {
        assert!(is_currency_code("CAD"));
        assert!(is_currency_code("EUR"));
        assert!(!is_currency_code("cad"));
        assert!(!is_currency_code("XYZ"));
        assert!(!is_currency_code("XXX"));
    }

    #[test]
    fn urls() {
        assert_eq!(
            url_problem("https://example.org/a b"),
            Some("URLs cannot contain spaces or control characters")
        );
        assert!(url_problem("https://example.org/x?y#z").is_none());
        assert!(url_problem("HTTP://example.org").is_none());
        assert!(url_problem("javascript:alert(1)").is_some());
        assert!(url_problem("/relative").is_some());
        assert!(url_problem("https://").is_some());
        assert!(url_problem("ftp://example.org").is_some());
        assert!(url_problem("https://user@example.org/a@b").is_none());
        assert!(url_problem("https://user@/x").is_some());
        assert!(url_problem("https://a@b@:80").is_some());
        assert!(url_problem("https://a@b@c?d@").is_none());
        assert!(url_problem("https://exa\u{a0}mple.org").is_some());
        assert!(url_problem("https://例え.jp/パス").is_none());
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("fr-CA"));
        assert!(!is_language_tag("e"));
        assert!(!is_language_tag("en_CA"));
        assert!(!is_language_tag(""));
    }
}
