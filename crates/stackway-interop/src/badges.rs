//! Learners' records → held credentials: Open Badges 3.0, CLR 2.0 and Open Badges 2.0.
//!
//! Signatures are not verified: everything read here is what the learner says they hold, and the
//! result says so ([`Verification::SelfReported`]) so that the widget and the LTI tool can label
//! it honestly. Achievements are matched to the feed's credentials by rules listed in
//! [`MatchRule`]; an achievement that matches nothing is listed in
//! [`BadgeReport::unmatched`], never dropped.

use crate::diagnostics::Code;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::feed::Feed;
use crate::json::{self, Node, Value};
use crate::parse::read_error_diagnostic;
use crate::{base64url, error, warning};

/// How deep records may nest (a CLR inside a presentation inside a JWT…).
const MAX_DEPTH: usize = 8;

/// Which format an achievement was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BadgeFormat {
    /// An Open Badges 3.0 credential as JSON.
    OpenBadges3,
    /// An Open Badges 3.0 credential as a compact JWT (VC-JWT).
    OpenBadges3Jwt,
    /// An Open Badges 3.0 credential nested in a CLR 2.0 `ClrCredential`.
    Clr,
    /// An Open Badges 2.0 assertion.
    OpenBadges2,
}

/// One alignment of an achievement to something else (a course page, a code, a CTID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_code: Option<String>,
}

/// An achievement a learner's record says they earned, before matching.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarnedAchievement {
    /// The achievement's `id` (OB3) or the badge class's id (OB2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_id: Option<String>,
    /// The achievement's name, as the issuer wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_name: Option<String>,
    /// When it was earned, if the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alignments: Vec<Alignment>,
    pub format: BadgeFormat,
}

/// Which rule matched an achievement to a credential, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchRule {
    /// The achievement's id equals a credential's `badge.achievement`.
    AchievementId,
    /// An alignment's `targetUrl` equals a credential's `url` or `badge.achievement`.
    AlignmentUrl,
    /// An alignment's `targetCode` equals a credential's id (a CTID for imported feeds) or its
    /// `code:` tag (the CTDL coded notation), ignoring case.
    AlignmentCode,
}

/// An achievement matched to a feed credential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadgeMatch {
    /// The feed credential's id.
    pub credential: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_name: Option<String>,
    pub rule: MatchRule,
    pub format: BadgeFormat,
}

/// Whether the records were checked. Only one value today: signatures are not verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// Read as the learner supplied it; no signature was checked. Show as "self-reported, not
    /// verified".
    SelfReported,
}

/// What a learner's records say they hold, matched against a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadgeReport {
    pub verification: Verification,
    /// Matched achievements, in record order.
    pub matched: Vec<BadgeMatch>,
    /// Achievements that match no credential of the feed, in record order.
    pub unmatched: Vec<EarnedAchievement>,
    /// Problems reading the records (unreadable parts, unknown documents).
    pub diagnostics: Vec<Diagnostic>,
}

/// One held credential, as the engine and the LTI progress source take it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldCredential {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earned: Option<Date>,
}

/// The plain held list `{"held": [{"id", "earned"}]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldList {
    pub held: Vec<HeldCredential>,
}

