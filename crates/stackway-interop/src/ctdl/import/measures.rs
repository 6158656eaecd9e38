//! What a node says about effort and price: credit values and their unit
//! (`ceterms:creditValue`), estimated duration (`ceterms:estimatedDuration`) and estimated cost
//! (`ceterms:estimatedCost`).
//!
//! A feed counts credits in one unit (`credit_label`), so the unit most components use becomes
//! the feed's; credit values in another unit are left out with one warning, since adding
//! semester hours to continuing-education units would mislead. Clock and contact hours are
//! effort, not credit: they become `hours`.

use crate::diagnostics::Code;
use std::collections::HashMap;

use super::super::graph::{iri, local_name, mentions, number, NodeId};
use super::Importer;
use crate::feed::{Cost, Credential, LangMap, Text};
use crate::json::Value;
use crate::validate::values::is_currency_code;

/// The largest values a feed accepts (as the validator's limits).
const MAX_CREDITS: f64 = 10_000.0;
const MAX_HOURS: f64 = 100_000.0;
const MAX_WEEKS: f64 = 1_000.0;
const MAX_AMOUNT: f64 = 1_000_000_000.0;

/// A credit value read from a node, before the feed's unit is settled.
#[derive(Debug, Clone)]
pub(super) struct CreditReading {
    amount: f64,
    /// The unit's concept (`SemesterHour`), or `None` when the value names none.
    unit: Option<String>,
    /// The unit's name as the document gives it (`ceterms:targetNodeName`, `schema:unitText`).
    name: Option<Text>,
    /// The credential it belongs to.
    credential: usize,
}

/// Reads a node's credit value, duration and cost into its credential. Credits wait in
/// `importer.credit_readings` until [`settle_credit_units`] knows the feed's unit.
pub(super) fn read(importer: &mut Importer<'_>, node: NodeId, credential: &mut Credential) {
    let credential_index = importer.credentials.len();
    let (credit, hours) = credit_value(importer, node);
    if let Some(mut credit) = credit {
        credit.credential = credential_index;
        importer.credit_readings.push(credit);
    }
    credential.hours = hours;
    let (weeks, duration_hours) = duration(importer, node);
    credential.weeks = weeks;
    credential.hours = credential.hours.or(duration_hours);
    credential.cost = cost(importer, node);
}

/// The first credit value in a credit unit, and the first in clock hours.
fn credit_value(importer: &mut Importer<'_>, node: NodeId) -> (Option<CreditReading>, Option<f64>) {
    let mut credit = None;
    let mut hours = None;
    for value in importer.g.values(node, "ceterms", "creditValue") {
        let (amount, unit, name) = match value.value() {
            Value::Number(_) | Value::String(_) => (number(value), None, None),
            _ => match importer.g.resolve(node, "creditValue", value) {
                Some(profile) => {
                    let amount = ["value", "minValue", "maxValue"].iter().find_map(|local| {
                        importer.g.prop(profile, "schema", local).and_then(number)
                    });
                    let (unit, name) = unit_of(importer, profile);
                    (amount, unit, name)
                }
                None => continue,
            },
        };
        let is_hours = matches!(unit.as_deref(), Some("ClockHour" | "ContactHour"));
        let limit = if is_hours { MAX_HOURS } else { MAX_CREDITS };
        match amount {
            Some(x) if (0.0..=limit).contains(&x) => {
                if is_hours {
                    hours = hours.or(Some(x));
                } else if credit.is_none() {
                    credit = Some(CreditReading {
                        amount: x,
                        unit,
                        name,
                        credential: 0,
                    });
                }
            }
            _ => {
                let g = &mut importer.g;
                let id = g.id(node).to_owned();
                g.warn(
                    Code::CtdlBadCreditValue,
                    value.index(),
                    format!(
                        "node `{id}` has a `ceterms:creditValue` without a usable value (a number \
                         from 0 to {limit}); it is ignored"
                    ),
                );
            }
        }
    }
    (credit, hours)
}

