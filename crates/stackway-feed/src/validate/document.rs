//! Reading the top level of a feed: version, languages, institutions, skills, credentials,
//! equivalences and pathways. Duplicate ids are reported here and the later copies dropped.

use crate::diagnostics::Code;
use std::collections::HashMap;

use super::credential::read_credential;
use super::fields::{self, object, reference};
use super::values::is_language_tag;
use super::Ctx;
use crate::feed::{Equivalence, Feed, Institution, Pathway, Skill, Text, FORMAT_VERSION};
use crate::field_table::{self as table, Field};
use crate::json::{Node, Value};

/// Reads the whole feed. `None` only when the document is not an object at all.
pub(crate) fn read_feed<'d>(ctx: &mut Ctx<'d>, root: Node<'d>) -> Option<Feed> {
    let obj = object(ctx, root, &table::FEED)?;
    // Editors' `$schema` is not used, but it is a string.
    let _ = obj.string(ctx, "$schema");
    match obj.get("stackway") {
        None => ctx.error(
            Code::MissingVersion,
            root,
            "the feed must declare its format version: add \"stackway\": 1",
        ),
        Some(n) => match n.value() {
            Value::Number(v) if v == f64::from(FORMAT_VERSION) => {}
            other => {
                let found = match other {
                    Value::Number(_) => n.number_text().unwrap_or_default().to_owned(),
                    _ => n.type_name().to_owned(),
                };
                ctx.error(
                    Code::UnsupportedVersion,
                    n,
                    format!("this validator reads format version {FORMAT_VERSION}, found {found}"),
                );
            }
        },
    }
    // Languages first: every Text below is checked against them.
    let languages = obj
        .member(ctx, "languages")
        .and_then(|(n, field)| read_languages(ctx, n, field))
        .unwrap_or_else(|| vec!["en".to_owned()]);
    ctx.languages = languages.clone();

    let id = obj.id(ctx, "id").map(str::to_owned).unwrap_or_default();
    let updated = obj.date(ctx, "updated");
    let credit_label = obj.text(ctx, "credit_label");

    let mut institution_ids = IdRegistry::default();
    let provider = obj
        .member(ctx, "provider")
        .and_then(|(n, _)| read_institution(ctx, n, &mut institution_ids))
        // The widget can still show credentials without knowing who publishes them.
        .unwrap_or_else(|| Institution {
            id: String::new(),
            name: Text::Plain(String::new()),
            url: None,
        });
    let institutions = read_list(ctx, &obj, "institutions", |c, n| {
        read_institution(c, n, &mut institution_ids)
    });
    ctx.institution_ids = institution_ids.seen.into_keys().collect();

    let mut skill_ids = IdRegistry::default();
    let skills = read_list(ctx, &obj, "skills", |c, n| read_skill(c, n, &mut skill_ids));
    ctx.skill_ids = skill_ids.seen.into_keys().collect();

    let mut credentials = Vec::new();
    if let Some((items, _)) = obj.list(ctx, "credentials") {
        let count = items.clone().count();
        credentials.reserve(count);
        ctx.credential_sites.reserve(count);
        ctx.credential_index.reserve(count);
        for item in items {
            let Some((credential, id, site)) = read_credential(ctx, item) else {
                continue;
            };
            // The id index doubles as the duplicate check.
            let first = ctx
                .credential_index
                .get(id)
                .map(|&i| ctx.credential_sites.get(i).map_or(item, |site| site.at));
            match first {
                Some(first) => report_duplicate(ctx, id, item, first, "credential"),
                None => {
                    ctx.credential_index.insert(id, credentials.len());
                    credentials.push(credential);
                    ctx.credential_sites.push(site);
                }
            }
        }
    }

    let equivalences = read_list(ctx, &obj, "equivalences", read_equivalence);
    let mut pathway_ids = IdRegistry::default();
    let pathways = read_list(ctx, &obj, "pathways", |c, n| {
        read_pathway(c, n, &mut pathway_ids)
    });

    Some(Feed {
        stackway: FORMAT_VERSION,
        id,
        updated,
        languages,
        credit_label,
        provider,
        institutions,
        skills,
        credentials,
        equivalences,
        pathways,
    })
}

/// Ids already seen in one list, with the item that first defined each.
/// (Each id maps to its item's place in `items`: the map type of the credential index, so the
/// widget carries one copy of the hash table's code.)
#[derive(Default)]
struct IdRegistry<'d> {
    seen: HashMap<&'d str, usize>,
    items: Vec<Node<'d>>,
}

impl<'d> IdRegistry<'d> {
    /// Records `id`, defined by `item`; reports `duplicate-id` and returns false when it was
    /// already used.
    fn claim(&mut self, ctx: &mut Ctx, id: &'d str, item: Node<'d>, what: &str) -> bool {
        if let Some(first) = self.seen.get(id).and_then(|&i| self.items.get(i)) {
            report_duplicate(ctx, id, item, *first, what);
            return false;
        }
        self.seen.insert(id, self.items.len());
        self.items.push(item);
        true
    }
}