impl BadgeReport {
    /// The matched credentials as a held list: each credential once, with the earliest date.
    pub fn held(&self) -> HeldList {
        let mut held: Vec<HeldCredential> = Vec::new();
        for m in &self.matched {
            match held.iter_mut().find(|h| h.id == m.credential) {
                Some(h) => {
                    h.earned = match (h.earned, m.earned) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                None => held.push(HeldCredential {
                    id: m.credential.clone(),
                    earned: m.earned,
                }),
            }
        }
        HeldList { held }
    }
}

/// Reads a learner's records (JSON, a compact JWT, or several JWTs separated by whitespace) and
/// matches them against `feed`. Never fails: what cannot be read becomes a diagnostic.
pub fn read_badges(feed: &Feed, text: &str) -> BadgeReport {
    let (achievements, diagnostics) = read_achievements(text);
    let mut report = match_achievements(feed, achievements);
    report.diagnostics = diagnostics;
    report
}

/// Reads every earned achievement in a learner's records, without matching.
///
/// The records are read with the core's own JSON reader (`crate::json`), as feeds and CTDL
/// documents are, so that the widget's badge reader carries no second JSON parser.
pub fn read_achievements(text: &str) -> (Vec<EarnedAchievement>, Vec<Diagnostic>) {
    let mut reader = Reader::default();
    let trimmed = text.trim();
    let mut unreadable = false;
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        match json::read(trimmed) {
            Ok(doc) => reader.document(doc.root(), "", false, 0),
            Err(e) => {
                unreadable = true;
                reader.diagnostics.push(read_error_diagnostic(e));
            }
        }
    } else {
        for (i, token) in trimmed.split_whitespace().enumerate() {
            reader.jwt(token, &format!("/{i}"), false, 0);
        }
    }
    if reader.achievements.is_empty() && !unreadable {
        reader.diagnostics.push(error(
            Code::BadgeNone,
            "no Open Badges or CLR credential with an achievement was found".into(),
        ));
    }
    (reader.achievements, reader.diagnostics)
}

#[derive(Default)]
struct Reader {
    achievements: Vec<EarnedAchievement>,
    diagnostics: Vec<Diagnostic>,
}

impl Reader {
    fn jwt(&mut self, token: &str, pointer: &str, in_clr: bool, depth: usize) {
        let payload = token
            .split('.')
            .nth(1)
            .filter(|_| token.split('.').count() == 3)
            .and_then(base64url::decode)
            .and_then(|bytes| String::from_utf8(bytes).ok());
        // The payload's text must outlive the document read from it.
        let doc = payload.as_deref().and_then(|text| json::read(text).ok());
        let Some(doc) = doc else {
            self.diagnostics.push(warning(
                Code::BadgeUnreadable,
                pointer,
                "this part is neither JSON nor a compact JWT whose payload is JSON; it is ignored"
                    .into(),
            ));
            return;
        };
        let payload = doc.root();
        let vc = get(payload, "vc").unwrap_or(payload);
        let before = self.achievements.len();
        self.document(vc, pointer, in_clr, depth + 1);
        // Claims outside `vc` (nbf, iat) date the credential when `vc` does not.
        let claim_date = ["nbf", "iat"]
            .iter()
            .find_map(|k| get(payload, k).and_then(whole_seconds))
            .map(|secs| Date::from_days(secs.div_euclid(86_400)));
        for a in self.achievements.iter_mut().skip(before) {
            if a.format == BadgeFormat::OpenBadges3 {
                a.format = BadgeFormat::OpenBadges3Jwt;
            }
            if a.earned.is_none() {
                a.earned = claim_date;
            }
        }
    }

    fn document(&mut self, value: Node<'_>, pointer: &str, in_clr: bool, depth: usize) {
        if depth > MAX_DEPTH {
            self.diagnostics.push(warning(
                Code::BadgeTooDeep,
                pointer,
                "records are nested too deeply; the inner ones are ignored".into(),
            ));
            return;
        }
        match value.value() {
            Value::Array(items) => {
                for (i, item) in items.enumerate() {
                    self.document(item, &format!("{pointer}/{i}"), in_clr, depth + 1);
                }
            }
            Value::String(token) => self.jwt(token, pointer, in_clr, depth),
            Value::Object(_) => self.object(value, pointer, in_clr, depth),
            _ => self.unrecognised(pointer),
        }
    }

    fn object(&mut self, map: Node<'_>, pointer: &str, in_clr: bool, depth: usize) {
        let types = types_of(map);
        let has = |t: &str| types.contains(&t);
        if let (Some(vc), None) = (get(map, "vc"), get(map, "type")) {
            return self.document(vc, &format!("{pointer}/vc"), in_clr, depth + 1);
        }
        if has("ClrCredential") {
            for (i, subject) in subjects(map).into_iter().enumerate() {
                if let Some(nested) = get(subject, "verifiableCredential") {
                    let p = format!("{pointer}/credentialSubject/{i}/verifiableCredential");
                    self.document(nested, &p, true, depth + 1);
                }
            }
            return;
        }
        if (has("OpenBadgeCredential")
            || has("AchievementCredential")
            || has("VerifiableCredential"))
            && self.achievements_of(map, in_clr)
        {
            return;
        }
        if has("Assertion") || (get(map, "badge").is_some() && get(map, "recipient").is_some()) {
            self.assertion(map);
            return;
        }
        if let Some(nested) = get(map, "verifiableCredential") {
            // A verifiable presentation wrapping credentials.
            return self.document(
                nested,
                &format!("{pointer}/verifiableCredential"),
                in_clr,
                depth + 1,
            );
        }
        self.unrecognised(pointer);
    }

