//! Reading credentials and their requirement trees.

use super::fields::{self, object, reference, Obj};
use super::suggest::did_you_mean;
use super::{CredentialSite, CreditsGroup, Ctx, Reference, Target};
use crate::diagnostics::Code;
use crate::feed::{Badge, Cost, Credential, Delivery, Employer, Kind, Requirement, Text};
use crate::field_table as table;
use crate::json::{Node, Value};
use crate::validate::values::is_currency_code;

/// Reads one credential, returning it with its id and where it is. Returns `None` (and
/// remembers the id) when it cannot be used: no id or a kind the format does not know.
pub(crate) fn read_credential<'d>(
    ctx: &mut Ctx<'d>,
    node: Node<'d>,
) -> Option<(Credential, &'d str, CredentialSite<'d>)> {
    let obj = object(ctx, node, &table::CREDENTIAL)?;
    let id = obj.id(ctx, "id");
    let kind = obj.member(ctx, "kind").and_then(|(n, field)| {
        let s = fields::string(ctx, n, field.subject)?;
        let kind = Kind::parse(s);
        if kind.is_none() {
            let hint = did_you_mean(s, Kind::ALL.iter().map(|k| k.as_str()));
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            ctx.error(
                Code::UnknownKind,
                n,
                format!(
                    "unknown kind `{}`{hint}; expected one of {}",
                    fields::shorten(s),
                    known.join(", ")
                ),
            );
        }
        kind
    });
    let title = obj.text(ctx, "title");
    let (Some(id), Some(kind)) = (id, kind) else {
        if let Some(id) = obj.get("id").and_then(Node::as_str) {
            ctx.dropped_credentials.push(id);
        }
        return None;
    };
    // A credential without a usable title is still worth showing: fall back to its id.
    let title = title.unwrap_or_else(|| Text::Plain(id.to_owned()));
    let mut credential = Credential::new(id, kind, "");
    credential.title = title;
    credential.summary = obj.text(ctx, "summary");
    credential.url = obj.url(ctx, "url");
    credential.provider = reference(ctx, &obj, "provider");
    credential.hours = obj.number(ctx, "hours");
    credential.credits = obj.number(ctx, "credits");
    credential.weeks = obj.number(ctx, "weeks");
    credential.valid_years = obj.number(ctx, "valid_years");
    credential.cost = obj.member(ctx, "cost").and_then(|(n, _)| read_cost(ctx, n));
    credential.delivery = read_delivery(ctx, &obj).unwrap_or_default();
    credential.level = obj.text(ctx, "level");
    credential.tags = obj
        .list(ctx, "tags")
        .map(|(items, field)| {
            items
                .filter_map(|item| fields::string(ctx, item, fields::item_subject(field)))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    credential.skills = obj
        .member(ctx, "skills")
        .and_then(|(n, field)| fields::reference_list(ctx, n, field))
        .unwrap_or_default();
    credential.outcomes = obj
        .list(ctx, "outcomes")
        .map(|(items, field)| {
            items
                .filter_map(|item| fields::text(ctx, item, fields::item_subject(field)))
                .collect()
        })
        .unwrap_or_default();
    credential.assessment = obj.text(ctx, "assessment");
    credential.employers = read_employers(ctx, &obj).unwrap_or_default();
    credential.badge = obj
        .member(ctx, "badge")
        .and_then(|(n, _)| read_badge(ctx, n));

    let mut site = CredentialSite {
        at: node,
        requires: None,
        prerequisites: None,
        requires_refs: (0, 0),
        prerequisites_refs: (0, 0),
    };
    if let Some(n) = obj.get("requires") {
        site.requires = Some(n);
        let start = ctx.references.len();
        credential.requires = read_requirement(ctx, n);
        site.requires_refs = (start, ctx.references.len());
    }
    if let Some(n) = obj.get("prerequisites") {
        site.prerequisites = Some(n);
        let start = ctx.references.len();
        credential.prerequisites = read_requirement(ctx, n);
        site.prerequisites_refs = (start, ctx.references.len());
    }
    Some((credential, id, site))
}

fn read_cost(ctx: &mut Ctx, node: Node) -> Option<Cost> {
    let obj = object(ctx, node, &table::COST)?;
    let amount = obj.number(ctx, "amount");
    let currency = obj.member(ctx, "currency").and_then(|(n, field)| {
        let code = fields::string(ctx, n, field.subject)?;
        if is_currency_code(code) {
            Some(code.to_owned())
        } else {
            let upper = code.to_ascii_uppercase();
            let hint = if is_currency_code(&upper) {
                format!(" (did you mean `{upper}`?)")
            } else {
                String::new()
            };
            ctx.error(
                Code::InvalidCurrency,
                n,
                format!(
                    "`{}` is not an active ISO 4217 currency code{hint}",
                    fields::shorten(code)
                ),
            );
            None
        }
    });
    Some(Cost {
        amount: amount?,
        currency: currency?,
    })
}

fn read_delivery(ctx: &mut Ctx, credential: &Obj) -> Option<Vec<Delivery>> {
    let (items, field) = credential.list(ctx, "delivery")?;
    let mut out = Vec::new();
    for item in items {
        let Some(s) = fields::string(ctx, item, fields::item_subject(field)) else {
            continue;
        };
        match Delivery::parse(s) {
            Some(d) if !out.contains(&d) => out.push(d),
            Some(_) => {}
            None => {
                let hint = did_you_mean(s, Delivery::ALL.iter().map(|d| d.as_str()));
                ctx.error(
                    Code::UnknownDelivery,
                    item,
                    format!(
                        "unknown delivery mode `{}`{hint}; expected online, in-person or hybrid",
                        fields::shorten(s)
                    ),
                );
            }
        }
    }
    Some(out)
}

fn read_employers(ctx: &mut Ctx, credential: &Obj) -> Option<Vec<Employer>> {
    let (items, _) = credential.list(ctx, "employers")?;
    Some(
        items
            .filter_map(|item| {
                let obj = object(ctx, item, &table::EMPLOYER)?;
                let name = obj.text(ctx, "name");
                let url = obj.url(ctx, "url");
                Some(Employer { name: name?, url })
            })
            .collect(),
    )
}

fn read_badge(ctx: &mut Ctx, node: Node) -> Option<Badge> {
    let obj = object(ctx, node, &table::BADGE)?;
    let achievement = obj.url(ctx, "achievement");
    let image = obj.url(ctx, "image");
    Some(Badge {
        achievement: achievement?,
        image,
    })
}

/// Reads a requirement tree. Invalid branches are dropped; a group left with no child is dropped.
/// References read inside a dropped branch are still resolved (and reported when dangling) but
/// marked as not in the tree, so that the cycle check sees exactly the typed tree's leaves.
pub(crate) fn read_requirement<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    let start = ctx.references.len();
    let requirement = read_requirement_node(ctx, node);
    if requirement.is_none() {
        for reference in ctx.references.get_mut(start..).unwrap_or_default() {
            reference.in_tree = false;
        }
    }
    requirement
}

fn read_requirement_node<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    match node.value() {
        Value::String(_) => {
            let id = fields::id(ctx, node, "a credential id")?;
            ctx.references
                .push(Reference::new(Target::Credential, id, node));
            Some(Requirement::Credential(id.to_owned()))
        }
        Value::Object(members) => {
            // The group forms present, in document order (at most two are kept: enough to
            // name the clash).
            let mut forms: [&str; 2] = [""; 2];
            let mut count = 0usize;
            let mut names: Vec<&str> = Vec::new();
            for m in members {
                if table::group_by_key(m.key).is_some() {
                    if let Some(slot) = forms.get_mut(count) {
                        *slot = m.key;
                    }
                    count += 1;
                    if count > 1 {
                        if names.is_empty() {
                            names.extend(forms.iter().take(1));
                        }
                        names.push(m.key);
                    }
                }
            }
            match (count, forms[0]) {
                (1, "all") => {
                    let obj = object(ctx, node, &table::ALL_GROUP)?;
                    let children = read_children(ctx, &obj, "all")?;
                    Some(Requirement::All {
                        all: children,
                        label: read_label(ctx, &obj),
                    })
                }
                (1, "any") => {
                    let obj = object(ctx, node, &table::ANY_GROUP)?;
                    let children = read_children(ctx, &obj, "any")?;
                    Some(Requirement::Any {
                        any: children,
                        label: read_label(ctx, &obj),
                    })
                }
                (1, "choose") => read_choose(ctx, node),
                (1, _) => read_credits(ctx, node),
                _ => {
                    let message = if count == 0 {
                        "a requirement group needs one of `all`, `any`, `choose` or `credits`"
                            .to_owned()
                    } else {
                        format!(
                            "a requirement group has exactly one of `all`, `any`, `choose` or `credits`, found {}",
                            names.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" and ")
                        )
                    };
                    ctx.error(Code::InvalidRequirement, node, message);
                    None
                }
            }
        }
        _ => {
            fields::wrong_type(
                ctx,
                node,
                "a requirement must be a credential id or a group object",
            );
            None
        }
    }
}

