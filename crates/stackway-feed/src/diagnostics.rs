//! Diagnostics: what validation found wrong with a feed, and where.
//!
//! Every diagnostic carries a [`Code`]: one enum for every code the core reports (the feed
//! reader and validator, the CTDL importer, the badge reader), so that a typo in a code is a
//! compile error and the full list is in one place. Each code's text (`Code::as_str`) is
//! stable: it is what JSON outputs, the widget's and the studio's translations and the docs'
//! tables (`docs/feed-format.md`, `docs/interop.md`) use, and `tests/diagnostic_codes.rs` checks
//! that each is unique, round-trips and is documented.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The feed cannot be used as intended; `stackway check` exits 1.
    Error,
    /// Probably a mistake (a typo'd key, a missing translation), but the feed still works.
    Warning,
}

impl Severity {
    /// The name used in JSON output: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Declares [`Code`] with its stable texts, written once so that the variant list, `as_str`,
/// `parse` and `ALL` cannot disagree.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $text:literal,)+) => {
        /// The stable code of a diagnostic. Its text ([`Code::as_str`], e.g. `unknown-credential`)
        /// is what every JSON output writes and what translations are keyed by; it never changes
        /// for an existing code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, in declaration order (grouped by who reports it).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable text of the code, e.g. `unknown-credential`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)+
                }
            }

            /// The code written as `text`, if there is one.
            pub fn parse(text: &str) -> Option<Code> {
                match text {
                    $($text => Some(Code::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes! {
    // The JSON reader (json.rs, parse.rs).
    /// Not JSON; line and column say where reading stopped.
    InvalidJson = "invalid-json",
    /// The bytes are not UTF-8 text.
    InvalidUtf8 = "invalid-utf8",
    /// The input is over 20 MiB.
    InputTooLarge = "input-too-large",
    /// Arrays and objects nested deeper than 64 levels.
    NestingTooDeep = "nesting-too-deep",

    // The feed validator (validate/).
    /// No `"stackway"` key.
    MissingVersion = "missing-version",
    /// `"stackway"` is not `1`.
    UnsupportedVersion = "unsupported-version",
    /// A required field is absent.
    MissingField = "missing-field",
    /// A value has the wrong JSON type.
    WrongType = "wrong-type",
    /// `kind` is not one of the kinds (the credential is dropped).
    UnknownKind = "unknown-kind",
    /// A delivery mode other than `online`, `in-person`, `hybrid`.
    UnknownDelivery = "unknown-delivery",
    /// An id already used in the same list (the later one is dropped).
    DuplicateId = "duplicate-id",
    /// An id breaks the id rule.
    InvalidId = "invalid-id",
    /// An entry of `languages` is not a language tag.
    InvalidLanguage = "invalid-language",
    /// A reference to no credential.
    UnknownCredential = "unknown-credential",
    /// A credential's `skills` names no skill.
    UnknownSkill = "unknown-skill",
    /// A credential's `provider` names no institution.
    UnknownInstitution = "unknown-institution",
    /// A cycle through `requires`.
    RequiresCycle = "requires-cycle",
    /// A cycle through `prerequisites`.
    PrerequisitesCycle = "prerequisites-cycle",
    /// A group object without exactly one of `all`, `any`, `choose`, `credits`.
    InvalidRequirement = "invalid-requirement",
    /// `choose` asks for more items than its list has.
    ChooseTooLarge = "choose-too-large",
    /// A `credits` group asks for more credits than its list can give.
    CreditsUnreachable = "credits-unreachable",
    /// A group inside a `credits` list (ids only).
    NestedGroupInCredits = "nested-group-in-credits",
    /// A negative, zero, fractional or implausibly large number.
    NumberOutOfRange = "number-out-of-range",
    /// Not an active ISO 4217 currency code.
    InvalidCurrency = "invalid-currency",
    /// Not a real `YYYY-MM-DD` date.
    InvalidDate = "invalid-date",
    /// Not an absolute http(s) URL.
    InvalidUrl = "invalid-url",
    /// An empty list (an error where content is required, a warning elsewhere).
    EmptyList = "empty-list",
    /// A Text object with no language in it.
    EmptyText = "empty-text",
    /// A key the format does not define.
    UnknownKey = "unknown-key",
    /// The same key twice in one object (the first is used).
    DuplicateKey = "duplicate-key",
    /// A language declared twice.
    DuplicateLanguage = "duplicate-language",
    /// A Text object lacks one of the declared languages.
    MissingTranslation = "missing-translation",

    // The CTDL importer (interop/ctdl/).
    /// The document has no pathway or pathway component to import.
    CtdlEmpty = "ctdl-empty",
    /// Properties spelled with another CTDL prefix than CTDL's.
    CtdlPrefix = "ctdl-prefix",
    /// Language-map keys that are not language tags.
    CtdlLanguageTag = "ctdl-language-tag",
    /// A list of several values where CTDL takes one.
    CtdlListForSingle = "ctdl-list-for-single",
    /// A reference to a node the document does not contain.
    CtdlMissingNode = "ctdl-missing-node",
    /// A reference that is neither a string nor an object.
    CtdlBadReference = "ctdl-bad-reference",
    /// The same `@id` twice.
    CtdlDuplicateNode = "ctdl-duplicate-node",
    /// A pathway reference to something that is not a pathway component.
    CtdlNotAComponent = "ctdl-not-a-component",
    /// A node of an unknown class (or none) reached as a pathway node.
    CtdlUnknownType = "ctdl-unknown-type",
    /// Nodes with children but no condition.
    CtdlNoCondition = "ctdl-no-condition",
    /// A condition without `requiredNumber` or `logicalOperator`.
    CtdlMissingRequiredNumber = "ctdl-missing-required-number",
    /// `requiredNumber` below 1 or larger than its items.
    CtdlRequiredNumber = "ctdl-required-number",
    /// A condition with no usable target.
    CtdlEmptyCondition = "ctdl-empty-condition",
    /// More than one destination.
    CtdlMultipleDestinations = "ctdl-multiple-destinations",
    /// No destination.
    CtdlNoDestination = "ctdl-no-destination",
    /// The destination has no condition: it requires the pathway's other components.
    CtdlDestinationWithoutCondition = "ctdl-destination-without-condition",
    /// A pathway with no node.
    CtdlEmptyPathway = "ctdl-empty-pathway",
    /// A condition containing itself, or nodes requiring each other.
    CtdlCycle = "ctdl-cycle",
    /// Conditions nested more than 16 deep.
    CtdlTooDeep = "ctdl-too-deep",
    /// No `ceterms:name`.
    CtdlMissingName = "ctdl-missing-name",
    /// No organisation owning or offering the pathway in the document.
    CtdlNoProvider = "ctdl-no-provider",
    /// Credit values in several units.
    CtdlCreditUnit = "ctdl-credit-unit",
    /// A credit-sum constraint the targets' credit values cannot meet.
    CtdlCreditsUnreachable = "ctdl-credits-unreachable",
    /// A constraint other than a sum of credit values.
    CtdlConstraint = "ctdl-constraint",
    /// An unusable link.
    CtdlBadUrl = "ctdl-bad-url",
    /// An unusable credit value.
    CtdlBadCreditValue = "ctdl-bad-credit-value",
    /// An unusable ISO 8601 duration.
    CtdlBadDuration = "ctdl-bad-duration",
    /// An unusable price or currency.
    CtdlBadCost = "ctdl-bad-cost",

    // The badge reader (interop/badges.rs).
    /// No Open Badges or CLR credential with an achievement was found.
    BadgeNone = "badge-none",
    /// A part that is neither JSON nor a compact JWT whose payload is JSON.
    BadgeUnreadable = "badge-unreadable",
    /// Records nested too deeply; the inner ones are ignored.
    BadgeTooDeep = "badge-too-deep",
    /// Not an Open Badges 3.0, CLR 2.0 or Open Badges 2.0 credential with an achievement.
    BadgeUnrecognised = "badge-unrecognised",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code is written as its stable text, so JSON outputs are the same as when codes were strings.
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Code::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format_args!("unknown diagnostic code `{text}`"))
        })
    }
}

/// One problem found in a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `unknown-credential`.
    pub code: Code,
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the offending value; "" is the whole document.
    pub pointer: String,
    /// English message for tools and logs (the widget localises by `code`).
    pub message: String,
    /// 1-based line of the offending value, when known.
    pub line: Option<u32>,
    /// 1-based column (in characters) of the offending value, when known.
    pub column: Option<u32>,
}
