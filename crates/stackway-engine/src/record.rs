//! A learner's record: the credentials they hold (with the date earned, when known), the ones
//! they plan to take (what-if), and the date at which to evaluate it.
//!
//! The core does no I/O, so "today" is never read from a clock here: the caller sets `as_of`.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// One credential the learner holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCredential {
    /// Credential id in the feed.
    pub id: String,
    /// When it was earned; without a date it never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned: Option<Date>,
}

/// A learner record: what is held, what is planned, and when to evaluate it.
///
/// Serialises as `{"held": [{"id", "earned"}], "planned": [ids], "as_of": "YYYY-MM-DD"}`; every
/// field is optional when reading, so the LTI progress source can send just `{"held": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Credentials held, in the order the learner listed them.
    #[serde(default)]
    pub held: Vec<HeldCredential>,
    /// Credentials the learner plans to take (what-if): treated as held, without a date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned: Vec<String>,
    /// The evaluation date ("today", supplied by the caller). Without it nothing expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
}

impl Record {
    /// An empty record evaluated at `as_of`.
    pub fn new(as_of: Option<Date>) -> Record {
        Record {
            held: Vec::new(),
            planned: Vec::new(),
            as_of,
        }
    }

    /// Adds a held credential (builder style).
    pub fn with_held(mut self, id: impl Into<String>, earned: Option<Date>) -> Record {
        self.held.push(HeldCredential {
            id: id.into(),
            earned,
        });
        self
    }

    /// Adds a planned credential (builder style).
    pub fn with_planned(mut self, id: impl Into<String>) -> Record {
        self.planned.push(id.into());
        self
    }

    /// Whether `id` is held (expired or not) or planned.
    pub fn mentions(&self, id: &str) -> bool {
        self.held.iter().any(|h| h.id == id) || self.planned.iter().any(|p| p == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lti_progress_shape() {
        let r: Record =
            serde_json::from_str(r#"{"held":[{"id":"a","earned":"2024-05-01"},{"id":"b"}]}"#)
                .unwrap();
        assert_eq!(r.held.len(), 2);
        assert_eq!(r.held[0].earned, Date::parse("2024-05-01"));
        assert_eq!(r.held[1].earned, None);
        assert!(r.planned.is_empty());
        let back = serde_json::to_string(&r).unwrap();
        assert_eq!(
            back,
            r#"{"held":[{"id":"a","earned":"2024-05-01"},{"id":"b"}]}"#
        );
    }

    #[test]
    fn rejects_bad_dates() {
        assert!(
            serde_json::from_str::<Record>(r#"{"held":[{"id":"a","earned":"2024-13-01"}]}"#)
                .is_err()
        );
    }
}
