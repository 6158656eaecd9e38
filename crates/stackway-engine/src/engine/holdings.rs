//! A record resolved against a catalog: which credentials count as held at the evaluation date.

use crate::catalog::{Catalog, CredIx};
use crate::date::Date;
use crate::record::Record;

/// A held credential that no longer counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    pub earned: Date,
    pub expired_on: Date,
}

/// The record, resolved.
#[derive(Debug, Clone)]
pub struct Holdings {
    /// Per credential: held and unexpired, or planned.
    pub held: Vec<bool>,
    /// Held credentials that expired (and are not held again unexpired or planned), each once,
    /// in record order. A list, not a map: a learner's record has a handful of them.
    pub expired: Vec<(CredIx, Expiry)>,
    /// Record ids (held or planned) the feed does not define, in record order.
    pub unknown: Vec<String>,
    /// Known credentials mentioned by the record (held, expired or planned), in record order.
    pub mentioned: Vec<CredIx>,
}

impl Holdings {
    /// Resolves `record` at its `as_of` date.
    pub fn new(cat: &Catalog, record: &Record) -> Holdings {
        let mut h = Holdings {
            held: vec![false; cat.len()],
            expired: Vec::new(),
            unknown: Vec::new(),
            mentioned: Vec::new(),
        };
        let note = |h: &mut Holdings, id: &str| -> Option<CredIx> {
            match cat.index_of(id) {
                Some(c) => {
                    if !h.mentioned.contains(&c) {
                        h.mentioned.push(c);
                    }
                    Some(c)
                }
                None => {
                    if !h.unknown.iter().any(|u| u == id) {
                        h.unknown.push(id.to_owned());
                    }
                    None
                }
            }
        };
        for held in &record.held {
            let Some(c) = note(&mut h, &held.id) else {
                continue;
            };
            let valid = cat.credential(c).and_then(|c| c.valid_years);
            let expiry = match (held.earned, valid, record.as_of) {
                (Some(earned), Some(years), Some(as_of)) if years.is_finite() && years > 0.0 => {
                    let expired_on = earned.add_years(years);
                    (as_of >= expired_on).then_some(Expiry { earned, expired_on })
                }
                _ => None,
            };
            match expiry {
                Some(e) => {
                    if !h.held[c as usize] {
                        // A later entry for the same credential replaces the earlier one.
                        match h.expired.iter_mut().find(|(x, _)| *x == c) {
                            Some(slot) => slot.1 = e,
                            None => h.expired.push((c, e)),
                        }
                    }
                }
                None => {
                    h.held[c as usize] = true;
                    h.expired.retain(|&(x, _)| x != c);
                }
            }
        }
        for id in &record.planned {
            if let Some(c) = note(&mut h, id) {
                h.held[c as usize] = true;
                h.expired.retain(|&(x, _)| x != c);
            }
        }
        h
    }

    /// When `c` expired, if it is held but expired.
    pub fn expiry(&self, c: CredIx) -> Option<&Expiry> {
        self.expired.iter().find(|(x, _)| *x == c).map(|(_, e)| e)
    }

    /// Whether `c` counts as held (unexpired or planned).
    pub fn is_held(&self, c: CredIx) -> bool {
        self.held.get(c as usize).copied().unwrap_or(false)
    }
}
