//! The learner's record as the launch page shows it: plain data, filled by [`crate::progress`]
//! (which asks the institution's progress source) and rendered by [`crate::pages`].

use serde::{Deserialize, Serialize};
use stackway_core::interop::badges::{BadgeFormat, Verification};

/// One credential the learner holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub id: String,
    /// `YYYY-MM-DD` when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned: Option<String>,
}

/// An achievement of the learner's badges that matches no credential of the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnmatchedBadge {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The achievement's (or OB 2.0 badge class's) id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// What the launch page says about a badge answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadgeSummary {
    /// Always `self-reported`: signatures are not checked.
    pub verification: Verification,
    /// Formats found in the answer, in a fixed order.
    pub formats: Vec<BadgeFormat>,
    /// Achievements matched to a feed credential (several may fill the same credential).
    pub matched: usize,
    /// Achievements that match no feed credential.
    pub unmatched_count: usize,
    /// The first [`crate::progress::MAX_UNMATCHED_LISTED`] of them, in record order.
    pub unmatched: Vec<UnmatchedBadge>,
    /// Parts of the answer that could not be read and were ignored.
    pub warnings: usize,
}

/// Why the learner's progress is unavailable; the code is shown on the page and logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    /// The launch carries no identity the progress source knows the learner by.
    NoIdentity,
    /// The identity is `.` or `..`, which would turn the progress URL into another path.
    RefusedIdentity,
    /// The source could not be reached, timed out, or answered with an error status.
    SourceFailed,
    /// The answer is larger than [`crate::progress::MAX_BODY`].
    TooLarge,
    /// The answer is neither a held list nor a readable Open Badges / CLR document.
    InvalidRecord,
    /// The answer is badges, but the feed to match them against could not be fetched or read.
    FeedUnavailable,
}

impl Problem {
    /// The stable code on the launch page.
    pub fn code(self) -> &'static str {
        match self {
            Problem::NoIdentity => "progress-no-identity",
            Problem::RefusedIdentity => "progress-identity-refused",
            Problem::SourceFailed => "progress-source-failed",
            Problem::TooLarge => "progress-too-large",
            Problem::InvalidRecord => "progress-invalid-record",
            Problem::FeedUnavailable => "progress-feed-unavailable",
        }
    }
}

/// The outcome of asking the progress source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The platform has no progress source: the widget lets the learner plan on their own.
    NotConfigured,
    /// The learner's held credentials; `badges` when they were read from badges.
    Held {
        held: Vec<Held>,
        badges: Option<BadgeSummary>,
    },
    /// The source failed; the page says progress is unavailable rather than showing nothing held.
    Unavailable(Problem),
}