/// Reports `duplicate-id` on `item`, whose id was first defined by `first`.
fn report_duplicate(ctx: &mut Ctx, id: &str, item: Node, first: Node, what: &str) {
    let first = ctx.pointer(first);
    let message = format!("{what} id `{id}` is already used at {first}; this one is ignored");
    match id_node(item) {
        Some(node) => ctx.error(Code::DuplicateId, node, message),
        None => {
            let pointer = super::child(&ctx.pointer(item), "id");
            ctx.report_at(
                Code::DuplicateId,
                crate::diagnostics::Severity::Error,
                pointer,
                item.offset(),
                message,
            );
        }
    }
}

/// An object's first `id` member.
fn id_node(node: Node) -> Option<Node> {
    node.members()?.find(|m| m.key == "id").map(|m| m.value)
}

fn read_list<'d, T>(
    ctx: &mut Ctx<'d>,
    obj: &fields::Obj<'d>,
    key: &str,
    mut read: impl FnMut(&mut Ctx<'d>, Node<'d>) -> Option<T>,
) -> Vec<T> {
    let Some((items, _)) = obj.list(ctx, key) else {
        return Vec::new();
    };
    items.filter_map(|item| read(ctx, item)).collect()
}

fn read_languages(ctx: &mut Ctx, node: Node, field: &Field) -> Option<Vec<String>> {
    let items = fields::list(ctx, node, field)?;
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let Some(tag) = fields::string(ctx, item, fields::item_subject(field)) else {
            continue;
        };
        if !is_language_tag(tag) {
            ctx.error(
                Code::InvalidLanguage,
                item,
                format!(
                    "`{}` is not a language tag such as `en` or `fr-CA`",
                    fields::shorten(tag)
                ),
            );
        } else if out.iter().any(|l| l.eq_ignore_ascii_case(tag)) {
            ctx.warning(
                Code::DuplicateLanguage,
                item,
                format!("language `{tag}` is declared twice"),
            );
        } else {
            out.push(tag.to_owned());
        }
    }
    (!out.is_empty()).then_some(out)
}

fn read_institution<'d>(
    ctx: &mut Ctx<'d>,
    node: Node<'d>,
    ids: &mut IdRegistry<'d>,
) -> Option<Institution> {
    let obj = object(ctx, node, &table::INSTITUTION)?;
    let id = obj.id(ctx, "id");
    let name = obj.text(ctx, "name");
    let url = obj.url(ctx, "url");
    let id = id?;
    if !ids.claim(ctx, id, node, "institution") {
        return None;
    }
    let name = name.unwrap_or_else(|| Text::Plain(id.to_owned()));
    Some(Institution {
        id: id.to_owned(),
        name,
        url,
    })
}

fn read_skill<'d>(ctx: &mut Ctx<'d>, node: Node<'d>, ids: &mut IdRegistry<'d>) -> Option<Skill> {
    let obj = object(ctx, node, &table::SKILL)?;
    let id = obj.id(ctx, "id");
    let name = obj.text(ctx, "name");
    let framework = obj.string(ctx, "framework").map(str::to_owned);
    let uri = obj.url(ctx, "uri");
    let id = id?;
    if !ids.claim(ctx, id, node, "skill") {
        return None;
    }
    let name = name.unwrap_or_else(|| Text::Plain(id.to_owned()));
    Some(Skill {
        id: id.to_owned(),
        name,
        framework,
        uri,
    })
}

/// A list field of references, recorded for resolution.
fn references<'d>(ctx: &mut Ctx<'d>, obj: &fields::Obj<'d>, key: &str) -> Option<Vec<String>> {
    let (node, field) = obj.member(ctx, key)?;
    fields::reference_list(ctx, node, field)
}

fn read_equivalence<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Equivalence> {
    let obj = object(ctx, node, &table::EQUIVALENCE)?;
    let holding = references(ctx, &obj, "holding");
    let counts_as = reference(ctx, &obj, "counts_as");
    let toward = references(ctx, &obj, "toward");
    let note = obj.text(ctx, "note");
    let holding = holding.filter(|h| !h.is_empty())?;
    Some(Equivalence {
        holding,
        counts_as: counts_as?,
        toward: toward.filter(|t| !t.is_empty()),
        note,
    })
}

fn read_pathway<'d>(
    ctx: &mut Ctx<'d>,
    node: Node<'d>,
    ids: &mut IdRegistry<'d>,
) -> Option<Pathway> {
    let obj = object(ctx, node, &table::PATHWAY)?;
    let id = obj.id(ctx, "id");
    let title = obj.text(ctx, "title");
    let summary = obj.text(ctx, "summary");
    let goal = reference(ctx, &obj, "goal");
    let steps = references(ctx, &obj, "steps");
    let id = id?;
    if !ids.claim(ctx, id, node, "pathway") {
        return None;
    }
    let title = title.unwrap_or_else(|| Text::Plain(id.to_owned()));
    Some(Pathway {
        id: id.to_owned(),
        title,
        summary,
        goal: goal?,
        steps: steps.unwrap_or_default(),
    })
}
