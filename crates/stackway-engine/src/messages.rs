//! Message ids and their arguments: the localisable parts of every learner-facing result.
//!
//! The core never builds English sentences for learners. It returns a [`Message`] (a stable id
//! plus named arguments); the widget renders it with its Fluent bundles (`locales/*/*.ftl`, one
//! message per id, same argument names) and the CLI with its own English table in
//! [`Message::english`] (for advisors' terminals and logs only).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::feed::Text;

/// A stable message id. Serialised in kebab-case, e.g. `group-count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageId {
    /// The goal is met. Args: `goal`.
    GoalSatisfied,
    /// The goal is held directly. Args: `goal`.
    GoalHeld,
    /// "`met` of `need` `label`". Args: `met`, `need`, optional `label` (Text).
    GroupCount,
    /// "`missing` more credits". Args: `met`, `need`, `missing` (credits), optional `label`.
    GroupCredits,
    /// A required credential is missing. Args: `credential`.
    CredentialMissing,
    /// A held credential counts. Args: `credential`, `toward` (the credential whose requirement
    /// it fills), optional `via` (equivalence: the credential it stands in for).
    ExplainCounted,
    /// A held credential has expired. Args: `credential`, `earned`, `expired_on`.
    ExplainExpired,
    /// A held credential is already used elsewhere in this goal. Args: `credential`, `used_for`.
    ExplainAlreadyUsed,
    /// A held credential is not accepted toward this goal. Args: `credential`, `goal`.
    ExplainNotAccepted,
    /// A held credential is accepted but not needed (its groups are already complete).
    /// Args: `credential`, `goal`.
    ExplainNotNeeded,
    /// The credential is not in the record. Args: `credential`.
    ExplainNotHeld,
    /// No route: an id the feed does not define. Args: `credential`.
    InfeasibleUnknownCredential,
    /// No route: a requirement refers back to itself. Args: `credential`.
    InfeasibleCycle,
    /// No route: a group has fewer possible children than it needs. Args: `possible`, `need`,
    /// optional `label`, `owner`.
    InfeasibleNotEnoughOptions,
    /// No route: a credits group's credentials cannot reach the credits. Args: `possible`,
    /// `need`, optional `label`, `owner`.
    InfeasibleNotEnoughCredits,
    /// No route: a credential's prerequisites can never be met. Args: `credential`.
    InfeasiblePrerequisites,
    /// No route: the groups overlap so that not enough distinct credentials exist. Args: `goal`.
    InfeasibleSharedCredentials,
    /// No route: the search was stopped at its node limit. Args: `nodes`.
    SearchLimit,
}

impl MessageId {
    /// Every message id, so that front ends can check they localise each one.
    pub const ALL: [MessageId; 18] = [
        MessageId::GoalSatisfied,
        MessageId::GoalHeld,
        MessageId::GroupCount,
        MessageId::GroupCredits,
        MessageId::CredentialMissing,
        MessageId::ExplainCounted,
        MessageId::ExplainExpired,
        MessageId::ExplainAlreadyUsed,
        MessageId::ExplainNotAccepted,
        MessageId::ExplainNotNeeded,
        MessageId::ExplainNotHeld,
        MessageId::InfeasibleUnknownCredential,
        MessageId::InfeasibleCycle,
        MessageId::InfeasibleNotEnoughOptions,
        MessageId::InfeasibleNotEnoughCredits,
        MessageId::InfeasiblePrerequisites,
        MessageId::InfeasibleSharedCredentials,
        MessageId::SearchLimit,
    ];

    /// The id as serialised (kebab-case), also the Fluent message id.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageId::GoalSatisfied => "goal-satisfied",
            MessageId::GoalHeld => "goal-held",
            MessageId::GroupCount => "group-count",
            MessageId::GroupCredits => "group-credits",
            MessageId::CredentialMissing => "credential-missing",
            MessageId::ExplainCounted => "explain-counted",
            MessageId::ExplainExpired => "explain-expired",
            MessageId::ExplainAlreadyUsed => "explain-already-used",
            MessageId::ExplainNotAccepted => "explain-not-accepted",
            MessageId::ExplainNotNeeded => "explain-not-needed",
            MessageId::ExplainNotHeld => "explain-not-held",
            MessageId::InfeasibleUnknownCredential => "infeasible-unknown-credential",
            MessageId::InfeasibleCycle => "infeasible-cycle",
            MessageId::InfeasibleNotEnoughOptions => "infeasible-not-enough-options",
            MessageId::InfeasibleNotEnoughCredits => "infeasible-not-enough-credits",
            MessageId::InfeasiblePrerequisites => "infeasible-prerequisites",
            MessageId::InfeasibleSharedCredentials => "infeasible-shared-credentials",
            MessageId::SearchLimit => "search-limit",
        }
    }
}

/// An argument value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    /// A number (counts, credits).
    Number(f64),
    /// A credential id (render its title) or a date.
    Id(String),
    /// Text from the feed (a group label).
    Text(Text),
}

/// A localisable message: id plus named arguments (sorted by name).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    pub id: MessageId,
    pub args: Args,
}