fn read_label(ctx: &mut Ctx, obj: &Obj) -> Option<Text> {
    obj.text(ctx, "label")
}

fn read_children<'d>(
    ctx: &mut Ctx<'d>,
    obj: &Obj<'d>,
    key: &'static str,
) -> Option<Vec<Requirement>> {
    let (items, _) = obj.list(ctx, key)?;
    let children: Vec<Requirement> = items
        .filter_map(|item| read_requirement(ctx, item))
        .collect();
    (!children.is_empty()).then_some(children)
}

fn read_choose<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    let obj = object(ctx, node, &table::CHOOSE_GROUP)?;
    let (n_node, n_field) = obj.member(ctx, "choose")?;
    let n = fields::number(ctx, n_node, n_field).and_then(|n| {
        if n.fract() != 0.0 {
            ctx.error(
                Code::NumberOutOfRange,
                n_node,
                format!(
                    "`choose` must be a whole number, found {}",
                    n_node.number_text().unwrap_or_default()
                ),
            );
            None
        } else {
            Some(n as u32)
        }
    });
    obj.member(ctx, "from")?;
    let from_len = match obj.get("from").map(Node::value) {
        Some(Value::Array(items)) => items.count(),
        _ => 0,
    };
    let children = read_children(ctx, &obj, "from");
    let label = read_label(ctx, &obj);
    let n = n?;
    if from_len > 0 && n as usize > from_len {
        ctx.error(
            Code::ChooseTooLarge,
            n_node,
            format!("`choose` asks for {n} items but its list has only {from_len}: it can never be completed"),
        );
    }
    Some(Requirement::Choose {
        choose: n,
        from: children?,
        label,
    })
}