/// The unit of a credit value profile: its concept (`creditUnit:SemesterHour` → `SemesterHour`)
/// and the name the document gives it.
fn unit_of(importer: &mut Importer<'_>, profile: NodeId) -> (Option<String>, Option<Text>) {
    let g = &mut importer.g;
    for value in g.values(profile, "ceterms", "creditUnitType") {
        if let Some(concept) = iri(value).filter(|s| !s.is_empty()) {
            return (Some(local_name(concept).to_owned()), None);
        }
        let Some(alignment) = g.resolve(profile, "creditUnitType", value) else {
            continue;
        };
        let concept = g
            .single(alignment, "ceterms", "targetNode")
            .and_then(iri)
            .map(|s| local_name(s).to_owned());
        let name = g.text(alignment, "ceterms", "targetNodeName");
        if concept.is_some() || name.is_some() {
            // A unit given only by its name is known by that name.
            let key = concept.or_else(|| name.as_ref().map(|t| t.get("en", "en").to_owned()));
            return (key, name);
        }
    }
    let text = g.text(profile, "schema", "unitText");
    let concept = text
        .as_ref()
        .map(|t| match t.get("en", "en").trim().to_ascii_lowercase() {
            hours if matches!(hours.as_str(), "hour" | "hours" | "clock hours") => {
                "ClockHour".to_owned()
            }
            other => other,
        });
    (concept, text)
}

/// Makes the credit readings the credentials' credits, in the unit most of them use, and
/// returns that unit's name for the feed's `credit_label`. Values in another unit are left out
/// with one warning.
pub(super) fn settle_credit_units(importer: &mut Importer<'_>) -> Option<Text> {
    let readings = std::mem::take(&mut importer.credit_readings);
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for unit in readings.iter().filter_map(|r| r.unit.as_deref()) {
        *uses.entry(unit).or_insert(0) += 1;
    }
    // The most used unit; on a tie, the first met.
    let dominant = readings
        .iter()
        .filter_map(|r| r.unit.as_deref())
        .max_by_key(|u| {
            (
                uses.get(u).copied(),
                std::cmp::Reverse(first_use(&readings, u)),
            )
        })
        .map(str::to_owned);
    let mut left_out: Vec<(usize, &str)> = Vec::new();
    for reading in &readings {
        match (&reading.unit, &dominant) {
            (Some(unit), Some(dominant)) if unit != dominant => {
                left_out.push((reading.credential, unit));
            }
            _ => {
                if let Some(c) = importer.credentials.get_mut(reading.credential) {
                    c.credits = Some(reading.amount);
                }
            }
        }
    }
    if let (Some(dominant), Some(&(first, _))) = (&dominant, left_out.first()) {
        warn_left_out(importer, first, dominant, &left_out);
    }
    let dominant = dominant?;
    let name = readings
        .iter()
        .find(|r| r.unit.as_deref() == Some(dominant.as_str()))
        .and_then(|r| r.name.clone());
    Some(
        unit_label(&dominant)
            .or(name)
            .unwrap_or_else(|| Text::Plain(humanize(&dominant))),
    )
}

fn first_use(readings: &[CreditReading], unit: &str) -> usize {
    readings
        .iter()
        .position(|r| r.unit.as_deref() == Some(unit))
        .unwrap_or(usize::MAX)
}

fn warn_left_out(
    importer: &mut Importer<'_>,
    first: usize,
    dominant: &str,
    left_out: &[(usize, &str)],
) {
    let mut units: Vec<&str> = left_out.iter().map(|&(_, u)| u).collect();
    units.sort_unstable();
    units.dedup();
    let node = importer.sources.get(first).copied().unwrap_or(0);
    let at = importer.g.at(node);
    let count = left_out.len();
    importer.g.warn(
        Code::CtdlCreditUnit,
        at,
        format!(
            "{count} {} credits in {} while most of the pathway counts `{dominant}`; {} left out \
             (a feed counts credits in one unit)",
            if count == 1 {
                "component gives its"
            } else {
                "components give their"
            },
            units
                .iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if count == 1 {
                "that value is"
            } else {
                "those values are"
            },
        ),
    );
}

