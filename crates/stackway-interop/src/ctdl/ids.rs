//! Stable feed ids for CTDL nodes: the CTID when there is one, else a slug of the `@id`.

use std::collections::HashSet;

pub use crate::validate::ids::is_valid_id;

/// Hands out unique ids within one namespace (credentials, pathways or institutions).
#[derive(Default)]
pub(crate) struct IdAllocator {
    used: HashSet<String>,
}

impl IdAllocator {
    /// The id for a node: its CTID lowercased if that is a valid id, else a slug of the last
    /// segment of its `@id`, else a hash of the `@id`; made unique with `-2`, `-3`, ….
    pub fn allocate(&mut self, ctid: Option<&str>, node_id: &str) -> String {
        let base = ctid
            .map(|c| c.trim().to_ascii_lowercase())
            .filter(|c| is_valid_id(c))
            .or_else(|| slug(last_segment(node_id)))
            .unwrap_or_else(|| format!("n-{:016x}", fnv1a(node_id)));
        let mut candidate = base.clone();
        let mut n = 2u32;
        while self.used.contains(&candidate) {
            let suffix = format!("-{n}");
            let keep = 64usize.saturating_sub(suffix.len());
            let stem: String = base.chars().take(keep).collect();
            candidate = format!("{stem}{suffix}");
            n = n.saturating_add(1);
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

/// The part of an IRI or blank-node id after its last `/`, `#` or `:`.
pub(crate) fn last_segment(id: &str) -> &str {
    let trimmed = id.trim_end_matches(['/', '#']);
    trimmed.rsplit(['/', '#', ':']).next().unwrap_or(trimmed)
}

/// Lowercases and replaces characters a feed id cannot hold; `None` if nothing usable is left.
fn slug(s: &str) -> Option<String> {
    let mapped: String = s
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = mapped.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let out: String = trimmed.chars().take(64).collect();
    is_valid_id(&out).then_some(out)
}

/// FNV-1a, a fixed and portable hash, so derived ids are the same on every platform.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_ctid_then_slug_then_hash_and_stays_unique() {
        let mut ids = IdAllocator::default();
        let ctid = "CE-0B8D2F7A-1C3E-4F5A-9B6C-7D8E9F0A1B2C";
        assert_eq!(ids.allocate(Some(ctid), "x"), ctid.to_ascii_lowercase());
        assert_eq!(
            ids.allocate(None, "https://example.org/Course/BUS 101"),
            "bus-101"
        );
        assert_eq!(ids.allocate(None, "_:BUS 101"), "bus-101-2");
        let hashed = ids.allocate(None, "https://example.org/%%%/");
        assert!(hashed.starts_with("n-") && is_valid_id(&hashed), "{hashed}");
        assert!(!is_valid_id("-a") && !is_valid_id("") && !is_valid_id(&"a".repeat(65)));
    }
}
