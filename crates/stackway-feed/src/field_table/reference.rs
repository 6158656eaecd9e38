//! The field reference of `docs/feed-format.md`, generated from the field table: one section per
//! object with a table of its fields (key, type, required, meaning).
//!
//! The document keeps the generated part between two marker lines; [`splice`] puts the current
//! reference between them. A test fails when the committed document differs from what `splice`
//! gives, and `stackway schema --doc docs/feed-format.md` rewrites it.

use super::{Object, Range, Target, Type, FEED, OBJECTS, REQUIREMENT, REQUIREMENT_GROUPS};
use crate::decimal;

/// The line before the generated reference.
pub const BEGIN: &str = "<!-- BEGIN field reference: generated from the field table (crates/stackway-feed/src/field_table/v1.rs) by `cargo run -p stackway-cli -- schema --doc docs/feed-format.md`; do not edit by hand -->";
/// The line after it.
pub const END: &str = "<!-- END field reference -->";

/// The reference, in Markdown: a `##` section per object (the four requirement groups as `###`
/// sections of "Requirement").
pub fn markdown() -> String {
    let mut out = String::new();
    for object in OBJECTS {
        if REQUIREMENT_GROUPS.iter().any(|g| std::ptr::eq(*g, object)) {
            continue;
        }
        if std::ptr::eq(object, &super::EQUIVALENCE) {
            requirement_section(&mut out);
        }
        let heading = if std::ptr::eq(object, &FEED) {
            "Top level"
        } else {
            object.doc.label.en
        };
        out.push_str(&format!("## {heading}\n\n{}\n\n", object.doc.help.en));
        field_table(&mut out, object);
        out.push('\n');
    }
    out
}

/// "Requirement": what a requirement is, the forms a node takes, then each group's fields.
fn requirement_section(out: &mut String) {
    out.push_str(&format!("## Requirement\n\n{}\n\n", REQUIREMENT.help.en));
    out.push_str("| form | meaning |\n|---|---|\n| `\"credential-id\"` | That credential. |\n");
    for group in REQUIREMENT_GROUPS {
        let form: Vec<String> = group
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| format!("\"{}\": {}", f.key, form_value(&f.ty)))
            .collect();
        out.push_str(&format!(
            "| `{{{}}}` | {} |\n",
            form.join(", "),
            cell(group.doc.help.en)
        ));
    }
    out.push('\n');
    for group in REQUIREMENT_GROUPS {
        let key = group.fields.first().map_or("", |f| f.key);
        out.push_str(&format!(
            "### `{key}` group: {}\n\n",
            group.doc.label.en.to_lowercase()
        ));
        field_table(out, group);
        out.push('\n');
    }
}

/// A value in a requirement form: `n`, `x`, `[Requirement…]`, `[credential id…]`.
fn form_value(ty: &Type) -> &'static str {
    match ty {
        Type::Integer(_) => "n",
        Type::Number(_) => "x",
        Type::List(list) if matches!(list.item, Type::Requirement) => "[Requirement…]",
        Type::List(_) => "[credential id…]",
        _ => "…",
    }
}

fn field_table(out: &mut String, object: &Object) {
    out.push_str("| key | type | required | meaning |\n|---|---|---|---|\n");
    for field in object.fields {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            field.key,
            type_text(&field.ty),
            if field.required { "**yes**" } else { "no" },
            cell(field.doc.help.en)
        ));
    }
}

/// Text for a table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A type as the reference names it.
fn type_text(ty: &Type) -> String {
    match ty {
        Type::Version => "number".into(),
        Type::String => "string".into(),
        Type::Id => "id".into(),
        Type::Ref(target) => format!("{} id", target_name(*target)),
        Type::Text => "Text".into(),
        Type::Url => "URL".into(),
        Type::Date => "date".into(),
        Type::Number(range) => range_text("number", range),
        Type::Integer(range) => range_text("whole number", range),
        Type::Kind | Type::Delivery => format!("one of {}", choice_list(ty)),
        Type::Currency => "currency code".into(),
        Type::LanguageTag => "language tag".into(),
        Type::Object(object) => link(object.doc.label.en),
        Type::Requirement => link("Requirement"),
        Type::List(list) => format!("list of {}", plural(&list.item)),
    }
}