/// English and French names of CTDL's usual credit units.
fn unit_label(concept: &str) -> Option<Text> {
    let (en, fr) = match concept {
        "DegreeCredit" => ("credits", "crédits"),
        "SemesterHour" => ("semester hours", "heures-semestre"),
        "QuarterHour" => ("quarter hours", "heures-trimestre"),
        "ContinuingEducationUnit" => ("continuing education units", "unités d'éducation continue"),
        "CarnegieUnit" => ("Carnegie units", "unités Carnegie"),
        "CompetencyCredit" => ("competency credits", "crédits de compétence"),
        "CertificateCredit" => ("certificate credits", "crédits de certificat"),
        _ => return None,
    };
    Some(Text::Localized(LangMap::from([
        ("en".to_owned(), en.to_owned()),
        ("fr".to_owned(), fr.to_owned()),
    ])))
}

/// `EuropeanCreditTransferUnit` → `european credit transfer unit`.
fn humanize(concept: &str) -> String {
    let mut out = String::new();
    for (i, c) in concept.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Weeks (from a duration in years, months, weeks or days) or hours (from one in hours,
/// minutes or seconds): `ceterms:exactDuration`, else the maximum, else the minimum.
fn duration(importer: &mut Importer<'_>, node: NodeId) -> (Option<f64>, Option<f64>) {
    let g = &mut importer.g;
    for value in g.values(node, "ceterms", "estimatedDuration") {
        let Some(profile) = g.resolve(node, "estimatedDuration", value) else {
            continue;
        };
        let Some(written) = ["exactDuration", "maximumDuration", "minimumDuration"]
            .iter()
            .find_map(|local| g.single(profile, "ceterms", local))
        else {
            continue;
        };
        let text = written.as_str().unwrap_or("");
        match iso_duration(text) {
            Some((weeks, _)) if weeks > 0.0 && weeks <= MAX_WEEKS => return (Some(weeks), None),
            Some((weeks, hours)) if weeks == 0.0 && hours > 0.0 && hours <= MAX_HOURS => {
                return (None, Some(hours))
            }
            _ => {
                let id = g.id(node).to_owned();
                g.warn(
                    Code::CtdlBadDuration,
                    written.index(),
                    format!(
                        "node `{id}` has the duration `{text}`, which is not a usable ISO 8601 \
                         duration such as `P6M` or `PT40H`; it is ignored"
                    ),
                );
            }
        }
    }
    (None, None)
}

/// An ISO 8601 duration (`P1Y6M`, `P10W`, `PT40H`) as (weeks of its date part, hours of its
/// time part). Years and months become whole weeks (52 and 4.35 a month, rounded).
pub(super) fn iso_duration(text: &str) -> Option<(f64, f64)> {
    let rest = text.trim().strip_prefix(['P', 'p'])?;
    let (date, time) = match rest.split_once(['T', 't']) {
        Some((date, time)) if !time.is_empty() => (date, time),
        Some(_) => return None,
        None => (rest, ""),
    };
    let date_parts = designated(date, "YMWD")?;
    let time_parts = designated(time, "HMS")?;
    if date_parts.is_empty() && time_parts.is_empty() {
        return None;
    }
    let mut weeks = 0.0;
    let mut calendar = false;
    for (n, unit) in date_parts {
        weeks += match unit {
            'Y' => {
                calendar = true;
                n * 52.0
            }
            'M' => {
                calendar = true;
                n * 52.0 / 12.0
            }
            'W' => n,
            _ => n / 7.0,
        };
    }
    if calendar {
        weeks = weeks.round().max(1.0);
    }
    let hours = time_parts
        .iter()
        .map(|&(n, unit)| match unit {
            'H' => n,
            'M' => n / 60.0,
            _ => n / 3600.0,
        })
        .sum();
    Some((weeks, hours))
}

/// `1Y6M` → [(1, 'Y'), (6, 'M')], each designator at most once and in the order of `allowed`.
fn designated(text: &str, allowed: &str) -> Option<Vec<(f64, char)>> {
    let mut out = Vec::new();
    let mut number = String::new();
    let mut order = allowed.chars();
    for c in text.chars() {
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(if c == ',' { '.' } else { c });
            continue;
        }
        let unit = c.to_ascii_uppercase();
        // Designators must come in order, each at most once.
        order.by_ref().find(|&u| u == unit)?;
        let n = crate::decimal::parse(&number).filter(|n| n.is_finite() && *n >= 0.0)?;
        out.push((n, unit));
        number.clear();
    }
    number.is_empty().then_some(out)
}

/// The estimated cost: the prices of `ceterms:estimatedCost` in the first profile's currency,
/// added up, one price per kind of cost (a second tuition figure is an alternative, such as an
/// out-of-province rate, not an extra).
fn cost(importer: &mut Importer<'_>, node: NodeId) -> Option<Cost> {
    let g = &mut importer.g;
    let mut currency: Option<String> = None;
    let mut total = 0.0;
    let mut counted: Vec<String> = Vec::new();
    for value in g.values(node, "ceterms", "estimatedCost") {
        let Some(profile) = g.resolve(node, "estimatedCost", value) else {
            continue;
        };
        let Some(price) = g.single(profile, "ceterms", "price").and_then(number) else {
            continue;
        };
        let code = g
            .single(profile, "ceterms", "currency")
            .and_then(|v| v.as_str())
            .map(|s| s.trim().to_ascii_uppercase());
        let Some(code) = code
            .filter(|c| is_currency_code(c))
            .filter(|_| (0.0..=MAX_AMOUNT).contains(&price))
        else {
            let id = g.id(node).to_owned();
            g.warn(
                Code::CtdlBadCost,
                value.index(),
                format!(
                    "node `{id}` has an estimated cost without a usable price and ISO 4217 \
                     currency (such as `CAD`); it is ignored"
                ),
            );
            continue;
        };
        if currency.get_or_insert_with(|| code.clone()) != &code {
            continue;
        }
        let kind = g
            .single(profile, "ceterms", "directCostType")
            .map(cost_kind)
            .unwrap_or_default();
        if !kind.is_empty() && counted.contains(&kind) {
            continue;
        }
        counted.push(kind);
        total += price;
    }
    let currency = currency?;
    (total <= MAX_AMOUNT).then_some(Cost {
        amount: total,
        currency,
    })
}

/// What kind of cost a `ceterms:directCostType` names (`costType:Tuition` → `Tuition`).
fn cost_kind(value: crate::json::Node<'_>) -> String {
    if let Some(s) = iri(value) {
        return local_name(s).to_owned();
    }
    ["Tuition", "Fee", "Book", "Material", "Technology"]
        .iter()
        .find(|k| mentions(value, k, 0))
        .map_or_else(String::new, |k| (*k).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations_become_weeks_or_hours() {
        assert_eq!(iso_duration("P10W"), Some((10.0, 0.0)));
        assert_eq!(iso_duration("P6M"), Some((26.0, 0.0)));
        assert_eq!(iso_duration("P1Y"), Some((52.0, 0.0)));
        assert_eq!(iso_duration("P14D"), Some((2.0, 0.0)));
        assert_eq!(iso_duration("PT40H"), Some((0.0, 40.0)));
        assert_eq!(iso_duration("PT90M"), Some((0.0, 1.5)));
        assert_eq!(iso_duration("P1DT2H").map(|(w, _)| w > 0.0), Some(true));
        for bad in [
            "", "P", "PT", "10 weeks", "P1H", "PT1Y", "P1M1Y", "P-1W", "P1W1W", "P1.5",
        ] {
            assert_eq!(iso_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn unit_names() {
        assert_eq!(
            humanize("EuropeanCreditTransferUnit"),
            "european credit transfer unit"
        );
        assert!(unit_label("SemesterHour").is_some());
        assert!(unit_label("Unheard").is_none());
    }
}
