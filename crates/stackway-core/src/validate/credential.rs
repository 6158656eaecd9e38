//! Reading credentials and their requirement trees.

use super::fields::{self, object, optional, Obj};
use super::suggest::did_you_mean;
use super::{child, index, CredentialSite, CreditsGroup, Ctx, Located, Reference, Target};
use crate::feed::{Badge, Cost, Credential, Delivery, Employer, Kind, Requirement, Text};
use crate::json::{Node, Value};
use crate::validate::values::is_currency_code;

pub(crate) const CREDENTIAL_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "summary",
    "url",
    "provider",
    "hours",
    "credits",
    "weeks",
    "cost",
    "delivery",
    "level",
    "tags",
    "skills",
    "outcomes",
    "assessment",
    "employers",
    "badge",
    "requires",
    "prerequisites",
    "valid_years",
];

/// Upper bounds that catch unit mistakes (minutes typed as hours, cents as dollars).
const MAX_HOURS: f64 = 100_000.0;
const MAX_CREDITS: f64 = 10_000.0;
const MAX_WEEKS: f64 = 1_000.0;
const MAX_YEARS: f64 = 100.0;
const MAX_AMOUNT: f64 = 1_000_000_000.0;

/// Reads one credential. Returns `None` (and remembers the id) when it cannot be used: no id or
/// a kind the format does not know.
pub(crate) fn read_credential(
    ctx: &mut Ctx,
    node: &Node,
    pointer: &str,
) -> Option<(Credential, CredentialSite)> {
    let obj = object(ctx, node, pointer, "a credential", CREDENTIAL_KEYS)?;
    let id = obj
        .required(ctx, "id", "a credential")
        .and_then(|n| fields::id(ctx, n, &obj.at("id"), "the credential id"));
    let kind = obj.required(ctx, "kind", "a credential").and_then(|n| {
        let p = obj.at("kind");
        let s = fields::string(ctx, n, &p, "`kind`")?;
        let kind = Kind::parse(s);
        if kind.is_none() {
            let hint = did_you_mean(s, Kind::ALL.iter().map(|k| k.as_str()));
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            ctx.error(
                "unknown-kind",
                &p,
                n.pos,
                format!(
                    "unknown kind `{}`{hint}; expected one of {}",
                    fields::shorten(s),
                    known.join(", ")
                ),
            );
        }
        kind
    });
    let title = obj
        .required(ctx, "title", "a credential")
        .and_then(|n| fields::text(ctx, n, &obj.at("title"), "the title"));
    let (Some(id), Some(kind)) = (id, kind) else {
        if let Some(Value::String(id)) = obj.get("id").map(|n| &n.value) {
            ctx.dropped_credentials.push(id.to_string());
        }
        return None;
    };
    // A credential without a usable title is still worth showing: fall back to its id.
    let title = title.unwrap_or_else(|| Text::Plain(id.clone()));
    let mut credential = Credential::new(id, kind, "");
    credential.title = title;
    credential.summary = optional(ctx, &obj, "summary", |c, n, p| {
        fields::text(c, n, p, "the summary")
    });
    credential.url = optional(ctx, &obj, "url", |c, n, p| fields::url(c, n, p, "`url`"));
    credential.provider = optional(ctx, &obj, "provider", |c, n, p| {
        let id = fields::id(c, n, p, "`provider`")?;
        c.references.push(Reference {
            target: Target::Institution,
            id: id.clone(),
            at: Located {
                pointer: p.to_owned(),
                pos: n.pos,
            },
        });
        Some(id)
    });
    credential.hours = optional(ctx, &obj, "hours", |c, n, p| {
        fields::number(c, n, p, "`hours`", 0.0, false, MAX_HOURS)
    });
    credential.credits = optional(ctx, &obj, "credits", |c, n, p| {
        fields::number(c, n, p, "`credits`", 0.0, false, MAX_CREDITS)
    });
    credential.weeks = optional(ctx, &obj, "weeks", |c, n, p| {
        fields::number(c, n, p, "`weeks`", 0.0, false, MAX_WEEKS)
    });
    credential.valid_years = optional(ctx, &obj, "valid_years", |c, n, p| {
        fields::number(c, n, p, "`valid_years`", 0.0, true, MAX_YEARS)
    });
    credential.cost = optional(ctx, &obj, "cost", read_cost);
    credential.delivery = optional(ctx, &obj, "delivery", read_delivery).unwrap_or_default();
    credential.level = optional(ctx, &obj, "level", |c, n, p| {
        fields::text(c, n, p, "`level`")
    });
    credential.tags = optional(ctx, &obj, "tags", |c, n, p| {
        let items = fields::array(c, n, p, "`tags`", false)?;
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    fields::string(c, item, &index(p, i), "a tag").map(str::to_owned)
                })
                .collect(),
        )
    })
    .unwrap_or_default();
    credential.skills = optional(ctx, &obj, "skills", |c, n, p| {
        let ids = fields::id_list(c, n, p, "`skills`", false)?;
        Some(
            ids.into_iter()
                .map(|(id, pointer, pos)| {
                    c.references.push(Reference {
                        target: Target::Skill,
                        id: id.clone(),
                        at: Located { pointer, pos },
                    });
                    id
                })
                .collect(),
        )
    })
    .unwrap_or_default();
    credential.outcomes = optional(ctx, &obj, "outcomes", |c, n, p| {
        let items = fields::array(c, n, p, "`outcomes`", false)?;
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| fields::text(c, item, &index(p, i), "a learning outcome"))
                .collect(),
        )
    })
    .unwrap_or_default();
    credential.assessment = optional(ctx, &obj, "assessment", |c, n, p| {
        fields::text(c, n, p, "`assessment`")
    });
    credential.employers = optional(ctx, &obj, "employers", read_employers).unwrap_or_default();
    credential.badge = optional(ctx, &obj, "badge", read_badge);

    let mut site = CredentialSite {
        at: Some(Located {
            pointer: pointer.to_owned(),
            pos: node.pos,
        }),
        ..CredentialSite::default()
    };
    if let Some(n) = obj.get("requires") {
        let p = obj.at("requires");
        site.requires = Some(Located {
            pointer: p.clone(),
            pos: n.pos,
        });
        credential.requires = read_requirement(ctx, n, &p);
    }
    if let Some(n) = obj.get("prerequisites") {
        let p = obj.at("prerequisites");
        site.prerequisites = Some(Located {
            pointer: p.clone(),
            pos: n.pos,
        });
        credential.prerequisites = read_requirement(ctx, n, &p);
    }
    Some((credential, site))
}

