//! Reading the top level of a feed: version, languages, institutions, skills, credentials,
//! equivalences and pathways. Duplicate ids are reported here and the later copies dropped.

use std::collections::HashMap;

use super::credential::read_credential;
use super::fields::{self, object, optional};
use super::values::is_language_tag;
use super::{Ctx, Reference, Target};
use crate::feed::{Equivalence, Feed, Institution, Pathway, Skill, Text, FORMAT_VERSION};
use crate::json::{Node, Value};

pub(crate) const FEED_KEYS: &[&str] = &[
    "$schema",
    "stackway",
    "id",
    "updated",
    "languages",
    "credit_label",
    "provider",
    "institutions",
    "skills",
    "credentials",
    "equivalences",
    "pathways",
];

/// Reads the whole feed. `None` only when the document is not an object at all.
pub(crate) fn read_feed<'d>(ctx: &mut Ctx<'d>, root: Node<'d>) -> Option<Feed> {
    let obj = object(ctx, root, "the feed", FEED_KEYS)?;
    match obj.get("stackway") {
        None => ctx.error(
            "missing-version",
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
                    "unsupported-version",
                    n,
                    format!("this validator reads format version {FORMAT_VERSION}, found {found}"),
                );
            }
        },
    }
    // Languages first: every Text below is checked against them.
    let languages = obj
        .required(ctx, "languages", "the feed")
        .and_then(|n| read_languages(ctx, n))
        .unwrap_or_else(|| vec!["en".to_owned()]);
    ctx.languages = languages.clone();

    let id = obj
        .required(ctx, "id", "the feed")
        .and_then(|n| fields::id(ctx, n, "the feed id"))
        .map(str::to_owned)
        .unwrap_or_default();
    let updated = optional(ctx, &obj, "updated", |c, n| fields::date(c, n, "`updated`"));
    let credit_label = optional(ctx, &obj, "credit_label", |c, n| {
        fields::text(c, n, "`credit_label`")
    });

    let mut institution_ids = IdRegistry::default();
    let provider = obj
        .required(ctx, "provider", "the feed")
        .and_then(|n| read_institution(ctx, n, &mut institution_ids))
        // The widget can still show credentials without knowing who publishes them.
        .unwrap_or_else(|| Institution {
            id: String::new(),
            name: Text::Plain(String::new()),
            url: None,
        });
    let institutions = read_list(ctx, &obj, "institutions", false, |c, n| {
        read_institution(c, n, &mut institution_ids)
    });
    ctx.institution_ids = institution_ids.seen.into_keys().collect();

    let mut skill_ids = IdRegistry::default();
    let skills = read_list(ctx, &obj, "skills", false, |c, n| {
        read_skill(c, n, &mut skill_ids)
    });
    ctx.skill_ids = skill_ids.seen.into_keys().collect();

    let mut credentials = Vec::new();
    if let Some(n) = obj.required(ctx, "credentials", "the feed") {
        if let Some(items) = fields::array(ctx, n, "`credentials`", true) {
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
    }

    let equivalences = read_list(ctx, &obj, "equivalences", false, read_equivalence);
    let mut pathway_ids = IdRegistry::default();
    let pathways = read_list(ctx, &obj, "pathways", false, |c, n| {
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
        Some(node) => ctx.error("duplicate-id", node, message),
        None => {
            let pointer = super::child(&ctx.pointer(item), "id");
            ctx.report_at(
                "duplicate-id",
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
    empty_is_error: bool,
    mut read: impl FnMut(&mut Ctx<'d>, Node<'d>) -> Option<T>,
) -> Vec<T> {
    let Some(node) = obj.get(key) else {
        return Vec::new();
    };
    let Some(items) = fields::array(ctx, node, &format!("`{key}`"), empty_is_error) else {
        return Vec::new();
    };
    items.filter_map(|item| read(ctx, item)).collect()
}

fn read_languages(ctx: &mut Ctx, node: Node) -> Option<Vec<String>> {
    let items = fields::array(ctx, node, "`languages`", true)?;
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let Some(tag) = fields::string(ctx, item, "a language tag") else {
            continue;
        };
        if !is_language_tag(tag) {
            ctx.error(
                "invalid-language",
                item,
                format!(
                    "`{}` is not a language tag such as `en` or `fr-CA`",
                    fields::shorten(tag)
                ),
            );
        } else if out.iter().any(|l| l.eq_ignore_ascii_case(tag)) {
            ctx.warning(
                "duplicate-language",
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
    let obj = object(ctx, node, "an institution", &["id", "name", "url"])?;
    let id = obj
        .required(ctx, "id", "an institution")
        .and_then(|n| fields::id(ctx, n, "the institution id"));
    let name = obj
        .required(ctx, "name", "an institution")
        .and_then(|n| fields::text(ctx, n, "the institution's name"));
    let url = optional(ctx, &obj, "url", |c, n| fields::url(c, n, "`url`"));
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
    let obj = object(ctx, node, "a skill", &["id", "name", "framework", "uri"])?;
    let id = obj
        .required(ctx, "id", "a skill")
        .and_then(|n| fields::id(ctx, n, "the skill id"));
    let name = obj
        .required(ctx, "name", "a skill")
        .and_then(|n| fields::text(ctx, n, "the skill's name"));
    let framework = optional(ctx, &obj, "framework", |c, n| {
        fields::string(c, n, "`framework`").map(str::to_owned)
    });
    let uri = optional(ctx, &obj, "uri", |c, n| fields::url(c, n, "`uri`"));
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

fn credential_ref<'d>(ctx: &mut Ctx<'d>, node: Node<'d>, what: &str) -> Option<String> {
    let id = fields::id(ctx, node, what)?;
    ctx.references
        .push(Reference::new(Target::Credential, id, node));
    Some(id.to_owned())
}

fn read_equivalence<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Equivalence> {
    let obj = object(
        ctx,
        node,
        "an equivalence",
        &["holding", "counts_as", "toward", "note"],
    )?;
    let holding = obj
        .required(ctx, "holding", "an equivalence")
        .and_then(|n| fields::reference_list(ctx, n, "`holding`", true, Target::Credential));
    let counts_as = obj
        .required(ctx, "counts_as", "an equivalence")
        .and_then(|n| credential_ref(ctx, n, "`counts_as`"));
    let toward = optional(ctx, &obj, "toward", |c, n| {
        fields::reference_list(c, n, "`toward`", true, Target::Credential)
    });
    let note = optional(ctx, &obj, "note", |c, n| fields::text(c, n, "the note"));
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
    let obj = object(
        ctx,
        node,
        "a pathway",
        &["id", "title", "summary", "goal", "steps"],
    )?;
    let id = obj
        .required(ctx, "id", "a pathway")
        .and_then(|n| fields::id(ctx, n, "the pathway id"));
    let title = obj
        .required(ctx, "title", "a pathway")
        .and_then(|n| fields::text(ctx, n, "the title"));
    let summary = optional(ctx, &obj, "summary", |c, n| {
        fields::text(c, n, "the summary")
    });
    let goal = obj
        .required(ctx, "goal", "a pathway")
        .and_then(|n| credential_ref(ctx, n, "`goal`"));
    let steps = obj
        .required(ctx, "steps", "a pathway")
        .and_then(|n| fields::reference_list(ctx, n, "`steps`", true, Target::Credential));
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