    /// The achievements of an Open Badges 3.0 credential's subjects; whether there was one.
    fn achievements_of(&mut self, map: Node<'_>, in_clr: bool) -> bool {
        let credential_date = ["awardedDate", "validFrom", "issuanceDate"]
            .iter()
            .find_map(|k| get(map, k).and_then(date_of));
        let before = self.achievements.len();
        for subject in subjects(map) {
            let Some(achievement) = get(subject, "achievement").filter(|a| a.members().is_some())
            else {
                continue;
            };
            let earned = credential_date
                .or_else(|| get(subject, "activityEndDate").and_then(date_of))
                .or_else(|| result_date(get(subject, "result")));
            self.achievements.push(EarnedAchievement {
                achievement_id: string_of(get(achievement, "id")),
                achievement_name: string_of(get(achievement, "name")),
                earned,
                alignments: alignments(get(achievement, "alignment")),
                format: if in_clr {
                    BadgeFormat::Clr
                } else {
                    BadgeFormat::OpenBadges3
                },
            });
        }
        self.achievements.len() > before
    }

    /// An Open Badges 2.0 assertion: its badge class by id, or embedded.
    fn assertion(&mut self, map: Node<'_>) {
        let badge = get(map, "badge");
        let (id, name, aligned) = match badge.map(Node::value) {
            Some(Value::String(id)) => (Some(id.to_owned()), None, Vec::new()),
            Some(Value::Object(_)) => {
                let badge = badge.expect("matched above");
                (
                    string_of(get(badge, "id")),
                    string_of(get(badge, "name")),
                    alignments(get(badge, "alignment")),
                )
            }
            _ => (None, None, Vec::new()),
        };
        self.achievements.push(EarnedAchievement {
            achievement_id: id,
            achievement_name: name,
            earned: get(map, "issuedOn").and_then(date_of),
            alignments: aligned,
            format: BadgeFormat::OpenBadges2,
        });
    }

    fn unrecognised(&mut self, pointer: &str) {
        self.diagnostics.push(warning(
            Code::BadgeUnrecognised,
            pointer,
            "this is not an Open Badges 3.0, CLR 2.0 or Open Badges 2.0 credential with an \
             achievement; it is ignored"
                .into(),
        ));
    }
}

/// The value of an object's member `key` (the last one when the key is written twice, as
/// JSON readers that keep one value per key do); `None` when `node` is not an object.
fn get<'d>(node: Node<'d>, key: &str) -> Option<Node<'d>> {
    node.members()?
        .filter(|m| m.key == key)
        .last()
        .map(|m| m.value)
}