/// The items of a list, as the reference names them ("credential ids", "strings").
fn plural(ty: &Type) -> String {
    match ty {
        Type::String => "strings".into(),
        Type::Ref(target) => format!("{} ids", target_name(*target)),
        Type::LanguageTag => "language tags".into(),
        Type::Kind | Type::Delivery => choice_list(ty),
        _ => type_text(ty),
    }
}

fn target_name(target: Target) -> &'static str {
    match target {
        Target::Credential => "credential",
        Target::Skill => "skill",
        Target::Institution => "institution",
    }
}

fn choice_list(ty: &Type) -> String {
    let values: Vec<String> = super::choices(ty)
        .iter()
        .map(|c| format!("`{}`", c.value))
        .collect();
    values.join(", ")
}

/// A link to an object's section (GitHub's heading anchors: lower case, spaces as dashes).
fn link(heading: &str) -> String {
    format!("[{heading}](#{})", heading.to_lowercase().replace(' ', "-"))
}

/// "number ≥ 0, at most 100,000"; the technical ceiling of whole numbers is left out.
fn range_text(name: &str, range: &Range) -> String {
    let lower = if range.min_exclusive { ">" } else { "≥" };
    let mut text = format!("{name} {lower} {}", decimal::show(range.min));
    if range.max < f64::from(u32::MAX) {
        text.push_str(&format!(", at most {}", grouped(range.max)));
    }
    text
}

/// A whole number with thousands separated by commas (`1,000,000`).
fn grouped(value: f64) -> String {
    let digits = decimal::show(value);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `doc` with its generated part (between [`BEGIN`] and [`END`]) replaced by the current
/// reference; `None` when the markers are missing or out of order.
pub fn splice(doc: &str) -> Option<String> {
    let begin = doc.find(BEGIN)?;
    let after_begin = begin + BEGIN.len();
    let end = after_begin + doc.get(after_begin..)?.find(END)?;
    Some(format!(
        "{}\n\n{}{}",
        doc.get(..after_begin)?,
        markdown(),
        doc.get(end..)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_read_as_the_reference_names_them() {
        let hours = super::super::CREDENTIAL.field("hours").unwrap();
        assert_eq!(type_text(&hours.ty), "number ≥ 0, at most 100,000");
        let choose = super::super::CHOOSE_GROUP.field("choose").unwrap();
        assert_eq!(type_text(&choose.ty), "whole number ≥ 1");
        let steps = super::super::PATHWAY.field("steps").unwrap();
        assert_eq!(type_text(&steps.ty), "list of credential ids");
        let cost = super::super::CREDENTIAL.field("cost").unwrap();
        assert_eq!(type_text(&cost.ty), "[Cost](#cost)");
        assert_eq!(grouped(1e9), "1,000,000,000");
        assert_eq!(grouped(100.0), "100");
    }

    #[test]
    fn splice_replaces_only_what_is_between_the_markers() {
        let doc = format!("intro\n{BEGIN}\nold text\n{END}\noutro\n");
        let spliced = splice(&doc).unwrap();
        assert!(spliced.starts_with(&format!("intro\n{BEGIN}\n\n## Top level\n")));
        assert!(spliced.ends_with(&format!("\n{END}\noutro\n")));
        assert!(!spliced.contains("old text"));
        assert_eq!(splice(&spliced).as_deref(), Some(spliced.as_str()));
        assert_eq!(splice("no markers"), None);
        assert_eq!(splice(&format!("{END}\n{BEGIN}")), None);
    }
}