fn read_credits<'d>(ctx: &mut Ctx<'d>, node: Node<'d>) -> Option<Requirement> {
    let obj = object(ctx, node, &table::CREDITS_GROUP)?;
    let credits_node = obj.get("credits");
    let credits = obj.number(ctx, "credits");
    let (items, from_field) = obj.list(ctx, "from")?;
    let mut from = Vec::new();
    let refs_start = ctx.references.len();
    for item in items {
        if let Value::Object(_) | Value::Array(_) = item.value() {
            ctx.error(
                Code::NestedGroupInCredits,
                item,
                "a `credits` group lists credential ids only; nested groups are not allowed here (wrap the credits group in an `all` instead)",
            );
            continue;
        }
        if let Some(id) = fields::id(ctx, item, fields::item_subject(from_field)) {
            ctx.references
                .push(Reference::new(Target::Credential, id, item));
            from.push(id.to_owned());
        }
    }
    let label = read_label(ctx, &obj);
    let credits = credits?;
    if from.is_empty() {
        return None;
    }
    ctx.credits_groups.push(CreditsGroup {
        credits,
        from: (refs_start, ctx.references.len()),
        at: credits_node.unwrap_or(node),
    });
    Some(Requirement::Credits {
        credits,
        from,
        label,
    })
}