/// A JWT claim's seconds since 1970, when it is a whole number.
fn whole_seconds(node: Node<'_>) -> Option<i64> {
    let n = node.number()?;
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

fn types_of(map: Node<'_>) -> Vec<&str> {
    let Some(types) = get(map, "type").or_else(|| get(map, "@type")) else {
        return Vec::new();
    };
    match types.value() {
        Value::String(s) => vec![s],
        Value::Array(items) => items.filter_map(Node::as_str).collect(),
        _ => Vec::new(),
    }
}

fn subjects(map: Node<'_>) -> Vec<Node<'_>> {
    let Some(subject) = get(map, "credentialSubject") else {
        return Vec::new();
    };
    match subject.value() {
        Value::Object(_) => vec![subject],
        Value::Array(items) => items.filter(|s| s.members().is_some()).collect(),
        _ => Vec::new(),
    }
}

/// A string, or the first string of a language map or list (OB3 names may be either).
fn string_of(value: Option<Node<'_>>) -> Option<String> {
    let value = value?;
    match value.value() {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(mut items) => items.find_map(|v| string_of(Some(v))),
        Value::Object(mut members) => get(value, "@value")
            .or_else(|| members.next().map(|m| m.value))
            .and_then(Node::as_str)
            .map(str::to_owned),
        _ => None,
    }
}

/// A date from `YYYY-MM-DD` or a date-time starting with it.
fn date_of(value: Node<'_>) -> Option<Date> {
    value
        .as_str()
        .and_then(|s| s.trim().get(..10))
        .and_then(Date::parse)
}

/// The first date a result carries, for records whose credential has none.
fn result_date(result: Option<Node<'_>>) -> Option<Date> {
    let result = result?;
    let items: Vec<Node<'_>> = match result.items() {
        Some(items) => items.collect(),
        None => vec![result],
    };
    items.into_iter().find_map(|r| {
        ["awardedDate", "validFrom", "issuedOn", "date"]
            .iter()
            .find_map(|k| get(r, k).and_then(date_of))
    })
}

fn alignments(value: Option<Node<'_>>) -> Vec<Alignment> {
    let items: Vec<Node<'_>> = match value {
        Some(v) => match v.value() {
            Value::Array(items) => items.collect(),
            Value::Object(_) => vec![v],
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    items
        .into_iter()
        .map(|a| Alignment {
            target_url: string_of(get(a, "targetUrl")),
            target_code: string_of(get(a, "targetCode")),
        })
        .filter(|a| a.target_url.is_some() || a.target_code.is_some())
        .collect()
}

/// URLs compare without surrounding spaces or a trailing slash.
fn url_key(url: &str) -> String {
    url.trim().trim_end_matches('/').to_owned()
}

/// Matches achievements to the feed's credentials (see [`MatchRule`] for the rules, tried in
/// order; the first credential in feed order wins a tie).
pub fn match_achievements(feed: &Feed, achievements: Vec<EarnedAchievement>) -> BadgeReport {
    let mut by_achievement: HashMap<String, &str> = HashMap::new();
    let mut by_url: HashMap<String, &str> = HashMap::new();
    let mut by_code: HashMap<String, &str> = HashMap::new();
    for c in &feed.credentials {
        if let Some(badge) = &c.badge {
            by_achievement
                .entry(url_key(&badge.achievement))
                .or_insert(&c.id);
            by_url.entry(url_key(&badge.achievement)).or_insert(&c.id);
        }
        if let Some(url) = &c.url {
            by_url.entry(url_key(url)).or_insert(&c.id);
        }
        by_code.entry(c.id.to_lowercase()).or_insert(&c.id);
        for code in c
            .tags
            .iter()
            .filter_map(|t| t.strip_prefix(super::ctdl::vocab::CODE_TAG))
        {
            by_code.entry(code.trim().to_lowercase()).or_insert(&c.id);
        }
    }
    let mut report = BadgeReport {
        verification: Verification::SelfReported,
        matched: Vec::new(),
        unmatched: Vec::new(),
        diagnostics: Vec::new(),
    };
    for a in achievements {
        let found = a
            .achievement_id
            .as_deref()
            .and_then(|id| by_achievement.get(&url_key(id)))
            .map(|c| (*c, MatchRule::AchievementId))
            .or_else(|| {
                a.alignments.iter().find_map(|al| {
                    al.target_url
                        .as_deref()
                        .and_then(|u| by_url.get(&url_key(u)))
                        .map(|c| (*c, MatchRule::AlignmentUrl))
                })
            })
            .or_else(|| {
                a.alignments.iter().find_map(|al| {
                    al.target_code
                        .as_deref()
                        .and_then(|code| by_code.get(&code.trim().to_lowercase()))
                        .map(|c| (*c, MatchRule::AlignmentCode))
                })
            });
        match found {
            Some((credential, rule)) => report.matched.push(BadgeMatch {
                credential: credential.to_owned(),
                earned: a.earned,
                achievement_id: a.achievement_id,
                achievement_name: a.achievement_name,
                rule,
                format: a.format,
            }),
            None => report.unmatched.push(a),
        }
    }
    report
}
