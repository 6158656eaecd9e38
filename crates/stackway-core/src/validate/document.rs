//! Reading the top level of a feed: version, languages, institutions, skills, credentials,
//! equivalences and pathways. Duplicate ids are reported here and the later copies dropped.

use std::collections::HashMap;

use super::credential::read_credential;
use super::fields::{self, object, optional};
use super::values::is_language_tag;
use super::{index, Ctx, Located, Reference, Target};
use crate::feed::{Equivalence, Feed, Institution, Pathway, Skill, Text, FORMAT_VERSION};
use crate::json::{Node, Pos, Value};

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
pub(crate) fn read_feed(ctx: &mut Ctx, root: &Node) -> Option<Feed> {
    let obj = object(ctx, root, "", "the feed", FEED_KEYS)?;
    match obj.get("stackway") {
        None => ctx.error(
            "missing-version",
            "",
            root.pos,
            "the feed must declare its format version: add \"stackway\": 1",
        ),
        Some(n) if n.value != Value::Number(f64::from(FORMAT_VERSION)) => {
            let found = match &n.value {
                Value::Number(v) => v.to_string(),
                other => other.type_name().to_owned(),
            };
            ctx.error(
                "unsupported-version",
                "/stackway",
                n.pos,
                format!("this validator reads format version {FORMAT_VERSION}, found {found}"),
            );
        }
        Some(_) => {}
    }
    // Languages first: every Text below is checked against them.
    let languages = obj
        .required(ctx, "languages", "the feed")
        .and_then(|n| read_languages(ctx, n))
        .unwrap_or_else(|| vec!["en".to_owned()]);
    ctx.languages = languages.clone();

    let id = obj
        .required(ctx, "id", "the feed")
        .and_then(|n| fields::id(ctx, n, "/id", "the feed id"))
        .unwrap_or_default();
    let updated = optional(ctx, &obj, "updated", |c, n, p| {
        fields::date(c, n, p, "`updated`")
    });
    let credit_label = optional(ctx, &obj, "credit_label", |c, n, p| {
        fields::text(c, n, p, "`credit_label`")
    });

    let mut institution_ids = IdRegistry::default();
    let provider = obj
        .required(ctx, "provider", "the feed")
        .and_then(|n| read_institution(ctx, n, "/provider", &mut institution_ids))
        // The widget can still show credentials without knowing who publishes them.
        .unwrap_or_else(|| Institution {
            id: String::new(),
            name: Text::Plain(String::new()),
            url: None,
        });
    let institutions = read_list(ctx, &obj, "institutions", false, |c, n, p| {
        read_institution(c, n, p, &mut institution_ids)
    });

    let mut skill_ids = IdRegistry::default();
    let skills = read_list(ctx, &obj, "skills", false, |c, n, p| {
        read_skill(c, n, p, &mut skill_ids)
    });

    let mut credential_ids = IdRegistry::default();
    let mut credentials = Vec::new();
    if let Some(n) = obj.required(ctx, "credentials", "the feed") {
        if let Some(items) = fields::array(ctx, n, "/credentials", "`credentials`", true) {
            for (i, item) in items.iter().enumerate() {
                let p = index("/credentials", i);
                if let Some((credential, site)) = read_credential(ctx, item, &p) {
                    let id_pos = id_pos(item);
                    if credential_ids.claim(ctx, &credential.id, &p, id_pos, "credential") {
                        credentials.push(credential);
                        ctx.credential_sites.push(site);
                    }
                }
            }
        }
    }

    let equivalences = read_list(ctx, &obj, "equivalences", false, read_equivalence);
    let mut pathway_ids = IdRegistry::default();
    let pathways = read_list(ctx, &obj, "pathways", false, |c, n, p| {
        read_pathway(c, n, p, &mut pathway_ids)
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

/// Ids already seen in one list, with where they were first defined.
#[derive(Default)]
struct IdRegistry {
    seen: HashMap<String, String>,
}

impl IdRegistry {
    /// Records `id`; reports `duplicate-id` and returns false when it was already used.
    fn claim(&mut self, ctx: &mut Ctx, id: &str, pointer: &str, pos: Pos, what: &str) -> bool {
        if let Some(first) = self.seen.get(id) {
            ctx.error(
                "duplicate-id",
                &format!("{pointer}/id"),
                pos,
                format!("{what} id `{id}` is already used at {first}; this one is ignored"),
            );
            return false;
        }
        self.seen.insert(id.to_owned(), pointer.to_owned());
        true
    }
}

/// Position of an object's `id` member, or of the object itself.
fn id_pos(node: &Node) -> Pos {
    match &node.value {
        Value::Object(members) => members
            .iter()
            .find(|m| m.key == "id")
            .map(|m| m.value.pos)
            .unwrap_or(node.pos),
        _ => node.pos,
    }
}

fn read_list<T>(
    ctx: &mut Ctx,
    obj: &fields::Obj,
    key: &str,
    empty_is_error: bool,
    mut read: impl FnMut(&mut Ctx, &Node, &str) -> Option<T>,
) -> Vec<T> {
    let Some(node) = obj.get(key) else {
        return Vec::new();
    };
    let pointer = obj.at(key);
    let Some(items) = fields::array(ctx, node, &pointer, &format!("`{key}`"), empty_is_error)
    else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read(ctx, item, &index(&pointer, i)))
        .collect()
}

fn read_languages(ctx: &mut Ctx, node: &Node) -> Option<Vec<String>> {
    let items = fields::array(ctx, node, "/languages", "`languages`", true)?;
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index("/languages", i);
        let Some(tag) = fields::string(ctx, item, &p, "a language tag") else {
            continue;
        };
        if !is_language_tag(tag) {
            ctx.error(
                "invalid-language",
                &p,
                item.pos,
                format!(
                    "`{}` is not a language tag such as `en` or `fr-CA`",
                    fields::shorten(tag)
                ),
            );
        } else if out.iter().any(|l| l.eq_ignore_ascii_case(tag)) {
            ctx.warning(
                "duplicate-language",
                &p,
                item.pos,
                format!("language `{tag}` is declared twice"),
            );
        } else {
            out.push(tag.to_owned());
        }
    }
    (!out.is_empty()).then_some(out)
}

fn read_institution(
    ctx: &mut Ctx,
    node: &Node,
    pointer: &str,
    ids: &mut IdRegistry,
) -> Option<Institution> {
    let obj = object(ctx, node, pointer, "an institution", &["id", "name", "url"])?;
    let id = obj
        .required(ctx, "id", "an institution")
        .and_then(|n| fields::id(ctx, n, &obj.at("id"), "the institution id"));
    let name = obj
        .required(ctx, "name", "an institution")
        .and_then(|n| fields::text(ctx, n, &obj.at("name"), "the institution's name"));
    let url = optional(ctx, &obj, "url", |c, n, p| fields::url(c, n, p, "`url`"));
    let id = id?;
    if !ids.claim(ctx, &id, pointer, id_pos(node), "institution") {
        return None;
    }
    let name = name.unwrap_or_else(|| Text::Plain(id.clone()));
    Some(Institution { id, name, url })
}

fn read_skill(ctx: &mut Ctx, node: &Node, pointer: &str, ids: &mut IdRegistry) -> Option<Skill> {
    let obj = object(
        ctx,
        node,
        pointer,
        "a skill",
        &["id", "name", "framework", "uri"],
    )?;
    let id = obj
        .required(ctx, "id", "a skill")
        .and_then(|n| fields::id(ctx, n, &obj.at("id"), "the skill id"));
    let name = obj
        .required(ctx, "name", "a skill")
        .and_then(|n| fields::text(ctx, n, &obj.at("name"), "the skill's name"));
    let framework = optional(ctx, &obj, "framework", |c, n, p| {
        fields::string(c, n, p, "`framework`").map(str::to_owned)
    });
    let uri = optional(ctx, &obj, "uri", |c, n, p| fields::url(c, n, p, "`uri`"));
    let id = id?;
    if !ids.claim(ctx, &id, pointer, id_pos(node), "skill") {
        return None;
    }
    let name = name.unwrap_or_else(|| Text::Plain(id.clone()));
    Some(Skill {
        id,
        name,
        framework,
        uri,
    })
}

fn credential_refs(ctx: &mut Ctx, list: Vec<(String, String, Pos)>) -> Vec<String> {
    list.into_iter()
        .map(|(id, pointer, pos)| {
            ctx.references.push(Reference {
                target: Target::Credential,
                id: id.clone(),
                at: Located { pointer, pos },
            });
            id
        })
        .collect()
}

fn credential_ref(ctx: &mut Ctx, node: &Node, pointer: &str, what: &str) -> Option<String> {
    let id = fields::id(ctx, node, pointer, what)?;
    ctx.references.push(Reference {
        target: Target::Credential,
        id: id.clone(),
        at: Located {
            pointer: pointer.to_owned(),
            pos: node.pos,
        },
    });
    Some(id)
}

fn read_equivalence(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Equivalence> {
    let obj = object(
        ctx,
        node,
        pointer,
        "an equivalence",
        &["holding", "counts_as", "toward", "note"],
    )?;
    let holding = obj
        .required(ctx, "holding", "an equivalence")
        .and_then(|n| {
            let list = fields::id_list(ctx, n, &obj.at("holding"), "`holding`", true)?;
            Some(credential_refs(ctx, list))
        });
    let counts_as = obj
        .required(ctx, "counts_as", "an equivalence")
        .and_then(|n| credential_ref(ctx, n, &obj.at("counts_as"), "`counts_as`"));
    let toward = optional(ctx, &obj, "toward", |c, n, p| {
        let list = fields::id_list(c, n, p, "`toward`", true)?;
        Some(credential_refs(c, list))
    });
    let note = optional(ctx, &obj, "note", |c, n, p| {
        fields::text(c, n, p, "the note")
    });
    let holding = holding.filter(|h| !h.is_empty())?;
    Some(Equivalence {
        holding,
        counts_as: counts_as?,
        toward: toward.filter(|t| !t.is_empty()),
        note,
    })
}

fn read_pathway(
    ctx: &mut Ctx,
    node: &Node,
    pointer: &str,
    ids: &mut IdRegistry,
) -> Option<Pathway> {
    let obj = object(
        ctx,
        node,
        pointer,
        "a pathway",
        &["id", "title", "summary", "goal", "steps"],
    )?;
    let id = obj
        .required(ctx, "id", "a pathway")
        .and_then(|n| fields::id(ctx, n, &obj.at("id"), "the pathway id"));
    let title = obj
        .required(ctx, "title", "a pathway")
        .and_then(|n| fields::text(ctx, n, &obj.at("title"), "the title"));
    let summary = optional(ctx, &obj, "summary", |c, n, p| {
        fields::text(c, n, p, "the summary")
    });
    let goal = obj
        .required(ctx, "goal", "a pathway")
        .and_then(|n| credential_ref(ctx, n, &obj.at("goal"), "`goal`"));
    let steps = obj.required(ctx, "steps", "a pathway").and_then(|n| {
        let list = fields::id_list(ctx, n, &obj.at("steps"), "`steps`", true)?;
        Some(credential_refs(ctx, list))
    });
    let id = id?;
    if !ids.claim(ctx, &id, pointer, id_pos(node), "pathway") {
        return None;
    }
    let title = title.unwrap_or_else(|| Text::Plain(id.clone()));
    Some(Pathway {
        id,
        title,
        summary,
        goal: goal?,
        steps: steps.unwrap_or_default(),
    })
}