fn read_cost(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Cost> {
    let obj = object(ctx, node, pointer, "`cost`", &["amount", "currency"])?;
    let amount = obj.required(ctx, "amount", "`cost`").and_then(|n| {
        fields::number(
            ctx,
            n,
            &obj.at("amount"),
            "the amount",
            0.0,
            false,
            MAX_AMOUNT,
        )
    });
    let currency = obj.required(ctx, "currency", "`cost`").and_then(|n| {
        let p = obj.at("currency");
        let code = fields::string(ctx, n, &p, "the currency")?;
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
                "invalid-currency",
                &p,
                n.pos,
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

fn read_delivery(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Vec<Delivery>> {
    let items = fields::array(ctx, node, pointer, "`delivery`", false)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index(pointer, i);
        let Some(s) = fields::string(ctx, item, &p, "a delivery mode") else {
            continue;
        };
        match Delivery::parse(s) {
            Some(d) if !out.contains(&d) => out.push(d),
            Some(_) => {}
            None => {
                let hint = did_you_mean(s, Delivery::ALL.iter().map(|d| d.as_str()));
                ctx.error(
                    "unknown-delivery",
                    &p,
                    item.pos,
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

fn read_employers(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Vec<Employer>> {
    let items = fields::array(ctx, node, pointer, "`employers`", false)?;
    Some(
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let p = index(pointer, i);
                let obj = object(ctx, item, &p, "an employer", &["name", "url"])?;
                let name = obj
                    .required(ctx, "name", "an employer")
                    .and_then(|n| fields::text(ctx, n, &obj.at("name"), "the employer's name"));
                let url = optional(ctx, &obj, "url", |c, n, p| fields::url(c, n, p, "`url`"));
                Some(Employer { name: name?, url })
            })
            .collect(),
    )
}

fn read_badge(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Badge> {
    let obj = object(ctx, node, pointer, "`badge`", &["achievement", "image"])?;
    let achievement = obj
        .required(ctx, "achievement", "`badge`")
        .and_then(|n| fields::url(ctx, n, &obj.at("achievement"), "`achievement`"));
    let image = optional(ctx, &obj, "image", |c, n, p| {
        fields::url(c, n, p, "`image`")
    });
    Some(Badge {
        achievement: achievement?,
        image,
    })
}

/// Reads a requirement tree. Invalid branches are dropped; a group left with no child is dropped.
pub(crate) fn read_requirement(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Requirement> {
    match &node.value {
        Value::String(_) => {
            let id = fields::id(ctx, node, pointer, "a credential id")?;
            ctx.references.push(Reference {
                target: Target::Credential,
                id: id.clone(),
                at: Located {
                    pointer: pointer.to_owned(),
                    pos: node.pos,
                },
            });
            Some(Requirement::Credential(id))
        }
        Value::Object(members) => {
            let forms: Vec<&str> = members
                .iter()
                .map(|m| m.key.as_ref())
                .filter(|k| matches!(*k, "all" | "any" | "choose" | "credits"))
                .collect();
            match forms.as_slice() {
                ["all"] => {
                    let obj = object(ctx, node, pointer, "an `all` group", &["all", "label"])?;
                    let children = read_children(ctx, &obj, "all")?;
                    Some(Requirement::All {
                        all: children,
                        label: read_label(ctx, &obj),
                    })
                }
                ["any"] => {
                    let obj = object(ctx, node, pointer, "an `any` group", &["any", "label"])?;
                    let children = read_children(ctx, &obj, "any")?;
                    Some(Requirement::Any {
                        any: children,
                        label: read_label(ctx, &obj),
                    })
                }
                ["choose"] => read_choose(ctx, node, pointer),
                ["credits"] => read_credits(ctx, node, pointer),
                _ => {
                    let message = if forms.is_empty() {
                        "a requirement group needs one of `all`, `any`, `choose` or `credits`"
                            .to_owned()
                    } else {
                        format!(
                            "a requirement group has exactly one of `all`, `any`, `choose` or `credits`, found {}",
                            forms.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" and ")
                        )
                    };
                    ctx.error("invalid-requirement", pointer, node.pos, message);
                    None
                }
            }
        }
        _ => {
            fields::wrong_type(
                ctx,
                node,
                pointer,
                "a requirement must be a credential id or a group object",
            );
            None
        }
    }
}

fn read_label(ctx: &mut Ctx, obj: &Obj) -> Option<Text> {
    optional(ctx, obj, "label", |c, n, p| {
        fields::text(c, n, p, "the group label")
    })
}

fn read_children(ctx: &mut Ctx, obj: &Obj, key: &str) -> Option<Vec<Requirement>> {
    let node = obj.get(key)?;
    let pointer = obj.at(key);
    let items = fields::array(ctx, node, &pointer, &format!("`{key}`"), true)?;
    let children: Vec<Requirement> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_requirement(ctx, item, &index(&pointer, i)))
        .collect();
    (!children.is_empty()).then_some(children)
}

fn read_choose(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Requirement> {
    let obj = object(
        ctx,
        node,
        pointer,
        "a `choose` group",
        &["choose", "from", "label"],
    )?;
    let n_node = obj.get("choose")?;
    let n_pointer = obj.at("choose");
    let n = fields::number(
        ctx,
        n_node,
        &n_pointer,
        "`choose`",
        1.0,
        false,
        u32::MAX as f64,
    )
    .and_then(|n| {
        if n.fract() != 0.0 {
            ctx.error(
                "number-out-of-range",
                &n_pointer,
                n_node.pos,
                format!("`choose` must be a whole number, found {n}"),
            );
            None
        } else {
            Some(n as u32)
        }
    });
    obj.required(ctx, "from", "a `choose` group")?;
    let from_len = match obj.get("from").map(|f| &f.value) {
        Some(Value::Array(items)) => items.len(),
        _ => 0,
    };
    let children = read_children(ctx, &obj, "from");
    let label = read_label(ctx, &obj);
    let n = n?;
    if from_len > 0 && n as usize > from_len {
        ctx.error(
            "choose-too-large",
            &n_pointer,
            n_node.pos,
            format!("`choose` asks for {n} items but its list has only {from_len}: it can never be completed"),
        );
    }
    Some(Requirement::Choose {
        choose: n,
        from: children?,
        label,
    })
}

fn read_credits(ctx: &mut Ctx, node: &Node, pointer: &str) -> Option<Requirement> {
    let obj = object(
        ctx,
        node,
        pointer,
        "a `credits` group",
        &["credits", "from", "label"],
    )?;
    let credits = obj.get("credits").and_then(|n| {
        fields::number(
            ctx,
            n,
            &obj.at("credits"),
            "`credits`",
            0.0,
            true,
            MAX_CREDITS,
        )
    });
    let from_node = obj.required(ctx, "from", "a `credits` group")?;
    let from_pointer = obj.at("from");
    let items = fields::array(ctx, from_node, &from_pointer, "`from`", true)?;
    let mut from = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index(&from_pointer, i);
        if let Value::Object(_) | Value::Array(_) = item.value {
            ctx.error(
                "nested-group-in-credits",
                &p,
                item.pos,
                "a `credits` group lists credential ids only; nested groups are not allowed here (wrap the credits group in an `all` instead)",
            );
            continue;
        }
        if let Some(id) = fields::id(ctx, item, &p, "a credential id") {
            ctx.references.push(Reference {
                target: Target::Credential,
                id: id.clone(),
                at: Located {
                    pointer: p,
                    pos: item.pos,
                },
            });
            from.push(id);
        }
    }
    let label = read_label(ctx, &obj);
    let credits = credits?;
    if from.is_empty() {
        return None;
    }
    ctx.credits_groups.push(CreditsGroup {
        credits,
        from: from.clone(),
        at: Located {
            pointer: child(pointer, "credits"),
            pos: obj.get("credits").map(|n| n.pos).unwrap_or(node.pos),
        },
    });
    Some(Requirement::Credits {
        credits,
        from,
        label,
    })
}