/// A message's named arguments, sorted by name, each name once; serialised as a JSON object.
/// A sorted list rather than a map: a message has at most a few arguments, and the list's code
/// is a fraction of a map's in the widget's WebAssembly.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    /// Sets `name` (replacing its value if it is set).
    pub fn insert(&mut self, name: &'static str, value: Arg) {
        match self.0.binary_search_by(|(n, _)| n.cmp(&name)) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Whether `name` is set.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The arguments, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Arg)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }

    /// How many arguments are set.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no argument is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Message {
    /// A message without arguments.
    pub fn new(id: MessageId) -> Message {
        Message {
            id,
            args: Args::default(),
        }
    }

    /// Adds a numeric argument.
    pub fn num(mut self, name: &'static str, v: f64) -> Message {
        self.args.insert(name, Arg::Number(v));
        self
    }

    /// Adds an id (or date) argument.
    pub fn id_arg(mut self, name: &'static str, v: impl Into<String>) -> Message {
        self.args.insert(name, Arg::Id(v.into()));
        self
    }

    /// Adds an optional text argument.
    pub fn text(mut self, name: &'static str, v: Option<&Text>) -> Message {
        if let Some(t) = v {
            self.args.insert(name, Arg::Text(t.clone()));
        }
        self
    }

    fn arg(&self, name: &str, lang: &str) -> String {
        match self.args.get(name) {
            Some(Arg::Number(n)) => format_number(*n),
            Some(Arg::Id(s)) => s.clone(),
            Some(Arg::Text(t)) => t.get(lang, lang).to_owned(),
            None => String::new(),
        }
    }

    /// A plain English rendering for the CLI and logs (the widget uses Fluent instead).
    pub fn english(&self) -> String {
        let a = |n: &str| self.arg(n, "en");
        let label = |fallback: &str| {
            let l = a("label");
            if l.is_empty() {
                fallback.to_owned()
            } else {
                l
            }
        };
        match self.id {
            MessageId::GoalSatisfied => format!("{} is complete", a("goal")),
            MessageId::GoalHeld => format!("{} is held", a("goal")),
            MessageId::GroupCount => format!("{} of {} {}", a("met"), a("need"), label("required")),
            MessageId::GroupCredits => format!("{} more credits ({})", a("missing"), label("credits")),
            MessageId::CredentialMissing => format!("{} missing", a("credential")),
            MessageId::ExplainCounted => format!("{} counts toward {}", a("credential"), a("toward")),
            MessageId::ExplainExpired => format!(
                "{} expired on {} (earned {})",
                a("credential"),
                a("expired_on"),
                a("earned")
            ),
            MessageId::ExplainAlreadyUsed => format!(
                "{} is already used in this goal (for {})",
                a("credential"),
                a("used_for")
            ),
            MessageId::ExplainNotAccepted => {
                format!("{} is not accepted toward {}", a("credential"), a("goal"))
            }
            MessageId::ExplainNotNeeded => format!(
                "{} is accepted toward {} but not needed",
                a("credential"),
                a("goal")
            ),
            MessageId::ExplainNotHeld => format!("{} is not held", a("credential")),
            MessageId::InfeasibleUnknownCredential => {
                format!("{} is not defined in the feed", a("credential"))
            }
            MessageId::InfeasibleCycle => format!("{} requires itself", a("credential")),
            MessageId::InfeasibleNotEnoughOptions => format!(
                "{} of {}: only {} of the {} needed can ever be met",
                label("a group"),
                a("owner"),
                a("possible"),
                a("need")
            ),
            MessageId::InfeasibleNotEnoughCredits => format!(
                "{} of {}: at most {} of the {} credits needed can be earned",
                label("credits"),
                a("owner"),
                a("possible"),
                a("need")
            ),
            MessageId::InfeasiblePrerequisites => {
                format!("the prerequisites of {} can never be met", a("credential"))
            }
            MessageId::InfeasibleSharedCredentials => format!(
                "the groups of {} share credentials, and not enough distinct ones exist to fill them all",
                a("goal")
            ),
            MessageId::SearchLimit => format!("search stopped after {} nodes", a("nodes")),
        }
    }
}

/// Formats a number without a trailing ".0" (3 → "3", 1.5 → "1.5").
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{:.2}", n);
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod all_ids_tests {
    use super::MessageId;

    /// `ALL` lists every variant: the match below stops compiling when a variant is added, and
    /// the assertion fails when one is added to the match but not to `ALL`.
    #[test]
    fn all_lists_every_message_id_once() {
        let position = |id: MessageId| -> usize {
            match id {
                MessageId::GoalSatisfied => 0,
                MessageId::GoalHeld => 1,
                MessageId::GroupCount => 2,
                MessageId::GroupCredits => 3,
                MessageId::CredentialMissing => 4,
                MessageId::ExplainCounted => 5,
                MessageId::ExplainExpired => 6,
                MessageId::ExplainAlreadyUsed => 7,
                MessageId::ExplainNotAccepted => 8,
                MessageId::ExplainNotNeeded => 9,
                MessageId::ExplainNotHeld => 10,
                MessageId::InfeasibleUnknownCredential => 11,
                MessageId::InfeasibleCycle => 12,
                MessageId::InfeasibleNotEnoughOptions => 13,
                MessageId::InfeasibleNotEnoughCredits => 14,
                MessageId::InfeasiblePrerequisites => 15,
                MessageId::InfeasibleSharedCredentials => 16,
                MessageId::SearchLimit => 17,
            }
        };
        for (i, id) in MessageId::ALL.into_iter().enumerate() {
            assert_eq!(position(id), i, "{}", id.as_str());
        }
    }
}
